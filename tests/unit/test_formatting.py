"""One date format for the person's language, everywhere."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from advocate_app.i18n import install_language
from advocate_app.i18n.formatting import (
    date_edit_format,
    format_date,
    format_datetime,
    format_time,
)

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(("language", "expected"), [("en", "3 Dec 2026"),
                                                    ("fr", "3 déc. 2026")])
def test_a_date_reads_day_month_year_in_the_interface_language(language, expected):
    install_language(language)
    assert format_date(date(2026, 12, 3)) == expected
    assert format_date(datetime(2026, 12, 3, 23, 0)) == expected


@pytest.mark.parametrize(("language", "expected"), [("en", "3 Dec 2026, 14:05 CET"),
                                                    ("fr", "3 déc. 2026, 14:05 CET")])
def test_a_time_shows_its_date_hours_minutes_and_zone(language, expected):
    install_language(language)
    assert format_datetime(datetime(2026, 12, 3, 14, 5, 33, tzinfo=PARIS)) == expected
    assert format_time(datetime(2026, 12, 3, 14, 5, tzinfo=PARIS)) == "14:05"


def test_a_naive_time_is_the_computers_local_time_and_says_its_zone():
    install_language("en")
    text = format_datetime(datetime(2026, 1, 2, 3, 4))
    local_zone = datetime(2026, 1, 2, 3, 4).astimezone().tzname()
    assert text == f"2 Jan 2026, 03:04 {local_zone}"


def test_nothing_shows_as_an_empty_string():
    assert format_date(None) == format_datetime(None) == format_time(None) == ""


@pytest.mark.parametrize("language", ["en", "fr"])
def test_date_fields_use_the_same_order_as_shown_dates(language):
    install_language(language)
    assert date_edit_format() == "d MMM yyyy"
