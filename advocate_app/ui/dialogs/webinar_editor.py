"""Plan or change a webinar: what it is and when, where to join, places, who presents, the
accessibility offered, and the recording and slides afterwards.

The service checks what is typed; each of its messages shows under the field it is about,
and the first such field is shown and focused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.webinar_kinds import Platform, WebinarAccess, WebinarStatus
from advocate_app.domain.webinar_rules import platform_warning
from advocate_app.domain.webinar_views import PresenterInput, WebinarInput
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import date_edit_format, language_name
from advocate_app.services.errors import ConcurrentEditError, ServiceError, ValidationError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.board_editor import name_buttons, zone_combo
from advocate_app.ui.dialogs.member_editor import FieldMessage, language_choices
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row, RowsModel, selected_id
from advocate_app.ui.widgets.checks import checkbox_grid
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import rows_table


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the keys
    return scroll


def language_codes(text: str) -> tuple[str, ...]:
    """"French, ar" -> ("fr", "ar"): names in the UI language or codes, comma-separated."""
    by_name = {name.casefold(): code for name, code in language_choices()}
    codes = []
    for part in (p.strip() for p in text.split(",")):
        if part:
            codes.append(by_name.get(part.casefold(), part))
    return tuple(codes)


def webinar_as_input(view) -> WebinarInput:
    """A stored webinar as the editor's input, to compare with what the editor holds."""
    return WebinarInput(
        title=view.title, starts_local=view.local_start.replace(tzinfo=None),
        duration_minutes=view.duration_minutes, timezone=view.timezone,
        description=view.description, platform=view.platform, join_link=view.join_link,
        capacity=view.capacity, access_offered=view.access_offered,
        sign_language=view.sign_language,
        interpretation_languages=view.interpretation_languages,
        recording_link=view.recording_link, slides_link=view.slides_link, status=view.status)


def placeless(data: WebinarInput | None) -> WebinarInput | None:
    """``data`` with full read as open: full only follows the places taken (the service
    works it out on every save), so it is nobody's edit and never a conflict."""
    if data is None or data.status is not WebinarStatus.FULL:
        return data
    return replace(data, status=WebinarStatus.OPEN)


