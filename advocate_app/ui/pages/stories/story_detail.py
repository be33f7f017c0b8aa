"""The chosen story, below the list, in tabs: its text and approved quotes, the consent for
each channel, the log of every use, and its attachments (opened with the system's viewer from
the copy kept in the data folder; added in the background)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from advocate_app.domain.story_rules import StoryConsentState
from advocate_app.i18n import _, mid_sentence
from advocate_app.i18n.collation import sort_key
from advocate_app.i18n.formatting import format_date, format_datetime, format_list, format_number
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import Cell, Row, selected_id
from advocate_app.ui.pages.boards.common import Work, button
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import fill, read_only_table, rows_table

#: Files a person may attach: recordings and photos (the service checks what they are).
ATTACHMENT_FILTERS = "{audio} (*.mp3 *.m4a *.wav *.ogg *.opus *.flac);;" \
                     "{photo} (*.jpg *.jpeg *.png *.webp *.heic);;{all} (*)"


def consent_words(consent) -> str:
    """One channel's consent in words, never by colour: "Granted, first name only, until
    3 Dec 2027"."""
    state = consent.state
    if state is StoryConsentState.GRANTED:
        text = _("Granted: {level}").format(level=mid_sentence(consent.identification.label))
        if consent.expires_on is not None:
            text = _("{state}, until {day}").format(state=text,
                                                   day=format_date(consent.expires_on))
        return text
    if state is StoryConsentState.EXPIRED and consent.expires_on is not None:
        return _("Expired on {day}").format(day=format_date(consent.expires_on))
    return state.label


def consent_summary(story) -> Cell:
    """The compact summary of a story's consents for the list: "Newsletter ✓ · Leaflets ✗
    withdrawn · Website: expired"; what a screen reader says spells each mark out."""
    if story.consents and all(c.state is StoryConsentState.GRANTED for c in story.consents):
        return Cell(_("Every use ✓"), accessible=_("Every use: granted"))
    shown, spoken = [], []
    for consent in story.consents:
        channel = consent.channel.label
        if consent.state is StoryConsentState.GRANTED:
            shown.append(_("{channel} ✓").format(channel=channel))
            spoken.append(_("{channel}: granted").format(channel=channel))
        elif consent.state is StoryConsentState.WITHDRAWN:
            shown.append(_("{channel} ✗ withdrawn").format(channel=channel))
            spoken.append(_("{channel}: withdrawn").format(channel=channel))
        elif consent.state is StoryConsentState.EXPIRED:
            shown.append(_("{channel}: expired").format(channel=channel))
            spoken.append(shown[-1])
    if not shown:
        text = _("No consent recorded")
        return Cell(text, accessible=text)
    return Cell(" · ".join(shown), accessible="; ".join(spoken))


def size_words(size: int) -> str:
    if size < 1024 * 1024:
        return _("{n} KB").format(n=format_number(max(1, round(size / 1024))))
    return _("{n} MB").format(n=format_number(round(size / (1024 * 1024), 1)))


