"""The audit log, for administrators: who viewed, exported, changed, merged, erased, printed or
rendered what, and when; a page at a time, filtered by action and date, exported as CSV or
JSON in the background. It names records by their number, never a member."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.audit_views import AuditAction, AuditEntry, AuditQuery
from advocate_app.domain.people import account_name
from advocate_app.i18n import _, ngettext, pgettext
from advocate_app.i18n.collation import sort_key
from advocate_app.i18n.formatting import date_edit_format, format_datetime, format_number
from advocate_app.ui import prompts
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import fill, read_only_table

#: Lines shown on one page.
PAGE = 200


class AuditLogDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self._services = services
        self.offset = 0
        self.total = 0
        self.export_task = None
        self.setWindowTitle(_("Audit log"))
        explain = QLabel(_("What each account did that touches people's data, newest first. "
                           "Records are named by their number; the log holds no names of "
                           "members and no health details, and nothing in it can be changed "
                           "or removed."))
        explain.setWordWrap(True)

        self.action = QComboBox()
        self.action.addItem(_("All actions"), None)
        for action in sorted(AuditAction, key=lambda a: sort_key(a.label)):
            self.action.addItem(action.label, action.value)
        self.action.setAccessibleName(_("Action"))
        action_label = QLabel(pgettext("audit log filter", "&Action:"))
        action_label.setBuddy(self.action)
        self.since_on = QCheckBox(_("&Since:"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(date_edit_format())
        self.since.setEnabled(False)
        self.since.setAccessibleName(_("Since"))
        self.since_on.toggled.connect(self.since.setEnabled)
        self.since_on.toggled.connect(self.first_page)
        self.since.dateChanged.connect(self.first_page)
        self.action.currentIndexChanged.connect(self.first_page)
        filters = QHBoxLayout()
        for widget in (action_label, self.action, self.since_on, self.since):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.table = read_only_table(
            [_("When"), _("Account"), _("Action"), _("Record"), _("Number"), _("How many"),
             _("Detail")], _("Audit log"), main=6)
        self.page_label = QLabel()
        self.previous_button = QPushButton(_("&Previous page"))
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button = QPushButton(_("Ne&xt page"))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.export_button = QPushButton(_("&Export…"))
        self.export_button.clicked.connect(self.export)
        paging = QHBoxLayout()
        for widget in (self.previous_button, self.next_button, self.page_label):
            paging.addWidget(widget)
        paging.addStretch(1)
        paging.addWidget(self.export_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 620)
        self.read()

    def query(self) -> AuditQuery:
        """The filters chosen, on the page shown."""
        value = self.action.currentData()
        since = None
        if self.since_on.isChecked():
            # The start of the chosen day, in this computer's time zone.
            since = datetime.combine(self.since.date().toPython(), time()).astimezone(UTC)
        return AuditQuery(since=since, action=AuditAction(value) if value else None,
                          offset=self.offset, limit=PAGE)

    def first_page(self) -> None:
        self.offset = 0
        self.read()

    def turn(self, pages: int) -> None:
        self.offset = max(0, self.offset + pages * PAGE)
        self.read()

    def read(self) -> None:
        query = self.query()
        audit = self._services.audit
        self.total = audit.count(query)
        entries = audit.list(query)
        fill(self.table, (Row(entry.id, _cells(entry)) for entry in entries))
        first = self.offset + 1 if entries else 0
        last = self.offset + len(entries)
        if self.total:
            text = ngettext("Lines {first}–{last} of {total}", "Lines {first}–{last} of {total}",
                            self.total).format(first=format_number(first),
                                               last=format_number(last),
                                               total=format_number(self.total))
        else:
            text = _("Nothing of that kind in the audit log.")
        self.page_label.setText(text)
        self.page_label.setAccessibleName(text)
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(last < self.total)

    def export(self) -> None:
        """Every line the filters select (all pages), as CSV or JSON, written in the
        background by the audit service."""
        from advocate_app.ui.tasks import run_in_background

        chosen = prompts.save_file(self, _("Export the audit log"), "audit-log.csv",
                                   _("CSV (*.csv);;JSON (*.json)"), "audit-log")
        if not chosen:
            return
        path = Path(chosen)
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        query = self.query()
        audit = self._services.audit
        self.export_button.setEnabled(False)
        self.status.setText(_("Exporting …"))

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(ngettext("Exported {n} line to {file}.",
                                         "Exported {n} lines to {file}.", count).format(
                n=format_number(count), file=path.name))
            self.read()  # the export is itself a line of the log

        def failed(error: Exception) -> None:
            self.export_button.setEnabled(True)
            self.status.setText("")
            prompts.error(self, _("Export the audit log"), str(error))

        self.export_task = run_in_background(
            self, lambda _progress, _cancelled: audit.export(path, fmt, query),
            on_done=done, on_error=failed)


def _cells(entry: AuditEntry) -> tuple[str, ...]:
    return (format_datetime(entry.at.astimezone(), "short", zone=False),
            account_name(entry.account_name), entry.action.label, entry.subject_kind.label,
            "" if entry.subject_id is None else str(entry.subject_id),
            "" if entry.count is None else format_number(entry.count), entry.detail)
