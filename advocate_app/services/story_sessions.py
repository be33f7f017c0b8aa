"""Story-sharing sessions: the facilitator, when (in a named time zone) and where (a place, or
an online link), the support offered, the people taking part and whether they came, and the
session as a calendar file.

Taking part writes the member's timeline; a change of attendance replaces what it said."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.board_views import zone
from advocate_app.domain.community import EngagementKind
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.story_rules import SessionAttendance, SessionMode, SessionSupport
from advocate_app.domain.story_views import (
    ParticipantView,
    StorySessionInput,
    StorySessionView,
)
from advocate_app.i18n import _
from advocate_app.services import timeline, versions
from advocate_app.services.access import require
from advocate_app.services.audit import record_alone
from advocate_app.services.board_common import db_time, utc_moment, valid_timezone
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.name_order import name_order
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.stories import StorySession, StorySessionParticipant

TITLE_LENGTH = 300

_COLUMNS = (
    "ss.id, ss.title, ss.facilitator_id, f.given_name, f.family_name, f.preferred_name, "
    "ss.starts_at, ss.duration_minutes, ss.timezone, ss.mode, ss.place, ss.online_link, "
    "ss.support, ss.notes, ss.cancelled_at, ss.uid, ss.sequence, "
    "(SELECT count(*) FROM story_session_participants p WHERE p.session_id = ss.id), "
    "(SELECT count(*) FROM stories s WHERE s.session_id = ss.id), ss.version")


class StorySessionService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def create(self, data: StorySessionInput) -> int:
        require(self._actor, Permission.STORIES)
        from advocate_app.domain.stories import StorySession

        starts = _checked(data)
        with self._uow() as uow:
            _facilitator_exists(uow.session, data.facilitator_id)
            session = StorySession(uid=f"{uuid.uuid4()}@advocate.invalid",
                                   created_by=self._actor.account_id, starts_at=starts)
            _fill(session, data, starts)
            uow.session.add(session)
            uow.commit()
            return session.id

    def update(self, session_id: int, data: StorySessionInput,
               expected_version: int | None = None) -> None:
        """``expected_version``: the session's version the person started from (see
        services/versions.py)."""
        require(self._actor, Permission.STORIES)
        starts = _checked(data)
        with self._uow() as uow:
            session = _session_row(uow.session, session_id)
            versions.expect_version(session, expected_version, lambda: self.get(session_id))
            _facilitator_exists(uow.session, data.facilitator_id)
            before = participation_texts(session)
            _fill(session, data, starts)
            session.sequence += 1  # calendars replace the old invitation
            session.updated_at = datetime.now(UTC)
            _rewrite_timelines(uow.session, session, before, self._actor)
            versions.commit(uow, lambda: self.get(session_id))

    def cancel(self, session_id: int) -> None:
        """The session is off: it stays listed as cancelled, and leaves the upcoming ones."""
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            session = _session_row(uow.session, session_id)
            if session.cancelled_at is None:
                session.cancelled_at = datetime.now(UTC)
                session.sequence += 1
            uow.commit()

    def get(self, session_id: int) -> StorySessionView:
        require(self._actor, Permission.STORIES)
        rows = self._reader.rows(
            f"SELECT {_COLUMNS} FROM story_sessions ss "
            "LEFT JOIN members f ON f.id = ss.facilitator_id WHERE ss.id = :id",
            {"id": session_id})
        if not rows:
            raise NotFoundError(_("There is no story-sharing session {id}.").format(
                id=session_id))
        return replace(_view(rows[0]), participants=tuple(self.participants(session_id)))

    def list(self) -> builtins.list[StorySessionView]:
        """Every session, the latest first (participants are counted, not listed)."""
        require(self._actor, Permission.STORIES)
        return [_view(r) for r in self._reader.rows(
            f"SELECT {_COLUMNS} FROM story_sessions ss LEFT JOIN members f "
            "ON f.id = ss.facilitator_id ORDER BY ss.starts_at DESC, ss.id DESC")]

    def upcoming(self, limit: int = 5, now: datetime | None = None
                 ) -> builtins.list[StorySessionView]:
        """The next sessions not cancelled and not over yet, soonest first."""
        require(self._actor, Permission.STORIES)
        moment = now or datetime.now(UTC)
        found = [_view(r) for r in self._reader.rows(
            f"SELECT {_COLUMNS} FROM story_sessions ss LEFT JOIN members f "
            "ON f.id = ss.facilitator_id WHERE ss.cancelled_at IS NULL "
            "AND ss.starts_at >= :since ORDER BY ss.starts_at, ss.id",
            {"since": _compared(self._reader, moment - timedelta(days=1))})]
        return [s for s in found if s.local_end >= moment][:max(0, limit)]

    # -- who takes part -----------------------------------------------------------------------

    def participants(self, session_id: int) -> builtins.list[ParticipantView]:
        require(self._actor, Permission.STORIES)
        rows = self._reader.rows(
            "SELECT p.id, p.session_id, p.member_id, m.given_name, m.family_name, "
            "m.preferred_name, p.attendance, p.support_notes FROM story_session_participants p "
            "JOIN members m ON m.id = p.member_id WHERE p.session_id = :id "
            f"ORDER BY {name_order(self._reader)}, p.id", {"id": session_id})
        return [ParticipantView(r[0], r[1], r[2], member_display_name(r[3], r[4], r[5]),
                                _attendance(r[6]), r[7]) for r in rows]

    def add_participant(self, session_id: int, member_id: int, support_notes: str = "") -> None:
        """The member takes part (once; adding them again changes nothing)."""
        require(self._actor, Permission.STORIES)
        from sqlalchemy import select

        from advocate_app.domain.members import Member
        from advocate_app.domain.stories import StorySessionParticipant

        with self._uow() as uow:
            session = _session_row(uow.session, session_id)
            if uow.session.get(Member, member_id) is None:
                raise NotFoundError(_("This member no longer exists."))
            if uow.session.scalar(select(StorySessionParticipant.id).where(
                    StorySessionParticipant.session_id == session_id,
                    StorySessionParticipant.member_id == member_id)) is None:
                uow.session.add(StorySessionParticipant(session_id=session_id,
                                                        member_id=member_id,
                                                        support_notes=support_notes.strip()))
                timeline.write(uow.session, EngagementKind.EVENT, [
                    (member_id, participation_texts(session)[SessionAttendance.UNKNOWN])],
                    recorded_by=self._actor.account_id)
            uow.commit()

    def remove_participant(self, session_id: int, member_id: int) -> None:
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            session = _session_row(uow.session, session_id)
            found = _participant_row(uow.session, session_id, member_id)
            timeline.forget(uow.session, member_id, EngagementKind.EVENT,
                            participation_texts(session).values())
            uow.session.delete(found)
            uow.commit()

    def set_attendance(self, session_id: int, member_id: int,
                       attendance: SessionAttendance) -> None:
        """Whether the participant came; their timeline says so instead of "taking part"."""
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            session = _session_row(uow.session, session_id)
            found = _participant_row(uow.session, session_id, member_id)
            found.attendance = attendance.value
            texts = participation_texts(session)
            timeline.forget(uow.session, member_id, EngagementKind.EVENT, texts.values())
            timeline.write(uow.session, EngagementKind.EVENT, [(member_id, texts[attendance])],
                           recorded_by=self._actor.account_id,
                           occurred_on=_local_start(session).date())
            uow.commit()

    # -- calendar -----------------------------------------------------------------------------

    def write_calendar(self, path: Path | str, session_id: int | None = None) -> int:
        """Write an iCalendar (.ics) file: the session ``session_id``, or, without one, every
        upcoming session. Returns how many sessions the file holds."""
        require(self._actor, Permission.STORIES)
        from advocate_app.interchange.calendar import story_session_ics, story_sessions_feed
        from advocate_app.interchange.files import write_atomically

        if session_id is not None:
            data, count = story_session_ics(self.get(session_id)), 1
        else:
            sessions = self.upcoming(limit=1000)
            data = story_sessions_feed(sessions, _("Advocate: story-sharing sessions"))
            count = len(sessions)
        write_atomically(Path(path), data)
        record_alone(self._uow, self._actor, AuditAction.EXPORTED, AuditSubject.STORY_SESSION,
                     session_id, count=count, detail="ics")
        return count


# -- helpers ----------------------------------------------------------------------------------


def _checked(data: StorySessionInput) -> datetime:
    errors: dict[str, str] = {}
    title = data.title.strip()
    if not title:
        errors["title"] = _("Give the session a title.")
    elif len(title) > TITLE_LENGTH:
        errors["title"] = _("This is too long: at most {limit} characters.").format(
            limit=TITLE_LENGTH)
    if not valid_timezone(data.timezone):
        errors["timezone"] = _("“{zone}” is not a time zone (for example Europe/London)."
                               ).format(zone=data.timezone)
    if not 0 < data.duration_minutes <= 24 * 60:
        errors["duration"] = _("A session lasts between a minute and a day.")
    link = data.online_link.strip()
    if link and (not link.lower().startswith(("https://", "http://")) or " " in link
                 or len(link) > 500):
        errors["online_link"] = _("The online link should start with https://.")
    if data.mode is SessionMode.ONLINE and not link:
        errors["online_link"] = _("An online session needs the link people join with.")
    if data.mode is SessionMode.IN_PERSON and not data.place.strip():
        errors["place"] = _("Say where the session takes place.")
    if errors:
        raise ValidationError(errors)
    return data.starts_local.replace(tzinfo=zone(data.timezone)).astimezone(UTC)


def _fill(session: StorySession, data: StorySessionInput, starts: datetime) -> None:
    session.title, session.starts_at = data.title.strip(), starts
    session.duration_minutes, session.timezone = data.duration_minutes, data.timezone
    session.mode, session.place = data.mode.value, data.place.strip()
    session.online_link = data.online_link.strip()
    session.support = ",".join(sorted(s.value for s in data.support))
    session.notes, session.facilitator_id = data.notes.strip(), data.facilitator_id


def _facilitator_exists(session: Session, facilitator_id: int | None) -> None:
    from advocate_app.domain.members import Member

    if facilitator_id is not None and session.get(Member, facilitator_id) is None:
        raise ValidationError({"facilitator": _("This member no longer exists.")})


def _session_row(session: Session, session_id: int) -> StorySession:
    from advocate_app.domain.stories import StorySession

    found = session.get(StorySession, session_id)
    if found is None:
        raise NotFoundError(_("There is no story-sharing session {id}.").format(id=session_id))
    return found


def _participant_row(session: Session, session_id: int, member_id: int
                     ) -> StorySessionParticipant:
    from sqlalchemy import select

    from advocate_app.domain.stories import StorySessionParticipant

    found = session.scalar(select(StorySessionParticipant).where(
        StorySessionParticipant.session_id == session_id,
        StorySessionParticipant.member_id == member_id))
    if found is None:
        raise NotFoundError(_("This person is not taking part in the session."))
    return found


def _local_start(session: StorySession) -> datetime:
    return utc_moment(session.starts_at).astimezone(zone(session.timezone))


def participation_texts(session: StorySession) -> dict[SessionAttendance, str]:
    """What a participant's timeline says of the session, by attendance (the demo writes
    the same words)."""
    from advocate_app.i18n.formatting import format_date

    names = {"title": session.title, "date": format_date(_local_start(session).date(), "long")}
    return {
        SessionAttendance.UNKNOWN: _("Taking part in the story-sharing session “{title}” on "
                                     "{date}.").format(**names),
        SessionAttendance.ATTENDED: _("Took part in the story-sharing session “{title}” on "
                                      "{date}.").format(**names),
        SessionAttendance.NO_SHOW: _("Did not come to the story-sharing session “{title}” on "
                                     "{date}.").format(**names)}


def _rewrite_timelines(session: Session, story_session: StorySession,
                       before: dict[SessionAttendance, str], actor: Actor) -> None:
    """A session moved or renamed: its participants' timelines say so in its new words."""
    from sqlalchemy import select

    from advocate_app.domain.stories import StorySessionParticipant

    after = participation_texts(story_session)
    if after == before:
        return
    people = session.execute(select(StorySessionParticipant.member_id,
                                    StorySessionParticipant.attendance).where(
        StorySessionParticipant.session_id == story_session.id)).all()
    for member_id, _was in people:
        timeline.forget(session, member_id, EngagementKind.EVENT, before.values())
    timeline.write(session, EngagementKind.EVENT, (
        (member_id, after[_attendance(attendance)]) for member_id, attendance in people),
        recorded_by=actor.account_id, occurred_on=_local_start(story_session).date())


def _attendance(value: str | None) -> SessionAttendance:
    if value is None or value not in SessionAttendance._value2member_map_:
        return SessionAttendance.UNKNOWN
    return SessionAttendance(value)


def _view(r: Sequence) -> StorySessionView:
    support = frozenset(SessionSupport(s) for s in (r[12] or "").split(",")
                        if s in SessionSupport._value2member_map_)
    facilitator = member_display_name(r[3] or "", r[4] or "", r[5] or "") \
        if r[2] is not None else ""
    return StorySessionView(r[0], r[1], r[2], facilitator, utc_moment(r[6]), r[7], r[8],
                            SessionMode(r[9]), r[10], r[11], support, r[13], as_utc(r[14]),
                            r[15], r[16], participant_count=r[17], story_count=r[18],
                            version=r[19])


def _compared(reader: Reader, moment: datetime) -> datetime | str:
    return moment if reader.dialect == "postgresql" else db_time(moment)
