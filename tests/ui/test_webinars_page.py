"""The Webinars page and its dialogs, as an organiser uses them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from advocate_app.domain.community import ConsentPurpose
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.webinar_kinds import WebinarAccess, WebinarStatus
from advocate_app.domain.webinar_views import (
    ImportResult,
    PresenterInput,
    RegistrationInput,
    ReportKind,
    ReportOutcome,
    WebinarInput,
)
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.webinar_editor import WebinarEditor
from advocate_app.ui.dialogs.webinar_registration import NewPersonDialog, RegistrationDialog
from advocate_app.ui.dialogs.webinar_report_review import ReportReviewDialog
from advocate_app.ui.pages.webinars import WebinarsPage
from advocate_app.ui.pages.webinars import attendance_tab as attendance_module

LAPTOP = (1366, 768)


def _person(services, given, family, email="", **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               email=email, **extra)).id


def _webinar(services, title="Living well: sleep and fatigue", capacity=0, days=10,
             **extra) -> int:
    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=days)
    made = services.webinars.create(WebinarInput(
        title, starts, 75, "Europe/London", capacity=capacity, status=WebinarStatus.OPEN,
        join_link="https://zoom.us/j/81234567890", **extra))
    return getattr(made, "id", made)


@pytest.fixture
def page(qtbot, services):
    widget = WebinarsPage(services)
    qtbot.addWidget(widget, before_close_func=lambda w: w.wait_for_work())
    widget.resize(1140, 680)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def _texts(table, column):
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


NO_NEEDS = RegistrationInput()


def _register_through_page(page, monkeypatch, member_id, name, needs=NO_NEEDS):
    tab = page.registrations_tab
    monkeypatch.setattr(board_editor, "pick_member", lambda *_a, **_k: (member_id, name))

    def fill(dialog):
        assert isinstance(dialog, RegistrationDialog)
        for access, check in dialog.needs.checks.items():
            check.setChecked(access in needs.needs)
        if needs.interpretation_language:
            combo = dialog.needs.language
            combo.setCurrentIndex(combo.findData(needs.interpretation_language))
        return True

    monkeypatch.setattr(page, "_run_dialog", fill)
    tab.register_member()


def test_the_webinars_section_is_the_webinars_page(qtbot, main_window, services):
    _webinar(services)
    page = main_window.show_section("webinars")
    assert isinstance(page, WebinarsPage)
    assert _texts(page.table, 1) == ["Living well: sleep and fatigue"]
    assert page.table.hasFocus()


def test_a_new_webinar_from_the_editor(qtbot, page, services, monkeypatch):
    def fill(dialog):
        assert isinstance(dialog, WebinarEditor)
        dialog.title_field.setText("Research update")
        dialog.timezone_combo.setCurrentText("Europe/Paris")
        dialog.link_field.setText("https://meet.example.org/research")
        dialog.capacity_spin.setValue(40)
        dialog.access_checks[WebinarAccess.CAPTIONS].setChecked(True)
        dialog.access_checks[WebinarAccess.SIGN_LANGUAGE].setChecked(True)
        dialog.access_checks[WebinarAccess.INTERPRETATION].setChecked(True)
        dialog.sign_language_field.setText("LSF")
        dialog.interpretation_field.setText("English, ar")
        dialog.add_presenter(PresenterInput(guest_name="Dr Lee", guest_organisation="City Hospital"),
                             "Dr Lee")
        dialog.save()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(page, "_run_dialog", fill)
    page.new_webinar()
    [made] = services.webinars.list()
    assert (made.title, made.timezone, made.capacity, made.sign_language) == (
        "Research update", "Europe/Paris", 40, "LSF")
    assert made.access_offered == {WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE,
                                   WebinarAccess.INTERPRETATION}
    assert made.interpretation_languages == ("en", "ar")
    assert [(p.name, p.organisation) for p in made.presenters] == [("Dr Lee", "City Hospital")]
    assert page.webinar_id() == made.id
    assert "Europe/Paris" in _texts(page.table, 0)[0]
    assert "Sign-language interpretation: LSF" in page.details_tab.text.toPlainText()


def test_the_editor_shows_the_services_messages_beside_the_fields(qtbot, services):
    dialog = WebinarEditor(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_field.setText("")
    dialog.link_field.setText("zoom meeting on Tuesday")
    dialog.tabs.setCurrentIndex(2)
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert services.webinars.list(include_past=True, include_cancelled=True) == []
    shown = {key: label.text() for key, label in dialog.errors.items() if label.isVisible()}
    assert "title" in shown and "join_link" in shown, shown
    # The first field with a problem is shown and focused, and says what is wrong.
    assert dialog.tabs.currentIndex() == 0
    assert dialog.focusWidget() is dialog.title_field
    assert dialog.title_field.accessibleDescription() == shown["title"]


def test_the_editor_points_out_a_link_to_another_platform_as_it_is_typed(qtbot, services):
    dialog = WebinarEditor(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData("zoom"))
    dialog.link_field.setText("https://teams.microsoft.com/l/meetup-join/abc")
    assert dialog.platform_hint.isVisible()
    assert dialog.platform_hint.text() == "This link goes to Microsoft Teams, not Zoom."
    assert dialog.link_field.accessibleDescription() == dialog.platform_hint.text()
    # Choosing the platform the link goes to settles it; a warning never stops saving.
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData("teams"))
    assert not dialog.platform_hint.isVisible()
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData("zoom"))
    dialog.title_field.setText("Living well with fatigue")
    dialog.save()
    assert [w.join_link for w in services.webinars.list()] == [
        "https://teams.microsoft.com/l/meetup-join/abc"]


def test_past_capacity_people_wait_in_order_and_move_up(qtbot, page, services, monkeypatch):
    webinar_id = _webinar(services, capacity=2)
    people = [(_person(services, given, family), f"{given} {family}")
              for given, family in (("Amina", "Haddad"), ("Seán", "Murphy"),
                                    ("Priya", "Sharma"), ("Chloé", "Martin"))]
    page.refresh()
    page.select_webinar(webinar_id)
    page.tabs.setCurrentWidget(page.registrations_tab)
    said = []
    page.status_message.connect(said.append)
    for member_id, name in people:
        _register_through_page(page, monkeypatch, member_id, name)
    table = page.registrations_tab.table
    assert _texts(table, 0) == [name for _id, name in people]
    assert _texts(table, 1) == ["Registered", "Registered", "On the waitlist",
                                "On the waitlist"]
    assert _texts(table, 2) == ["", "", "1", "2"]
    assert said[-1] == "The webinar is full: Chloé Martin is on the waitlist, place 2."
    # The list of webinars follows: full, places taken and the waitlist.
    assert _texts(page.table, 2) == ["Full\n2 of 2 places taken\n2 on the waitlist"]

    # Cancelling a place gives it to the first on the waitlist, and says who.
    informed = []
    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(prompts, "information", lambda _p, _t, text: informed.append(text))
    page.registrations_tab.select_registration(
        next(r.id for r in services.webinars.registrations(webinar_id)
             if r.member_id == people[0][0]))
    page.registrations_tab.cancel_registration()
    assert informed == ["Registration of Amina Haddad cancelled; Priya Sharma moved up from "
                        "the waitlist and is now registered."]
    statuses = dict(zip(_texts(table, 0), _texts(table, 1), strict=True))
    assert statuses["Priya Sharma"] == "Registered"
    assert statuses["Chloé Martin"] == "On the waitlist"
    assert statuses["Amina Haddad"] == "Cancelled"
    assert dict(zip(_texts(table, 0), _texts(table, 2), strict=True))["Chloé Martin"] == "1"


def test_the_needs_asked_for_are_totalled_above_the_list(qtbot, page, services, monkeypatch):
    webinar_id = _webinar(services, access_offered=frozenset(
        {WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE, WebinarAccess.INTERPRETATION}),
        sign_language="BSL", interpretation_languages=("fr",))
    asked = [RegistrationInput(frozenset({WebinarAccess.CAPTIONS})),
             RegistrationInput(frozenset({WebinarAccess.CAPTIONS,
                                          WebinarAccess.SIGN_LANGUAGE})),
             RegistrationInput(frozenset({WebinarAccess.CAPTIONS, WebinarAccess.INTERPRETATION}),
                               interpretation_language="fr"),
             RegistrationInput(frozenset({WebinarAccess.INTERPRETATION}),
                               interpretation_language="fr")]
    page.refresh()
    page.select_webinar(webinar_id)
    page.tabs.setCurrentWidget(page.registrations_tab)
    for number, needs in enumerate(asked):
        member_id = _person(services, "Person", f"Number {number}")
        _register_through_page(page, monkeypatch, member_id, f"Person Number {number}", needs)
    label = page.registrations_tab.needs_label
    assert label.isVisible()
    assert label.text() == ("3 need captions · 1 needs BSL interpretation · "
                            "interpretation: French 2")
    assert label.accessibleName() == label.text()
    needs = dict(zip(_texts(page.registrations_tab.table, 0),
                     _texts(page.registrations_tab.table, 3), strict=True))
    assert needs["Person Number 3"] == "Spoken-language interpretation (French)"


def test_a_new_person_who_may_be_a_member_is_offered_the_member(qtbot, page, services,
                                                                 monkeypatch):
    webinar_id = _webinar(services)
    existing = _person(services, "Priya", "Sharma", "priya.sharma@example.org")
    page.refresh()
    page.select_webinar(webinar_id)
    page.tabs.setCurrentWidget(page.registrations_tab)
    seen = []

    def fill(dialog):
        assert isinstance(dialog, NewPersonDialog)
        dialog.show()
        dialog.given_name.setText("Priya")
        dialog.family_name.setText("Sharma")
        dialog.email.setText("Priya.Sharma@example.org")
        dialog.consent_checks[ConsentPurpose.EVENTS].setChecked(True)
        dialog.register()
        seen.append(dialog.duplicates_box.isVisible())
        seen.append([text.splitlines() for text in _texts(dialog.duplicates_table, 0)])
        dialog.register_existing()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(page, "_run_dialog", fill)
    page.registrations_tab.register_new_person()
    assert seen == [True, [["Priya Sharma", "priya.sharma@example.org"]]]
    [registration] = services.webinars.registrations(webinar_id)
    assert registration.member_id == existing
    assert _texts(page.registrations_tab.table, 0) == ["Priya Sharma"]


def test_a_new_person_becomes_a_member_with_their_consent(qtbot, page, services, monkeypatch):
    webinar_id = _webinar(services)
    page.refresh()
    page.select_webinar(webinar_id)

    def fill(dialog):
        dialog.given_name.setText("Tomás")
        dialog.family_name.setText("Ruiz")
        dialog.email.setText("tomas.ruiz@example.org")
        dialog.needs.checks[WebinarAccess.CAPTIONS].setChecked(True)
        dialog.consent_checks[ConsentPurpose.EVENTS].setChecked(True)
        dialog.register()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(page, "_run_dialog", fill)
    page.registrations_tab.register_new_person()
    [registration] = services.webinars.registrations(webinar_id)
    assert registration.name == "Tomás Ruiz"
    assert registration.needs == {WebinarAccess.CAPTIONS}
    consent = services.consent.current(registration.member_id)
    assert consent[ConsentPurpose.EVENTS].valid
    assert not consent[ConsentPurpose.RESEARCH].valid


def test_check_in_and_no_show_by_hand(qtbot, page, services, monkeypatch):
    webinar_id = _webinar(services)
    amina = _person(services, "Amina", "Haddad")
    services.webinars.register(webinar_id, amina, RegistrationInput())
    page.refresh()
    page.select_webinar(webinar_id)
    tab = page.registrations_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.check_in_button.isEnabled() and tab.no_show_button.isEnabled()
    tab.check_in(True)
    assert _texts(tab.table, 4) == ["Attended"]
    assert not tab.check_in_button.isEnabled()
    tab.check_in(False)
    assert _texts(tab.table, 4) == ["Did not come"]


ZOOM_ATTENDEES = """\
Attendee Report
Report Generated:,"Dec 13, 2026 08:10 PM"
Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views
Living well: sleep and fatigue,812 3456 7890,"Dec 13, 2026 06:28 PM",80,3,0,3,4,3
Host Details
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
Yes,Organiser,host@example.org,"Dec 13, 2026 06:20 PM","Dec 13, 2026 07:50 PM",90,No,United Kingdom
Panelist Details
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
Yes,Dr Lee,lee@example.org,"Dec 13, 2026 06:25 PM","Dec 13, 2026 07:48 PM",83,Yes,United Kingdom
Attendee Details
Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
Yes,Amina Haddad,Amina,Haddad,AMINA.HADDAD@example.org,"Dec 01, 2026 10:00 AM",approved,"Dec 13, 2026 06:30 PM","Dec 13, 2026 07:00 PM",30,Yes,United Kingdom
Yes,Amina Haddad,Amina,Haddad,AMINA.HADDAD@example.org,"Dec 01, 2026 10:00 AM",approved,"Dec 13, 2026 07:05 PM","Dec 13, 2026 07:30 PM",25,Yes,United Kingdom
No,Seán Murphy,Seán,Murphy,sean.murphy@example.org,"Dec 02, 2026 09:15 AM",approved,--,--,--,--,--
Yes,Tomás Ruiz,Tomás,Ruiz,tomas.ruiz@example.net,"Dec 03, 2026 11:45 AM",approved,"Dec 13, 2026 06:31 PM","Dec 13, 2026 07:40 PM",69,Yes,Spain
"""


def test_an_attendance_report_is_checked_then_applied(qtbot, page, services, monkeypatch,
                                                      tmp_path):
    webinar_id = _webinar(services, title="Living well: sleep and fatigue")
    amina = _person(services, "Amina", "Haddad", "amina.haddad@example.org")
    sean = _person(services, "Seán", "Murphy", "sean.murphy@example.org")
    for member_id in (amina, sean):
        services.webinars.register(webinar_id, member_id, RegistrationInput())
    report = tmp_path / "zoom attendee report.csv"
    report.write_text(ZOOM_ATTENDEES, encoding="utf-8")
    page.refresh()
    page.select_webinar(webinar_id)
    tab = page.attendance_tab
    page.tabs.setCurrentWidget(tab)
    monkeypatch.setattr(attendance_module, "choose_report", lambda *_a: str(report))
    reviewed = []

    def review(dialog):
        assert isinstance(dialog, ReportReviewDialog)
        # Nothing has changed while the person looks.
        assert all(r.minutes_attended == 0 for r in services.webinars.registrations(webinar_id))
        reviewed.append((dialog.counts_label.text(), dialog.shown_count(),
                         dialog.apply_button.isEnabled()))
        # Who each person is matched to, by name; the new member is said to be new.
        whom = dict(zip(_texts(dialog.table, 1), zip(_texts(dialog.table, 0),
                                                     _texts(dialog.table, 6), strict=True),
                        strict=True))
        assert whom == {"Amina Haddad": ("Matched to a member", "Amina Haddad"),
                        "Seán Murphy": ("Matched to a member", "Seán Murphy"),
                        "Tomás Ruiz": ("New member", "")}
        return True

    monkeypatch.setattr(page, "_run_dialog", review)
    tab.import_report()
    qtbot.waitUntil(lambda: not tab.work.busy() and tab.last_result is not None
                    and not tab.last_result.dry_run, timeout=20000)
    assert reviewed == [("2 matched to members · 1 new member · 0 need review · 0 not matched\n"
                         "3 registrants · 2 attendees · 1 no-show", 3, True)]
    minutes = {r.name: (r.attendance.label, r.minutes_attended)
               for r in services.webinars.registrations(webinar_id)}
    assert minutes == {"Amina Haddad": ("Attended", 55), "Seán Murphy": ("Did not come", 0),
                       "Tomás Ruiz": ("Attended", 69)}
    assert "2 people came, 1 person did not" in tab.state_label.text()

    # The same file again: the review says nothing would change, and Apply is not offered.
    reviewed.clear()
    monkeypatch.setattr(page, "_run_dialog", lambda dialog: reviewed.append(
        dialog.apply_button.isEnabled()) or False)
    tab.import_report()
    qtbot.waitUntil(lambda: bool(reviewed), timeout=20000)
    assert reviewed == [False]


def test_a_damaged_report_says_why_and_changes_nothing(qtbot, page, services, monkeypatch,
                                                       tmp_path):
    webinar_id = _webinar(services)
    report = tmp_path / "not a report.csv"
    report.write_bytes(b"\x00\x01 this is not a report \xff\xfe")
    page.refresh()
    page.select_webinar(webinar_id)
    tab = page.attendance_tab
    errors = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(attendance_module, "choose_report", lambda *_a: str(report))
    monkeypatch.setattr(page, "_run_dialog", lambda _d: pytest.fail("nothing to review"))
    tab.import_report()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert len(errors) == 1 and errors[0].endswith(".") and "\n" not in errors[0]
    assert tab.state_label.text() == errors[0]
    assert services.webinars.registrations(webinar_id) == []
    assert tab.import_button.isEnabled()


def test_keys_move_through_the_page(qtbot, main_window, services):
    _webinar(services)
    _webinar(services, title="Research update", days=40)
    page = main_window.show_section("webinars")
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.webinar().title == "Research update"
    assert page.details_tab.text.toPlainText().startswith("Research update")
    # Tab leaves the list for the next control rather than walking its cells.
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()
    # Alt + the underlined letter opens a tab.
    qtbot.keyClick(main_window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.registrations_tab


def _assert_labelled(owner):
    from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QWidget

    labelled = {label.buddy() for label in owner.findChildren(QLabel) if label.buddy()}
    for widget in owner.findChildren(QWidget):
        if isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            assert widget.accessibleName() or widget in labelled, widget


def test_every_control_has_a_name(qtbot, page, services):
    webinar_id = _webinar(services)
    amina = _person(services, "Amina", "Haddad")
    services.webinars.register(webinar_id, amina, RegistrationInput())
    page.refresh()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        _assert_labelled(page)
    webinar = services.webinars.get(webinar_id)
    outcome = ReportOutcome(ReportOutcome.Action.REVIEW, "P. Sharma", "p@example.net", False,
                            True, 30, None, "Priya Sharma", 82)
    review = ReportReviewDialog(ImportResult(ReportKind.ZOOM_ATTENDEE, "report.csv",
                                             (outcome,), True), webinar.title)
    for dialog in (WebinarEditor(services, webinar_id), WebinarEditor(services),
                   RegistrationDialog(webinar, "Amina Haddad"),
                   NewPersonDialog(services, webinar), review):
        qtbot.addWidget(dialog)
        dialog.show()
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(index)
            _assert_labelled(dialog)


def test_a_match_left_for_review_is_decided_on_the_attendance_tab(qtbot, page, services,
                                                                  monkeypatch, tmp_path):
    webinar_id = _webinar(services, title="Living well: sleep and fatigue")
    priya = _person(services, "Priya", "Sharma", "priya.sharma@example.org")
    report = tmp_path / "zoom.csv"
    lines = ZOOM_ATTENDEES.splitlines()
    attendee_header = lines.index("Attendee Details") + 1
    report.write_text("\n".join(lines[:attendee_header + 1] + [
        'Yes,Priya Sharma,Priya,Sharma,p.sharma@elsewhere.example.net,"Dec 01, 2026 10:00 AM",'
        'approved,"Dec 13, 2026 06:30 PM","Dec 13, 2026 07:10 PM",40,Yes,United Kingdom']) + "\n",
        encoding="utf-8")
    page.refresh()
    page.select_webinar(webinar_id)
    tab = page.attendance_tab
    page.tabs.setCurrentWidget(tab)
    monkeypatch.setattr(attendance_module, "choose_report", lambda *_a: str(report))
    monkeypatch.setattr(page, "_run_dialog", lambda _dialog: True)
    tab.import_report()
    qtbot.waitUntil(lambda: not tab.work.busy() and tab.last_result is not None
                    and not tab.last_result.dry_run, timeout=20000)
    assert _texts(tab.review_table, 2) == ["Priya Sharma"]
    assert tab.this_member_button.isEnabled()
    said = []
    page.status_message.connect(said.append)
    tab.resolve_candidate()
    assert said == ["Priya Sharma is Priya Sharma; their attendance is recorded."]
    assert _texts(tab.review_table, 0) == []
    assert tab.review_empty.isVisible()
    [registration] = services.webinars.registrations(webinar_id)
    assert (registration.member_id, registration.minutes_attended) == (priya, 40)


def test_calendar_files_are_written_in_the_background(qtbot, page, services, monkeypatch,
                                                      tmp_path):
    webinar_id = _webinar(services, title="Research update: new treatments")
    page.refresh()
    page.select_webinar(webinar_id)
    said = []
    page.status_message.connect(said.append)
    chosen = iter([str(tmp_path / "one.ics"), str(tmp_path / "all.ics")])
    monkeypatch.setattr(prompts, "save_file", lambda *_a, **_k: next(chosen))
    page.calendar_file()
    assert said == ["Saving one.ics…"]
    qtbot.waitUntil(lambda: not page.work.busy(), timeout=20000)
    page.upcoming_feed()
    qtbot.waitUntil(lambda: not page.work.busy(), timeout=20000)
    assert said[-1] == "Saved all.ics."
    one = (tmp_path / "one.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Research update: new treatments" in one
    assert "BEGIN:VEVENT" in (tmp_path / "all.ics").read_text(encoding="utf-8")


def test_cancelling_a_webinar_keeps_it_listed_as_cancelled(qtbot, page, services,
                                                           monkeypatch):
    webinar_id = _webinar(services)
    page.refresh()
    page.select_webinar(webinar_id)
    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: True)
    page.cancel_webinar()
    assert services.webinars.get(webinar_id).status is WebinarStatus.CANCELLED
    # Hidden with the past ones until asked for; then shown as cancelled, closed to
    # registration.
    assert _texts(page.table, 1) == []
    page.select_webinar(webinar_id)
    assert page.past_check.isChecked()
    assert _texts(page.table, 2)[0].splitlines()[0] == "Cancelled"
    assert not page.cancel_button.isEnabled()
    assert not page.registrations_tab.register_button.isEnabled()


def test_choosing_a_webinar_again_shows_its_registrations_without_reading_them_again(
        qtbot, page, services, monkeypatch):
    first = _webinar(services, "Sleep and fatigue", access_offered=frozenset(
        {WebinarAccess.CAPTIONS}))
    second = _webinar(services, "Travel to clinic", days=12)
    amina, sean = _person(services, "Amina", "Haddad"), _person(services, "Seán", "Murphy")
    services.webinars.register(first, amina, RegistrationInput(frozenset(
        {WebinarAccess.CAPTIONS})))
    services.webinars.register(second, sean)
    read = []
    webinars = type(services.webinars)
    for name in ("registrations", "needs_totals"):
        method = getattr(webinars, name)
        monkeypatch.setattr(webinars, name, lambda self, *a, _m=method, _n=name, **kw:
                            read.append(_n) or _m(self, *a, **kw))
    page.refresh()
    page.tabs.setCurrentWidget(page.registrations_tab)
    tab = page.registrations_tab
    page.select_webinar(first)
    page.select_webinar(second)
    assert _texts(tab.table, 0) == ["Seán Murphy"]
    done = len(read)
    assert done == 4  # each webinar's registrations and needs, read once

    # Back and forth: the registrations and the needs shown again, nothing read again.
    page.select_webinar(first)
    assert _texts(tab.table, 0) == ["Amina Haddad"]
    assert tab.needs_label.text() == "1 needs captions"
    page.select_webinar(second)
    page.select_webinar(first)
    assert len(read) == done

    # Something saved (here, a registration made elsewhere in the window): read again.
    services.webinars.register(first, sean)
    page.select_webinar(second)
    page.select_webinar(first)
    assert _texts(tab.table, 0) == ["Amina Haddad", "Seán Murphy"]
    assert len(read) == done + 4


def test_a_return_visit_reads_the_webinars_only_after_a_change_or_an_end(
        qtbot, page, services, monkeypatch):
    from advocate_app.services import webinars as webinar_service
    from advocate_app.ui.pages.webinars import page as page_module

    soon = _webinar(services, "Sleep and fatigue", days=10)
    _webinar(services, "Travel to clinic", days=12)
    page.refresh()
    assert _texts(page.table, 1) == ["Sleep and fatigue", "Travel to clinic"]
    reads = []
    real_list = services.webinars.list
    monkeypatch.setattr(services.webinars, "list",
                        lambda **kw: reads.append(1) or real_list(**kw))
    page.refresh()  # the page shown again, nothing saved meanwhile
    assert reads == [] and _texts(page.table, 1) == ["Sleep and fatigue", "Travel to clinic"]

    services.webinars.set_status(soon, WebinarStatus.CANCELLED)  # saved elsewhere
    page.refresh()
    assert reads == [1] and _texts(page.table, 1) == ["Travel to clinic"]

    class Later(datetime):  # thirteen days on: the webinar left is over
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(days=13)

    monkeypatch.setattr(webinar_service, "datetime", Later)
    monkeypatch.setattr(page_module, "datetime", Later)
    page.refresh()
    assert len(reads) == 2 and _texts(page.table, 1) == []
