"""Minute-taking and the minutes' life: live minute-taking, decisions, circulating and approving.

Saving the notes of an agenda item is the hot path of live minute-taking (every second while
someone types), so it is one small UPDATE in its own transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from advocate_app.domain.access import Permission
from advocate_app.domain.board_views import DecisionView, ItemNotes
from advocate_app.domain.governance import MinutesStatus
from advocate_app.domain.people import Actor
from advocate_app.i18n import _
from advocate_app.services import versions
from advocate_app.services.access import require
from advocate_app.services.board_common import (
    agenda_item_row,
    editable_meeting,
    meeting_row,
    sql_where,
)
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory


class MinutesService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def start_minutes(self, meeting_id: int) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        with self._uow() as uow:
            meeting = editable_meeting(uow, meeting_id)
            if meeting.live_started_at is None:
                meeting.live_started_at = datetime.now(UTC)
            meeting.closed_at = None
            uow.commit()

    def set_current_item(self, meeting_id: int, item_id: int | None,
                         seconds_on_previous: int = 0) -> None:
        """Move to another agenda item, adding the time spent on the one left."""
        require(self._actor, Permission.RUN_MEETINGS)
        with self._uow() as uow:
            meeting = editable_meeting(uow, meeting_id)
            if meeting.current_item_id and seconds_on_previous > 0:
                previous = agenda_item_row(uow, meeting.current_item_id)
                previous.seconds_spent += seconds_on_previous
            meeting.current_item_id = item_id
            if item_id is not None:
                item = agenda_item_row(uow, item_id)
                if item.started_at is None:
                    item.started_at = datetime.now(UTC)
            uow.commit()

    def save_notes(self, item_id: int, text: str, expected_version: int | None = None) -> int:
        """The notes of one agenda item, saved as they are typed (the autosave); returns the
        item's version now. ``expected_version``: the version these notes were typed on; when
        someone else saved the item since (another secretary minuting the same meeting),
        nothing is saved and ConcurrentEditError carries their notes (:class:`ItemNotes`)."""
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import select, update

        from advocate_app.domain.boards import AgendaItem

        with self._uow() as uow:
            meeting_id = uow.session.scalar(select(AgendaItem.meeting_id).where(
                AgendaItem.id == item_id))
            if meeting_id is None:
                raise NotFoundError(_("There is no agenda item {id}.").format(id=item_id))
            editable_meeting(uow, meeting_id)
            # One statement that checks and moves the version (on PostgreSQL a second writer
            # waits for the first, then finds the version moved).
            statement = update(AgendaItem).where(AgendaItem.id == item_id)
            if expected_version is not None:
                statement = statement.where(AgendaItem.version == expected_version)
            version = uow.session.execute(
                statement.values(notes=text, notes_saved_at=datetime.now(UTC),
                                 version=AgendaItem.version + 1)
                .returning(AgendaItem.version)
                .execution_options(synchronize_session=False)).scalar()
            if version is None:
                uow.rollback()
                theirs = self.notes(item_id)
                raise versions.conflict(theirs, theirs.version)
            uow.commit()
            return int(version)

    def notes(self, item_id: int) -> ItemNotes:
        """An agenda item's notes as stored, with the item's version."""
        require(self._actor, Permission.RUN_MEETINGS)
        rows = self._reader.rows("SELECT notes, version FROM agenda_items WHERE id = :id",
                                 {"id": item_id})
        if not rows:
            raise NotFoundError(_("There is no agenda item {id}.").format(id=item_id))
        return ItemNotes(item_id, rows[0][0] or "", int(rows[0][1]))

    def close_meeting(self, meeting_id: int, seconds_on_current: int = 0) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        with self._uow() as uow:
            meeting = editable_meeting(uow, meeting_id)
            if meeting.current_item_id and seconds_on_current > 0:
                agenda_item_row(uow, meeting.current_item_id).seconds_spent += \
                    seconds_on_current
            meeting.closed_at = datetime.now(UTC)
            meeting.current_item_id = None
            uow.commit()

    def meeting_in_progress(self) -> int | None:
        """A meeting whose minutes were being taken and that was not closed (to resume after
        the app or the computer stopped)."""
        require(self._actor, Permission.RUN_MEETINGS)
        rows = self._reader.rows(
            "SELECT id FROM meetings WHERE live_started_at IS NOT NULL AND closed_at IS NULL "
            "AND minutes_status = 'draft' ORDER BY live_started_at DESC LIMIT 1")
        return rows[0][0] if rows else None

    def record_decision(self, meeting_id: int, text: str, *, agenda_item_id: int | None = None,
                        decided_by: str = "", dissent: str = "") -> int:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import Decision

        if not text.strip():
            raise ValidationError({"text": _("Write down what was decided.")})
        with self._uow() as uow:
            # The meeting held first: minutes approved meanwhile refuse the decision, never
            # take it in after their approval.
            versions.lock_row(uow.session, "meetings", meeting_id)
            editable_meeting(uow, meeting_id)
            decision = Decision(meeting_id=meeting_id, agenda_item_id=agenda_item_id,
                                text=text.strip(), decided_by=decided_by.strip(),
                                dissent=dissent.strip())
            uow.session.add(decision)
            uow.commit()
            return decision.id

    def decisions(self, *, meeting_id: int | None = None, board_id: int | None = None,
                  text: str = "") -> list[DecisionView]:
        require(self._actor, Permission.RUN_MEETINGS)
        words = [(f"(lower(d.text) LIKE :w{i} OR lower(d.dissent) LIKE :w{i} "
                  f"OR lower(mt.title) LIKE :w{i})", f"w{i}", f"%{word.lower()}%")
                 for i, word in enumerate(text.split())]
        where, params = sql_where(("d.meeting_id = :meeting", "meeting", meeting_id),
                                  ("mt.board_id = :board", "board", board_id), *words)
        rows = self._reader.rows(
            "SELECT d.id, d.meeting_id, d.agenda_item_id, d.text, d.decided_by, d.dissent, "
            "d.created_at, mt.title, b.name, mt.starts_at FROM decisions d "
            "JOIN meetings mt ON mt.id = d.meeting_id JOIN boards b ON b.id = mt.board_id"
            f"{where} ORDER BY mt.starts_at DESC, d.id", params)
        return [DecisionView(r[0], r[1], r[2], r[3], r[4], r[5], as_utc(r[6]), r[7], r[8],
                             as_utc(r[9])) for r in rows]

    def circulate(self, meeting_id: int) -> None:
        """Send the minutes round; refused while there are none (no notes, no decisions,
        action items or promises recorded at the meeting)."""
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import exists, func, or_, select

        from advocate_app.domain.boards import ActionItem, AgendaItem, Decision, Promise

        with self._uow() as uow:
            meeting = editable_meeting(uow, meeting_id)
            written = uow.session.scalar(select(or_(
                exists().where(AgendaItem.meeting_id == meeting_id,
                               func.length(func.trim(AgendaItem.notes)) > 0),
                *(exists().where(model.meeting_id == meeting_id)
                  for model in (Decision, ActionItem, Promise)))))
            if not written:
                raise ValidationError({"minutes": _(
                    "There are no minutes to circulate yet: no notes, decisions, action items "
                    "or promises have been recorded for this meeting.")})
            if meeting.closed_at is None and meeting.live_started_at is not None:
                meeting.closed_at = datetime.now(UTC)
            meeting.minutes_status = MinutesStatus.CIRCULATED.value
            meeting.circulated_at = datetime.now(UTC)
            uow.commit()

    def approve(self, meeting_id: int, *, at_meeting_id: int | None = None,
                note: str = "") -> None:
        """Approve circulated minutes (normally at the next meeting); they become read-only."""
        require(self._actor, Permission.RUN_MEETINGS)
        with self._uow() as uow:
            meeting = meeting_row(uow, meeting_id)
            if meeting.minutes_status != MinutesStatus.CIRCULATED.value:
                raise ValidationError({"minutes": _(
                    "Minutes are approved after they have been circulated.")})
            if at_meeting_id is not None:
                meeting_row(uow, at_meeting_id)
            meeting.minutes_status = MinutesStatus.APPROVED.value
            meeting.approved_at = datetime.now(UTC)
            meeting.approved_by = self._actor.account_id
            meeting.approved_at_meeting_id = at_meeting_id
            meeting.approval_note = note.strip()
            uow.commit()
