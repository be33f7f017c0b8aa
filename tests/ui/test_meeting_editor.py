"""The meeting editor's agenda and people, from the keyboard; what approval locks."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialogButtonBox

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.governance import AttendanceStatus, BoardRole
from advocate_app.domain.member_views import MemberInput
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.meeting_editor import MeetingEditor


@pytest.fixture
def meeting(services):
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board",
                                                       quorum_count=2))
    people = []
    for given, family, role in (("Amina", "Haddad", BoardRole.CHAIR),
                                ("Sean", "Murphy", BoardRole.SECRETARY),
                                ("Priya", "Sharma", BoardRole.MEMBER)):
        member_id = services.members.create(MemberInput(given_name=given,
                                                        family_name=family)).id
        services.boards.set_membership(board_id, member_id, role)
        people.append(member_id)
    meeting_id = services.meetings.schedule_meeting(
        MeetingInput(board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30)),
        [AgendaInput("Welcome", "Chair", 5), AgendaInput("Study update", "Nurse", 20)])
    return board_id, meeting_id, people


def _editor(qtbot, services, board_id, meeting_id) -> MeetingEditor:
    dialog = MeetingEditor(services, services.boards.get_board(board_id), meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def _names(view) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_attendance_is_chosen_in_the_row_from_the_keyboard_and_the_quorum_follows(
        qtbot, services, meeting):
    board_id, meeting_id, people = meeting
    dialog = _editor(qtbot, services, board_id, meeting_id)
    dialog.tabs.setCurrentIndex(2)
    assert _names(dialog.people_table) == ["Amina Haddad", "Sean Murphy", "Priya Sharma"]
    assert dialog.quorum_label.text() == "Quorum: 0 of 2 needed present (not met yet)"
    # Tab from the table reaches each person's lists, in order.
    dialog.people_table.setFocus()
    focused = []
    for _press in range(12):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        if isinstance(dialog.focusWidget(), QComboBox):
            focused.append(dialog.focusWidget().accessibleName())
    assert focused[:2] == ["Attendance of Amina Haddad", "How Amina Haddad takes part"]
    for member_id in people[:2]:
        combo = dialog.status_combo(member_id)
        combo.setFocus()
        combo.setCurrentIndex(combo.findData(AttendanceStatus.PRESENT.value))
    assert dialog.quorum_label.text() == "Quorum: 2 of 2 needed present (met)"
    assert dialog.quorum_label.accessibleName() == dialog.quorum_label.text()
    statuses = {a.member_id: a.status for a in services.meetings.get_meeting(meeting_id).attendees}
    assert statuses[people[1]] is AttendanceStatus.PRESENT


def test_someone_invited_joins_the_list_and_the_chosen_person_stays_chosen(
        qtbot, services, meeting, monkeypatch):
    board_id, meeting_id, people = meeting
    guest = services.members.create(MemberInput(given_name="Olga", family_name="Ivanova")).id
    dialog = _editor(qtbot, services, board_id, meeting_id)
    dialog.tabs.setCurrentIndex(2)
    dialog.people_table.selectRow(1)  # Sean Murphy
    monkeypatch.setattr(board_editor, "pick_member",
                        lambda _s, _p, _t, invited: (guest, "Olga Ivanova")
                        if guest not in invited else None)
    dialog.invite_someone()
    assert _names(dialog.people_table) == ["Amina Haddad", "Sean Murphy", "Priya Sharma",
                                           "Olga Ivanova"]
    chosen = dialog.people_table.selectionModel().selectedRows()
    assert [index.row() for index in chosen] == [1]
    assert dialog.status_combo(guest).accessibleName() == "Attendance of Olga Ivanova"


def test_approved_minutes_leave_every_part_of_the_meeting_as_it_is(qtbot, services, meeting):
    board_id, meeting_id, _people = meeting
    services.minutes.record_decision(meeting_id, "Meet again in spring")
    services.minutes.circulate(meeting_id)
    editable = _editor(qtbot, services, board_id, meeting_id)
    assert not editable.read_only_label.isVisibleTo(editable)
    assert editable.agenda_table.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    editable.done(0)

    services.minutes.approve(meeting_id, note="By email")
    assert services.meetings.get_meeting(meeting_id).read_only
    dialog = _editor(qtbot, services, board_id, meeting_id)
    assert dialog.read_only_label.isVisibleTo(dialog)
    assert dialog.title_field.isReadOnly() and dialog.notes_field.isReadOnly()
    assert dialog.agenda_table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    dialog.agenda_table.selectRow(0)
    assert not dialog.agenda_tab.papers_field.isEnabled()
    assert not any(button.isEnabled() for button in (
        dialog.add_item_button, dialog.agenda_tab.remove_button, dialog.agenda_tab.up_button,
        dialog.agenda_tab.down_button, dialog.invite_button))
    assert not any(combo.isEnabled() for combo in dialog.people_tab.status_combos.values())
    assert dialog.buttons.standardButtons() == QDialogButtonBox.StandardButton.Close
