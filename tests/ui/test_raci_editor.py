"""The roles matrix's one-page sheet is drawn and written in the background."""

from __future__ import annotations

import pytest

from advocate_app.domain.board_views import BoardInput
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.raci_editor import RaciEditor


@pytest.fixture
def dialog(qtbot, services):
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board"))
    services.roles.add_raci_activity(board_id, "Approve lay summaries")
    services.roles.add_raci_party(board_id, "Research team")
    editor = RaciEditor(services, services.boards.get_board(board_id))
    qtbot.addWidget(editor, before_close_func=lambda d: d.wait_for_work())
    editor.show()
    return editor


def _answers(monkeypatch):
    said = []
    monkeypatch.setattr(prompts, "information", lambda _p, _t, text: said.append(("info", text)))
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: said.append(("error", text)))
    return said


def test_the_sheet_is_saved_and_said_so(qtbot, dialog, monkeypatch, tmp_path):
    said = _answers(monkeypatch)
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(tmp_path / "roles.pdf"))
    dialog.print_sheet()
    assert not dialog.print_button.isEnabled()  # not twice at once
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert said == [("info", "Saved roles.pdf.")]
    assert (tmp_path / "roles.pdf").read_bytes().startswith(b"%PDF")
    assert dialog.print_button.isEnabled()


def test_a_sheet_that_cannot_be_saved_says_why(qtbot, dialog, monkeypatch, tmp_path):
    said = _answers(monkeypatch)
    (tmp_path / "a file").write_text("not a folder")
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(tmp_path / "a file" / "r.pdf"))
    dialog.print_sheet()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert len(said) == 1 and said[0][0] == "error"
    assert said[0][1].startswith("The sheet could not be saved:")
    assert dialog.print_button.isEnabled()


def test_a_letter_typed_is_kept_and_read_out_where_the_cursor_stays(qtbot, dialog, services):
    from PySide6.QtCore import Qt

    table, model = dialog.table, dialog.table.model()
    assert model.headerData(0, Qt.Orientation.Vertical) == "Approve lay summaries"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Research team"
    table.setCurrentIndex(model.index(0, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C)
    cell = model.index(0, 0)
    assert cell.data() == "C" and table.currentIndex() == cell
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Consulted (asked before)"
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Approve lay summaries, Research team: Consulted (asked before)")
    matrix = services.roles.raci(dialog._board.id)
    assert [v.value for v in matrix.cells.values()] == ["C"]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole).endswith(": not involved")
