"""Who does what: a board's roles matrix (R, A, C, I) of activities against parties.

Each cell is changed from the keyboard: type R, A, C or I, Space to go round the letters in
turn, Delete to empty it. A change is kept at once; an activity has one accountable party.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.edit_conflicts import Choice, FieldDifference
from advocate_app.domain.governance import DEFAULT_RACI_ACTIVITIES, RaciValue
from advocate_app.i18n import _
from advocate_app.services.errors import ConcurrentEditError, ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_editor import name_buttons
from advocate_app.ui.dialogs.edit_conflict import choose_version
from advocate_app.ui.help import KeyRow, install_help_key, key_text
from advocate_app.ui.models.rows import Cell, Row, RowsModel
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen

#: The order Space goes through: empty, then R, A, C, I.
CYCLE: tuple[RaciValue | None, ...] = (None, RaciValue.RESPONSIBLE, RaciValue.ACCOUNTABLE,
                                       RaciValue.CONSULTED, RaciValue.INFORMED)


def raci_key_text() -> str:
    return "\n".join(f"{value.value} — {value.label}" for value in RaciValue)


class RaciTable(QTableView):
    """A grid whose cells take a letter typed on them: activities (ids in its rows model)
    against parties."""

    value_typed = Signal(int, int, object)  # row, column, RaciValue | None

    def __init__(self):
        super().__init__()
        self.setModel(RowsModel([], alignment=Qt.AlignmentFlag.AlignCenter,
                                tooltip_after=None))

    def value_at(self, row: int, column: int) -> RaciValue | None:
        text = self.model().cell(row, column).text
        return RaciValue(text) if text else None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        current = self.currentIndex()
        row, column = current.row(), current.column()
        if current.isValid() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            letter = event.text().upper()
            if letter in RaciValue._value2member_map_:
                self.value_typed.emit(row, column, RaciValue(letter))
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.value_typed.emit(row, column, None)
                return
            if event.key() == Qt.Key.Key_Space:
                index = CYCLE.index(self.value_at(row, column))
                self.value_typed.emit(row, column, CYCLE[(index + 1) % len(CYCLE)])
                return
        super().keyPressEvent(event)

    def help_keys(self) -> list[KeyRow]:
        """The keys ``keyPressEvent`` handles, for the help (F1)."""
        where = self.accessibleName()
        rows = [KeyRow(value.value, value.label, where) for value in RaciValue]
        rows.append(KeyRow(key_text([Qt.Key.Key_Space]), _("The next letter in turn"), where))
        rows.append(KeyRow(key_text([Qt.Key.Key_Delete, Qt.Key.Key_Backspace]),
                           _("Empty the cell"), where))
        return rows


class RaciEditor(QDialog):
    def __init__(self, services, board, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self._services = services
        self._board = board
        self._matrix = None
        self.task = None  # the sheet being written, if any
        self.setWindowTitle(_("Roles matrix: {board}").format(board=board.name))
        heading = Heading(_("Who does what: {board}").format(board=board.name), level=2)
        intro = QLabel(_("Activities are the rows, the people and organisations the columns. "
                         "On a cell, type R, A, C or I; Space goes round them; Delete empties "
                         "the cell. Each activity has one accountable party."))
        intro.setWordWrap(True)

        self.table = RaciTable()
        self.table.setAccessibleName(_("Roles matrix"))
        self.table.setAccessibleDescription(_(
            "Type R, A, C or I on a cell; Space goes round them; Delete empties the cell."))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(90)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.value_typed.connect(self.set_cell)
        self.table.doubleClicked.connect(lambda index: self._cycle(index.row(),
                                                                   index.column()))
        table_label = QLabel(_("&Matrix:"))
        table_label.setBuddy(self.table)

        key_heading = Heading(_("Key"), level=3)
        self.key_label = QLabel(raci_key_text())
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setAccessibleName(self.key_label.text())

        self.add_activity_button = QPushButton(_("Add &activity…"))
        self.add_activity_button.clicked.connect(self.add_activity)
        self.add_party_button = QPushButton(_("Add &party…"))
        self.add_party_button.clicked.connect(self.add_party)
        self.remove_activity_button = QPushButton(_("&Remove activity"))
        self.remove_activity_button.clicked.connect(self.remove_activity)
        self.remove_party_button = QPushButton(_("Remove part&y"))
        self.remove_party_button.clicked.connect(self.remove_party)
        self.print_button = QPushButton(_("Print one-page &sheet…"))
        self.print_button.clicked.connect(self.print_sheet)
        for button in (self.add_activity_button, self.add_party_button,
                       self.remove_activity_button, self.remove_party_button,
                       self.print_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        name_buttons(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        middle = QHBoxLayout()
        grid_side = QVBoxLayout()
        grid_side.addWidget(table_label)
        grid_side.addWidget(self.table, 1)
        middle.addLayout(grid_side, 1)
        key_side = QVBoxLayout()
        key_side.addWidget(key_heading)
        key_side.addWidget(self.key_label)
        key_side.addStretch(1)
        middle.addLayout(key_side)
        layout.addLayout(middle, 1)
        # The buttons wrap onto more lines when the text is large or the screen small.
        layout.addWidget(flow_of(self.add_activity_button, self.add_party_button,
                                 self.remove_activity_button, self.remove_party_button,
                                 right=(self.print_button,)))
        layout.addWidget(buttons)
        self.refresh()
        # Wide enough for the whole matrix when the screen allows, never wider than the screen.
        fit_to_screen(self, 940, 560)

    # --- the grid --------------------------------------------------------------------------

    def help_keys(self) -> list[KeyRow]:
        """The grid's own keys, for the help (F1)."""
        return self.table.help_keys()

    def refresh(self) -> None:
        current = self.table.currentIndex()
        keep = (current.row(), current.column())
        matrix = self._services.roles.raci(self._board.id)
        self._matrix = matrix
        model = self.table.model()
        model.set_headers([name for _id, name in matrix.parties])
        model.set_rows(Row(activity_id, [self._cell(activity, party, matrix.cells.get(
            (activity_id, party_id))) for party_id, party in matrix.parties], heading=activity)
            for activity_id, activity in matrix.activities)
        if 0 <= keep[0] < model.rowCount() and 0 <= keep[1] < model.columnCount():
            self.table.setCurrentIndex(model.index(*keep))
        elif model.rowCount() and model.columnCount():
            self.table.setCurrentIndex(model.index(0, 0))
        self._update_buttons()

    @staticmethod
    def _cell(activity: str, party: str, value: RaciValue | None) -> Cell:
        words = value.label if value else _("not involved")
        return Cell(value.value if value else "", tooltip=words,
                    accessible=_("{activity}, {party}: {value}").format(
                        activity=activity, party=party, value=words))

    def _show_value(self, row: int, column: int, value: RaciValue | None) -> None:
        self.table.model().set_cell(row, column, self._cell(
            self._matrix.activities[row][1], self._matrix.parties[column][1], value))

    def value_at(self, row: int, column: int) -> RaciValue | None:
        return self.table.value_at(row, column)

    def _cycle(self, row: int, column: int) -> None:
        index = CYCLE.index(self.value_at(row, column))
        self.set_cell(row, column, CYCLE[(index + 1) % len(CYCLE)])

    def set_cell(self, row: int, column: int, value: RaciValue | None) -> bool:
        """Keep one cell; on a problem say why and show the cell as it was. True if kept."""
        activity_id = self._matrix.activities[row][0]
        party_id = self._matrix.parties[column][0]
        before = self.value_at(row, column)
        versions = self._matrix.versions
        try:
            try:
                versions[activity_id] = self._services.roles.set_raci(
                    activity_id, party_id, value, versions.get(activity_id))
            except ConcurrentEditError as exc:  # a colleague changed this row meanwhile
                if not self._keep_mine(exc, row, column, before, value):
                    return False
                versions[activity_id] = self._services.roles.set_raci(
                    activity_id, party_id, value, exc.version)
                self.refresh()  # their changes to the row's other cells shown too
                return True
        except ServiceError as exc:
            self._show_value(row, column, before)
            prompts.error(self, _("Roles matrix"), str(exc))
            return False
        self._show_value(row, column, value)
        return True

    def _keep_mine(self, error: ConcurrentEditError, row: int, column: int,
                   before: RaciValue | None, value: RaciValue | None) -> bool:
        """True to save my cell over theirs: at once when they changed other cells of the
        row and not this one; else after showing both. Theirs kept: the matrix as stored."""
        theirs = error.theirs.cells.get(self._matrix.parties[column][0])
        if theirs == before or theirs == value:
            return True
        label = _("{activity}, {party}").format(activity=self._matrix.activities[row][1],
                                                party=self._matrix.parties[column][1])
        found = [FieldDifference(label, value.label if value else _("not involved"),
                                 theirs.label if theirs else _("not involved"))]
        if choose_version(self, _("Roles matrix"), str(error), found) is Choice.MINE:
            return True
        self.refresh()
        return False

    def _update_buttons(self) -> None:
        model, current = self.table.model(), self.table.currentIndex()
        self.remove_activity_button.setEnabled(model.rowCount() > 0 and current.row() >= 0)
        self.remove_party_button.setEnabled(model.columnCount() > 0 and current.column() >= 0)

    # --- rows and columns ------------------------------------------------------------------

    def add_activity(self) -> None:
        have = {name.casefold() for _id, name in self._matrix.activities}
        suggestions = [_(name) for name in DEFAULT_RACI_ACTIVITIES if _(name).casefold()
                       not in have]
        other = _("Something else…")
        title = _("Add an activity")
        name = None
        if suggestions:
            index = prompts.choose(self, title, _("Activity:"), [*suggestions, other])
            if index is None:
                return
            if index < len(suggestions):
                name = suggestions[index]
        if name is None:
            name = prompts.ask_text(self, title, _("What is the activity?"))
        if name:
            self._add(lambda: self._services.roles.add_raci_activity(self._board.id, name))

    def add_party(self) -> None:
        have = {name.casefold() for _id, name in self._matrix.parties}
        people = [m for m in self._board.members if m.name.casefold() not in have]
        other = _("An organisation, team or role…")
        title = _("Add a party")
        index = prompts.choose(self, title, _("Who:"), [m.name for m in people] + [other]) \
            if people else len(people)
        if index is None:
            return
        if index < len(people):
            person = people[index]
            self._add(lambda: self._services.roles.add_raci_party(
                self._board.id, person.name, person.member_id))
            return
        name = prompts.ask_text(self, title, _("Name of the organisation, team or role:"))
        if name:
            self._add(lambda: self._services.roles.add_raci_party(self._board.id, name))

    def _add(self, work) -> None:
        try:
            work()
        except ServiceError as exc:
            prompts.error(self, _("Roles matrix"), str(exc))
        self.refresh()

    def remove_activity(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            return
        activity_id, name = self._matrix.activities[row]
        if prompts.confirm(self, _("Remove activity"),
                           _("Remove “{name}” and its row of the matrix?").format(name=name),
                           destructive_label=_("Remove")):
            self._services.roles.remove_raci_activity(activity_id)
            self.refresh()

    def remove_party(self) -> None:
        column = self.table.currentIndex().column()
        if column < 0:
            return
        party_id, name = self._matrix.parties[column]
        if prompts.confirm(self, _("Remove party"),
                           _("Remove “{name}” and its column of the matrix?").format(name=name),
                           destructive_label=_("Remove")):
            self._services.roles.remove_raci_party(party_id)
            self.refresh()

    # --- printing --------------------------------------------------------------------------

    def print_sheet(self) -> None:
        """Save the one-page sheet; it is drawn and written in the background, so the dialog
        keeps answering, and says when it is saved (or why not)."""
        from advocate_app.ui.tasks import run_in_background

        title = _("Print one-page sheet")
        chosen = prompts.save_file(self, title, _("roles-matrix.pdf"), _("PDF document (*.pdf)"),
                                   "roles-matrix")
        if not chosen:
            return
        path = Path(chosen)
        documents, board_id = self._services.board_documents, self._board.id

        def saved(_result) -> None:
            self.print_button.setEnabled(True)
            prompts.information(self, title, _("Saved {file}.").format(file=path.name))

        def failed(error: Exception) -> None:
            self.print_button.setEnabled(True)
            prompts.error(self, title, _("The sheet could not be saved: {reason}").format(
                reason=str(error)))

        self.print_button.setEnabled(False)
        self.task = run_in_background(
            self, lambda _progress, _cancel: documents.write_roles_sheet(board_id, path),
            on_done=saved, on_error=failed)

    def wait_for_work(self) -> None:
        """Let a sheet being written end (closing, tests)."""
        if self.task is not None:
            self.task.wait()

    def done(self, result: int) -> None:
        self.wait_for_work()  # a sheet being written ends before the dialog goes
        super().done(result)
