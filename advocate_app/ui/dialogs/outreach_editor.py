"""The outreach editor: an item's details, its blocks, a live preview and the pre-flight check.

The editor works on a copy of the item: nothing is stored until Save. The preview is drawn in
the background about 600 ms after the last change, so typing never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.documents.content import Block, ItemKind, OutreachItem
from advocate_app.documents.profiles import ProfileKey
from advocate_app.domain.community import ConsentPurpose
from advocate_app.i18n import N_, _, ngettext
from advocate_app.ui import prompts
from advocate_app.ui.widgets.heading import Heading

#: How long the preview waits after the last change before drawing again.
PREVIEW_DELAY_MS = 600

#: Block types in the order the "Add block" menu offers them, with their names.
BLOCK_NAMES = {
    "heading": N_("Heading"), "paragraph": N_("Paragraph"), "list": N_("List"),
    "table": N_("Table"), "image": N_("Picture"), "qr": N_("QR code"),
    "contact": N_("Contact details"), "event": N_("Event details"),
    "formats_notice": N_("Other formats notice"), "address": N_("Member's address"),
}


def block_name(block_type: str) -> str:
    return _(BLOCK_NAMES.get(block_type, block_type))


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def describe_block(block: Block) -> str:
    """A line that says what a block is and how it starts, for lists read aloud."""
    data = block.data
    name = block_name(block.type)
    if block.type == "heading":
        name = _("Heading {level}").format(level=data.get("level", 1))
        summary = data.get("text", "")
    elif block.type == "paragraph":
        summary = data.get("text", "")
    elif block.type == "list":
        items = data.get("items") or []
        summary = items[0] if items else ""
    elif block.type == "table":
        summary = " | ".join(str(cell) for cell in data.get("header") or [])
    elif block.type == "image":
        summary = data.get("alt") or _pictogram_label(data.get("pictogram")) or str(
            data.get("path") or "").replace("\\", "/").rsplit("/", 1)[-1]
    elif block.type == "qr":
        summary = data.get("caption") or data.get("url", "")
    elif block.type == "contact":
        lines = data.get("lines") or []
        summary = lines[0] if lines else ""
    elif block.type == "event":
        summary = data.get("title", "")
    else:
        summary = ""
    summary = _short(summary)
    if not summary:
        return name
    return _("{block}: {start}").format(block=name, start=summary)


def _pictogram_label(name) -> str:
    from advocate_app.documents import pictograms

    if not name or name not in pictograms.NAMES:
        return str(name or "")
    return pictograms.label(name)


def language_combo(include_blank: str = "") -> QComboBox:
    """Common languages by name; a blank first choice when ``include_blank`` names it."""
    from advocate_app.ui.dialogs.member_editor import language_choices

    combo = QComboBox()
    if include_blank:
        combo.addItem(include_blank, "")
    for name, code in language_choices():
        combo.addItem(name, code)
    return combo


def select_data(combo: QComboBox, value: str) -> None:
    """Choose ``value``, adding it as its own choice when the list does not have it."""
    index = combo.findData(value)
    if index < 0 and value:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def choose_picture_file(parent: QWidget | None) -> str | None:
    """A picture file to show; None if the person cancels (tests replace this)."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Choose a picture"), "", _("Pictures (*.png *.jpg *.jpeg)"))
    return chosen or None


# --- the preview --------------------------------------------------------------------------------

#: Renders still running, kept here so none is destroyed while its thread runs, even when the
#: window that asked for it has closed.
_RUNNING: set = set()


