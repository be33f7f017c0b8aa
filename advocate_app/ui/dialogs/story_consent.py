"""Consent for each use of a story: for every channel (leaflets, the newsletter, the website …)
whether the teller consents and how they may be named, with the very words that will be
printed; from when, until when, how it was given and the evidence; a parent's or guardian's
co-signature for a child; and below, the ledger of every answer.

Answers are recorded as they are given (the ledger is never changed, only added to).
Withdrawing consent first lists every item that used the story, then marks each "do not
reprint", saying honestly that copies already printed cannot be recalled.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.community import ConsentMethod
from advocate_app.domain.story_rules import Identification, StoryChannel, StoryConsentState
from advocate_app.i18n import _, mid_sentence, ngettext, pgettext
from advocate_app.i18n.collation import sort_key
from advocate_app.i18n.formatting import format_date, format_list
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_editor import date_of, name_buttons, optional_date_edit
from advocate_app.ui.dialogs.story_editor import problem_text
from advocate_app.ui.dialogs.story_session_editor import labelled
from advocate_app.ui.help import install_help_key
from advocate_app.ui.pages.stories.story_detail import consent_words
from advocate_app.ui.widgets.dates import date_edit
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import fill, read_only_table

#: Items listed by name before confirming a withdrawal; more are counted.
LISTED_ITEMS = 25


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _CheckLabel(QLabel):
    """A check box's words beside it, wrapping when long; a click on them ticks the box."""

    def __init__(self, text: str, check: QCheckBox):
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(check)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.buddy().isEnabled():
            self.buddy().toggle()
        super().mouseReleaseEvent(event)


class ChannelRow:
    """One channel's line: Grant, what holds now, the level of naming and the words printed."""

    def __init__(self, channel: StoryChannel):
        self.channel = channel
        self.grant = QCheckBox()
        self.grant.setAccessibleName(_("Grant consent for {channel}").format(
            channel=mid_sentence(channel.label)))
        self.name = _CheckLabel(channel.label, self.grant)
        self.now = _plain_label()
        self.level = QComboBox()
        for level in Identification:
            self.level.addItem(level.label, level.value)
        self.level.setAccessibleName(_("How the teller is named in {channel}").format(
            channel=mid_sentence(channel.label)))
        self.example = _plain_label()

    def identification(self) -> Identification:
        return Identification(self.level.currentData())


