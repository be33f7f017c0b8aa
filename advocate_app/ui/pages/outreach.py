"""The Outreach page: leaflets, letters and invitations, previewed and printed in every format."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.access import Permission
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_datetime, language_name
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import SORT_ROLE, Cell, Row, RowsModel, select_id, selected_id
from advocate_app.ui.pages.outreach_output import OutreachOutput
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import rows_table, select_row
from advocate_app.ui.widgets.visibility import shown_if

TITLE, KIND, LANGUAGE, CHANGED, TRANSLATIONS = range(5)


def choose_open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    """An outreach item to read; None if the person cancels (tests replace this)."""
    from advocate_app.ui import file_dialogs

    return file_dialogs.open_file(parent, "outreach-json", title, filters)


def translation_text(summary) -> str:
    """What the list says of an item's translations (a source) or of it (a translation)."""
    if summary.source_id is not None:
        if summary.stale_since is not None:
            return _("Translation, stale since revision {revision}").format(
                revision=summary.stale_since)
        return _("Translation, up to date")
    if summary.stale:
        return ngettext("{stale} of {n} translation stale", "{stale} of {n} translations stale",
                        summary.translations).format(stale=summary.stale, n=summary.translations)
    if summary.translations:
        return ngettext("{n} translation, up to date", "{n} translations, all up to date",
                        summary.translations).format(n=summary.translations)
    return ""


