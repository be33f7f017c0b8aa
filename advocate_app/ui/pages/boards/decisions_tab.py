"""The Decisions tab: every board's decisions, found by the words in them."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date
from advocate_app.ui.models.rows import Row
from advocate_app.ui.pages.boards.common import records_table


class DecisionsTab(QWidget):
    def __init__(self, services):
        super().__init__()
        self._services = services
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Words in the decision, dissent or meeting"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Find decisions with the words"))
        self.search.textChanged.connect(lambda _text: self.refresh())
        search_label = QLabel(_("&Find:"))
        search_label.setBuddy(self.search)
        self.table = records_table([_("Date"), _("Board"), _("Meeting"), _("Decision"),
                                    _("Decided by"), _("Dissent")],
                                   _("Decisions of every board"), (3, 5))
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def show_board(self, _board) -> None:
        """Decisions of every board are listed, whichever is chosen."""

    def refresh(self) -> None:
        found = self._services.minutes.decisions(text=self.search.text().strip())
        self.table.model().set_rows(
            Row(d.id, (format_date(d.meeting_start.astimezone() if d.meeting_start else None),
                       d.board_name, d.meeting_title, d.text, d.decided_by, d.dissent))
            for d in found)
        count = len(found)
        self.count_label.setText(ngettext("{n} decision", "{n} decisions", count).format(
            n=count))