class StoryConsentEditor(QDialog):
    def __init__(self, services, story_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)
        self._services = services
        self.story_id = story_id
        story = services.stories.get(story_id)
        self._story = story
        #: The words printed at each level, from the stories service (never worked out here).
        self._printed = {level: services.stories.attribution(story_id, level)
                         for level in Identification}
        #: What was recorded while the dialog was open, in words (for the page's status line).
        self.recorded: list[str] = []
        self.setWindowTitle(_("Consent for each use"))
        self.heading = Heading(_("Consent for “{title}”").format(title=story.title), level=2)
        self.about_label = _plain_label(self._about(story))
        self.about_label.setAccessibleName(self.about_label.text())

        channels_box = QGroupBox(_("Uses the teller consents to"))
        grid = QGridLayout(channels_box)
        for column, text in ((0, _("Use (tick to grant)")), (2, _("Now")), (3, _("Named as")),
                             (4, _("Printed as"))):
            header = QLabel(text)
            header.setWordWrap(True)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column, 1, 2 if column == 0 else 1)
        self.rows: dict[StoryChannel, ChannelRow] = {}
        for index, channel in enumerate(StoryChannel, start=1):
            row = ChannelRow(channel)
            row.level.currentIndexChanged.connect(lambda _i, r=row: self._show_example(r))
            row.grant.toggled.connect(lambda _on: self._update_buttons())
            self.rows[channel] = row
            grid.addWidget(row.grant, index, 0)
            grid.addWidget(row.name, index, 1)
            grid.addWidget(row.now, index, 2)
            grid.addWidget(row.level, index, 3)
            grid.addWidget(row.example, index, 4)
        for column in (1, 2, 4):
            grid.setColumnStretch(column, 2)
        self.anonymous_note = _plain_label(_(
            "The teller is anonymous: the story can only be used anonymously."))
        self.anonymous_note.setVisible(story.anonymous)

        self.effective_edit = date_edit(QDate.currentDate())
        self.expires_edit = optional_date_edit(None)
        self.method_combo = QComboBox()
        for method in ConsentMethod:
            if method is not ConsentMethod.IMPORTED:
                self.method_combo.addItem(method.label, method.value)
        self.evidence_field = QLineEdit()
        self.evidence_field.setPlaceholderText(_("For example: signed form in the 2026 "
                                                 "stories folder"))
        self.guardian_field = QLineEdit()
        self.guardian_field.setPlaceholderText(_("Name of the parent or guardian who "
                                                 "co-signed"))
        # Two short fields a line (the dates, then how and the evidence), so the uses above
        # and the ledger below keep their room.
        fields = QGridLayout()
        fields.addWidget(labelled(_("&From:"), self.effective_edit), 0, 0)
        fields.addWidget(self.effective_edit, 0, 1)
        fields.addWidget(labelled(_("&Until (empty: until withdrawn):"), self.expires_edit),
                         0, 2)
        fields.addWidget(self.expires_edit, 0, 3, Qt.AlignmentFlag.AlignLeft)
        fields.addWidget(labelled(_("&How it was given:"), self.method_combo), 1, 0)
        fields.addWidget(self.method_combo, 1, 1)
        fields.addWidget(labelled(_("E&vidence:"), self.evidence_field), 1, 2)
        fields.addWidget(self.evidence_field, 1, 3)
        self.guardian_field.setAccessibleName(_("Parent or guardian who co-signed "
                                                "(required)"))
        self.guardian_label = labelled(_("Co-signed &by (required for a child):"),
                                       self.guardian_field)
        fields.addWidget(self.guardian_label, 2, 0, 1, 2)
        fields.addWidget(self.guardian_field, 2, 2, 1, 2)
        fields.setColumnStretch(3, 1)
        self.guardian_label.setVisible(story.teller_is_child)
        self.guardian_field.setVisible(story.teller_is_child)

        self.record_button = QPushButton(_("&Record consent for the ticked uses"))
        self.record_button.setAccessibleName(_("Record consent for the ticked uses"))
        self.record_button.clicked.connect(self.record)
        self.withdraw_button = QPushButton(_("&Withdraw consent…"))
        self.withdraw_button.setAccessibleName(_("Withdraw consent"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.message = _plain_label()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.about_label)
        top_layout.addWidget(channels_box)
        top_layout.addWidget(self.anonymous_note)
        top_layout.addLayout(fields)
        top_layout.addWidget(flow_of(self.record_button, self.withdraw_button))
        top_layout.addWidget(self.message)
        top_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(top)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        self._top, self._scroll = top, scroll

        self.history = read_only_table(
            [_("Use"), _("Answer"), _("Named as"), _("From"), _("Until"), _("How"),
             _("Co-signed by"), pgettext("consent", "Evidence"), _("Recorded")],
            _("Consent ledger"), main=(0, 7))
        history_side = QWidget()
        history_layout = QVBoxLayout(history_side)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(labelled(_("Ledger, newest first (never changed, only "
                                            "added to):"), self.history))
        history_layout.addWidget(self.history, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(history_side)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)
        # Wide enough for the ledger's columns at any text size (up to the screen's width).
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 150, 720)
        self.refresh()
        self._sized = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._sized:  # the uses and fields whole when there is room; the ledger the rest
            self._sized = True
            room = self.splitter.height()
            ledger = self.history.horizontalHeader().height() * 5
            wanted = self._top.sizeHint().height() + 2
            first = min(wanted, max(room - ledger, room // 2))
            self.splitter.setSizes([first, room - first])

    @staticmethod
    def _about(story) -> str:
        if story.anonymous:
            text = _("Told anonymously.")
        else:
            text = _("Told by {teller}.").format(teller=story.teller_name)
        if story.teller_is_child:
            text += " " + _("The teller is a child: a parent or guardian must co-sign every "
                            "consent.")
        return text

    # --- what holds now, and the ledger ----------------------------------------------------

    def refresh(self) -> None:
        story = self._services.stories.get(self.story_id)
        self._story = story
        for channel, row in self.rows.items():
            consent = story.consent(channel)
            row.now.setText(consent_words(consent))
            row.now.setAccessibleName(_("{channel} now: {state}").format(
                channel=channel.label, state=row.now.text()))
            level = (consent.identification if consent.state is StoryConsentState.GRANTED
                     else Identification.ANONYMOUS)
            row.level.setCurrentIndex(row.level.findData(level.value))
            row.level.setEnabled(not story.anonymous)
            row.grant.setChecked(False)
            self._show_example(row)
        fill(self.history, [
            (e.channel.label, e.status.label,
             e.identification.label if e.status is StoryConsentState.GRANTED else "",
             format_date(e.effective_on), format_date(e.expires_on),
             _method_label(e.method), e.guardian_name, e.evidence,
             _("{day} by {who}").format(day=format_date(e.recorded_at.astimezone()),
                                        who=e.recorded_by) if e.recorded_by
             else format_date(e.recorded_at.astimezone()))
            for e in self._services.stories.consent_history(self.story_id)])
        self._update_buttons()

    def _show_example(self, row: ChannelRow) -> None:
        words = self._printed[row.identification()]
        row.example.setText(_("“{words}”").format(words=words))
        row.example.setAccessibleName(_("Printed in {channel} as: {words}").format(
            channel=mid_sentence(row.channel.label), words=words))

    def _update_buttons(self) -> None:
        self.record_button.setEnabled(any(r.grant.isChecked() for r in self.rows.values()))
        self.withdraw_button.setEnabled(any(
            c.state in (StoryConsentState.GRANTED, StoryConsentState.EXPIRED)
            for c in self._story.consents))

    # --- recording -------------------------------------------------------------------------

    def grant_input(self, level: Identification):
        from advocate_app.domain.story_views import ConsentGrantInput

        return ConsentGrantInput(
            identification=level, effective_on=date_of(self.effective_edit),
            expires_on=date_of(self.expires_edit),
            guardian_name=self.guardian_field.text().strip(),
            method=ConsentMethod(self.method_combo.currentData()),
            evidence=self.evidence_field.text().strip())

    def record(self) -> None:
        """Grant the ticked uses, each at the level chosen for it (one entry per use)."""
        by_level: dict[Identification, set[StoryChannel]] = {}
        for channel, row in self.rows.items():
            if row.grant.isChecked():
                by_level.setdefault(row.identification(), set()).add(channel)
        if not by_level:
            self._say(_("Tick the uses the teller consents to first."))
            return
        done: list[StoryChannel] = []
        try:
            for level, channels in by_level.items():
                self._services.stories.grant(self.story_id, frozenset(channels),
                                             self.grant_input(level))
                done.extend(channels)
        except ServiceError as exc:
            self._say(problem_text(exc))
            # The field to put right takes the keyboard (the message stays in view).
            fields = {"guardian_name": self.guardian_field, "expires_on": self.expires_edit,
                      "effective_on": self.effective_edit}
            problems = getattr(exc, "errors", None) or {}
            field = next((fields[key] for key in problems if key in fields), None)
            if field is not None and field.isVisible():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
            if done:
                self.refresh()
            return
        names = format_list(mid_sentence(c.label) for c in StoryChannel if c in done)
        text = _("Consent recorded for {uses}.").format(uses=names)
        self.recorded.append(text)
        self.evidence_field.clear()
        self.refresh()
        self._say(text + " " + _("It is saved now; Close does not take it back."))

    def _say(self, text: str) -> None:
        """What happened, under the buttons, scrolled into view and read out."""
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self._scroll.ensureWidgetVisible(self.message)

    def withdraw(self) -> None:
        said = withdraw_asked(self, self._services, self.story_id)
        if said:
            self.recorded.append(said)
            self._say(said)
        self.refresh()


def _method_label(value: str) -> str:
    try:
        return ConsentMethod(value).label
    except ValueError:
        return value


def _items_text(uses) -> list[str]:
    """Each outreach item that used the story, once, with its uses' channels and dates."""
    items: dict[tuple, list] = {}
    for use in uses:
        items.setdefault((use.item_id, use.item_title), []).append(use)
    lines = []
    for (_item_id, title), found in items.items():
        channels = format_list(sorted({mid_sentence(u.channel.label) for u in found}, key=sort_key))
        last = max(u.used_at for u in found)
        lines.append(_("• {item} ({channels}; last used {day})").format(
            item=title or _("an item since deleted"), channels=channels,
            day=format_date(last)))
    return lines


def withdraw_asked(parent: QWidget, services, story_id: int) -> str | None:
    """Ask which uses to withdraw, list every item that used the story in them, and withdraw
    once the person confirms; what was done, in words (None when nothing was)."""
    title = _("Withdraw consent")
    try:
        story = services.stories.get(story_id)
    except ServiceError as exc:
        prompts.error(parent, title, str(exc))
        return None
    standing = [c.channel for c in story.consents
                if c.state in (StoryConsentState.GRANTED, StoryConsentState.EXPIRED)]
    if not standing:
        prompts.information(parent, title, _("“{title}” has no consent to withdraw.").format(
            title=story.title))
        return None
    options = [_("Every use")] + [c.label for c in standing]
    index = prompts.choose(parent, title, _("Withdraw consent for “{title}” from which "
                                            "use?").format(title=story.title), options)
    if index is None:
        return None
    channels = frozenset(StoryChannel) if index == 0 else frozenset({standing[index - 1]})
    uses = [u for u in services.stories.uses(story_id) if u.channel in channels]
    lines = _items_text(uses)
    if lines:
        shown = lines[:LISTED_ITEMS]
        if len(lines) > LISTED_ITEMS:
            more = len(lines) - LISTED_ITEMS
            shown.append(ngettext("… and {n} more item", "… and {n} more items", more)
                         .format(n=more))
        listing = ngettext(
            "This item used the story; it will be marked “do not reprint”:",
            "These {n} items used the story; each will be marked “do not reprint”:",
            len(lines)).format(n=len(lines)) + "\n" + "\n".join(shown) + "\n\n" + _(
            "Copies already printed, posted or published cannot be recalled.")
    else:
        listing = _("No outreach item has used the story in these uses yet.")
    question = _("Withdraw consent for “{title}” ({uses})?").format(
        title=story.title, uses=options[index].lower()) + "\n\n" + listing
    if not prompts.confirm(parent, title, question,
                           destructive_label=_("&Withdraw consent")):
        return None
    try:
        result = services.stories.withdraw(story_id, None if index == 0 else channels)
    except ServiceError as exc:
        prompts.error(parent, title, problem_text(exc))
        return None
    marked = ngettext("Consent for “{title}” withdrawn; {n} use marked “do not reprint”.",
                      "Consent for “{title}” withdrawn; {n} uses marked “do not reprint”.",
                      result.uses_marked).format(title=story.title, n=result.uses_marked)
    prompts.information(parent, title, marked + "\n\n" + result.note)
    return marked
