"""The outreach editor: an item's details, its blocks, a live preview and the pre-flight check.

The editor works on a copy of the item: nothing is stored until Save. The preview is drawn in
the background about 600 ms after the last change, so typing never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.community import ConsentPurpose
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.domain.story_rules import StoryChannel
from advocate_app.i18n import _
from advocate_app.services.errors import ConcurrentEditError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.outreach_blocks import (
    BLOCK_NAMES,
    BlockForm,
    block_name,
    describe_block,
    language_combo,
    new_block,
    problem_in_words,
    select_data,
)
from advocate_app.ui.dialogs.outreach_translation_note import TranslationNote, editor_title
from advocate_app.ui.help import install_help_key
from advocate_app.ui.widgets.pdf_preview import PdfPreview

#: How long the preview waits after the last change before drawing again.
PREVIEW_DELAY_MS = 600


class OutreachEditor(QDialog):
    """``drawing``: the item as another preview already shows it (the Outreach page's), so the
    editor opens without drawing it again. A save starts from ``version`` (see versions)."""

    def __init__(self, services, item: OutreachItem, item_id: int | None = None,
                 parent: QWidget | None = None, profile: ProfileKey = ProfileKey.STANDARD,
                 drawing: tuple[OutreachItem, ProfileKey, bytes] | None = None):
        super().__init__(parent)
        self._services = services
        self.item_id = item_id
        self.saved_id: int | None = None
        self.version = services.outreach.version(item_id) if item_id is not None else None
        self.setWindowTitle(editor_title(item, item_id))
        self.setModal(True)
        self._loading = True

        # -- the item's details
        self.title_edit = QLineEdit(item.title)
        self.title_edit.setAccessibleName(_("Title"))
        title_label = QLabel(_("T&itle:"))
        title_label.setBuddy(self.title_edit)
        self.title_error = QLabel()
        self.title_error.setWordWrap(True)
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_error.font()
        font.setBold(True)
        self.title_error.setFont(font)
        self.title_error.setVisible(False)

        self.kind_combo = QComboBox()
        for kind in ItemKind:
            self.kind_combo.addItem(kind.label, kind.value)
        select_data(self.kind_combo, item.kind.value)
        self.kind_combo.setAccessibleName(_("Kind of item"))
        kind_label = QLabel(_("&Kind:"))
        kind_label.setBuddy(self.kind_combo)

        self.language_combo = language_combo()
        select_data(self.language_combo, item.language)
        self.language_combo.setAccessibleName(_("Language of the item"))
        language_label = QLabel(_("&Language:"))
        language_label.setBuddy(self.language_combo)

        details = QGridLayout()
        details.addWidget(title_label, 0, 0)
        details.addWidget(self.title_edit, 0, 1, 1, 3)
        details.addWidget(self.title_error, 1, 1, 1, 3)
        details.addWidget(kind_label, 2, 0)
        details.addWidget(self.kind_combo, 2, 1)
        details.addWidget(language_label, 2, 2)
        details.addWidget(self.language_combo, 2, 3)
        details.setColumnStretch(1, 1)
        details.setColumnStretch(3, 1)

        # -- the blocks
        self.block_list = QListWidget()
        self.block_list.setAccessibleName(_("Blocks, in the order they print"))
        self.block_list.currentRowChanged.connect(self._block_chosen)
        blocks_label = QLabel(_("&Blocks:"))
        blocks_label.setBuddy(self.block_list)
        self.add_button = QPushButton(_("&Add block"))
        self.add_button.setAccessibleName(_("Add a block"))
        add_menu = QMenu(self.add_button)
        for block_type in BLOCK_NAMES:
            add_menu.addAction(block_name(block_type),
                               lambda _c=False, t=block_type: self.add_block(t))
        self.add_button.setMenu(add_menu)
        self.remove_button = QPushButton(_("&Remove"))
        self.remove_button.setAccessibleName(_("Remove the block"))
        self.remove_button.clicked.connect(self.remove_block)
        self.up_button = QPushButton(_("Move &up"))
        self.up_button.setAccessibleName(_("Move the block up"))
        self.up_button.clicked.connect(lambda: self.move_block(-1))
        self.down_button = QPushButton(_("Move do&wn"))
        self.down_button.setAccessibleName(_("Move the block down"))
        self.down_button.clicked.connect(lambda: self.move_block(1))
        block_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            block_buttons.addWidget(button)
        block_buttons.addStretch(1)
        for keys, slot, what in (
                ("Alt+Shift+Up", lambda: self.move_block(-1), _("Move the block up")),
                ("Alt+Shift+Down", lambda: self.move_block(1), _("Move the block down")),
                (QKeySequence.StandardKey.Delete, self.remove_block, _("Remove the block"))):
            shortcut = QShortcut(QKeySequence(keys), self.block_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)  # shown by the help (F1)
            shortcut.activated.connect(slot)

        self.block_form = BlockForm()
        self.block_form.changed.connect(self._block_edited)
        self.block_form.story_page.bind(services, self.current_item, item_id)

        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(blocks_label)
        list_layout.addWidget(self.block_list, 1)
        list_layout.addLayout(block_buttons)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form_scroll.setWidget(self.block_form)
        form_scroll.setAccessibleName(_("Fields of the chosen block"))
        self.blocks_split = QSplitter(Qt.Orientation.Vertical)
        self.blocks_split.addWidget(list_side)
        self.blocks_split.addWidget(form_scroll)
        self.blocks_split.setChildrenCollapsible(False)
        self.blocks_split.setStretchFactor(0, 2)
        self.blocks_split.setStretchFactor(1, 3)

        # -- more about the item
        more = QWidget()
        more_form = QFormLayout(more)
        more_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        more_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.audience_edit = QLineEdit(item.audience)
        self.audience_edit.setPlaceholderText(_("For example: families of newly diagnosed "
                                                "children"))
        self._form_row(more_form, _("&Who it is for:"), self.audience_edit, _("Audience"))
        self.channel_edit = QLineEdit(item.channel)
        self.channel_edit.setPlaceholderText(_("For example: print, email, website"))
        self._form_row(more_form, _("How it is &sent:"), self.channel_edit, _("Channel"))
        self.purpose_combo = QComboBox()
        self.purpose_combo.addItem(_("The usual for this kind of item"), "")
        for purpose in ConsentPurpose:
            self.purpose_combo.addItem(purpose.label, purpose.value)
        select_data(self.purpose_combo, item.purpose)
        self._form_row(more_form, _("Consent &needed:"), self.purpose_combo,
                       _("Consent a member needs to be sent this"))
        self.group_edit = QLineEdit(item.group)
        self.group_edit.setPlaceholderText(_("The same name for every language and Easy Read "
                                             "version"))
        self._form_row(more_form, _("Versions &group:"), self.group_edit,
                       _("Versions group"))
        self.story_channel_combo = QComboBox()
        self.story_channel_combo.addItem(_("The usual for this kind of item"), "")
        for channel in StoryChannel:
            self.story_channel_combo.addItem(channel.label, channel.value)
        select_data(self.story_channel_combo, item.story_channel)
        self._form_row(more_form, _("Stories used &as:"), self.story_channel_combo,
                       _("Use of a story this item is"))
        self.story_channel_hint = QLabel()
        self.story_channel_hint.setWordWrap(True)
        more_form.addRow(None, self.story_channel_hint)
        self.easy_read_box = QCheckBox(_("Written in &Easy Read"))
        self.easy_read_box.setChecked(item.easy_read)
        self.easy_read_box.setAccessibleName(_("Written in Easy Read"))
        more_form.addRow(None, self.easy_read_box)
        purpose_hint = QLabel(_("Print packs leave out members who have not agreed to the "
                                "consent this item needs."))
        purpose_hint.setWordWrap(True)
        more_form.addRow(None, purpose_hint)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Content and details of the item"))
        self.tabs.tabBar().setAccessibleName(_("Content and details of the item"))
        self.tabs.addTab(self.blocks_split, _("C&ontent"))
        self.tabs.addTab(more, _("&More about this item"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(details)
        left_layout.addWidget(self.tabs, 1)

        # -- the preview and the pre-flight check
        self.preview = PdfPreview(services)
        self.preview.set_profile(profile)
        self.preview.profile_changed.connect(self._update_problems)
        self.problems_label = QLabel(_("Pre-&flight check:"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(_("Pre-flight check"))
        self.problems.setWordWrap(True)
        self.problems_label.setBuddy(self.problems)
        self.problems.itemActivated.connect(self._go_to_problem)
        problems_side = QWidget()
        problems_layout = QVBoxLayout(problems_side)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems_label)
        problems_layout.addWidget(self.problems, 1)
        self.problems.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(problems_side)
        right.setChildrenCollapsible(False)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        self.right_split = right

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        save_key.setWhatsThis(_("Save the item"))
        install_help_key(self)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))

        layout = QVBoxLayout(self)
        layout.addWidget(TranslationNote(services, item_id, self))  # its translation set
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        for edit in (self.title_edit, self.audience_edit, self.channel_edit, self.group_edit):
            edit.textChanged.connect(self._changed)
        for combo in (self.kind_combo, self.language_combo, self.purpose_combo,
                      self.story_channel_combo):
            combo.currentIndexChanged.connect(self._changed)
        for combo in (self.kind_combo, self.story_channel_combo):
            combo.currentIndexChanged.connect(self._story_channel_changed)
        self.easy_read_box.toggled.connect(self._changed)
        self.title_edit.textChanged.connect(lambda _t: self.title_error.setVisible(False))

        self._blocks: list[Block] = list(item.blocks)
        for block in self._blocks:
            self.block_list.addItem(QListWidgetItem(describe_block(block)))
        self._loading = False
        self._story_channel_changed()
        if self._blocks:
            self.block_list.setCurrentRow(0)
        self._update_buttons()
        self._initial = self.current_item()
        self._fit_to_screen()
        if drawing is not None and drawing[:2] == (self._initial, profile):
            self.preview.show_drawing(drawing)
            self._update_problems()
        else:
            self.refresh_preview()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _form_row(form: QFormLayout, label_text: str, field: QWidget, accessible: str) -> None:
        label = QLabel(label_text)
        label.setBuddy(field)
        field.setAccessibleName(accessible)
        form.addRow(label, field)

    def _fit_to_screen(self) -> None:
        width, height = 1200, 800
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 9 // 10)
            height = min(height, available.height() * 9 // 10)
        self.resize(width, height)
        self.splitter.setSizes([width * 11 // 20, width * 9 // 20])
        line = self.fontMetrics().lineSpacing()
        self.right_split.setSizes([height - 8 * line, 6 * line])
        # The block list above and the chosen block's fields below, the fields given more room.
        self.blocks_split.setSizes([height * 2 // 5, height * 3 // 5])

    # --- the item --------------------------------------------------------------------------

    def current_item(self) -> OutreachItem:
        return OutreachItem(
            ItemKind(self.kind_combo.currentData()), self.title_edit.text().strip(),
            self.language_combo.currentData() or "en", tuple(self._blocks),
            self.audience_edit.text().strip(), self.channel_edit.text().strip(),
            self.purpose_combo.currentData() or "", self.group_edit.text().strip(),
            self.easy_read_box.isChecked(), self.story_channel_combo.currentData() or "")

    def has_changes(self) -> bool:
        return self.current_item() != self._initial

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._timer.start()

    def refresh_preview(self) -> None:
        self._timer.stop()
        self.preview.show_item(self.current_item(), item_id=self.item_id)
        self._update_problems()

    def _update_problems(self) -> None:
        profile = self.preview.profile()
        found = self._services.outreach.preflight(self.current_item(), profile,
                                                  item_id=self.item_id)
        self.problems.clear()
        if not found:
            item = QListWidgetItem(_("No problems for {profile}.").format(profile=profile.label))
            self.problems.addItem(item)
        for problem in found:
            item = QListWidgetItem(problem_in_words(problem, self._blocks))
            item.setData(Qt.ItemDataRole.UserRole, problem.block)
            self.problems.addItem(item)
        self.problems_label.setText(_("Pre-&flight check for {profile}:").format(
            profile=profile.label))

    def problem_texts(self) -> list[str]:
        return [self.problems.item(row).text() for row in range(self.problems.count())]

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        if number := item.data(Qt.ItemDataRole.UserRole):
            self.go_to_block(number)

    def go_to_block(self, number: int) -> None:
        """Show block ``number`` (1-based) in its form, the cursor in its first field."""
        if not 0 < number <= len(self._blocks):
            return
        self.tabs.setCurrentIndex(0)
        self.block_list.setCurrentRow(number - 1)
        field = self.block_form.first_field()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.isVisible():  # the dialog is about to open: focus the field once it has
            QTimer.singleShot(0, lambda: field.setFocus(Qt.FocusReason.OtherFocusReason))

    # --- blocks ----------------------------------------------------------------------------

    def _block_chosen(self, row: int) -> None:
        self.block_form.load(self._blocks[row] if 0 <= row < len(self._blocks) else None)
        self._update_buttons()

    def _block_edited(self) -> None:
        row = self.block_list.currentRow()
        block = self.block_form.block()
        if block is None or not 0 <= row < len(self._blocks):
            return
        self._blocks[row] = block
        self.block_list.item(row).setText(describe_block(block))
        self._changed()

    def _update_buttons(self) -> None:
        row = self.block_list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self._blocks) - 1)

    def _story_channel_changed(self, *_args) -> None:
        """Say which consent a story needs here, and show the story block's anew."""
        channel = self.current_item().effective_story_channel
        self.story_channel_hint.setText(_(
            "A story or quote is printed only where its teller consented to this use: "
            "{channel}.").format(channel=channel.label))
        if self.block_form.block() is not None and self.block_form.block().type == "story":
            self.block_form.story_page.refresh()

    def add_block(self, block_type: str) -> None:
        row = self.block_list.currentRow()
        row = len(self._blocks) if row < 0 else row + 1
        block = new_block(block_type)
        if block_type == "story":
            from advocate_app.ui.dialogs.outreach_story_block import choose_story

            chosen = choose_story(self, self._services,
                                  self.current_item().effective_story_channel)
            if chosen is None:
                return
            block = Block("story", chosen)
        self._blocks.insert(row, block)
        self.block_list.insertItem(row, QListWidgetItem(describe_block(block)))
        self.block_list.setCurrentRow(row)
        self._changed()
        self.block_form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_block(self) -> None:
        row = self.block_list.currentRow()
        if not 0 <= row < len(self._blocks):
            return
        del self._blocks[row]
        self.block_list.takeItem(row)
        if self._blocks:
            self.block_list.setCurrentRow(min(row, len(self._blocks) - 1))
        else:
            self.block_form.load(None)
        self._update_buttons()
        self._changed()

    def move_block(self, step: int) -> None:
        row = self.block_list.currentRow()
        target = row + step
        if not (0 <= row < len(self._blocks) and 0 <= target < len(self._blocks)):
            return
        self._blocks[row], self._blocks[target] = self._blocks[target], self._blocks[row]
        for number in (row, target):
            self.block_list.item(number).setText(describe_block(self._blocks[number]))
        self.block_list.setCurrentRow(target)
        self._changed()

    def save(self) -> None:
        from advocate_app.domain.outreach_content import ContentError
        from advocate_app.services.errors import NotFoundError, ValidationError

        item = self.current_item()
        if not item.title:
            self._show_title_error(_("An outreach item needs a title."))
            return
        try:
            self.saved_id = self._services.outreach.save(item, self.item_id, self.version)
        except ValidationError as exc:
            self._show_title_error(exc.errors.get("title") or str(exc))
            return
        except ConcurrentEditError as exc:
            self._someone_else_saved(exc, item)
            return
        except (NotFoundError, ContentError) as exc:  # ContentError: a picture not taken in
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self.accept()

    def _someone_else_saved(self, error: ConcurrentEditError, item: OutreachItem) -> None:
        """Both versions side by side; mine saved over theirs, or theirs kept (closing)."""
        from advocate_app.domain.edit_conflicts import Choice
        from advocate_app.ui.dialogs.edit_conflict import choose_version, item_differences

        found = item_differences(item, error.theirs.item) if error.theirs is not None else []
        choice = choose_version(self, self.windowTitle(), str(error), found)
        if choice is Choice.MINE:
            self.version = error.version
            self.save()
        elif choice is Choice.THEIRS:
            super().reject()  # mine is dropped as chosen: close without asking again

    def _show_title_error(self, message: str) -> None:
        self.title_error.setText(message)
        self.title_error.setVisible(True)
        self.title_edit.setAccessibleDescription(message)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self.has_changes() and not prompts.confirm(
                self, _("Discard changes?"),
                _("You have changes that are not saved. Close without saving them?"),
                destructive_label=_("Discard changes")):
            return
        super().reject()

    def done(self, result: int) -> None:
        self._timer.stop()
        super().done(result)
