"""Outreach items as tagged, accessible PDF (PDF/UA-1's machine-checkable rules).

The layout is built from reportlab's platypus flowables; every flowable that shows content is
wrapped in :class:`Tagged`, which opens marked content for its structure element while it
draws, and everything else (backgrounds, rules, page numbers, decorative pictures, repeated
table headers) is drawn as an artifact. :func:`advocate_app.documents.tagging.finish` writes the
structure tree afterwards.

Sizes, faces, colours and line spacing come from the print profile; the pre-flight check
(``preflight.py``) lists what a document breaks before it is rendered.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from advocate_app.documents import fonts, inline
from advocate_app.documents.content import Block, ItemKind, OutreachItem
from advocate_app.documents.profiles import PROFILES, PrintProfile, ProfileKey
from advocate_app.documents.tagging import Node, Tagger, finish
from advocate_app.i18n import N_, _, translator

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps"})
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_MERGE_FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
ACCENT = "#0b4f9c"       # 8.6:1 on white
ACCENT_SOFT = "#e8f0fa"  # box backgrounds

_NOTICE = N_("This is available in large print, Easy Read and other languages — ask us.")
_ADDRESS_PLACEHOLDER = N_("[Name and address]")
_PAGE = N_("Page {number}")
_WHEN, _WHERE, _DETAILS = N_("When:"), N_("Where:"), N_("Details:")
_CONTACT_US = N_("Contact us")
_FIELD_LABELS = {"name": N_("Name"), "first_name": N_("First name"),
                 "salutation": N_("Dear …"), "date": N_("Date")}
_QR_ALT = N_("QR code for {url}")


class RenderError(ValueError):
    """The item cannot be rendered as given (a picture file that cannot be read …)."""


@dataclass(frozen=True)
class RenderOptions:
    profile: ProfileKey = ProfileKey.STANDARD
    page_size: str = "A4"                 # "A4" or "Letter"
    body_pt: float | None = None          # the person's choice, checked by the pre-flight
    tagged: bool = True                   # False only to measure what tagging costs
    date_text: str = ""                   # {{date}}; today in the item's language by default
    label_sheet: str = "L7160"            # address labels: a key of LABEL_SHEETS
    poster_scale: float | None = None     # posters: chosen to fill one page (POSTER_SCALES)


#: Posters print their text this much larger than the profile's body size: the largest that
#: keeps the poster on one page (never below the profile's own size).
POSTER_SCALES = (1.6, 1.45, 1.3, 1.15, 1.0)


@dataclass
class Recipient:
    """Whom a personalised copy is for (mail merge)."""

    fields: dict[str, str] = field(default_factory=dict)  # name, first_name, salutation …
    address_lines: list[str] = field(default_factory=list)


# -- flowables -----------------------------------------------------------------------------------

class Tagged(Flowable):
    """Draws ``inner`` as marked content of ``node``; a second drawing (a table header repeated
    on the next page) is an artifact."""

    def __init__(self, inner: Flowable, node: Node, tagger: Tagger, actual_text: str = ""):
        super().__init__()
        self.inner, self.node, self.tagger, self.actual_text = inner, node, tagger, actual_text
        self.drawn = False
        self.keepWithNext = getattr(inner, "keepWithNext", 0) or (
            getattr(getattr(inner, "style", None), "keepWithNext", 0))

    def wrap(self, aw, ah):
        self.width, self.height = self.inner.wrap(aw, ah)
        return self.width, self.height

    def split(self, aw, ah):
        parts = self.inner.split(aw, ah)
        return [Tagged(part, self.node, self.tagger) for part in parts]

    def getSpaceBefore(self):  # noqa: N802 (reportlab API)
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):  # noqa: N802
        return self.inner.getSpaceAfter()

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802
        if self.drawn:
            self.tagger.begin_artifact(canvas)
            self.inner.drawOn(canvas, x, y, _sW)
            self.tagger.end_artifact(canvas)
            return
        self.drawn = True
        box = _absolute_box(canvas, x, y, self.width, self.height)
        self.tagger.begin(canvas, self.node, box, self.actual_text)
        self.inner.drawOn(canvas, x, y, _sW)
        self.tagger.end(canvas)


class AsArtifact(Flowable):
    """A decoration: drawn, but not read out."""

    def __init__(self, inner: Flowable, tagger: Tagger):
        super().__init__()
        self.inner, self.tagger = inner, tagger

    def wrap(self, aw, ah):
        self.width, self.height = self.inner.wrap(aw, ah)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802
        self.tagger.begin_artifact(canvas)
        self.inner.drawOn(canvas, x, y, _sW)
        self.tagger.end_artifact(canvas)


class ArtifactTable(Table):
    """A table whose backgrounds and rules are artifacts; its cells tag themselves."""

    tagger: Tagger

    def split(self, aw, ah):
        parts = super().split(aw, ah)
        for part in parts:
            part.tagger = self.tagger
        return parts

    def _drawBkgrnd(self):  # noqa: N802
        self.tagger.begin_artifact(self.canv)
        super()._drawBkgrnd()
        self.tagger.end_artifact(self.canv)

    def _drawLines(self):  # noqa: N802
        self.tagger.begin_artifact(self.canv)
        super()._drawLines()
        self.tagger.end_artifact(self.canv)


class SideBySide(Flowable):
    """``left`` (a picture or a list label) beside ``right`` (the words)."""

    def __init__(self, left: Flowable | None, right: Flowable, left_width: float, gap: float,
                 space_after: float = 0, centre: bool = False):
        super().__init__()
        self.left, self.right = left, right
        self.left_width, self.gap, self.space_after = left_width, gap, space_after
        self.centre = centre  # words centred on a picture taller than they are

    def wrap(self, aw, ah):
        lw, lh = self.left.wrap(self.left_width, ah) if self.left else (0, 0)
        rw, rh = self.right.wrap(aw - self.left_width - self.gap, ah)
        self.width, self.height = aw, max(lh, rh)
        self._lh = lh
        return self.width, self.height

    def getSpaceAfter(self):  # noqa: N802
        return self.space_after

    def split(self, aw, ah):
        if self.left is not None and self.wrap(aw, ah)[1] > ah and self._lh > ah:
            return []
        parts = self.right.split(aw - self.left_width - self.gap, ah)
        if len(parts) < 2:
            return []
        first = SideBySide(self.left, parts[0], self.left_width, self.gap)
        rest = [SideBySide(None, p, self.left_width, self.gap, self.space_after)
                for p in parts[1:]]
        return [first, *rest]

    def draw(self):
        if self.left is not None:
            self.left.drawOn(self.canv, 0, self.height - self._lh)
        _rw, rh = self.right.wrap(self.width - self.left_width - self.gap, self.height)
        top = (self.height - rh) / 2 if self.centre and self.left is not None else 0
        self.right.drawOn(self.canv, self.left_width + self.gap, self.height - rh - top)


class Stack(Flowable):
    """Flowables one under the other, as one flowable (the words beside a picture)."""

    def __init__(self, parts: list[Flowable]):
        super().__init__()
        self.parts = parts

    def _gap(self, index: int) -> float:
        return self.parts[index].getSpaceAfter() if index < len(self.parts) - 1 else 0

    def wrap(self, aw, ah):
        self.width = aw
        self._sizes = [part.wrap(aw, ah) for part in self.parts]
        self.height = sum(h for _w, h in self._sizes) + sum(
            self._gap(i) for i in range(len(self.parts)))
        return self.width, self.height

    def split(self, aw, ah):
        self.wrap(aw, ah)
        used, head = 0.0, []
        for index, part in enumerate(self.parts):
            h = self._sizes[index][1]
            if used + h <= ah:
                head.append(part)
                used += h + self._gap(index)
                continue
            pieces = part.split(aw, ah - used)
            if pieces:
                head.append(pieces[0])
                rest = list(pieces[1:]) + self.parts[index + 1:]
            else:
                rest = self.parts[index:]
            if not head:
                return []
            return [Stack(head), Stack(rest)]
        return [self]

    def draw(self):
        y = self.height
        for index, part in enumerate(self.parts):
            _w, h = part.wrap(self.width, self.height)
            y -= h
            part.drawOn(self.canv, 0, y)
            y -= self._gap(index)


class DrawingFlowable(Flowable):
    """A reportlab graphics drawing (pictogram, QR code) at a fixed size."""

    def __init__(self, drawing, width: float, height: float):
        super().__init__()
        self.drawing, self.width, self.height = drawing, width, height

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        from reportlab.graphics import renderPDF
        from reportlab.graphics.shapes import STATE_DEFAULTS

        # The renderer selects its default font before drawing; make that an embedded one.
        before = STATE_DEFAULTS["fontName"]
        STATE_DEFAULTS["fontName"] = fonts.Family("NotoSans").name()
        try:
            renderPDF.draw(self.drawing, self.canv, 0, 0)
        finally:
            STATE_DEFAULTS["fontName"] = before


class BidiParagraph(Flowable):
    """A paragraph with right-to-left text: lines broken in logical order, letters joined
    (Arabic), each glyph placed where a right-to-left reader expects it but drawn in reading
    order, so copying, ``pdftotext`` and screen readers get the words as written."""

    def __init__(self, text: str, style: ParagraphStyle, family: str, tagger: Tagger,
                 base_rtl: bool, lines: list[str] | None = None, bold: bool = False):
        super().__init__()
        self.text, self.style, self.family, self.tagger = text, style, family, tagger
        self.base_rtl, self.bold = base_rtl, bold
        self._lines = lines

    @staticmethod
    def _joined(logical: str) -> str:
        """The text with Arabic letters in their joined forms (same order)."""
        import arabic_reshaper

        return arabic_reshaper.reshape(logical)

    def _width(self, logical: str) -> float:
        size = self.style.fontSize
        return sum(stringWidth(text, name, size)
                   for name, text in fonts.runs(self._joined(logical), self.family, self.bold))

    def _break(self, width: float) -> list[str]:
        lines: list[str] = []
        for source_line in self.text.split("\n"):
            current = ""
            for word in source_line.split():
                candidate = f"{current} {word}" if current else word
                if not current or self._width(candidate) <= width:
                    current = candidate
                    while self._width(current) > width and len(current) > 1:
                        cut = _fit(current, width, self._width)
                        lines.append(current[:cut])
                        current = current[cut:]
                    continue
                lines.append(current)
                current = word
                while self._width(current) > width and len(current) > 1:
                    cut = _fit(current, width, self._width)
                    lines.append(current[:cut])
                    current = current[cut:]
            lines.append(current)
        return lines

    def wrap(self, aw, ah):
        if self._lines is None or getattr(self, "_for_width", None) != aw:
            self._lines = self._lines if self._lines is not None and self._for_width_ok(aw) \
                else self._break(aw)
            self._for_width = aw
        self.width = aw
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def _for_width_ok(self, aw) -> bool:
        return getattr(self, "_for_width", aw) == aw

    def split(self, aw, ah):
        self.wrap(aw, ah)
        fit = int(ah // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        first = BidiParagraph(self.text, self.style, self.family, self.tagger, self.base_rtl,
                              self._lines[:fit], self.bold)
        rest = BidiParagraph(self.text, self.style, self.family, self.tagger, self.base_rtl,
                             self._lines[fit:], self.bold)
        first._for_width = rest._for_width = aw
        return [first, rest]

    def getSpaceAfter(self):  # noqa: N802
        return self.style.spaceAfter

    def draw(self):
        canvas, size = self.canv, self.style.fontSize
        canvas.setFillColor(self.style.textColor)
        y = self.height - size
        for line in self._lines:
            text = canvas.beginText(0, y)
            for x, name, glyph in self._placed(line):
                text.setTextOrigin(x, y)
                text.setFont(name, size)
                text.textOut(glyph)
            canvas.drawText(text)
            y -= self.style.leading

    def _placed(self, line: str) -> list[tuple[float, str, str]]:
        """Each glyph of ``line`` with its place, listed in reading (logical) order.

        Words read right to left are placed from the right; runs of left-to-right words
        (names, numbers) inside them keep their own order. Drawing in reading order at these
        places means text extraction and screen readers get the words as written."""
        import arabic_reshaper

        size = self.style.fontSize
        tokens = arabic_reshaper.reshape(line).split(" ")
        widths = [sum(stringWidth(t, n, size) for n, t in fonts.runs(tok, self.family,
                                                                       self.bold))
                  for tok in tokens]
        space = stringWidth(" ", fonts.Family(self.family).name(self.bold), size)
        rtl = [bool(_RTL_CHAR.search(tok)) if tok else self.base_rtl for tok in tokens]
        runs: list[list[int]] = []
        for index in range(len(tokens)):
            if runs and rtl[runs[-1][-1]] == rtl[index]:
                runs[-1].append(index)
            else:
                runs.append([index])
        visual_runs = list(reversed(runs)) if self.base_rtl else runs
        order = [i for run in visual_runs
                 for i in (reversed(run) if rtl[run[0]] else run)]
        total = sum(widths) + space * max(0, len(tokens) - 1)
        x = self.width - total if self.base_rtl else 0.0
        left: dict[int, float] = {}
        for index in order:
            left[index] = x
            x += widths[index] + space
        placed: list[tuple[float, str, str]] = []
        for index, token in enumerate(tokens):
            glyphs = [(name, ch) for name, part in fonts.runs(token, self.family, self.bold)
                      for ch in part]
            if rtl[index]:
                cursor = left[index] + widths[index]
                for name, ch in glyphs:
                    cursor -= stringWidth(ch, name, size)
                    placed.append((cursor, name, ch))
                gap_at = left[index] - space
            else:
                cursor = left[index]
                for name, ch in glyphs:
                    placed.append((cursor, name, ch))
                    cursor += stringWidth(ch, name, size)
                gap_at = cursor
            if index < len(tokens) - 1:
                placed.append((gap_at, fonts.Family(self.family).name(self.bold), " "))
        return placed


def _fit(text: str, width: float, measure: Callable[[str], float]) -> int:
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if measure(text[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    return max(1, low)


class SpacedParagraph(Paragraph):
    """A paragraph whose wrapped lines keep the space they were broken at.

    Text extraction (screen readers, copy and paste, ``pdfinfo -struct-text``) otherwise joins
    the last word of one line to the first word of the next."""

    def drawPara(self, debug=0):  # noqa: N802 (reportlab API)
        # Only the drawn copy gets the spaces: line breaking and splitting stay untouched.
        original = self.blPara
        self.blPara = _with_line_end_spaces(original)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = original


def _with_line_end_spaces(para):
    import copy

    from reportlab.platypus.paragraph import _SplitWord

    spaced = copy.copy(para)
    lines = list(para.lines)
    for index, line in enumerate(lines[:-1]):
        if para.kind == 0:
            extra, words = line
            if words and not isinstance(words[-1], _SplitWord):
                lines[index] = (extra, [*words[:-1], words[-1] + " "])
            continue
        words = getattr(line, "words", None)
        if not words or getattr(line, "lineBreak", False):
            continue
        last = words[-1]
        text = getattr(last, "text", None)
        if text and not isinstance(text, _SplitWord) and not text.endswith(" "):
            line = copy.copy(line)
            line.words = [*words[:-1], last.clone(text=text + " ")]
            lines[index] = line
    spaced.lines = lines
    return spaced


def _absolute_box(canvas, x, y, w, h) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = canvas._currentMatrix
    xs, ys = [], []
    for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        xs.append(a * px + c * py + e)
        ys.append(b * px + d * py + f)
    return min(xs), min(ys), max(xs), max(ys)


# -- the document --------------------------------------------------------------------------------

@dataclass
class _Styles:
    body: ParagraphStyle
    headings: dict[int, ParagraphStyle]
    small: ParagraphStyle
    box_title: ParagraphStyle
    family: str
    text_color: str
    accent: str
    box_background: str
    body_pt: float


def _styles(profile: PrintProfile, kind: ItemKind, body_pt: float | None,
            poster_scale: float | None = None) -> _Styles:
    family = fonts.family(profile.legible_face).key
    size = body_pt or profile.body_pt
    if kind == ItemKind.POSTER:
        size *= poster_scale or POSTER_SCALES[0]
    text_color = profile.text_color
    high_contrast = profile.key == ProfileKey.HIGH_CONTRAST
    accent = "#000000" if high_contrast else ACCENT
    body = ParagraphStyle(
        "body", fontName=fonts.Family(family).name(), fontSize=size,
        leading=size * profile.line_spacing, textColor=colors.HexColor(text_color),
        alignment=TA_LEFT, spaceAfter=size * 0.6, splitLongWords=1, allowWidows=0,
        allowOrphans=0)
    scales = {1: profile.heading_scale + 0.45, 2: profile.heading_scale,
              3: 1 + (profile.heading_scale - 1) * 0.6, 4: 1.1, 5: 1.05, 6: 1.0}
    headings = {}
    for level, scale in scales.items():
        hsize = size * scale
        headings[level] = ParagraphStyle(
            f"h{level}", parent=body, fontName=fonts.Family(family).name(bold=True),
            fontSize=hsize, leading=hsize * 1.25, spaceBefore=size * (0.9 if level > 1 else 0),
            spaceAfter=size * 0.45, textColor=colors.HexColor(accent if level <= 2
                                                              else text_color),
            keepWithNext=1)
    small = ParagraphStyle("small", parent=body, fontSize=max(size * 0.8, profile.min_body_pt
                                                              * 0.8),
                           leading=max(size * 0.8, 9) * 1.3)
    box_title = ParagraphStyle("box_title", parent=body,
                               fontName=fonts.Family(family).name(bold=True), keepWithNext=1,
                               spaceAfter=size * 0.3)
    return _Styles(body, headings, small, box_title, family, text_color, accent,
                   "#ffffff" if high_contrast else ACCENT_SOFT, size)


class _Builder:
    """Turns an item's blocks into flowables and structure elements."""

    def __init__(self, item: OutreachItem, profile: PrintProfile, options: RenderOptions,
                 tagger: Tagger, width: float, recipient: Recipient | None,
                 parent: Node | None = None):
        self.item, self.profile, self.options = item, profile, options
        self.tagger, self.width, self.recipient = tagger, width, recipient
        self.parent = parent or tagger.root
        self.styles = _styles(profile, item.kind, options.body_pt, options.poster_scale)
        self.t = translator(item.language)  # words the document prints itself
        self.heading_seen = False
        self.flow: list[Flowable] = []

    # text ---------------------------------------------------------------------------------------
    def fill(self, text: str) -> str:
        values = dict(self.recipient.fields) if self.recipient else {}
        values.setdefault("date", self.options.date_text)
        if values.get("name"):
            values.setdefault("first_name", values["name"])
            values.setdefault("salutation", values["name"])

        def replace(match: re.Match) -> str:
            key = match.group(1)
            if key in values and values[key]:
                return _escape_markup(values[key])
            if self.recipient is None:
                label = _FIELD_LABELS.get(key)
                return _escape_markup(f"[{self.t(label)}]") if label else match.group(0)
            return ""
        return _MERGE_FIELD.sub(replace, text)

    def markup(self, text: str, bold: bool = False) -> tuple[str, list[str]]:
        """Paragraph markup for ``text`` (inline markup parsed, everything else escaped)."""
        out, links = [], []
        no_italic = self.profile.no_italic_underline_caps
        for run in inline.parse(self.fill(text)):
            strong = bold or run.strong or (run.emphasis and no_italic)
            italic = run.emphasis and not no_italic
            pieces = "".join(f'<font face="{name}">{escape(part)}</font>'
                             for name, part in fonts.runs(run.text, self.styles.family,
                                                          strong, italic))
            if run.href:
                links.append(run.text)
                color = self.styles.accent
                pieces = (f'<a href="{escape(run.href, {chr(34): "&quot;"})}" '
                          f'color="{color}"><u>{pieces}</u></a>')
            out.append(pieces)
        return "".join(out).replace("\n", "<br/>"), links

    def paragraph(self, text: str, style: ParagraphStyle, node: Node, bold: bool = False,
                  lang: str = "") -> Flowable:
        plain = inline.plain(self.fill(text))
        rtl_lang = (lang or self.item.language).split("-")[0] in RTL_LANGUAGES
        if _RTL_CHAR.search(plain):
            first_strong = next((ch for ch in plain if ch.isalpha()), "")
            base_rtl = rtl_lang or bool(_RTL_CHAR.match(first_strong))
            flow = BidiParagraph(plain, style, self.styles.family, self.tagger, base_rtl,
                                 bold=bold or style.fontName.endswith("-Bold"))
            node.actual_text = plain  # the words in reading order, for anything reading tags
            return Tagged(flow, node, self.tagger)
        body, links = self.markup(text, bold)
        node.link_text = " ".join(links)
        return Tagged(SpacedParagraph(body or "&nbsp;", style), node, self.tagger)

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
                                    self.styles.body_pt * 0.8, centre=True))

    def pictogram_flowable(self, name: str, alt: str, size: float, block: Block | None
                           ) -> Callable[[Node], Flowable]:
        from advocate_app.documents import pictograms

        try:
            drawing = pictograms.to_drawing(name, size, color=self.styles.text_color)
        except KeyError as exc:
            raise RenderError(_("“{name}” is not one of the built-in pictures.").format(
                name=name)) from exc
        flow = DrawingFlowable(drawing, size, size)
        alt = alt or pictograms.label(name, self.t)

        def place(parent: Node) -> Flowable:
            return Tagged(flow, self.node("Figure", block, parent, alt=alt), self.tagger)
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
                label_flow = Tagged(Paragraph(escape(label), self.styles.body),
                                    li.add("Lbl"), self.tagger)
                body = self.paragraph(text, self.styles.body, li.add("LBody"),
                                      lang=block.language)
                flows.append(SideBySide(label_flow, body, label_width, 0,
                                        self.styles.body_pt * 0.25))
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
        table = ArtifactTable(data, colWidths=_column_widths(header, rows, columns, self.width,
                                                             self.styles.body_pt),
                              repeatRows=1 if header else 0, hAlign="LEFT")
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
        image = self.image(data)
        if decorative:
            self.flow.append(AsArtifact(image, self.tagger))
        else:
            self.flow.append(Tagged(image, self.node("Figure", block, alt=alt or "-"),
                                    self.tagger))
        self.flow.append(Spacer(1, self.styles.body_pt * 0.6))

    def image(self, data: dict) -> Flowable:
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import Image

        try:
            if data.get("data"):
                source = io.BytesIO(base64.b64decode(str(data["data"]), validate=True))
            else:
                source = str(Path(str(data.get("path") or "")).expanduser())
            reader = ImageReader(source)
            iw, ih = reader.getSize()
        except Exception as exc:  # noqa: BLE001 (any unreadable picture gets one message)
            raise RenderError(_("A picture cannot be read: {what}.").format(
                what=data.get("path") or _("embedded picture"))) from exc
        width = min(float(data.get("width_mm") or 80) * mm, self.width)
        height = width * ih / iw
        if isinstance(source, io.BytesIO):
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
        figure = Tagged(DrawingFlowable(drawing, size, size),
                        container.add("Figure", alt=self.t(_QR_ALT).format(url=url)), self.tagger)
        caption = str(block.data.get("caption") or "")
        words = []
        if caption:
            words.append(self.paragraph(caption, self.styles.body, container.add("P")))
        words.append(self.paragraph(f"[{_escape_markup(url)}]({url})" if _linkable(url)
                                    else _escape_markup(url), self.styles.body,
                                    container.add("P")))
        self.flow.append(SideBySide(figure, Stack(words), size, self.styles.body_pt,
                                    self.styles.body_pt))

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

    def box_heading(self, text: str, parent: Node, block: Block) -> Flowable:
        if self.heading_seen:
            return self.paragraph(text, self.styles.headings[2], parent.add("H2"))
        return self.paragraph(text, self.styles.box_title, parent.add("P"), bold=True)

    def block_contact(self, block: Block) -> None:
        section = self.node("Sect", block)
        title = str(block.data.get("title") or self.t(_CONTACT_US))
        flows = [self.box_heading(title, section, block)]
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
                flows.append(self.paragraph(f"**{_escape_markup(self.t(label))}** {value}",
                                            _tight(self.styles.body), section.add("P"),
                                            lang=block.language))
        self.box(block, "", flows)

    def block_formats_notice(self, block: Block) -> None:
        node = self.node("P", block)
        text = str(block.data.get("text") or self.t(_NOTICE))
        self.box(block, "", [self.paragraph(f"**{_escape_markup(text)}**",
                                            _tight(self.styles.body), node)])

    def block_address(self, block: Block) -> None:
        lines = (self.recipient.address_lines if self.recipient else []) or [
            self.t(_ADDRESS_PLACEHOLDER)]
        text = "\n".join(_escape_markup(line) for line in lines if line.strip())
        style = ParagraphStyle("address", parent=self.styles.body, spaceAfter=0)
        if self.item.kind == ItemKind.LETTER and not self.flow:
            # Where a DL window envelope shows it: 45 mm from the top of the page.
            self.flow.append(Spacer(1, max(0, 45 * mm - _LETTER_TOP)))
        self.flow.append(self.paragraph(text, style, self.node("P", block)))
        self.flow.append(Spacer(1, self.styles.body_pt * 2))

    def letter_head(self) -> None:
        """The date, right under the top margin; the address block comes from its block."""
        text = self.options.date_text
        if text and not any("{{date}}" in str(b.data.get("text", "")).replace(" ", "")
                            for b in self.item.blocks):
            style = ParagraphStyle("date", parent=self.styles.body, alignment=2)
            self.flow.append(self.paragraph(_escape_markup(text), style, self.node("P")))


