"""A board secretary's window shows only what their role may use: no button on the Boards
page that makes outreach items (the lay summary, the "You said, we did" update), no feedback
tab, and no key in the F1 list for a command hidden from them."""

from __future__ import annotations

import time

import pytest

from advocate_app.app import AppContext
from advocate_app.domain.access import AccountRole
from advocate_app.domain.board_views import BoardInput

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(services):
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN, "Ada Example")
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    admin.accounts.add("sam", PASSWORD, AccountRole.SECRETARY, "Sam Example")
    admin.boards.create_board(BoardInput(name="Patient board"))
    return services


def _window(qtbot, app_paths, services, name):
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    signed_in = services.as_actor(services.accounts.authenticate(name, PASSWORD))
    context = AppContext(app_paths, app_paths.default_database_url(), "en", signed_in,
                         time.perf_counter())
    window = MainWindow(context, UiSettings(app_paths.settings_file))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _boards(window):
    page = window.show_section("boards")
    meetings, promises = page.meetings_tab, page.promises_tab
    panel = meetings.panel
    feedback_tab = panel.tabs.isTabVisible(panel.tabs.indexOf(panel.feedback))
    # not hidden (a tab not shown hides its buttons from the window for now)
    return (not meetings.lay_button.isHidden(), not promises.update_button.isHidden(),
            feedback_tab)


def test_a_secretarys_boards_page_has_no_button_its_services_would_refuse(
        qtbot, app_paths, accounts):
    window = _window(qtbot, app_paths, accounts, "sam")
    page = window.show_section("boards")
    assert page.meetings_tab.new_meeting_button.isVisibleTo(window)  # meetings are theirs
    assert not page.promises_tab.kept_button.isHidden()
    assert _boards(window) == (False, False, False)


def test_an_administrators_boards_page_keeps_them(qtbot, app_paths, accounts):
    window = _window(qtbot, app_paths, accounts, "ada")
    assert _boards(window) == (True, True, True)


def test_f1_lists_no_key_of_a_command_hidden_from_a_secretary(qtbot, app_paths, accounts):
    from advocate_app.ui.help import screen_keys

    window = _window(qtbot, app_paths, accounts, "sam")
    for section in ("dashboard", "members", "boards"):
        page = window.show_section(section)
        listed = {row.keys: row.what for row in screen_keys(page)}
        assert "Ctrl+N" not in listed and "Ctrl+I" not in listed, listed
        assert listed["F1"].startswith("Help")
