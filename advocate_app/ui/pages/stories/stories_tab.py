"""The Stories tab: the stories people shared (found by words or by theme), each with its
teller, themes, language and a summary of its consent per channel; the chosen one below, and
what is done with a story (write it down, record consent, withdraw it, archive it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.story_rules import StoryConsentState, StoryTheme
from advocate_app.domain.text import fold
from advocate_app.i18n import _
from advocate_app.i18n.collation import sort_key
from advocate_app.i18n.formatting import format_items, language_name
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import Cell, Row, select_id, selected_id
from advocate_app.ui.pages.boards.common import button, records_table
from advocate_app.ui.pages.stories.story_detail import StoryDetail, consent_summary
from advocate_app.ui.widgets.flow import flow_of


class StoriesTab(QWidget):
    status_message = Signal(str)

    def __init__(self, services, run_dialog: Callable[[QDialog], bool]):
        super().__init__()
        self._services = services
        self._run_dialog = run_dialog
        self._stories: list = []
        self._rows: list = []  # (story, its words folded for searching, its row)
        # What the list shows now: the search words and theme it was filtered by, and the
        # (story, words, row) entries shown, so a key typed narrows these, not every story.
        self._shown_for: tuple | None = None
        self._shown: list = []
        self._filling = False  # the list is being made again
        self._detail_id: int | None = None  # the story shown below the list

        self.search_field = QLineEdit()
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setPlaceholderText(_("Words in the title, the story or the "
                                               "teller's name"))
        self.search_field.setAccessibleName(_("Find stories"))
        self.search_field.textChanged.connect(lambda _t: self.show_rows())
        search_label = QLabel(_("Fin&d:"))
        search_label.setBuddy(self.search_field)
        self.theme_combo = QComboBox()
        self.theme_combo.addItem(_("Every theme"), "")
        for theme in StoryTheme:
            self.theme_combo.addItem(theme.label, theme.value)
        self.theme_combo.setAccessibleName(_("Theme"))
        self.theme_combo.currentIndexChanged.connect(lambda _i: self.show_rows())
        theme_label = QLabel(_("&Theme:"))
        theme_label.setBuddy(self.theme_combo)
        self.archived_check = QCheckBox(_("Show a&rchived"))
        self.archived_check.setAccessibleName(_("Show archived stories"))
        self.archived_check.toggled.connect(lambda _on: self.refresh())
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_field, 2)
        filters.addWidget(theme_label)
        filters.addWidget(self.theme_combo, 1)
        filters.addWidget(self.archived_check)

        self.table = records_table([_("Title"), _("Teller"), _("Themes"), _("Language"),
                                    _("Consent")], _("Stories"), (0, 4))
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: None if self._filling else self._story_changed())
        self.table.activated.connect(lambda _index: self.edit_story())  # Enter, double-click
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.new_button = button(_("&New story…"), self.new_story)
        self.edit_button = button(_("Edit stor&y…"), self.edit_story)
        self.consent_button = button(_("&Consent…"), self.edit_consent,
                                     _("Record or change the consent for each use"))
        self.withdraw_button = button(_("&Withdraw consent…"), self.withdraw_consent)
        self.archive_button = button(_("&Archive story…"), self.archive_story)
        self.detail = StoryDetail(services)
        self.detail.status_message.connect(self.status_message)
        self.detail.changed.connect(self.refresh)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.empty_label)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(flow_of(self.new_button, self.edit_button, self.consent_button,
                                     self.withdraw_button, self.archive_button))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)

    # --- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stories = list(self._services.stories.list(
            include_archived=self.archived_check.isChecked()))
        # Each story's row and the words searched, made once here rather than at every key
        # typed (5,000 stories took half a second a keystroke).
        languages: dict[str, str] = {}
        self._rows = []
        for s in self._stories:
            if s.language not in languages:
                languages[s.language] = language_name(s.language) if s.language else ""
            row = Row(s.id, (Cell(s.title), Cell(s.teller_name or _("Anonymous")),
                             Cell(format_items(sorted((t.label for t in s.themes),
                                                      key=sort_key))),
                             Cell(languages[s.language]), consent_summary(s)))
            # Folded piece by piece: plain ASCII text (most stories) takes the quick way.
            self._rows.append((s, " ".join(fold(p) for p in (s.title, s.teller_name, s.text)),
                               row))
        self._shown_for = None  # what was read is new: the list is made again
        self._detail_id = -1  # no story's id: the chosen one is read again as it is now
        self.show_rows()

    def _matching(self) -> tuple[tuple, list]:
        """The search words and theme, and the entries that match them. A key typed only
        adds to the words (or to the last one), so the stories shown now are the only ones
        that can still match: they are searched instead of every story."""
        words = tuple(fold(self.search_field.text()).split())
        theme = self.theme_combo.currentData()
        chosen = StoryTheme(theme) if theme else None
        wanted = (words, chosen)
        entries = self._rows
        if self._shown_for is not None and self._shown_for[1] == chosen \
                and _narrower(words, self._shown_for[0]):
            entries = self._shown
        return wanted, [entry for entry in entries
                        if (chosen is None or chosen in entry[0].themes)
                        and all(word in entry[1] for word in words)]

    def show_rows(self) -> None:
        wanted, shown = self._matching()
        same = self._shown_for is not None and len(shown) == len(self._shown) \
            and all(a is b for a, b in zip(shown, self._shown, strict=True))
        self._shown_for, self._shown = wanted, shown
        if same:  # the same stories as shown already: the list (and the choice) stay
            return
        keep = self.story_id()
        self._filling = True  # the chosen story is looked at once, below
        try:
            self.table.model().set_rows(row for _story, _words, row in shown)
            if shown:
                select_id(self.table, keep, or_first=True)
        finally:
            self._filling = False
        if not self._stories:
            self.empty_label.setText(_("No stories yet. Write one down with New story; then "
                                       "record what its teller agreed to with Consent."))
        else:
            self.empty_label.setText(_("No story matches. Clear the search or choose Every "
                                       "theme."))
        self.empty_label.setVisible(not shown)
        if self.story_id() != self._detail_id:
            self._story_changed()

    def story_id(self) -> int | None:
        return selected_id(self.table)

    def select_story(self, story_id: int) -> None:
        select_id(self.table, story_id, or_first=True)

    def story(self):
        return next((s for s in self._stories if s.id == self.story_id()), None)

    def _story_changed(self) -> None:
        story_id = self._detail_id = self.story_id()
        story = None
        if story_id is not None:
            try:
                story = self._services.stories.get(story_id)
            except ServiceError:
                story = None
        self.detail.show_story(story)
        chosen = story is not None
        granted = chosen and any(c.state in (StoryConsentState.GRANTED,
                                             StoryConsentState.EXPIRED)
                                 for c in story.consents)
        self.edit_button.setEnabled(chosen)
        self.consent_button.setEnabled(chosen)
        self.withdraw_button.setEnabled(granted)
        self.archive_button.setEnabled(chosen)
        # An archived story (shown with "Show archived") can be brought back the same way.
        self.archive_button.setText(_("&Bring back story") if chosen and story.archived
                                    else _("&Archive story…"))

    # --- what is done with a story ---------------------------------------------------------

    def new_story(self) -> None:
        self._open(None)

    def edit_story(self) -> None:
        if self.story_id() is not None:
            self._open(self.story_id())

    def _open(self, story_id: int | None) -> None:
        from advocate_app.ui.dialogs.story_editor import StoryEditor

        try:
            dialog = StoryEditor(self._services, story_id, self)
        except ServiceError as exc:
            prompts.error(self, _("Story"), str(exc))
            self.refresh()
            return
        accepted = self._run_dialog(dialog)
        saved_id, title = dialog.saved_id, dialog.title_field.text().strip()
        dialog.deleteLater()  # a closed editor kept by the page grew memory all session long
        self.refresh()  # quotes are kept as they are approved, so the list follows anyway
        if accepted and saved_id is not None:
            self.select_story(saved_id)
            self.status_message.emit(_("Story “{title}” saved.").format(title=title))

    def edit_consent(self) -> None:
        from advocate_app.ui.dialogs.story_consent import StoryConsentEditor

        story_id = self.story_id()
        if story_id is None:
            return
        try:
            dialog = StoryConsentEditor(self._services, story_id, self)
        except ServiceError as exc:
            prompts.error(self, _("Consent"), str(exc))
            return
        self._run_dialog(dialog)  # every answer is recorded as it is given
        dialog.deleteLater()
        self.refresh()

    def withdraw_consent(self) -> None:
        from advocate_app.ui.dialogs.story_consent import withdraw_asked

        story_id = self.story_id()
        if story_id is None:
            return
        result = withdraw_asked(self, self._services, story_id)
        if result is not None:
            self.status_message.emit(result)
        self.refresh()

    def archive_story(self) -> None:
        story = self.story()
        if story is None:
            return
        if story.archived:
            self._bring_back(story)
            return
        title = _("Archive story")
        if not prompts.confirm(self, title, _(
                "Archive “{title}”? It leaves the list and can no longer be chosen for new "
                "outreach items; its consent and the log of its uses are kept.").format(
                title=story.title), destructive_label=_("&Archive")):
            return
        try:
            self._services.stories.archive(story.id)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        self.status_message.emit(_("Story “{title}” archived.").format(title=story.title))
        self.refresh()

    def _bring_back(self, story) -> None:
        try:
            self._services.stories.archive(story.id, archived=False)
        except ServiceError as exc:
            prompts.error(self, _("Bring back story"), str(exc))
            return
        self.status_message.emit(_("Story “{title}” is back in the list.").format(
            title=story.title))
        self.refresh()
        self.select_story(story.id)


def _narrower(words: tuple, before: tuple) -> bool:
    """True when every story matching ``words`` also matched ``before``: the same words with
    more typed at the end (a letter added to the last word, or a new word)."""
    if len(words) < len(before) or words[:max(0, len(before) - 1)] != before[:-1]:
        return False
    return not before or before[-1] in words[len(before) - 1]