class WebinarEditor(QDialog):
    """``webinar_id`` None for a new webinar; ``saved_id`` is set once saved."""

    def __init__(self, services, webinar_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)
        self._services = services
        self.webinar_id = webinar_id
        self.saved_id: int | None = None
        webinar = services.webinars.get(webinar_id) if webinar_id is not None else None
        #: The webinar's version this editor started from (a save from it may be refused).
        self.version = webinar.version if webinar else None
        #: The values it started from: a field differing from them is the person's edit.
        self._base = webinar_as_input(webinar) if webinar else None
        self.setWindowTitle(_("Edit webinar") if webinar else _("New webinar"))
        self.heading = Heading(webinar.title if webinar else _("New webinar"), level=2)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldMessage] = {}
        self._forms: dict[str, QFormLayout] = {}
        self._tab_of: dict[str, int] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(_("Problems to fix"))
        self.summary.setVisible(False)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Parts of the webinar"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.tabs.addTab(_scrolled(self._details_tab(webinar)), _("&Details"))
        self.tabs.addTab(self._presenters_tab(webinar), _("&Presenters"))
        self.tabs.addTab(_scrolled(self._access_tab(webinar)), _("&Access and afterwards"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 820, 640)
        self.title_field.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ---------------------------------------------------------------------------

    def _row(self, form: QFormLayout, tab: int, key: str, text: str, field: QWidget,
             focus: QWidget | None = None, layout=None) -> None:
        """A labelled field with a line under it for what to fix (hidden until needed)."""
        label = QLabel(text)
        target = focus or field
        label.setBuddy(target)
        if not target.accessibleName():
            target.setAccessibleName(text.replace("&", "").rstrip(":").strip())
        form.addRow(label, layout if layout is not None else field)
        error = FieldMessage()
        form.addRow(None, error)
        form.setRowVisible(error, False)
        self.fields[key] = target
        self.errors[key] = error
        self._forms[key] = form
        self._tab_of[key] = tab

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return form

    def _details_tab(self, webinar) -> QWidget:
        tab = QWidget()
        form = self._form()
        self.title_field = QLineEdit(webinar.title if webinar else "")
        self.title_field.setAccessibleName(_("Webinar title"))
        self.description_field = QPlainTextEdit(webinar.description if webinar else "")
        self.description_field.setTabChangesFocus(True)
        self.description_field.setAccessibleName(_("Description"))
        self.description_field.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_edit_format())
        self.date_edit.setAccessibleName(_("Date"))
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(_("Start time"))
        if webinar is not None:
            from advocate_app.domain.board_views import zone

            local = webinar.starts_at.astimezone(zone(webinar.timezone))
            self.date_edit.setDate(QDate(local.year, local.month, local.day))
            self.time_edit.setTime(QTime(local.hour, local.minute))
        else:
            self.date_edit.setDate(QDate.currentDate().addDays(21))
            self.time_edit.setTime(QTime(18, 0))
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 12 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(_(" minutes"))
        self.duration_spin.setAccessibleName(_("Length of the webinar in minutes"))
        self.duration_spin.setValue(webinar.duration_minutes if webinar else 60)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        time_label = QLabel(_("Ti&me:"))
        time_label.setBuddy(self.time_edit)
        when.addWidget(time_label)
        when.addWidget(self.time_edit)
        when.addStretch(1)
        self.timezone_combo = zone_combo(webinar.timezone if webinar else "Europe/London",
                                         _("Time zone of the start time"))
        self.platform_combo = QComboBox()
        self.platform_combo.setAccessibleName(_("Platform"))
        for platform in Platform:
            self.platform_combo.addItem(platform.label, platform.value)
        if webinar is not None:
            self.platform_combo.setCurrentIndex(self.platform_combo.findData(
                webinar.platform.value))
        self.link_field = QLineEdit(webinar.join_link if webinar else "")
        self.link_field.setAccessibleName(_("Join link"))
        self.link_field.setPlaceholderText("https://")
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(0, 100_000)
        self.capacity_spin.setSpecialValueText(_("No limit"))
        self.capacity_spin.setAccessibleName(_("Places (0 for no limit)"))
        self.capacity_spin.setValue(webinar.capacity if webinar else 0)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(_("Status"))
        for status in WebinarStatus:
            self.status_combo.addItem(status.label, status.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(
            (webinar.status if webinar else WebinarStatus.PLANNED).value))

        for spin in (self.duration_spin, self.capacity_spin):
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._row(form, 0, "title", _("&Title:"), self.title_field)
        self._row(form, 0, "description", _("Descr&iption:"), self.description_field)
        self._row(form, 0, "starts_local", _("Dat&e:"), when, focus=self.date_edit, layout=when)
        self._row(form, 0, "duration_minutes", _("&Lasts:"), self.duration_spin)
        self._row(form, 0, "timezone", _("Time &zone:"), self.timezone_combo)
        self._row(form, 0, "platform", _("Plat&form:"), self.platform_combo)
        self._row(form, 0, "join_link", _("&Join link:"), self.link_field)
        # A link to another platform than the one chosen is pointed out as it is typed (the
        # webinar can still be saved: the organiser may know better).
        self.platform_hint = FieldMessage()
        form.addRow(None, self.platform_hint)
        form.setRowVisible(self.platform_hint, False)
        self._platform_form = form
        self.link_field.textChanged.connect(self._check_platform)
        self.platform_combo.currentIndexChanged.connect(self._check_platform)
        self._check_platform()
        self._row(form, 0, "capacity", _("Pla&ces:"), self.capacity_spin)
        self._row(form, 0, "status", _("Stat&us:"), self.status_combo)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addStretch(1)
        return tab

    def _check_platform(self) -> None:
        warning = platform_warning(Platform(self.platform_combo.currentData()),
                                   self.link_field.text().strip())
        self.platform_hint.setText(warning)
        self.platform_hint.setAccessibleName(warning)
        self.link_field.setAccessibleDescription(warning)
        self._platform_form.setRowVisible(self.platform_hint, bool(warning))

    def _presenters_tab(self, webinar) -> QWidget:
        tab = QWidget()
        self._presenters: list[PresenterInput] = [
            PresenterInput(member_id=p.member_id,
                           guest_name="" if p.member_id else p.name,
                           guest_organisation=p.organisation)
            for p in (webinar.presenters if webinar else ())]
        self._presenter_names: list[str] = [p.name for p in (webinar.presenters
                                                              if webinar else ())]
        self.presenters_model = RowsModel([_("Presenter"), _("Organisation"), _("Who")])
        self.presenters_table = rows_table(self.presenters_model, _("Presenters"),
                                           main=(0, 1))
        label = QLabel(_("P&resenters:"))
        label.setBuddy(self.presenters_table)
        self.add_presenter_button = self._button(_("Add a &member…"), self.add_member_presenter,
                                                 _("Add a member as presenter"))
        self.add_guest_button = self._button(_("Add a &guest…"), self.add_guest_presenter,
                                             _("Add a guest presenter"))
        self.remove_presenter_button = self._button(_("Remo&ve"), self.remove_presenter,
                                                    _("Remove the chosen presenter"))
        self.presenters_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.remove_presenter_button.setEnabled(
                selected_id(self.presenters_table) is not None))
        self.errors["presenters"] = FieldMessage()
        self.errors["presenters"].setVisible(False)
        self.fields["presenters"] = self.presenters_table
        self._tab_of["presenters"] = 1
        row = QHBoxLayout()
        for widget in (self.add_presenter_button, self.add_guest_button,
                       self.remove_presenter_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(label)
        layout.addWidget(self.presenters_table, 1)
        layout.addWidget(self.errors["presenters"])
        layout.addLayout(row)
        self._show_presenters()
        return tab

    def _access_tab(self, webinar) -> QWidget:
        tab = QWidget()
        box, self.access_checks = checkbox_grid(
            _("Accessibility offered"), WebinarAccess,
            chosen=webinar.access_offered if webinar else ())
        form = self._form()
        self.sign_language_field = QLineEdit(webinar.sign_language if webinar else "")
        self.sign_language_field.setAccessibleName(_("Which sign language"))
        self.sign_language_field.setPlaceholderText(_("For example: BSL, ISL, LSF"))
        self.interpretation_field = QLineEdit(", ".join(
            language_name(code) or code
            for code in (webinar.interpretation_languages if webinar else ())))
        self.interpretation_field.setAccessibleName(_("Spoken languages interpreted into"))
        self.interpretation_field.setPlaceholderText(_("Languages, separated by commas: "
                                                       "French, Arabic"))
        self.recording_field = QLineEdit(webinar.recording_link if webinar else "")
        self.recording_field.setAccessibleName(_("Recording link"))
        self.recording_field.setPlaceholderText(_("Added after the webinar: https://"))
        self.slides_field = QLineEdit(webinar.slides_link if webinar else "")
        self.slides_field.setAccessibleName(_("Slides link"))
        self.slides_field.setPlaceholderText(_("https://"))
        self._row(form, 2, "sign_language", _("S&ign language:"), self.sign_language_field)
        self._row(form, 2, "interpretation_languages", _("I&nterpretation into:"),
                  self.interpretation_field)
        self._row(form, 2, "recording_link", _("&Recording link:"), self.recording_field)
        self._row(form, 2, "slides_link", _("S&lides link:"), self.slides_field)
        self.sign_language_field.setEnabled(
            self.access_checks[WebinarAccess.SIGN_LANGUAGE].isChecked())
        self.access_checks[WebinarAccess.SIGN_LANGUAGE].toggled.connect(
            self.sign_language_field.setEnabled)
        layout = QVBoxLayout(tab)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addStretch(1)
        return tab

    @staticmethod
    def _button(text: str, slot, name: str):
        from PySide6.QtWidgets import QPushButton

        widget = QPushButton(text)
        widget.setAccessibleName(name)
        widget.clicked.connect(slot)
        return widget

    # --- presenters -------------------------------------------------------------------------

    def _show_presenters(self) -> None:
        self.presenters_model.set_rows(
            Row(index, (name, presenter.guest_organisation,
                        _("Member") if presenter.member_id else _("Guest")))
            for index, (presenter, name) in enumerate(zip(self._presenters,
                                                          self._presenter_names,
                                                          strict=True)))
        self.remove_presenter_button.setEnabled(selected_id(self.presenters_table)
                                                is not None)

    def add_presenter(self, presenter: PresenterInput, name: str) -> None:
        self._presenters.append(presenter)
        self._presenter_names.append(name)
        self._show_presenters()

    def add_member_presenter(self) -> None:
        taken = {p.member_id for p in self._presenters if p.member_id}
        chosen = board_editor.pick_member(self._services, self, _("Add a presenter"), taken)
        if chosen is not None:
            self.add_presenter(PresenterInput(member_id=chosen[0]), chosen[1])

    def add_guest_presenter(self) -> None:
        title = _("Add a guest presenter")
        name = prompts.ask_text(self, title, _("The guest's name:"))
        if not name:
            return
        organisation = prompts.ask_text(self, title, _("Their organisation (optional):"))
        if organisation is None:
            return
        self.add_presenter(PresenterInput(guest_name=name, guest_organisation=organisation),
                           name)

    def remove_presenter(self) -> None:
        index = selected_id(self.presenters_table)
        if index is None:
            return
        del self._presenters[index]
        del self._presenter_names[index]
        self._show_presenters()

    # --- saving -----------------------------------------------------------------------------

    def webinar_input(self) -> WebinarInput:
        day, time = self.date_edit.date(), self.time_edit.time()
        return WebinarInput(
            title=self.title_field.text().strip(),
            starts_local=datetime(day.year(), day.month(), day.day(), time.hour(),
                                  time.minute()),
            duration_minutes=self.duration_spin.value(),
            timezone=self.timezone_combo.currentText().strip(),
            description=self.description_field.toPlainText().strip(),
            platform=Platform(self.platform_combo.currentData()),
            join_link=self.link_field.text().strip(),
            capacity=self.capacity_spin.value(),
            access_offered=frozenset(a for a, check in self.access_checks.items()
                                     if check.isChecked()),
            sign_language=self.sign_language_field.text().strip()
            if self.access_checks[WebinarAccess.SIGN_LANGUAGE].isChecked() else "",
            interpretation_languages=language_codes(self.interpretation_field.text()),
            recording_link=self.recording_field.text().strip(),
            slides_link=self.slides_field.text().strip(),
            status=WebinarStatus(self.status_combo.currentData()),
            presenters=tuple(self._presenters))

    def save(self, merged: WebinarInput | None = None) -> None:
        """Save the form (or ``merged``: the form with a colleague's changes to the fields
        not edited here)."""
        webinars = self._services.webinars
        self.show_errors({})
        try:
            data = merged or self.webinar_input()
            if self.webinar_id is None:
                saved = webinars.create(data)
                self.webinar_id = getattr(saved, "id", saved)
            else:
                webinars.update(self.webinar_id, data, self.version)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except ConcurrentEditError as exc:
            self._someone_else_saved(exc, data)
            return
        except ServiceError as exc:
            prompts.error(self, _("Save webinar"), str(exc))
            return
        self.saved_id = self.webinar_id
        self.accept()

    def _someone_else_saved(self, error: ConcurrentEditError, data: WebinarInput) -> None:
        """A colleague's changes to fields not edited here are kept without a question (a
        status that followed the places taken among them); when both changed a field, both
        side by side: mine saved over theirs, or theirs kept (the editor closes on them)."""
        from advocate_app.ui.dialogs.edit_conflict import settle_editor, settle_edits

        choice, merged = settle_edits(self, _("Save webinar"), error, placeless(self._base),
                                      placeless(data),
                                      lambda view: placeless(webinar_as_input(view)), {
            "title": _("Title"), "starts_local": _("Starts"),
            "duration_minutes": _("Minutes long"), "timezone": _("Time zone"),
            "description": _("Description"), "platform": _("Platform"),
            "join_link": _("Join link"), "capacity": _("Places"),
            "access_offered": _("Accessibility"), "sign_language": _("Sign language"),
            "interpretation_languages": _("Interpretation"),
            "recording_link": _("Recording"), "slides_link": _("Slides"),
            "status": _("Status")})
        settle_editor(self, choice, merged, error.version)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; those about no one field at the top. The first field
        with a problem is shown and focused."""
        for key, label in self.errors.items():
            message = errors.get(key, "")
            label.setText(message)
            label.setAccessibleName(message)
            if key in self._forms:
                self._forms[key].setRowVisible(label, bool(message))
            else:
                label.setVisible(bool(message))
            self.fields[key].setAccessibleDescription(message)
        others = [message for key, message in errors.items() if key not in self.errors]
        if errors:
            lines = [ngettext("Please check this:", "Please check these {n} things:",
                              len(errors)).format(n=len(errors))]
            self.summary.setText("\n".join(lines + others))
        self.summary.setVisible(bool(errors))
        first = next((key for key in self.fields if key in errors), None)
        if first is not None:
            self.tabs.setCurrentIndex(self._tab_of[first])
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
