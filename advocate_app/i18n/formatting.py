"""Dates, times, numbers, lists and relative times in a language, through Babel.

Every function speaks the interface language unless given ``language=`` (a document speaks
its own language: a leaflet in Polish prints "3 gru 2026" whatever the window shows).
Babel is imported on first use, so only the languages used have their locale data loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from advocate_app.i18n import current_language

if TYPE_CHECKING:
    from babel import Locale


@lru_cache(maxsize=16)
def _locale(code: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def date_locale(code: str) -> Locale:
    """The locale whose date patterns are used for language ``code``, on screen and in
    documents alike. English without a region reads day, month, year ("3 Dec 2026"), as most
    English-speaking readers outside the USA expect; a region (``en_US``) keeps its own order."""
    code = (code or "en").replace("-", "_")
    return _locale("en_GB" if code == "en" else code)


def _date_locale(language: str | None) -> Locale:
    return date_locale(language or current_language())


def _number_locale(language: str | None) -> Locale:
    return _locale(language or current_language())


# --- dates and times ---------------------------------------------------------------------------


def format_date(value: date | datetime | None, fmt: str = "medium", *,
                language: str | None = None) -> str:
    """A date the one way the app shows dates: "3 Dec 2026" / "3 déc. 2026" / "3.12.2026"."""
    if value is None:
        return ""
    from babel.dates import format_date as _format_date

    if isinstance(value, datetime):
        value = value.date()
    return _format_date(value, format=fmt, locale=_date_locale(language))


def format_time(value: datetime | time | None, *, zone: bool = False, seconds: bool = False,
                language: str | None = None) -> str:
    """A time of day in the language's clock ("14:05", "2:05 م"), with the time zone when
    ``zone`` ("14:05 CET", "14:05 MEZ"): what a meeting or a webinar shows; ``seconds``:
    "14:05:33"."""
    if value is None:
        return ""
    from babel.dates import format_time as _format_time

    text = _format_time(value, format="medium" if seconds else "short",
                        locale=_date_locale(language))
    if zone and isinstance(value, datetime):
        name = zone_name(value, language=language)
        if name:
            text = f"{text} {name}"
    return text


_OFFSET = re.compile(r"^[+-]\d")


def zone_name(value: datetime, *, language: str | None = None) -> str:
    """The short name of ``value``'s time zone as readers of the language know it: "MEZ" in
    German, "CET" in English; where the language has no short name, the zone's own
    abbreviation ("EST"), else its offset from UTC in the language's words ("UTC+03:00")."""
    from babel.dates import get_timezone_gmt, get_timezone_name

    if value.tzinfo is None:
        value = value.astimezone()
    locale = _date_locale(language)
    try:
        name = get_timezone_name(value, width="short", locale=locale)
    except (LookupError, ValueError, AttributeError):
        name = ""
    if name and len(name) <= 5 and not _OFFSET.match(name):
        return name
    own = value.tzname() or ""
    if own.isalpha() and own.isupper():
        return own
    return get_timezone_gmt(value, width="long", locale=locale)


def format_datetime(value: datetime | None, fmt: str = "medium", *, zone: bool = True,
                    language: str | None = None) -> str:
    """A date and time: "3 Dec 2026, 14:05 CET" / "3 déc. 2026, 14:05 +0100".

    An aware time is shown in its own zone (a meeting in its zone; call ``astimezone()``
    first for the computer's); a naive time is taken as the computer's local time.
    """
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.astimezone()
    locale = _date_locale(language)
    pattern = str(locale.datetime_formats.get("medium", "{1}, {0}"))
    return pattern.replace("'", "").format(format_time(value, zone=zone, language=language),
                                           format_date(value, fmt, language=language))


def date_edit_format() -> str:
    """The display format for a Qt date field (``QDateEdit.setDisplayFormat``) that reads
    like :func:`format_date`: "d MMM yyyy" in English and French."""
    pattern = _date_locale(None).date_formats["medium"].pattern
    converted = re.sub(r"(?<!y)y(?!y)", "yyyy", pattern)
    return converted.replace("LLL", "MMM")


