"""Translation functions used by every layer.

``_``, ``ngettext`` and ``pgettext`` look up the catalog installed at start-up by
:func:`install_language`; before that they return the English source text. Call them when a
string is shown, never at import time, so a language change takes effect everywhere.
"""

from __future__ import annotations

import gettext as _gettext
from typing import TYPE_CHECKING

from advocate_app.i18n.bidi import isolated, sentence
from advocate_app.i18n.source import SOURCE_LANGUAGE

__all__ = ["N_", "_", "current_language", "install_language", "is_right_to_left", "isolated",
           "language_setup", "ngettext", "pgettext", "set_translations", "translator"]

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language: str = SOURCE_LANGUAGE
_cache_dir: Path | None = None


#: The interface language is written right to left: every value put into a translated
#: sentence keeps its own direction (``i18n/bidi.py``).
_right_to_left = False


def _(message: str) -> str:
    text = _translations.gettext(message)
    return sentence(text) if _right_to_left else text


def ngettext(singular: str, plural: str, n: int) -> str:
    text = _translations.ngettext(singular, plural, n)
    return sentence(text) if _right_to_left else text


def pgettext(context: str, message: str) -> str:
    text = _translations.pgettext(context, message)
    return sentence(text) if _right_to_left else text


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def current_language() -> str:
    """The UI language as a POSIX-style locale code, e.g. ``fr`` or ``en``."""
    return _language


#: Languages whose nouns keep their capital inside a sentence.
_CAPITAL_NOUNS = frozenset({"de", "lb"})


def mid_sentence(label: str, language: str | None = None) -> str:
    """A label ("Email newsletter", "Large print") as it reads inside a sentence of the
    language: in small letters ("the email newsletter"), except where nouns keep their
    capital (German "Newsletter") and for a word written in capitals ("PDF", "BSL")."""
    base = (language or _language).replace("-", "_").split("_")[0]
    if base in _CAPITAL_NOUNS or not label or (len(label) > 1 and label[1].isupper()):
        return label
    return label.lower()


#: Languages written right to left (by their base code); ``ar_XB``, the mirrored
#: pseudo-language, is one of them through its base.
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "ckb", "dv", "sd", "ug"})


def is_right_to_left(code: str | None = None) -> bool:
    """True when ``code`` (by default the interface language) is written right to left."""
    base = (code or _language).replace("-", "_").split(".")[0].split("_")[0].lower()
    if base in RIGHT_TO_LEFT or base == SOURCE_LANGUAGE:
        return base in RIGHT_TO_LEFT
    return _written_right_to_left(base)


_direction_cache: dict[str, bool] = {}


def _written_right_to_left(base: str) -> bool:
    """What the Unicode CLDR (through Babel) says of a language not in the list above."""
    found = _direction_cache.get(base)
    if found is None:
        from babel import Locale, UnknownLocaleError

        try:
            found = Locale.parse(base).character_order == "right-to-left"
        except (ValueError, UnknownLocaleError):
            found = False
        _direction_cache[base] = found
    return found


def set_translations(translations: _gettext.NullTranslations, language: str) -> None:
    global _translations, _language, _right_to_left
    _translations = translations
    _language = language
    _right_to_left = is_right_to_left(language)


def install_language(language: str | None, cache_dir: Path | None = None) -> str:
    """Install the catalog for ``language`` (or the system language); return the language used."""
    from advocate_app.i18n.catalogs import load_translations, system_language

    global _cache_dir
    wanted = language or system_language()
    translations, used = load_translations(wanted, cache_dir)
    set_translations(translations, used)
    _cache_dir = cache_dir
    return used


def language_setup() -> tuple[str, Path | None]:
    """What another process needs to speak the same language: (language, catalog cache)."""
    return _language, _cache_dir


def translator(language: str) -> Callable[[str], str]:
    """``gettext`` for a document's language, whatever the interface speaks: the words a
    leaflet prints itself ("Contact us", "Page 2" …) follow the leaflet, not the window."""
    return _document_translations(language or SOURCE_LANGUAGE).gettext


_document_cache: dict[str, _gettext.NullTranslations] = {}


def _document_translations(language: str) -> _gettext.NullTranslations:
    found = _document_cache.get(language)
    if found is None:
        from advocate_app.i18n.catalogs import load_translations

        found, _used = load_translations(language, _cache_dir)
        _document_cache[language] = found
    return found
