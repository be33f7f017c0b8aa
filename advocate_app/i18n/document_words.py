"""The words a document prints itself ("Contact us", the formats notice, "Page 2"), in the
document's language, with the language they really came out in.

A leaflet in Hindi or Korean, languages without a catalog (or a catalog still being
translated), prints these words in English. :func:`document_words` says so, so that the
document can tag them ``/Lang (en)`` and a screen reader does not read English with a Hindi
voice.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable

from advocate_app.i18n import _document_translations
from advocate_app.i18n.source import SOURCE_LANGUAGE


def _base(language: str) -> str:
    return (language or SOURCE_LANGUAGE).replace("-", "_").split("_")[0].lower()


def _translated(translations: _gettext.NullTranslations, key: object) -> bool:
    catalog = getattr(translations, "_catalog", None)
    if not isinstance(catalog, dict):
        return False
    return bool(catalog.get(key))


def document_words(language: str) -> Callable[[str], tuple[str, str]]:
    """``words(message)`` → (the message in ``language``, the language of those words): the
    document's language when its catalog translates the message, the source language
    (English) otherwise."""
    base = _base(language)
    translations = _document_translations(language or SOURCE_LANGUAGE)

    def words(message: str) -> tuple[str, str]:
        if base == SOURCE_LANGUAGE:
            return message, SOURCE_LANGUAGE
        if _translated(translations, message):
            return translations.gettext(message), language
        return message, SOURCE_LANGUAGE
    return words


def document_ngettext(language: str) -> Callable[[str, str, int], tuple[str, str]]:
    """As :func:`document_words` for words whose form follows a number (``ngettext``):
    ``words(singular, plural, n)`` → (the right form in ``language``, its language)."""
    base = _base(language)
    translations = _document_translations(language or SOURCE_LANGUAGE)

    def words(singular: str, plural: str, n: int) -> tuple[str, str]:
        if base != SOURCE_LANGUAGE and _translated(translations, (singular, 0)):
            return translations.ngettext(singular, plural, n), language
        return (singular if n == 1 else plural), SOURCE_LANGUAGE
    return words
