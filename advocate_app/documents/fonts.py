"""The fonts printed material uses, and the fallback that keeps every character visible.

Faces live in ``resources/fonts`` (see its README for sources and licences). Text is split into
runs, each drawn with the first face in the chain that has every character of the run: the
profile's own face, then Noto Sans (Latin, Greek, Cyrillic), Noto Sans Arabic (Urdu too) and
Hebrew, Noto Sans Devanagari, Bengali, Gurmukhi and Tamil, Noto Sans Symbols 2, Noto Emoji and
DejaVu Sans; then the large Chinese, Japanese and Korean faces, registered only when a document
has such a character, in the order the text's language wants (a Japanese text takes IPAGothic,
a Korean one NanumGothic, anything else Droid Sans Fallback); Urdu's Arabic letters take Noto
Nastaliq Urdu, the style Urdu readers expect. A character no face has is drawn
as U+FFFD, a visible replacement mark, rather than an empty box, and the pre-flight check lists
such characters before anything is printed. Complex scripts are shaped by ``shaping.py``.

reportlab is imported here, so this module is loaded only when something is rendered.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from advocate_app.paths import bundled_dir

#: Family key → (regular, bold, italic, bold italic) file names.
_FAMILIES = {
    "AtkinsonHyperlegible": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf",
                             "AtkinsonHyperlegible-Italic.ttf",
                             "AtkinsonHyperlegible-BoldItalic.ttf"),
    "NotoSans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                 "NotoSans-BoldItalic.ttf"),
}
#: Fallback faces: name → (regular file, bold file or None).
_FALLBACKS = (
    ("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    ("NotoSansDevanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    ("NotoSansBengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
    ("NotoSansGurmukhi", "NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"),
    ("NotoSansTamil", "NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf"),
    ("NotoSansSymbols2", "NotoSansSymbols2-Regular.ttf", None),
    ("NotoEmoji", "NotoEmoji-Regular.ttf", None),
    ("DejaVuSans", "DejaVuSans.ttf", None),
)
#: Chinese, Japanese and Korean faces (several MB each): registered on first need.
_CJK = {
    "DroidSansFallback": ("DroidSansFallbackFull.ttf", None),
    "IPAGothic": ("ipag.ttf", None),
    "NanumGothic": ("NanumGothic.ttf", "NanumGothicBold.ttf"),
}
#: The order the CJK faces are tried in, by the text's language: Han characters are drawn
#: the way that language writes them.
_CJK_ORDER = {
    "ja": ("IPAGothic", "DroidSansFallback", "NanumGothic"),
    "ko": ("NanumGothic", "DroidSansFallback", "IPAGothic"),
}
_CJK_DEFAULT = ("DroidSansFallback", "IPAGothic", "NanumGothic")
#: Urdu is read in Nastaliq: its Arabic letters take Noto Nastaliq Urdu (loaded on first need).
_NASTALIQ = ("NotoNastaliqUrdu", "NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf")
NASTALIQ_FACES = frozenset({_NASTALIQ[0], _NASTALIQ[0] + "-Bold"})
_ARABIC_LETTERS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
REPLACEMENT = "\ufffd"
#: Characters that never need a glyph of their own: they join or steer their neighbours.
_JOINERS = frozenset("\u200d\u200c\ufe0e\ufe0f\u200e\u200f\u2066\u2067\u2068\u2069")

_lock = threading.Lock()
_registered: dict[str, frozenset[int]] = {}


class FontError(RuntimeError):
    """The bundled fonts are missing: the installation is incomplete."""


def _font_dir():
    base = bundled_dir("resources")
    if base is None or not (base / "fonts").is_dir():
        raise FontError("The fonts folder (resources/fonts) is missing.")
    return base / "fonts"


def _register(name: str, filename: str) -> frozenset[int]:
    cmap = _registered.get(name)
    if cmap is None:
        path = _font_dir() / filename
        if not path.is_file():
            raise FontError(f"The font file {filename} is missing.")
        font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        cmap = frozenset(font.face.charToGlyph)
        _registered[name] = cmap
    return cmap


@dataclass(frozen=True)
class Family:
    """A face in four styles, registered with reportlab under ``<key>``, ``<key>-Bold`` …"""

    key: str

    def name(self, bold: bool = False, italic: bool = False) -> str:
        suffix = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic",
                  (True, True): "-BoldItalic"}[(bold, italic)]
        return self.key + suffix


def family(legible: bool) -> Family:
    """Atkinson Hyperlegible for clear, large print and Easy Read; Noto Sans for the rest."""
    key = "AtkinsonHyperlegible" if legible else "NotoSans"
    ensure_registered()
    return Family(key)


def ensure_registered() -> None:
    with _lock:
        if "DejaVuSans" in _registered:
            return
        from reportlab.lib.fonts import addMapping

        for key, files in _FAMILIES.items():
            names = Family(key)
            for (bold, italic), filename in zip(((False, False), (True, False), (False, True),
                                                 (True, True)), files, strict=True):
                _register(names.name(bold, italic), filename)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(key, bold, italic, names.name(bool(bold), bool(italic)))
        for name, regular, bold in _FALLBACKS:
            _register(name, regular)
            if bold:
                _register(name + "-Bold", bold)


@lru_cache(maxsize=64)
def _chain(primary: str, bold: bool, italic: bool) -> tuple[tuple[str, frozenset[int]], ...]:
    chain = [(Family(primary).name(bold, italic), _registered[Family(primary).name(bold, italic)])]
    if primary != "NotoSans":
        name = Family("NotoSans").name(bold, italic)
        chain.append((name, _registered[name]))
    for name, _regular, bold_file in _FALLBACKS:
        chosen = name + "-Bold" if bold and bold_file else name
        chain.append((chosen, _registered[chosen]))
    return tuple(chain)


def _cjk_faces(lang: str, bold: bool) -> list[tuple[str, frozenset[int]]]:
    """The CJK faces for ``lang``, registered now if they were not yet."""
    base = (lang or "").replace("-", "_").split("_")[0].lower()
    out = []
    for key in _CJK_ORDER.get(base, _CJK_DEFAULT):
        regular, bold_file = _CJK[key]
        name = key + "-Bold" if bold and bold_file else key
        with _lock:
            cmap = _register(name, bold_file if name != key else regular)
        out.append((name, cmap))
    return out


def _nastaliq(bold: bool) -> tuple[str, frozenset[int]]:
    key, regular, bold_file = _NASTALIQ
    name = key + "-Bold" if bold else key
    with _lock:
        return name, _register(name, bold_file if bold else regular)


def _face_for(code: int, chain, lang: str, bold: bool) -> str | None:
    if lang[:2] == "ur" and any(low <= code <= high for low, high in _ARABIC_LETTERS):
        name, cmap = _nastaliq(bold)
        if code in cmap:
            return name
    for name, cmap in chain:
        if code in cmap:
            return name
    for name, cmap in _cjk_faces(lang, bold):
        if code in cmap:
            return name
    return None


def runs(text: str, primary: str, bold: bool = False, italic: bool = False, lang: str = ""
         ) -> list[tuple[str, str]]:
    """``text`` as (font name, text) runs so that every character has a glyph (``lang``, the
    text's language, chooses between the Chinese, Japanese and Korean faces)."""
    ensure_registered()
    chain = _chain(primary, bold, italic)
    first_name, first_cmap = chain[0]
    if all(ord(ch) in first_cmap or ch in _JOINERS for ch in text):
        return [(first_name, text)] if text else []
    out: list[tuple[str, str]] = []
    current, buffer = first_name, []
    for ch in text:
        code = ord(ch)
        if ch in _JOINERS or ch.isspace() and code in first_cmap:
            name = current
        elif (unicodedata.category(ch) == "Mn" and buffer
              and code in _registered.get(current, frozenset())):
            name = current  # a combining mark stays with the letter it sits on
        else:
            found = _face_for(code, chain, lang, bold)
            if found is None:
                name, ch = first_name, REPLACEMENT
                if ord(REPLACEMENT) not in first_cmap:
                    name = "DejaVuSans"
            else:
                name = found
        if name != current and buffer:
            out.append((current, "".join(buffer)))
            buffer = []
        current = name
        buffer.append(ch)
    if buffer:
        out.append((current, "".join(buffer)))
    return out


def missing(text: str) -> set[str]:
    """Characters of ``text`` that no bundled face can draw."""
    ensure_registered()
    chain = _chain("NotoSans", False, False)
    return {ch for ch in text if ch not in _JOINERS and not ch.isspace()
            and _face_for(ord(ch), chain, "", False) is None}
