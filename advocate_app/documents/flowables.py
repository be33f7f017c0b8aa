"""The building blocks of a tagged page: reportlab flowables that draw their content inside
marked content for a structure element (:class:`Tagged`), or as an artifact, and the layouts
the documents need beyond reportlab's own (words beside a picture, right-to-left paragraphs,
lines that keep their spaces, address lines that fit a label).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from advocate_app.documents import fonts
from advocate_app.documents.tagging import Node, Tagger

RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


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


class QuoteBar(Flowable):
    """``inner`` indented, with a rule down its left side (an artifact) reaching ``gap`` below
    it, so the paragraphs of a quotation share one unbroken rule."""

    def __init__(self, inner: Flowable, indent: float, color, tagger: Tagger,
                 space_after: float = 0, gap: float = 0):
        super().__init__()
        self.inner, self.indent, self.color, self.tagger = inner, indent, color, tagger
        self.space_after, self.gap = space_after, gap

    def wrap(self, aw, ah):
        _w, h = self.inner.wrap(aw - self.indent, ah)
        self.width, self.height = aw, h + self.gap
        return self.width, self.height

    def getSpaceAfter(self):  # noqa: N802 (reportlab API)
        return self.space_after

    def split(self, aw, ah):
        parts = self.inner.split(aw - self.indent, ah)
        if len(parts) < 2:
            return []
        return [QuoteBar(part, self.indent, self.color, self.tagger,
                         self.space_after if index == len(parts) - 1 else 0,
                         self.gap if index == len(parts) - 1 else 0)
                for index, part in enumerate(parts)]

    def draw(self):
        self.tagger.begin_artifact(self.canv)
        self.canv.saveState()
        self.canv.setFillColor(self.color)
        self.canv.rect(0, 0, self.indent * 0.25, self.height, stroke=0, fill=1)
        self.canv.restoreState()
        self.tagger.end_artifact(self.canv)
        self.inner.drawOn(self.canv, self.indent, self.gap)


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
        rtl = [bool(RTL_CHAR.search(tok)) if tok else self.base_rtl for tok in tokens]
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


def _absolute_box(canvas, x, y, w, h) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = canvas._currentMatrix
    xs, ys = [], []
    for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        xs.append(a * px + c * py + e)
        ys.append(b * px + d * py + f)
    return min(xs), min(ys), max(xs), max(ys)


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


def draw_page_number(canvas, tagger: Tagger, label: str, *, family: str, size: float,
                     right: float, baseline: float, color: str) -> None:
    """``label`` ("Page 2") ending at ``right``, as a pagination artifact: printed, and left
    out of what a screen reader reads."""
    from reportlab.lib import colors

    tagger.begin_artifact(canvas, "Pagination")
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(color))
    runs = fonts.runs(label, family)
    text = canvas.beginText(right - sum(stringWidth(t, n, size) for n, t in runs), baseline)
    for name, piece in runs:
        text.setFont(name, size)
        text.textOut(piece)
    canvas.drawText(text)
    canvas.restoreState()
    tagger.end_artifact(canvas)
