"""Records that look like the same person, and merging them (in the background)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _, ngettext
from advocate_app.ui import prompts
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row, RowsModel, select_id, selected_id
from advocate_app.ui.tasks import run_in_background
from advocate_app.ui.widgets.tables import rows_table


class DuplicatesDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self._services = services
        self.merged = 0
        self.task = None
        self.setWindowTitle(_("Find duplicates"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # A pair's id is the two members' ids; why they look alike is the text that wraps.
        self.table = rows_table(RowsModel([_("Keep"), _("Merge into it"), _("Why")]),
                                _("Possible duplicates"), main=2)
        self.merge_button = QPushButton(_("&Merge the selected pair"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.refresh()

    def refresh(self) -> None:
        self.pairs = self._services.duplicates.find()
        self.table.model().set_rows(
            Row((pair.first_id, pair.second_id), (
                _("{name} (member {id})").format(name=pair.first_name, id=pair.first_id),
                _("{name} (member {id})").format(name=pair.second_name, id=pair.second_id),
                pair.reason))
            for pair in self.pairs)
        self.summary.setText(ngettext(
            "{n} pair of records looks like the same person. Merging keeps everything: "
            "details, roles, tags and consent history.",
            "{n} pairs of records look like the same person. Merging keeps everything: "
            "details, roles, tags and consent history.", len(self.pairs)).format(
            n=len(self.pairs)) if self.pairs else _("No duplicates found."))
        self.merge_button.setEnabled(bool(self.pairs))
        if self.pairs:
            select_id(self.table, None, or_first=True)

    def merge_selected(self) -> None:
        chosen = selected_id(self.table)
        pair = next((p for p in self.pairs if (p.first_id, p.second_id) == chosen), None)
        if pair is None:
            return
        if not prompts.confirm(
                self, _("Merge records"),
                _("Merge {second} (member {second_id}) into {first} (member {first_id})? The "
                  "second record's details, roles, tags and consent history move to the "
                  "first, and the merge is recorded.").format(
                    first=pair.first_name, first_id=pair.first_id, second=pair.second_name,
                    second_id=pair.second_id),
                destructive_label=_("Merge")):
            return
        self.merge_button.setEnabled(False)
        self.status.setText(_("Merging…"))
        duplicates = self._services.duplicates

        def work(progress, should_cancel):
            progress(0, 1)
            duplicates.merge(pair.first_id, pair.second_id)
            progress(1, 1)

        self.task = run_in_background(self, work, on_done=self._merged, on_error=self._failed)

    def _merged(self, _result) -> None:
        self.merged += 1
        self.status.setText(_("Merged."))
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))
        self.refresh()
