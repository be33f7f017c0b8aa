"""Merging two records of one person keeps their webinars, story sessions, stories, feedback
and board seats: one registration per webinar (the more informative), nothing cascaded away."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from advocate_app.domain.board_views import BoardInput
from advocate_app.domain.feedback_views import EventKind, FeedbackInput
from advocate_app.domain.governance import BoardRole
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.models import Base
from advocate_app.domain.story_rules import SessionAttendance
from advocate_app.domain.story_views import StoryInput, StorySessionInput
from advocate_app.domain.webinar_kinds import (
    AttendanceOutcome,
    RegistrationStatus,
    WebinarAccess,
    WebinarStatus,
)
from advocate_app.domain.webinar_views import PresenterInput, RegistrationInput, WebinarInput
from advocate_app.services.merge_records import MOVED


@pytest.fixture
def services(any_services):
    return any_services


def _member(services, given, family="Okafor", **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


def _webinar(services, title="Living well with fatigue", *, capacity=0, days=10,
             **extra) -> int:
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(days=days)
    return services.webinars.create(WebinarInput(
        title, when, 90, "Europe/London", capacity=capacity, status=WebinarStatus.OPEN,
        join_link="https://zoom.us/j/81234567890", **extra)).id


def _registration(services, webinar_id, member_id):
    found = [r for r in services.webinars.registrations(webinar_id) if r.member_id == member_id]
    return found[0] if found else None


def _set_registered_at(services, registration_id, moment):
    from advocate_app.domain.webinars import WebinarRegistration

    with services.uow() as uow:
        uow.session.get(WebinarRegistration, registration_id).registered_at = moment
        uow.commit()


def _count(services, sql, **params) -> int:
    return services.members.reader.rows(sql, params)[0][0]


def test_every_record_pointing_at_a_member_is_moved_by_a_merge():
    """A new record pointing at members must be named in MOVED (or be the member's own
    details, combined by the merge), or a merge would cascade it away or leave it behind."""
    own = {"member_roles", "member_tags", "member_access_needs", "member_barriers",
           "member_channels", "member_conditions", "member_contacts"}
    pointing = {f"{table.name}.{fk.parent.name}" for table in Base.metadata.tables.values()
                for fk in table.foreign_keys if fk.column.table.name == "members"
                and table.name not in own}
    assert pointing == MOVED


def test_a_person_registered_under_both_records_keeps_one_registration(services):
    keep = _member(services, "Chidi", email="chidi@example.org")
    other = _member(services, "Chidi", email="c.okafor@example.net")
    webinar = _webinar(services)
    only_other = _webinar(services, "Sleep and pain", days=12)
    services.webinars.register(webinar, keep, RegistrationInput(
        needs=frozenset({WebinarAccess.CAPTIONS})))
    services.webinars.register(webinar, other, RegistrationInput(
        needs=frozenset({WebinarAccess.SIGN_LANGUAGE}), needs_notes="BSL please"))
    services.webinars.register(only_other, other)
    early = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    _set_registered_at(services, _registration(services, webinar, other).id, early)
    services.webinars.check_in(_registration(services, webinar, keep).id, False)
    services.webinars.check_in(_registration(services, webinar, other).id, True, 55)

    services.duplicates.merge(keep, other)

    rows = services.webinars.registrations(webinar)
    assert [r.member_id for r in rows] == [keep]
    (kept,) = rows
    assert kept.attendance is AttendanceOutcome.ATTENDED and kept.minutes_attended == 55
    assert kept.needs == {WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE}
    assert kept.needs_notes == "BSL please"
    assert kept.registered_at == early
    assert kept.status is RegistrationStatus.REGISTERED
    assert [r.member_id for r in services.webinars.registrations(only_other)] == [keep]
    assert services.webinars.stats([webinar]).attended == 1
    said = [e.summary for e in services.timeline.timeline(keep)]
    assert sum("Attended the webinar “Living well with fatigue”" in s for s in said) == 1
    assert not any("Did not come to the webinar “Living well" in s for s in said)
    assert sum("Registered for the webinar “Living well with fatigue”" in s
               for s in said) == 1


def test_more_minutes_win_and_a_place_freed_moves_the_waitlist_up(services):
    keep, other, waiting = (_member(services, n) for n in ("Ada", "Ada", "Bea"))
    webinar = _webinar(services, capacity=2)
    services.webinars.register(webinar, keep)
    services.webinars.register(webinar, other)
    assert services.webinars.register(webinar, waiting).status is RegistrationStatus.WAITLISTED
    services.webinars.check_in(_registration(services, webinar, keep).id, True, 80)
    services.webinars.check_in(_registration(services, webinar, other).id, True, 20)

    services.duplicates.merge(keep, other)

    kept = _registration(services, webinar, keep)
    assert kept.minutes_attended == 80 and kept.attendance is AttendanceOutcome.ATTENDED
    assert _registration(services, webinar, waiting).status is RegistrationStatus.REGISTERED
    assert _count(services, "SELECT count(*) FROM webinar_registrations "
                            "WHERE webinar_id = :w", w=webinar) == 2


def test_a_registration_cancelled_under_one_record_gives_way_to_the_live_one(services):
    keep, other = _member(services, "Ife"), _member(services, "Ife")
    webinar = _webinar(services)
    services.webinars.register(webinar, keep)
    services.webinars.cancel_registration(_registration(services, webinar, keep).id)
    services.webinars.register(webinar, other)
    services.duplicates.merge(keep, other)
    kept = _registration(services, webinar, keep)
    assert kept.status is RegistrationStatus.REGISTERED


def test_presenting_stories_sessions_and_feedback_move_to_the_kept_member(services,
                                                                        tmp_path):
    keep = _member(services, "Ngozi", email="ngozi@example.org")
    other = _member(services, "Ngozi", email="ngozi@example.net")
    webinar = _webinar(services, presenters=(PresenterInput(member_id=other),))
    session_id = services.story_sessions.create(StorySessionInput(
        title="Living with a rare condition", starts_local=datetime(2030, 3, 10, 18, 30),
        place="Room 2", facilitator_id=other))
    shared = services.story_sessions.create(StorySessionInput(
        title="Carers' evening", starts_local=datetime(2030, 4, 10, 18, 30), place="Room 3"))
    services.story_sessions.add_participant(shared, keep)
    services.story_sessions.add_participant(shared, other, "Needs a quiet room")
    services.story_sessions.set_attendance(shared, other, SessionAttendance.ATTENDED)
    story = services.stories.create(StoryInput(
        "Eight years to a diagnosis", "It took eight years.", teller_id=other,
        told_on=date(2025, 5, 1)))
    photo = tmp_path / "clinic.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200))
    copy = services.stories.attachment_path(services.stories.attach(story, photo))
    response = services.feedback.add(EventKind.WEBINAR, webinar, FeedbackInput(
        rating=4, worked="Captions", member_id=other))

    services.duplicates.merge(keep, other)

    assert [p.member_id for p in services.webinars.get(webinar).presenters] == [keep]
    assert services.story_sessions.get(session_id).facilitator_id == keep
    (taking_part,) = services.story_sessions.participants(shared)
    assert taking_part.member_id == keep
    assert taking_part.attendance is SessionAttendance.ATTENDED
    assert taking_part.support_notes == "Needs a quiet room"
    said = [e.summary for e in services.timeline.timeline(keep)]
    assert [s for s in said if "Carers' evening" in s] == [
        next(s for s in said if s.startswith("Took part in the story-sharing session"))]
    assert services.stories.get(story).teller_id == keep  # not turned anonymous
    assert len(services.stories.get(story).attachments) == 1 and copy.is_file()
    assert services.feedback.get(response).member_id == keep


def test_board_seats_and_meeting_attendance_survive_a_merge(services):
    from advocate_app.domain.board_views import MeetingInput
    from advocate_app.domain.governance import AttendanceStatus

    keep, other = _member(services, "Tomas"), _member(services, "Tomas")
    board = services.boards.create_board(BoardInput("Patient Advisory Board"))
    services.boards.set_membership(board, other, BoardRole.SECRETARY, date(2024, 1, 1))
    meeting = services.meetings.schedule_meeting(MeetingInput(
        board, "Spring meeting", datetime(2026, 3, 10, 18, 30), 90, "Europe/London",
        place="Community Hall"), [])
    services.meetings.set_attendance(meeting, other, AttendanceStatus.PRESENT)

    services.duplicates.merge(keep, other)

    seats = services.boards.get_board(board).members
    assert [(s.member_id, s.role) for s in seats] == [(keep, BoardRole.SECRETARY)]
    assert _count(services, "SELECT count(*) FROM attendance WHERE member_id = :m "
                            "AND status = 'present'", m=keep) == 1
