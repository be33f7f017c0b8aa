"""Adding or editing one member, with messages beside the fields that need attention."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.community import (
    AccessNeed,
    Barrier,
    Channel,
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    PrintFormat,
)
from advocate_app.domain.people import Role
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, language_name
from advocate_app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from advocate_app.services.member_data import ConditionInput, MemberDetails, MemberInput
from advocate_app.ui import prompts

#: Languages offered first: the EU's official languages and the world's most spoken, plus the
#: languages of large communities in Europe.
COMMON_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "pl", "ro", "el", "cs", "sk", "hu", "sv", "da",
    "fi", "et", "lv", "lt", "sl", "hr", "bg", "ga", "mt", "cy", "gd", "eu", "ca", "gl", "nb",
    "is", "uk", "ru", "tr", "ar", "he", "fa", "ur", "hi", "bn", "pa", "gu", "ta", "te", "zh",
    "ja", "ko", "vi", "th", "id", "ms", "tl", "sw", "yo", "ig", "ha", "am", "so", "sq", "sr",
)


def country_choices() -> list[tuple[str, str]]:
    """(name in the UI language, ISO code) for every country, sorted by name."""
    from babel import Locale

    from advocate_app.i18n import current_language

    try:
        territories = Locale.parse(current_language()).territories
    except (ValueError, LookupError):
        territories = Locale.parse("en").territories
    pairs = [(name, code) for code, name in territories.items()
             if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ", "QO")]
    return sorted(pairs, key=lambda pair: pair[0].casefold())


class MemberEditorDialog(QDialog):
    def __init__(self, services, member: MemberDetails | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.member = member
        self.saved: MemberDetails | None = None
        self.setWindowTitle(_("New member") if member is None
                            else _("Edit {name}").format(name=member.display_name))
        self.setModal(True)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(8, 8, 8, 8)
        self.summary.setFrameShape(QLabel.Shape.StyledPanel)
        self.summary.setVisible(False)
        self.summary.setAccessibleName(_("Problems to fix"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._labels: dict[str, str] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        def line(name: str, label: str, hint: str = "") -> QLineEdit:
            edit = QLineEdit()
            if hint:
                edit.setPlaceholderText(hint)
            self._add_row(form, name, label, edit)
            return edit

        self.given_name = line("given_name", _("&Given name:"))
        self.family_name = line("family_name", _("&Family name:"))
        self.preferred_name = line("preferred_name", _("P&referred name:"),
                                   _("What they like to be called"))
        self.pronouns = line("pronouns", _("Prono&uns:"), _("For example: she/her, they/them"))
        self.email = line("email", _("E&mail:"))
        self.phone = line("phone", _("&Phone:"))
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self._add_row(form, "address", _("A&ddress:"), self.address)
        self.postcode = line("postcode", _("Post&code:"))

        self.country = QComboBox()
        self.country.setEditable(True)
        self.country.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.country.addItem("", "")
        for name, code in country_choices():
            self.country.addItem(name, code)
        self.country.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.country.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._add_row(form, "country", _("Countr&y:"), self.country)

        self.language = QComboBox()
        self.language.addItem("", "")
        for name, code in sorted(((language_name(c), c) for c in COMMON_LANGUAGES),
                                 key=lambda pair: pair[0].casefold()):
            self.language.addItem(name, code)
        self._add_row(form, "preferred_language", _("Preferred &language:"), self.language)

        self.roles_box = QGroupBox(_("Roles"))
        self.roles_box.setAccessibleName(_("Roles"))
        roles_grid = QGridLayout(self.roles_box)
        self.role_boxes: dict[Role, QCheckBox] = {}
        for number, role in enumerate(Role):
            box = QCheckBox(role.label)
            box.setAccessibleName(role.label)
            roles_grid.addWidget(box, number // 3, number % 3)
            self.role_boxes[role] = box

        form.addRow(self.roles_box)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(_("Separate tags with commas"))
        self._add_row(form, "tags", _("&Tags:"), self.tags)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self._add_row(form, "notes", _("N&otes:"), self.notes)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, _("P&erson"))
        self.access_tab = AccessTab(self)
        self.tabs.addTab(_scrolled(self.access_tab), _("&Access and contact"))
        self.health_tab = HealthTab(self)
        self.tabs.addTab(_scrolled(self.health_tab), _("&Health"))
        self.consent_tab = ConsentTab(services, member)
        self.tabs.addTab(self.consent_tab, _("Co&nsent"))
        self.timeline_tab = TimelineTab(services, member)
        self.tabs.addTab(self.timeline_tab, _("Time&line"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        if member is not None:
            self._load(member)
        self._initial = self.current_input()
        self.resize(max(640, self.sizeHint().width() + 80),
                    min(780, body.sizeHint().height() + 180))
        self.given_name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ---------------------------------------------------------------------------

    def _add_row(self, form: QFormLayout, name: str, label_text: str, field: QWidget) -> None:
        label = QLabel(label_text)
        label.setBuddy(field)
        plain = label_text.replace("&", "").rstrip(":").strip()
        field.setAccessibleName(plain)
        error = QLabel()
        error.setWordWrap(True)
        error.setVisible(False)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setForegroundRole(error.foregroundRole())
        font = error.font()
        font.setBold(True)
        error.setFont(font)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(2)
        column_layout.addWidget(field)
        column_layout.addWidget(error)
        form.addRow(label, column)
        self.fields[name] = field
        self.errors[name] = error
        self._labels[name] = plain

    def _load(self, member: MemberDetails) -> None:
        for name in ("given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
                     "postcode"):
            self.fields[name].setText(getattr(member, name))
        self.address.setPlainText(member.address)
        self.notes.setPlainText(member.notes)
        self._select_data(self.country, member.country)
        self._select_data(self.language, member.preferred_language)
        for role, box in self.role_boxes.items():
            box.setChecked(role in member.roles)
        self.tags.setText(", ".join(member.tags))
        self.access_tab.load(member)
        self.health_tab.load(member)

    @staticmethod
    def _select_data(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0 and value:
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # --- reading and saving -----------------------------------------------------------------

    def current_input(self) -> MemberInput:
        return MemberInput(
            given_name=self.given_name.text(), family_name=self.family_name.text(),
            preferred_name=self.preferred_name.text(), pronouns=self.pronouns.text(),
            email=self.email.text(), phone=self.phone.text(),
            address=self.address.toPlainText(), postcode=self.postcode.text(),
            country=self._combo_value(self.country),
            preferred_language=self.language.currentData() or "",
            roles=frozenset(role for role, box in self.role_boxes.items() if box.isChecked()),
            tags=tuple(t for t in (part.strip() for part in self.tags.text().split(",")) if t),
            notes=self.notes.toPlainText(),
            **self.access_tab.values(), **self.health_tab.values(),
        )

    @staticmethod
    def _combo_value(combo: QComboBox) -> str:
        typed = combo.currentText().strip()
        index = combo.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return combo.itemData(index) or ""
        return typed  # validation explains what is wrong with it

    def has_changes(self) -> bool:
        return self.current_input() != self._initial

    def save(self) -> None:
        data = self.current_input()
        members = self._services.members
        try:
            if self.member is None:
                self.saved = members.create(data)
            else:
                self.saved = members.update(self.member.id, data, self.member.version)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except (ConcurrentEditError, NotFoundError) as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self.accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = errors.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.fields[name].setAccessibleDescription(message)
        lines = [ngettext("Please check this field:", "Please check these {n} fields:",
                          len(errors)).format(n=len(errors))] + [
            "• " + _("{field}: {problem}").format(field=self._labels.get(name, name),
                                                  problem=message)
            for name, message in errors.items()]
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(errors))
        first = next((name for name in self.fields if name in errors), None)
        if first is not None:
            field = self.fields[first]
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).isAncestorOf(field):
                    self.tabs.setCurrentIndex(index)
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self.has_changes() and not prompts.confirm(
                self, _("Discard changes?"),
                _("You have changes that are not saved. Close without saving them?"),
                destructive_label=_("Discard changes")):
            return
        super().reject()


def _scrolled(widget: QWidget) -> QScrollArea:
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


class AccessTab(QWidget):
    """What someone needs to take part, and how and when to reach them."""

    def __init__(self, editor: MemberEditorDialog):
        super().__init__()
        form = QFormLayout(self)
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
        for item, check in self.needs.items():
            check.setChecked(item in member.access_needs)
        for item, check in self.channels.items():
            check.setChecked(item in member.channels)
        for item, check in self.barriers.items():
            check.setChecked(item in member.barriers)
        self.sign_language.setText(member.sign_language)
        self.print_format.setCurrentIndex(max(0, self.print_format.findData(
            member.print_format.value if member.print_format else "")))
        self.contact_times.setText(member.contact_times)
        self.region.setText(member.region)
        self.barrier_notes.setPlainText(member.barrier_notes)

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
        }


class HealthTab(QWidget):
    """Special-category data: kept out of exports and other people's views unless needed."""

    def __init__(self, editor: MemberEditorDialog):
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
        self.birth.setDisplayFormat("yyyy-MM-dd")
        self.birth.setDate(QDate(1980, 1, 1))
        self.birth.setEnabled(False)
        self.known_birth.toggled.connect(self.birth.setEnabled)
        form.addRow(self.known_birth)
        editor._add_row(form, "date_of_birth", _("Date of &birth:"), self.birth)
        layout.addLayout(form)
        self.conditions = QTableWidget(0, 4)
        self.conditions.setHorizontalHeaderLabels([
            _("Condition"), _("ORPHAcode"), _("Diagnosis confirmed"), _("Genetic test done")])
        self.conditions.horizontalHeader().setStretchLastSection(True)
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


