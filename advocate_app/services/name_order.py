"""ORDER BY members' names in the interface language's order, on SQLite and PostgreSQL alike.

SQLite sorts through the ``advocate`` collation and ``advocate_key`` function every connection
registers (``i18n/collation.py``); PostgreSQL through its ICU collation for the language
("pl-x-icu"), else the root one ("und-x-icu"), else its plain order when it was built without
ICU. The long members list keeps its index where the folded sort name already gives the
language's order (English, French, German …); a language with letters of its own (Polish "Ł",
Spanish "Ñ", Urdu) sorts the names themselves.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from advocate_app.i18n import collation

#: The name a member sorts by, as written: family name, then the preferred or given name.
_NAME = ("TRIM(COALESCE({t}.family_name, '') || ' ' || "
         "COALESCE(NULLIF({t}.preferred_name, ''), {t}.given_name, ''))")

_pg_collations: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def name_order(reader: Any, table: str = "m", *, large: bool = False) -> str:
    """The ORDER BY term sorting ``table``'s members by name (ascending; add DESC after it).

    ``large``: a list that may hold every member; its order uses the sort-name index wherever
    that gives the language's order."""
    if large and collation.sorts_as_folded():
        return f"{table}.sort_name"
    name = _NAME.format(t=table)
    if reader.dialect == "sqlite":
        if large:
            return f"{collation.SQL_KEY_FUNCTION}({name})"
        return f"{name} COLLATE {collation.SQL_COLLATION}"
    found = collation.postgresql_collation_name(set(_icu_collations(reader)))
    if found is None:
        return f"{table}.sort_name"
    return f'{name} COLLATE "{found}"'


def text_order(reader: Any, expression: str) -> str:
    """The ORDER BY term sorting a short list by ``expression`` (a title, a board's name) in
    the interface language's order: "Éthique" with the E words, not after "Z"."""
    if reader.dialect == "sqlite":
        return f"{expression} COLLATE {collation.SQL_COLLATION}"
    found = collation.postgresql_collation_name(set(_icu_collations(reader)))
    return f'{expression} COLLATE "{found}"' if found else f"lower({expression})"


def _icu_collations(reader: Any) -> frozenset[str]:
    with _lock:
        found = _pg_collations.get(reader)
    if found is None:
        found = frozenset(row[0] for row in reader.rows(
            "SELECT collname FROM pg_collation WHERE collname LIKE '%-x-icu'"))
        with _lock:
            _pg_collations[reader] = found
    return found
