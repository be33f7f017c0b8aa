"""Dates, times and numbers in the UI language, through Babel.

Babel is imported on first use, so only the UI language's locale data is loaded.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from advocate_app.i18n import current_language


@lru_cache(maxsize=8)
def _locale(code: str):
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_date(value: date | datetime | None, fmt: str = "medium") -> str:
    if value is None:
        return ""
    from babel.dates import format_date as _format_date

    if isinstance(value, datetime):
        value = value.date()
    return _format_date(value, format=fmt, locale=_locale(current_language()))


def format_datetime(value: datetime | None, fmt: str = "medium") -> str:
    if value is None:
        return ""
    from babel.dates import format_datetime as _format_datetime

    return _format_datetime(value, format=fmt, locale=_locale(current_language()))


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
    return _locale(current_language()).territories.get(code.upper(), code)