class StoryDetail(QWidget):
    status_message = Signal(str)
    changed = Signal()  # an attachment was added or removed

    def __init__(self, services):
        super().__init__()
        self._services = services
        self._story = None
        self.work = Work(self)
        #: Opens a file with the system's viewer (tests replace it).
        self.open_url = QDesktopServices.openUrl
        self.heading = Heading(_("No story chosen"), level=2)
        self.about_label = QLabel()
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("The chosen story"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.tabs.addTab(self._text_tab(), _("Te&xt and quotes"))
        self.consent_table = read_only_table(
            [_("Channel"), _("Consent"), _("Identification"), _("Until")],
            _("Consent for each channel"), main=(0, 1))
        self.tabs.addTab(self.consent_table, _("C&onsent"))
        self.uses_table = read_only_table(
            [_("Item"), _("Rendering"), _("Channel"), _("Used on"), _("Reprint")],
            _("Where the story was used"), main=0)
        self.tabs.addTab(self._uses_tab(), _("&Uses"))
        self.tabs.addTab(self._attachments_tab(), _("Attach&ments"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.about_label)
        layout.addWidget(self.tabs, 1)
        self.show_story(None)

    def _text_tab(self) -> QWidget:
        tab = QWidget()
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setTabChangesFocus(True)
        self.text_view.setAccessibleName(_("The story as told"))
        self.quotes_table = read_only_table([_("Approved quote"), _("Approved on")],
                                            _("Approved quotes"), main=0)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.text_view, 3)
        layout.addWidget(self.quotes_table, 2)
        return tab

    def _uses_tab(self) -> QWidget:
        tab = QWidget()
        note = QLabel(_("Every outreach item that used the story or one of its quotes. Items "
                        "marked “do not reprint” are refused when drawn again."))
        note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.uses_table, 1)
        return tab

    def _attachments_tab(self) -> QWidget:
        from advocate_app.ui.models.rows import RowsModel

        tab = QWidget()
        self.attachments_table = rows_table(
            RowsModel([_("File"), _("Kind"), _("Description"), _("Size")]),
            _("Attachments"), main=(0, 2))
        self.attachments_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.update_buttons())
        self.attachments_table.activated.connect(lambda _i: self.open_attachment())
        self.open_button = button(_("O&pen"), self.open_attachment,
                                  _("Open the attachment with the system's viewer"))
        self.attach_button = button(_("Attach a recordin&g or photo…"),
                                    self.add_attachment)
        self.remove_attachment_button = button(_("Remove attac&hment…"),
                                               self.remove_attachment)
        note = QLabel(_("Recordings and photos are copied into the app's data folder; the "
                        "original file can be moved or deleted."))
        note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.attachments_table, 1)
        layout.addWidget(flow_of(self.open_button, self.attach_button,
                                 self.remove_attachment_button))
        return tab

    # --- showing a story -------------------------------------------------------------------

    def show_story(self, story) -> None:
        """``story`` is a StoryView read whole (quotes, attachments, consents), or None."""
        self._story = story
        if story is None:
            self.heading.setText(_("No story chosen"))
            self.about_label.setText(_("Choose a story in the list to read it, its quotes, "
                                       "its consent and where it was used."))
            self.text_view.setPlainText("")
            for table in (self.quotes_table, self.consent_table, self.uses_table):
                fill(table, [])
            self.attachments_table.model().set_rows([])
            self.tabs.setEnabled(False)
            self.update_buttons()
            return
        self.tabs.setEnabled(True)
        self.heading.setText(story.title)
        self.about_label.setText(self._about(story))
        self.about_label.setAccessibleName(self.about_label.text())
        self.text_view.setPlainText(story.text)
        fill(self.quotes_table, [Row(q.id, (q.text, format_date(q.approved_on)))
                                 for q in story.quotes])
        fill(self.consent_table, [
            Row(c.channel.value, (c.channel.label, consent_words(c),
                                  c.identification.label
                                  if c.state is StoryConsentState.GRANTED else "",
                                  format_date(c.expires_on)))
            for c in story.consents])
        self._show_uses(story.id)
        self.attachments_table.model().set_rows(
            Row(a.id, (a.original_name, a.kind.label, a.description, size_words(a.size)))
            for a in story.attachments)
        self.update_buttons()

    def _show_uses(self, story_id: int) -> None:
        uses = self._services.stories.uses(story_id)
        fill(self.uses_table, [
            Row(u.id, (u.item_title or _("(item deleted)"),
                       _("Rendering {n}").format(n=u.rendering_id) if u.rendering_id else "",
                       u.channel.label, format_datetime(u.used_at.astimezone(), "medium", zone=False),
                       Cell(_("✗ Do not reprint"), accessible=_("Do not reprint"))
                       if u.do_not_reprint else _("May reprint")))
            for u in uses])

    @staticmethod
    def _about(story) -> str:
        teller = story.teller_name or _("Anonymous")
        if story.teller_is_child:
            teller = _("{teller} (a child)").format(teller=teller)
        parts = [_("Told by {teller}").format(teller=teller)]
        if story.told_on:
            parts.append(_("on {day}").format(day=format_date(story.told_on)))
        themes = format_list(sorted((t.label for t in story.themes), key=sort_key))
        if themes:
            parts.append(_("Themes: {themes}").format(themes=themes))
        if story.archived:
            parts.append(_("Archived"))
        return " · ".join(parts)

    def update_buttons(self) -> None:
        chosen = selected_id(self.attachments_table) is not None
        story = self._story is not None
        self.open_button.setEnabled(chosen)
        self.remove_attachment_button.setEnabled(chosen)
        self.attach_button.setEnabled(story and not self.work.busy())

    # --- attachments -----------------------------------------------------------------------

    def open_attachment(self) -> None:
        attachment_id = selected_id(self.attachments_table)
        if attachment_id is None:
            return
        title = _("Open attachment")

        def done(path) -> None:  # a private copy, written outside the data folder
            self.update_buttons()
            if not self.open_url(QUrl.fromLocalFile(str(path))):
                prompts.error(self, title, _(
                    "This computer has no program to open {file}.").format(file=path.name))

        def failed(error: Exception) -> None:
            self.update_buttons()
            prompts.error(self, title, str(error))

        stories = self._services.stories
        self.work.start(lambda: stories.attachment_path(attachment_id), done, failed)
        self.update_buttons()

    def add_attachment(self) -> None:
        from pathlib import Path

        from advocate_app.ui import file_dialogs

        story = self._story
        if story is None:
            return
        title = _("Add attachment")
        chosen = file_dialogs.open_file(self, "story-attachments", title,
                                        ATTACHMENT_FILTERS.format(
                                            audio=_("Audio recordings"), photo=_("Photos"),
                                            all=_("All files")))
        if not chosen:
            return
        path = Path(chosen)
        description = prompts.ask_text(self, title, _(
            "Describe it for someone who cannot see or hear it (for a photo, what it shows):"))
        if description is None:
            return
        stories = self._services.stories

        def done(_result) -> None:
            self.status_message.emit(_("{file} attached to “{title}”.").format(
                file=path.name, title=story.title))
            self.changed.emit()

        def failed(error: Exception) -> None:
            self.update_buttons()
            prompts.error(self, title, str(error))

        self.status_message.emit(_("Copying {file}…").format(file=path.name))
        self.work.start(lambda: stories.attach(story.id, path, description), done, failed)
        self.update_buttons()

    def remove_attachment(self) -> None:
        attachment_id = selected_id(self.attachments_table)
        story = self._story
        if attachment_id is None or story is None:
            return
        found = next((a for a in story.attachments if a.id == attachment_id), None)
        name = found.original_name if found else ""
        title = _("Remove attachment")
        if not prompts.confirm(self, title, _(
                "Remove {file} from “{story}”? The copy Advocate keeps is deleted; "
                "the original file elsewhere is not touched.").format(file=name,
                                                                       story=story.title),
                destructive_label=_("&Remove")):
            return
        try:
            self._services.stories.remove_attachment(attachment_id)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        self.status_message.emit(_("{file} removed from “{story}”.").format(
            file=name, story=story.title))
        self.changed.emit()