# --- relative times ----------------------------------------------------------------------------


def format_relative(value: date | datetime | timedelta | None, *,
                    now: datetime | None = None, language: str | None = None) -> str:
    """How far a moment is from now, in words: "in 3 days", "3 days ago", "tomorrow",
    "in 2 hours". A date counts whole days ("today", "yesterday"); a ``timedelta`` is taken
    as from now (positive: to come)."""
    if value is None:
        return ""
    from babel.dates import format_timedelta

    locale = _date_locale(language)
    if isinstance(value, timedelta):
        delta = value
    elif isinstance(value, datetime):
        moment = now or datetime.now(value.tzinfo)
        if (value.tzinfo is None) != (moment.tzinfo is None):
            value, moment = value.astimezone(), moment.astimezone()
        delta = value - moment
    else:
        days = (value - (now.date() if now else date.today())).days
        word = _relative_day(locale, days)
        if word:
            return word
        delta = timedelta(days=days)
    if abs(delta) < timedelta(seconds=45):
        return _relative_day(locale, 0, field="second") or format_timedelta(
            delta, add_direction=True, locale=locale)
    return format_timedelta(delta, add_direction=True, threshold=1, locale=locale)


def _relative_day(locale: Locale, days: int, field: str = "day") -> str:
    """CLDR's own word for a day near today ("yesterday", "demain"), or ""."""
    if abs(days) > 1:
        return ""
    try:
        return str(locale._data["date_fields"][field]["relative"][days])
    except (KeyError, TypeError):
        return ""


# --- numbers and lists -------------------------------------------------------------------------


def format_number(value: int | float, *, language: str | None = None) -> str:
    """A number with the language's grouping and digits: "1,234" / "1 234" / "1.234"."""
    from babel.numbers import format_decimal

    locale = _number_locale(language)
    try:
        return format_decimal(value, locale=locale, numbering_system="default")
    except TypeError:  # a Babel before 2.14 knows one numbering system
        return format_decimal(value, locale=locale)


def format_percent(value: float, *, decimals: int = 0, language: str | None = None) -> str:
    """A share (0.42) as a percentage the language's way: "42%" / "42 %" / "42٪"."""
    from babel.numbers import format_percent as _format_percent

    locale = _number_locale(language)
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    if decimals > 0:  # "#,##0 %" -> "#,##0.0 %"
        last = pattern.rfind("0")
        pattern = pattern[:last + 1] + "." + "0" * decimals + pattern[last + 1:]
    try:
        return _format_percent(value, pattern, locale=locale, numbering_system="default")
    except TypeError:
        return _format_percent(value, pattern, locale=locale)


def format_list(items: Iterable[str], *, style: str = "standard",
                language: str | None = None) -> str:
    """Words joined as the language joins them in a sentence: "A, B and C" / "A, B et C" /
    "A، B، اور C"; ``style="or"`` for alternatives ("A, B or C")."""
    words = [item for item in items if item]
    if not words:
        return ""
    from babel.lists import format_list as _format_list

    locale = _number_locale(language)
    try:
        return _format_list(words, style=style, locale=locale)  # type: ignore[arg-type]
    except KeyError:  # a style the language's data lacks
        return _format_list(words, locale=locale)


def format_items(items: Iterable[str], *, language: str | None = None) -> str:
    """Words listed without "and", as a table cell shows them: "A, B, C" / "A، B، C"."""
    words = [item for item in items if item]
    if len(words) < 2:
        return "".join(words)
    try:
        middle = str(_number_locale(language).list_patterns["standard"]["middle"])
    except (KeyError, TypeError):
        middle = "{0}, {1}"
    text = words[-1]
    for word in reversed(words[:-1]):
        text = middle.format(word, text)
    return text


# --- names -------------------------------------------------------------------------------------


def language_name(code: str, *, language: str | None = None) -> str:
    """The name of a language in the UI language: ``fr`` -> "French" / "français"."""
    if not code:
        return ""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(
            _number_locale(language))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


def country_name(code: str, *, language: str | None = None) -> str:
    if not code:
        return ""
    name: str = _number_locale(language).territories.get(code.upper(), code)
    return name
