"""An outreach item's blocks as reportlab flowables, each wrapped in its structure element.

:class:`BlockBuilder` turns one copy of an item (for one recipient, merge fields filled) into
the flowables and tagged structure :mod:`advocate_app.documents.pdf` lays out on pages:
headings, paragraphs (right-to-left text too), lists and tables, pictures and pictograms, QR
codes, contact and event boxes, the other-formats notice, a letter's date and address block.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    TableStyle,
)

from advocate_app.documents import fonts
from advocate_app.documents.flowables import (
    ArtifactTable,
    AsArtifact,
    DrawingFlowable,
    SideBySide,
    Stack,
    Tagged,
)
from advocate_app.documents.pdf_text import BlockText, escape_markup
from advocate_app.documents.rendering import (
    ADDRESS_PLACEHOLDER,
    Recipient,
    RenderOptions,
    text_styles,
)
from advocate_app.documents.tagging import Node, Tagger
from advocate_app.domain import inline_markup as inline
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem, RenderError
from advocate_app.domain.outreach_pictures import PICTURE_MISSING, Picture
from advocate_app.domain.print_profiles import PrintProfile
from advocate_app.i18n import N_, _, translator
from advocate_app.i18n.document_words import document_words

_NOTICE = N_("This is available in large print, Easy Read and other languages — ask us.")
_WHEN, _WHERE, _DETAILS = N_("When:"), N_("Where:"), N_("Details:")
_CONTACT_US = N_("Contact us")
_QR_ALT = N_("QR code for {url}")

LETTER_TOP = 20 * mm  # a letter's top margin (see render_many)


# -- the document --------------------------------------------------------------------------------

class BlockBuilder(BlockText):
    """Turns an item's blocks into flowables and structure elements."""

    def __init__(self, item: OutreachItem, profile: PrintProfile, options: RenderOptions,
                 tagger: Tagger, width: float, recipient: Recipient | None,
                 parent: Node | None = None):
        self.item, self.profile, self.options = item, profile, options
        self.tagger, self.width, self.recipient = tagger, width, recipient
        self.parent = parent or tagger.root
        self.styles = text_styles(profile, item.kind, options.body_pt, options.poster_scale)
        self.t = translator(item.language)  # words the document prints itself
        #: The same words with the language they came out in (English where the item's
        #: language has no translation of them, tagged so).
        self.words = document_words(item.language)
        self.heading_seen = False
        self.flow: list[Flowable] = []

    # blocks -------------------------------------------------------------------------------------
    def title_heading(self) -> None:
        if self.item.kind in (ItemKind.LETTER, ItemKind.LABELS):
            return
        if any(b.type == "heading" and b.data.get("level") == 1 for b in self.item.blocks):
            return
        self.heading(Block("heading", {"level": 1, "text": self.item.title}))

    def build(self) -> list[Flowable]:
        if self.item.kind == ItemKind.LETTER:
            self.letter_head()
        self.title_heading()
        for block in self.item.blocks:
            if block.type == "story":
                from advocate_app.documents.pdf_story import story_flowables

                self.flow.extend(story_flowables(self, block))
                continue
            getattr(self, "block_" + block.type)(block)
        return self.flow

    def node(self, tag: str, block: Block | None = None, parent: Node | None = None,
             **attrs) -> Node:
        lang = block.language if block is not None else ""
        if lang:
            attrs.setdefault("lang", lang)
        return (parent or self.parent).add(tag, **attrs)

    def heading(self, block: Block) -> None:
        level = int(block.data.get("level", 1))
        self.heading_seen = True
        node = self.node(f"H{level}", block)
        self.flow.append(self.paragraph(str(block.data.get("text", "")),
                                        self.styles.headings[level], node, lang=block.language))

    block_heading = heading

    def block_paragraph(self, block: Block) -> None:
        text = str(block.data.get("text", ""))
        picture = block.data.get("picture")
        if picture:
            self.with_picture(block, lambda parent: [self.paragraph(
                text, self.styles.body, self.node("P", block, parent), lang=block.language)])
            return
        self.flow.append(self.paragraph(text, self.styles.body, self.node("P", block),
                                        lang=block.language))

    def picture_size(self) -> float:
        factor = 4.2 if self.profile.picture_left else 3.0
        return min(self.styles.body_pt * factor, self.width * 0.3)

    def with_picture(self, block: Block, words: Callable[[Node], list[Flowable]]) -> None:
        size = self.picture_size()
        figure = self.pictogram_flowable(str(block.data["picture"]),
                                         str(block.data.get("picture_alt") or ""), size, block)
        container = self.node("Div", block)
        tagged_figure = figure(container)
        flows = words(container)
        right = flows[0] if len(flows) == 1 else Stack(flows)
        self.flow.append(SideBySide(tagged_figure, right, size, self.styles.body_pt,
                                    self.styles.body_pt * 0.8, centre=True,
                                    mirrored=self.mirrored(block)))

    def pictogram_flowable(self, name: str, alt: str, size: float, block: Block | None
                           ) -> Callable[[Node], Flowable]:
        from advocate_app.documents import pictograms

        try:
            drawing = pictograms.to_drawing(name, size, color=self.styles.text_color)
        except KeyError as exc:
            raise RenderError(_("“{name}” is not one of the built-in pictures.").format(
                name=name)) from exc
        flow = DrawingFlowable(drawing, size, size)
        alt_lang = ""
        if not alt:
            languages: list[str] = []

            def words(message: str) -> str:
                text, lang = self.own_words(message)
                languages.append(lang)
                return text
            alt = pictograms.label(name, words)
            alt_lang = languages[0] if languages else ""

        def place(parent: Node) -> Flowable:
            node = self.node("Figure", block, parent, alt=alt)
            if alt_lang:
                node.lang = alt_lang
            return Tagged(flow, node, self.tagger)
        return place

    def block_list(self, block: Block) -> None:
        if not any(str(i).strip() for i in block.data.get("items", [])):
            return  # nothing to read: no empty list in the structure either

        def build(parent: Node) -> list[Flowable]:
            list_node = self.node("L", block, parent)
            ordered = bool(block.data.get("ordered"))
            flows = []
            items = [str(i) for i in block.data.get("items", [])]
            label_width = self.styles.body_pt * (2.2 if ordered and len(items) > 9 else 1.6)
            for number, text in enumerate(items, start=1):
                li = list_node.add("LI")
                label = f"{number}." if ordered else "•"
                label_style = self.styles.body if not self.mirrored(block) else ParagraphStyle(
                    "label", parent=self.styles.body, alignment=TA_RIGHT)
                label_flow = Tagged(Paragraph(escape(label), label_style),
                                    li.add("Lbl"), self.tagger)
                body = self.paragraph(text, self.styles.body, li.add("LBody"),
                                      lang=block.language)
                flows.append(SideBySide(label_flow, body, label_width, 0,
                                        self.styles.body_pt * 0.25,
                                        mirrored=self.mirrored(block)))
            if flows:
                flows[-1].space_after = self.styles.body_pt * 0.6
            return flows

        if block.data.get("picture"):
            self.with_picture(block, build)
        else:
            self.flow.extend(build(self.parent))

    def block_table(self, block: Block) -> None:
        header = [str(c) for c in block.data.get("header") or []]
        rows = [[str(c) for c in row] for row in block.data.get("rows", []) if row]
        if not rows:
            return  # a header alone, or nothing: no empty table in the structure
        table_node = self.node("Table", block)
        columns = max([len(header)] + [len(r) for r in rows] + [1])
        data = []
        cell_style = ParagraphStyle("cell", parent=self.styles.body, spaceAfter=0)
        if header:
            tr = table_node.add("TR")
            data.append([self.paragraph(text, cell_style, tr.add("TH", scope="Column"),
                                        bold=True) for text in _pad(header, columns)])
        for row in rows:
            tr = table_node.add("TR")
            data.append([self.paragraph(text, cell_style, tr.add("TD"))
                         for text in _pad(row, columns)])
        if not data:
            return
        widths = _column_widths(header, rows, columns, self.width, self.styles.body_pt)
        if self.mirrored(block):  # right to left: the first column on the right
            data = [row[::-1] for row in data]
            widths = widths[::-1]
        table = ArtifactTable(data, colWidths=widths, repeatRows=1 if header else 0,
                              hAlign="RIGHT" if self.mirrored(block) else "LEFT")
        table.tagger = self.tagger
        pad = self.styles.body_pt * 0.35
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), self.cell_font(),
                 ("GRID", (0, 0), (-1, -1), 0.75, colors.HexColor(self.styles.text_color)),
                 ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                 ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.4),
                 ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.4)]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0),
                          colors.HexColor(self.styles.box_background)))
        table.setStyle(TableStyle(style))
        table.spaceAfter = self.styles.body_pt
        self.flow.append(table)

    def block_image(self, block: Block) -> None:
        data = block.data
        decorative = bool(data.get("decorative"))
        alt = str(data.get("alt") or "")
        if data.get("pictogram"):
            size = self.picture_size()
            if decorative:
                from advocate_app.documents import pictograms

                drawing = pictograms.to_drawing(str(data["pictogram"]), size,
                                                color=self.styles.text_color)
                self.flow.append(AsArtifact(DrawingFlowable(drawing, size, size), self.tagger))
            else:
                self.flow.append(self.pictogram_flowable(str(data["pictogram"]), alt, size,
                                                         block)(self.parent))
            self.flow.append(Spacer(1, self.styles.body_pt * 0.6))
            return
        picture = data.get("resolved")
        if not isinstance(picture, Picture):  # not in the database, or not readable
            if not decorative:
                words, words_lang = self.own_words(PICTURE_MISSING)
                text = words + (f": {alt}" if alt else "")
                spans = [(0, len(words), words_lang)] if words_lang else []
                self.flow.append(self.paragraph(_escape_markup(text), self.styles.body,
                                                self.node("P", block), lang=block.language,
                                                merge=False, spans=spans))
            return
        image = self.image(picture, data)
        if decorative:
            self.flow.append(AsArtifact(image, self.tagger))
        else:
            self.flow.append(Tagged(image, self.node("Figure", block, alt=alt or "-"),
                                    self.tagger))
        self.flow.append(Spacer(1, self.styles.body_pt * 0.6))

    def image(self, picture: Picture, data: dict) -> Flowable:
        """The picture's bytes as the outreach service read them from the database (checked
        when they were taken in: a PNG or JPEG within the limits); never a file."""
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import Image

        source = io.BytesIO(picture.data)
        try:
            iw, ih = ImageReader(source).getSize()
        except Exception as exc:  # noqa: BLE001 (any unreadable picture gets one message)
            raise RenderError(_("A picture cannot be read: it is damaged.")) from exc
        width = min(max(float(data.get("width_mm") or 80), 5) * mm, self.width)
        height = width * ih / iw
        source.seek(0)
        image = Image(source, width=width, height=height)
        image.hAlign = "LEFT"
        return image

    def block_qr(self, block: Block) -> None:
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing

        url = str(block.data.get("url", ""))
        size = max(30 * mm, self.styles.body_pt * 6)
        widget = QrCodeWidget(url, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0),
                                                 0, 0])
        widget.barFillColor = colors.HexColor("#000000")
        drawing.add(widget)
        container = self.node("Div", block)
        alt, alt_lang = self.own_words(_QR_ALT)
        figure_node = container.add("Figure", alt=alt.format(url=url))
        if alt_lang:
            figure_node.lang = alt_lang
        figure = Tagged(DrawingFlowable(drawing, size, size), figure_node, self.tagger)
        caption = str(block.data.get("caption") or "")
        words = []
        if caption:
            words.append(self.paragraph(caption, self.styles.body, container.add("P")))
        words.append(self.paragraph(f"[{_escape_markup(url)}]({url})" if _linkable(url)
                                    else _escape_markup(url), self.styles.body,
                                    container.add("P")))
        self.flow.append(SideBySide(figure, Stack(words), size, self.styles.body_pt,
                                    self.styles.body_pt, mirrored=self.mirrored(block)))

    def cell_font(self) -> tuple:
        """Tables otherwise select Helvetica, an unembedded font."""
        return ("FONT", (0, 0), (-1, -1), fonts.Family(self.styles.family).name(),
                self.styles.body_pt)

    def box(self, block: Block, title: str, lines: list[Flowable]) -> None:
        pad = self.styles.body_pt * 0.8
        content = lines
        table = ArtifactTable([[content]], colWidths=[self.width], hAlign="LEFT")
        table.tagger = self.tagger
        table.setStyle(TableStyle([
            self.cell_font(),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(self.styles.box_background)),
            ("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor(self.styles.accent)),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.4),
        ]))
        table.spaceAfter = self.styles.body_pt
        table.spaceBefore = self.styles.body_pt * 0.3
        self.flow.append(table)

    def box_heading(self, text: str, parent: Node, block: Block, lang: str = "") -> Flowable:
        attrs = {"lang": lang} if lang else {}
        if self.heading_seen:
            return self.paragraph(text, self.styles.headings[2], parent.add("H2", **attrs))
        return self.paragraph(text, self.styles.box_title, parent.add("P", **attrs), bold=True)

    def block_contact(self, block: Block) -> None:
        section = self.node("Sect", block)
        title, title_lang = str(block.data.get("title") or ""), ""
        if not title:
            title, title_lang = self.own_words(_CONTACT_US)
            title = _escape_markup(title)
        flows = [self.box_heading(title, section, block, title_lang)]
        flows += [self.paragraph(str(line), _tight(self.styles.body), section.add("P"),
                                 lang=block.language)
                  for line in block.data.get("lines", []) if str(line).strip()]
        self.box(block, title, flows)

    def block_event(self, block: Block) -> None:
        data = block.data
        section = self.node("Sect", block)
        flows = [self.box_heading(str(data.get("title", "")), section, block)]
        for label, key in ((_WHEN, "when"), (_WHERE, "where"), (_DETAILS, "details")):
            value = str(data.get(key) or "").strip()
            if value:
                words, words_lang = self.own_words(label)
                spans = [(0, len(words), words_lang)] if words_lang else []
                flows.append(self.paragraph(f"**{_escape_markup(words)}** {value}",
                                            _tight(self.styles.body), section.add("P"),
                                            lang=block.language, spans=spans))
        self.box(block, "", flows)

    def block_formats_notice(self, block: Block) -> None:
        node = self.node("P", block)
        text = str(block.data.get("text") or "")
        if not text:
            text, words_lang = self.own_words(_NOTICE)
            if words_lang:
                node.lang = words_lang
        self.box(block, "", [self.paragraph(f"**{_escape_markup(text)}**",
                                            _tight(self.styles.body), node)])

    def block_address(self, block: Block) -> None:
        lines = (self.recipient.address_lines if self.recipient else []) or [
            self.t(ADDRESS_PLACEHOLDER)]
        text = "\n".join(_escape_markup(line) for line in lines if line.strip())
        style = ParagraphStyle("address", parent=self.styles.body, spaceAfter=0)
        if self.item.kind == ItemKind.LETTER and not self.flow:
            # Where a DL window envelope shows it: 45 mm from the top of the page.
            self.flow.append(Spacer(1, max(0, 45 * mm - LETTER_TOP)))
        self.flow.append(self.paragraph(text, style, self.node("P", block)))
        self.flow.append(Spacer(1, self.styles.body_pt * 2))

    def letter_head(self) -> None:
        """The date, right under the top margin; the address block comes from its block."""
        text = self.options.date_text
        if text and not any("{{date}}" in str(b.data.get("text", "")).replace(" ", "")
                            for b in self.item.blocks):
            style = ParagraphStyle("date", parent=self.styles.body, alignment=2)
            self.flow.append(self.paragraph(_escape_markup(text), style, self.node("P")))




def _tight(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-tight", parent=style, spaceAfter=style.fontSize * 0.3)


def _column_widths(header: list[str], rows: list[list[str]], columns: int, width: float,
                   size: float = 12) -> list[float]:
    """Columns share the width by how much they hold; each is at least as wide as its longest
    word (up to 20 characters), so short columns ("Language") never break inside a word."""
    weights, minimums = [], []
    for index in range(columns):
        cells = [r[index] for r in [header, *rows] if index < len(r)]
        longest = max((len(inline.plain(c)) for c in cells), default=1)
        word = max((len(w) for c in cells for w in inline.plain(c).split()), default=1)
        weights.append(max(min(longest, 45), 4))
        minimums.append(min(word, 20) * size * 0.62 + size * 1.2)
    if sum(minimums) >= width:
        return [width * m / sum(minimums) for m in minimums]
    spare = width - sum(minimums)
    total = sum(weights)
    return [m + spare * w / total for m, w in zip(minimums, weights, strict=True)]


def _pad(row: Sequence[str], columns: int) -> list[str]:
    return list(row) + [""] * (columns - len(row))


_escape_markup = escape_markup


def _linkable(url: str) -> bool:
    return url.lower().startswith(("https://", "http://", "mailto:", "tel:"))

