"""The roles matrix of a board (RACI: responsible, accountable, consulted, informed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.board_views import RaciMatrix, RaciRow
from advocate_app.domain.governance import RaciValue, accountable_refusal
from advocate_app.domain.people import Actor
from advocate_app.i18n import _
from advocate_app.services import versions
from advocate_app.services.access import require
from advocate_app.services.board_common import board_row
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.domain.boards import RaciActivity, RaciParty


class RolesService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def raci(self, board_id: int) -> RaciMatrix:
        require(self._actor, Permission.RUN_MEETINGS)
        found = self._reader.rows(
            "SELECT id, name, version FROM raci_activities WHERE board_id = :b "
            "ORDER BY position, id", {"b": board_id})
        activities = tuple((r[0], r[1]) for r in found)
        parties = tuple((r[0], r[1]) for r in self._reader.rows(
            "SELECT id, name FROM raci_parties WHERE board_id = :b ORDER BY position, id",
            {"b": board_id}))
        cells = {(r[0], r[1]): RaciValue(r[2]) for r in self._reader.rows(
            "SELECT c.activity_id, c.party_id, c.value FROM raci_cells c "
            "JOIN raci_activities a ON a.id = c.activity_id WHERE a.board_id = :b",
            {"b": board_id})}
        return RaciMatrix(board_id, activities, parties, cells, {r[0]: r[2] for r in found})

    def raci_row(self, activity_id: int) -> RaciRow:
        """An activity's cells and version as stored."""
        require(self._actor, Permission.RUN_MEETINGS)
        rows = self._reader.rows("SELECT version FROM raci_activities WHERE id = :a",
                                 {"a": activity_id})
        if not rows:
            raise NotFoundError(_("This row of the roles matrix no longer exists."))
        cells = {r[0]: RaciValue(r[1]) for r in self._reader.rows(
            "SELECT party_id, value FROM raci_cells WHERE activity_id = :a", {"a": activity_id})}
        return RaciRow(activity_id, cells, rows[0][0])

    def add_raci_activity(self, board_id: int, name: str) -> int:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import RaciActivity

        return self._add_raci_row(RaciActivity, board_id, name)

    def add_raci_party(self, board_id: int, name: str, member_id: int | None = None) -> int:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import RaciParty

        return self._add_raci_row(RaciParty, board_id, name, member_id=member_id)

    def _add_raci_row(self, model: type[RaciActivity] | type[RaciParty], board_id: int,
                      name: str, **extra: object) -> int:
        from sqlalchemy import func, select

        if not name.strip():
            raise ValidationError({"name": _("Give it a name.")})
        with self._uow() as uow:
            versions.lock_row(uow.session, "boards", board_id)  # one place per row added
            board_row(uow, board_id)
            last = uow.session.scalar(select(func.max(model.position)).where(
                model.board_id == board_id))
            row = model(board_id=board_id, name=name.strip(), position=(last or 0) + 1,
                        **extra)
            uow.session.add(row)
            uow.commit()
            return row.id

    def remove_raci_activity(self, activity_id: int) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import RaciActivity

        self._remove(RaciActivity, activity_id)

    def remove_raci_party(self, party_id: int) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import RaciParty

        self._remove(RaciParty, party_id)

    def _remove(self, model: type[RaciActivity] | type[RaciParty], row_id: int) -> None:
        from sqlalchemy import delete

        with self._uow() as uow:
            uow.session.execute(delete(model).where(model.id == row_id))
            uow.commit()

    def set_raci(self, activity_id: int, party_id: int, value: RaciValue | None,
                 expected_version: int | None = None) -> int:
        """One cell of the matrix; an activity has one accountable party at most. A cell
        is a change of its activity's row: ``expected_version`` is the row's version the
        person saw (see services/versions.py; ConcurrentEditError carries the
        :class:`RaciRow` as stored). Returns the row's version now."""
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import delete, select, update

        from advocate_app.domain.boards import RaciActivity, RaciCell

        with self._uow() as uow:
            versions.lock_row(uow.session, "raci_activities", activity_id)
            stored = uow.session.scalar(select(RaciActivity.version).where(
                RaciActivity.id == activity_id))
            if stored is None:
                raise NotFoundError(_("This row of the roles matrix no longer exists."))
            if expected_version is not None and stored != expected_version:
                raise versions.conflict(self.raci_row(activity_id), stored)
            other = None
            if value is RaciValue.ACCOUNTABLE:
                other = uow.session.scalar(select(RaciCell.party_id).where(
                    RaciCell.activity_id == activity_id,
                    RaciCell.value == RaciValue.ACCOUNTABLE.value, RaciCell.party_id != party_id))
            refused = accountable_refusal(value, other is not None)
            if refused:
                raise ValidationError({"value": refused})
            uow.session.execute(delete(RaciCell).where(RaciCell.activity_id == activity_id,
                                                       RaciCell.party_id == party_id))
            if value is not None:
                uow.session.add(RaciCell(activity_id=activity_id, party_id=party_id,
                                         value=value.value))
            uow.session.execute(update(RaciActivity).where(RaciActivity.id == activity_id)
                                .values(version=RaciActivity.version + 1)
                                .execution_options(synchronize_session=False))
            uow.commit()
            return stored + 1
