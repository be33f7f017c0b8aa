"""Words the app writes into files and messages follow the language: a calendar file names
the interpreted languages ("French and Arabic", not "fr, ar")."""

from __future__ import annotations

from datetime import datetime, timedelta

from advocate_app.domain.webinar_kinds import WebinarAccess, WebinarStatus
from advocate_app.domain.webinar_views import WebinarInput
from advocate_app.i18n import install_language


def test_a_calendar_file_names_the_interpreted_languages(services, tmp_path):
    from icalendar import Calendar

    starts = (datetime.now() + timedelta(days=10)).replace(microsecond=0)
    webinar_id = services.webinars.create(WebinarInput(
        "Living well", starts, 90, "Europe/London", status=WebinarStatus.OPEN,
        access_offered=frozenset({WebinarAccess.INTERPRETATION}),
        interpretation_languages=("fr", "ar"))).id
    path = services.webinars.write_calendar(webinar_id, tmp_path / "one.ics")
    [event] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert "(French and Arabic)" in str(event["DESCRIPTION"])
    install_language("de")
    path = services.webinars.write_calendar(webinar_id, tmp_path / "de.ics")
    [event] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert "(Französisch und Arabisch)" in str(event["DESCRIPTION"])
