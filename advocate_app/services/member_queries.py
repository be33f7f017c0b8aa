"""The SQL behind the members list, written once for SQLite and PostgreSQL alike.

Search is the one difference: SQLite uses its FTS5 index, PostgreSQL matches word starts in the
folded search text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date
from typing import Any

from advocate_app.domain.member_views import MemberQuery, MemberSort
from advocate_app.domain.text import fold
from advocate_app.services.consent import valid_consent_sql

_SORT_COLUMNS = {
    MemberSort.NAME: ("m.sort_name",),
    MemberSort.EMAIL: ("m.email",),
    MemberSort.COUNTRY: ("m.country", "m.sort_name"),
    MemberSort.LANGUAGE: ("m.preferred_language", "m.sort_name"),
    MemberSort.UPDATED: ("m.updated_at",),
}

BY_NAME = (MemberSort.NAME, MemberSort.COUNTRY, MemberSort.LANGUAGE)

LIST_COLUMNS = ("m.id, m.given_name, m.family_name, m.preferred_name, m.email, m.phone, "
                "m.country, m.preferred_language, m.updated_at, m.archived_at")


def where_clause(query: MemberQuery, dialect: str) -> tuple[str, dict[str, Any]]:
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if not query.include_archived:
        conditions.append("m.archived_at IS NULL")
    if query.role is not None:
        conditions.append("EXISTS (SELECT 1 FROM member_roles r "
                          "WHERE r.member_id = m.id AND r.role = :role)")
        params["role"] = query.role.value
    if query.language:
        conditions.append("m.preferred_language = :language")
        params["language"] = query.language
    if query.region:
        conditions.append("m.region = :region")
        params["region"] = query.region
    if query.access_need is not None:
        conditions.append("EXISTS (SELECT 1 FROM member_access_needs a "
                          "WHERE a.member_id = m.id AND a.need = :access_need)")
        params["access_need"] = query.access_need.value
    if query.tag:
        conditions.append("EXISTS (SELECT 1 FROM member_tags t "
                          "WHERE t.member_id = m.id AND t.tag = :tag)")
        params["tag"] = query.tag
    if query.changed_since is not None:
        conditions.append("m.updated_at >= :changed_since")
        since = query.changed_since.astimezone(UTC).replace(tzinfo=None)
        # SQLite holds times as text, in UTC, the way the storage layer writes them.
        params["changed_since"] = (since.strftime("%Y-%m-%d %H:%M:%S.%f") if dialect == "sqlite"
                                   else query.changed_since)
    if query.consent is not None:
        conditions.append(valid_consent_sql())
        params["consent_purpose"] = query.consent.value
        params["consent_today"] = date.today().isoformat()
    typed = fold(query.text).split()
    words = [word for word in typed if any(ch.isalnum() for ch in word)]
    if typed and not words:
        conditions.append("1 = 0")  # punctuation alone matches nobody
    elif words and dialect == "sqlite":
        # FTS5: each word a quoted phrase matched at the start of a word ("diallo-sow"* finds
        # "Diallo-Sow"); the index was built from the same folded text.
        params["fts"] = " ".join('"' + word.replace('"', '""') + '"*' for word in words)
        conditions.append("m.id IN (SELECT rowid FROM member_search WHERE member_search "
                          "MATCH :fts)")
    else:
        for index, word in enumerate(words):
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params[f"word{index}"] = f"% {escaped}%"
            conditions.append(f"m.search_text LIKE :word{index} ESCAPE '\\'")
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def count_sql(query: MemberQuery, dialect: str) -> tuple[str, dict[str, Any]]:
    where, params = where_clause(query, dialect)
    return f"SELECT count(*) FROM members m{where}", params


def list_sql(query: MemberQuery, offset: int, limit: int, dialect: str,
             name_order: str = "m.sort_name") -> tuple[str, dict[str, Any]]:
    """``name_order``: the ORDER BY term for names in the interface language's order
    (``services/name_order.py``); the folded sort name by default."""
    where, params = where_clause(query, dialect)
    direction = "DESC" if query.descending else "ASC"
    columns = [name_order if column == "m.sort_name" else column
               for column in (*_SORT_COLUMNS[query.sort], "m.id")]
    order = ", ".join(f"{column} {direction}" for column in columns)
    params.update(offset=max(0, offset), limit=max(0, limit))
    if name_order == "m.sort_name" or query.sort not in BY_NAME:
        return (f"SELECT {LIST_COLUMNS} FROM members m{where} ORDER BY {order} "
                "LIMIT :limit OFFSET :offset"), params
    # Sorted by the names themselves (no index): the sort carries ids alone, then the page's
    # rows are read (a page in the middle of 100,000 members in half the time).
    return (f"SELECT {LIST_COLUMNS} FROM members m JOIN (SELECT m.id AS page_id FROM members m"
            f"{where} ORDER BY {order} LIMIT :limit OFFSET :offset) page "
            f"ON page.page_id = m.id ORDER BY {order}"), params


def roles_sql(member_ids: Sequence[int]) -> tuple[str, dict[str, Any]]:
    names = [f"id{i}" for i in range(len(member_ids))]
    placeholders = ", ".join(f":{n}" for n in names)
    return (f"SELECT member_id, role FROM member_roles WHERE member_id IN ({placeholders})",
            dict(zip(names, member_ids, strict=True)))


# Active members per role = every member's roles less the archived members' roles. Both read
# indexes only (the roles' own index; the few archived members through ``archived_at``), where
# joining every role to its member looked up 100,000 members each time the dashboard was shown.
ALL_ROLE_COUNTS_SQL = "SELECT role, count(*) FROM member_roles GROUP BY role"
ARCHIVED_ROLE_COUNTS_SQL = (
    "SELECT role, count(*) FROM member_roles WHERE member_id IN "
    "(SELECT id FROM members WHERE archived_at IS NOT NULL) GROUP BY role"
)

ALL_TAGS_SQL = "SELECT DISTINCT tag FROM member_tags ORDER BY tag"