class _Shown(QSortFilterProxyModel):
    """The items whose title, kind or language has every word looked for, sorted by each
    cell's sort key (dates by time, text without regard to case)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def look_for(self, words: list[str]) -> None:
        self.beginFilterChange()
        self.words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def matches(self, source_row: int, words: list[str] | None = None) -> bool:
        from advocate_app.domain.text import fold

        model = self.sourceModel()
        text = fold(" ".join(model.cell(source_row, column).text
                             for column in (TITLE, KIND, LANGUAGE)))
        return all(word in text for word in (self.words if words is None else words))

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802 - Qt's name
        return self.matches(source_row)


class OutreachPage(QWidget):
    status_message = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._summaries = []
        self.heading = Heading(_("Outreach"))

        self.filter_field = QLineEdit()
        self.filter_field.setPlaceholderText(_("Title, kind or language"))
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.setAccessibleName(_("Show items whose title, kind or language has"))
        filter_label = QLabel(_("&Find:"))
        filter_label.setBuddy(self.filter_field)
        self.filter_field.textChanged.connect(self._apply_filter)
        self.filter_field.returnPressed.connect(
            lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason))

        self.model = RowsModel([_("Title"), _("Kind"), _("Language"), _("Last changed"),
                                _("Translations")],
                               self, alignment=None, tooltip_after=None)
        self.shown = _Shown(self)
        self.shown.setSourceModel(self.model)
        self.table = rows_table(self.shown, _("Outreach items"), main=(TITLE, TRANSLATIONS))
        self.table.setObjectName("outreach-table")
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(TITLE, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_args: self._selection_changed())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        for keys, slot, what in (
                (QKeySequence.StandardKey.Delete, self.archive_selected,
                 _("Archive the selected item")),
                (Qt.Key.Key_Return, self.edit_selected, _("Edit the selected item")),
                (Qt.Key.Key_Enter, self.edit_selected, _("Edit the selected item"))):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)  # shown by the help (F1)
            shortcut.activated.connect(slot)

        self.empty_label = QLabel(_(
            "No outreach items yet. Make one with New, or bring one in with Import JSON."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setVisible(False)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(_("Number of items shown"))

        self.new_button = QPushButton(_("&New…"))
        self.new_button.setAccessibleName(_("New outreach item"))
        new_menu = QMenu(self.new_button)
        for kind in ItemKind:
            new_menu.addAction(kind.label, lambda _c=False, k=kind: self.new_item(k))
        self.new_button.setMenu(new_menu)
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.duplicate_button = QPushButton(_("D&uplicate"))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.import_button = QPushButton(_("&Import JSON…"))
        self.import_button.clicked.connect(self.import_json)
        self.export_button = QPushButton(_("E&xport JSON…"))
        self.export_button.clicked.connect(lambda: self.output.export_json())
        self.archive_button = QPushButton(_("Ar&chive"))
        self.archive_button.clicked.connect(self.archive_selected)
        self.pack_button = QPushButton(_("Print pac&k…"))
        self.pack_button.clicked.connect(self.print_pack)
        self.translations_button = QPushButton(_("Trans&lations…"))
        self.translations_button.clicked.connect(self.translations)
        for button in (self.edit_button, self.duplicate_button, self.import_button,
                       self.export_button, self.archive_button, self.pack_button,
                       self.translations_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        # An account that may print but not write items (a volunteer) sees what printing needs.
        self.may_edit = services.actor.may(Permission.EDIT_OUTREACH)
        for button in (self.new_button, self.edit_button, self.duplicate_button,
                       self.import_button, self.export_button, self.archive_button):
            shown_if(button, self.may_edit)
        shown_if(self.pack_button, services.actor.may(Permission.PRINT))
        shown_if(self.translations_button, services.actor.may(Permission.PRINT))

        # The preview side: the item drawn as it will print, and what can be made of it.
        self.output = OutreachOutput(self, services)
        self.preview = self.output.preview
        self.pdf_button = self.output.pdf_button
        self.html_button = self.output.html_button
        self.print_button = self.output.print_button
        self.preview.busy_changed.connect(self._update_buttons)
        self.output.work_ended.connect(self._update_buttons)

        # Two rows of buttons under the list: what makes or changes items, and what moves them.
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(filter_label)
        filters.addWidget(self.filter_field, 1)
        filters.addWidget(self.count_label)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.empty_label)
        list_layout.addWidget(self.table, 1)
        first_row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.duplicate_button,
                       self.archive_button, self.translations_button):
            first_row.addWidget(button)
        first_row.addStretch(1)
        second_row = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.pack_button):
            second_row.addWidget(button)
        second_row.addStretch(1)
        list_layout.addLayout(first_row)
        list_layout.addLayout(second_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.output)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([3000, 2000])  # the list's titles need the room more

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

        self.setTabOrder(self.filter_field, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.duplicate_button)
        self.setTabOrder(self.duplicate_button, self.archive_button)
        self.setTabOrder(self.archive_button, self.translations_button)
        self.setTabOrder(self.translations_button, self.import_button)
        self.setTabOrder(self.import_button, self.export_button)
        self.setTabOrder(self.export_button, self.pack_button)
        self.setTabOrder(self.pack_button, self.preview.profile_combo)
        self.setTabOrder(self.preview.profile_combo, self.preview.view)
        self.setTabOrder(self.preview.view, self.pdf_button)
        self.setTabOrder(self.pdf_button, self.html_button)
        self.setTabOrder(self.html_button, self.print_button)
        self._shown_id: int | None = None
        self._update_buttons()

    # --- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the items (keeps the filter and the selected item)."""
        keep = self.selected_id()
        self._summaries = self._services.outreach.list()
        rows = []
        for summary in self._summaries:
            texts = (summary.title, summary.kind.label, language_name(summary.language))
            cells = [Cell(text, text.casefold()) for text in texts]
            if summary.updated_at:
                when = summary.updated_at.astimezone()
                cells.append(Cell(format_date(when), summary.updated_at.isoformat(),
                                  tooltip=format_datetime(when)))
            else:
                cells.append(Cell("", ""))
            cells.append(Cell(translation_text(summary)))
            rows.append(Row(summary.id, cells))
        self.model.set_rows(rows)
        self.empty_label.setVisible(not self._summaries)
        self._apply_filter()
        if keep is not None:
            self.select_item(keep)
        elif self.shown.rowCount():
            select_row(self.table, 0)
        self._selection_changed()

    def focus_first(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.filter_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_filter(self) -> None:
        from advocate_app.domain.text import fold

        words = fold(self.filter_field.text()).split()
        chosen = self.selected_id()
        if chosen is not None \
                and not self.shown.matches(self.model.index_of(chosen).row(), words):
            # Let go of the current row too: were it filtered out with a current row, the
            # view would choose the row taking its place.
            self.table.clearSelection()
            self.table.selectionModel().clearCurrentIndex()
        self.shown.look_for(words)
        shown, total = self.shown.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(ngettext("{n} item", "{n} items", total).format(n=total))
        else:
            self.count_label.setText(ngettext("{shown} of {n} item", "{shown} of {n} items",
                                              total).format(shown=shown, n=total))

    def selected_id(self) -> int | None:
        return selected_id(self.table)

    def select_item(self, item_id: int) -> None:
        index = self.model.index_of(item_id)
        if not index.isValid():
            return
        if not self.shown.matches(index.row()):
            self.filter_field.clear()
        select_id(self.table, item_id)

    def selected_title(self) -> str:
        item_id = self.selected_id()
        return self.model.cell(self.model.index_of(item_id).row(), TITLE).text \
            if item_id is not None else ""

    def _selection_changed(self) -> None:
        item_id = self.selected_id()
        self._update_buttons()
        if item_id == self._shown_id and self.preview.item() is not None:
            return
        self._shown_id = item_id
        if item_id is None:
            self.preview.show_item(None)
            return
        try:
            item = self._services.outreach.get(item_id)
        except (ServiceError, ValueError) as exc:
            self.preview.show_message(str(exc))
            return
        # Easy Read content is shown in the Easy Read profile, other content out of it (the
        # item shown before is not drawn again in the new profile on the way).
        profile = None
        if item.easy_read != (self.preview.profile() == ProfileKey.EASY_READ):
            profile = ProfileKey.EASY_READ if item.easy_read else ProfileKey.STANDARD
        self.preview.show_item(item, profile, item_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.edit_button, self.duplicate_button, self.export_button,
                       self.archive_button, self.pack_button, self.translations_button):
            button.setEnabled(chosen)
        self.output.update_buttons(chosen)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    # --- commands --------------------------------------------------------------------------

    def chosen_item(self, title: str) -> tuple[int, OutreachItem] | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        try:
            return item_id, self._services.outreach.get(item_id)
        except (ServiceError, ValueError) as exc:
            prompts.error(self, title, str(exc))
            self.refresh()
            return None

    def new_item(self, kind: ItemKind = ItemKind.LEAFLET) -> None:
        from advocate_app.i18n import current_language

        blocks = (Block("heading", {"level": 1, "text": ""}), Block("paragraph", {"text": ""}))
        if kind in (ItemKind.LETTER, ItemKind.INVITATION):
            blocks = (Block("address"), *blocks)
        item = OutreachItem(kind, "", (current_language() or "en").split("_")[0], blocks)
        self.open_editor(item, None)

    def edit_selected(self) -> None:
        if not self.may_edit:  # a double click, from an account that may not change items
            return
        chosen = self.chosen_item(_("Edit outreach item"))
        if chosen is not None:
            self.open_editor(chosen[1], chosen[0])

    def open_editor(self, item: OutreachItem, item_id: int | None,
                     block: int | None = None) -> None:
        """Edit ``item``; with ``block`` (1-based), open at that block."""
        from advocate_app.ui.dialogs.outreach_editor import OutreachEditor

        dialog = OutreachEditor(self._services, item, item_id, self, self.preview.profile(),
                                drawing=self.preview.drawing())
        if block is not None:
            dialog.go_to_block(block)
        accepted = self._run_dialog(dialog)
        dialog.preview.wait()
        if accepted and dialog.saved_id is not None:
            self.status_message.emit(_("“{title}” saved.").format(
                title=dialog.current_item().title))
            self._shown_id = None
            self.refresh()
            self.select_item(dialog.saved_id)
        dialog.deleteLater()  # kept, every closed editor slowed the page's events a little more
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog; tests replace this so no real modal loop runs."""
        return prompts.run_modal(dialog)

    def duplicate_selected(self) -> None:
        from dataclasses import replace

        chosen = self.chosen_item(_("Duplicate"))
        if chosen is None:
            return
        _item_id, item = chosen
        copy = replace(item, title=_("{title} (copy)").format(title=item.title))
        new_id = self._services.outreach.save(copy)
        self.refresh()
        self.select_item(new_id)
        self.status_message.emit(_("Made a copy: “{title}”.").format(title=copy.title))

    def archive_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        title = self.selected_title()
        if not prompts.confirm(
                self, _("Archive outreach item"),
                _("Archive “{title}”? It leaves the list; the files already made and the record "
                  "of what was sent are kept.").format(title=title),
                destructive_label=_("Archive")):
            return
        try:
            self._services.outreach.archive(item_id)
        except ServiceError as exc:
            prompts.error(self, _("Archive outreach item"), str(exc))
        self._shown_id = None
        self.table.clearSelection()
        self.refresh()
        self.status_message.emit(_("“{title}” archived.").format(title=title))

    def import_json(self) -> None:
        from advocate_app.domain.outreach_content import ContentError

        title = _("Import an outreach item")
        chosen = choose_open_file(self, title, _("Outreach item (*.json);;All files (*)"))
        if not chosen:
            return
        try:  # the file and its pictures read as hostile input, the pictures copied in
            new_id = self._services.outreach.import_file(chosen)
        except (ContentError, ServiceError) as exc:
            prompts.error(self, title, _("{file} was not imported. {reason}").format(
                file=Path(chosen).name, reason=str(exc)))
            return
        self.refresh()
        self.select_item(new_id)
        self.status_message.emit(_("Imported “{title}”.").format(title=self.selected_title()))

    def print_pack(self) -> None:
        from advocate_app.ui.dialogs.print_pack import PrintPackDialog

        item_id = self.selected_id()
        if item_id is None:
            return
        dialog = PrintPackDialog(self._services, item_id, self.selected_title(), self)
        self._run_dialog(dialog)

    def translations(self) -> None:
        """The selected item's translations: their state, what changed, files for
        translators."""
        from advocate_app.ui.dialogs.outreach_translations import TranslationsDialog

        item_id = self.selected_id()
        if item_id is None:
            return

        def edit(translation_id: int) -> None:
            self.open_editor(self._services.outreach.get(translation_id), translation_id)

        dialog = TranslationsDialog(self._services, item_id, self,
                                    open_editor=edit if self.may_edit else None)
        self._run_dialog(dialog)
        dialog.wait()
        dialog.deleteLater()
        self._shown_id = None
        self.refresh()

    # --- output ----------------------------------------------------------------------------

    def wait_for_work(self) -> None:
        """Let background drawing and saving end (closing, tests)."""
        self.output.wait()
