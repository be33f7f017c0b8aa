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
    candidates = {i.name: i.candidate_member_id
                  for i in services.webinar_reports.review_items(webinar)}
    # names in Cyrillic, Arabic, Japanese written without a space, and without an accent
    for name, key in (("Олег Смирнов", "oleg"), ("يوسف العلي", "yusuf"),
                      ("山田太郎", "taro"), ("Ines Dubois", "ines")):
        assert outcome[name].action is Action.REVIEW, name
        assert outcome[name].candidate_name and outcome[name].score >= 85, name
        assert candidates[name] == people[key], name
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


def test_a_malformed_or_cut_short_report_changes_nothing(services):
    _community(services)
    webinar = _webinar(services)
    before = _counts(services)
    for name, words in (("zoom_attendee_malformed.csv", "no “Email” column"),
                        ("zoom_attendee_truncated.csv", "never closed")):
        with pytest.raises(UnreadableFileError, match=words):
            services.webinar_reports.import_report(webinar, REPORTS / name)
    assert _counts(services) == before


def test_a_stopped_import_changes_nothing(services):
    _community(services)
    webinar = _webinar(services)
    before = _counts(services)
    seen = []

    def stop_after_three() -> bool:
        return len(seen) >= 3

    with pytest.raises(ReportImportCancelled):
        services.webinar_reports.import_report(
            webinar, REPORTS / "zoom_attendee_report.csv",
            progress=lambda done, total: seen.append((done, total)),
            should_cancel=stop_after_three)
    assert seen[-1] == (3, 9)
    assert _counts(services) == before


def test_a_dry_run_says_the_same_and_writes_nothing(services):
    _community(services)
    webinar = _webinar(services)
    before = _counts(services)
    trial = services.webinar_reports.import_report(
        webinar, REPORTS / "zoom_attendee_report.csv", dry_run=True)
    assert _counts(services) == before
    real = services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")
    assert trial.dry_run and not real.dry_run
    assert [(o.action, o.name) for o in trial.outcomes] == [
        (o.action, o.name) for o in real.outcomes]
    assert all(o.member_id is None for o in trial.outcomes if o.action is Action.CREATED)


def test_created_members_are_exported_with_their_consent(services, tmp_path):
    import csv

    from advocate_app.domain.member_views import MemberQuery
    from advocate_app.services.member_export import export_members

    webinar = _webinar(services)
    result = services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")
    created = {o.member_id for o in result.outcomes if o.action is Action.CREATED}
    assert len(created) == 7  # nobody was a member yet: one each, re-joins or not
    output = tmp_path / "members.csv"
    export_members(services, output, "csv", MemberQuery(), False)
    with output.open(encoding="utf-8-sig") as handle:
        exported = handle.read()
    assert "Sean.Murphy@example.net" in exported and "Олег" in exported
    assert exported.count("Sean.Murphy@example.net") == 1
    history = services.consent.history(next(iter(created)))
    assert history[0].method.value == "imported"
    assert "zoom_attendee_report.csv" in history[0].evidence
    assert len(list(csv.reader(exported.splitlines()))) == 1 + 7


def test_a_registration_report_marks_no_one_absent_and_a_later_report_never_lowers(services):
    people = _community(services)
    webinar = _webinar(services)
    first = services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")
    sean = _by_name(first)["Seán Murphy"].member_id
    later = services.webinar_reports.import_report(
        webinar, REPORTS / "zoom_registration_report.csv")
    assert later.kind is ReportKind.ZOOM_REGISTRATION and not later.attendance_known
    assert later.no_shows == 0
    outcome = _by_name(later)
    assert outcome["Amina Haddad"].member_id == people["amina"]
    assert outcome["Chloé Martin"].member_id == people["chloe"]  # her work address this time
    assert outcome["Kofi Mensah"].action is Action.CREATED  # two rows, one member
    assert "Spam Bot" not in outcome  # refused by the organiser
    registrations = _registrations(services, webinar)
    assert registrations[people["amina"]][1:3] == ("attended", 58)
    assert registrations[people["chloe"]][4] == "interpretation"  # added from this report
    assert registrations[sean][1:3] == ("attended", 54)
    kofi = outcome["Kofi Mensah"].member_id
    assert registrations[kofi][:3] == ("registered", "", 0)
    # Kwame Mensah (a member) is not Kofi Mensah: a similar name does not make them one.
    assert kofi != people["someone"]


