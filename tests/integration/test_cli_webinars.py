"""``advocate-app webinars …`` as a script meets it: create, list, register and ics."""

from __future__ import annotations

import json

import pytest

from advocate_app.app import main
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.webinar_kinds import RegistrationStatus, WebinarStatus


def _run(app_paths, *args: str) -> int:
    return main(["--data-dir", str(app_paths.data_dir), "webinars", *args])


def test_create_prints_the_id_and_list_shows_it(services, app_paths, capsys):
    assert _run(app_paths, "create", "--title", "Living well", "--start", "2099-03-14T18:30",
                "--timezone", "Europe/Paris", "--capacity", "2", "--duration", "75",
                "--link", "https://zoom.us/j/81234567890") == 0
    printed = capsys.readouterr().out
    webinar_id = int(printed)
    assert printed == f"{webinar_id}\n"
    made = services.webinars.get(webinar_id)
    assert (made.title, made.timezone, made.capacity, made.duration_minutes) == (
        "Living well", "Europe/Paris", 2, 75)
    assert made.local_start.strftime("%Y-%m-%d %H:%M") == "2099-03-14 18:30"
    assert made.status is WebinarStatus.OPEN

    assert _run(app_paths, "list", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert {key: row[key] for key in ("id", "title", "status", "local_start", "timezone",
                                      "capacity", "registered", "waitlisted",
                                      "places_left")} == {
        "id": webinar_id, "title": "Living well", "status": "open",
        "local_start": "2099-03-14T18:30:00", "timezone": "Europe/Paris", "capacity": 2,
        "registered": 0, "waitlisted": 0, "places_left": 2}
    assert row["starts_at"] == "2099-03-14T17:30:00+00:00"

    assert _run(app_paths, "list") == 0
    assert capsys.readouterr().out == (f"{webinar_id}\t2099-03-14 18:30\tEurope/Paris\t"
                                       "Open for registration\t0/2 places\tLiving well\n")


def test_bad_input_is_one_message_and_nothing_is_made(services, app_paths, capsys):
    assert _run(app_paths, "create", "--title", "Talk", "--start", "2099-03-14T18:30",
                "--timezone", "Mars/Olympus", "--link", "zoom.us/j/1") == 1
    err = capsys.readouterr().err
    assert "“Mars/Olympus” is not a time zone" in err
    assert "The online link should start with https://." in err
    assert services.webinars.list() == []
    with pytest.raises(SystemExit) as stopped:
        _run(app_paths, "create", "--title", "Talk", "--start", "next Tuesday")
    assert stopped.value.code == 2
    assert "“next Tuesday” is not a date and time such as 2027-03-14T18:30" in \
        capsys.readouterr().err


def test_register_says_registered_or_the_place_on_the_waitlist(services, app_paths, capsys):
    webinar_id = _made(services, capacity=1)
    ana = services.members.create(MemberInput(given_name="Ana", family_name="Lopes")).id
    ben = services.members.create(MemberInput(given_name="Ben", family_name="Okafor")).id
    assert _run(app_paths, "register", str(webinar_id), str(ana)) == 0
    assert capsys.readouterr().out == "Ana Lopes is registered.\n"
    assert _run(app_paths, "register", str(webinar_id), str(ben), "--json") == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["member_id"], row["status"], row["waitlist_position"]) == (
        ben, "waitlisted", 1)
    assert _run(app_paths, "register", str(webinar_id), str(ana)) == 1
    assert capsys.readouterr().err == ("advocate-app: Ana Lopes is already registered for "
                                       "this webinar.\n")
    assert [r.status for r in services.webinars.registrations(webinar_id)] == [
        RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
    assert _run(app_paths, "register", "999", str(ana)) == 1
    assert capsys.readouterr().err == "advocate-app: There is no webinar 999.\n"


def _made(services, *, capacity=0, title="Living well", days="2099-03-14T18:30") -> int:
    from datetime import datetime

    from advocate_app.domain.webinar_views import WebinarInput

    return services.webinars.create(WebinarInput(
        title, datetime.fromisoformat(days), capacity=capacity, status=WebinarStatus.OPEN,
        join_link="https://zoom.us/j/81234567890")).id


def test_ics_writes_one_webinar_or_every_upcoming_one(services, app_paths, capsys, tmp_path):
    from icalendar import Calendar

    first = _made(services, title="Living well")
    _made(services, title="Research news", days="2099-04-01T12:00")
    _made(services, title="Long ago", days="2001-04-01T12:00")
    out = tmp_path / "one.ics"
    assert _run(app_paths, "ics", str(first), "--output", str(out)) == 0
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Living well"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert _run(app_paths, "ics") == 0
    printed = capsys.readouterr().out
    titles = sorted(str(e["SUMMARY"]) for e in Calendar.from_ical(printed).walk("VEVENT"))
    assert titles == ["Living well", "Research news"]
    assert _run(app_paths, "ics", "404", "--output", str(tmp_path / "none.ics")) == 1
    assert not (tmp_path / "none.ics").exists()


def test_a_link_to_another_platform_is_said_but_not_refused(services, app_paths, capsys):
    assert _run(app_paths, "create", "--title", "Talk", "--start", "2099-03-14T18:30",
                "--platform", "zoom", "--link", "https://teams.microsoft.com/l/meetup-join/1"
                ) == 0
    captured = capsys.readouterr()
    assert captured.err == "advocate-app: This link goes to Microsoft Teams, not Zoom.\n"
    assert services.webinars.get(int(captured.out)).title == "Talk"
