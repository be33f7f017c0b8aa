"""Live minute-taking, driven from the keyboard alone, as a secretary does during a meeting."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.governance import (
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
    MinutesStatus,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.i18n.formatting import format_date
from advocate_app.ui import prompts


@pytest.fixture
def meeting(services):
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    people = []
    for given, family, role in (("Amina", "Haddad", BoardRole.CHAIR),
                                ("Sean", "Murphy", BoardRole.SECRETARY),
                                ("Priya", "Sharma", BoardRole.MEMBER),
                                ("Olga", "Ivanova", BoardRole.MEMBER)):
        member_id = services.members.create(MemberInput(given_name=given,
                                                        family_name=family)).id
        boards.set_membership(board_id, member_id, role)
        people.append(member_id)
    meeting_id = services.meetings.schedule_meeting(
        MeetingInput(board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30)),
        [AgendaInput("Welcome", "Chair", 5), AgendaInput("Study update", "Nurse adviser", 20)])
    return meeting_id, people


def _type_into_dialog(qtbot, keys: list, *then: list, after=None) -> None:
    """When the next dialog opens and has the keyboard, type ``keys`` into it (text, or Qt
    keys like Tab and Return), always into whichever of its fields has the focus; ``then``
    are the keys for the dialogs that follow, one after the other."""
    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is after or not dialog.isActiveWindow() \
                or dialog.focusWidget() is None:
            QTimer.singleShot(20, act)
            return
        for key in keys:
            target = dialog.focusWidget() or dialog
            if isinstance(target, QComboBox) and target.isEditable():
                target = target.lineEdit()
            if isinstance(key, str):
                qtbot.keyClicks(target, key)
            else:
                qtbot.keyClick(target, key)
        if then:
            _type_into_dialog(qtbot, then[0], *then[1:], after=dialog)
    QTimer.singleShot(0, act)


def _tab_to(qtbot, target, limit: int = 60) -> None:
    """Press Tab until ``target`` has the keyboard focus."""
    for _ in range(limit):
        if target.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.text()!r}")


def _lines(view) -> list[str]:
    """The lines a list shows, top to bottom."""
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _ctrl(qtbot, window, key) -> None:
    """Ctrl+key in the minute-taking window, once it has the keyboard back."""
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def test_a_whole_meeting_from_the_keyboard(qtbot, main_window, services, meeting, monkeypatch):
    meeting_id, people = meeting
    window = main_window.open_live_minutes(meeting_id)
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)

    # Attendance: Ctrl+3, then P / R / A on each person.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.attendance.hasFocus()
    assert "No quorum" in window.quorum_label.text()
    qtbot.keyClick(window.attendance, Qt.Key.Key_P)                    # chair present
    qtbot.keyClick(window.attendance, Qt.Key.Key_P)                    # secretary present
    qtbot.keyClick(window.attendance, Qt.Key.Key_R)                    # Olga joins remotely
    qtbot.keyClick(window.attendance, Qt.Key.Key_A)                    # Priya's apologies
    assert "Quorum: 3 present, 3 needed" in window.quorum_label.text()
    statuses = {a.member_id: (a.status, a.mode)
                for a in services.meetings.get_meeting(meeting_id).attendees}
    assert statuses[people[3]] == (AttendanceStatus.PRESENT, AttendanceMode.REMOTE)
    assert statuses[people[2]][0] is AttendanceStatus.APOLOGIES

    # Notes on the first item, then the next item.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.notes.hasFocus()
    qtbot.keyClicks(window.notes, "The chair welcomed everyone.")
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.item_heading.text() == "Study update"
    qtbot.keyClicks(window.notes, "Recruitment is ahead of plan.")

    # A decision, an action item and a promise, one keystroke each.
    _type_into_dialog(qtbot, ["Extend recruitment to Wales", Qt.Key.Key_Tab, Qt.Key.Key_Tab,
                              "One member preferred to wait", Qt.Key.Key_Return])
    _ctrl(qtbot, window, Qt.Key.Key_D)
    _type_into_dialog(qtbot, ["Send the update to members", Qt.Key.Key_Tab, "Sean Murphy",
                              Qt.Key.Key_Return])
    _ctrl(qtbot, window, Qt.Key.Key_T)
    _type_into_dialog(qtbot, ["Tell us how the study goes", Qt.Key.Key_Tab,
                              "Publish a results summary", Qt.Key.Key_Tab, "Chair",
                              Qt.Key.Key_Return])
    _ctrl(qtbot, window, Qt.Key.Key_P)
    # What was recorded for the item, the date as the app writes it.
    due = services.meetings.get_meeting(meeting_id).actions[0].due_on
    assert _lines(window.recorded) == [
        "Decision: Extend recruitment to Wales (dissent: One member preferred to wait)",
        f"Action: Send the update to members (Sean Murphy, {format_date(due)})",
        "Promise: Publish a results summary (Chair)"]
    assert due.isoformat() not in _lines(window.recorded)[1]

    # End the meeting (Ctrl+E), confirming.
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    _ctrl(qtbot, window, Qt.Key.Key_E)
    recorded = services.meetings.get_meeting(meeting_id)
    assert recorded.closed_at is not None
    assert [i.notes for i in recorded.agenda] == ["The chair welcomed everyone.",
                                                 "Recruitment is ahead of plan."]
    decision = recorded.decisions[0]
    assert (decision.text, decision.dissent) == ("Extend recruitment to Wales",
                                                  "One member preferred to wait")
    assert decision.agenda_item_id == recorded.agenda[1].id
    action = recorded.actions[0]
    assert (action.text, action.owner_member_id) == ("Send the update to members", people[1])
    promise = recorded.promises[0]
    assert (promise.you_said, promise.text, promise.owner) == (
        "Tell us how the study goes", "Publish a results summary", "Chair")
    assert services.minutes.meeting_in_progress() is None

    # Circulate and approve on the Boards page: Tab to each button and press Space; approving
    # asks two questions (at which meeting: the first choice; a note), answered by typing.
    page = main_window.show_section("boards")
    page.refresh()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    page.meetings_table.setFocus()
    qtbot.keyClick(page.meetings_table, Qt.Key.Key_Home)
    assert page.meeting_id() == meeting_id
    _tab_to(qtbot, page.circulate_button)
    qtbot.keyClick(page.circulate_button, Qt.Key.Key_Space)
    assert services.meetings.get_meeting(meeting_id).minutes_status is MinutesStatus.CIRCULATED
    _type_into_dialog(qtbot, [Qt.Key.Key_Return],
                      ["Approved by correspondence", Qt.Key.Key_Return])
    _tab_to(qtbot, page.approve_button)
    qtbot.keyClick(page.approve_button, Qt.Key.Key_Space)
    approved = services.meetings.get_meeting(meeting_id)
    assert approved.minutes_status is MinutesStatus.APPROVED and approved.read_only
    assert approved.approval_note == "Approved by correspondence"


def test_notes_are_saved_while_typing_and_the_screen_comes_back_after_a_stop(
        qtbot, main_window, services, meeting):
    meeting_id, _people = meeting
    window = main_window.open_live_minutes(meeting_id)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.notes, "Saved without pressing anything")
    item_id = window._current_id
    qtbot.waitUntil(lambda: services.meetings.get_meeting(meeting_id).agenda[1].notes
                    == "Saved without pressing anything", timeout=3000)
    assert window.autosave.saves >= 1
    # As after a crash: the window is gone but the meeting was never ended.
    window.autosave.timer.stop()
    window.deleteLater()
    again = main_window.resume_minutes()
    assert again is not None and again._current_id == item_id
    assert again.notes.toPlainText() == "Saved without pressing anything"
    assert again.notes.textCursor().atEnd()


def test_the_item_timer_says_when_an_item_runs_over(qtbot, main_window, meeting, monkeypatch):
    from advocate_app.ui.dialogs import live_minutes

    meeting_id, _people = meeting
    window = main_window.open_live_minutes(meeting_id)
    started = window._item_started
    monkeypatch.setattr(live_minutes.time, "monotonic", lambda: started + 6 * 60 + 5)
    window._update_clocks()
    assert window.item_timer.text() == "6:05 of 5:00: over by 1:05"


def test_attendance_keys_move_down_the_register_and_present_means_in_the_room(
        qtbot, main_window, services, meeting):
    meeting_id, people = meeting
    window = main_window.open_live_minutes(meeting_id)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    # Chair, secretary, then the members by family name: Ivanova, Sharma.
    for key in (Qt.Key.Key_R, Qt.Key.Key_X, Qt.Key.Key_A, Qt.Key.Key_P):
        qtbot.keyClick(window.attendance, key)
    def recorded():
        return {a.member_id: (a.status, a.mode)
                for a in services.meetings.get_meeting(meeting_id).attendees}
    assert recorded() == {
        people[0]: (AttendanceStatus.PRESENT, AttendanceMode.REMOTE),
        people[1]: (AttendanceStatus.ABSENT, AttendanceMode.IN_PERSON),
        people[3]: (AttendanceStatus.APOLOGIES, AttendanceMode.IN_PERSON),
        people[2]: (AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON)}
    assert window.attendance.currentIndex().row() == 3  # the last person stays chosen
    # The chair, who joined remotely, walks in: P makes her present in the room.
    window.attendance.setCurrentIndex(window.attendance.model().index(0, 0))
    qtbot.keyClick(window.attendance, Qt.Key.Key_P)
    assert recorded()[people[0]] == (AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON)
    assert _lines(window.attendance)[0] == "Amina Haddad (Chair): Present, In person"
    assert window.attendance.currentIndex().row() == 1
    assert window.status.currentMessage() == "Amina Haddad (Chair): Present, In person"


def test_the_boards_page_shows_the_final_attendance_once_the_meeting_ends(
        qtbot, main_window, services, meeting, monkeypatch):
    meeting_id, _people = meeting
    page = main_window.show_section("boards")
    page.refresh()
    page.select_meeting(meeting_id)
    assert "0 of 3 needed" in page.quorum_label.text()
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)  # long past: asked
    page.take_minutes()
    window = page.live_window
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_R, Qt.Key.Key_A):
        qtbot.keyClick(window.attendance, key)
    window.end_meeting()
    # Without choosing the meeting again, the page shows how it ended.
    assert page.meeting_id() == meeting_id
    assert page.quorum_label.text() == "Quorum: 3 of 3 needed present (met)"
    assert page.attendance_label.isVisibleTo(page)
    assert page.attendance_label.text() == (
        "Present: Amina Haddad (Chair) and Sean Murphy (Secretary)\n"
        "Present online: Olga Ivanova\nApologies: Priya Sharma")


@pytest.mark.parametrize("days", [21, -40])
def test_minutes_for_a_meeting_far_from_today_are_asked_about_first(
        qtbot, main_window, services, days, monkeypatch):
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(days=days)
    meeting_id = services.meetings.schedule_meeting(MeetingInput(board_id, "Far away", when),
                                                    [AgendaInput("Welcome")])
    page = main_window.show_section("boards")
    page.refresh()
    page.select_meeting(meeting_id)
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, **k: asked.append(text))
    page.take_minutes()
    assert len(asked) == 1 and "Far away" in asked[0]
    assert ("not today" in asked[0]) == (days > 0)
    assert getattr(page, "live_window", None) is None
    assert services.meetings.get_meeting(meeting_id).live_started_at is None


def test_minutes_for_a_meeting_today_start_without_a_question(
        qtbot, main_window, services, monkeypatch):
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(hours=2)
    meeting_id = services.meetings.schedule_meeting(MeetingInput(board_id, "Today", when),
                                                    [AgendaInput("Welcome")])
    page = main_window.show_section("boards")
    page.refresh()
    page.select_meeting(meeting_id)
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: pytest.fail("asked"))
    page.take_minutes()
    qtbot.waitUntil(page.live_window.isActiveWindow, timeout=3000)
    page.live_window.close()


LAPTOP = (1366, 728)  # a 1366×768 screen less its task bar


def _in_view(widget) -> bool:
    """The whole widget can be seen: not cut by the window's edge nor scrolled away."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_minute_taking_fits_a_laptop_screen(qtbot, main_window, meeting, language, scale,
                                            tmp_path):
    from advocate_app.i18n import install_language

    install_language(language, tmp_path)
    main_window.set_text_scale(scale)  # as Ctrl+Plus does
    window = main_window.open_live_minutes(meeting[0])
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    minimum = window.minimumSizeHint()
    assert minimum.width() <= LAPTOP[0] and minimum.height() <= LAPTOP[1]
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.size().toTuple() == LAPTOP)
    QApplication.processEvents()
    for widget in (window.end_button, window.recorded, window.notes, window.attendance,
                   window.agenda, window.decision_button, window.action_button,
                   window.promise_button, window.previous_button, window.next_button):
        assert _in_view(widget), widget.accessibleName() or widget.text()
    for button in (window.end_button, window.decision_button, window.action_button,
                   window.promise_button, window.previous_button, window.next_button):
        assert button.width() >= button.sizeHint().width(), button.text()  # words not cut
    window.close()


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_quick_entries_show_their_title_and_a_sentence(qtbot, main_window, meeting, language,
                                                       scale, tmp_path):
    from PySide6.QtWidgets import QLineEdit

    from advocate_app.i18n import install_language

    install_language(language, tmp_path)
    main_window.set_text_scale(scale)
    window = main_window.open_live_minutes(meeting[0])
    sentence = "Ask the sponsor to split the first study visit over two days"
    for make in (window.recorder.decision_dialog, window.recorder.action_dialog,
                 window.recorder.promise_dialog):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        heading = dialog.heading
        assert heading.width() >= heading.fontMetrics().horizontalAdvance(heading.text())
        assert dialog.width() <= LAPTOP[0] and dialog.height() <= LAPTOP[1]
        first = dialog.findChildren(QLineEdit)[0]
        assert first.width() >= first.fontMetrics().horizontalAdvance(sentence)
        dialog.done(0)
    window.close()


def test_minutes_reopened_after_a_stop_also_update_the_boards_page(
        qtbot, main_window, services, meeting, monkeypatch):
    meeting_id, _people = meeting
    services.minutes.start_minutes(meeting_id)  # minute-taking began, the app stopped
    page = main_window.show_section("boards")
    page.refresh()
    page.select_meeting(meeting_id)
    window = main_window.resume_minutes()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_P):
        qtbot.keyClick(window.attendance, key)
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    window.end_meeting()
    assert page.quorum_label.text() == "Quorum: 3 of 3 needed present (met)"
