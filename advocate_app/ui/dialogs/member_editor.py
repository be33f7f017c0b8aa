"""Adding or editing one member, with messages beside the fields that need attention."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.access import Permission
from advocate_app.domain.member_views import MemberDetails, MemberInput
from advocate_app.domain.people import Role
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import language_name
from advocate_app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.member_tab_access import AccessTab
from advocate_app.ui.dialogs.member_tab_consent import ConsentTab
from advocate_app.ui.dialogs.member_tab_health import HealthTab
from advocate_app.ui.dialogs.member_tab_timeline import TimelineTab
from advocate_app.ui.dialogs.member_tabs import scrolled
from advocate_app.ui.help import install_help_key

#: Languages offered: the EU's official languages, the world's most spoken, and the languages
#: of large communities in Europe. (Sign languages are recorded on the access tab.)
COMMON_LANGUAGES = (
    # the EU's 24 official languages
    "bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv",
    "lt", "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv",
    # other languages of Europe
    "cy", "gd", "eu", "ca", "gl", "nb", "is", "lb", "uk", "ru", "be", "tr", "sq", "sr", "bs",
    "mk", "hy", "ka", "az", "yi",
    # the world's most spoken, and large communities in Europe
    "zh", "yue", "hi", "ar", "bn", "ur", "id", "ms", "ja", "ko", "vi", "th", "tl", "fa", "ps",
    "ku", "he", "pa", "gu", "mr", "ta", "te", "kn", "ml", "ne", "si", "my", "km", "jv", "uz",
    "kk", "mn", "sw", "am", "ti", "om", "so", "ha", "yo", "ig", "pcm", "zu", "xh", "rw", "ln",
    "wo", "ff",
)

#: Two-letter codes that are not countries (groupings, pseudo-locales, reserved codes).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "AC", "CP", "DG", "EA",
                            "IC", "TA"})


def language_choices() -> list[tuple[str, str]]:
    """(name in the UI language, code) for the common languages, in its alphabetical order."""
    from advocate_app.i18n.collation import sort_key

    return sorted(((language_name(code), code) for code in COMMON_LANGUAGES),
                  key=lambda pair: sort_key(pair[0]))


def country_choices() -> list[tuple[str, str]]:
    """(name in the UI language, ISO code) for every country, in its alphabetical order."""
    from babel import Locale, UnknownLocaleError

    from advocate_app.i18n import current_language
    from advocate_app.i18n.collation import sort_key

    try:
        territories = Locale.parse(current_language()).territories
    except (ValueError, LookupError, UnknownLocaleError):  # a pseudo-language: English names
        territories = Locale.parse("en").territories
    pairs = [(name, code) for code, name in territories.items()
             if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES]
    return sorted(pairs, key=lambda pair: sort_key(pair[0]))


def _top_aligned(widget: QWidget) -> QWidget:
    """The widget at its natural height, with any spare room left empty below it."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return holder


class FieldMessage(QLabel):
    """What to fix in the field above: bold, wrapped, and exactly as tall as its lines.

    A wrapped QLabel's size hint guesses at a width, so a form would leave a gap around a
    one-line message; this one answers for the width the layout actually gave it.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        font = self.font()
        font.setBold(True)
        self.setFont(font)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized) and self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


def member_fields() -> dict[str, str]:
    """A member's fields compared when someone else saved the member meanwhile."""
    return {"given_name": _("Given name"), "family_name": _("Family name"),
            "preferred_name": _("Preferred name"), "pronouns": _("Pronouns"),
            "email": _("Email"), "phone": _("Phone"), "address": _("Address"),
            "postcode": _("Postcode"), "country": _("Country"),
            "preferred_language": _("Language"), "second_language": _("Second language"),
            "region": _("Region"), "roles": _("Roles"),
            "tags": _("Tags"), "notes": _("Notes"), "date_of_birth": _("Date of birth"),
            "print_format": _("Printed material in"), "contact_times": _("Best times"),
            "channels": _("How to contact"), "access_needs": _("Access needs"),
            "sign_language": _("Sign language"), "barriers": _("What makes taking part hard"),
            "barrier_notes": _("About the barriers")}