class PdfPreview(QWidget):
    """A profile chooser, a status line and the item drawn as its PDF will print.

    ``show_item`` asks for a new drawing; only the newest request is shown, and at most one
    drawing runs at a time.
    """

    rendered = Signal()
    profile_changed = Signal()
    #: True when a drawing starts, False when the last one has ended.
    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile_combo = QComboBox()
        for key in ProfileKey:
            self.profile_combo.addItem(key.label, key.value)
        self.profile_combo.setAccessibleName(_("Print profile for the preview"))
        profile_label = QLabel(_("Print &profile:"))
        profile_label.setBuddy(self.profile_combo)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)

        self.status = QLabel(_("Choose an item to see it here."))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(_("Preview status"))

        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(_("Preview"))
        self.view.setAccessibleDescription(_(
            "The item as it will print. Use the arrow and Page keys to scroll."))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setMinimumSize(240, 240)

        top = QHBoxLayout()
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self._item: OutreachItem | None = None
        self._wanted = 0      # the number of the newest request
        self._running = None  # the drawing in progress
        self._next = False    # a newer request waits for it
        self.failed = False

    def profile(self) -> ProfileKey:
        return ProfileKey(self.profile_combo.currentData())

    def set_profile(self, key: ProfileKey) -> None:
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(key.value))

    def item(self) -> OutreachItem | None:
        return self._item

    def is_busy(self) -> bool:
        return self._running is not None

    def show_item(self, item: OutreachItem | None) -> None:
        self._item = item
        self._wanted += 1
        if item is None:
            self._clear(_("Choose an item to see it here."))
            return
        if self._running is not None:
            self._next = True
            return
        self._start()

    def show_message(self, text: str) -> None:
        """Empty the preview and say why (nothing to show, no such item …)."""
        self._item = None
        self._wanted += 1
        self._clear(text)

    def _profile_changed(self) -> None:
        self.profile_changed.emit()
        if self._item is not None:
            self.show_item(self._item)

    def _clear(self, text: str) -> None:
        self.document.close()
        self._buffer = None
        self.status.setText(text)
        self.failed = False

    def _start(self) -> None:
        from advocate_app.ui.tasks import run_in_background

        item, profile, number = self._item, self.profile(), self._wanted
        self._next = False
        self.status.setText(_("Rendering…"))

        def work(_progress, _should_cancel):
            from advocate_app.documents.pdf import RenderError, RenderOptions, render

            try:
                return number, render(item, RenderOptions(profile=profile)), ""
            except (RenderError, ValueError, KeyError, OSError) as exc:
                return number, None, str(exc)

        task = run_in_background(QApplication.instance(), work, on_done=self._done,
                                 on_error=self._crashed)
        self._running = task
        _RUNNING.add(task)
        task.finished.connect(self._finished)
        self.busy_changed.emit(True)

    def _done(self, result) -> None:
        number, data, problem = result
        if number != self._wanted:
            return  # a newer drawing is on its way
        if data is None:
            self.document.close()
            self._buffer = None
            self.failed = True
            self.status.setText(_("This item cannot be shown: {reason}").format(
                reason=problem or _("the document could not be drawn.")))
        else:
            self._load(data)
        self.rendered.emit()

    def _crashed(self, error: Exception) -> None:
        self.document.close()
        self._buffer = None
        self.failed = True
        self.status.setText(_("This item cannot be shown: {reason}").format(reason=str(error)))
        self.rendered.emit()

    def _load(self, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        self.failed = False
        pages = self.document.pageCount()
        self.status.setText(ngettext("{profile}: {n} page.", "{profile}: {n} pages.",
                                     pages).format(profile=self.profile().label, n=pages))

    def _finished(self) -> None:
        task, self._running = self._running, None
        if self._next and self._item is not None:
            self._start()
        else:
            self.busy_changed.emit(False)
        if task is not None:
            QTimer.singleShot(0, lambda: _release(task))

    def wait(self, milliseconds: int = 10_000) -> None:
        """Let any drawing in progress end (windows closing, tests)."""
        if self._running is not None:
            self._running.wait(milliseconds)


def _release(task: QObject) -> None:
    """Forget a finished drawing once its thread has fully stopped."""
    task.wait()
    _RUNNING.discard(task)
    task.deleteLater()


# --- block forms --------------------------------------------------------------------------------


def _plain_text(lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def _pictogram_combo(blank: str) -> QComboBox:
    from advocate_app.documents import pictograms

    combo = QComboBox()
    combo.addItem(blank, "")
    for name in pictograms.NAMES:
        combo.addItem(pictograms.label(name), name)
    return combo


class BlockForm(QWidget):
    """The fields for one block, a page for each type of block."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self._type = ""
        self._data: dict = {}
        self.stack = QStackedWidget()
        self._pages: dict[str, int] = {}
        self.heading_label = Heading(_("Block"), level=3)

        def page(block_type: str) -> QFormLayout:
            holder = QWidget()
            form = QFormLayout(holder)
            form.setContentsMargins(0, 0, 0, 0)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self._pages[block_type] = self.stack.addWidget(holder)
            return form

        self.none_page = QLabel(_("Choose a block in the list to change it, or add one."))
        self.none_page.setWordWrap(True)
        self._pages[""] = self.stack.addWidget(self.none_page)

        form = page("heading")
        self.heading_level = QSpinBox()
        self.heading_level.setRange(1, 6)
        self._row(form, _("Le&vel:"), self.heading_level,
                  _("Heading level, 1 for the title of the document"))
        self.heading_text = QLineEdit()
        self._row(form, _("&Text:"), self.heading_text, _("Heading text"))

        form = page("paragraph")
        self.paragraph_text = _plain_text(6)
        self._row(form, _("&Text:"), self.paragraph_text, _("Paragraph text"))
        hint = QLabel(_("Write *words* for emphasis, **words** for strong emphasis and "
                        "[words](https://example.org) for a link."))
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(None, hint)
        self.paragraph_text.setAccessibleDescription(hint.text())
        self.paragraph_picture = _pictogram_combo(_("No picture"))
        self._row(form, _("Pi&cture beside it:"), self.paragraph_picture,
                  _("Picture beside the paragraph"))
        self.paragraph_alt = QLineEdit()
        self._row(form, _("Picture &description:"), self.paragraph_alt,
                  _("Description of the picture beside the paragraph"))

        form = page("list")
        self.list_items = _plain_text(6)
        self._row(form, _("I&tems, one a line:"), self.list_items, _("List items, one a line"))
        self.list_ordered = QCheckBox(_("&Numbered list"))
        self.list_ordered.setAccessibleName(_("Numbered list"))
        form.addRow(None, self.list_ordered)
        self.list_picture = _pictogram_combo(_("No picture"))
        self._row(form, _("Pi&cture beside it:"), self.list_picture,
                  _("Picture beside the list"))
        self.list_alt = QLineEdit()
        self._row(form, _("Picture &description:"), self.list_alt,
                  _("Description of the picture beside the list"))

        form = page("table")
        self.table_header = QLineEdit()
        self.table_header.setPlaceholderText(_("Column | Column | Column"))
        self._row(form, _("&Column headings:"), self.table_header,
                  _("Column headings, separated by a bar"))
        self.table_rows = _plain_text(6)
        self._row(form, _("Rows, one a lin&e:"), self.table_rows,
                  _("Table rows, one a line, cells separated by a bar"))
        table_hint = QLabel(_("Separate the cells of a row with a bar: |"))
        table_hint.setWordWrap(True)
        form.addRow(None, table_hint)

        form = page("image")
        self.image_pictogram = _pictogram_combo(_("None: use a picture file"))
        self._row(form, _("Pi&ctogram:"), self.image_pictogram, _("Pictogram"))
        self.image_path = QLineEdit()
        self.image_browse = QPushButton(_("Brow&se…"))
        self.image_browse.setAccessibleName(_("Choose a picture file"))
        self.image_browse.clicked.connect(self._browse)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.image_path, 1)
        path_layout.addWidget(self.image_browse)
        label = QLabel(_("Picture fil&e:"))
        label.setBuddy(self.image_path)
        self.image_path.setAccessibleName(_("Picture file"))
        form.addRow(label, path_row)
        self.image_alt = QLineEdit()
        self._row(form, _("&Description (alt text):"), self.image_alt,
                  _("Description of the picture for people who cannot see it"))
        self.image_decorative = QCheckBox(_("Only decoration: &nothing to describe"))
        self.image_decorative.setAccessibleName(_("The picture is only decoration"))
        form.addRow(None, self.image_decorative)

        form = page("qr")
        self.qr_url = QLineEdit()
        self.qr_url.setPlaceholderText("https://")
        self._row(form, _("W&eb address:"), self.qr_url, _("Web address for the QR code"))
        self.qr_caption = QLineEdit()
        self._row(form, _("&Caption:"), self.qr_caption, _("Caption under the QR code"))

        form = page("contact")
        self.contact_lines = _plain_text(5)
        self._row(form, _("Li&nes:"), self.contact_lines, _("Contact details, one a line"))

        form = page("event")
        self.event_title = QLineEdit()
        self._row(form, _("&Event:"), self.event_title, _("Event name"))
        self.event_when = QLineEdit()
        self._row(form, _("Whe&n:"), self.event_when, _("When the event is"))
        self.event_where = QLineEdit()
        self._row(form, _("W&here:"), self.event_where, _("Where the event is"))
        self.event_details = _plain_text(4)
        self._row(form, _("De&tails:"), self.event_details, _("Event details"))

        for block_type, text in (
                ("formats_notice", _("This block says which other formats the item comes in "
                                     "(large print, Easy Read …) and how to ask for them.")),
                ("address", _("In a print pack, each member's address is printed here. "
                              "Elsewhere it shows where the address will go."))):
            explanation = QLabel(text)
            explanation.setWordWrap(True)
            form = page(block_type)
            form.addRow(explanation)

        self.block_language = language_combo(_("Same as the item"))
        self.block_language.setAccessibleName(_("Language of this block"))
        language_label = QLabel(_("Block lan&guage:"))
        language_label.setBuddy(self.block_language)
        self.language_row = QWidget()
        language_layout = QHBoxLayout(self.language_row)
        language_layout.setContentsMargins(0, 0, 0, 0)
        language_layout.addWidget(language_label)
        language_layout.addWidget(self.block_language, 1)

        # The block's language sits beside its name, so it stays in view whatever the page.
        top = QHBoxLayout()
        top.addWidget(self.heading_label, 1)
        top.addWidget(self.language_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack)
        layout.addStretch(1)
        # The labels of every page line up in one column.
        labels = [label for label in self.stack.findChildren(QLabel)
                  if label.buddy() is not None]
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(widest)

        for widget in self.findChildren(QLineEdit):
            widget.textChanged.connect(self._edited)
        for widget in self.findChildren(QPlainTextEdit):
            widget.textChanged.connect(self._edited)
        for widget in self.findChildren(QComboBox):
            widget.currentIndexChanged.connect(self._edited)
        for widget in self.findChildren(QCheckBox):
            widget.toggled.connect(self._edited)
        self.heading_level.valueChanged.connect(self._edited)
        self.load(None)

    @staticmethod
    def _row(form: QFormLayout, label_text: str, field: QWidget, accessible: str) -> None:
        label = QLabel(label_text)
        label.setBuddy(field)
        field.setAccessibleName(accessible)
        form.addRow(label, field)

    def _browse(self) -> None:
        chosen = choose_picture_file(self)
        if chosen:
            self.image_path.setText(chosen)
            self.image_pictogram.setCurrentIndex(0)

    def first_field(self) -> QWidget:
        page = self.stack.currentWidget()
        for widget in page.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
        return self.block_language

    # --- loading and reading --------------------------------------------------------------

    def _show_page(self, block_type: str) -> None:
        """Show the page for the type, as tall as its own fields (not the tallest page)."""
        from PySide6.QtWidgets import QSizePolicy

        index = self._pages.get(block_type, self._pages[""])
        for number in range(self.stack.count()):
            policy = (QSizePolicy.Policy.Preferred if number == index
                      else QSizePolicy.Policy.Ignored)
            self.stack.widget(number).setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(index)
        self.stack.updateGeometry()

    def load(self, block: Block | None) -> None:
        self._loading = True
        try:
            if block is None:
                self._type, self._data = "", {}
                self.heading_label.setText(_("Block"))
                self._show_page("")
                self.language_row.setVisible(False)
                return
            self._type, self._data = block.type, dict(block.data)
            self.heading_label.setText(block_name(block.type))
            self._show_page(block.type)
            self.language_row.setVisible(True)
            select_data(self.block_language, block.language)
            data = block.data
            if block.type == "heading":
                self.heading_level.setValue(int(data.get("level") or 1))
                self.heading_text.setText(str(data.get("text", "")))
            elif block.type == "paragraph":
                self.paragraph_text.setPlainText(str(data.get("text", "")))
                select_data(self.paragraph_picture, str(data.get("picture") or ""))
                self.paragraph_alt.setText(str(data.get("picture_alt") or ""))
            elif block.type == "list":
                self.list_items.setPlainText("\n".join(str(i) for i in data.get("items") or []))
                self.list_ordered.setChecked(bool(data.get("ordered")))
                select_data(self.list_picture, str(data.get("picture") or ""))
                self.list_alt.setText(str(data.get("picture_alt") or ""))
            elif block.type == "table":
                self.table_header.setText(" | ".join(str(c) for c in data.get("header") or []))
                self.table_rows.setPlainText("\n".join(
                    " | ".join(str(c) for c in row) for row in data.get("rows") or []))
            elif block.type == "image":
                select_data(self.image_pictogram, str(data.get("pictogram") or ""))
                self.image_path.setText(str(data.get("path") or ""))
                self.image_alt.setText(str(data.get("alt") or ""))
                self.image_decorative.setChecked(bool(data.get("decorative")))
            elif block.type == "qr":
                self.qr_url.setText(str(data.get("url", "")))
                self.qr_caption.setText(str(data.get("caption") or ""))
            elif block.type == "contact":
                self.contact_lines.setPlainText("\n".join(str(x) for x in data.get("lines") or []))
            elif block.type == "event":
                self.event_title.setText(str(data.get("title", "")))
                self.event_when.setText(str(data.get("when") or ""))
                self.event_where.setText(str(data.get("where") or ""))
                self.event_details.setPlainText(str(data.get("details") or ""))
        finally:
            self._loading = False

    def block(self) -> Block | None:
        """The block as the fields now describe it (keys the form does not show are kept)."""
        if not self._type:
            return None
        data = dict(self._data)
        kind = self._type

        def lines(edit: QPlainTextEdit) -> list[str]:
            return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]

        def cells(text: str) -> list[str]:
            return [cell.strip() for cell in text.split("|")]

        def picture(combo: QComboBox, alt: QLineEdit) -> None:
            name = combo.currentData() or ""
            if name:
                data["picture"] = name
                data["picture_alt"] = alt.text().strip()
            else:
                data.pop("picture", None)
                data.pop("picture_alt", None)

        if kind == "heading":
            data.update(level=self.heading_level.value(), text=self.heading_text.text())
        elif kind == "paragraph":
            data["text"] = self.paragraph_text.toPlainText()
            picture(self.paragraph_picture, self.paragraph_alt)
        elif kind == "list":
            data.update(items=lines(self.list_items), ordered=self.list_ordered.isChecked())
            picture(self.list_picture, self.list_alt)
        elif kind == "table":
            header = self.table_header.text().strip()
            data.update(header=cells(header) if header else [],
                        rows=[cells(line) for line in lines(self.table_rows)])
        elif kind == "image":
            name = self.image_pictogram.currentData() or ""
            path = self.image_path.text().strip()
            for key in ("pictogram", "path"):
                data.pop(key, None)
            if name:
                data["pictogram"] = name
                data.pop("data", None)
            elif path:
                data["path"] = path
                data.pop("data", None)
            data.update(alt=self.image_alt.text().strip(),
                        decorative=self.image_decorative.isChecked())
        elif kind == "qr":
            data.update(url=self.qr_url.text().strip(), caption=self.qr_caption.text())
        elif kind == "contact":
            data["lines"] = lines(self.contact_lines)
        elif kind == "event":
            data.update(title=self.event_title.text(), when=self.event_when.text(),
                        where=self.event_where.text(),
                        details=self.event_details.toPlainText())
        return Block(kind, data, self.block_language.currentData() or "")

    def _edited(self, *_args) -> None:
        if not self._loading and self._type:
            self.changed.emit()


def new_block(block_type: str) -> Block:
    """An empty block of the type, ready to fill in."""
    return Block(block_type, {
        "heading": {"level": 2, "text": ""},
        "paragraph": {"text": ""},
        "list": {"ordered": False, "items": []},
        "table": {"header": [], "rows": []},
        "image": {"pictogram": "information", "alt": "", "decorative": False},
        "qr": {"url": "https://", "caption": ""},
        "contact": {"lines": []},
        "event": {"title": "", "when": "", "where": "", "details": ""},
    }.get(block_type, {}))


# --- the editor -------------------------------------------------------------------------------


class OutreachEditor(QDialog):
    def __init__(self, services, item: OutreachItem, item_id: int | None = None,
                 parent: QWidget | None = None, profile: ProfileKey = ProfileKey.STANDARD):
        super().__init__(parent)
        self._services = services
        self.item_id = item_id
        self.saved_id: int | None = None
        self.setWindowTitle(_("New outreach item") if item_id is None
                            else _("Edit “{title}”").format(title=item.title))
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
        for keys, slot in (("Alt+Shift+Up", lambda: self.move_block(-1)),
                           ("Alt+Shift+Down", lambda: self.move_block(1)),
                           (QKeySequence.StandardKey.Delete, self.remove_block)):
            shortcut = QShortcut(QKeySequence(keys), self.block_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.block_form = BlockForm()
        self.block_form.changed.connect(self._block_edited)

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
        self.preview = PdfPreview()
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
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        for edit in (self.title_edit, self.audience_edit, self.channel_edit, self.group_edit):
            edit.textChanged.connect(self._changed)
        for combo in (self.kind_combo, self.language_combo, self.purpose_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.easy_read_box.toggled.connect(self._changed)
        self.title_edit.textChanged.connect(lambda _t: self.title_error.setVisible(False))

        self._blocks: list[Block] = list(item.blocks)
        for block in self._blocks:
            self.block_list.addItem(QListWidgetItem(describe_block(block)))
        self._loading = False
        if self._blocks:
            self.block_list.setCurrentRow(0)
        self._update_buttons()
        self._initial = self.current_item()
        self._fit_to_screen()
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
            self.easy_read_box.isChecked())

    def has_changes(self) -> bool:
        return self.current_item() != self._initial

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._timer.start()

    def refresh_preview(self) -> None:
        self._timer.stop()
        self.preview.show_item(self.current_item())
        self._update_problems()

    def _update_problems(self) -> None:
        profile = self.preview.profile()
        found = self._services.outreach.preflight(self.current_item(), profile)
        self.problems.clear()
        if not found:
            item = QListWidgetItem(_("No problems for {profile}.").format(profile=profile.label))
            self.problems.addItem(item)
        for problem in found:
            if problem.block is not None and 0 < problem.block <= len(self._blocks):
                where = describe_block(self._blocks[problem.block - 1])
                text = _("Block {n} ({block}): {problem}").format(
                    n=problem.block, block=where, problem=problem.message)
            else:
                text = problem.message
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, problem.block)
            self.problems.addItem(item)
        self.problems_label.setText(_("Pre-&flight check for {profile}:").format(
            profile=profile.label))

    def problem_texts(self) -> list[str]:
        return [self.problems.item(row).text() for row in range(self.problems.count())]

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        if number:
            self.tabs.setCurrentIndex(0)
            self.block_list.setCurrentRow(number - 1)
            self.block_form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

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

    def add_block(self, block_type: str) -> None:
        row = self.block_list.currentRow()
        row = len(self._blocks) if row < 0 else row + 1
        block = new_block(block_type)
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

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        from advocate_app.services.errors import NotFoundError, ValidationError

        item = self.current_item()
        if not item.title:
            self._show_title_error(_("An outreach item needs a title."))
            return
        try:
            self.saved_id = self._services.outreach.save(item, self.item_id)
        except ValidationError as exc:
            self._show_title_error(exc.errors.get("title") or str(exc))
            return
        except NotFoundError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self.accept()

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
