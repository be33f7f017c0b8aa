"""The editor's Access and contact tab: other email addresses and phone numbers, access
needs, printed format, ways and times to contact, and what makes taking part hard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.community import (
    FORMAT_OF_NEED,
    AccessNeed,
    Barrier,
    Channel,
    PrintFormat,
    reconcile_format_needs,
)
from advocate_app.domain.member_views import ContactInput, MemberDetails
from advocate_app.domain.people import CONTACT_LABELS, contact_label_text
from advocate_app.i18n import _
from advocate_app.ui.dialogs.member_tabs import EditorForm
from advocate_app.ui.widgets.checks import checkbox_grid


class ContactsList(QWidget):
    """A member's other email addresses and phone numbers, each with a label; the main ones
    are the Email and Phone fields of the Person tab ("Make main" swaps with them)."""

    KIND, VALUE, LABEL = range(3)

    def __init__(self, email: QLineEdit, phone: QLineEdit):
        super().__init__()
        # The Person tab's fields, not the editor: no reference back to the dialog.
        self._mains = {"email": email, "phone": phone}
        self.main_labels = {"email": "", "phone": ""}
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Kind"), _("Address or number"), _("Label")])
        self.table.setAccessibleName(_("Other email addresses and phone numbers"))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.LABEL, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(self.LABEL, self.fontMetrics().averageCharWidth() * 16)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.table.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.add_email = QPushButton(_("Add an e&mail address"))
        self.add_phone = QPushButton(_("Add a p&hone number"))
        self.remove = QPushButton(_("Remo&ve"))
        self.make_main = QPushButton(_("Ma&ke main"))
        self.make_main.setToolTip(_("Use this one first: it becomes the Email or Phone of the "
                                    "Person tab"))
        self.add_email.clicked.connect(lambda: self._add_new("email"))
        self.add_phone.clicked.connect(lambda: self._add_new("phone"))
        self.remove.clicked.connect(self._remove)
        self.make_main.clicked.connect(self._make_main)
        buttons = QHBoxLayout()
        for button in (self.add_email, self.add_phone, self.make_main, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    @staticmethod
    def _kind_text(kind: str) -> str:
        return _("Email") if kind == "email" else _("Phone")

    def add(self, contact: ContactInput) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QTableWidgetItem(self._kind_text(contact.kind))
        kind.setData(Qt.ItemDataRole.UserRole, contact.kind)
        kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, self.KIND, kind)
        self.table.setItem(row, self.VALUE, QTableWidgetItem(contact.value))
        self.table.setItem(row, self.LABEL, QTableWidgetItem(contact_label_text(contact.label)))
        return row

    def _add_new(self, kind: str) -> None:
        row = self.add(ContactInput(kind, "", ""))
        self.table.setCurrentCell(row, self.VALUE)
        self.table.editItem(self.table.item(row, self.VALUE))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _make_main(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        chosen = self._contact(row)
        field = self._mains[chosen.kind]
        old = ContactInput(chosen.kind, field.text().strip(), self.main_labels[chosen.kind])
        self.table.removeRow(row)
        if old.value:
            self.add(old)
        field.setText(chosen.value)
        self.main_labels[chosen.kind] = chosen.label

    def _contact(self, row: int) -> ContactInput:
        label = self.table.item(row, self.LABEL).text().strip()
        codes = {_(text).casefold(): code for code, text in CONTACT_LABELS.items()}
        return ContactInput(self.table.item(row, self.KIND).data(Qt.ItemDataRole.UserRole),
                            self.table.item(row, self.VALUE).text().strip(),
                            codes.get(label.casefold(), label))

    def load(self, member: MemberDetails) -> None:
        self.table.setRowCount(0)
        for kind in ("email", "phone"):
            mine = [c for c in member.contacts if c.kind == kind]
            if mine:
                self.main_labels[kind] = mine[0].label
            for contact in mine[1:]:
                self.add(contact)

    def contacts(self) -> tuple[ContactInput, ...]:
        """The main email and phone (from the Person tab) first, then these."""
        mains = [ContactInput(kind, field.text().strip(), self.main_labels[kind])
                 for kind, field in self._mains.items() if field.text().strip()]
        others = [self._contact(row) for row in range(self.table.rowCount())]
        return tuple(mains + [c for c in others if c.value])


class AccessTab(QWidget):
    """What someone needs to take part, and how and when to reach them."""

    def __init__(self, editor: EditorForm):
        super().__init__()
        form = QFormLayout(self)
        # A label too long to sit beside its field goes above it (the contacts list).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.contacts = ContactsList(editor.email, editor.phone)
        editor._add_row(form, "contacts", _("Other email addresses and phone numbers:"),
                        self.contacts)
        self.needs_box, self.needs = checkbox_grid(_("Access needs"), list(AccessNeed))
        form.addRow(self.needs_box)
        self.sign_language = QLineEdit()
        self.sign_language.setPlaceholderText(_("For example: BSL, LSF, ASL"))
        editor._add_row(form, "sign_language", _("Si&gn language:"), self.sign_language)
        self.print_format = QComboBox()
        self.print_format.addItem(_("Not known"), "")
        for item in PrintFormat:
            self.print_format.addItem(item.label, item.value)
        editor._add_row(form, "print_format", _("Printed material &in:"), self.print_format)
        # "Large print" and "Easy Read" are needs and formats at once: each updates the other.
        self._format_shown = self._chosen_format()
        self._syncing = False
        for need in FORMAT_OF_NEED:
            self.needs[need].toggled.connect(lambda _on, need=need: self._need_toggled(need))
        self.print_format.currentIndexChanged.connect(self._format_changed)
        self.channels_box, self.channels = checkbox_grid(_("Happy to be contacted by"),
                                                          list(Channel), columns=4)
        form.addRow(self.channels_box)
        self.contact_times = QLineEdit()
        self.contact_times.setPlaceholderText(_("For example: weekday afternoons"))
        editor._add_row(form, "contact_times", _("Best &times to contact:"), self.contact_times)
        self.region = QLineEdit()
        editor._add_row(form, "region", _("&Region:"), self.region)
        self.barriers_box, self.barriers = checkbox_grid(_("What makes taking part hard"),
                                                          list(Barrier))
        form.addRow(self.barriers_box)
        self.barrier_notes = QPlainTextEdit()
        self.barrier_notes.setTabChangesFocus(True)
        self.barrier_notes.setFixedHeight(self.barrier_notes.fontMetrics().lineSpacing() * 4)
        editor._add_row(form, "barrier_notes", _("More &about this:"), self.barrier_notes)

    def load(self, member: MemberDetails) -> None:
        self.contacts.load(member)
        for item, check in self.needs.items():
            check.setChecked(item in member.access_needs)
        for item, check in self.channels.items():
            check.setChecked(item in member.channels)
        for item, check in self.barriers.items():
            check.setChecked(item in member.barriers)
        self.sign_language.setText(member.sign_language)
        self._show_format(member.print_format)
        self.contact_times.setText(member.contact_times)
        self.region.setText(member.region)
        self.barrier_notes.setPlainText(member.barrier_notes)

    def _chosen_format(self) -> PrintFormat | None:
        chosen = self.print_format.currentData()
        return PrintFormat(chosen) if chosen else None

    def _show_format(self, fmt: PrintFormat | None) -> None:
        self._syncing = True
        self.print_format.setCurrentIndex(max(0, self.print_format.findData(
            fmt.value if fmt else "")))
        self._syncing = False
        self._format_shown = fmt

    def _needs_ticked(self) -> frozenset[AccessNeed]:
        return frozenset(i for i, c in self.needs.items() if c.isChecked())

    def _need_toggled(self, need: AccessNeed) -> None:
        if self._syncing:
            return
        fmt = self._chosen_format()
        if not self.needs[need].isChecked() and fmt is FORMAT_OF_NEED[need]:
            fmt = PrintFormat.STANDARD  # no longer needed: print as standard (or the other)
        self._show_format(reconcile_format_needs(fmt, self._needs_ticked())[0])

    def _format_changed(self) -> None:
        if self._syncing:
            return
        fmt, before = self._chosen_format(), self._format_shown
        self._format_shown = fmt
        self._syncing = True
        for need, need_format in FORMAT_OF_NEED.items():
            if fmt is need_format:
                self.needs[need].setChecked(True)
            elif before is need_format and fmt in (None, PrintFormat.STANDARD,
                                                   *FORMAT_OF_NEED.values()):
                self.needs[need].setChecked(False)  # moved away from it: not needed
        self._syncing = False

    def values(self) -> dict:
        chosen = self.print_format.currentData()
        return {
            "access_needs": frozenset(i for i, c in self.needs.items() if c.isChecked()),
            "channels": frozenset(i for i, c in self.channels.items() if c.isChecked()),
            "barriers": frozenset(i for i, c in self.barriers.items() if c.isChecked()),
            "sign_language": self.sign_language.text(),
            "print_format": PrintFormat(chosen) if chosen else None,
            "contact_times": self.contact_times.text(), "region": self.region.text(),
            "barrier_notes": self.barrier_notes.toPlainText(),
            "contacts": self.contacts.contacts(),
        }
