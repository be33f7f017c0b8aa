"""The Roles matrix tab: who does what for the chosen board, to read; changed in its own
dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _
from advocate_app.ui.models.rows import Cell, Row, RowsModel
from advocate_app.ui.pages.boards.common import button


class RolesTab(QWidget):
    def __init__(self, services, run_dialog: Callable[[QDialog], bool]):
        super().__init__()
        self._services = services
        self._run_dialog = run_dialog
        self._board = None
        intro = QLabel(_("Who does what for this board: for each activity, who is Responsible "
                         "(does it), Accountable (decides), Consulted (asked before) and "
                         "Informed (told after)."))
        intro.setWordWrap(True)
        self.model = RowsModel([], alignment=Qt.AlignmentFlag.AlignCenter)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Roles matrix, to read"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.raci_button = button(_("Change the roles &matrix…"), self.open_raci)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.raci_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_board(self, board) -> None:
        """The board whose matrix this tab shows (read when the tab is shown)."""
        self._board = board
        self.raci_button.setEnabled(board is not None)

    def refresh(self) -> None:
        board = self._board
        if board is None:
            self.model.set_headers([])
            return
        matrix = self._services.roles.raci(board.id)
        self.model.set_headers([name for _id, name in matrix.parties])
        rows = []
        for activity_id, activity in matrix.activities:
            cells = []
            for party_id, party in matrix.parties:
                value = matrix.cells.get((activity_id, party_id))
                words = value.label if value else _("not involved")
                cells.append(Cell(value.value if value else "",
                                  tooltip=value.label if value else "",
                                  accessible=_("{activity}, {party}: {value}").format(
                                      activity=activity, party=party, value=words)))
            rows.append(Row(activity_id, cells, heading=activity))
        self.model.set_rows(rows)

    def open_raci(self) -> None:
        from advocate_app.ui.dialogs.raci_editor import RaciEditor

        if self._board is None:
            return
        self._run_dialog(RaciEditor(self._services, self._board, self))
        self.refresh()
