"""What a merge moves besides the member's own details: every record elsewhere that points at
the other member moves to the kept one, inside the merge's transaction.

Where the same person is on one webinar, story-sharing session, board or meeting under both
records, ONE row stays, the more informative of the two (attended beats did not come, more
minutes, the earliest registration, the access needs of both), so no one is counted twice and
nothing is deleted by the database's cascade when the other record goes.

``MOVED`` names every column pointing at ``members.id`` that this module moves; a test checks
it against the records, so a new record pointing at members cannot be forgotten here.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from advocate_app.domain.governance import AttendanceStatus
from advocate_app.domain.people import Actor
from advocate_app.domain.webinar_kinds import AttendanceOutcome, RegistrationStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Every ``table.column`` pointing at a member that a merge moves to the kept member.
MOVED = frozenset({
    "consent_records.member_id", "engagements.member_id", "member_merges.kept_id",
    "member_relationships.member_id", "member_relationships.related_id",
    "webinar_registrations.member_id", "webinar_presenters.member_id",
    "webinar_review_items.candidate_member_id", "webinar_review_items.resolved_member_id",
    "story_session_participants.member_id", "story_sessions.facilitator_id",
    "stories.teller_id", "feedback_responses.member_id",
    "board_memberships.member_id", "attendance.member_id", "action_items.owner_member_id",
    "promises.owner_member_id", "raci_parties.member_id", "accounts.member_id",
    "outreach_translations.reviewed_by",
})

#: The more informative of two rows for one event wins: a place over the waitlist over a
#: cancellation; came over did not come over not known; present over apologies over absent.
_REGISTRATION_RANK = {RegistrationStatus.REGISTERED.value: 3, RegistrationStatus.WALK_IN.value: 2,
                      RegistrationStatus.WAITLISTED.value: 1,
                      RegistrationStatus.CANCELLED.value: 0}
_ATTENDANCE_RANK = {AttendanceOutcome.ATTENDED.value: 2, AttendanceOutcome.NO_SHOW.value: 1,
                    AttendanceOutcome.UNKNOWN.value: 0}
_MEETING_RANK = {AttendanceStatus.PRESENT.value: 3, AttendanceStatus.APOLOGIES.value: 2,
                 AttendanceStatus.ABSENT.value: 1, AttendanceStatus.INVITED.value: 0}
_ACTIVE = (RegistrationStatus.REGISTERED.value, RegistrationStatus.WALK_IN.value)


def move_records(session: Session, actor: Actor, keep_id: int, other_id: int) -> None:
    """Move everything pointing at ``other_id`` to ``keep_id`` (the caller commits)."""
    folded = _fold_registrations(session, keep_id, other_id)
    sessions = _fold_participants(session, keep_id, other_id)
    _fold_presenters(session, keep_id, other_id)
    _fold_board_seats(session, keep_id, other_id)
    _fold_meeting_attendance(session, keep_id, other_id)
    session.flush()
    _move_simple(session, keep_id, other_id)
    session.flush()
    session.expire_all()  # rows moved by the statements above are read afresh
    _settle_timeline(session, keep_id, folded, sessions)
    freed = sorted(webinar_id for webinar_id, place_freed in folded.items() if place_freed)
    if freed:
        from advocate_app.services.webinar_registrations import refill, webinar_row

        for webinar_id in freed:  # a place came free: the waitlist moves up
            refill(session, actor, webinar_row(session, webinar_id, lock=True))


def _move_simple(session: Session, keep_id: int, other_id: int) -> None:
    from sqlalchemy import delete, update

    from advocate_app.domain.accounts import Account
    from advocate_app.domain.boards import (
        ActionItem,
        Attendance,
        BoardMembership,
        Promise,
        RaciParty,
    )
    from advocate_app.domain.consent import ConsentRecord
    from advocate_app.domain.engagement import Engagement, MemberRelationship
    from advocate_app.domain.feedback import FeedbackResponse
    from advocate_app.domain.merges import MemberMerge
    from advocate_app.domain.outreach import OutreachTranslation
    from advocate_app.domain.stories import (
        Story,
        StorySession,
        StorySessionParticipant,
    )
    from advocate_app.domain.webinars import (
        WebinarPresenter,
        WebinarRegistration,
        WebinarReviewItem,
    )
    columns: list[Any] = [
        ConsentRecord.member_id, MemberMerge.kept_id, Engagement.member_id,
        MemberRelationship.member_id, MemberRelationship.related_id,
        WebinarRegistration.member_id, WebinarPresenter.member_id,
        WebinarReviewItem.candidate_member_id, WebinarReviewItem.resolved_member_id,
        StorySessionParticipant.member_id, StorySession.facilitator_id, Story.teller_id,
        FeedbackResponse.member_id, BoardMembership.member_id, Attendance.member_id,
        ActionItem.owner_member_id, Promise.owner_member_id, RaciParty.member_id,
        Account.member_id, OutreachTranslation.reviewed_by]
    for column in columns:
        session.execute(update(column.class_).where(column == other_id)
                        .values({column.key: keep_id}).execution_options(
                            synchronize_session=False))
    session.execute(delete(MemberRelationship).where(
        MemberRelationship.member_id == MemberRelationship.related_id))


def _pairs(session: Session, model: Any, key: str, keep_id: int, other_id: int,
           member: str = "member_id") -> list[tuple[Any, Any]]:
    """Rows of ``model`` the two members both have for the same ``key`` (kept, other)."""
    from sqlalchemy import select

    column = getattr(model, member)
    rows = list(session.scalars(select(model).where(column.in_((keep_id, other_id)))))
    kept = {getattr(r, key): r for r in rows if getattr(r, member) == keep_id}
    return [(kept[getattr(r, key)], r) for r in rows
            if getattr(r, member) == other_id and getattr(r, key) in kept]


def _joined(*texts: str) -> str:
    return "\n".join(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


def _earliest(*moments: datetime | None) -> datetime | None:
    found = [m for m in moments if m is not None]
    return min(found) if found else None


def _fold_registrations(session: Session, keep_id: int, other_id: int) -> dict[int, bool]:
    """One registration per webinar; the webinars folded, each with whether a place came
    free."""
    from advocate_app.domain.webinars import WebinarRegistration

    folded: dict[int, bool] = {}
    for kept, other in _pairs(session, WebinarRegistration, "webinar_id", keep_id, other_id):
        active = sum(r.status in _ACTIVE for r in (kept, other))
        best = max((kept, other), key=lambda r: _REGISTRATION_RANK.get(r.status, 0))
        came = max((kept, other), key=lambda r: (_ATTENDANCE_RANK.get(r.attendance, 0),
                                                 r.minutes_attended))
        needs = set(filter(None, kept.needs.split(","))) | set(filter(None,
                                                                   other.needs.split(",")))
        kept.status = best.status
        kept.cancelled_at = (best.cancelled_at
                             if best.status == RegistrationStatus.CANCELLED.value else None)
        kept.attendance, kept.attendance_source = came.attendance, came.attendance_source
        kept.minutes_attended = max(kept.minutes_attended, other.minutes_attended)
        kept.registered_at = _earliest(kept.registered_at, other.registered_at) \
            or kept.registered_at
        kept.needs = ",".join(sorted(needs))
        kept.interpretation_language = (kept.interpretation_language
                                        or other.interpretation_language)
        kept.needs_notes = _joined(kept.needs_notes, other.needs_notes)
        kept.ticket_type = kept.ticket_type or other.ticket_type
        if kept.followup_sent_at is None and other.followup_sent_at is not None:
            kept.followup_sent_at, kept.followup_item_id = (other.followup_sent_at,
                                                            other.followup_item_id)
        folded[kept.webinar_id] = active == 2
        session.delete(other)
    return folded


def _fold_participants(session: Session, keep_id: int, other_id: int) -> list[int]:
    """One participation per session; the sessions folded."""
    from advocate_app.domain.stories import StorySessionParticipant

    folded: list[int] = []
    for kept, other in _pairs(session, StorySessionParticipant, "session_id", keep_id,
                              other_id):
        if _ATTENDANCE_RANK.get(other.attendance, 0) > _ATTENDANCE_RANK.get(kept.attendance, 0):
            kept.attendance = other.attendance
        kept.support_notes = _joined(kept.support_notes, other.support_notes)
        folded.append(kept.session_id)
        session.delete(other)
    return folded


def _fold_presenters(session: Session, keep_id: int, other_id: int) -> None:
    from advocate_app.domain.webinars import WebinarPresenter

    for kept, other in _pairs(session, WebinarPresenter, "webinar_id", keep_id, other_id):
        kept.position = min(kept.position, other.position)
        session.delete(other)


def _fold_board_seats(session: Session, keep_id: int, other_id: int) -> None:
    """The same seat (board and role) held under both records becomes one, its term the
    widest of the two."""
    from sqlalchemy import select

    from advocate_app.domain.boards import BoardMembership

    rows = list(session.scalars(select(BoardMembership).where(
        BoardMembership.member_id.in_((keep_id, other_id)))))
    kept = {(r.board_id, r.role): r for r in rows if r.member_id == keep_id}
    for other in (r for r in rows if r.member_id == other_id):
        seat = kept.get((other.board_id, other.role))
        if seat is None:
            continue
        starts = [d for d in (seat.term_start, other.term_start) if d is not None]
        seat.term_start = min(starts) if starts else None
        seat.term_end = (None if seat.term_end is None or other.term_end is None
                         else max(seat.term_end, other.term_end))
        session.delete(other)


def _fold_meeting_attendance(session: Session, keep_id: int, other_id: int) -> None:
    from advocate_app.domain.boards import Attendance

    for kept, other in _pairs(session, Attendance, "meeting_id", keep_id, other_id):
        if _MEETING_RANK.get(other.status, 0) > _MEETING_RANK.get(kept.status, 0):
            kept.status, kept.mode, kept.role = other.status, other.mode, other.role
        session.delete(other)


def _settle_timeline(session: Session, keep_id: int, webinars: dict[int, bool],
                     sessions: list[int]) -> None:
    """Where two registrations (or participations) became one, the timeline tells of it once
    and says what the one kept says (not both "attended" and "did not come")."""
    from sqlalchemy import select

    from advocate_app.domain.stories import StorySession, StorySessionParticipant
    from advocate_app.domain.story_rules import SessionAttendance
    from advocate_app.domain.webinars import Webinar, WebinarRegistration
    from advocate_app.services.story_sessions import participation_texts
    from advocate_app.services.webinar_registrations import attendance_texts, registration_text

    for webinar_id in webinars:
        webinar = session.get(Webinar, webinar_id)
        registration = session.scalar(select(WebinarRegistration).where(
            WebinarRegistration.webinar_id == webinar_id,
            WebinarRegistration.member_id == keep_id))
        if webinar is None or registration is None:
            continue
        texts = attendance_texts(webinar)
        outcome = texts.get(AttendanceOutcome(registration.attendance or ""))
        _once(session, keep_id, outcome, [t for t in texts.values() if t != outcome])
        for status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED):
            _once(session, keep_id, registration_text(webinar, status), [])
    for session_id in sessions:
        story_session = session.get(StorySession, session_id)
        taking_part = session.scalar(select(StorySessionParticipant).where(
            StorySessionParticipant.session_id == session_id,
            StorySessionParticipant.member_id == keep_id))
        if story_session is None or taking_part is None:
            continue
        said = participation_texts(story_session)
        now = said[SessionAttendance(taking_part.attendance or "")]
        _once(session, keep_id, now, [t for t in said.values() if t != now])


def _once(session: Session, member_id: int, keep: str | None, drop: list[str]) -> None:
    """Timeline events of the member: those saying ``drop`` removed, ``keep`` said once (the
    first written)."""
    from sqlalchemy import delete, select

    from advocate_app.domain.community import EngagementKind
    from advocate_app.domain.engagement import Engagement

    of_member = (Engagement.member_id == member_id,
                 Engagement.kind == EngagementKind.EVENT.value)
    if drop:
        session.execute(delete(Engagement).where(*of_member, Engagement.summary.in_(drop))
                        .execution_options(synchronize_session=False))
    if keep is not None:
        ids = list(session.scalars(select(Engagement.id).where(
            *of_member, Engagement.summary == keep).order_by(Engagement.id)))
        if len(ids) > 1:
            session.execute(delete(Engagement).where(Engagement.id.in_(ids[1:]))
                            .execution_options(synchronize_session=False))