class MemberEditorDialog(QDialog):
    def __init__(self, services, member: MemberDetails | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.member = member
        self.saved: MemberDetails | None = None
        self.setWindowTitle(_("New member") if member is None
                            else _("Edit {name}").format(
                                name=member.display_name or _("Name not known")))
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
        self._error_forms: dict[str, QFormLayout] = {}
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
        for name, code in language_choices():
            self.language.addItem(name, code)
        self._add_row(form, "preferred_language", _("Preferred &language:"), self.language)
        self.second_language = QComboBox()  # outreach falls back to it before the source
        self.second_language.addItem("", "")
        for name, code in language_choices():
            self.second_language.addItem(name, code)
        self._add_row(form, "second_language", _("Second lan&guage:"), self.second_language)

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
        self.tabs.addTab(scrolled(_top_aligned(self.access_tab)), _("&Access and contact"))
        # What the account's role may not see is not shown: health, notes and the timeline;
        # consent. Those tabs are still made (empty, reading nothing) so saving reads them alike.
        actor = services.actor
        may_see_health = actor.may(Permission.VIEW_SENSITIVE)
        may_see_consent = actor.may(Permission.VIEW_CONSENT)
        self.read_only = not actor.may(Permission.EDIT_MEMBERS)
        self.health_tab = HealthTab(self)
        if may_see_health:
            self.tabs.addTab(scrolled(self.health_tab), _("&Health"))
        else:
            form.setRowVisible(self.notes, False)
        self.consent_tab = ConsentTab(services, member if may_see_consent else None)
        if may_see_consent:
            self.tabs.addTab(scrolled(self.consent_tab), _("Co&nsent"))
        self.timeline_tab = TimelineTab(services, member if may_see_health else None)
        if may_see_health:
            self.tabs.addTab(self.timeline_tab, _("Time&line"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if self.read_only:  # an account that may not change members reads them
            self.save_button.hide()
            self.cancel_button.setText(_("&Close"))
        self.consent_tab.record_button.clicked.connect(self._after_consent_recorded)
        if hasattr(self.timeline_tab, "add_button"):
            self.timeline_tab.add_button.clicked.connect(self._after_consent_recorded)
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        save_key.setWhatsThis(_("Save the member"))
        install_help_key(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        if member is not None:
            self._load(member)
        self._initial = self.current_input()
        self._fit_to_screen(body)
        self.given_name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ---------------------------------------------------------------------------

    def _fit_to_screen(self, body: QWidget) -> None:
        """Wide enough for comfortable lines at the current text size; no taller than fits."""
        chars = self.fontMetrics().averageCharWidth() * 80
        width = max(640, self.sizeHint().width() + 80, chars)
        height = body.sizeHint().height() + 180
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 9 // 10)
            height = min(height, available.height() * 9 // 10)
        self.resize(width, height)

    def _add_row(self, form: QFormLayout, name: str, label_text: str, field: QWidget) -> None:
        """A labelled field, with a row under it for what to fix (hidden until needed)."""
        label = QLabel(label_text)
        label.setBuddy(field)
        plain = label_text.replace("&", "").rstrip(":").strip()
        field.setAccessibleName(plain)
        form.addRow(label, field)
        error = FieldMessage()
        form.addRow(None, error)
        form.setRowVisible(error, False)
        self.fields[name] = field
        self.errors[name] = error
        self._labels[name] = plain
        self._error_forms[name] = form

    def _load(self, member: MemberDetails) -> None:
        for name in ("given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
                     "postcode"):
            self.fields[name].setText(getattr(member, name))
        self.address.setPlainText(member.address)
        self.notes.setPlainText(member.notes)
        self._select_data(self.country, member.country)
        self._select_data(self.language, member.preferred_language)
        self._select_data(self.second_language, member.second_language)
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
            second_language=self.second_language.currentData() or "",
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
        if self.read_only:
            return False
        return self.current_input() != self._initial or bool(self.consent_tab.pending)

    def _after_consent_recorded(self) -> None:
        """Once something is saved for good, the way out says it closes, not cancels."""
        if self.consent_tab.saved_now or self.timeline_tab.saved_now:
            self.cancel_button.setText(_("&Close"))
            self.cancel_button.setToolTip(_("Close without saving the other changes; the "
                                            "consent answers and timeline entries you added "
                                            "stay saved."))

    def save(self, merged: MemberInput | None = None) -> None:
        """Save the form (or ``merged``: the form with a colleague's changes to the fields
        not edited here)."""
        if self.read_only:
            return
        data = merged or self.current_input()
        members = self._services.members
        try:
            if self.member is None:
                self.saved = members.create(data)
                self._save_consent(self.saved)
            else:
                self.saved = members.update(self.member.id, data, self.member.version)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except ConcurrentEditError as exc:
            self._someone_else_saved(exc, data)
            return
        except NotFoundError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self.accept()

    def _someone_else_saved(self, error: ConcurrentEditError, data: MemberInput) -> None:
        """Their changes to fields not edited here are kept without a question; a field both
        changed is shown side by side: mine saved over theirs, or theirs kept (the editor
        closes on them)."""
        from dataclasses import replace

        from advocate_app.domain.edit_conflicts import Choice
        from advocate_app.ui.dialogs.edit_conflict import settle_edits

        if error.theirs is None:  # nothing to show: say so, as before
            prompts.error(self, self.windowTitle(), str(error))
            return
        choice, merged = settle_edits(self, self.windowTitle(), error, self.member, data,
                                      lambda view: view, member_fields())
        if choice is Choice.MINE and self.member is not None:
            started_from = self.member
            self.member = replace(self.member, version=error.version)
            self.save(merged)
            if self.result() != QDialog.DialogCode.Accepted:
                # Not saved (a problem to put right): the next save starts from where the
                # form started, so their changes are taken again, not overwritten.
                self.member = started_from
        elif choice is Choice.THEIRS:
            super().reject()  # mine is dropped as chosen: close without asking again

    def _save_consent(self, member: MemberDetails) -> None:
        """The answers recorded before the new member existed, saved now they do."""
        from advocate_app.services.errors import ServiceError

        try:
            self.consent_tab.save_pending(member.id)
        except ServiceError as exc:
            prompts.error(self, self.windowTitle(), _(
                "{name} was saved, but not their consent answers: {reason} Open the member "
                "again to record them.").format(name=member.display_name, reason=exc))

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field and in a summary at the top; focus on the first."""
        for name, label in self.errors.items():
            message = errors.get(name, "")
            label.setText(message)
            label.setAccessibleName(message)
            if name in self._error_forms:
                self._error_forms[name].setRowVisible(label, bool(message))
            else:
                label.setVisible(bool(message))
            self.fields[name].setAccessibleDescription(message)
        lines = [ngettext("Please check this field:", "Please check these {n} fields:",
                          len(errors)).format(n=len(errors))]
        # The bullet is layout, not language: the translated part is the whole "field: problem".
        lines += ["• " + _("{field}: {problem}").format(field=self._labels.get(name, name),
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
            # Lay out the shown messages now, so the field is where it will stay when focused.
            self.layout().activate()
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self.has_changes():
            text = _("You have changes that are not saved. Close without saving them?")
            saved = self.consent_tab.saved_now
            if saved:
                text += "\n\n" + ngettext(
                    "Already saved, and kept: the consent answer {answers}.",
                    "Already saved, and kept: the consent answers {answers}.",
                    len(saved)).format(answers="; ".join(saved))
            added = self.timeline_tab.saved_now
            if added:
                text += "\n\n" + ngettext(
                    "Already saved, and kept: the timeline entry {entries}.",
                    "Already saved, and kept: the timeline entries {entries}.",
                    len(added)).format(entries="; ".join(added))
            if not prompts.confirm(self, _("Discard changes?"), text,
                                   destructive_label=_("Discard changes")):
                return
        super().reject()
