"""The parts of an outreach item's editor that know its blocks: a name and a one-line
description for each block, a form for each type of block, and a new block of each type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.inline_markup import plain
from advocate_app.domain.outreach_content import PICTOGRAMS, Block, pictogram_label
from advocate_app.i18n import N_, _
from advocate_app.ui.dialogs.outreach_story_block import StoryBlockPage
from advocate_app.ui.widgets.heading import Heading

BLOCK_NAMES = {
    "heading": N_("Heading"), "paragraph": N_("Paragraph"), "list": N_("List"),
    "table": N_("Table"), "image": N_("Picture"), "qr": N_("QR code"),
    "contact": N_("Contact details"), "event": N_("Event details"),
    "formats_notice": N_("Other formats notice"), "address": N_("Member's address"),
    "story": N_("Story or quote"),
}


def block_name(block_type: str) -> str:
    return _(BLOCK_NAMES.get(block_type, block_type))


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _kind(block: Block) -> str:
    if block.type == "heading":
        return _("Heading {level}").format(level=block.data.get("level", 1))
    return block_name(block.type)


def _words(block: Block) -> str:
    """The words a block starts with, as a reader sees them (no markup)."""
    data = block.data
    if block.type in ("heading", "paragraph"):
        summary = plain(str(data.get("text", "")))
    elif block.type == "list":
        items = data.get("items") or []
        summary = plain(str(items[0])) if items else ""
    elif block.type == "table":
        summary = " | ".join(plain(str(cell)) for cell in data.get("header") or [])
    elif block.type == "image":
        summary = data.get("alt") or _pictogram_label(data.get("pictogram")) or str(
            data.get("path") or "").replace("\\", "/").rsplit("/", 1)[-1]
    elif block.type == "qr":
        summary = data.get("caption") or data.get("url", "")
    elif block.type == "contact":
        lines = data.get("lines") or []
        summary = lines[0] if lines else ""
    elif block.type in ("event", "story"):
        summary = data.get("title", "")
    else:
        summary = ""
    return " ".join(str(summary).split())


def describe_block(block: Block) -> str:
    """A line that says what a block is and how it starts, for lists read aloud."""
    name = _kind(block)
    summary = _short(_words(block))
    if not summary:
        return name
    return _("{block}: {start}").format(block=name, start=summary)


def block_reference(block: Block, number: int) -> str:
    """How a person finds a block again: its kind and first words, 'Paragraph “Living with
    …”'; its place in the list when it has no words."""
    words = _words(block).split()
    if not words:
        return _("{block}, number {n} in the list").format(block=_kind(block), n=number)
    start = " ".join(words[:4]) + (" …" if len(words) > 4 else "")
    return _("{block} “{start}”").format(block=_kind(block), start=start)


def problem_in_words(problem, blocks) -> str:
    """A pre-flight problem as a sentence that says which block it is about."""
    if problem.block is not None and 0 < problem.block <= len(blocks):
        return _("{where}: {problem}").format(
            where=block_reference(blocks[problem.block - 1], problem.block),
            problem=problem.message)
    return problem.message


def _pictogram_label(name) -> str:
    if not name or name not in PICTOGRAMS:
        return str(name or "")
    return pictogram_label(name)


#: The common languages by name, per interface language: naming and sorting them every time an
#: editor opened took a good part of its opening time.
_LANGUAGE_CHOICES: dict[str, list[tuple[str, str]]] = {}


def language_combo(include_blank: str = "") -> QComboBox:
    """Common languages by name; a blank first choice when ``include_blank`` names it."""
    from advocate_app.i18n import current_language
    from advocate_app.ui.dialogs.member_editor import language_choices

    shown_in = current_language() or ""
    if shown_in not in _LANGUAGE_CHOICES:
        _LANGUAGE_CHOICES[shown_in] = language_choices()
    combo = QComboBox()
    if include_blank:
        combo.addItem(include_blank, "")
    for name, code in _LANGUAGE_CHOICES[shown_in]:
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
    from advocate_app.ui import file_dialogs

    return file_dialogs.open_file(parent, "picture", _("Choose a picture"),
                                  _("Pictures (*.png *.jpg *.jpeg)"))


# --- block forms --------------------------------------------------------------------------------


def _plain_text(lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def _pictogram_combo(blank: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(blank, "")
    for name in PICTOGRAMS:
        combo.addItem(pictogram_label(name), name)
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
        self.story_page = StoryBlockPage()  # the editor binds it to the outreach service
        self._pages["story"] = self.stack.addWidget(self.story_page)
        self.story_page.changed.connect(self._edited)
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
                kept = _("The picture is kept in Advocate; choose a file to replace it")
                self.image_path.setPlaceholderText(kept if data.get("digest") else "")
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
            elif block.type == "story":
                self.story_page.load(data)
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
        elif kind == "story":
            data = self.story_page.data()
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
