"""Dates, times and numbers in the UI language, through Babel.

Babel is imported on first use, so only the UI language's locale data is loaded.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING

from advocate_app.i18n import current_language

if TYPE_CHECKING:
    from babel import Locale


@lru_cache(maxsize=8)
def _locale(code: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def date_locale(code: str) -> Locale:
    """The locale whose date patterns are used for language ``code``, on screen and in
    documents alike. English without a region reads day, month, year ("3 Dec 2026"), as most
    English-speaking readers outside the USA expect; a region (``en_US``) keeps its own order."""
    code = code.replace("-", "_")
    return _locale("en_GB" if code == "en" else code)


def _date_locale() -> Locale:
    """The date locale of the interface language."""
    return date_locale(current_language())


def format_date(value: date | datetime | None, fmt: str = "medium") -> str:
    """A date the one way the app shows dates: "3 Dec 2026" / "3 déc. 2026"."""
    if value is None:
        return ""
    from babel.dates import format_date as _format_date

    if isinstance(value, datetime):
        value = value.date()
    return _format_date(value, format=fmt, locale=_date_locale())


def format_time(value: datetime | time | None, *, zone: bool = False) -> str:
    """A time of day, hours and minutes in the language's clock ("14:05"), with the
    time zone's abbreviation when ``zone`` ("14:05 CET")."""
    if value is None:
        return ""
    from babel.dates import format_time as _format_time

    text = _format_time(value, format="short", locale=_date_locale())
    if zone and isinstance(value, datetime):
        name = _zone_name(value)
        if name:
            text = f"{text} {name}"
    return text


def _zone_name(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.astimezone()
    return value.tzname() or ""


def format_datetime(value: datetime | None, fmt: str = "medium", *, zone: bool = True) -> str:
    """A date and time: "3 Dec 2026, 14:05 CET" / "3 déc. 2026, 14:05 CET".

    An aware time is shown in its own zone (a meeting in its zone; call ``astimezone()``
    first for the computer's); a naive time is taken as the computer's local time.
    """
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.astimezone()
    locale = _date_locale()
    pattern = str(locale.datetime_formats.get("medium", "{1}, {0}"))
    return pattern.replace("'", "").format(format_time(value, zone=zone),
                                           format_date(value, fmt))


def date_edit_format() -> str:
    """The display format for a Qt date field (``QDateEdit.setDisplayFormat``) that reads
    like :func:`format_date`: "d MMM yyyy" in English and French."""
    pattern = _date_locale().date_formats["medium"].pattern
    converted = re.sub(r"(?<!y)y(?!y)", "yyyy", pattern)
    return converted.replace("LLL", "MMM")


def format_number(value: int | float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(current_language()))


def language_name(code: str) -> str:
    """The name of a language in the UI language: ``fr`` -> "French" / "français"."""
    if not code:
        return ""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(_locale(current_language()))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


def country_name(code: str) -> str:
    if not code:
        return ""
    name: str = _locale(current_language()).territories.get(code.upper(), code)
    return name