_LETTER_TOP = 20 * mm  # a letter's top margin (see render_many)


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


def _escape_markup(text: str) -> str:
    return re.sub(r"([\\*\[\]()_])", r"\\\1", text)


def _linkable(url: str) -> bool:
    return url.lower().startswith(("https://", "http://", "mailto:", "tel:"))


# -- pages ---------------------------------------------------------------------------------------

def _page_size(name: str):
    return LETTER if name.lower() == "letter" else A4


def _measure(profile: PrintProfile, family: str, size: float, available: float) -> float:
    """The text width: at most the profile's characters per line."""
    if not profile.chars_per_line:
        return available
    sample = "the quick brown fox jumps over a lazy dog and then it rests"
    per_char = stringWidth(sample, fonts.Family(family).name(), size) / len(sample)
    return min(available, per_char * profile.chars_per_line[1])


def render(item: OutreachItem, options: RenderOptions = RenderOptions(), *,
           recipient: Recipient | None = None) -> bytes:
    """The item as a tagged PDF (bytes)."""
    return render_many(item, [recipient] if recipient else [None], options)


def render_many(item: OutreachItem, recipients: Sequence[Recipient | None],
                options: RenderOptions = RenderOptions(),
                progress: Callable[[int], bool] | None = None) -> bytes:
    """One PDF with a copy per recipient (letters, invitations), each starting on a new page.

    ``progress(done)`` is called after each copy is laid out; returning False cancels
    (:class:`Cancelled`)."""
    if item.kind == ItemKind.POSTER and options.poster_scale is None:
        from dataclasses import replace

        for scale in POSTER_SCALES:
            data = render_many(item, recipients, replace(options, poster_scale=scale),
                               progress)
            if scale == POSTER_SCALES[-1] or _pages(data) <= len(recipients):
                return data
    profile = PROFILES[options.profile]
    fonts.ensure_registered()
    lang = item.language or "en"
    tagger = Tagger("Document", lang=lang)
    tagger.enabled = options.tagged
    page_w, page_h = _page_size(options.page_size)
    styles = _styles(profile, item.kind, options.body_pt, options.poster_scale)
    margin = (25 if profile.chars_per_line or profile.picture_left else 20) * mm
    if item.kind == ItemKind.POSTER:
        margin = 18 * mm
    width = _measure(profile, styles.family, styles.body_pt, page_w - 2 * margin)
    top = _LETTER_TOP if item.kind == ItemKind.LETTER else margin + 6 * mm
    bottom = margin + styles.small.leading
    date_text = options.date_text or _today(lang)
    opts = RenderOptions(options.profile, options.page_size, options.body_pt, options.tagged,
                         date_text, options.label_sheet, options.poster_scale)
    if item.kind == ItemKind.LABELS:
        return _render_labels(item, recipients, opts, profile, tagger, progress)

    footer_font = fonts.Family(styles.family).name()
    footer_size = profile.min_body_pt  # page numbers as readable as the text they number
    copy_start = [1]

    def on_page(canvas, doc):
        tagger.begin_artifact(canvas, "Background")
        canvas.saveState()
        if profile.background.lower() != "#ffffff":
            canvas.setFillColor(colors.HexColor(profile.background))
            canvas.rect(0, 0, page_w, page_h, stroke=0, fill=1)
        if item.kind != ItemKind.LETTER:
            canvas.setFillColor(colors.HexColor(styles.accent))
            canvas.rect(0, page_h - 7 * mm, page_w, 7 * mm, stroke=0, fill=1)
        canvas.restoreState()
        tagger.end_artifact(canvas)

    def on_page_end(canvas, doc):
        number = canvas.getPageNumber() - copy_start[0] + 1
        if item.kind == ItemKind.LETTER and number == 1:
            return
        tagger.begin_artifact(canvas, "Pagination")
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(profile.text_color))
        label = translator(lang)(_PAGE).format(number=number)
        runs = fonts.runs(label, styles.family)
        total = sum(stringWidth(t, n, footer_size) for n, t in runs)
        text = canvas.beginText(page_w - margin - total, margin * 0.6)
        for name, piece in runs:
            text.setFont(name, footer_size)
            text.textOut(piece)
        canvas.drawText(text)
        canvas.restoreState()
        tagger.end_artifact(canvas)

    class Marker(Flowable):
        """Notes where a copy starts, for page numbers that restart per copy."""

        def wrap(self, aw, ah):
            return 0, 0

        def draw(self):
            copy_start[0] = self.canv.getPageNumber()

    story: list[Flowable] = []
    multiple = len(recipients) > 1
    for index, recipient in enumerate(recipients):
        parent = tagger.root.add("Part") if multiple else None
        builder = _Builder(item, profile, opts, tagger, width, recipient, parent)
        if index:
            story.append(PageBreak())
        story.append(Marker())
        story.extend(builder.build())
        if progress is not None and progress(index + 1) is False:
            raise Cancelled()
    if not story:
        story.append(Spacer(1, 1))

    buffer = io.BytesIO()
    frame = Frame((page_w - width) / 2 if item.kind == ItemKind.POSTER else margin, bottom,
                  width, page_h - top - bottom, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    doc = BaseDocTemplate(
        buffer, pagesize=(page_w, page_h), title=item.title, author="", subject=item.audience,
        creator="Advocate", lang=lang, initialFontName=footer_font,
        initialFontSize=styles.body_pt, invariant=1,
        pageTemplates=[PageTemplate("page", [frame], onPage=on_page, onPageEnd=on_page_end)])
    try:
        doc.build(story)
    except _LayoutError as exc:
        raise RenderError(_("Part of this item is too big to fit on a page: {what}").format(
            what=str(exc)[:120])) from exc
    data = buffer.getvalue()
    if not options.tagged:
        return data
    return finish(data, tagger, title=item.title, lang=lang, subject=item.audience)


@dataclass(frozen=True)
class LabelSheet:
    key: str
    description: str
    page: tuple[float, float]
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


LABEL_SHEETS = {
    "L7160": LabelSheet("L7160", N_("A4, 21 labels (L7160, 63.5 × 38.1 mm)"), A4, 3, 7,
                        63.5 * mm, 38.1 * mm, 7.2 * mm, 15.15 * mm, 66.04 * mm, 38.1 * mm),
    "L7163": LabelSheet("L7163", N_("A4, 14 labels (L7163, 99.1 × 38.1 mm)"), A4, 2, 7,
                        99.1 * mm, 38.1 * mm, 4.65 * mm, 15.15 * mm, 101.6 * mm, 38.1 * mm),
    "5160": LabelSheet("5160", N_("US Letter, 30 labels (5160, 2⅝ × 1 in)"), LETTER, 3, 10,
                       66.675 * mm, 25.4 * mm, 4.7625 * mm, 12.7 * mm, 69.85 * mm, 25.4 * mm),
}


class FitParagraph(Flowable):
    """Address lines that shrink (down to 8 pt) until they fit their label."""

    def __init__(self, lines: list[str], style: ParagraphStyle, family: str,
                 minimum: float = 8):
        super().__init__()
        self.lines, self.style, self.family, self.minimum = lines, style, family, minimum

    def _paragraph(self, size: float, leading: float = 1.2) -> Paragraph:
        style = ParagraphStyle("label", parent=self.style, fontSize=size,
                               leading=size * leading, spaceAfter=0)
        body = "<br/>".join("".join(f'<font face="{n}">{escape(t)}</font>'
                                    for n, t in fonts.runs(line, self.family))
                            for line in self.lines)
        return Paragraph(body or "&nbsp;", style)

    def wrap(self, aw, ah):
        size = self.style.fontSize
        while True:
            for leading in (1.2, 1.1, 1.02):
                self.para = self._paragraph(size, leading)
                w, h = self.para.wrap(aw, ah)
                if h <= ah:
                    break
            if h <= ah or size <= self.minimum:
                break
            size -= 0.5
        self.width, self.height = aw, min(h, ah)
        return self.width, self.height

    def draw(self):
        self.para.drawOn(self.canv, 0, 0)


def _render_labels(item: OutreachItem, recipients: Sequence[Recipient | None],
                   options: RenderOptions, profile: PrintProfile, tagger: Tagger,
                   progress: Callable[[int], bool] | None) -> bytes:
    from reportlab.platypus import FrameBreak

    sheet = LABEL_SHEETS.get(options.label_sheet) or LABEL_SHEETS["L7160"]
    styles = _styles(profile, ItemKind.LEAFLET, options.body_pt)
    page_w, page_h = sheet.page
    pad = 4 * mm
    frames = []
    for row in range(sheet.rows):
        for column in range(sheet.columns):
            x = sheet.left + column * sheet.pitch_x
            y = page_h - sheet.top - row * sheet.pitch_y - sheet.height
            frames.append(Frame(x + pad, y + pad * 0.6, sheet.width - 2 * pad,
                                sheet.height - 1.2 * pad, leftPadding=0, rightPadding=0,
                                topPadding=0, bottomPadding=0))
    addresses: list[list[str]] = [r.address_lines for r in recipients if r and r.address_lines]
    if not addresses:
        # No one to address: a sheet of the item's own text (return-address labels).
        own = [inline.plain(str(b.data.get("text", ""))) for b in item.blocks
               if b.type == "paragraph"]
        lines = [line for text in own for line in text.split("\n") if line.strip()]
        addresses = [lines or [translator(item.language)(_ADDRESS_PLACEHOLDER)]] * sheet.per_sheet
    size = min(max(styles.body_pt, 11), 16)
    style = ParagraphStyle("label", parent=styles.body, fontSize=size, leading=size * 1.2)
    story: list[Flowable] = []
    for index, lines in enumerate(addresses):
        node = tagger.root.add("P")
        story.append(Tagged(FitParagraph([ln for ln in lines if ln.strip()], style,
                                         styles.family, minimum=min(profile.min_body_pt, size)),
                            node, tagger))
        if index < len(addresses) - 1:
            story.append(FrameBreak())
        if progress is not None and progress(index + 1) is False:
            raise Cancelled()

    def on_page(canvas, doc):
        return None

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=sheet.page, title=item.title, creator="Advocate",
        lang=item.language or "en", initialFontName=fonts.Family(styles.family).name(),
        initialFontSize=size, invariant=1,
        pageTemplates=[PageTemplate("labels", frames, onPage=on_page)])
    doc.build(story)
    data = buffer.getvalue()
    if not options.tagged:
        return data
    return finish(data, tagger, title=item.title, lang=item.language or "en",
                  subject=_(sheet.description))


def _pages(data: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as document:
        return len(document.pages)


def _today(lang: str) -> str:
    from babel.dates import format_date

    try:
        locale = "en_GB" if lang == "en" else lang.replace("-", "_")
        return format_date(date.today(), format="long", locale=locale)
    except Exception:  # noqa: BLE001 (an unknown language falls back to English)
        return format_date(date.today(), format="long", locale="en")


class Cancelled(Exception):
    """The person cancelled a long rendering."""


try:
    from reportlab.platypus.doctemplate import LayoutError as _LayoutError
except ImportError:  # pragma: no cover
    _LayoutError = RuntimeError
