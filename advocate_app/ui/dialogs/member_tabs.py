"""The editor's tabs beyond the person's name and address: access and contact, health
(special-category data), consent, and the engagement timeline with related members."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
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
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    PrintFormat,
    reconcile_format_needs,
)
from advocate_app.domain.member_views import ConditionInput, ContactInput, MemberDetails
from advocate_app.domain.people import CONTACT_LABELS, contact_label_text
from advocate_app.i18n import _, pgettext
from advocate_app.i18n.formatting import format_date
from advocate_app.services.errors import ValidationError
from advocate_app.ui.widgets.dates import prepare_date_edit
from advocate_app.ui.widgets.tables import fill, read_only_table, readable_columns


class EditorForm(Protocol):
    """What a tab needs of the editor that holds it: the main email and phone fields, and the
    editor's way of adding a labelled field whose errors it shows (the member editor dialog)."""

    email: QLineEdit
    phone: QLineEdit
    fields: dict[str, QWidget]
    errors: dict[str, QLabel]
    _labels: dict[str, str]

    def _add_row(self, form: QFormLayout, name: str, label_text: str,
                 field: QWidget) -> None: ...


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _checkbox_grid(title: str, items, columns: int = 2) -> tuple[QGroupBox, dict]:
    box = QGroupBox(title)
    grid = QGridLayout(box)
    checks = {}
    for number, item in enumerate(items):
        check = QCheckBox(item.label)
        check.setAccessibleName(item.label)
        grid.addWidget(check, number // columns, number % columns)
        checks[item] = check
    return box, checks


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
        self.needs_box, self.needs = _checkbox_grid(_("Access needs"), list(AccessNeed))
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
        self.channels_box, self.channels = _checkbox_grid(_("Happy to be contacted by"),
                                                          list(Channel), columns=4)
        form.addRow(self.channels_box)
        self.contact_times = QLineEdit()
        self.contact_times.setPlaceholderText(_("For example: weekday afternoons"))
        editor._add_row(form, "contact_times", _("Best &times to contact:"), self.contact_times)
        self.region = QLineEdit()
        editor._add_row(form, "region", _("&Region:"), self.region)
        self.barriers_box, self.barriers = _checkbox_grid(_("What makes taking part hard"),
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


class HealthTab(QWidget):
    """Special-category data: kept out of exports and other people's views unless needed."""

    def __init__(self, editor: EditorForm):
        super().__init__()
        layout = QVBoxLayout(self)
        notice = QLabel(_("Health details are sensitive. They are left out of exports unless "
                          "someone asks for them on purpose."))
        notice.setWordWrap(True)
        layout.addWidget(notice)
        form = QFormLayout()
        self.known_birth = QCheckBox(_("Date of birth &known"))
        self.birth = QDateEdit()
        self.birth.setCalendarPopup(True)
        prepare_date_edit(self.birth)
        self.birth.setDate(QDate(1980, 1, 1))
        self.birth.setEnabled(False)
        self.known_birth.toggled.connect(self.birth.setEnabled)
        form.addRow(self.known_birth)
        editor._add_row(form, "date_of_birth", _("Date of &birth:"), self.birth)
        layout.addLayout(form)
        self.conditions = QTableWidget(0, 4)
        self.conditions.setHorizontalHeaderLabels([
            _("Condition"), _("ORPHAcode"), _("Diagnosis confirmed"), _("Genetic test done")])
        readable_columns(self.conditions, 0)
        self.conditions.verticalHeader().setVisible(False)
        self.conditions.setAccessibleName(_("Conditions"))
        conditions_label = QLabel(_("&Conditions:"))
        conditions_label.setBuddy(self.conditions)
        editor.fields["conditions"] = self.conditions
        editor.errors["conditions"] = QLabel()
        editor.errors["conditions"].setWordWrap(True)
        editor.errors["conditions"].setVisible(False)
        editor._labels["conditions"] = _("Conditions")
        add = QPushButton(_("Add a &condition"))
        remove = QPushButton(_("Remo&ve the selected condition"))
        add.clicked.connect(lambda: self._add(ConditionInput("")))
        remove.clicked.connect(lambda: self.conditions.removeRow(self.conditions.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(conditions_label)
        layout.addWidget(self.conditions, 1)
        layout.addWidget(editor.errors["conditions"])
        layout.addLayout(buttons)

    def _add(self, condition: ConditionInput) -> None:
        row = self.conditions.rowCount()
        self.conditions.insertRow(row)
        self.conditions.setItem(row, 0, QTableWidgetItem(condition.name))
        self.conditions.setItem(row, 1, QTableWidgetItem(condition.orpha_code))
        for column, value in ((2, condition.diagnosis_confirmed),
                              (3, condition.genetic_test_done)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            self.conditions.setItem(row, column, item)
        self.conditions.setCurrentCell(row, 0)

    def load(self, member: MemberDetails) -> None:
        if member.date_of_birth is not None:
            self.known_birth.setChecked(True)
            born = member.date_of_birth
            self.birth.setDate(QDate(born.year, born.month, born.day))
        for condition in member.conditions:
            self._add(condition)

    def _text(self, row: int, column: int) -> str:
        item = self.conditions.item(row, column)
        return item.text() if item else ""

    def _checked(self, row: int, column: int) -> bool:
        item = self.conditions.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def values(self) -> dict:
        conditions = []
        for row in range(self.conditions.rowCount()):
            name, code = self._text(row, 0), self._text(row, 1)
            if name.strip() or code.strip():
                conditions.append(ConditionInput(name, code, self._checked(row, 2),
                                                 self._checked(row, 3)))
        return {
            "date_of_birth": self.birth.date().toPython() if self.known_birth.isChecked()
            else None,
            "conditions": tuple(conditions),
        }


def _explain_until_saved(layout: QVBoxLayout, text: str) -> None:
    """A tab that records history needs a saved member; until then it says so."""
    note = QLabel(text)
    note.setWordWrap(True)
    layout.addWidget(note)
    layout.addStretch(1)


class ConsentTab(QWidget):
    """Consent at a glance, its history, and recording a new answer.

    For a member already saved, an answer is saved at once (and the editor says so: Cancel
    does not take it back). For a new member, answers wait in the tab and are saved with the
    member; Cancel drops them.
    """

    def __init__(self, services, member: MemberDetails | None):
        super().__init__()
        self._services = services
        self._member = member
        #: Answers for a new member, newest first, saved with the member.
        self.pending: list = []
        #: Answers saved while the editor was open, in words, for the editor to mention.
        self.saved_now: list[str] = []
        layout = QVBoxLayout(self)
        self.glance = QLabel()
        self.glance.setWordWrap(True)
        self.glance.setTextFormat(Qt.TextFormat.PlainText)
        self.glance.setAccessibleName(_("Consent now"))
        layout.addWidget(self.glance)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.purpose = QComboBox()
        for item in ConsentPurpose:
            self.purpose.addItem(item.label, item.value)
        self.status = QComboBox()
        for item in (ConsentStatus.GRANTED, ConsentStatus.WITHDRAWN):
            self.status.addItem(item.label, item.value)
        self.method = QComboBox()
        for item in ConsentMethod:
            self.method.addItem(item.label, item.value)
        self.given_on = QDateEdit(QDate.currentDate())
        self.given_on.setCalendarPopup(True)
        prepare_date_edit(self.given_on)
        self.has_expiry = QCheckBox(_("Review or e&xpiry date"))
        self.expires_on = QDateEdit(QDate.currentDate().addYears(2))
        self.expires_on.setCalendarPopup(True)
        prepare_date_edit(self.expires_on)
        self.expires_on.setEnabled(False)
        self.has_expiry.toggled.connect(self.expires_on.setEnabled)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(_("For example: form filed in the 2025 folder"))
        for text, widget in ((_("&Purpose:"), self.purpose), (_("&Answer:"), self.status),
                             (_("&How:"), self.method), (_("&Date:"), self.given_on),
                             (_("E&vidence:"), self.evidence)):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":").strip())
            form.addRow(label, widget)
        self.expires_on.setAccessibleName(_("Review or expiry date"))
        form.addRow(self.has_expiry, self.expires_on)
        self.record_button = QPushButton(_("&Record this answer"))
        self.record_button.clicked.connect(self.record)
        form.addRow(self.record_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.message)
        layout.addLayout(form)
        self.history = read_only_table([_("Purpose"), _("Answer"), _("Date"), _("How"),
                                        pgettext("consent", "Evidence"), _("Recorded by")],
                                       _("Consent history"),
                                       main=4)
        layout.addWidget(QLabel(_("History (newest first)")))
        layout.addWidget(self.history, 1)
        if member is None:
            self.message.setText(_("Answers recorded here are saved with the new member."))
        self.refresh()

    @staticmethod
    def describe(entry) -> str:
        """An answer in a few words: "Newsletter: granted"."""
        return _("{purpose}: {answer}").format(purpose=entry.purpose.label,
                                              answer=entry.status.label.lower())

    def refresh(self) -> None:
        consent = self._services.consent
        records = consent.history(self._member.id) if self._member is not None else []
        states = consent.current(self._member.id) if self._member is not None else {}
        waiting = {}
        for entry in reversed(self.pending):  # oldest first: the newest answer decides
            waiting[entry.purpose] = entry
        lines = []
        for purpose in ConsentPurpose:
            state = states.get(purpose)
            if purpose in waiting:
                answer = _("{answer} from {date}, saved with the member").format(
                    answer=waiting[purpose].status.label.lower(),
                    date=format_date(waiting[purpose].effective_on))
            elif state is None or state.status is None:
                answer = _("not asked")
            else:
                answer = _("{answer} since {date}").format(answer=state.status.label.lower(),
                                                          date=format_date(state.since))
            lines.append(_("{purpose}: {answer}").format(purpose=purpose.label, answer=answer))
        self.glance.setText("\n".join(lines))
        rows = [(entry.purpose.label, entry.status.label, format_date(entry.effective_on),
                 entry.method.label, entry.evidence, _("Not saved yet"))
                for entry in self.pending]
        rows += [(record.purpose.label, record.status.label, format_date(record.effective_on),
                  record.method.label, record.evidence, record.recorded_by)
                 for record in records]
        fill(self.history, rows)

    def _entry(self):
        from advocate_app.services.consent import ConsentEntry

        return ConsentEntry(
            ConsentPurpose(self.purpose.currentData()), ConsentStatus(self.status.currentData()),
            ConsentMethod(self.method.currentData()), self.given_on.date().toPython(),
            self.expires_on.date().toPython() if self.has_expiry.isChecked() else None,
            self.evidence.text().strip())

    def record(self) -> None:
        from advocate_app.services.errors import ServiceError

        entry = self._entry()
        try:
            if self._member is None:
                self._services.consent.check(entry)
            else:
                self._services.consent.record(self._member.id, entry)
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        if self._member is None:
            self.pending.insert(0, entry)
            self.message.setText(_("Kept: it is saved with the new member when you save."))
        else:
            self.saved_now.append(self.describe(entry))
            self.message.setText(_("Recorded and saved now. Cancel does not take it back."))
        self.evidence.clear()
        self.refresh()

    def save_pending(self, member_id: int) -> None:
        """Save the answers kept for a new member, oldest first (raises ServiceError)."""
        while self.pending:
            self._services.consent.record(member_id, self.pending[-1])
            self.pending.pop()


class TimelineTab(QWidget):
    """What the member took part in, notes of calls and emails, and related members."""

    def __init__(self, services, member: MemberDetails | None):
        super().__init__()
        self._services = services
        self._member = member
        #: Entries saved while the editor was open, in words, for the editor to mention.
        self.saved_now: list[str] = []
        layout = QVBoxLayout(self)
        if member is None:
            _explain_until_saved(layout, _("Save the new member first; then add to their timeline here."))
            return
        from advocate_app.domain.community import EngagementKind, RelationshipKind

        self.entries = read_only_table([_("Date"), _("What"), _("Summary"), _("Recorded by")],
                                       _("Timeline, newest first"), main=2)
        add_row = QHBoxLayout()
        self.kind = QComboBox()
        for kind in EngagementKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setAccessibleName(_("Kind of entry"))
        self.when = QDateEdit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        prepare_date_edit(self.when)
        self.when.setAccessibleName(_("Date of the entry"))
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(_("What happened, in a few words"))
        self.summary.setAccessibleName(_("Summary of the entry"))
        self.add_button = QPushButton(_("Add to the ti&meline"))
        self.add_button.clicked.connect(self.add_entry)
        for widget in (self.kind, self.when):
            add_row.addWidget(widget)
        add_row.addWidget(self.summary, 1)
        add_row.addWidget(self.add_button)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.relations = read_only_table([_("Related members")], _("Related members"))
        relate_row = QHBoxLayout()
        self.relation_kind = QComboBox()
        for kind in RelationshipKind:
            self.relation_kind.addItem(kind.label, kind.value)
        self.relation_kind.setAccessibleName(_("This member is"))
        self.find_other = QLineEdit()
        self.find_other.setPlaceholderText(_("Find the other member by name"))
        self.find_other.setAccessibleName(_("Find the other member"))
        self.other = QComboBox()
        self.other.setAccessibleName(_("Other member"))
        self.find_other.textChanged.connect(self._find)
        self.relate_button = QPushButton(_("Rel&ate"))
        self.relate_button.clicked.connect(self.relate)
        self.unrelate_button = QPushButton(_("Remove the selected &link"))
        self.unrelate_button.clicked.connect(self.unrelate)
        for widget in (self.relation_kind, self.find_other, self.other, self.relate_button,
                       self.unrelate_button):
            relate_row.addWidget(widget, 1 if widget is self.other else 0)
        timeline_label = QLabel(_("Timeline (newest first)"))
        timeline_label.setBuddy(self.entries)
        layout.addWidget(timeline_label)
        layout.addWidget(self.entries, 2)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        relations_label = QLabel(_("Related members"))
        relations_label.setBuddy(self.relations)
        layout.addWidget(relations_label)
        layout.addWidget(self.relations, 1)
        layout.addLayout(relate_row)
        self._relationships = []
        self.refresh()

    def refresh(self) -> None:
        fill(self.entries, ((format_date(e.occurred_on), e.kind.label, e.summary,
                             e.recorded_by) for e in self._services.timeline.timeline(
                                 self._member.id)))
        self._relationships = self._services.timeline.relationships(self._member.id)
        fill(self.relations, ((r.label,) for r in self._relationships))

    def add_entry(self) -> None:
        from advocate_app.domain.community import EngagementKind
        from advocate_app.services.timeline import EngagementEntry

        entry = EngagementEntry(EngagementKind(self.kind.currentData()),
                                self.when.date().toPython(), self.summary.text())
        try:
            self._services.timeline.add(self._member.id, entry)
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        self.saved_now.append(_("{what} of {date}").format(what=entry.kind.label,
                                                           date=format_date(entry.occurred_on)))
        self.message.setText(_("Added to the timeline and saved now. Cancel does not take it "
                               "back."))
        self.summary.clear()
        self.refresh()

    def _find(self, text: str) -> None:
        self.other.clear()
        if len(text.strip()) < 2:
            return
        for row in self._services.members.search(text, 20):
            if row.id != self._member.id:
                self.other.addItem(_("{name} (member {id})").format(name=row.display_name,
                                                                   id=row.id), row.id)

    def relate(self) -> None:
        from advocate_app.domain.community import RelationshipKind

        other = self.other.currentData()
        if other is None:
            self.message.setText(_("Find the other member first."))
            return
        try:
            self._services.timeline.relate(self._member.id,
                                           RelationshipKind(self.relation_kind.currentData()),
                                           other)
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        self.message.setText("")
        self.refresh()

    def unrelate(self) -> None:
        row = self.relations.currentRow()
        if 0 <= row < len(self._relationships):
            self._services.timeline.unrelate(self._relationships[row].id)
            self.refresh()
