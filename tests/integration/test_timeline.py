"""The engagement timeline and relationships, through merges, erasure and retention."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_app.domain.community import EngagementKind, RelationshipKind
from advocate_app.domain.member_views import MemberInput
from advocate_app.services.errors import ValidationError
from advocate_app.services.timeline import EngagementEntry


@pytest.fixture
def services(any_services):
    return any_services


def _add(services, given, family="Silva", **extra):
    return services.members.create(MemberInput(given_name=given, family_name=family, **extra))


def test_timeline_newest_first_with_who_recorded_it(services):
    ana = _add(services, "Ana")
    services.timeline.add(ana.id, EngagementEntry(EngagementKind.CALL, date(2025, 3, 1),
                                                  "Asked about the family day"))
    services.timeline.add(ana.id, EngagementEntry(EngagementKind.NOTE, date(2025, 5, 2), "x"))
    entries = services.timeline.timeline(ana.id)
    assert [e.kind for e in entries] == [EngagementKind.NOTE, EngagementKind.CALL]
    assert entries[1].summary == "Asked about the family day"
    assert entries[0].recorded_by == "Local user"
    with pytest.raises(ValidationError):
        services.timeline.add(ana.id, EngagementEntry(EngagementKind.NOTE,
                                                      date.today() + timedelta(days=1)))


def test_relationships_read_both_ways(services):
    mum = _add(services, "Maria")
    son = _add(services, "Tiago")
    services.timeline.relate(mum.id, RelationshipKind.PARENT_OF, son.id)
    services.timeline.relate(mum.id, RelationshipKind.PARENT_OF, son.id)  # once only
    assert [r.label for r in services.timeline.relationships(mum.id)] == ["Parent of Tiago Silva"]
    assert [r.label for r in services.timeline.relationships(son.id)] == ["Child of Maria Silva"]
    with pytest.raises(ValidationError):
        services.timeline.relate(mum.id, RelationshipKind.CARER_OF, mum.id)
    services.timeline.unrelate(services.timeline.relationships(mum.id)[0].id)
    assert services.timeline.relationships(son.id) == []


def test_merge_moves_the_timeline_and_relationships(services):
    keep, other, child = _add(services, "Ana"), _add(services, "Ana"), _add(services, "Rui")
    services.timeline.add(other.id, EngagementEntry(EngagementKind.EMAIL, date(2025, 1, 1),
                                                    "Sent the leaflet"))
    services.timeline.relate(other.id, RelationshipKind.CARER_OF, child.id)
    services.timeline.relate(other.id, RelationshipKind.CARER_OF, keep.id)  # becomes self: gone
    services.duplicates.merge(keep.id, other.id)
    assert [e.summary for e in services.timeline.timeline(keep.id)] == [
        f"Merged with the duplicate record of Ana Silva (#{other.id}).", "Sent the leaflet"]
    assert [r.label for r in services.timeline.relationships(keep.id)] == ["Carer of Rui Silva"]


def test_everything_we_hold_has_the_timeline_and_erasure_clears_it(services):
    ana = _add(services, "Ana")
    services.timeline.add(ana.id, EngagementEntry(EngagementKind.CALL, date(2025, 3, 1),
                                                  "Talked about her son's school"))
    held = services.privacy.everything_we_hold(ana.id)
    assert held["timeline"][0]["summary"] == "Talked about her son's school"
    services.privacy.erase(ana.id)
    entries = services.timeline.timeline(ana.id)
    assert [(e.kind, e.summary) for e in entries] == [(EngagementKind.CALL, "")]


def test_recent_engagement_keeps_a_member_out_of_retention(services):
    from datetime import UTC, datetime

    from sqlalchemy import update

    from advocate_app.domain.members import Member

    quiet, active = _add(services, "Quiet"), _add(services, "Active")
    with services.uow() as uow:
        uow.session.execute(update(Member).values(
            updated_at=datetime.now(UTC) - timedelta(days=4 * 365)))
        uow.commit()
    services.timeline.add(active.id, EngagementEntry(EngagementKind.EVENT,
                                                     date.today() - timedelta(days=30)))
    assert [c.id for c in services.privacy.retention_candidates(3)] == [quiet.id]


# -- entries the app writes itself -----------------------------------------------------------

def _summaries(services, member_id):
    return [(e.kind, e.summary) for e in services.timeline.timeline(member_id)]


def test_invitations_and_attendance_reach_the_timeline(services):
    from datetime import datetime

    from advocate_app.domain.board_views import BoardInput, MeetingInput
    from advocate_app.domain.governance import AttendanceMode, AttendanceStatus, BoardRole

    chair, guest = _add(services, "Ana"), _add(services, "Rui")
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    boards.set_membership(board_id, chair.id, BoardRole.CHAIR)
    meeting_id = services.meetings.schedule_meeting(MeetingInput(
        board_id, "Spring meeting", datetime(2025, 3, 10, 18, 30), 90, "Europe/London"))
    invited = "Invited to “Spring meeting” (Patient Advisory Board) on 10 March 2025."
    assert _summaries(services, chair.id) == [(EngagementKind.MEETING, invited)]
    services.meetings.invite(meeting_id, guest.id)
    services.meetings.invite(meeting_id, guest.id)  # once only
    assert _summaries(services, guest.id) == [(EngagementKind.MEETING, invited)]
    services.meetings.set_attendance(meeting_id, chair.id, AttendanceStatus.PRESENT)
    services.meetings.set_attendance(meeting_id, chair.id, AttendanceStatus.PRESENT,
                                     AttendanceMode.REMOTE)
    services.meetings.set_attendance(meeting_id, guest.id, AttendanceStatus.APOLOGIES)
    entries = services.timeline.timeline(chair.id)
    # A change of attendance replaces what the timeline said; the meeting's day is its date.
    assert [(e.occurred_on, e.summary) for e in entries] == [
        (date.today(), invited),
        (date(2025, 3, 10),
         "Present online at “Spring meeting” (Patient Advisory Board) on 10 March 2025.")]
    assert entries[1].recorded_by == "Local user"
    assert _summaries(services, guest.id)[-1] == (
        EngagementKind.MEETING,
        "Sent apologies for “Spring meeting” (Patient Advisory Board) on 10 March 2025.")
    services.meetings.set_attendance(meeting_id, guest.id, AttendanceStatus.INVITED)
    assert _summaries(services, guest.id) == [(EngagementKind.MEETING, invited)]


def test_consent_answers_reach_the_timeline(services):
    from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
    from advocate_app.services.consent import ConsentEntry

    ana = _add(services, "Ana")
    services.consent.record(ana.id, ConsentEntry(
        ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 5),
        expires_on=date(2027, 1, 5)))
    services.consent.record(ana.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, ConsentStatus.WITHDRAWN, ConsentMethod.EMAIL,
        date(2025, 2, 1)))
    entries = services.timeline.timeline(ana.id)
    assert [(e.occurred_on, e.summary) for e in entries] == [
        (date(2025, 2, 1), "Withdrew consent for “Newsletter and updates” (email)."),
        (date(2025, 1, 5), "Gave consent for “Research and trial contact” (paper form) "
                           "until 5 January 2027.")]


def test_imports_and_merges_reach_the_timeline(services, tmp_path):
    from advocate_app.services.member_import import ImportOptions, OnDuplicate, import_members

    ana = _add(services, "Ana", email="ana@example.org")
    path = tmp_path / "helpline.csv"
    path.write_text("First name,Last name,Email,Phone\nAna,Silva,ana@example.org,01632 960001\n"
                    "Rui,Costa,rui@example.org,\n", encoding="utf-8")
    dry = import_members(services.uow, services.actor, path,
                         ImportOptions(on_duplicate=OnDuplicate.MERGE, dry_run=True))
    assert _summaries(services, ana.id) == []  # a trial import writes nothing
    report = import_members(services.uow, services.actor, path,
                            ImportOptions(on_duplicate=OnDuplicate.MERGE))
    assert dry.count("created") == report.count("created") == 1
    rui = next(r.member_id for r in report.rows if r.outcome == "created")
    assert _summaries(services, rui) == [(EngagementKind.NOTE,
                                          "Added from the file helpline.csv.")]
    assert _summaries(services, ana.id) == [(EngagementKind.NOTE,
                                             "Details added from the file helpline.csv.")]
    other = _add(services, "Ana", "Silva-Costa")
    services.duplicates.merge(ana.id, other.id)
    assert _summaries(services, ana.id)[0] == (
        EngagementKind.NOTE, f"Merged with the duplicate record of Ana Silva-Costa (#{other.id}).")


def test_a_refused_change_writes_nothing_to_the_timeline(services):
    from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
    from advocate_app.services.consent import ConsentEntry

    ana = _add(services, "Ana")
    with pytest.raises(ValidationError):
        services.consent.record(ana.id, ConsentEntry(
            ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER,
            date(2025, 1, 5), expires_on=date(2024, 1, 1)))
    assert _summaries(services, ana.id) == []
