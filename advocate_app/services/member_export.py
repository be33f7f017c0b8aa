"""Exporting a selection of members: the use case behind the menu item and the command line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.member_views import MemberDetails, MemberQuery

if TYPE_CHECKING:
    from advocate_app.services.container import Services

BATCH = 1000

#: Health details an export "with access needs" still leaves out.
_HEALTH_ONLY = frozenset({"conditions", "date_of_birth", "age_band"})


def iter_members(services: Services, query: MemberQuery) -> Iterator[MemberDetails]:
    """Every member the query selects, in its order, read a thousand at a time."""
    from sqlalchemy import select

    from advocate_app.domain.members import Member
    from advocate_app.services.member_changes import _details

    total = services.members.count(query)
    for offset in range(0, total, BATCH):
        ids = [row.id for row in services.members.list(query, offset, BATCH)]
        with services.uow() as uow:
            found = {m.id: m for m in uow.session.scalars(select(Member).where(
                Member.id.in_(ids)))}
            for member_id in ids:
                if member_id in found:
                    yield _details(found[member_id])


def iter_members_by_id(services: Services, ids: list[int]) -> Iterator[MemberDetails]:
    """The members with these ids, in that order, read a thousand at a time."""
    from sqlalchemy import select

    from advocate_app.domain.members import Member
    from advocate_app.services.member_changes import _details

    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        with services.uow() as uow:
            found = {m.id: m for m in uow.session.scalars(select(Member).where(
                Member.id.in_(batch)))}
            for member_id in batch:
                if member_id in found:
                    yield _details(found[member_id])


def export_members(services: Services, path: Path, kind: str, query: MemberQuery = MemberQuery(),
                   include_sensitive: bool = False, columns: list[str] | None = None,
                   on_row: Callable[[], None] | None = None,
                   ids: list[int] | None = None) -> int:
    """Write the members a query selects (or exactly ``ids``) to ``path``; health details
    only when asked, and only for an account that may see them. The export is written to
    the audit log (how many, the format, whether health details went with them)."""
    from advocate_app.domain.access import Permission
    from advocate_app.domain.audit_views import AuditAction, AuditSubject
    from advocate_app.domain.community import SPECIAL_CATEGORY_FIELDS
    from advocate_app.interchange.member_export import columns_for, write_members
    from advocate_app.services.access import require
    from advocate_app.services.audit import record_alone

    require(services.actor, Permission.IMPORT_EXPORT)
    chosen = columns_for(include_sensitive, columns)
    sensitive = bool(SPECIAL_CATEGORY_FIELDS.intersection(chosen))
    if sensitive:
        require(services.actor, Permission.VIEW_SENSITIVE)
    members = iter_members_by_id(services, ids) if ids is not None else (
        iter_members(services, query))
    count = write_members(path, kind, members, chosen, on_row, contact_slots(services))
    record_alone(services.uow, services.actor, AuditAction.EXPORTED, AuditSubject.MEMBERS,
                 count=count, detail=f"{kind} with health details" if sensitive else kind)
    return count


def contact_slots(services: Services) -> dict[str, int]:
    """At most how many email addresses and phone numbers one member has."""
    rows = services.members.reader.rows(
        "SELECT kind, max(n) FROM (SELECT kind, count(*) AS n FROM member_contacts "
        "GROUP BY member_id, kind) counts GROUP BY kind")
    return {kind: int(n) for kind, n in rows}


def access_need_columns() -> list[str]:
    """The columns of an export with access needs (large print, Easy Read, sign language …):
    every column but the other health details."""
    from advocate_app.interchange.member_export import COLUMNS

    return [column for column in COLUMNS if column not in _HEALTH_ONLY]
