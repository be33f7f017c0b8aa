"""Write a story down: who told it (a member, or anonymous; a child or not), its title and text,
themes, language, when and at which session it was told; and its approved quotes, excerpts the
teller agreed to, checked word for word against the story.

The story's details are kept when the person presses Save. A quote is checked against the
story as saved, so approving one saves the story first; approved quotes are kept at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.edit_conflicts import Choice
from advocate_app.domain.story_rules import StoryTheme
from advocate_app.i18n import _
from advocate_app.i18n.formatting import format_date
from advocate_app.services.errors import ConcurrentEditError, ServiceError, ValidationError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_editor import (
    date_of,
    name_buttons,
    optional_date_edit,
    say_errors,
)
from advocate_app.ui.dialogs.outreach_blocks import language_combo, select_data
from advocate_app.ui.dialogs.record_lists import records_table, whole_rows_model
from advocate_app.ui.dialogs.story_session_editor import MemberField, labelled
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row, selected_id
from advocate_app.ui.widgets.checks import checkbox_grid
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def problem_text(exc: ServiceError) -> str:
    if isinstance(exc, ValidationError) and getattr(exc, "errors", None):
        return "\n".join(str(message) for message in exc.errors.values())
    return str(exc)


class StoryEditor(QDialog):
    """``story_id`` None writes a new story down."""

    def __init__(self, services, story_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)
        self._services = services
        self.story_id = story_id
        self.saved_id: int | None = None
        story = services.stories.get(story_id) if story_id else None
        self._story = story
        #: The story's version this editor started from, then last saved (a save from an
        #: older one is refused).
        self.version = story.version if story else None
        self.setWindowTitle(_("Edit story") if story else _("New story"))
        self.heading = Heading(story.title if story else _("New story"), level=2)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Parts of the story"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.tabs.addTab(self._story_tab(story), _("Stor&y"))
        self.tabs.addTab(self._quotes_tab(), _("Approved &quotes"))
        self.tabs.currentChanged.connect(lambda _i: self._show_text_for_quotes())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 880, 660)
        self._show_quotes(story.quotes if story else ())

    # --- the story -------------------------------------------------------------------------

    def _story_tab(self, story) -> QWidget:
        tab = QWidget()
        self.teller = MemberField(self._services, _("Teller"),
                                  story.teller_id if story else None,
                                  story.teller_name if story else "", _("Anonymous"))
        self.teller.clear_button.setText(_("&Anonymous"))
        self.teller.clear_button.setAccessibleName(_("The teller stays anonymous"))
        self.child_check = QCheckBox(_("The teller is a chil&d (a parent or guardian co-signs "
                                       "every consent)"))
        self.child_check.setAccessibleName(_("The teller is a child"))
        self.child_check.setChecked(bool(story and story.teller_is_child))
        self.title_field = QLineEdit(story.title if story else "")
        self.title_field.setAccessibleName(_("Story title"))
        self.text_field = QPlainTextEdit(story.text if story else "")
        self.text_field.setTabChangesFocus(True)
        self.text_field.setAccessibleName(_("The story, as told"))
        self.language_combo = language_combo()
        select_data(self.language_combo, story.language if story else "en")
        self.language_combo.setAccessibleName(_("Language of the story"))
        self.told_on_edit = optional_date_edit(story.told_on if story else None)
        self.told_on_edit.setAccessibleName(_("Told on"))
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName(_("Told at the session"))
        self.session_combo.addItem(_("Not at a session"), None)
        for session in self._services.story_sessions.list():
            self.session_combo.addItem(_("{title}, {day}").format(
                title=session.title, day=format_date(session.local_start)), session.id)
        if story and story.session_id is not None:
            self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(
                story.session_id)))

        themes, self.theme_checks = checkbox_grid(_("Themes"), StoryTheme, columns=3,
                                                  chosen=story.themes if story else ())

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(labelled(_("&Teller:"), self.teller), self.teller)
        form.addRow("", self.child_check)
        form.addRow(labelled(_("T&itle:"), self.title_field), self.title_field)
        form.addRow(labelled(_("&Language:"), self.language_combo), self.language_combo)
        form.addRow(labelled(_("Told &on:"), self.told_on_edit), self.told_on_edit)
        form.addRow(labelled(_("Sessio&n:"), self.session_combo), self.session_combo)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(themes)
        layout.addWidget(labelled(_("The sto&ry, as told:"), self.text_field))
        layout.addWidget(self.text_field, 1)
        return tab

    # --- approved quotes -------------------------------------------------------------------

    def _quotes_tab(self) -> QWidget:
        tab = QWidget()
        note = QLabel(_("Select the words in the story and approve them, or type a quote: "
                        "it must be the story's words exactly. Approved quotes are kept at "
                        "once (the story is saved first)."))
        note.setWordWrap(True)
        self.quote_source = QPlainTextEdit()
        self.quote_source.setReadOnly(True)
        self.quote_source.setTabChangesFocus(True)
        self.quote_source.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_source.setAccessibleName(_("The story, to select a quote from"))
        self.quote_source.selectionChanged.connect(self._update_quote_buttons)
        self.add_selection_button = QPushButton(_("Add &selection as approved quote"))
        self.add_selection_button.setAccessibleName(_("Add selection as approved quote"))
        self.add_selection_button.clicked.connect(self.add_selected_quote)
        self.typed_quote = QLineEdit()
        self.typed_quote.setPlaceholderText(_("The teller's words, exactly as in the story"))
        self.typed_quote.setAccessibleName(_("Quote to check and approve"))
        self.typed_quote.textChanged.connect(lambda _t: self._update_quote_buttons())
        self.typed_quote.returnPressed.connect(self.add_typed_quote)
        self.check_button = QPushButton(_("C&heck and approve"))
        self.check_button.setAccessibleName(_("Check and approve the typed quote"))
        self.check_button.clicked.connect(self.add_typed_quote)
        self.quote_message = _message_label()
        self.quote_message.setAccessibleName(_("What the check found"))
        self.quotes_table = records_table(whole_rows_model(
            [_("Approved quote"), _("Approved on")], self), _("Approved quotes"), 0)
        self.quotes_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_quote_buttons())
        self.remove_quote_button = QPushButton(_("&Remove quote…"))
        self.remove_quote_button.setAccessibleName(_("Remove quote"))
        self.remove_quote_button.clicked.connect(self.remove_quote)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(labelled(_("&The story (select the words of a quote):"),
                                  self.quote_source))
        layout.addWidget(self.quote_source, 2)
        layout.addWidget(flow_of(self.add_selection_button))
        typed = QGridLayout()
        typed.addWidget(labelled(_("Ty&pe a quote:"), self.typed_quote), 0, 0)
        typed.addWidget(self.typed_quote, 0, 1)
        typed.addWidget(self.check_button, 0, 2)
        typed.setColumnStretch(1, 1)
        layout.addLayout(typed)
        layout.addWidget(self.quote_message)
        layout.addWidget(labelled(_("Appro&ved quotes:"), self.quotes_table))
        layout.addWidget(self.quotes_table, 1)
        layout.addWidget(flow_of(self.remove_quote_button))
        return tab

    def _show_text_for_quotes(self) -> None:
        text = self.text_field.toPlainText()
        if self.quote_source.toPlainText() != text:
            self.quote_source.setPlainText(text)
        self._update_quote_buttons()

    def _show_quotes(self, quotes) -> None:
        self.quotes_table.model().set_rows(Row(q.id, (q.text, format_date(q.approved_on)))
                                           for q in quotes)
        self._show_text_for_quotes()

    def _update_quote_buttons(self) -> None:
        self.add_selection_button.setEnabled(self.quote_source.textCursor().hasSelection())
        self.check_button.setEnabled(bool(self.typed_quote.text().strip()))
        self.remove_quote_button.setEnabled(selected_id(self.quotes_table) is not None)

    def add_selected_quote(self) -> None:
        text = self.quote_source.textCursor().selectedText().replace("\u2029", "\n")
        if text.strip():
            self._approve(text)

    def add_typed_quote(self) -> None:
        text = self.typed_quote.text()
        if text.strip() and self._approve(text):
            self.typed_quote.clear()

    def _approve(self, text: str) -> bool:
        """Check ``text`` against the story as saved and keep it; the check's answer shows
        under the field either way."""
        if not self._saved_now():
            return False
        try:
            self._services.stories.add_quote(self.story_id, text.strip())
        except ServiceError as exc:
            self.quote_message.setText(problem_text(exc))
            self.quote_message.setAccessibleName(self.quote_message.text())
            return False
        self.quote_message.setText(_("Approved: the quote is the story's words exactly."))
        self.quote_message.setAccessibleName(self.quote_message.text())
        self._show_quotes(self._services.stories.get(self.story_id).quotes)
        return True

    def remove_quote(self) -> None:
        quote_id = selected_id(self.quotes_table)
        if quote_id is None or self.story_id is None:
            return
        title = _("Remove quote")
        if not prompts.confirm(self, title, _(
                "Remove this approved quote? Outreach items that used it keep it in their "
                "log of uses."), destructive_label=_("&Remove")):
            return
        try:
            self._services.stories.remove_quote(quote_id)
        except ServiceError as exc:
            say_errors(self, title, exc)
            return
        self._show_quotes(self._services.stories.get(self.story_id).quotes)

    # --- saving ----------------------------------------------------------------------------

    def story_input(self):
        from advocate_app.domain.story_views import StoryInput

        return StoryInput(
            title=self.title_field.text(), text=self.text_field.toPlainText(),
            teller_id=self.teller.member_id,
            themes=frozenset(t for t, check in self.theme_checks.items() if check.isChecked()),
            language=self.language_combo.currentData() or "en",
            teller_is_child=self.child_check.isChecked(),
            told_on=date_of(self.told_on_edit), session_id=self.session_combo.currentData())

    def _saved_now(self, merged=None) -> bool:
        """Save the story as it stands (quotes are checked against what is saved), or
        ``merged``: with a colleague's changes to the fields not edited here."""
        try:
            data = merged or self.story_input()
            if self.story_id is None:
                self.story_id = self._services.stories.create(data)
            else:
                self.version = self._services.stories.update(self.story_id, data, self.version)
            if merged is None:
                self._story = data  # the form is what is stored: a change starts from it
        except ConcurrentEditError as exc:
            return self._someone_else_saved(exc, data)
        except ServiceError as exc:
            say_errors(self, _("Save story"), exc)
            return False
        self.saved_id = self.story_id
        return True

    def _someone_else_saved(self, error: ConcurrentEditError, data) -> bool:
        """Their changes to fields not edited here are kept without a question; a field both
        changed is shown side by side: mine saved over theirs (True once saved), or theirs
        kept (the editor closes on them)."""
        from advocate_app.ui.dialogs.edit_conflict import settle_edits

        choice, merged = settle_edits(self, _("Save story"), error, self._story, data,
                                      lambda view: view, {
            "title": _("Title"), "text": _("Story"), "teller_id": _("Teller"),
            "themes": _("Themes"), "language": _("Language"),
            "teller_is_child": _("Told by a child"), "told_on": _("Told on"),
            "session_id": _("Session")})
        if choice is Choice.MINE:
            self.version = error.version
            saved = self._saved_now(merged)
            if saved and merged != data:
                # The form still shows the old values of what was taken from theirs: a later
                # save from it starts from the form as it is now and from the version theirs
                # came with, so it takes theirs again instead of saving old values over them.
                self._story, self.version = data, error.version
            return saved
        if choice is Choice.THEIRS:
            self.reject()
        return False

    def save(self) -> None:
        if self._saved_now():
            self.accept()
