"""The members list in a language with letters of its own (Polish "Ł", Spanish "Ñ"), page by
page, without sorting every member again for each page.

English, French, German … read pages straight from the sort-name index. A language whose
alphabet differs from the folded sort name has no index to read; on SQLite, where the names
are sorted by a Python function, the whole list is sorted once (the ids alone, about a fifth
of a second for 100,000 members) and kept until the data, the query or the language changes:
scrolling then reads each page by its ids.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from advocate_app.domain.member_views import MemberQuery, MemberSort
from advocate_app.i18n import collation, current_language
from advocate_app.services import member_queries as sql

_SECOND = {MemberSort.COUNTRY: "m.country", MemberSort.LANGUAGE: "m.preferred_language"}


def applies(query: MemberQuery, dialect: str) -> bool:
    """True when this list is sorted by names in an order no index gives, on SQLite."""
    return (dialect == "sqlite" and query.sort in sql.BY_NAME
            and not collation.sorts_as_folded())


class OrderedIds:
    """The ids of the last list asked for, in order, with what they were read at."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._ids: list[int] = []

    def page(self, reader: Any, changes: Callable[[], Any], query: MemberQuery, offset: int,
             limit: int) -> list[int]:
        key = (query, current_language(), changes())
        with self._lock:
            if key != self._key:
                self._ids = _sorted_ids(reader, query)
                self._key = key
            start = max(0, offset)
            return self._ids[start:start + max(0, limit)]


def _sorted_ids(reader: Any, query: MemberQuery) -> list[int]:
    where, params = sql.where_clause(query, reader.dialect)
    second = _SECOND.get(query.sort)
    rows = reader.rows("SELECT m.id, m.family_name, m.given_name, m.preferred_name"
                       f"{', ' + second if second else ''} FROM members m{where}", params)
    # As services/name_order.py writes it in SQL: family name, then preferred or given name.
    keys = list(map(collation.key_function(), (f"{row[1] or ''} {row[3] or row[2] or ''}".strip(" ")
                                         for row in rows)))
    ids = [row[0] for row in rows]
    ordered: list[tuple]
    if second is None:
        ordered = sorted(zip(keys, ids, strict=True), reverse=query.descending)
    else:  # SQL's order of the column first (no value before any), then the name
        ordered = sorted(zip([row[4] is not None for row in rows],
                             [row[4] or "" for row in rows], keys, ids, strict=True),
                         reverse=query.descending)
    return [entry[-1] for entry in ordered]


def rows_in_order(reader: Any, ids: list[int]) -> list[tuple]:
    """The list's columns of these members, in the order of ``ids``."""
    found: dict[int, tuple] = {}
    for start in range(0, len(ids), 500):
        names = {f"i{n}": member_id for n, member_id in enumerate(ids[start:start + 500])}
        found.update((row[0], row) for row in reader.rows(
            f"SELECT {sql.LIST_COLUMNS} FROM members m WHERE m.id IN "
            f"({', '.join(':' + name for name in names)})", names))
    return [found[member_id] for member_id in ids if member_id in found]
