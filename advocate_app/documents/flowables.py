"""The building blocks of a tagged page: reportlab flowables that draw their content inside
marked content for a structure element (:class:`Tagged`), or as an artifact, and the layouts
the documents need beyond reportlab's own (words beside a picture, lines that keep their
spaces, address lines that fit a label). Text in any script beyond Latin, Greek and Cyrillic is
laid out by ``script_paragraph.py``.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from advocate_app.documents import fonts
from advocate_app.documents.tagging import Node, Tagger


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
                 space_after: float = 0, centre: bool = False, mirrored: bool = False):
        super().__init__()
        self.left, self.right = left, right
        self.left_width, self.gap, self.space_after = left_width, gap, space_after
        self.centre = centre  # words centred on a picture taller than they are
        #: Right to left: the picture or list label on the right, the words on its left.
        self.mirrored = mirrored

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
        first = SideBySide(self.left, parts[0], self.left_width, self.gap,
                           mirrored=self.mirrored)
        rest = [SideBySide(None, p, self.left_width, self.gap, self.space_after,
                           mirrored=self.mirrored) for p in parts[1:]]
        return [first, *rest]

    def draw(self):
        words_width = self.width - self.left_width - self.gap
        if self.left is not None:
            self.left.drawOn(self.canv, words_width + self.gap if self.mirrored else 0,
                             self.height - self._lh)
        _rw, rh = self.right.wrap(words_width, self.height)
        top = (self.height - rh) / 2 if self.centre and self.left is not None else 0
        self.right.drawOn(self.canv, 0 if self.mirrored else self.left_width + self.gap,
                          self.height - rh - top)


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
                     right: float, baseline: float, color: str, lang: str = "") -> None:
    """``label`` ("Page 2") ending at ``right``, as a pagination artifact: printed, and left
    out of what a screen reader reads. Shaped and in its direction like any other words."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT

    from advocate_app.documents.script_paragraph import ScriptParagraph

    tagger.begin_artifact(canvas, "Pagination")
    style = ParagraphStyle("page", fontName=fonts.Family(family).name(), fontSize=size,
                           leading=size * 1.2, textColor=colors.HexColor(color),
                           alignment=TA_RIGHT)
    line = ScriptParagraph([(label, False, False)], style, family, tagger, tagger.root, lang,
                           None)
    wide = 4000.0
    _w, height = line.wrap(wide, wide)
    line.artifact = True  # inside the pagination artifact already
    line.drawOn(canvas, right - wide, baseline - height + size)
    tagger.end_artifact(canvas)
