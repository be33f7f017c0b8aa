"""Dates with their zone, numbers, lists and relative times as a reader of each language
expects them, in the interface language or in a document's own."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from advocate_app.i18n import install_language
from advocate_app.i18n.formatting import (
    format_date,
    format_datetime,
    format_list,
    format_number,
    format_percent,
    format_relative,
    format_time,
    zone_name,
)

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
RIYADH = ZoneInfo("Asia/Riyadh")
MEETING = datetime(2026, 12, 3, 14, 5, tzinfo=PARIS)


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "3 déc. 2026, 14:05 CET"),
    ("de", "03.12.2026, 14:05 MEZ"),
    ("pl", "3 gru 2026, 14:05 CET"),
    ("ar", "03\u200f/12\u200f/2026، 2:05 م CET"),
])
def test_a_meeting_shows_its_date_time_and_zone_in_the_language(language, expected):
    install_language(language)
    assert format_datetime(MEETING) == expected


def test_a_document_formats_in_its_own_language_whatever_the_window_speaks():
    install_language("en")
    assert format_datetime(MEETING, language="de") == "03.12.2026, 14:05 MEZ"
    assert format_date(MEETING, "long", language="pl") == "3 grudnia 2026"
    assert format_number(1234567, language="fr") == "1\u202f234\u202f567"
    assert format_list(["Anna", "Ben", "Chloé"], language="de") == "Anna, Ben und Chloé"
    assert format_datetime(MEETING) == "3 Dec 2026, 14:05 CET"


def test_a_zone_without_a_short_name_shows_its_abbreviation_or_offset():
    winter = datetime(2026, 1, 15, 9, 30)
    assert format_time(winter.replace(tzinfo=NEW_YORK), zone=True, language="fr") == \
        "09:30 EST"
    assert zone_name(winter.replace(tzinfo=RIYADH), language="fr") == "UTC+03:00"
    assert zone_name(winter.replace(tzinfo=RIYADH), language="en") == "GMT+03:00"


@pytest.mark.parametrize(("language", "number", "percent"), [
    ("en", "1,234,567.5", "42.5%"),
    ("fr", "1\u202f234\u202f567,5", "42,5\u00a0%"),
    ("de", "1.234.567,5", "42,5\u00a0%"),
    ("pl", "1\u00a0234\u00a0567,5", "42,5%"),
    # Arabic's default numbering system in CLDR is Latin digits ("latn").
    ("ar", "1,234,567.5", "42.5%"),
])
def test_numbers_and_percentages_group_as_the_language_does(language, number, percent):
    install_language(language)
    assert format_number(1234567.5) == number
    assert format_percent(0.425, decimals=1) == percent


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Anna, Ben, and Chloé"),
    ("fr", "Anna, Ben et Chloé"),
    ("pl", "Anna, Ben i Chloé"),
    ("ar", "Anna وBen وChloé"),
])
def test_lists_join_with_the_languages_and(language, expected):
    install_language(language)
    assert format_list(["Anna", "Ben", "Chloé"]) == expected
    assert format_list(["Anna"]) == "Anna"
    assert format_list([]) == ""


@pytest.mark.parametrize(("language", "ahead", "behind", "tomorrow"), [
    ("en", "in 3 days", "3 days ago", "tomorrow"),
    ("fr", "dans 3 jours", "il y a 3 jours", "demain"),
    ("de", "in 3 Tagen", "vor 3 Tagen", "morgen"),
    ("pl", "za 3 dni", "3 dni temu", "jutro"),
    ("ar", "خلال 3 أيام", "قبل 3 أيام", "غدًا"),
])
def test_relative_days(language, ahead, behind, tomorrow):
    install_language(language)
    today = date(2026, 12, 3)
    now = datetime(2026, 12, 3, 12, 0)
    assert format_relative(date(2026, 12, 6), now=now) == ahead
    assert format_relative(date(2026, 11, 30), now=now) == behind
    assert format_relative(today + timedelta(days=1), now=now) == tomorrow


def test_relative_times_of_day_and_durations():
    install_language("de")
    now = datetime(2026, 12, 3, 12, 0, tzinfo=PARIS)
    assert format_relative(now - timedelta(hours=5), now=now) == "vor 5 Stunden"
    assert format_relative(timedelta(days=-14)) == "vor 2 Wochen"
    install_language("en")
    assert format_relative(now - timedelta(seconds=10), now=now) == "now"
    assert format_relative(None) == ""
