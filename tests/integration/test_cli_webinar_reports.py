"""``advocate-app webinars import-report ID FILE [--dry-run] [--json]`` as a script meets it."""

from __future__ import annotations

import json

from advocate_app.app import main
from tests.integration.test_webinar_reports import REPORTS, _community, _counts, _webinar


def _import(app_paths, *args):
    return main(["--data-dir", str(app_paths.data_dir), "webinars", "import-report", *args])


def test_import_report_prints_what_it_matched_created_and_left(services, app_paths, capsys):
    people = _community(services)
    webinar = _webinar(services)
    report = str(REPORTS / "zoom_attendee_report.csv")
    before = _counts(services)

    assert _import(app_paths, str(webinar), report, "--dry-run", "--json") == 0
    trial = json.loads(capsys.readouterr().out)
    assert _counts(services) == before
    assert (trial["dry_run"], trial["matched"], trial["created"], trial["review"],
            trial["unmatched"]) == (True, 2, 2, 4, 1)
    assert (trial["registrants"], trial["attendees"], trial["no_shows"]) == (7, 8, 1)

    assert _import(app_paths, str(webinar), report) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"Matched: Amina Haddad <AMINA.HADDAD@Example.org> (member {people['amina']})" \
        in lines
    assert any(line.startswith("New member: Seán Murphy <Sean.Murphy@example.net> (member ")
               for line in lines)
    assert any(line.startswith("To review: Олег Смирнов <oleg.smirnov@mail.example.net>, "
                               "perhaps Олег Смирнов (") for line in lines)
    assert "Not matched: +44 20 7946 0000" in lines
    assert "2 matched to members, 2 new members, 4 to review, 1 not matched." in lines
    assert "7 registrants, 8 attendees, 1 no-show." in lines
    assert "3 hosts and panelists were left out." in lines

    after = _counts(services)
    assert _import(app_paths, str(webinar), report) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "This file was imported into the webinar before; nothing was changed.")
    assert _counts(services) == after


def test_a_damaged_report_is_one_line_and_status_1(services, app_paths, capsys):
    webinar = _webinar(services)
    before = _counts(services)
    assert _import(app_paths, str(webinar), str(REPORTS / "zoom_attendee_truncated.csv")) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "never closed" in err and "Traceback" not in err
    assert _import(app_paths, "999", str(REPORTS / "eventbrite_uk.csv")) == 1
    assert "no longer exists" in capsys.readouterr().err
    assert _counts(services) == before
