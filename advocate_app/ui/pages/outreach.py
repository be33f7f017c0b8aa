"""The Outreach page: leaflets, letters and invitations, previewed and printed in every format."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_datetime, language_name
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.outreach_blocks import problem_in_words
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.pdf_preview import PdfPreview
from advocate_app.ui.widgets.tables import readable_columns

TITLE, KIND, LANGUAGE, CHANGED = range(4)
#: The longest side of a page image sent to the printer, in dots per inch.
PRINT_DPI = 300


def choose_open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    """An outreach item to read; None if the person cancels (tests replace this)."""
    from advocate_app.ui import file_dialogs

    return file_dialogs.open_file(parent, "outreach-json", title, filters)


def preflight_box(parent: QWidget | None, title: str, problems: list[str]):
    """The message that lists what the pre-flight check found: (box, fix button, anyway)."""
    text = ngettext("The check found a problem for this format:",
                    "The check found {n} problems for this format:", len(problems)).format(
        n=len(problems))
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("\n".join("• " + problem for problem in problems) + "\n\n" + _(
        "You can go back and fix them, or save anyway: the problems are recorded with "
        "the file."))
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:  # the problems quote the document: never read as markup
        informative.setTextFormat(Qt.TextFormat.PlainText)
    fix = box.addButton(_("Go back and &fix"), QMessageBox.ButtonRole.RejectRole)
    anyway = box.addButton(_("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(fix)
    box.setEscapeButton(fix)
    return box, fix, anyway


def ask_save_anyway(parent: QWidget | None, title: str, problems: list[str]) -> bool:
    """Show what the pre-flight check found; True if the person chooses to save anyway.

    Tests replace this so no real dialog opens.
    """
    box, _fix, anyway = preflight_box(parent, title, problems)
    box.exec()
    return box.clickedButton() is anyway


def ask_printer(parent: QWidget | None, title: str):
    """A printer set up by the person; None if they cancel (tests replace this)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print “{title}”").format(title=title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_document(document, printer) -> int:
    """Draw every page of a QPdfDocument onto the printer, each at its own paper size.

    Returns the number of pages printed.
    """
    count = document.pageCount()
    if count == 0:
        return 0
    dpi = min(printer.resolution(), PRINT_DPI)

    def page_setup(number: int) -> QSizeF:
        size = document.pagePointSize(number)
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "",
                                      QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        return size

    size = page_setup(0)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for number in range(count):
            if number:
                size = page_setup(number)
                printer.newPage()
            pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
            image = document.render(number, pixels)
            target = printer.paperRect(printer.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    return count


SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class _Cell(QTableWidgetItem):
    """A cell that sorts by its sort key: dates by time, text without regard to case."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return str(self.data(SORT_ROLE) or "") < str(other.data(SORT_ROLE) or "")


class OutreachPage(QWidget):
    status_message = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._summaries = []
        # Files being written in the background (Save as PDF, Save as HTML, Export JSON).
        self.pdf_task = self.html_task = self.json_task = None
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

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("outreach-table")
        self.table.setAccessibleName(_("Outreach items"))
        self.table.setHorizontalHeaderLabels([_("Title"), _("Kind"), _("Language"),
                                              _("Last changed")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        readable_columns(self.table, TITLE)
        header = self.table.horizontalHeader()
        header.setSortIndicator(TITLE, Qt.SortOrder.AscendingOrder)
        self.table.itemSelectionChanged.connect(self._selection_changed)
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
        self.export_button.clicked.connect(self.export_json)
        self.archive_button = QPushButton(_("Ar&chive"))
        self.archive_button.clicked.connect(self.archive_selected)
        self.pack_button = QPushButton(_("Print pac&k…"))
        self.pack_button.clicked.connect(self.print_pack)
        for button in (self.edit_button, self.duplicate_button, self.import_button,
                       self.export_button, self.archive_button, self.pack_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))

        self.preview = PdfPreview(services)
        self.preview.busy_changed.connect(self._update_buttons)
        self.preview_heading = Heading(_("Preview"), level=2)
        self.pdf_button = QPushButton(_("Save as P&DF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.html_button = QPushButton(_("Save as &HTML…"))
        self.html_button.clicked.connect(self.save_html)
        self.print_button = QPushButton(_("P&rint…"))
        self.print_button.clicked.connect(self.print_item)
        for button in (self.pdf_button, self.html_button, self.print_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))

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
                       self.archive_button):
            first_row.addWidget(button)
        first_row.addStretch(1)
        second_row = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.pack_button):
            second_row.addWidget(button)
        second_row.addStretch(1)
        list_layout.addLayout(first_row)
        list_layout.addLayout(second_row)

        preview_side = QWidget()
        preview_layout = QVBoxLayout(preview_side)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_heading)
        preview_layout.addWidget(self.preview, 1)
        # Two rows, as under the list, so both sides fit beside each other on a small screen.
        output_row = QHBoxLayout()
        for button in (self.pdf_button, self.html_button):
            output_row.addWidget(button)
        output_row.addStretch(1)
        preview_layout.addLayout(output_row)
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        preview_layout.addLayout(print_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(preview_side)
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
        self.setTabOrder(self.archive_button, self.import_button)
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
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(self._summaries))
        for row, summary in enumerate(self._summaries):
            cells = (summary.title, summary.kind.label, language_name(summary.language),
                     format_date(summary.updated_at.astimezone())
                     if summary.updated_at else "")
            for column, text in enumerate(cells):
                cell = _Cell(text)
                if column == CHANGED and summary.updated_at:
                    cell.setToolTip(format_datetime(summary.updated_at.astimezone()))
                cell.setData(SORT_ROLE, summary.updated_at.isoformat()
                             if column == CHANGED and summary.updated_at else text.casefold())
                cell.setData(Qt.ItemDataRole.UserRole, summary.id)
                table.setItem(row, column, cell)
        table.setSortingEnabled(True)
        self.empty_label.setVisible(not self._summaries)
        self._apply_filter()
        if keep is not None:
            self.select_item(keep)
        elif self._visible_rows():
            table.selectRow(self._visible_rows()[0])
        self._selection_changed()

    def focus_first(self) -> None:
        if self.table.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.filter_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _visible_rows(self) -> list[int]:
        return [row for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]

    def _apply_filter(self) -> None:
        from advocate_app.domain.text import fold

        words = fold(self.filter_field.text()).split()
        for row in range(self.table.rowCount()):
            text = fold(" ".join(self.table.item(row, column).text()
                                 for column in (TITLE, KIND, LANGUAGE)))
            self.table.setRowHidden(row, not all(word in text for word in words))
        shown, total = len(self._visible_rows()), self.table.rowCount()
        if shown == total:
            self.count_label.setText(ngettext("{n} item", "{n} items", total).format(n=total))
        else:
            self.count_label.setText(ngettext("{shown} of {n} item", "{shown} of {n} items",
                                              total).format(shown=shown, n=total))
        selected = self.table.selectionModel().selectedRows()
        if selected and self.table.isRowHidden(selected[0].row()):
            self.table.clearSelection()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), TITLE).data(Qt.ItemDataRole.UserRole)

    def select_item(self, item_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, TITLE).data(Qt.ItemDataRole.UserRole) == item_id:
                if self.table.isRowHidden(row):
                    self.filter_field.clear()
                self.table.selectRow(row)
                self.table.scrollToItem(self.table.item(row, TITLE))
                return

    def _selected_title(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), TITLE).text() if rows else ""

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
        self.preview.show_item(item, profile)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.edit_button, self.duplicate_button, self.export_button,
                       self.archive_button, self.pack_button, self.pdf_button,
                       self.html_button):
            button.setEnabled(chosen)
        for task, button in ((self.pdf_task, self.pdf_button), (self.html_task, self.html_button),
                             (self.json_task, self.export_button)):
            if task is not None and task.is_running():
                button.setEnabled(False)  # saving: pressed again, it would write twice
        self.print_button.setEnabled(chosen and self.preview.document.pageCount() > 0
                                     and not self.preview.is_busy())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    # --- commands --------------------------------------------------------------------------

    def _item_or_say(self, title: str) -> tuple[int, OutreachItem] | None:
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
        self._open_editor(item, None)

    def edit_selected(self) -> None:
        chosen = self._item_or_say(_("Edit outreach item"))
        if chosen is not None:
            self._open_editor(chosen[1], chosen[0])

    def _open_editor(self, item: OutreachItem, item_id: int | None,
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
        return dialog.exec() == QDialog.DialogCode.Accepted

    def duplicate_selected(self) -> None:
        from dataclasses import replace

        chosen = self._item_or_say(_("Duplicate"))
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
        title = self._selected_title()
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
        try:
            text = Path(chosen).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            prompts.error(self, title, _("{file} could not be read: {reason}").format(
                file=Path(chosen).name, reason=str(exc)))
            return
        try:
            new_id = self._services.outreach.import_json(text)
        except (ContentError, ServiceError) as exc:
            prompts.error(self, title, _("{file} was not imported. {reason}").format(
                file=Path(chosen).name, reason=str(exc)))
            return
        self.refresh()
        self.select_item(new_id)
        self.status_message.emit(_("Imported “{title}”.").format(title=self._selected_title()))

    def export_json(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        title = self._selected_title()
        outreach = self._services.outreach
        chosen = prompts.save_file(self, _("Export “{title}”").format(title=title),
                                   outreach.file_name(title, "json"),
                                   _("Outreach item (*.json)"), "outreach-json")
        if not chosen:
            return
        path = Path(chosen)

        def failed(error: Exception) -> None:
            self._update_buttons()
            prompts.error(self, _("Export"), str(error))

        self.json_task = self._write_in_background(
            self.export_button, path, lambda: outreach.write_json(item_id, path), failed)

    def print_pack(self) -> None:
        from advocate_app.ui.dialogs.print_pack import PrintPackDialog

        item_id = self.selected_id()
        if item_id is None:
            return
        dialog = PrintPackDialog(self._services, item_id, self._selected_title(), self)
        self._run_dialog(dialog)

    # --- output ----------------------------------------------------------------------------

    def problems_in_words(self, item: OutreachItem, profile) -> list:
        """The pre-flight problems, and each as a sentence that says where it is."""
        problems = self._services.outreach.preflight(item, profile)
        return [(problem, problem_in_words(problem, item.blocks)) for problem in problems]

    def save_pdf(self) -> None:
        title = _("Save as PDF")
        chosen_item = self._item_or_say(title)
        if chosen_item is None:
            return
        item_id, item = chosen_item
        profile = self.preview.profile()
        found = self.problems_in_words(item, profile)
        overridden = []
        if found:
            if not ask_save_anyway(self, title, [words for _problem, words in found]):
                # Go back and fix: the editor opens at the first block with a problem.
                self.status_message.emit(_("Not saved: fix the problems, then save again."))
                first = next((p.block for p, _words in found if p.block), None)
                self._open_editor(item, item_id, first)
                return
            overridden = [problem for problem, _words in found]
        outreach = self._services.outreach
        chosen = prompts.save_file(self, title, outreach.file_name(item.title, "pdf", profile),
                                   _("PDF document (*.pdf)"), "outreach-pdf")
        if not chosen:
            return
        path = Path(chosen)

        def failed(error: Exception) -> None:
            self._update_buttons()
            prompts.error(self, title, _("The PDF could not be saved: {reason}").format(
                reason=str(error)))

        self.pdf_task = self._write_in_background(
            self.pdf_button, path, lambda: outreach.render_pdf(
                item, profile, path, item_id=item_id, overridden=overridden), failed)

    def _write_in_background(self, button: QPushButton, path: Path, write, failed):
        """Write ``path`` with ``write()`` off the GUI thread, ``button`` off meanwhile; the
        status line says when it is saved, ``failed`` when it is not."""
        from advocate_app.ui.tasks import run_in_background

        def saved(_result) -> None:
            self._update_buttons()
            self.status_message.emit(_("Saved {file}.").format(file=path.name))

        self.status_message.emit(_("Saving {file}…").format(file=path.name))
        button.setEnabled(False)
        return run_in_background(self, lambda _progress, _cancel: write(), on_done=saved,
                                 on_error=failed)

    def save_html(self) -> None:
        title = _("Save as HTML")
        chosen_item = self._item_or_say(title)
        if chosen_item is None:
            return
        item_id, item = chosen_item
        profile = self.preview.profile()
        outreach = self._services.outreach
        chosen = prompts.save_file(self, title, outreach.file_name(item.title, "html"),
                                   _("Web page (*.html)"), "outreach-html")
        if not chosen:
            return
        path = Path(chosen)

        def failed(error: Exception) -> None:
            self._update_buttons()
            prompts.error(self, title, _("The web page could not be saved: {reason}").format(
                reason=str(error)))

        self.html_task = self._write_in_background(
            self.html_button, path,
            lambda: outreach.render_html(item, profile, path, item_id=item_id), failed)

    def print_item(self) -> None:
        document = self.preview.document
        if self.selected_id() is None or document.pageCount() == 0 or self.preview.is_busy():
            return
        title = self._selected_title()
        printer = ask_printer(self, title)
        if printer is None:
            return
        pages = print_document(document, printer)
        self.status_message.emit(ngettext("Sent {n} page to the printer.",
                                          "Sent {n} pages to the printer.", pages).format(
            n=pages))

    def wait_for_work(self) -> None:
        """Let background drawing and saving end (closing, tests)."""
        self.preview.wait()
        for task in (self.pdf_task, self.html_task, self.json_task):
            if task is not None:
                task.wait()
