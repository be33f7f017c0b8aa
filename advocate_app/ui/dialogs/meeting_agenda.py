"""The meeting editor's Agenda tab: the items in order, each with its presenter, minutes and
papers, changed in place and kept when the meeting is saved.

The table is edited in place (F2 or typing changes a title, presenter or number of minutes), so
it stays a table of its own items rather than a read-only list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.board_views import AgendaInput
from advocate_app.i18n import _, ngettext
from advocate_app.ui import prompts
from advocate_app.ui.widgets.tables import readable_columns, select_row

A_TITLE, A_PRESENTER, A_MINUTES = range(3)


@dataclass
class _AgendaRow:
    item_id: int | None
    title: str
    presenter: str
    minutes: int
    papers: str

    def entry(self) -> AgendaInput:
        return AgendaInput(self.title, self.presenter, self.minutes, self.papers)


class AgendaTab(QWidget):
    """``agenda`` is the meeting's agenda (AgendaItemView), empty for a new meeting; with
    ``read_only`` it is shown and nothing changes."""

    def __init__(self, agenda, read_only: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._read_only = read_only
        self._agenda = [_AgendaRow(item.id, item.title, item.presenter, item.minutes_allotted,
                                   item.papers) for item in agenda]
        self._original_ids = [row.item_id for row in self._agenda]
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(_("Agenda"))
        self.table.setAccessibleDescription(_(
            "Press F2 or start typing to change a title, presenter or number of minutes."))
        self.table.setHorizontalHeaderLabels([_("Item"), _("Presenter"), _("Time (min)")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setHighlightSections(False)
        readable_columns(self.table, A_TITLE)  # a long title wraps, whole
        self.table.itemChanged.connect(self._cell_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        agenda_label = QLabel(_("&Agenda items:"))
        agenda_label.setBuddy(self.table)

        self.add_button = QPushButton(_("Add &item…"))
        self.add_button.clicked.connect(self.add_item_asked)
        self.remove_button = QPushButton(_("&Remove item"))
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button = QPushButton(_("Move &up"))
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton(_("Move do&wn"))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        buttons = (self.add_button, self.remove_button, self.up_button, self.down_button)
        for button in buttons:
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.papers_field = QLineEdit()
        self.papers_field.setAccessibleName(_("Papers for the chosen agenda item"))
        self.papers_field.setPlaceholderText(_("Names or links of the papers to read before"))
        self.papers_field.textEdited.connect(self._papers_changed)
        papers_label = QLabel(_("Pape&rs for this item:"))
        papers_label.setBuddy(self.papers_field)
        self.total = QLabel()
        self.total.setAccessibleName(_("Agenda length"))

        layout = QVBoxLayout(self)
        layout.addWidget(agenda_label)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.total)
        layout.addLayout(row)
        papers_row = QHBoxLayout()
        papers_row.addWidget(papers_label)
        papers_row.addWidget(self.papers_field, 1)
        layout.addLayout(papers_row)

    def make_read_only(self) -> None:
        self.papers_field.setReadOnly(True)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def fill(self, select: int | None = None) -> None:
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(self._agenda))
        for row, entry in enumerate(self._agenda):
            for column, text in ((A_TITLE, entry.title), (A_PRESENTER, entry.presenter),
                                 (A_MINUTES, str(entry.minutes))):
                item = QTableWidgetItem(text)
                if column == A_MINUTES:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.blockSignals(False)
        if select is not None and 0 <= select < len(self._agenda):
            select_row(table, select)
        self._selection_changed()
        total = sum(entry.minutes for entry in self._agenda)
        self.total.setText(_("{items}, {minutes} in all").format(
            items=ngettext("{n} item", "{n} items", len(self._agenda)).format(
                n=len(self._agenda)),
            minutes=ngettext("{n} minute", "{n} minutes", total).format(n=total)))

    def _row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        row = self._row()
        chosen = row is not None and not self._read_only
        for widget in (self.remove_button, self.papers_field):
            widget.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < len(self._agenda) - 1)
        self.papers_field.setText(self._agenda[row].papers if row is not None else "")

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        entry = self._agenda[item.row()]
        text = item.text().strip()
        if item.column() == A_TITLE:
            if text:
                entry.title = text
            else:  # an item keeps a title
                self.fill(item.row())
        elif item.column() == A_PRESENTER:
            entry.presenter = text
        else:
            try:
                entry.minutes = max(1, int(text))
            except ValueError:
                pass
            self.fill(item.row())

    def _papers_changed(self, text: str) -> None:
        row = self._row()
        if row is not None:
            self._agenda[row].papers = text

    def add_item_asked(self) -> None:
        title = prompts.ask_text(self.window(), _("Add an agenda item"),
                                 _("What is the item about?"))
        if title:
            self.add_item(title)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_item(self, title: str, presenter: str = "", minutes: int = 10,
                 papers: str = "") -> None:
        self._agenda.append(_AgendaRow(None, title.strip(), presenter, minutes, papers))
        self.fill(len(self._agenda) - 1)

    def remove_item(self) -> None:
        row = self._row()
        if row is not None:
            self._agenda.pop(row)
            self.fill(min(row, len(self._agenda) - 1))

    def move_item(self, offset: int) -> None:
        row = self._row()
        if row is None or not 0 <= row + offset < len(self._agenda):
            return
        self._agenda[row], self._agenda[row + offset] = self._agenda[row + offset], \
            self._agenda[row]
        self.fill(row + offset)

    def entries(self) -> list[AgendaInput]:
        """The agenda as the table shows it, for a new meeting."""
        return [row.entry() for row in self._agenda]

    def save(self, meetings, meeting_id: int) -> None:
        """Make the stored agenda of ``meeting_id`` what the table shows: removed, changed,
        added, in order (``meetings`` is the meetings service)."""
        kept = {row.item_id for row in self._agenda if row.item_id is not None}
        for item_id in self._original_ids:
            if item_id not in kept:
                meetings.remove_agenda_item(item_id)
        for row in self._agenda:
            if row.item_id is None:
                row.item_id = meetings.add_agenda_item(meeting_id, row.entry())
            else:
                meetings.update_agenda_item(row.item_id, row.entry())
        self._original_ids = [row.item_id for row in self._agenda]
        wanted = list(self._original_ids)
        stored = [item.id for item in meetings.get_meeting(meeting_id).agenda]
        # Move each item up into its place, one step at a time, as a person would.
        for target, item_id in enumerate(wanted):
            position = stored.index(item_id)
            while position > target:
                meetings.move_agenda_item(item_id, -1)
                stored[position - 1], stored[position] = stored[position], stored[position - 1]
                position -= 1
