"""A version on every record people edit: a save made from an older version is refused.

A service's save method takes ``expected_version``, the version the person started from
(``None``: no check, for the command line's one-shot changes). When someone else saved in
between, :func:`expect_version` raises :class:`ConcurrentEditError` carrying the record as
now stored, so the window can show both and let the person choose; saving again with that
error's ``version`` keeps theirs out. :func:`commit` turns the database's own check (two saves
in the same instant: SQLAlchemy's ``version_id_col``) into the same error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from advocate_app.i18n import _
from advocate_app.services.errors import ConcurrentEditError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.storage.unit_of_work import UnitOfWork


def conflict(theirs: object | None = None, version: int | None = None) -> ConcurrentEditError:
    return ConcurrentEditError(
        _("Someone else saved this while you were editing it; nothing of yours was saved."),
        theirs, version)


def expect_version(row: Any, expected: int | None,
                   theirs: Callable[[], object] | None = None) -> None:
    """Refuse the save when ``row`` moved past ``expected`` (None: no check). ``theirs``
    reads the stored record as its view, for the error to carry."""
    if expected is not None and row.version != expected:
        raise conflict(theirs() if theirs is not None else None, row.version)


def commit(uow: UnitOfWork, theirs: Callable[[], object] | None = None) -> None:
    """Commit; a row someone else saved in the same instant is the same refusal (carrying
    ``theirs()``, the stored record's view, and its version)."""
    from sqlalchemy.orm.exc import StaleDataError

    try:
        uow.commit()
    except StaleDataError as exc:
        uow.rollback()
        stored = theirs() if theirs is not None else None
        raise conflict(stored, getattr(stored, "version", None)) from exc


def lock_row(session: Session, table: str, row_id: int) -> None:
    """Hold ``table``'s row ``row_id`` until the transaction ends; call it first.

    For what is numbered from the highest number so far (an agenda item's place, a quote's,
    a row of the roles matrix): two people adding at once would both take the same number.
    A write that changes nothing takes the row's lock on PostgreSQL (the second waits, then
    counts again) and the database's write lock on SQLite, before anything is read.
    ``table`` is one of the app's own table names, never input.
    """
    from sqlalchemy import text

    session.execute(text(f"UPDATE {table} SET version = version WHERE id = :id"),
                    {"id": row_id})
