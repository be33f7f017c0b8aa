"""The boards' rules, each written once in domain/: approved minutes cannot change, one
accountable party per activity, and who counts towards the quorum."""

from __future__ import annotations

from advocate_app.domain.board_views import AttendeeView, Quorum
from advocate_app.domain.governance import (
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
    MinutesStatus,
    RaciValue,
    accountable_refusal,
    locked_minutes_refusal,
)


def test_only_approved_minutes_refuse_a_change():
    assert locked_minutes_refusal(MinutesStatus.DRAFT) is None
    assert locked_minutes_refusal(MinutesStatus.CIRCULATED) is None
    assert locked_minutes_refusal(MinutesStatus.APPROVED) == (
        "These minutes are approved and can no longer be changed.")


def test_an_activity_has_one_accountable_party():
    refused = accountable_refusal(RaciValue.ACCOUNTABLE, accountable_elsewhere=True)
    assert refused is not None and refused.startswith(
        "Someone else is already accountable for this activity")
    assert accountable_refusal(RaciValue.ACCOUNTABLE, accountable_elsewhere=False) is None
    for value in (RaciValue.RESPONSIBLE, RaciValue.CONSULTED, RaciValue.INFORMED, None):
        assert accountable_refusal(value, accountable_elsewhere=True) is None


def _attendee(member_id: int, role: BoardRole, status: AttendanceStatus,
              mode: AttendanceMode = AttendanceMode.IN_PERSON) -> AttendeeView:
    return AttendeeView(member_id, f"Person {member_id}", role, status, mode)


def test_the_quorum_counts_voting_members_present_in_person_or_online():
    attendees = [
        _attendee(1, BoardRole.CHAIR, AttendanceStatus.PRESENT),
        _attendee(2, BoardRole.MEMBER, AttendanceStatus.PRESENT, AttendanceMode.REMOTE),
        _attendee(3, BoardRole.SECRETARY, AttendanceStatus.APOLOGIES),
        _attendee(4, BoardRole.MEMBER, AttendanceStatus.INVITED),
        _attendee(5, BoardRole.OBSERVER, AttendanceStatus.PRESENT),  # observers do not vote
    ]
    by_share = Quorum.of(attendees, count=0, percent=50)
    assert by_share == Quorum(present=2, needed=3, voting=4) and not by_share.met
    by_count = Quorum.of(attendees, count=2, percent=50)
    assert by_count == Quorum(present=2, needed=2, voting=4) and by_count.met
    assert Quorum.of([], count=0, percent=50) == Quorum(present=0, needed=1, voting=0)
