"""Register someone for a webinar: a member (with the access they ask for), or a new person
made a member there and then, with their consent answers, after checking they are not a
member already."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.community import ConsentPurpose
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.webinar_kinds import WebinarAccess
from advocate_app.domain.webinar_views import DuplicateCandidate, RegistrationInput
from advocate_app.i18n import _, ngettext
from advocate_app.services.errors import ServiceError, ValidationError
from advocate_app.services.webinar_registrations import PossibleDuplicateError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_editor import name_buttons
from advocate_app.ui.dialogs.member_editor import FieldMessage, language_choices
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row, RowsModel, select_id, selected_id
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import rows_table


def _language_combo(name: str, current: str = "", *, blank: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(blank, "")
    for label, code in language_choices():
        combo.addItem(label, code)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


class NeedsBox(QGroupBox):
    """The access a person asks for at this webinar (what the webinar offers comes first,
    marked as offered)."""

    def __init__(self, webinar, parent: QWidget | None = None):
        super().__init__(_("Access asked for"), parent)
        self.setAccessibleName(_("Access asked for"))
        offered = webinar.access_offered if webinar is not None else frozenset()
        self.checks: dict[WebinarAccess, QCheckBox] = {}
        ordered = [a for a in WebinarAccess if a in offered] + [
            a for a in WebinarAccess if a not in offered]
        for access in ordered:
            label = access.label
            if access is WebinarAccess.SIGN_LANGUAGE and webinar is not None \
                    and webinar.sign_language:
                label = _("{access}: {language}").format(access=label,
                                                         language=webinar.sign_language)
            if access not in offered:
                label = _("{access} (not offered yet)").format(access=label)
            check = QCheckBox(label)
            check.setAccessibleName(label)
            self.checks[access] = check
        self.language = _language_combo(_("Language to interpret into"),
                                         blank=_("Not asked"))
        language_label = QLabel(_("Interpret &into:"))
        language_label.setBuddy(self.language)
        self.notes = QLineEdit()
        self.notes.setAccessibleName(_("Other needs, in their words"))
        self.notes.setPlaceholderText(_("For example: a break every 30 minutes"))
        notes_label = QLabel(_("O&ther needs:"))
        notes_label.setBuddy(self.notes)
        # The boxes wrap onto more lines when the text is large or the dialog narrow.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(language_label, self.language)
        form.addRow(notes_label, self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(flow_of(*(self.checks[access] for access in ordered)))
        layout.addLayout(form)
        self.checks[WebinarAccess.INTERPRETATION].toggled.connect(self._interpretation)
        self._interpretation()

    def _interpretation(self) -> None:
        self.language.setEnabled(self.checks[WebinarAccess.INTERPRETATION].isChecked())

    def value(self) -> RegistrationInput:
        needs = frozenset(a for a, check in self.checks.items() if check.isChecked())
        language = (self.language.currentData() or "") \
            if WebinarAccess.INTERPRETATION in needs else ""
        return RegistrationInput(needs=needs, interpretation_language=language,
                                 needs_notes=self.notes.text().strip())


class RegistrationDialog(QDialog):
    """The access a member asks for, before they are registered."""

    def __init__(self, webinar, member_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)
        self.setWindowTitle(_("Register for a webinar"))
        heading = Heading(_("Register {name} for “{title}”").format(
            name=member_name, title=webinar.title), level=2)
        self.needs = NeedsBox(webinar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Register"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.needs)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 320)

    def registration_input(self) -> RegistrationInput:
        return self.needs.value()


class NewPersonDialog(QDialog):
    """A person who is not a member yet: who they are, the access they ask for and their
    consent, saved as a new member and registered in one step. When they look like a member
    already, the likely members are listed and the person chooses."""

    def __init__(self, services, webinar, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)
        self._services = services
        self._webinar = webinar
        self.registration = None  # what the service gave back once registered
        self.registered_name = ""
        self.setWindowTitle(_("Register a new person"))
        heading = Heading(_("New person for “{title}”").format(title=webinar.title), level=2)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setVisible(False)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldMessage] = {}
        self._form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.given_name = QLineEdit()
        self.family_name = QLineEdit()
        self.email = QLineEdit()
        self.language = _language_combo(_("Preferred language"))
        for key, text, field in (("given_name", _("&Given name:"), self.given_name),
                                 ("family_name", _("&Family name:"), self.family_name),
                                 ("email", _("E&mail:"), self.email),
                                 ("preferred_language", _("Preferred &language:"),
                                  self.language)):
            self._add_row(key, text, field)
        self.needs = NeedsBox(webinar)
        self.consent_box = QGroupBox(_("They agree to"))
        self.consent_box.setAccessibleName(_("Consent given now"))
        self.consent_checks: dict[ConsentPurpose, QCheckBox] = {}
        for purpose in ConsentPurpose:
            check = QCheckBox(purpose.label)
            check.setAccessibleName(_("Consent: {purpose}").format(purpose=purpose.label))
            self.consent_checks[purpose] = check
        QVBoxLayout(self.consent_box).addWidget(flow_of(*self.consent_checks.values()))

        # Shown when the service finds members this person may already be.
        self.duplicates_box = QGroupBox(_("Already a member?"))
        self.duplicates_text = QLabel()
        self.duplicates_text.setWordWrap(True)
        self.duplicates_model = RowsModel([_("Member"), _("Why")])
        self.duplicates_table = rows_table(self.duplicates_model, _("Members this may be"),
                                           main=(0, 1))
        self.use_existing_button = self._button(_("Register the c&hosen member instead"),
                                                self.register_existing)
        self.create_anyway_button = self._button(_("They are someone else: create a &new "
                                                   "member"), self.create_anyway)
        duplicates_layout = QVBoxLayout(self.duplicates_box)
        duplicates_layout.addWidget(self.duplicates_text)
        duplicates_layout.addWidget(self.duplicates_table, 1)
        duplicates_layout.addWidget(self.use_existing_button)
        duplicates_layout.addWidget(self.create_anyway_button)
        self.duplicates_box.setVisible(False)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.summary)
        body_layout.addLayout(form)
        body_layout.addWidget(self.needs)
        body_layout.addWidget(self.consent_box)
        body_layout.addWidget(self.duplicates_box)
        self._scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the keys
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.register_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.register_button.setText(_("&Register"))
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, max(640, self.fontMetrics().averageCharWidth() * 75), 640)
        self._candidates: list[DuplicateCandidate] = []

    def _button(self, text: str, slot):
        from PySide6.QtWidgets import QPushButton

        widget = QPushButton(text)
        widget.setAccessibleName(text.replace("&", ""))
        widget.clicked.connect(slot)
        return widget

    def _add_row(self, key: str, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        if not field.accessibleName():
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        self._form.addRow(label, field)
        error = FieldMessage()
        self._form.addRow(None, error)
        self._form.setRowVisible(error, False)
        self.fields[key] = field
        self.errors[key] = error

    # --- what was typed ---------------------------------------------------------------------

    def member_input(self) -> MemberInput:
        return MemberInput(given_name=self.given_name.text().strip(),
                           family_name=self.family_name.text().strip(),
                           email=self.email.text().strip(),
                           preferred_language=self.language.currentData() or "")

    def consent(self) -> frozenset[ConsentPurpose]:
        return frozenset(p for p, check in self.consent_checks.items() if check.isChecked())

    # --- registering ------------------------------------------------------------------------

    def register(self) -> None:
        self._register_new(allow_duplicate=False)

    def create_anyway(self) -> None:
        self._register_new(allow_duplicate=True)

    def _register_new(self, *, allow_duplicate: bool) -> None:
        webinars = self._services.webinars
        self.show_errors({})
        try:
            self.registration = webinars.register_new_person(
                self._webinar.id, self.member_input(), self.consent(),
                self.needs.value(), allow_duplicate=allow_duplicate)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except PossibleDuplicateError as exc:
            self.show_candidates(list(exc.candidates), str(exc))
            return
        except ServiceError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        data = self.member_input()
        self.registered_name = " ".join(p for p in (data.given_name, data.family_name) if p)
        self.accept()

    def register_existing(self) -> None:
        member_id = selected_id(self.duplicates_table)
        if member_id is None:
            return
        try:
            self.registration = self._services.webinars.register(
                self._webinar.id, member_id, self.needs.value())
        except ServiceError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self.registered_name = next((c.name for c in self._candidates
                                     if c.member_id == member_id), "")
        self.accept()

    def show_candidates(self, candidates: list[DuplicateCandidate], reason: str = "") -> None:
        """List the members this person may be; the person chooses one, or a new member."""
        self._candidates = candidates
        self.duplicates_text.setText(" ".join(part for part in (reason, ngettext(
            "Choose the member if it is them (their consent answers stay as recorded), or "
            "create a new member if it is someone else.",
            "Choose one of these {n} members if it is them (their consent answers stay as "
            "recorded), or create a new member if it is someone else.",
            len(candidates)).format(n=len(candidates))) if part))
        self.duplicates_model.set_rows(
            Row(c.member_id, ("\n".join(part for part in (c.name, c.email) if part), c.reason))
            for c in candidates)
        select_id(self.duplicates_table, None, or_first=True)
        self.duplicates_box.setVisible(True)
        self._scroll.widget().adjustSize()
        self._scroll.ensureWidgetVisible(self.duplicates_box, 0)
        self.duplicates_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            message = errors.get(key, "")
            label.setText(message)
            label.setAccessibleName(message)
            self._form.setRowVisible(label, bool(message))
            self.fields[key].setAccessibleDescription(message)
        others = [message for key, message in errors.items() if key not in self.errors]
        self.summary.setText("\n".join(others))
        self.summary.setVisible(bool(others))
        first = next((key for key in self.fields if key in errors), None)
        if first is not None:
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
