"""Complex scripts shaped with HarfBuzz, laid out with the Unicode bidirectional algorithm,
and drawn so that the text read back from the file is the text as written.

HarfBuzz (``uharfbuzz``) turns a run of text into the glyphs a script needs: Arabic and Urdu
letters in their joined forms, Devanagari, Bengali, Gurmukhi and Tamil conjuncts, vowel signs
before or around their consonant. The bidirectional algorithm (``python-bidi``) gives each
character its embedding level for the whole paragraph; lines are broken first and each line is
then put in visual order (rules L1 and L2), so a right-to-left paragraph reads from the right
and an English name inside it keeps its own order.

A screen reader and a copy from the page want the characters in reading (logical) order. Each
glyph is therefore drawn at its place on the line but in the order of the characters it stands
for, and mapped to those characters: a glyph the font maps to the character itself is drawn
with it; any other glyph (a joined form, a conjunct, a vowel sign that moved) gets a private
code whose ``/ToUnicode`` entry is written with the characters it stands for
(:func:`unicode_of`, used by ``tagging.finish``). The second glyph of a vowel sign drawn in two
parts stands for nothing more and is drawn as an artifact.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics

#: Private codes for glyphs that stand for something other than their own character
#: (Supplementary Private Use Area-A, never typed by anyone).
_PRIVATE_START = 0xF0000
_lock = threading.Lock()
_private_text: dict[int, str] = {}
_private_codes: dict[tuple[str, int, str], int] = {}
_next_private = [_PRIVATE_START]
_hb_fonts: dict[str, object] = {}


@dataclass(frozen=True)
class Glyph:
    """One glyph of a shaped run, in visual order."""

    char: str        # what reportlab draws: the character, or a private code for the glyph
    x: float         # from the run's left edge, points
    y: float         # up from the baseline, points
    logical: int     # the first character it stands for (index in the run's text)
    shown: bool      # False: read as part of another glyph (drawn as an artifact)


def unicode_of(code: int) -> str | None:
    """The characters a private code stands for (None for any other code)."""
    return _private_text.get(code)


def _hb_font(name: str):
    font = _hb_fonts.get(name)
    if font is None:
        import uharfbuzz as hb

        ttf = pdfmetrics.getFont(name)
        font = hb.Font(hb.Face(hb.Blob(ttf.face._ttf_data)))
        _hb_fonts[name] = font
    return font


def _char_for(name: str, gid: int, text: str, nominal: list[int] | None) -> str:
    if len(text) == 1 and nominal and ord(text) in nominal:
        return text
    key = (name, gid, text)
    code = _private_codes.get(key)
    if code is not None:
        return chr(code)
    with _lock:
        code = _private_codes.get(key)
        if code is None:
            face = pdfmetrics.getFont(name).face
            font = _hb_font(name)
            code = _next_private[0]
            _next_private[0] += 1
            face.charToGlyph[code] = gid
            face.charWidths[code] = round(font.get_glyph_h_advance(gid) * 1000
                                          / font.face.upem)
            _private_text[code] = text
            _private_codes[key] = code
    return chr(code)


def shape(name: str, text: str, size: float, rtl: bool) -> tuple[list[Glyph], float]:
    """``text`` drawn with font ``name`` at ``size``: its glyphs in visual order and its
    width."""
    import uharfbuzz as hb

    font = _hb_font(name)
    face = pdfmetrics.getFont(name).face
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(ch) for ch in text])
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.guess_segment_properties()
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(font, buffer, {"kern": True, "liga": True})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    scale = size / font.face.upem
    starts = sorted({info.cluster for info in infos})
    ends = {start: (starts[i + 1] if i + 1 < len(starts) else len(text))
            for i, start in enumerate(starts)}
    by_cluster: dict[int, list[int]] = {}
    for index, info in enumerate(infos):
        by_cluster.setdefault(info.cluster, []).append(index)
    # What each glyph stands for: (first character, the characters) or None (an artifact).
    meaning: dict[int, tuple[int, str] | None] = {}
    for start, members in by_cluster.items():
        end = ends[start]
        left = list(range(start, end))
        for index in members:
            nominal = face.glyphToChar.get(infos[index].codepoint)
            match = next((c for c in left if nominal and ord(text[c]) in nominal), None)
            if match is not None:
                left.remove(match)
                meaning[index] = (match, text[match])
        unassigned = [i for i in members if i not in meaning]
        if left:
            chars = "".join(text[c] for c in left)
            if unassigned:
                meaning[unassigned.pop(0)] = (left[0], chars)
            else:  # characters without a glyph of their own (joiners): read with the last
                last = max((i for i in members if meaning.get(i)),
                           key=lambda i: meaning[i][0])  # type: ignore[index]
                first, own = meaning[last]  # type: ignore[misc]
                meaning[last] = (first, own + chars)
        for index in unassigned:
            meaning[index] = None
    glyphs: list[Glyph] = []
    pen = 0.0
    for index, (info, pos) in enumerate(zip(infos, positions, strict=True)):
        gid = info.codepoint
        nominal = face.glyphToChar.get(gid)
        found = meaning.get(index)
        if found is None:
            char = chr(nominal[0]) if nominal else _char_for(name, gid, text[info.cluster],
                                                             None)
            glyphs.append(Glyph(char, pen + pos.x_offset * scale, pos.y_offset * scale,
                                info.cluster, False))
        else:
            first, chars = found
            glyphs.append(Glyph(_char_for(name, gid, chars, nominal),
                                pen + pos.x_offset * scale, pos.y_offset * scale, first, True))
        pen += pos.x_advance * scale
    return glyphs, pen


def width(name: str, text: str, size: float, rtl: bool = False) -> float:
    """The width of ``text`` shaped with ``name`` at ``size``."""
    return _width(name, text, rtl) * size


_width_cache: dict[tuple[str, str, bool], float] = {}


def _width(name: str, text: str, rtl: bool) -> float:
    key = (name, text, rtl)
    found = _width_cache.get(key)
    if found is None:
        if len(_width_cache) > 50_000:
            _width_cache.clear()
        found = shape(name, text, 1.0, rtl)[1]
        _width_cache[key] = found
    return found


# -- the bidirectional algorithm -------------------------------------------------------------

def levels(text: str, rtl: bool | None) -> list[int]:
    """Each character's resolved embedding level for the paragraph ``text`` (rules P to I);
    ``rtl`` None: the paragraph's direction from its first strong character."""
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    base = algorithm.get_base_level(text) if rtl is None else (1 if rtl else 0)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    chars = storage["chars"]
    if len(chars) != len(text):  # pragma: no cover (only on narrow Python builds)
        return [base] * len(text)
    return [ch["level"] for ch in chars]


def line_levels(text: str, resolved: list[int], base: int) -> list[int]:
    """Rule L1 for one line: whitespace at its end (and before tabs) takes the paragraph's
    level."""
    out = list(resolved)
    trailing = True
    for index in range(len(text) - 1, -1, -1):
        ch = text[index]
        if ch == "\t":
            out[index] = base
            trailing = True
        elif trailing and ch.isspace():
            out[index] = base
        else:
            trailing = False
    return out


def visual_order(run_levels: list[int]) -> list[int]:
    """Rule L2: the order in which runs at ``run_levels`` stand from left to right."""
    order = list(range(len(run_levels)))
    if not run_levels:
        return order
    highest = max(run_levels)
    odd = [level for level in run_levels if level % 2]
    if not odd:
        return order
    for level in range(highest, min(odd) - 1, -1):
        index = 0
        while index < len(order):
            if run_levels[order[index]] >= level:
                end = index
                while end < len(order) and run_levels[order[end]] >= level:
                    end += 1
                order[index:end] = reversed(order[index:end])
                index = end
            else:
                index += 1
    return order
