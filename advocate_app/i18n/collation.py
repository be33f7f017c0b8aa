"""Sorting names the way a reader of a language expects.

:func:`sort_key` orders text by the language's alphabet: accents sort with their letter
("Émile" among the E, not after "Z"), "Ä" with "A" in German, and a letter the language counts
as its own sorts after its base ("Łukasz" after every other L name in Polish, "Muñoz" after
"Munro" in Spanish).

ICU (the ``icu`` module of PyICU, installed by the ``icu`` extra: ``pip install -e ".[icu]"``)
gives the exact order of the Unicode Collation Algorithm for every language. Without it a key
built from Unicode decomposition is used: the accents stripped and the case folded for the
first comparison, the letters the interface languages treat as their own kept apart, then
the accented and capitalised forms as tie-breakers.

The database sorts the same way: SQLite through the ``advocate`` collation that every connection
registers (:func:`register_sqlite`), PostgreSQL through one of its ICU collations
(:func:`postgresql_collation_name`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from advocate_app.i18n import current_language

#: The collation's name in SQL: ``ORDER BY … COLLATE advocate``.
SQL_COLLATION = "advocate"

# Letters that Unicode does not decompose into a base letter plus an accent.
_EXTRA = str.maketrans({
    "æ": "ae", "œ": "oe", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "ħ": "h", "ŧ": "t",
})

# After every letter of an alphabet, before nothing a name holds.
_AFTER = "\U0010fffd"


def _strip(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _after_base(letters: str) -> dict[str, str]:
    """Each letter sorts right after every other use of its base letter (Polish "ł")."""
    return {ch: _strip(ch.translate(_EXTRA)) + _AFTER for ch in letters}


def _after_z(letters: str) -> dict[str, str]:
    """The letters sort after "z", in this order (Swedish "å", "ä", "ö")."""
    return {ch: f"z{_AFTER}{rank}" for rank, ch in enumerate(letters)}


#: Letters a language counts as letters of their own (lower case), with where they sort,
#: for the order used without ICU.
_OWN_LETTERS: dict[str, dict[str, str]] = {
    "pl": _after_base("ąćęłńóśźż"),
    "es": _after_base("ñ"),
    "cs": _after_base("čřšž"),
    "sk": _after_base("äčôšž"),
    "hr": _after_base("čćđšž"),
    "hu": _after_base("öü"),
    "ro": _after_base("ăâîșț"),
    "tr": _after_base("çğöşü"),
    "sv": _after_z("åäö"),
    "fi": _after_z("åäö"),
    "da": _after_z("æøå"),
    "nb": _after_z("æøå"),
    "no": _after_z("æøå"),
}

#: Languages whose alphabet orders names as the folded text does (accents and case set aside):
#: the stored folded sort name serves them as it is, through its index.
FOLDED_ORDER_LANGUAGES = frozenset({"en", "fr", "de", "it", "nl", "pt", "ar"})

def _base_language(language: str | None) -> str:
    code = (language or current_language() or "en").replace("-", "_")
    return code.split("_")[0].lower()


def sorts_as_folded(language: str | None = None) -> bool:
    """True when the stored folded sort name already gives ``language``'s order."""
    return _base_language(language) in FOLDED_ORDER_LANGUAGES


def sort_key(text: str | None, language: str | None = None) -> Any:
    """A key that orders ``text`` as a reader of ``language`` (the interface's by default)
    expects: ``sorted(names, key=lambda n: sort_key(n, "pl"))``."""
    return _key_function(_base_language(language))(text or "")


def key_function(language: str | None = None) -> Callable[[str], Any]:
    """:func:`sort_key` for one language, looked up once: for sorting many names."""
    return _key_function(_base_language(language))


def sorted_names(items: list[Any] | Any, key: Callable[[Any], str] = str,
                 language: str | None = None) -> list[Any]:
    """``items`` ordered by the text ``key`` gives for each, in ``language``'s order."""
    function = _key_function(_base_language(language))
    return sorted(items, key=lambda item: function(key(item) or ""))


def compare(left: str | None, right: str | None, language: str | None = None) -> int:
    """-1, 0 or 1 as ``left`` sorts before, with or after ``right``."""
    function = _key_function(_base_language(language))
    a, b = function(left or ""), function(right or "")
    return int(a > b) - int(a < b)


@lru_cache(maxsize=16)
def _key_function(language: str) -> Callable[[str], Any]:
    collator = _icu_collator(language)
    if collator is not None:
        key: Callable[[str], Any] = collator.getSortKey
        return key
    own = _OWN_LETTERS.get(language, {})
    return lambda text: fallback_sort_key(text, own)


def _icu_collator(language: str) -> Any:
    try:
        import icu  # type: ignore[import-untyped]
    except ImportError:
        return None
    try:
        return icu.Collator.createInstance(icu.Locale(language))
    except Exception:  # an ICU without data for the language: the root order
        try:
            return icu.Collator.createInstance(icu.Locale.getRoot())
        except Exception:
            return None


def has_icu() -> bool:
    """True when ICU's collation is installed (PyICU)."""
    return _icu_collator("en") is not None


def fallback_sort_key(text: str, own_letters: dict[str, str] | None = None
                      ) -> tuple[str, str, str]:
    """The key used without ICU: (letters, accents, case).

    The first part folds case and strips accents, so accents sort with their letter; a letter
    of ``own_letters`` sorts where that table puts it (after its base letter, or after "z").
    Equal letters are then ordered unaccented first, and lower case before capitals.
    """
    own = own_letters or {}
    lowered = unicodedata.normalize("NFC", text.lower())
    primary = "".join(own.get(ch) or _strip(ch.casefold().translate(_EXTRA)) for ch in lowered)
    return (primary, unicodedata.normalize("NFD", lowered),
            "".join("1" if ch.isupper() else "0" for ch in text))


# --- SQL ---------------------------------------------------------------------------------------


#: The SQL function giving a text's sort key: ``ORDER BY advocate_key(name)`` sorts a long
#: list with one key per row, where a collation compares (and computes keys) per comparison.
SQL_KEY_FUNCTION = "advocate_key"


@lru_cache(maxsize=131_072)
def _cached_key(language: str, text: str) -> Any:
    return _key_function(language)(text)


def _sqlite_key(text: str | None) -> Any:
    key = _cached_key(_base_language(None), text or "")
    # SQLite compares text and blobs, not tuples: the fallback's parts joined in order.
    return key if isinstance(key, bytes) else "\x00".join(key)


def _sqlite_compare(left: str | None, right: str | None) -> int:
    a, b = _sqlite_key(left), _sqlite_key(right)
    return int(a > b) - int(a < b)


def register_sqlite(connection: Any) -> None:
    """Give a ``sqlite3`` (or ``sqlcipher3``) connection the ``advocate`` collation and the
    ``advocate_key`` function: the interface language's order, read when a query runs."""
    connection.create_collation(SQL_COLLATION, _sqlite_compare)
    connection.create_function(SQL_KEY_FUNCTION, 1, _sqlite_key)


def postgresql_collation_name(available: set[str], language: str | None = None) -> str | None:
    """The ICU collation of a PostgreSQL server to sort ``language`` with, from the names in
    ``pg_collation`` (``available``): the language's own ("pl-x-icu"), else the root order
    ("und-x-icu"); None when the server was built without ICU."""
    for name in (f"{_base_language(language)}-x-icu", "und-x-icu"):
        if name in available:
            return name
    return None
