"""The audit log: who viewed, exported, imported, changed, merged, erased, printed or rendered
what, and when.

Other services call :func:`record` inside their own transaction, so the line is written if and
only if what it describes is (one event per operation, with a count for bulk work). A line
holds ids, counts and a word or two of detail (a format, a profile): never a member's name and
never health data. The table refuses every change and deletion (triggers, migration 0014).
Reading and exporting the log is for administrators (:class:`AuditService`).
"""

from __future__ import annotations

import builtins
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import (
    DETAIL_LIMIT,
    AuditAction,
    AuditEntry,
    AuditQuery,
    AuditSubject,
)
from advocate_app.domain.people import Actor
from advocate_app.i18n import _
from advocate_app.services.access import require
from advocate_app.services.errors import ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

#: The formats the log exports to.
EXPORT_FORMATS = ("csv", "json")


def record(session: Session, actor: Actor, action: AuditAction, subject_kind: AuditSubject,
           subject_id: int | None = None, count: int | None = None, detail: str = "") -> None:
    """Add one line to the audit log in ``session``'s transaction (committed with it).

    ``detail`` is a short plain note (a file format, a print profile, which fields changed):
    never a member's name or health data. It is cut to the column's length."""
    from advocate_app.domain.audit import AuditEvent

    session.add(AuditEvent(
        account_id=actor.account_id, account_name=actor.display_name[:200],
        action=AuditAction(action).value, subject_kind=AuditSubject(subject_kind).value,
        subject_id=subject_id, count=count, detail=" ".join(detail.split())[:DETAIL_LIMIT]))


def story_consent(session: Session, actor: Actor, story_id: int, change: str) -> None:
    """A story's consent granted or withdrawn (``change``), in ``session``'s transaction."""
    record(session, actor, AuditAction.CONSENT_CHANGED, AuditSubject.STORY, story_id,
           detail=change)


def record_alone(uow: UnitOfWorkFactory, actor: Actor, action: AuditAction,
                 subject_kind: AuditSubject, subject_id: int | None = None,
                 count: int | None = None, detail: str = "") -> None:
    """:func:`record` in a transaction of its own, for work that writes nothing else to the
    database (an export, a rendering, a print pack), called once that work has succeeded."""
    with uow() as unit:
        record(unit.session, actor, action, subject_kind, subject_id, count, detail)
        unit.commit()


#: How long opening a record waits for another program's write before its audit line is
#: left to go with the next transaction instead (milliseconds).
VIEWING_WAIT_MS = 250


def record_viewing(uow: UnitOfWorkFactory, actor: Actor, action: AuditAction,
                   subject_kind: AuditSubject, subject_id: int | None = None) -> None:
    """:func:`record_alone` for looking at something, which must never fail because of it:
    the line is written in a short transaction of its own that waits only briefly for the
    database; when another program holds a long write (a large import), the line waits in
    memory and is written with the next transaction that commits (the time it holds is the
    time of the viewing). What cannot be written at all is named in the log by its kind."""
    from advocate_app.domain.audit import AuditEvent
    from advocate_app.domain.base import utcnow

    line = {"at": utcnow(), "account_id": actor.account_id,
            "account_name": actor.display_name[:200], "action": AuditAction(action).value,
            "subject_kind": AuditSubject(subject_kind).value, "subject_id": subject_id,
            "count": None, "detail": ""}
    try:
        with uow() as unit, unit.waiting_briefly(VIEWING_WAIT_MS):
            unit.session.add(AuditEvent(**line))
            unit.commit()
    except Exception as exc:  # noqa: BLE001 - viewing goes on; the line waits
        log.warning("An audit line (%s) waits for the database: %s", line["action"],
                    type(exc).__name__)
        uow.carry(f"audit line ({line['action']})",
                  lambda session: session.add(AuditEvent(**line)))


#: The whole log, newest first, in pages of 200.
EVERYTHING = AuditQuery()

_COLUMNS = ("id, at, account_id, account_name, action, subject_kind, subject_id, count, "
            "detail")


class AuditService:
    """Reading and exporting the audit log (administrators only)."""

    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def list(self, query: AuditQuery = EVERYTHING) -> builtins.list[AuditEntry]:
        """One page of the log, newest first."""
        require(self._actor, Permission.VIEW_AUDIT)
        where, params = _where(query, self._reader.dialect)
        params.update(limit=max(0, query.limit), offset=max(0, query.offset))
        rows = self._reader.rows(
            f"SELECT {_COLUMNS} FROM audit_events{where} ORDER BY at DESC, id DESC "
            "LIMIT :limit OFFSET :offset", params)
        return [_entry(row) for row in rows]

    def count(self, query: AuditQuery = EVERYTHING) -> int:
        """How many lines the query selects (all pages)."""
        require(self._actor, Permission.VIEW_AUDIT)
        where, params = _where(query, self._reader.dialect)
        return int(self._reader.rows(f"SELECT count(*) FROM audit_events{where}", params)[0][0])

    def export(self, path: Path | str, fmt: str, query: AuditQuery = EVERYTHING) -> int:
        """Write every line the query selects (all pages, oldest first) as CSV or JSON;
        returns how many. The export itself is recorded in the log."""
        require(self._actor, Permission.VIEW_AUDIT)
        if fmt not in EXPORT_FORMATS:
            raise ValidationError({"format": _("The audit log is exported as CSV or JSON.")})
        from advocate_app.interchange.audit_export import write_audit

        where, params = _where(query, self._reader.dialect)
        rows = self._reader.rows(
            f"SELECT {_COLUMNS} FROM audit_events{where} ORDER BY at, id", params)
        entries = [_entry(row) for row in rows]
        write_audit(Path(path), fmt, entries)
        record_alone(self._uow, self._actor, AuditAction.EXPORTED, AuditSubject.AUDIT_LOG,
                     count=len(entries), detail=fmt)
        return len(entries)


def _where(query: AuditQuery, dialect: str) -> tuple[str, dict[str, object]]:
    clauses: builtins.list[str] = []
    params: dict[str, object] = {}
    if query.since is not None:
        since = query.since if query.since.tzinfo else query.since.replace(tzinfo=UTC)
        clauses.append("at >= :since")
        # Stored in UTC without a zone on SQLite (see domain/base.py's UTCDateTime), as text.
        params["since"] = (since.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
                           if dialect == "sqlite" else since)
    if query.action is not None:
        clauses.append("action = :action")
        params["action"] = AuditAction(query.action).value
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _entry(row: tuple) -> AuditEntry:
    event_id, at, account_id, account_name, action, kind, subject_id, count, detail = row
    when = as_utc(at)
    return AuditEntry(
        id=int(event_id), at=when if when is not None else datetime.now(UTC),
        account_id=account_id, account_name=account_name, action=AuditAction(action),
        subject_kind=AuditSubject(kind), subject_id=subject_id, count=count,
        detail=detail)
