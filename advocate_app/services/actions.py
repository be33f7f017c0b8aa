"""Action items and promises ('You said, we did'), and the overdue ones the dashboard reminds of."""

from __future__ import annotations

from datetime import UTC, date, datetime

from advocate_app.domain.access import Permission
from advocate_app.domain.board_views import ActionView, PromiseView
from advocate_app.domain.governance import ActionStatus, PromiseStatus
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.i18n import _
from advocate_app.services import versions
from advocate_app.services.access import require
from advocate_app.services.board_common import as_date, editable_meeting, sql_where
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory


class ActionService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def add_action(self, text: str, *, meeting_id: int | None = None,
                   board_id: int | None = None, agenda_item_id: int | None = None,
                   owner_member_id: int | None = None, owner_role: str = "",
                   due_on: date | None = None) -> int:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import ActionItem

        if not text.strip():
            raise ValidationError({"text": _("Write down what is to be done.")})
        if owner_member_id is None and not owner_role.strip():
            raise ValidationError({"owner": _("Say who will do it: a person or a role.")})
        with self._uow() as uow:
            if meeting_id is not None:
                meeting = editable_meeting(uow, meeting_id)
                board_id = board_id or meeting.board_id
            action = ActionItem(text=text.strip(), meeting_id=meeting_id, board_id=board_id,
                                agenda_item_id=agenda_item_id, owner_member_id=owner_member_id,
                                owner_role=owner_role.strip(), due_on=due_on)
            uow.session.add(action)
            uow.commit()
            return action.id

    def set_action_status(self, action_id: int, status: ActionStatus,
                          expected_version: int | None = None) -> None:
        """``expected_version``: the version the person saw (see services/versions.py)."""
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import ActionItem

        def theirs() -> ActionView:
            return next(a for a in self.actions(status=None) if a.id == action_id)

        with self._uow() as uow:
            action = uow.session.get(ActionItem, action_id)
            if action is None:
                raise NotFoundError(_("There is no action item {id}.").format(id=action_id))
            versions.expect_version(action, expected_version, theirs)
            action.status = status.value
            action.done_at = datetime.now(UTC) if status is not ActionStatus.OPEN else None
            versions.commit(uow, theirs)

    def actions(self, *, meeting_id: int | None = None, board_id: int | None = None,
                owner_member_id: int | None = None, owner: str = "",
                status: ActionStatus | None = ActionStatus.OPEN, overdue_on: date | None = None
                ) -> list[ActionView]:
        require(self._actor, Permission.RUN_MEETINGS)
        where, params = sql_where(
            ("a.meeting_id = :meeting", "meeting", meeting_id),
            ("a.board_id = :board", "board", board_id),
            ("a.owner_member_id = :owner_id", "owner_id", owner_member_id),
            ("lower(a.owner_role) = :owner_role", "owner_role", owner.lower() or None),
            ("a.status = :status", "status", status.value if status else None),
            ("a.status = 'open' AND a.due_on < :today", "today",
             overdue_on.isoformat() if overdue_on else None))
        rows = self._reader.rows(
            "SELECT a.id, a.meeting_id, a.board_id, a.agenda_item_id, a.text, a.owner_member_id,"
            " m.given_name, m.family_name, m.preferred_name, a.owner_role, a.due_on, a.status, "
            "coalesce(b.name, ''), coalesce(mt.title, ''), a.version FROM action_items a "
            "LEFT JOIN members m ON m.id = a.owner_member_id "
            "LEFT JOIN boards b ON b.id = a.board_id "
            "LEFT JOIN meetings mt ON mt.id = a.meeting_id"
            f"{where} ORDER BY CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.id",
            params)
        return [ActionView(r[0], r[1], r[2], r[3], r[4], r[5],
                           member_display_name(r[6] or "", r[7] or "", r[8] or ""), r[9],
                           as_date(r[10]), ActionStatus(r[11]), r[12], r[13], r[14])
                for r in rows]

    def add_promise(self, text: str, *, you_said: str = "", source: str = "meeting",
                    meeting_id: int | None = None, board_id: int | None = None,
                    owner_member_id: int | None = None, owner_role: str = "",
                    audience: str = "", due_on: date | None = None) -> int:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import Promise

        if not text.strip():
            raise ValidationError({"text": _("Write down what was promised.")})
        if owner_member_id is None and not owner_role.strip():
            raise ValidationError({"owner": _("Say who will keep the promise: a person or a "
                                              "role.")})
        with self._uow() as uow:
            if meeting_id is not None:
                meeting = editable_meeting(uow, meeting_id)
                board_id = board_id or meeting.board_id
            promise = Promise(text=text.strip(), you_said=you_said.strip(), source=source,
                              meeting_id=meeting_id, board_id=board_id,
                              owner_member_id=owner_member_id, owner_role=owner_role.strip(),
                              audience=audience.strip(), due_on=due_on)
            uow.session.add(promise)
            uow.commit()
            return promise.id

    def update_promise(self, promise_id: int, status: PromiseStatus, evidence: str = "",
                       kept_on: date | None = None, expected_version: int | None = None
                       ) -> None:
        """``expected_version``: the version the person saw (see services/versions.py)."""
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import Promise

        if status is PromiseStatus.KEPT and not evidence.strip():
            raise ValidationError({"evidence": _(
                "Say what was done (the evidence): it is what the community will read.")})
        with self._uow() as uow:
            promise = uow.session.get(Promise, promise_id)
            if promise is None:
                raise NotFoundError(_("There is no promise {id}.").format(id=promise_id))
            versions.expect_version(promise, expected_version,
                                    lambda: self._promise(promise_id))
            promise.status = status.value
            promise.evidence = evidence.strip()
            promise.kept_on = (kept_on or date.today()) if status is PromiseStatus.KEPT \
                else None
            versions.commit(uow, lambda: self._promise(promise_id))

    def _promise(self, promise_id: int) -> PromiseView:
        return next(p for p in self.promises(status=None) if p.id == promise_id)

    def promises(self, *, meeting_id: int | None = None, board_id: int | None = None,
                 status: PromiseStatus | None = PromiseStatus.OPEN,
                 overdue_on: date | None = None) -> list[PromiseView]:
        require(self._actor, Permission.RUN_MEETINGS)
        where, params = sql_where(
            ("p.meeting_id = :meeting", "meeting", meeting_id),
            ("p.board_id = :board", "board", board_id),
            ("p.status = :status", "status", status.value if status else None),
            ("p.status = 'open' AND p.due_on < :today", "today",
             overdue_on.isoformat() if overdue_on else None))
        rows = self._reader.rows(
            "SELECT p.id, p.source, p.meeting_id, p.board_id, p.you_said, p.text, "
            "p.owner_member_id, m.given_name, m.family_name, m.preferred_name, p.owner_role, "
            "p.audience, p.due_on, p.status, p.evidence, p.kept_on, p.version FROM promises p "
            "LEFT JOIN members m ON m.id = p.owner_member_id"
            f"{where} ORDER BY CASE WHEN p.due_on IS NULL THEN 1 ELSE 0 END, p.due_on, p.id",
            params)
        return [PromiseView(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                            member_display_name(r[7] or "", r[8] or "", r[9] or ""), r[10],
                            r[11], as_date(r[12]), PromiseStatus(r[13]), r[14], as_date(r[15]),
                            r[16])
                for r in rows]

    def reminders(self, today: date | None = None) -> tuple[list[ActionView], list[PromiseView]]:
        """Overdue action items and overdue promises, for the dashboard."""
        require(self._actor, Permission.RUN_MEETINGS)
        today = today or date.today()
        return self.actions(overdue_on=today), self.promises(overdue_on=today)
