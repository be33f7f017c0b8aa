"""Writing many members at once (imports, the sample community) with bulk inserts.

Ids are handed out explicitly so that roles and tags can be inserted in bulk beside them; on
PostgreSQL the id sequence is moved past them afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from advocate_app.domain.members import Member, MemberRole, MemberTag

BATCH = 5000


def next_member_id(session: Session) -> int:
    return (session.execute(select(func.max(Member.id))).scalar() or 0) + 1


def insert_members(session: Session, members: Sequence[dict[str, Any]],
                   roles: Sequence[dict[str, Any]] = (),
                   tags: Sequence[dict[str, Any]] = ()) -> None:
    """Insert prepared rows (with ``id``, ``sort_name`` and ``search_text`` already set)."""
    for table, rows in ((Member.__table__, members), (MemberRole.__table__, roles),
                        (MemberTag.__table__, tags)):
        for start in range(0, len(rows), BATCH):
            session.execute(insert(table), list(rows[start:start + BATCH]))


def reset_member_sequence(session: Session) -> None:
    """PostgreSQL hands out ids from a sequence; move it past the ids written explicitly."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text(
        "SELECT setval(pg_get_serial_sequence('members', 'id'), "
        "(SELECT coalesce(max(id), 1) FROM members))"))
