"""Which script a character is written in, which scripts a language writes, and the passages of
a paragraph written in another script than its language's (an English name inside an Arabic
leaflet), so that each can carry its own ``/Lang``.

Plain Python, no reportlab: the pre-flight check and the HTML page use it too.
"""

from __future__ import annotations

import unicodedata

#: (first, last, script) ranges, by first code point.
_RANGES = (
    (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00C0, 0x024F, "Latn"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x0370, 0x03FF, "Grek"), (0x1F00, 0x1FFF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0590, 0x05FF, "Hebr"), (0xFB1D, 0xFB4F, "Hebr"),
    (0x0600, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"), (0x08A0, 0x08FF, "Arab"),
    (0xFB50, 0xFDFF, "Arab"), (0xFE70, 0xFEFF, "Arab"),
    (0x0900, 0x097F, "Deva"), (0x0980, 0x09FF, "Beng"), (0x0A00, 0x0A7F, "Guru"),
    (0x0B80, 0x0BFF, "Taml"),
    (0x1100, 0x11FF, "Hang"), (0x3130, 0x318F, "Hang"), (0xAC00, 0xD7AF, "Hang"),
    (0x3040, 0x30FF, "Kana"), (0x31F0, 0x31FF, "Kana"), (0xFF66, 0xFF9F, "Kana"),
    (0x3400, 0x4DBF, "Hani"), (0x4E00, 0x9FFF, "Hani"), (0xF900, 0xFAFF, "Hani"),
    (0x20000, 0x2FFFF, "Hani"),
)
RIGHT_TO_LEFT_SCRIPTS = frozenset({"Arab", "Hebr"})
#: Scripts whose letters change shape or order with their neighbours (shaped by HarfBuzz).
COMPLEX_SCRIPTS = frozenset({"Arab", "Hebr", "Deva", "Beng", "Guru", "Taml"})
#: Scripts written without spaces between words: a line may break between characters.
UNSPACED_SCRIPTS = frozenset({"Hani", "Kana"})
_LAID_OUT = COMPLEX_SCRIPTS | UNSPACED_SCRIPTS | {"Hang"}

#: The scripts each language is written in (Latin for any language not listed).
_LANGUAGE_SCRIPTS = {
    "ar": {"Arab"}, "ur": {"Arab"}, "fa": {"Arab"}, "ps": {"Arab"}, "sd": {"Arab"},
    "ckb": {"Arab"}, "ug": {"Arab"},
    "he": {"Hebr"}, "yi": {"Hebr"},
    "hi": {"Deva"}, "mr": {"Deva"}, "ne": {"Deva"}, "sa": {"Deva"},
    "bn": {"Beng"}, "as": {"Beng"}, "pa": {"Guru"}, "ta": {"Taml"},
    "zh": {"Hani"}, "ja": {"Hani", "Kana"}, "ko": {"Hang", "Hani"},
    "el": {"Grek"},
    "ru": {"Cyrl"}, "uk": {"Cyrl"}, "bg": {"Cyrl"}, "sr": {"Cyrl", "Latn"}, "mk": {"Cyrl"},
    "be": {"Cyrl"}, "kk": {"Cyrl"}, "mn": {"Cyrl"},
}
#: The language a passage in a script is taken to be in, when nothing says otherwise.
_SCRIPT_LANGUAGE = {
    "Latn": "en", "Grek": "el", "Cyrl": "ru", "Hebr": "he", "Arab": "ar", "Deva": "hi",
    "Beng": "bn", "Guru": "pa", "Taml": "ta", "Hani": "zh", "Kana": "ja", "Hang": "ko",
}


def base_language(language: str) -> str:
    return (language or "").replace("-", "_").split("_")[0].lower()


def script_of(ch: str) -> str:
    """The script of one character ("" for digits, spaces, punctuation, marks …)."""
    code = ord(ch)
    if code < 0x41:
        return ""
    for first, last, script in _RANGES:
        if first <= code <= last:
            if unicodedata.category(ch)[0] not in "LM":
                return ""  # punctuation and digits inside a script's block are neutral
            return "" if unicodedata.category(ch)[0] == "M" else script
    return ""


def language_scripts(language: str) -> set[str]:
    return _LANGUAGE_SCRIPTS.get(base_language(language), {"Latn"})


def needs_layout(text: str) -> bool:
    """True when ``text`` has a character that must be shaped, laid out right to left, or
    broken between characters (anything beyond Latin, Greek and Cyrillic)."""
    return any(ord(ch) >= 0x0590 and script_of(ch) in _LAID_OUT for ch in text)


def foreign_spans(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of each passage of ``text`` written in a script its
    ``language`` does not use (the digits, spaces and punctuation between two of its words
    included)."""
    own = language_scripts(language)
    spans: list[tuple[int, int, str]] = []
    current: tuple[int, int, str] | None = None  # start, end, script
    for index, ch in enumerate(text):
        if ch == "\n" and current:  # a passage never runs over a line break of the text
            spans.append(current)
            current = None
        script = script_of(ch)
        if not script:
            continue
        if script in own or (script == "Hani" and own & {"Kana", "Hang"}):
            if current:
                spans.append(current)
                current = None
            continue
        if current and current[2] == script:
            current = (current[0], index + 1, script)
        else:
            if current:
                spans.append(current)
            current = (index, index + 1, script)
    if current:
        spans.append(current)
    out = []
    for start, end, script in spans:
        while end < len(text) and unicodedata.category(text[end])[0] == "M":
            end += 1
        out.append((start, end, _SCRIPT_LANGUAGE.get(script, "und")))
    return out
