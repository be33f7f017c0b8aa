"""Boards and their members: one method per thing a secretary or staff member does with a
board (its meetings, minutes, actions and roles have services of their own)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.board_views import BoardInput, BoardMemberView, BoardView
from advocate_app.domain.governance import BoardKind, BoardRole
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.i18n import _
from advocate_app.services import versions
from advocate_app.services.access import require
from advocate_app.services.board_common import as_date, board_row, valid_timezone
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.name_order import name_order, text_order
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.domain.boards import BoardMembership


class BoardService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def create_board(self, data: BoardInput) -> int:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import Board

        self._check_board(data)
        with self._uow() as uow:
            from sqlalchemy import select

            if uow.session.scalar(select(Board.id).where(Board.name == data.name.strip())):
                raise ValidationError({"name": _("There is already a board called “{name}”.")
                                       .format(name=data.name.strip())})
            board = Board(name=data.name.strip(), kind=data.kind.value,
                          terms_of_reference=data.terms_of_reference,
                          quorum_count=data.quorum_count, quorum_percent=data.quorum_percent,
                          timezone=data.timezone, created_by=self._actor.account_id)
            uow.session.add(board)
            uow.commit()
            return board.id

    def update_board(self, board_id: int, data: BoardInput,
                     expected_version: int | None = None) -> int:
        """``expected_version``: the board's version the person started from (see
        services/versions.py). Returns the board's version now."""
        require(self._actor, Permission.RUN_MEETINGS)
        self._check_board(data)
        with self._uow() as uow:
            board = board_row(uow, board_id)
            versions.expect_version(board, expected_version, lambda: self.get_board(board_id))
            board.name = data.name.strip()
            board.kind = data.kind.value
            board.terms_of_reference = data.terms_of_reference
            board.quorum_count = data.quorum_count
            board.quorum_percent = data.quorum_percent
            board.timezone = data.timezone
            versions.commit(uow, lambda: self.get_board(board_id))
            return board.version

    @staticmethod
    def _check_board(data: BoardInput) -> None:
        errors = {}
        if not data.name.strip():
            errors["name"] = _("Give the board a name.")
        if data.quorum_count < 0 or not 0 < data.quorum_percent <= 100:
            errors["quorum"] = _("The quorum is a number of members, or a share between 1 and "
                                 "100 per cent.")
        if not valid_timezone(data.timezone):
            errors["timezone"] = _("“{zone}” is not a time zone (for example Europe/London)."
                                   ).format(zone=data.timezone)
        if errors:
            raise ValidationError(errors)

    def list_boards(self) -> list[BoardView]:
        require(self._actor, Permission.RUN_MEETINGS)
        rows = self._reader.rows(
            "SELECT id, name, kind, terms_of_reference, quorum_count, quorum_percent, timezone, "
            "version FROM boards WHERE archived_at IS NULL "
            f"ORDER BY {text_order(self._reader, 'name')}, id")
        members = self._board_members([row[0] for row in rows])
        return [BoardView(r[0], r[1], BoardKind(r[2]), r[3], r[4], r[5], r[6],
                          tuple(members.get(r[0], [])), r[7]) for r in rows]

    def get_board(self, board_id: int) -> BoardView:
        require(self._actor, Permission.RUN_MEETINGS)
        for board in self.list_boards():
            if board.id == board_id:
                return board
        raise NotFoundError(_("There is no board {id}.").format(id=board_id))

    def _board_members(self, board_ids: Sequence[int]) -> dict[int, list[BoardMemberView]]:
        if not board_ids:
            return {}
        names = {f"b{i}": value for i, value in enumerate(board_ids)}
        rows = self._reader.rows(
            "SELECT bm.board_id, bm.member_id, m.given_name, m.family_name, m.preferred_name, "
            "bm.role, bm.term_start, bm.term_end, bm.version FROM board_memberships bm "
            "JOIN members m ON m.id = bm.member_id "
            f"WHERE bm.board_id IN ({', '.join(':' + k for k in names)}) "
            "ORDER BY bm.board_id, CASE bm.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 "
            f"WHEN 'member' THEN 2 ELSE 3 END, {name_order(self._reader)}", names)
        out: dict[int, list[BoardMemberView]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(BoardMemberView(
                r[1], member_display_name(r[2], r[3], r[4]), BoardRole(r[5]), as_date(r[6]),
                as_date(r[7]), r[8]))
        return out

    def set_membership(self, board_id: int, member_id: int, role: BoardRole,
                       term_start: date | None = None, term_end: date | None = None,
                       expected_version: int | None = None) -> int:
        """Give the member a seat, or change theirs. ``expected_version``: the seat's version
        the person started from, 0 for a seat they are adding (None: no check); when someone
        else changed, added or removed it since, nothing is saved and ConcurrentEditError
        carries the seat as stored (:class:`BoardMemberView`, None when removed). Returns
        the seat's version now."""
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import select

        from advocate_app.domain.boards import BoardMembership
        from advocate_app.domain.members import Member

        if term_start and term_end and term_end < term_start:
            raise ValidationError({"term": _("The term ends before it starts.")})
        with self._uow() as uow:
            board_row(uow, board_id)
            if uow.session.get(Member, member_id) is None:
                raise NotFoundError(_("There is no member {id}.").format(id=member_id))
            versions.lock_row(uow.session, "boards", board_id)  # seats added one at a time
            found = uow.session.scalar(select(BoardMembership).where(
                BoardMembership.board_id == board_id, BoardMembership.member_id == member_id))
            self._expect_seat(found, board_id, member_id, expected_version)
            if found is None:
                found = BoardMembership(board_id=board_id, member_id=member_id)
                uow.session.add(found)
            found.role, found.term_start, found.term_end = role.value, term_start, term_end
            versions.commit(uow, lambda: self.seat(board_id, member_id))
            return found.version

    def seat(self, board_id: int, member_id: int) -> BoardMemberView | None:
        """The member's seat on the board as stored (None: no seat)."""
        require(self._actor, Permission.RUN_MEETINGS)
        seats = self._board_members([board_id]).get(board_id, [])
        return next((s for s in seats if s.member_id == member_id), None)

    def _expect_seat(self, found: BoardMembership | None, board_id: int, member_id: int,
                     expected_version: int | None) -> None:
        stored = found.version if found is not None else 0
        if expected_version is not None and stored != expected_version:
            raise versions.conflict(self.seat(board_id, member_id), stored)

    def remove_membership(self, board_id: int, member_id: int,
                          expected_version: int | None = None) -> None:
        """``expected_version``: the seat's version the person saw; when someone else
        changed the seat since, it stays and ConcurrentEditError carries it as stored."""
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import delete, select

        from advocate_app.domain.boards import BoardMembership

        with self._uow() as uow:
            versions.lock_row(uow.session, "boards", board_id)
            if expected_version is not None:
                found = uow.session.scalar(select(BoardMembership).where(
                    BoardMembership.board_id == board_id,
                    BoardMembership.member_id == member_id))
                if found is None:
                    return  # removed already: what was asked
                self._expect_seat(found, board_id, member_id, expected_version)
            uow.session.execute(delete(BoardMembership).where(
                BoardMembership.board_id == board_id, BoardMembership.member_id == member_id))
            uow.commit()

    def member_languages(self) -> list[str]:
        """The languages members read (their preferred language, English when none), most
        readers first: the versions a community-wide update needs."""
        require(self._actor, Permission.VIEW_CONTACTS)
        rows = self._reader.rows(
            "SELECT coalesce(nullif(preferred_language, ''), 'en') AS language, count(*) "
            "FROM members WHERE archived_at IS NULL AND erased_at IS NULL "
            "GROUP BY coalesce(nullif(preferred_language, ''), 'en') ORDER BY 2 DESC, 1")
        return [row[0] for row in rows] or ["en"]
