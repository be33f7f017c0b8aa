"""What a colleague saves in the shared database shows up on the page open here, without
restarting, keeping the row chosen and where the list was scrolled (another client's
Services on the same file commits; the window looks at the change marker)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from advocate_app.app import open_services
from advocate_app.domain.board_views import BoardInput, MeetingInput
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.story_views import StoryInput
from advocate_app.domain.webinar_kinds import WebinarStatus
from advocate_app.domain.webinar_views import WebinarInput
from advocate_app.ui.models.rows import selected_id

LOOK_MS = 50  # the window looks every 3 s; here, at once


@pytest.fixture
def colleague(services, app_paths):
    other = open_services(app_paths.default_database_url(), app_paths)
    yield other
    other.close()


@pytest.fixture
def window(main_window, qtbot):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    main_window.change_watch.timer.setInterval(LOOK_MS)
    return main_window


def _show(qtbot, window, key: str):
    """Go to a section; the window looks only while it is the active one."""
    page = window.show_section(key)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return page


def _texts(table, column=0) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _shows(qtbot, table, text: str, column: int = 0) -> None:
    qtbot.waitUntil(lambda: any(text in (t or "") for t in _texts(table, column)),
                    timeout=5000)


def test_the_members_list_shows_a_colleagues_new_member_keeping_the_one_chosen(
        qtbot, window, services, colleague):
    first = [services.members.create(MemberInput(given_name=f"Person{n:02}",
                                                 family_name="Example")).id
             for n in range(60)]
    page = _show(qtbot, window, "members")
    page.refresh()
    page.table.selectRow(40)
    chosen = page.selected_member_id()
    assert chosen in first
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
    top = page.table.rowAt(0)
    assert top > 20
    colleague.members.create(MemberInput(given_name="Aaron", family_name="Aardvark"))
    _shows(qtbot, page.table, "Aaron")
    assert page.selected_member_id() == chosen
    # Still where it was: the new first row moved the others down by one at most.
    assert abs(page.table.rowAt(0) - top) <= 1


def test_boards_webinars_stories_outreach_and_dashboard_follow_a_colleague(
        qtbot, window, services, colleague):
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board"))
    services.meetings.schedule_meeting(MeetingInput(board_id, "Spring meeting",
                                                    datetime(2026, 3, 10, 18, 30)), [])
    boards = _show(qtbot, window, "boards")
    boards.refresh()
    kept = selected_id(boards.meetings_table)
    colleague.meetings.schedule_meeting(MeetingInput(board_id, "Autumn meeting",
                                                     datetime(2026, 10, 6, 18, 30)), [])
    _shows(qtbot, boards.meetings_table, "Autumn meeting", 1)
    assert selected_id(boards.meetings_table) == kept

    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=10)
    services.webinars.create(WebinarInput("Sleep and fatigue", starts,
                                          status=WebinarStatus.OPEN))
    webinars = _show(qtbot, window, "webinars")
    kept = webinars.webinar_id()
    colleague.webinars.create(WebinarInput("Travel with a rare condition",
                                           starts + timedelta(days=1),
                                           status=WebinarStatus.OPEN))
    _shows(qtbot, webinars.table, "Travel with a rare condition", 1)
    assert webinars.webinar_id() == kept

    stories = _show(qtbot, window, "stories")
    colleague.stories.create(StoryInput(title="Seven years", text="It took seven years."))
    _shows(qtbot, stories.stories_tab.table, "Seven years")

    outreach = _show(qtbot, window, "outreach")
    colleague.outreach.save(OutreachItem(ItemKind.LEAFLET, "Welcome pack", "en",
                                         (Block("paragraph", {"text": "Hello"}),)))
    _shows(qtbot, outreach.table, "Welcome pack")

    dashboard = _show(qtbot, window, "dashboard")
    colleague.members.create(MemberInput(given_name="New", family_name="Member"))
    qtbot.waitUntil(lambda: "1 member" in dashboard.summary.text(), timeout=5000)


def test_nothing_is_read_again_while_nothing_changed_or_a_dialog_is_open(
        qtbot, window, services, colleague, monkeypatch):
    from PySide6.QtWidgets import QApplication, QDialog

    page = _show(qtbot, window, "members")
    watch = window.change_watch
    qtbot.wait(4 * LOOK_MS)
    refreshes = watch.refreshes
    qtbot.wait(4 * LOOK_MS)
    assert watch.refreshes == refreshes  # nothing saved: nothing read
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QApplication, "activeModalWidget", staticmethod(lambda: dialog))
    colleague.members.create(MemberInput(given_name="Later", family_name="Member"))
    qtbot.wait(4 * LOOK_MS)
    assert watch.refreshes == refreshes and "Later" not in " ".join(_texts(page.table))
    monkeypatch.undo()
    _shows(qtbot, page.table, "Later")
