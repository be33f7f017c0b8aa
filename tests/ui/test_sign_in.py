"""Signing in, and a window that shows each role only what it may use."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from advocate_app.app import AppContext
from advocate_app.domain.access import AccountRole
from advocate_app.domain.board_views import BoardInput, MeetingInput
from advocate_app.domain.member_views import MemberInput
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.sign_in import SignInDialog, signed_in

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(services):
    """An administrator (ada) and a volunteer (vic); the services as the built-in account."""
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN, "Ada Example")
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    admin.accounts.add("vic", PASSWORD, AccountRole.VOLUNTEER, "Vic Example")
    return services


def _as(services, name):
    return services.as_actor(services.accounts.authenticate(name, PASSWORD))


def _window(qtbot, app_paths, services):
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    context = AppContext(app_paths, app_paths.default_database_url(), "en", services,
                         time.perf_counter())
    window = MainWindow(context, UiSettings(app_paths.settings_file))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _dialog(qtbot, services) -> SignInDialog:
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_wrong_password_is_said_in_the_dialog_and_the_focus_goes_back_to_it(
        qtbot, accounts):
    dialog = _dialog(qtbot, accounts)
    dialog.name.setText("vic")
    dialog.password.setText("not the password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter signs in
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=10_000)
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.problem.text() == "The account name or the password is not right."
    assert dialog.password.accessibleDescription() == dialog.problem.text()
    assert dialog.focusWidget() is dialog.password
    assert dialog.password.selectedText() == "not the password"  # typed over at once

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor.role is AccountRole.VOLUNTEER
    assert dialog.actor.display_name == "Vic Example"


def test_the_fields_are_labelled_and_an_empty_name_is_asked_for(qtbot, accounts):
    dialog = _dialog(qtbot, accounts)
    assert dialog.name.accessibleName() == "Account name"
    assert dialog.password.accessibleName() == "Password"
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    dialog.sign_in_button.click()
    assert dialog.problem.text() == "Type your account name."
    assert dialog.focusWidget() is dialog.name and dialog.task is None


def test_start_up_asks_only_once_accounts_exist_and_cancel_quits(qtbot, services,
                                                                  monkeypatch):
    def fail(_dialog):
        raise AssertionError("no sign-in is needed without accounts")

    monkeypatch.setattr(prompts, "run_modal", fail)
    assert signed_in(services) is services
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    monkeypatch.setattr(prompts, "run_modal", lambda dialog: False)  # Cancel
    assert signed_in(services) is None

    def sign_in(dialog):
        dialog.name.setText("ada")
        dialog.password.setText(PASSWORD)
        dialog.sign_in()
        dialog.task.wait()
        qtbot.waitUntil(lambda: dialog.actor is not None, timeout=10_000)
        return True

    monkeypatch.setattr(prompts, "run_modal", sign_in)
    as_ada = signed_in(services)
    assert as_ada.actor.role is AccountRole.ADMIN and as_ada.actor.account_id != 1


def test_a_volunteer_sees_no_stories_boards_or_health_and_cannot_edit(qtbot, app_paths,
                                                                       accounts, monkeypatch):
    member = accounts.members.create(MemberInput(given_name="Amina", family_name="Haddad",
                                                 notes="Met at the family day"))
    window = _window(qtbot, app_paths, _as(accounts, "vic"))
    assert [s.key for s in window.sections] == ["dashboard", "members", "outreach"]
    assert window.navigation.count() == 3
    assert window.account_label.text() == "Signed in: Vic Example (Volunteer)"
    assert not window.accounts_action.isVisible() and not window.import_action.isVisible()
    assert window.switch_account_action.isVisible()
    page = window.show_section("members")
    assert not page.new_button.isVisibleTo(window) and not page.import_button.isVisibleTo(window)
    assert page.edit_button.text() == "&Open…"
    assert not page.filters.consent_filter.isVisibleTo(window)
    assert not page.filters.save_segment_button.isVisibleTo(window)
    assert not page.actions.erase_action.isVisible()
    assert not page.actions.export_action.isVisible()
    assert page.actions.print_pack_action.isVisible()
    # A link to a hidden section shows the first section instead; the dashboard has no box
    # of webinars and story-sharing sessions for an account without those sections.
    dashboard = window.show_section("stories")
    assert dashboard.objectName() == "page-dashboard"
    assert not dashboard.events_box.isVisibleTo(window)
    outreach = window.show_section("outreach")  # printing, not writing items
    assert outreach.pack_button.isVisibleTo(window) and outreach.pdf_button.isVisibleTo(window)
    assert not any(b.isVisibleTo(window) for b in (
        outreach.new_button, outreach.edit_button, outreach.duplicate_button,
        outreach.import_button, outreach.archive_button))

    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

    editor = MemberEditorDialog(window.services, accounts.members.get(member.id), window)
    qtbot.addWidget(editor)
    tabs = [editor.tabs.tabText(i).replace("&", "") for i in range(editor.tabs.count())]
    assert tabs == ["Person", "Access and contact"]
    assert not editor.notes.isVisibleTo(editor) and not editor.save_button.isVisibleTo(editor)


def test_an_administrator_sees_everything_and_manages_accounts(qtbot, app_paths, accounts,
                                                               monkeypatch):
    member = accounts.members.create(MemberInput(given_name="Amina", family_name="Haddad"))
    window = _window(qtbot, app_paths, _as(accounts, "ada"))
    assert [s.key for s in window.sections] == ["dashboard", "members", "boards", "webinars",
                                                "stories", "outreach"]
    assert window.accounts_action.isVisible() and window.import_action.isVisible()
    assert window.show_section("dashboard").events_box.isVisibleTo(window)
    opened = []
    monkeypatch.setattr(prompts, "run_modal", lambda dialog: opened.append(dialog) or False)
    window.accounts_action.trigger()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["ada", "vic"]
    assert model.index(1, 2).data() == "Volunteer"

    from advocate_app.ui.models.rows import select_id

    select_id(dialog.table, next(model.row_id(model.index(r, 0)) for r in range(2)
                                 if model.index(r, 0).data() == "ada"))
    dialog.toggle_active()  # the last administrator
    assert "last active administrator" in dialog.message.text()
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "Haddad")
    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _l, options: 0)
    dialog.link_member()
    assert model.index(0, 3).data() == "Amina Haddad"
    assert window.services.accounts.signed_in_member() == (member.id, "Amina Haddad")


def test_the_accounts_dialog_adds_an_account_and_says_what_is_wrong_first(qtbot, accounts,
                                                                          monkeypatch):
    from advocate_app.ui.dialogs.accounts import AccountsDialog

    dialog = AccountsDialog(_as(accounts, "ada"))
    qtbot.addWidget(dialog)
    forms = []

    def fill(form):
        forms.append(form)
        form.name.setText("sam")
        form.role.setCurrentIndex(form.role.findData(AccountRole.SECRETARY.value))
        form.password.setText("short")
        form.again.setText("short")
        form._check()
        assert form.problem.text() == "A password needs at least 10 characters."
        assert form.focusWidget() is form.password or not form.isVisible()
        form.password.setText(PASSWORD)
        form.again.setText(PASSWORD + "!")
        form._check()
        assert form.problem.text() == "The two passwords are not the same."
        form.again.setText(PASSWORD)
        form._check()
        return form.result() == form.DialogCode.Accepted

    monkeypatch.setattr(prompts, "run_modal", fill)
    dialog.add()
    assert dialog.message.text() == "sam added."
    assert accounts.accounts.authenticate("sam", PASSWORD).role is AccountRole.SECRETARY


def test_mine_in_the_action_tracker_is_the_signed_in_accounts_member(qtbot, accounts,
                                                                     monkeypatch):
    from advocate_app.ui.pages.boards import BoardsPage

    amina = accounts.members.create(MemberInput(given_name="Amina", family_name="Haddad")).id
    other = accounts.members.create(MemberInput(given_name="Seán", family_name="Murphy")).id
    admin = _as(accounts, "ada")
    admin.accounts.link_member(admin.accounts.get("ada").id, amina)
    board_id = admin.boards.create_board(BoardInput("Patient Advisory Board"))
    meeting = admin.meetings.schedule_meeting(
        MeetingInput(board_id, "Spring", datetime(2030, 4, 1, 18, 0)), [])
    admin.actions.add_action("My task", meeting_id=meeting, owner_member_id=amina)
    admin.actions.add_action("Their task", meeting_id=meeting, owner_member_id=other)

    def never(*_args):
        raise AssertionError("an account linked to its member is not asked who it is")

    monkeypatch.setattr(prompts, "choose", never)
    page = BoardsPage(admin)
    qtbot.addWidget(page)
    assert not page.actions_tab.who_button.isVisibleTo(page)
    page.set_action_filter("mine")
    model = page.actions_tab.table.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["My task"]
    assert "Amina Haddad" in page.actions_tab.filter_note.text()


def test_switch_account_opens_the_window_again_as_the_one_who_signs_in(qtbot, app_paths,
                                                                       accounts, monkeypatch):
    from advocate_app.ui.account_actions import switch_account

    window = _window(qtbot, app_paths, _as(accounts, "ada"))
    shown_while_asked = []

    def sign_in(dialog):
        shown_while_asked.append(window.isVisible())
        dialog.name.setText("vic")
        dialog.password.setText(PASSWORD)
        dialog.sign_in()
        qtbot.waitUntil(lambda: dialog.actor is not None, timeout=10_000)
        return True

    monkeypatch.setattr(prompts, "run_modal", sign_in)
    replacement = switch_account(window)
    qtbot.addWidget(replacement)
    assert shown_while_asked == [False]  # nothing of ada's stays on screen meanwhile
    assert replacement.isVisible() and not window.isVisible()
    assert replacement.account_label.text() == "Signed in: Vic Example (Volunteer)"
    assert "stories" not in [s.key for s in replacement.sections]


def test_the_built_in_account_makes_the_first_account_from_the_window(qtbot, services,
                                                                      monkeypatch):
    from advocate_app.ui.dialogs.accounts import AccountsDialog

    dialog = AccountsDialog(services)  # no account yet: the built-in administrator
    qtbot.addWidget(dialog)
    assert dialog.table.model().rowCount() == 0

    def fill(form):
        form.name.setText("ada")
        form.role.setCurrentIndex(form.role.findData(AccountRole.VOLUNTEER.value))
        form.password.setText(PASSWORD)
        form.again.setText(PASSWORD)
        form._check()
        return form.result() == form.DialogCode.Accepted

    monkeypatch.setattr(prompts, "run_modal", fill)
    dialog.add()
    assert dialog.message.text() == ("ada added. From the next start, Advocate asks who is "
                                     "signing in.")
    assert dialog.table.model().index(0, 2).data() == "Administrator"  # the first one is
    assert services.accounts.needs_sign_in()
