"""The Outreach page's preview side and what it makes: the chosen item drawn as it will print,
saved as PDF or HTML, exported as JSON, or sent to a printer.

Every file is written by the outreach service in the background (the window keeps answering);
printing draws the preview's pages, already made, onto the printer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.outreach_content import OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _, ngettext
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.outreach_blocks import problem_in_words
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.pdf_preview import PdfPreview

if TYPE_CHECKING:
    from advocate_app.ui.tasks import BackgroundTask

#: The longest side of a page image sent to the printer, in dots per inch.
PRINT_DPI = 300


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
    if not prompts.run_modal(dialog):
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


class OutreachOutput(QWidget):
    """The preview, its heading and the buttons under it (Save as PDF, Save as HTML, Print),
    beside the list of the Outreach page; ``page`` is that page (the chosen item, the status
    line, the editor)."""

    #: A file has been written, or could not be: the buttons may change.
    work_ended = Signal()

    def __init__(self, page, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._page = page
        self._services = services
        # Files being written in the background (Save as PDF, Save as HTML, Export JSON).
        self.pdf_task: BackgroundTask | None = None
        self.html_task: BackgroundTask | None = None
        self.json_task: BackgroundTask | None = None
        self.print_task: BackgroundTask | None = None
        self.preview = PdfPreview(services)
        self.preview_heading = Heading(_("Preview"), level=2)
        self.pdf_button = QPushButton(_("Save as P&DF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.html_button = QPushButton(_("Save as &HTML…"))
        self.html_button.clicked.connect(self.save_html)
        self.print_button = QPushButton(_("P&rint…"))
        self.print_button.clicked.connect(self.print_item)
        for button in (self.pdf_button, self.html_button, self.print_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview_heading)
        layout.addWidget(self.preview, 1)
        # Two rows, as under the list, so both sides fit beside each other on a small screen.
        output_row = QHBoxLayout()
        for button in (self.pdf_button, self.html_button):
            output_row.addWidget(button)
        output_row.addStretch(1)
        layout.addLayout(output_row)
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        layout.addLayout(print_row)

    def update_buttons(self, chosen: bool) -> None:
        """The buttons for an item chosen or not; one whose file is being written stays off
        (pressed again, it would write twice)."""
        for button in (self.pdf_button, self.html_button):
            button.setEnabled(chosen)
        for task, button in ((self.pdf_task, self.pdf_button), (self.html_task, self.html_button),
                             (self.json_task, self._page.export_button)):
            if task is not None and task.is_running():
                button.setEnabled(False)
        self.print_button.setEnabled(chosen and self.preview.document.pageCount() > 0
                                     and not self.preview.is_busy())

    def export_json(self) -> None:
        item_id = self._page.selected_id()
        if item_id is None:
            return
        title = self._page.selected_title()
        outreach = self._services.outreach
        chosen = prompts.save_file(self._page, _("Export “{title}”").format(title=title),
                                   outreach.file_name(title, "json"),
                                   _("Outreach item (*.json)"), "outreach-json")
        if not chosen:
            return
        path = Path(chosen)

        def failed(error: Exception) -> None:
            self.work_ended.emit()
            prompts.error(self._page, _("Export"), str(error))

        self.json_task = self._write_in_background(
            self._page.export_button, path, lambda: outreach.write_json(item_id, path), failed)

    def problems_in_words(self, item: OutreachItem, profile: ProfileKey,
                          item_id: int | None = None) -> list:
        """The pre-flight problems, and each as a sentence that says where it is."""
        problems = self._services.outreach.preflight(item, profile, item_id=item_id)
        return [(problem, problem_in_words(problem, item.blocks)) for problem in problems]

    def save_pdf(self) -> None:
        title = _("Save as PDF")
        chosen_item = self._page.chosen_item(title)
        if chosen_item is None:
            return
        item_id, item = chosen_item
        profile = self.preview.profile()
        found = self.problems_in_words(item, profile, item_id)
        blocking = [words for problem, words in found if problem.blocking]
        if blocking:  # a story without consent: no printing anyway
            prompts.error(self._page, title, "\n".join(blocking))
            return
        overridden = []
        if found:
            if not ask_save_anyway(self._page, title, [words for _problem, words in found]):
                # Go back and fix: the editor opens at the first block with a problem.
                self._page.status_message.emit(_("Not saved: fix the problems, then save again."))
                first = next((p.block for p, _words in found if p.block), None)
                self._page.open_editor(item, item_id, first)
                return
            overridden = [problem for problem, _words in found]
        outreach = self._services.outreach
        chosen = prompts.save_file(self._page, title, outreach.file_name(item.title, "pdf", profile),
                                   _("PDF document (*.pdf)"), "outreach-pdf")
        if not chosen:
            return
        path = Path(chosen)

        def failed(error: Exception) -> None:
            self.work_ended.emit()
            prompts.error(self._page, title, _("The PDF could not be saved: {reason}").format(
                reason=str(error)))

        self.pdf_task = self._write_in_background(
            self.pdf_button, path, lambda: outreach.render_pdf(
                item, profile, path, item_id=item_id, overridden=overridden), failed)

    def _write_in_background(self, button: QPushButton, path: Path, write: Callable[[], object],
                             failed: Callable[[Exception], None]) -> BackgroundTask:
        """Write ``path`` with ``write()`` off the GUI thread, ``button`` off meanwhile; the
        status line says when it is saved, ``failed`` when it is not."""
        from advocate_app.ui.tasks import run_in_background

        def saved(_result: object) -> None:
            self.work_ended.emit()
            self._page.status_message.emit(_("Saved {file}.").format(file=path.name))

        self._page.status_message.emit(_("Saving {file}…").format(file=path.name))
        button.setEnabled(False)
        return run_in_background(self, lambda _progress, _cancel: write(), on_done=saved,
                                 on_error=failed)

    def save_html(self) -> None:
        title = _("Save as HTML")
        chosen_item = self._page.chosen_item(title)
        if chosen_item is None:
            return
        item_id, item = chosen_item
        profile = self.preview.profile()
        outreach = self._services.outreach
        chosen = prompts.save_file(self._page, title, outreach.file_name(item.title, "html"),
                                   _("Web page (*.html)"), "outreach-html")
        if not chosen:
            return
        path = Path(chosen)

        def failed(error: Exception) -> None:
            self.work_ended.emit()
            prompts.error(self._page, title, _("The web page could not be saved: {reason}").format(
                reason=str(error)))

        self.html_task = self._write_in_background(
            self.html_button, path,
            lambda: outreach.render_html(item, profile, path, item_id=item_id), failed)

    def print_item(self) -> None:
        document = self.preview.document
        if (self._page.selected_id() is None or document.pageCount() == 0
                or self.preview.is_busy()):
            return
        title = self._page.selected_title()
        printer = ask_printer(self._page, title)
        if printer is None:
            return
        item, item_id = self.preview.item(), self._page.selected_id()

        def send(_result: object = None) -> None:
            pages = print_document(document, printer)
            self._page.status_message.emit(ngettext("Sent {n} page to the printer.",
                                              "Sent {n} pages to the printer.", pages).format(
                n=pages))

        if item is None or not any(block.type == "story" for block in item.blocks):
            send()
            return
        # A story printed is a use of it: checked again and logged before the paper comes out.
        from advocate_app.ui.tasks import run_in_background

        profile = self.preview.profile()
        self.print_task = run_in_background(
            self, lambda _p, _c: self._services.outreach.record_printing(
                item, profile, item_id=item_id), on_done=send,
            on_error=lambda error: prompts.error(self._page, title, str(error)))


    def wait(self) -> None:
        """Let background drawing and saving end (closing, tests)."""
        self.preview.wait()
        for task in (self.pdf_task, self.html_task, self.json_task, self.print_task):
            if task is not None:
                task.wait()
