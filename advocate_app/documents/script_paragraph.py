"""The paragraph for text in any script: shaped (HarfBuzz), in its direction (the Unicode
bidirectional algorithm, line by line), broken between words (and between Chinese and
Japanese characters), and tagged passage by passage.

:class:`ScriptParagraph` draws its own marked content: each line's characters in reading order
under the paragraph's structure element, and each passage in another language (an English
name inside an Arabic leaflet, English words the document prints itself where the language
has no catalog) under a ``Span`` child with its own ``/Lang``. It is used wherever a paragraph
holds anything beyond Latin, Greek and Cyrillic, or a passage in another language; the rest
keeps reportlab's paragraph (:mod:`advocate_app.documents.paragraph`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from advocate_app.documents import fonts, shaping
from advocate_app.documents.scripts import UNSPACED_SCRIPTS, script_of
from advocate_app.documents.tagging import Node, Tagger

#: Never at the start of a line (closing marks), never at its end (opening marks).
_NO_START = frozenset("、。，．,.!?！？：；:;)]}）」』】〕〉》〙〗ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…")
_NO_END = frozenset("([{（「『【〔〈《〘〖")


@dataclass
class _Text:
    """What every part of a split paragraph shares."""

    text: str                        # the characters drawn (logical order)
    fonts: list[str]                 # each character's font
    owners: list[int]                # each character's passage: 0 the paragraph, k span k
    levels: list[int]                # each character's embedding level
    bases: list[int]                 # each character's paragraph level
    spans: list[tuple[int, int, str]]
    links: list[str] = field(default_factory=list)  # each character's link ("" for none)
    span_nodes: dict[int, Node] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.has_links = any(self.links)
        self.nastaliq = not fonts.NASTALIQ_FACES.isdisjoint(self.fonts)


class ScriptParagraph(Flowable):
    """``pieces`` ((text, bold, italic[, link address]) in reading order) as a tagged paragraph
    of ``node``;
    ``rtl`` its direction (None: from its first strong character); ``spans`` (start, end,
    language) the passages in another language than ``lang``."""

    def __init__(self, pieces: list[tuple[str, bool, bool]], style: ParagraphStyle,
                 family: str, tagger: Tagger, node: Node, lang: str, rtl: bool | None,
                 spans: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
                 *, align_right: bool = False, _shared: _Text | None = None,
                 _lines: list | None = None):
        super().__init__()
        self.style, self.family, self.tagger, self.node = style, family, tagger, node
        self.lang, self.rtl, self.align_right = lang, rtl, align_right
        self.shared = _shared or self._prepare(pieces, list(spans))
        #: Nastaliq (Urdu) climbs and falls far from its baseline: its lines need more room.
        self.leading = style.leading
        if self.shared.nastaliq:
            self.leading = max(style.leading, style.fontSize * 2.0)
        self._lines = _lines
        self._for_width: float | None = None
        self.drawn = False
        #: Drawn inside an artifact already (a page number): no marked content of its own.
        self.artifact = False
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    # -- preparing -------------------------------------------------------------------------------
    def _prepare(self, pieces, spans) -> _Text:
        text = "".join(piece[0] for piece in pieces)
        links = [piece[3] if len(piece) > 3 else "" for piece in pieces
                 for _ch in piece[0]]
        owners = [0] * len(text)
        for number, (start, end, _lang) in enumerate(spans, start=1):
            owners[start:end] = [number] * (end - start)
        drawn, char_fonts = [], []
        offset = 0
        primary = fonts.Family(self.family).name()
        for part, bold, italic, *_link in pieces:
            cursor = offset
            # Each passage's characters take the faces of its own language (Han characters).
            while cursor < offset + len(part):
                owner = owners[cursor]
                end = cursor
                while end < offset + len(part) and owners[end] == owner and text[end] != "\n":
                    end += 1
                if end == cursor:  # a line break of the text itself
                    drawn.append("\n")
                    char_fonts.append(primary)
                    cursor += 1
                    continue
                lang = spans[owner - 1][2] if owner else self.lang
                for name, run in fonts.runs(text[cursor:end], self.family, bold, italic, lang):
                    drawn.append(run)
                    char_fonts.extend([name] * len(run))
                cursor = end
            offset += len(part)
        shown = "".join(drawn)
        levels: list[int] = []
        bases: list[int] = []
        for hard_line in shown.split("\n"):
            if self.rtl is not None:
                base = 1 if self.rtl else 0
            else:
                base = 1 if _first_strong_rtl(hard_line) else 0
            resolved = shaping.levels(hard_line, bool(base)) if hard_line else []
            levels += resolved + [base]
            bases += [base] * (len(hard_line) + 1)
        return _Text(shown, char_fonts, owners, levels[:len(shown)], bases[:len(shown)], spans,
                     links)

    # -- measuring and breaking -------------------------------------------------------------------
    def _width(self, start: int, end: int) -> float:
        shared, size, total = self.shared, self.style.fontSize, 0.0
        index = start
        while index < end:
            name, level = shared.fonts[index], shared.levels[index]
            stop = index
            while stop < end and shared.fonts[stop] == name and shared.levels[stop] == level:
                stop += 1
            total += shaping.width(name, shared.text[index:stop], size, bool(level % 2))
            index = stop
        return total

    def _units(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Where a line may break: (start, end of the word, end with the spaces after it)."""
        text = self.shared.text
        units: list[tuple[int, int, int]] = []
        index = start
        while index < end:
            word_end = index
            while word_end < end and not text[word_end].isspace():
                word_end += 1
                if (script_of(text[word_end - 1]) in UNSPACED_SCRIPTS and word_end < end
                        and not text[word_end].isspace() and text[word_end] not in _NO_START
                        and text[word_end - 1] not in _NO_END
                        and unicodedata.category(text[word_end])[0] != "M"):
                    break
            space_end = word_end
            while space_end < end and text[space_end].isspace():
                space_end += 1
            units.append((index, word_end, space_end))
            index = space_end
        return units

    def _break(self, avail: float) -> list[tuple[int, int, int]]:
        """Lines as (start, end of the last word, end with the spaces after it)."""
        text, lines = self.shared.text, []
        position = 0
        for hard_line in text.split("\n"):
            end = position + len(hard_line)
            current: list[int] | None = None  # start, word end, space end
            used = 0.0
            for start, word_end, space_end in self._units(position, end):
                word = self._width(start, word_end)
                spaces = self._width(word_end, space_end) if space_end > word_end else 0.0
                if current is not None and used + word > avail:
                    lines.append(tuple(current))
                    current = None
                    used = 0.0
                while current is None and word > avail and word_end - start > 1:
                    cut = self._fit(start, word_end, avail)
                    lines.append((start, cut, cut))
                    start = cut
                    word = self._width(start, word_end)
                if current is None:
                    current = [start, word_end, space_end]
                else:
                    current[1:] = [word_end, space_end]
                used += word + spaces
            # A line break of the text reads as a space between its lines.
            following = end + 1 if end < len(text) else end
            if current:
                lines.append((current[0], current[1], max(current[2], following)))
            else:
                lines.append((position, end, following))
            position = end + 1
        return lines  # type: ignore[return-value]

    def _fit(self, start: int, end: int, avail: float) -> int:
        low, high = start + 1, end
        while low < high:
            middle = (low + high + 1) // 2
            if self._width(start, middle) <= avail:
                low = middle
            else:
                high = middle - 1
        text = self.shared.text
        while low > start + 1 and unicodedata.category(text[low])[0] == "M":
            low -= 1  # never part a letter from its marks
        return low

    def wrap(self, aw, ah):
        if self._lines is None or (self._for_width is not None
                                   and abs(self._for_width - aw) > 1e-6):
            self._lines = self._break(aw)
        self._for_width = aw
        self.width, self.height = aw, len(self._lines) * self.leading
        return self.width, self.height

    def split(self, aw, ah):
        self.wrap(aw, ah)
        fit = int(ah // self.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        parts = []
        for lines in (self._lines[:fit], self._lines[fit:]):
            part = ScriptParagraph([], self.style, self.family, self.tagger, self.node,
                                   self.lang, self.rtl, align_right=self.align_right,
                                   _shared=self.shared, _lines=lines)
            part._for_width = aw
            parts.append(part)
        parts[1].keepWithNext = self.keepWithNext
        return parts

    def getSpaceBefore(self):  # noqa: N802 (reportlab API)
        return self.style.spaceBefore

    def getSpaceAfter(self):  # noqa: N802 (reportlab API)
        return self.style.spaceAfter

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self):
        canvas, size = self.canv, self.style.fontSize
        canvas.setFillColor(self.style.textColor)
        again = self.drawn or self.artifact
        self.drawn = True
        y = self.height - size
        for number, line in enumerate(self._lines):
            last = number == len(self._lines) - 1
            self._draw_line(canvas, line, y, again, last)
            y -= self.leading

    def _items(self, start: int, end: int):
        shared = self.shared
        text = shared.text[start:end]
        base = shared.bases[start] if start < len(shared.bases) else 0
        levels = shaping.line_levels(text, shared.levels[start:end], base)
        items = []
        index = 0
        while index < len(text):
            stop = index
            key = (levels[index], shared.fonts[start + index], shared.owners[start + index])
            while stop < len(text) and (levels[stop], shared.fonts[start + stop],
                                        shared.owners[start + stop]) == key:
                stop += 1
            items.append((start + index, start + stop, key[0], key[1], key[2]))
            index = stop
        return items, base

    def _draw_line(self, canvas, line, y, again: bool, last: bool) -> None:
        start, word_end, space_end = line
        size = self.style.fontSize
        items, base = self._items(start, word_end)
        shaped = []
        for item_start, item_end, level, name, owner in items:
            glyphs, advance = shaping.shape(name, self.shared.text[item_start:item_end], size,
                                            bool(level % 2))
            shaped.append((item_start, name, owner, glyphs, advance))
        order = shaping.visual_order([level for _s, _e, level, _n, _o in items])
        total = sum(item[4] for item in shaped)
        rtl = bool(base % 2)
        if self.style.alignment == TA_CENTER:
            x = (self.width - total) / 2
        elif rtl or self.align_right or self.style.alignment == TA_RIGHT:
            x = self.width - total
        else:
            x = 0.0
        left = x
        placed = []  # (reading position, font, char, x, y, shown, owner)
        for index in order:
            item_start, name, owner, glyphs, advance = shaped[index]
            for glyph in glyphs:
                placed.append((item_start + glyph.logical, name, glyph.char, x + glyph.x,
                               y + glyph.y, glyph.shown, owner))
            x += advance
        if space_end > word_end and not last:  # the space the line was broken at
            name = self.shared.fonts[word_end]
            owner = self.shared.owners[word_end] if word_end < len(self.shared.owners) else 0
            gap = left - size * 0.25 if rtl else x
            placed.append((word_end, name, " ", gap, y, True, owner))
        placed.sort(key=lambda glyph: glyph[0])
        if not again:
            self._links(canvas, placed, y)
        if again:
            if not self.artifact:
                self.tagger.begin_artifact(canvas)
            self._show(canvas, placed, y)
            if not self.artifact:
                self.tagger.end_artifact(canvas)
            return
        segment: list = []
        for glyph in placed:
            if not glyph[5]:
                continue
            if segment and segment[-1][6] != glyph[6]:
                self._tagged(canvas, segment, y)
                segment = []
            segment.append(glyph)
        if segment:
            self._tagged(canvas, segment, y)
        hidden = [glyph for glyph in placed if not glyph[5]]
        if hidden:
            self.tagger.begin_artifact(canvas)
            self._show(canvas, hidden, y)
            self.tagger.end_artifact(canvas)

    def _links(self, canvas, placed, y: float) -> None:
        """A link annotation over each link's words on this line, and a rule under them (an
        artifact), as reportlab's own paragraph underlines a link."""
        from reportlab.lib import colors

        links = self.shared.links
        if not self.shared.has_links:
            return
        size = self.style.fontSize
        extents: dict[str, list[float]] = {}
        for position, _name, char, x, _y, shown, _owner in placed:
            href = links[position] if position < len(links) else ""
            if not href or not shown or char == " ":
                continue
            low, high = extents.setdefault(href, [x, x])
            extents[href] = [min(low, x), max(high, x + size * 0.5)]
        for href, (low, high) in extents.items():
            canvas.linkURL(href, (low, y - size * 0.25, high, y + size * 0.9), relative=1,
                           thickness=0)
            self.tagger.begin_artifact(canvas)
            canvas.saveState()
            canvas.setStrokeColor(colors.toColor(self.style.textColor))
            canvas.setLineWidth(max(0.5, size / 18))
            canvas.line(low, y - size * 0.12, high, y - size * 0.12)
            canvas.restoreState()
            self.tagger.end_artifact(canvas)

    def _tagged(self, canvas, glyphs, baseline: float) -> None:
        owner = glyphs[0][6]
        node = self.node
        if owner:
            node = self.shared.span_nodes.get(owner)
            if node is None:
                node = self.node.add("Span", lang=self.shared.spans[owner - 1][2],
                                     link_texts=self.node.link_texts)
                self.shared.span_nodes[owner] = node
        size = self.style.fontSize
        low = min(glyph[3] for glyph in glyphs)
        high = max(glyph[3] for glyph in glyphs) + size * 0.5
        self.tagger.begin(canvas, node, self._box(canvas, low, baseline, high - low))
        self._show(canvas, glyphs, baseline)
        self.tagger.end(canvas)

    def _show(self, canvas, glyphs, baseline: float) -> None:
        """``glyphs`` in the order given, each at its place, in one text object: the pen
        moves by ``TJ`` adjustments and marks rise with ``Ts``, never by a new text matrix
        (which readers take for a new line)."""
        from reportlab.lib.rl_accel import fp_str
        from reportlab.pdfbase import pdfmetrics

        if not glyphs:
            return
        doc, code, size = canvas._doc, canvas._code, self.style.fontSize
        code.append(f"BT 1 0 0 1 {fp_str(glyphs[0][3])} {fp_str(baseline)} Tm")
        pen, rise, current, parts = glyphs[0][3], 0.0, None, []

        def flush():
            if parts:
                code.append(f"[{' '.join(parts)}] TJ")
                parts.clear()
        for _pos, name, char, x, y, _shown, _owner in glyphs:
            font = pdfmetrics.getFont(name)
            (subset, data), = font.splitString(char, doc)
            if (name, subset) != current:
                flush()
                code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf")
                current = (name, subset)
            if abs(y - baseline - rise) > 0.001:
                flush()
                rise = y - baseline
                code.append(f"{fp_str(rise)} Ts")
            adjust = (pen - x) * 1000 / size
            if abs(adjust) > 0.01:
                parts.append(fp_str(adjust))
            parts.append(f"({canvas._escape(data)})")
            pen = x + font.face.charWidths.get(ord(char), font.face.defaultWidth) * size / 1000
        flush()
        code.append("0 Ts ET" if rise else "ET")

    def _box(self, canvas, x, y, width) -> tuple[float, float, float, float]:
        a, b, c, d, e, f = canvas._currentMatrix
        size = self.style.fontSize
        xs, ys = [], []
        for px, py in ((x, y - size * 0.3), (x + width, y - size * 0.3), (x, y + size),
                       (x + width, y + size)):
            xs.append(a * px + c * py + e)
            ys.append(b * px + d * py + f)
        return min(xs), min(ys), max(xs), max(ys)


def _first_strong_rtl(text: str) -> bool:
    import unicodedata as ud

    for ch in text:
        kind = ud.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def script_words(text: str, style: ParagraphStyle, family: str, tagger: Tagger, node: Node,
                 lang: str, bold: bool = False) -> ScriptParagraph | None:
    """Plain ``text`` as a :class:`ScriptParagraph` when it needs one (shaped, right to left,
    Chinese, Japanese or Korean, or holding a passage in another script); None when
    reportlab's paragraph draws it as well."""
    from advocate_app.documents.scripts import foreign_spans, needs_layout
    from advocate_app.i18n import is_right_to_left

    spans = foreign_spans(text, lang)
    rtl_language = is_right_to_left(lang)
    if not (spans or rtl_language or needs_layout(text)):
        return None
    rtl = True if rtl_language and _has_right_to_left(text) else None
    return ScriptParagraph([(text, bold or style.fontName.endswith("-Bold"), False)], style,
                           family, tagger, node, lang, rtl, spans, align_right=rtl_language)


def _has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)
