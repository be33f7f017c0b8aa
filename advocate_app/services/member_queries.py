"""The SQL behind the members list, written once for SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from advocate_app.domain.text import fold
from advocate_app.services.member_data import MemberQuery, MemberSort

_SORT_COLUMNS = {
    MemberSort.NAME: ("m.sort_name",),
    MemberSort.EMAIL: ("m.email",),
    MemberSort.COUNTRY: ("m.country", "m.sort_name"),
    MemberSort.LANGUAGE: ("m.preferred_language", "m.sort_name"),
    MemberSort.UPDATED: ("m.updated_at",),
}

LIST_COLUMNS = ("m.id, m.given_name, m.family_name, m.preferred_name, m.email, m.phone, "
                "m.country, m.preferred_language, m.updated_at, m.archived_at")


def where_clause(query: MemberQuery) -> tuple[str, dict[str, Any]]:
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if not query.include_archived:
        conditions.append("m.archived_at IS NULL")
    if query.role is not None:
        conditions.append("EXISTS (SELECT 1 FROM member_roles r "
                          "WHERE r.member_id = m.id AND r.role = :role)")
        params["role"] = query.role.value
    for index, token in enumerate(fold(query.text).split()):
        escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        name = f"word{index}"
        params[name] = f"% {escaped}%"
        condition = f"m.search_text LIKE :{name} ESCAPE '\\'"
        if token.isdigit():  # digits may sit inside a phone number
            params[f"{name}any"] = f"%{escaped}%"
            condition = f"({condition} OR m.search_text LIKE :{name}any ESCAPE '\\')"
        conditions.append(condition)
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def count_sql(query: MemberQuery) -> tuple[str, dict[str, Any]]:
    where, params = where_clause(query)
    return f"SELECT count(*) FROM members m{where}", params


def list_sql(query: MemberQuery, offset: int, limit: int) -> tuple[str, dict[str, Any]]:
    where, params = where_clause(query)
    direction = "DESC" if query.descending else "ASC"
    order = ", ".join(f"{column} {direction}" for column in (*_SORT_COLUMNS[query.sort], "m.id"))
    params.update(offset=max(0, offset), limit=max(0, limit))
    return (f"SELECT {LIST_COLUMNS} FROM members m{where} ORDER BY {order} "
            "LIMIT :limit OFFSET :offset"), params


def roles_sql(member_ids: Sequence[int]) -> tuple[str, dict[str, Any]]:
    names = [f"id{i}" for i in range(len(member_ids))]
    placeholders = ", ".join(f":{n}" for n in names)
    return (f"SELECT member_id, role FROM member_roles WHERE member_id IN ({placeholders})",
            dict(zip(names, member_ids, strict=True)))


ROLE_COUNTS_SQL = (
    "SELECT r.role, count(*) FROM member_roles r JOIN members m ON m.id = r.member_id "
    "WHERE m.archived_at IS NULL GROUP BY r.role"
)

ALL_TAGS_SQL = "SELECT DISTINCT tag FROM member_tags ORDER BY tag"
