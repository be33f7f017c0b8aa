"""A story or quote in an outreach item: the picker that chooses one, and the block's page in
the editor, which shows what will print today (the words, the attribution the engine writes at
the consented level) and the story's consent for the item's channel.

The words and the attribution cannot be typed here: they come from the story and its consent,
through the outreach service, on the day the item is rendered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.outreach_content import Block, OutreachItem
from advocate_app.domain.story_rules import ChannelConsent, StoryChannel, StoryConsentState
from advocate_app.i18n import _, mid_sentence
from advocate_app.i18n.formatting import format_date
from advocate_app.ui import prompts


def consent_words(consent: ChannelConsent | None) -> str:
    """The story's consent for one channel today, in a sentence."""
    if consent is None:
        return _("No consent can be found for this story.")
    channel = consent.channel.label
    if consent.state is StoryConsentState.GRANTED:
        named = mid_sentence(consent.identification.label)
        if consent.expires_on:
            return _("{channel}: consent granted today (named: {named}), until {day}.").format(
                channel=channel, named=named, day=format_date(consent.expires_on))
        return _("{channel}: consent granted today (named: {named}).").format(
            channel=channel, named=named)
    if consent.state is StoryConsentState.EXPIRED:
        return _("{channel}: consent ended on {day}.").format(
            channel=channel, day=format_date(consent.expires_on))
    if consent.state is StoryConsentState.WITHDRAWN:
        return _("{channel}: consent withdrawn.").format(channel=channel)
    return _("{channel}: the teller has not been asked.").format(channel=channel)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class StoryPicker(QDialog):
    """Stories with their teller (or "anonymous") and consent for ``channel`` today; below, the
    chosen story's approved quotes (or the whole story)."""

    def __init__(self, services, channel: StoryChannel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add a story or quote"))
        self.setModal(True)
        self._stories = services.stories.list()
        self.story_list = QListWidget()
        self.story_list.setAccessibleName(_("Stories"))
        for story in self._stories:
            teller = story.teller_name or _("anonymous")
            text = _("{title} — told by {teller} — {consent}").format(
                title=story.title, teller=teller, consent=consent_words(story.consent(channel)))
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, story.id)
            self.story_list.addItem(entry)
        stories_label = QLabel(_("&Story:"))
        stories_label.setBuddy(self.story_list)
        self.quote_list = QListWidget()
        self.quote_list.setAccessibleName(_("The whole story, or one of its approved quotes"))
        self.quote_list.setWordWrap(True)
        quotes_label = QLabel(_("&Print:"))
        quotes_label.setBuddy(self.quote_list)
        self.empty = QLabel(_("There are no stories yet: add them in the Stories section.")
                            if not self._stories else _(
            "Each story shows its teller’s consent today for this item’s use: {channel}."
        ).format(channel=channel.label))
        self.empty.setWordWrap(True)
        self.quote_list.itemActivated.connect(lambda _entry: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.empty, stories_label, self.story_list, quotes_label,
                       self.quote_list, self.buttons):
            layout.addWidget(widget)
        self.story_list.currentRowChanged.connect(self._story_chosen)
        if self._stories:
            self.story_list.setCurrentRow(0)
        self._story_chosen(self.story_list.currentRow())
        self.resize(720, 520)

    def _story_chosen(self, row: int) -> None:
        self.quote_list.clear()
        self.ok_button.setEnabled(0 <= row < len(self._stories))
        if not 0 <= row < len(self._stories):
            return
        story = self._stories[row]
        whole = QListWidgetItem(_("The whole story"))
        whole.setData(Qt.ItemDataRole.UserRole, None)
        self.quote_list.addItem(whole)
        for quote in story.quotes:
            entry = QListWidgetItem(_("Quote: “{words}”").format(words=_short(quote.text)))
            entry.setData(Qt.ItemDataRole.UserRole, quote.id)
            self.quote_list.addItem(entry)
        self.quote_list.setCurrentRow(0)

    def chosen(self) -> dict | None:
        """The story block's data for what is chosen; None when nothing is."""
        row = self.story_list.currentRow()
        if not 0 <= row < len(self._stories):
            return None
        quote = self.quote_list.currentItem()
        return {"story_id": self._stories[row].id,
                "quote_id": quote.data(Qt.ItemDataRole.UserRole) if quote else None,
                "title": self._stories[row].title}


def choose_story(parent: QWidget | None, services, channel: StoryChannel) -> dict | None:
    """The story (and quote) the person picks; None if they cancel (tests replace this)."""
    picker = StoryPicker(services, channel, parent)
    return picker.chosen() if prompts.run_modal(picker) else None


