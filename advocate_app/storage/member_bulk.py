"""Writing many members at once (imports, the sample community) with bulk inserts.

Ids come from the database before the rows are written, so that roles and tags can be inserted
in bulk beside them: on PostgreSQL from the members' id sequence (a block of ``nextval`` in one
statement), on SQLite the next free ones, taken while the transaction holds the write lock. Two
imports at once therefore never hand out the same id; :func:`lock_for_new_members` also makes
the second wait for the first, so it matches its rows against the people the first brought in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from advocate_app.domain.members import Member, MemberContact, MemberRole, MemberTag
from advocate_app.storage.engine import SQLITE_BUSY_TIMEOUT_MS
from advocate_app.storage.member_search import CREATE_INSERT_TRIGGER, FTS_TABLE, INSERT_TRIGGER

BATCH = 5000


#: How long an import waits for another one to finish on SQLite before giving up (ms).
SQLITE_IMPORT_WAIT_MS = 600_000

#: The PostgreSQL advisory lock two bulk writes of members take in turn (any fixed number).
_PG_MEMBERS_LOCK = 0x41647663


def lock_for_new_members(session: Session) -> None:
    """Open the transaction holding the right to add members in bulk; call it first.

    SQLite: a write that changes nothing takes the database's write lock at once (waiting, up
    to :data:`SQLITE_IMPORT_WAIT_MS`, for another writer), so what this transaction reads next
    is what it writes against, and the ids after the highest are free until it ends.
    PostgreSQL: an advisory lock held until the transaction ends; another import waits for it.
    """
    if session.get_bind().dialect.name == "sqlite":
        raw = session.connection().connection.dbapi_connection
        raw.execute(f"PRAGMA busy_timeout={SQLITE_IMPORT_WAIT_MS}")
        try:
            session.execute(text("UPDATE members SET version = version WHERE 1 = 0"))
        finally:
            raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    else:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MEMBERS_LOCK})


def reserve_member_ids(session: Session, count: int) -> list[int]:
    """``count`` new member ids from the database, in increasing order.

    PostgreSQL: taken from the id sequence in one statement (another client adding a member
    meanwhile gets an id of its own; the block may then have gaps). SQLite: the ``count`` ids
    after the highest, which :func:`lock_for_new_members` must have made this transaction's.
    """
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return sorted(session.execute(text(
            "SELECT nextval(pg_get_serial_sequence('members', 'id')) "
            "FROM generate_series(1, :count)"), {"count": count}).scalars())
    first = (session.execute(select(func.max(Member.id))).scalar() or 0) + 1
    return list(range(first, first + count))


def insert_members(session: Session, members: Sequence[dict[str, Any]],
                   roles: Sequence[dict[str, Any]] = (),
                   tags: Sequence[dict[str, Any]] = (),
                   contacts: Sequence[dict[str, Any]] = ()) -> None:
    """Insert prepared rows (with ``id``, ``sort_name`` and ``search_text`` already set).

    ``contacts``: rows of ``member_contacts`` beyond the members' own columns. A member's
    ``email`` and ``phone`` become its primary (unlabelled) contacts, in one statement, unless
    ``contacts`` holds a primary of that kind for it (one with a label).

    On SQLite the full-text index is filled once for all the new rows rather than by a trigger
    per row (three times faster); the trigger is back in place before the transaction ends.
    """
    sqlite = session.get_bind().dialect.name == "sqlite" and bool(members)
    if sqlite:
        # Python's sqlite3 opens its transaction only before a data change; without one, the
        # DROP below would commit at once and a rollback would leave search without its trigger.
        session.execute(text("UPDATE members SET id = id WHERE 0"))
        session.execute(text(f"DROP TRIGGER IF EXISTS {INSERT_TRIGGER}"))
    for table, rows in ((Member.__table__, members), (MemberRole.__table__, roles),
                        (MemberTag.__table__, tags), (MemberContact.__table__, contacts)):
        for start in range(0, len(rows), BATCH):
            batch = list(rows[start:start + BATCH])
            if sqlite:
                # Roles, tags and contacts hold only text, numbers and flags: stored as given.
                _sqlite_insert(session, table.name, batch, plain=table is not Member.__table__)
            else:
                session.execute(insert(table), batch)
    if members:
        _primary_contacts(session, [row["id"] for row in members], bool(contacts))
    if sqlite:
        ids = [row["id"] for row in members]
        session.execute(text(
            f"INSERT INTO {FTS_TABLE}(rowid, search_text) SELECT id, search_text FROM members "
            "WHERE id BETWEEN :low AND :high"), {"low": min(ids), "high": max(ids)})
        session.execute(text(CREATE_INSERT_TRIGGER))


def _primary_contacts(session: Session, ids: list[int], some_given: bool) -> None:
    """Members' email and phone (those of ``ids``) as their primary contacts, where no primary
    of that kind was inserted for them (``some_given``: any contacts were)."""
    if session.get_bind().dialect.name == "postgresql":
        # Ids from the sequence may have gaps another client's members fill: name each one.
        chosen, params = "m.id = ANY(:ids)", {"ids": ids}
    else:  # contiguous: the write lock kept anyone else from adding members in between
        chosen, params = "m.id BETWEEN :low AND :high", {"low": min(ids), "high": max(ids)}
    for kind in ("email", "phone"):  # written into the SQL: one of these two words
        unless_given = (" AND NOT EXISTS (SELECT 1 FROM member_contacts c WHERE "
                        f"c.member_id = m.id AND c.kind = '{kind}' AND c.position = 0)"
                        if some_given else "")
        session.execute(text(
            "INSERT INTO member_contacts (member_id, kind, value, label, is_primary, position) "
            f"SELECT m.id, '{kind}', m.{kind}, '', :yes, 0 FROM members m "
            f"WHERE {chosen} AND m.{kind} <> ''{unless_given}"),
            {"yes": True, **params})


def insert_rows(session: Session, table_name: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert plain rows into another table in the same quick way (consent history …)."""
    from advocate_app.domain.base import Base

    if not rows:
        return
    table = Base.metadata.tables[table_name]
    sqlite = session.get_bind().dialect.name == "sqlite"
    for start in range(0, len(rows), BATCH):
        batch = list(rows[start:start + BATCH])
        if sqlite:
            _sqlite_insert(session, table.name, batch)
        else:
            session.execute(insert(table), batch)


def _sqlite_insert(session: Session, table: str, rows: list[dict[str, Any]],
                   plain: bool = False) -> None:
    """executemany on the session's own sqlite3 connection (same transaction), skipping
    SQLAlchemy's per-row parameter processing; values are stored as SQLAlchemy stores them."""
    columns = list(rows[0])
    statement = (f"INSERT INTO {table} ({', '.join(columns)}) "
                 f"VALUES ({', '.join('?' for _ in columns)})")
    raw = session.connection().connection.dbapi_connection
    if plain:
        raw.executemany(statement, [tuple(row.values()) for row in rows])
        return
    raw.executemany(statement, [tuple(_sqlite_value(row[c]) for c in columns) for row in rows])


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value
