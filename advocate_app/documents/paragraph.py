"""The paragraph every document prints its words with.

:class:`SpacedParagraph` keeps the space each wrapped line was broken at (text extraction
otherwise joins the last word of one line to the first word of the next), and breaks its lines
once: a paragraph that runs over many pages hands the lines it already broke to the part left
for the next page, so laying out a paragraph costs time in proportion to its length (reportlab's
own paragraph breaks the whole rest again on every page: a 200 KB paragraph took minutes).
reportlab's line breaking also takes its words one at a time from the front of a list, which
costs time in proportion to the words left; :class:`_WordQueue` makes that constant.
"""

from __future__ import annotations

import copy

from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as _paragraph_module
from reportlab.platypus.paragraph import _split_blParaHard, _split_blParaSimple


class SpacedParagraph(Paragraph):
    """A paragraph whose wrapped lines keep the space they were broken at, broken into lines
    once however many pages it runs over."""

    #: Lines already broken (for the rest of a split paragraph, or by an earlier wrap at the
    #: same width): (the widths they were broken at, reportlab's ParaLines holding them).
    _prebroken: tuple[tuple[float, ...], object] | None = None
    #: Builds the rest's own fragments, when it must be broken again at another width.
    _full_frags = None

    def breakLines(self, width):  # noqa: N802 (reportlab API)
        widths = tuple(width) if isinstance(width, list | tuple) else (width,)
        if self._prebroken is not None:
            broken_at, lines = self._prebroken
            if len(broken_at) == len(widths) and all(
                    abs(a - b) < 1e-6 for a, b in zip(broken_at, widths, strict=True)):
                return lines  # the same width again (kept together, then placed)
            self._prebroken = None
        self._own_frags()  # laid out at another width after all
        lines = super().breakLines(width)
        self._prebroken = (widths, lines)
        return lines

    def split(self, availWidth, availHeight):  # noqa: N802 (reportlab API)
        """As reportlab splits, but without rebuilding the rest from its words: the part for
        this page is split from the first lines only, and the rest keeps the lines already
        broken (and builds its words only if it is laid out at another width)."""
        lines = getattr(getattr(self, "blPara", None), "lines", None)
        leading = self.style.leading
        keep = int(availHeight / leading) + 3 if leading > 0 else 0
        if (lines is None or not keep or len(lines) <= keep
                or getattr(self.style, "autoLeading", "") not in ("", "off", None)
                or getattr(self, "autoLeading", "") not in ("", "off", None)):
            return super().split(availWidth, availHeight)
        whole = self.blPara
        self.blPara = whole.clone(lines=lines[:keep])
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.blPara = whole
        if len(parts) != 2:
            return super().split(availWidth, availHeight)
        first, rest = parts
        start = len(first.blPara.lines)
        widths = self._prebroken[0] if self._prebroken else tuple(self._wrapWidths)
        later = widths[-1]
        # Both parts keep the lines broken here: broken again from their words, a part
        # starting after a line break would gain an empty first line (and no longer fit).
        first._prebroken = (widths, whole.clone(lines=lines[:start]))
        rest._prebroken = ((later, later), whole.clone(lines=lines[start:]))
        make_frags = self._get_split_blParaFunc()
        if make_frags in (_split_blParaSimple, _split_blParaHard):
            rest._full_frags = lambda: make_frags(whole, start, len(lines))
        else:  # processed words: the lines point into this paragraph's list of them
            words, first_word = self.frags, lines[start].sFW
            rest.frags = words
            rest._full_frags = lambda: words[first_word:]
        return [first, rest]

    def _own_frags(self) -> None:
        """The rest of a split paragraph builds its own words when it needs them."""
        if self._full_frags is not None:
            self.frags, self._full_frags = self._full_frags(), None

    def minWidth(self):  # noqa: N802 (reportlab API)
        self._own_frags()
        return super().minWidth()

    def drawPara(self, debug=0):  # noqa: N802 (reportlab API)
        # Only the drawn copy gets the spaces: line breaking and splitting stay untouched.
        original = self.blPara
        self.blPara = _with_line_end_spaces(original)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = original


def _with_line_end_spaces(para):
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


class _WordQueue:
    """The words reportlab's line breaking takes from the front one by one (``pop(0)``) and
    sometimes puts back at the front: kept in reverse order, so taking a word costs the same
    however many are left (a list's ``pop(0)`` moves every other word)."""

    __slots__ = ("_reversed",)

    def __init__(self, words: list) -> None:
        self._reversed = words[::-1]

    def __len__(self) -> int:
        return len(self._reversed)

    def __iter__(self):
        return reversed(self._reversed)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += len(self._reversed)
        if not 0 <= index < len(self._reversed):
            raise IndexError(index)
        return self._reversed[len(self._reversed) - 1 - index]

    def pop(self, index: int = -1):
        if index == 0:
            return self._reversed.pop()
        if index < 0:
            index += len(self._reversed)
        return self._reversed.pop(len(self._reversed) - 1 - index)

    def insert(self, index: int, value) -> None:
        self._reversed.insert(len(self._reversed) - max(0, min(index, len(self))), value)

    def __setitem__(self, index, values) -> None:
        if not (isinstance(index, slice) and index.start in (0, None) and index.stop == 0
                and index.step is None):
            raise TypeError("only words put back at the front are supported")
        self._reversed.extend(reversed(list(values)))


def _queued(frag_words):
    def words_of(frags, maxWidth=None):  # noqa: N803 (reportlab's name)
        words = frag_words(frags, maxWidth)
        return _WordQueue(words) if isinstance(words, list) and len(words) > 64 else words

    words_of.queued = True
    return words_of


if callable(getattr(_paragraph_module, "_getFragWords", None)) and not getattr(
        _paragraph_module._getFragWords, "queued", False):
    _paragraph_module._getFragWords = _queued(_paragraph_module._getFragWords)
