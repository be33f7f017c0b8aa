"""Importing Zoom and Eventbrite reports into a webinar, on a real database: each person matched
by any of a member's addresses (case aside), then by a similar name in any script, left for
review, created (with consent for events) or left unmatched; attendance summed and never
lowered; the same file twice, a damaged file, a stopped import and a dry run change nothing."""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advocate_app.domain.community import ConsentPurpose
from advocate_app.domain.member_views import ContactInput, MemberInput
from advocate_app.domain.webinar_views import ReportKind, ReportOutcome
from advocate_app.services.errors import UnreadableFileError, ValidationError
from advocate_app.services.webinar_reports import ReportImportCancelled

REPORTS = Path(__file__).parent.parent / "data" / "reports"
Action = ReportOutcome.Action
TITLE = "Living well with a rare condition"


@pytest.fixture
def services(any_services):
    return any_services


def _webinar(services, title=TITLE) -> int:
    from advocate_app.domain.webinars import Webinar

    with services.uow() as uow:
        webinar = Webinar(title=title, starts_at=datetime(2026, 12, 3, 10, 0, tzinfo=UTC),
                          timezone="Europe/London", uid=f"{uuid.uuid4()}@advocate")
        uow.session.add(webinar)
        uow.commit()
        return webinar.id


def _member(services, given, family, email="", *others) -> int:
    return services.members.create(MemberInput(
        given_name=given, family_name=family, email=email,
        contacts=tuple(ContactInput("email", e) for e in (email, *others) if e))).id


def _community(services) -> dict[str, int]:
    return {
        "amina": _member(services, "Amina", "Haddad", "amina.haddad@example.org"),
        # registered with the second of her two addresses
        "chloe": _member(services, "Chloé", "Martin", "chloe.martin@work.example.com",
                         "chloe@home.example.net"),
        "oleg": _member(services, "Олег", "Смирнов", "oleg@example.org"),
        "yusuf": _member(services, "يوسف", "العلي", "yusuf@example.org"),
        "taro": _member(services, "山田", "太郎", "taro@example.org"),
        "ines": _member(services, "Inès", "Dubois", "ines@example.org"),
        "someone": _member(services, "Kwame", "Mensah", "kwame@example.org"),
    }


def _counts(services) -> dict[str, int]:
    tables = ("members", "member_contacts", "consent_records", "engagements",
              "webinar_registrations", "webinar_review_items", "webinar_report_imports")
    return {t: services.database.reader.rows(f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables}


def _registrations(services, webinar_id) -> dict[int, tuple]:
    return {row[0]: row[1:] for row in services.database.reader.rows(
        "SELECT member_id, status, attendance, minutes_attended, source, needs "
        "FROM webinar_registrations WHERE webinar_id = :w", {"w": webinar_id})}


def _by_name(result) -> dict[str, ReportOutcome]:
    return {o.name: o for o in result.outcomes}


def test_a_zoom_attendee_report_matches_creates_and_leaves_for_review(services):
    people = _community(services)
    webinar = _webinar(services)
    result = services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")

    assert result.kind is ReportKind.ZOOM_ATTENDEE and not result.already_imported
    assert (result.count(Action.MATCHED), result.count(Action.CREATED),
            result.count(Action.REVIEW), result.count(Action.UNMATCHED)) == (2, 2, 4, 1)
    assert (result.registrants, result.attendees, result.no_shows, result.panelists) == (
        7, 8, 1, 3)
    outcome = _by_name(result)
    assert outcome["Amina Haddad"].member_id == people["amina"]  # email in capitals
    assert outcome["Chloé Martin"].member_id == people["chloe"]  # her other address
    for name, key in (("Олег Смирнов", "oleg"), ("يوسف العلي", "yusuf"),
                      ("山田太郎", "taro"), ("Ines Dubois", "ines")):
        assert outcome[name].action is Action.REVIEW, name
        assert outcome[name].candidate_name and outcome[name].score >= 85, name
    assert outcome["+44 20 7946 0000"].action is Action.UNMATCHED

    registrations = _registrations(services, webinar)
    # re-joined: 33 + 25 minutes
    assert registrations[people["amina"]] == ("registered", "attended", 58, "zoom", "captions")
    assert registrations[people["chloe"]][:3] == ("registered", "attended", 62)
    sean = outcome["Seán Murphy"].member_id
    assert registrations[sean][:3] == ("registered", "attended", 54)
    ngozi = outcome["Ngozi Okafor"].member_id
    assert registrations[ngozi][:3] == ("registered", "no_show", 0)
    assert registrations[ngozi][4] == "slides_in_advance"
    assert len(registrations) == 4  # review and unmatched people wait for a person

    timeline = [e.summary for e in services.timeline.timeline(people["amina"])]
    assert f"Attended webinar “{TITLE}” (58 minutes)" in timeline
    assert services.consent.current(sean)[ConsentPurpose.EVENTS].valid
    review = services.webinar_reports.review_items(webinar)
    assert {item.name for item in review} == {"Олег Смирнов", "يوسف العلي", "山田太郎",
                                              "Ines Dubois", "+44 20 7946 0000"}
    oleg = next(i for i in review if i.name == "Олег Смирнов")
    assert oleg.candidate_member_id == people["oleg"] and oleg.attended
    assert services.webinar_reports.review_count() == 5


def test_importing_the_same_report_twice_changes_nothing(services):
    _community(services)
    webinar = _webinar(services)
    services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")
    before = _counts(services)
    again = services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")
    assert again.already_imported
    assert _counts(services) == before
    # The same people in a copy under another name: recognised by content, still nothing new.
    copy = Path(services.paths.data_dir) / "renamed.csv"
    shutil.copyfile(REPORTS / "zoom_attendee_report.csv", copy)
    assert services.webinar_reports.import_report(webinar, copy).already_imported
    assert _counts(services) == before
