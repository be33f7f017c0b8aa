"""The languages Advocate speaks, as a person names and asks for them: each by its own name
("Deutsch", "العربية"), and a language asked for by name that Advocate does not have refused in
one sentence naming those it has.
"""

from __future__ import annotations

from advocate_app.i18n import _, current_language
from advocate_app.i18n.catalogs import available_languages, normalise, resolve_language
from advocate_app.i18n.pseudo import is_pseudo
from advocate_app.i18n.source import SOURCE_LANGUAGE


class UnknownLanguageError(ValueError):
    """A language asked for by name (``--lang xx``) that Advocate has no catalog for; the
    message is one translated sentence naming, in their own names, the languages it has."""

    def __init__(self, code: str, shipped: list[str] | None = None):
        self.code = code
        self.shipped = available_languages() if shipped is None else shipped
        names = [_("{name} ({code})").format(name=language_name(each), code=each)
                 for each in self.shipped]
        super().__init__(_("Advocate has no interface in “{code}”; choose one of {languages}.")
                         .format(code=code, languages=_or_list(names, current_language())))


def checked_language(code: str) -> str:
    """``code`` as asked for (a regional ``de_AT`` stands for ``de``) when Advocate has it;
    otherwise :class:`UnknownLanguageError`."""
    if is_pseudo(code) or resolve_language(code) is not None:
        return code
    raise UnknownLanguageError(code)


def language_name(code: str) -> str:
    """A language's name in that language ("Deutsch", "العربية"), as a menu lists it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(normalise(code)).get_display_name(normalise(code)) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def _or_list(items: list[str], language: str) -> str:
    """"A, B or C" as ``language`` writes such a list."""
    from babel import UnknownLocaleError
    from babel.lists import format_list

    try:
        return format_list(items, style="or", locale=normalise(language) or SOURCE_LANGUAGE)
    except (ValueError, UnknownLocaleError):
        return ", ".join(items)