class StoryBlockPage(QWidget):
    """The story block's page: which story and quote, and what will print today."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = None
        self._item: Callable[[], OutreachItem] | None = None
        self._item_id: int | None = None
        self._data: dict = {}
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.story_label = QLabel()
        self.story_label.setWordWrap(True)
        self.story_label.setTextFormat(Qt.TextFormat.PlainText)
        self.change_button = QPushButton(_("C&hoose another story…"))
        self.change_button.setAccessibleName(_("Choose another story"))
        self.change_button.clicked.connect(self._choose)
        form.addRow(_("Story:"), self.story_label)
        form.addRow(None, self.change_button)
        self.quote_combo = QComboBox()
        self.quote_combo.setAccessibleName(_("The whole story, or one of its approved quotes"))
        self.quote_combo.currentIndexChanged.connect(self._quote_chosen)
        quote_label = QLabel(_("&Print:"))
        quote_label.setBuddy(self.quote_combo)
        form.addRow(quote_label, self.quote_combo)
        self.consent_label = QLabel()
        self.consent_label.setWordWrap(True)
        self.consent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.consent_label.setAccessibleName(_("Consent for this item's channel today"))
        form.addRow(_("Consent:"), self.consent_label)
        self.attribution_label = QLabel()
        self.attribution_label.setWordWrap(True)
        self.attribution_label.setTextFormat(Qt.TextFormat.PlainText)
        self.attribution_label.setAccessibleName(_("Attribution that will be printed"))
        form.addRow(_("Printed as:"), self.attribution_label)
        self.words = QPlainTextEdit()
        self.words.setReadOnly(True)
        self.words.setTabChangesFocus(True)
        self.words.setAccessibleName(_("The words that will be printed"))
        line = self.words.fontMetrics().lineSpacing()
        self.words.setMinimumHeight(line * 4 + 12)
        self.words.setMaximumHeight(line * 10 + 12)
        words_label = QLabel(_("&Words:"))
        words_label.setBuddy(self.words)
        form.addRow(words_label, self.words)
        hint = QLabel(_("The words and the name printed come from the story and its consent "
                        "on the day the item is printed; they cannot be typed here. Change "
                        "them in the Stories section."))
        hint.setWordWrap(True)
        form.addRow(None, hint)

    def bind(self, services, item: Callable[[], OutreachItem], item_id: int | None) -> None:
        """Where the page asks what a block prints: the outreach service, for the item as the
        editor has it now (its channel), stored as ``item_id``."""
        self._services, self._item, self._item_id = services, item, item_id

    def load(self, data: dict) -> None:
        self._loading = True
        try:
            self._data = dict(data)
            self.quote_combo.clear()
            self.quote_combo.addItem(_("The whole story"), None)
            story = self._story_view()
            for quote in story.quotes if story is not None else ():
                self.quote_combo.addItem(_("Quote: “{words}”").format(words=_short(quote.text)),
                                         quote.id)
            index = self.quote_combo.findData(data.get("quote_id"))
            if index < 0 and data.get("quote_id") is not None:
                self.quote_combo.addItem(_("A quote that is no longer approved"),
                                         data.get("quote_id"))
                index = self.quote_combo.count() - 1
            self.quote_combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self.refresh()

    def data(self) -> dict:
        return dict(self._data)

    def refresh(self) -> None:
        """Show what the block prints in the item as it is now (its channel may have changed)."""
        if self._services is None or self._item is None or not self._data:
            return
        view = self._services.outreach.story_block(self._item(), Block("story", self._data),
                                                   self._item_id)
        teller = view.teller_name or _("anonymous")
        self.story_label.setText(_("{title} (told by {teller})").format(
            title=view.title or self._data.get("title") or "", teller=teller))
        self.consent_label.setText(view.refusal or consent_words(view.consent))
        self.attribution_label.setText(_("— {attribution}").format(
            attribution=view.attribution) if view.attribution else "")
        self.words.setPlainText(view.text)

    def _story_view(self):
        if self._services is None or not self._data:
            return None
        from advocate_app.services.errors import ServiceError

        try:
            return self._services.stories.get(int(self._data.get("story_id") or 0))
        except ServiceError:  # the story was removed since: the block says so when shown
            return None

    def _quote_chosen(self) -> None:
        if self._loading:
            return
        self._data["quote_id"] = self.quote_combo.currentData()
        self.refresh()
        self.changed.emit()

    def _choose(self) -> None:
        if self._services is None or self._item is None:
            return
        chosen = choose_story(self, self._services, self._item().effective_story_channel)
        if chosen:
            self.load(chosen)
            self.changed.emit()
