"""The main window shell: sections, menus, keyboard, text size and remembered state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from advocate_app.domain.member_views import MemberInput
from advocate_app.ui.settings import UiSettings


def test_every_section_is_reachable_with_control_and_a_number(qtbot, main_window):
    titles = []
    for number, section in enumerate(main_window.sections, start=1):
        qtbot.keyClick(main_window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert main_window.current_section() == section.key
        assert main_window.stack.currentWidget() is main_window.page(section.key)
        titles.append(section.title)
    assert titles == ["Dashboard", "Members", "Boards & meetings", "Webinars", "Stories",
                      "Outreach"]


def test_visiting_every_section_opens_no_stray_window(qtbot, main_window):
    """A control shown before it is laid out opens as a window of its own for a moment and
    takes the keyboard away from the main window (a person typing lands nowhere)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QTabWidget

    windows_shown = []

    class WatchWindows(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                    and watched.isWindow() and watched is not main_window):
                windows_shown.append(f"{type(watched).__name__} {watched.accessibleName()}")
            return False

    watch = WatchWindows()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=1000)
    QApplication.instance().installEventFilter(watch)
    try:
        for section in main_window.sections:
            page = main_window.show_section(section.key)
            for tabs in page.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
        qtbot.wait(20)
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert windows_shown == []
    assert main_window.isActiveWindow()


def test_the_webinars_section_is_its_page(main_window):
    page = main_window.show_section("webinars")
    assert page.heading.text() == "Webinars"
    assert page.tabs.tabText(1) == "&Registrations"


def test_dashboard_shows_real_counts(qtbot, main_window, services):
    page = main_window.page("dashboard")
    assert "No members yet" in page.summary.text()
    assert not page.roles_box.isVisibleTo(main_window)
    services.members.create(MemberInput(given_name="Ada", family_name="Obi"))
    services.members.create(MemberInput(given_name="Bea", family_name="Ng"))
    main_window.show_section("members")
    main_window.show_section("dashboard")
    assert page.summary.text() == "2 members in the community."
    assert page.roles_box.isVisibleTo(main_window)


def test_every_control_in_the_shell_has_an_accessible_name(main_window):
    for key in ("dashboard", "boards"):
        main_window.show_section(key)
        for widget in main_window.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(main_window):
                if isinstance(widget, QLabel) and not widget.accessibleName():
                    continue
                assert widget.accessibleName() or _has_label_buddy(main_window, widget), widget


def _has_label_buddy(window, widget):
    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def test_text_size_grows_shrinks_and_is_remembered(qtbot, main_window, context):
    base = QApplication.font().pointSizeF()
    heading = main_window.page("dashboard").heading
    heading_before = heading.font().pointSizeF()
    qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    grown = QApplication.font().pointSizeF()
    assert grown > base * 1.25
    assert heading.font().pointSizeF() > heading_before * 1.25  # headings grow too
    assert UiSettings(context.paths.settings_file).text_scale == 1.3
    qtbot.keyClick(main_window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert base < QApplication.font().pointSizeF() < grown
    qtbot.keyClick(main_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == base


def test_window_geometry_and_section_are_remembered(qtbot, context):
    from advocate_app.ui.main_window import MainWindow

    first = MainWindow(context, UiSettings(context.paths.settings_file))
    qtbot.addWidget(first)
    first.restore_state()
    first.show()
    first.resize(760, 540)  # within the off-screen 800x600 screen
    first.show_section("webinars")
    first.close()

    second = MainWindow(context, UiSettings(context.paths.settings_file))
    qtbot.addWidget(second)
    second.restore_state()
    assert (second.width(), second.height()) == (760, 540)
    assert UiSettings(context.paths.settings_file).last_section == "webinars"


def test_f6_moves_between_sections_and_page(qtbot, main_window):
    main_window.show_section("dashboard")
    main_window.navigation.setFocus()
    main_window.switch_focus_action.trigger()
    assert main_window.page("dashboard").go_members.hasFocus()
    main_window.switch_focus_action.trigger()
    assert main_window.navigation.hasFocus()


def test_help_lists_the_keyboard_shortcuts(main_window):
    main_window.help_action.trigger()
    model = main_window.help_window.keys_table.model()
    keys = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert {"Ctrl+N", "Ctrl+F", "F6"} <= keys


def test_the_dashboard_names_a_meeting_still_to_come_not_one_ended_today(main_window, services):
    from datetime import datetime, timedelta

    from advocate_app.domain.board_views import BoardInput, MeetingInput

    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    now = datetime.now().replace(second=0, microsecond=0)
    services.meetings.schedule_meeting(MeetingInput(board_id, "Last month",
                                                    now - timedelta(days=30)))
    ended = services.meetings.schedule_meeting(MeetingInput(board_id, "This morning",
                                                            now - timedelta(hours=1), 240))
    services.minutes.start_minutes(ended)
    services.minutes.close_meeting(ended)
    services.meetings.schedule_meeting(MeetingInput(board_id, "Spring meeting",
                                                    now + timedelta(days=9)))
    main_window.show_section("members")
    page = main_window.show_section("dashboard")
    text = page.reminders.text()
    assert "Next meeting: Patient Advisory Board, “Spring meeting”" in text
    assert "This morning" not in text and "Last month" not in text


def test_each_visit_to_a_section_reads_it_once(main_window, monkeypatch):
    """Going to a section re-reads its data one time, not once for the row and once more."""
    reads = []
    for key in ("dashboard", "members", "outreach"):
        page = main_window.page(key)
        monkeypatch.setattr(page, "refresh", lambda key=key, real=page.refresh: (
            reads.append(key), real()))
    main_window.show_section("members")
    main_window.show_section("dashboard")
    main_window.show_section("dashboard")  # shown again while on it: read again, once
    main_window.navigation.setCurrentRow(5)  # chosen in the list of sections
    assert reads == ["members", "dashboard", "dashboard", "outreach"]