def test_eventbrite_exports_in_uk_and_us_dates(services):
    people = _community(services)
    uk, us = _webinar(services), _webinar(services, "Research open evening")
    result = services.webinar_reports.import_report(uk, REPORTS / "eventbrite_uk.csv")
    outcome = _by_name(result)
    assert (result.count(Action.MATCHED), result.count(Action.CREATED),
            result.count(Action.REVIEW), result.count(Action.UNMATCHED)) == (1, 1, 0, 1)
    assert "Tomás García" not in outcome  # not attending: the ticket was given back
    assert (result.registrants, result.attendees, result.no_shows) == (3, 2, 1)
    registrations = _registrations(services, uk)
    assert registrations[people["amina"]][:2] == ("registered", "attended")
    priya = outcome["Priya Sharma"].member_id
    assert registrations[priya] == ("registered", "no_show", 0, "eventbrite", "easy_read")
    rows = services.database.reader.rows(
        "SELECT registered_at, ticket_type FROM webinar_registrations WHERE member_id = :m",
        {"m": priya})
    assert str(rows[0][0]).startswith("2026-12-01 09:15") and rows[0][1] == "Carer ticket"

    result = services.webinar_reports.import_report(us, REPORTS / "eventbrite_us.csv",
                                                    report_timezone="America/New_York")
    assert (result.count(Action.MATCHED), result.count(Action.CREATED)) == (1, 2)
    maria = _by_name(result)["María López"].member_id
    rows = services.database.reader.rows(
        "SELECT registered_at, needs FROM webinar_registrations WHERE member_id = :m",
        {"m": maria})
    # 30 November, 9:15 in New York
    assert str(rows[0][0]).startswith("2026-11-30 14:15") and rows[0][1] == "sign_language"


def test_review_items_are_resolved_with_the_same_writes(services):
    people = _community(services)
    webinar = _webinar(services)
    services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")
    items = {item.name: item for item in services.webinar_reports.review_items()}
    reports = services.webinar_reports

    done = reports.resolve_review(items["Олег Смирнов"].id,
                                  member_id=items["Олег Смирнов"].candidate_member_id)
    assert done.action is Action.MATCHED and done.member_id == people["oleg"]
    assert _registrations(services, webinar)[people["oleg"]][:3] == (
        "registered", "attended", 45)
    made = reports.resolve_review(items["+44 20 7946 0000"].id, create=True)
    assert made.action is Action.CREATED
    assert _registrations(services, webinar)[made.member_id][:2] == ("walk_in", "attended")
    left = reports.resolve_review(items["Ines Dubois"].id, leave_out=True)
    assert left.action is Action.UNMATCHED and left.member_id is None
    assert reports.review_count() == 2
    assert {i.name for i in reports.review_items(webinar)} == {"يوسف العلي", "山田太郎"}
    with pytest.raises(ValidationError):
        reports.resolve_review(items["Ines Dubois"].id, leave_out=True)  # already done
    with pytest.raises(ValidationError):
        reports.resolve_review(items["山田太郎"].id)  # no choice made
    # Settled stays settled: a later export of the same people does not ask again.
    later = Path(services.paths.data_dir) / "later.csv"
    later.write_bytes((REPORTS / "zoom_attendee_report.csv").read_bytes() + b"\r\n")
    again = _by_name(reports.import_report(webinar, later))
    assert again["Олег Смирнов"].action is Action.MATCHED
    assert again["Олег Смирнов"].member_id == people["oleg"]
    assert again["Ines Dubois"].action is Action.UNMATCHED
    assert again["+44 20 7946 0000"].member_id == made.member_id
    assert reports.review_count() == 2


def test_someone_on_the_waitlist_who_came_gets_their_place_and_a_shared_address_is_asked(
        services):
    from advocate_app.domain.webinars import WebinarRegistration

    people = _community(services)
    # Ngozi's partner is a member under the address she registered with: a family address
    partner = _member(services, "Chidi", "Okafor", "ngozi.okafor@example.com")
    webinar = _webinar(services)
    with services.uow() as uow:
        uow.session.add(WebinarRegistration(webinar_id=webinar, member_id=people["chloe"],
                                            status="waitlisted"))
        uow.commit()
    result = services.webinar_reports.import_report(webinar, REPORTS / "zoom_attendee_report.csv")
    assert _registrations(services, webinar)[people["chloe"]][:3] == (
        "registered", "attended", 62)
    ngozi = _by_name(result)["Ngozi Okafor"]
    assert ngozi.action is Action.REVIEW and ngozi.candidate_name == "Chidi Okafor"
    assert 0 < ngozi.score < 85
    assert partner not in _registrations(services, webinar)
