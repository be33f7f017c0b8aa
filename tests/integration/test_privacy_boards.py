"""'Everything we hold' includes board seats, meetings and the duplicate records merged in;
erasure removes seats and attendance, and the person's name wherever it was written down."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.governance import AttendanceMode, AttendanceStatus, BoardRole
from advocate_app.domain.member_views import ConditionInput, MemberInput
from advocate_app.interchange.subject_access import render_html


@pytest.fixture
def services(any_services):
    return any_services


def _person(services, given, family, **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


@pytest.fixture
def community(services):
    board = services.boards.create_board(BoardInput("Patient Advisory Board"))
    amara = _person(services, "Amara", "Nwosu", email="amara@example.org")
    other = _person(services, "Amara", "Nwosu-Eze", email="a.nwosu@example.net",
                    phone="+44 7700 900123", notes="Uses a wheelchair since 2019",
                    conditions=(ConditionInput("Friedreich ataxia", "95"),))
    services.duplicates.merge(amara, other)
    colleague = _person(services, "Bea", "Lindqvist")
    services.boards.set_membership(board, amara, BoardRole.SECRETARY, date(2024, 1, 1))
    services.boards.set_membership(board, colleague, BoardRole.CHAIR, date(2024, 1, 1))
    meeting = services.meetings.schedule_meeting(MeetingInput(
        board, "Spring meeting", datetime(2025, 3, 10, 18, 30), 90, "Europe/London"),
        [AgendaInput("Research update", "Amara Nwosu", 20)])
    services.meetings.set_attendance(meeting, amara, AttendanceStatus.PRESENT,
                                     AttendanceMode.REMOTE)
    services.meetings.set_attendance(meeting, colleague, AttendanceStatus.PRESENT)
    return {"board": board, "amara": amara, "other": other, "colleague": colleague,
            "meeting": meeting}


def test_everything_we_hold_has_their_seats_meetings_and_merged_records(services, community):
    data = services.privacy.everything_we_hold(community["amara"])
    assert data["board_roles"] == [{"board": "Patient Advisory Board", "role": "secretary",
                                    "term_start": "2024-01-01", "term_end": None}]
    assert data["meetings_attended"] == [{
        "meeting": "Spring meeting", "board": "Patient Advisory Board", "date": "2025-03-10",
        "attendance": "present", "mode": "remote", "role": "secretary"}]
    (merged,) = data["merged_records"]
    assert merged["record"] == community["other"]
    assert merged["held"]["notes"] == "Uses a wheelchair since 2019"
    json.dumps(data)

    page = render_html(data)
    assert "<h2>Boards and meetings</h2>" in page
    assert "<caption>Your places on boards</caption>" in page
    assert "<td>Patient Advisory Board</td><td>Secretary</td><td>2024-01-01</td>" in page
    assert ("<td>Spring meeting</td><td>Patient Advisory Board</td><td>2025-03-10</td>"
            "<td>Present</td><td>Remote</td><td>Secretary</td>") in page
    # The duplicate merged in, with its health details, on the page itself.
    assert "<td>Uses a wheelchair since 2019</td>" in page and "Friedreich ataxia" in page


def test_someone_on_no_board_is_told_so(services):
    quiet = _person(services, "Ivo", "Quiet")
    page = render_html(services.privacy.everything_we_hold(quiet))
    assert "You have not had a place on any board." in page
    assert "You have not been invited to a board meeting." in page


def test_erasure_removes_seats_attendance_and_their_name_in_the_minutes(services, community):
    item = services.meetings.get_meeting(community["meeting"]).agenda[0].id
    services.minutes.save_notes(item, "Amara Nwosu presented; questions to a.nwosu@example.net.")

    result = services.privacy.erase(community["amara"])

    label = f"Erased member {community['amara']}"
    held = services.privacy.everything_we_hold(community["amara"])
    assert held["board_roles"] == [] and held["meetings_attended"] == []
    assert held["merged_records"][0]["held"] == {}
    board = services.boards.get_board(community["board"])
    assert [m.member_id for m in board.members] == [community["colleague"]]
    meeting = services.meetings.get_meeting(community["meeting"])
    assert [a.member_id for a in meeting.attendees] == [community["colleague"]]
    (agenda,) = meeting.agenda
    assert agenda.presenter == label
    assert agenda.notes == f"{label} presented; questions to {label}."
    assert "1 board seat removed (a seat would tell whose record this was)." in result.sentences
    assert "Their attendance at 1 meeting removed." in result.sentences
    assert any("written in 1 other record" in s for s in result.sentences)
    # Other people keep their own records as they were.
    kept = services.privacy.everything_we_hold(community["colleague"])
    assert kept["board_roles"][0]["role"] == "chair"


def test_a_name_another_member_shares_is_left_where_it_is_written(services, community):
    namesake = _person(services, "Amara", "Nwosu", email="other.amara@example.org")
    item = services.meetings.get_meeting(community["meeting"]).agenda[0].id
    services.minutes.save_notes(item, "Amara Nwosu (amara@example.org) will write up.")

    result = services.privacy.erase(community["amara"])

    (agenda,) = services.meetings.get_meeting(community["meeting"]).agenda
    label = f"Erased member {community['amara']}"
    assert agenda.notes == f"Amara Nwosu ({label}) will write up."  # the email is theirs
    assert agenda.presenter == "Amara Nwosu"
    assert any("Another member has the same name" in s for s in result.sentences)
    assert services.members.get(namesake).given_name == "Amara"


def test_erasure_removes_their_relationships_with_other_members(services, community):
    from advocate_app.domain.community import RelationshipKind

    services.timeline.relate(community["colleague"], RelationshipKind.CARER_OF,
                             community["amara"])
    assert services.timeline.relationships(community["colleague"])

    result = services.privacy.erase(community["amara"])

    assert services.timeline.relationships(community["colleague"]) == []
    assert services.timeline.relationships(community["amara"]) == []
    assert any("1 relationship with another member removed" in s for s in result.sentences)
