"""The board editor's members and the member picker, used from the keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from advocate_app.domain.board_views import BoardInput
from advocate_app.domain.governance import BoardRole
from advocate_app.domain.member_views import MemberInput
from advocate_app.i18n.formatting import format_date
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_editor import BoardEditor, MemberPicker


def _person(services, given, family) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family)).id


@pytest.fixture
def board(services):
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board"))
    people = {name: _person(services, *name.split()) for name in
              ("Amina Haddad", "Sean Murphy", "Priya Sharma")}
    services.boards.set_membership(board_id, people["Amina Haddad"], BoardRole.CHAIR)
    services.boards.set_membership(board_id, people["Sean Murphy"], BoardRole.SECRETARY)
    services.boards.set_membership(board_id, people["Priya Sharma"], BoardRole.MEMBER)
    return board_id, people


def _rows(view) -> list[list[str]]:
    model = view.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def _editor(qtbot, services, board_id) -> BoardEditor:
    dialog = BoardEditor(services, services.boards.get_board(board_id))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def test_a_term_typed_for_the_chosen_member_shows_in_their_row_and_is_saved(
        qtbot, services, board):
    board_id, people = board
    dialog = _editor(qtbot, services, board_id)
    table = dialog.members_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # Sean Murphy, the secretary
    assert _rows(table)[1][:2] == ["Sean Murphy", "Secretary"]
    dialog.term_start.setDate(QDate(2026, 1, 1))
    dialog.term_start.setFocus()
    dialog.term_start.setCurrentSection(dialog.term_start.sectionAt(0))  # the day
    for _press in range(3):  # one day later each time, the row following as it changes
        qtbot.keyClick(dialog.term_start, Qt.Key.Key_Up)
    assert dialog.term_start.date() == QDate(2026, 1, 4)
    assert dialog.term_start.hasFocus()
    assert _rows(table)[1] == ["Sean Murphy", "Secretary", format_date(date(2026, 1, 4)),
                               "Not set"]
    assert [index.row() for index in table.selectionModel().selectedRows()] == [1]
    dialog.save()
    seats = {m.member_id: m for m in services.boards.get_board(board_id).members}
    assert seats[people["Sean Murphy"]].term_start == date(2026, 1, 4)
    assert seats[people["Amina Haddad"]].term_start is None


def test_role_changes_and_removals_keep_to_the_chosen_member(qtbot, services, board,
                                                            monkeypatch):
    board_id, people = board
    dialog = _editor(qtbot, services, board_id)
    dialog.members_table.selectRow(2)  # Priya Sharma
    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _q, labels: labels.index("Observer"))
    dialog.change_role()
    assert _rows(dialog.members_table)[2][:2] == ["Priya Sharma", "Observer"]
    dialog.members_table.selectRow(0)
    dialog.remove_member()
    assert [row[0] for row in _rows(dialog.members_table)] == ["Sean Murphy", "Priya Sharma"]
    assert [index.row() for index in dialog.members_table.selectionModel().selectedRows()] == [0]
    assert dialog.role_button.isEnabled()
    dialog.save()
    seats = {m.member_id: m.role for m in services.boards.get_board(board_id).members}
    assert seats == {people["Sean Murphy"]: BoardRole.SECRETARY,
                     people["Priya Sharma"]: BoardRole.OBSERVER}


def test_the_member_picker_finds_and_chooses_from_the_keyboard(qtbot, services, board):
    _board_id, people = board
    other = _person(services, "Priya", "Patel")
    dialog = MemberPicker(services, "Add a member", exclude={people["Priya Sharma"]})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    ok = dialog.buttons.buttons()[0]
    qtbot.keyClicks(dialog.search_field, "Priya")
    assert [row[0] for row in _rows(dialog.matches)] == ["Priya Patel"]  # one is on the board
    qtbot.keyClicks(dialog.search_field, "x")
    assert _rows(dialog.matches) == [] and not ok.isEnabled()
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_Backspace)
    assert ok.isEnabled()
    # Tab goes into the list, Enter chooses.
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_Tab)
    assert dialog.matches.hasFocus()
    qtbot.keyClick(dialog.matches, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen() == (other, "Priya Patel")


def test_enter_in_the_picker_s_search_moves_to_the_matches_and_chooses_nobody_yet(
        qtbot, services, board):
    _board_id, people = board
    dialog = MemberPicker(services, "Add a member")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClicks(dialog.search_field, "S")  # Sean Murphy and Priya Sharma
    assert len(_rows(dialog.matches)) == 2
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_Return)
    # Still open: the person looks at the matches before choosing one.
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.matches.hasFocus()
    qtbot.keyClick(dialog.matches, Qt.Key.Key_End)
    chosen = dialog.chosen()
    qtbot.keyClick(dialog.matches, Qt.Key.Key_Enter)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert chosen is not None and dialog.chosen() == chosen