class ConsentTab(QWidget):
    """Consent at a glance, its history, and recording a new answer (saved at once)."""

    def __init__(self, services, member: MemberDetails | None):
        super().__init__()
        self._services = services
        self._member = member
        layout = QVBoxLayout(self)
        if member is None:
            note = QLabel(_("Save the new member first; then record their consent here."))
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
            return
        self.glance = QLabel()
        self.glance.setWordWrap(True)
        self.glance.setTextFormat(Qt.TextFormat.PlainText)
        self.glance.setAccessibleName(_("Consent now"))
        layout.addWidget(self.glance)
        form = QFormLayout()
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
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.has_expiry = QCheckBox(_("Review or e&xpiry date"))
        self.expires_on = QDateEdit(QDate.currentDate().addYears(2))
        self.expires_on.setCalendarPopup(True)
        self.expires_on.setDisplayFormat("yyyy-MM-dd")
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
        form.addRow(self.message)
        layout.addLayout(form)
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels([_("Purpose"), _("Answer"), _("Date"), _("How"),
                                                _("Recorded by")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setAccessibleName(_("Consent history"))
        layout.addWidget(QLabel(_("History (newest first)")))
        layout.addWidget(self.history, 1)
        self.refresh()

    def refresh(self) -> None:
        consent = self._services.consent
        states = consent.current(self._member.id)
        lines = []
        for purpose, state in states.items():
            if state.status is None:
                answer = _("not asked")
            else:
                answer = _("{answer} since {date}").format(answer=state.status.label.lower(),
                                                          date=format_date(state.since))
            lines.append(_("{purpose}: {answer}").format(purpose=purpose.label, answer=answer))
        self.glance.setText("\n".join(lines))
        history = consent.history(self._member.id)
        self.history.setRowCount(len(history))
        for row, record in enumerate(history):
            for column, text in enumerate((record.purpose.label, record.status.label,
                                           format_date(record.effective_on),
                                           record.method.label, record.recorded_by)):
                self.history.setItem(row, column, QTableWidgetItem(text))

    def record(self) -> None:
        from advocate_app.services.consent import ConsentEntry
        from advocate_app.services.errors import ServiceError

        entry = ConsentEntry(
            ConsentPurpose(self.purpose.currentData()), ConsentStatus(self.status.currentData()),
            ConsentMethod(self.method.currentData()), self.given_on.date().toPython(),
            self.expires_on.date().toPython() if self.has_expiry.isChecked() else None,
            self.evidence.text())
        try:
            self._services.consent.record(self._member.id, entry)
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(_("Recorded."))
        self.evidence.clear()
        self.refresh()


class TimelineTab(QWidget):
    """What the member took part in, notes of calls and emails, and related members."""

    def __init__(self, services, member: MemberDetails | None):
        super().__init__()
        self._services = services
        self._member = member
        layout = QVBoxLayout(self)
        if member is None:
            note = QLabel(_("Save the new member first; then add to their timeline here."))
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
            return
        from advocate_app.domain.community import EngagementKind, RelationshipKind

        self.entries = QTableWidget(0, 4)
        self.entries.setHorizontalHeaderLabels([_("Date"), _("What"), _("Summary"),
                                                _("Recorded by")])
        self.entries.horizontalHeader().setStretchLastSection(True)
        self.entries.verticalHeader().setVisible(False)
        self.entries.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.entries.setAccessibleName(_("Timeline, newest first"))
        add_row = QHBoxLayout()
        self.kind = QComboBox()
        for kind in EngagementKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setAccessibleName(_("Kind of entry"))
        self.when = QDateEdit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd")
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

        self.relations = QTableWidget(0, 1)
        self.relations.setHorizontalHeaderLabels([_("Related members")])
        self.relations.horizontalHeader().setStretchLastSection(True)
        self.relations.verticalHeader().setVisible(False)
        self.relations.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.relations.setAccessibleName(_("Related members"))
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
        entries = self._services.timeline.timeline(self._member.id)
        self.entries.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate((format_date(entry.occurred_on), entry.kind.label,
                                           entry.summary, entry.recorded_by)):
                self.entries.setItem(row, column, QTableWidgetItem(text))
        self._relationships = self._services.timeline.relationships(self._member.id)
        self.relations.setRowCount(len(self._relationships))
        for row, relationship in enumerate(self._relationships):
            self.relations.setItem(row, 0, QTableWidgetItem(relationship.label))

    def add_entry(self) -> None:
        from advocate_app.domain.community import EngagementKind
        from advocate_app.services.timeline import EngagementEntry

        try:
            self._services.timeline.add(self._member.id, EngagementEntry(
                EngagementKind(self.kind.currentData()), self.when.date().toPython(),
                self.summary.text()))
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        self.message.setText(_("Added to the timeline."))
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
