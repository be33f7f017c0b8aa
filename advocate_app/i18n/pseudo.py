"""Pseudo-languages: the English text made to look foreign, for finding layout and
translation problems without waiting for translators.

``en_XA`` (accented): every letter of a message becomes an accented look-alike, the message
grows by about 40 % and is bracketed, ``⟦Šåvé ōñé⟧``: a label cut off loses its closing
bracket, a word still in plain English was never marked for translation, and a sentence built
from pieces shows as several bracketed parts.

``ar_XB`` (mirrored): the interface runs right to left and every message reads backwards
(each run of text wrapped in RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING, as Android's
pseudo-locale does), so what is not mirrored stands out.

Placeholders (``{name}``, ``%(name)s``, ``%s``), HTML tags and entities, and ``&`` accelerators
are kept as they are, in both.
"""

from __future__ import annotations

import gettext
import re

ACCENTED = "en_XA"
MIRRORED = "ar_XB"
PSEUDO_LANGUAGES = (ACCENTED, MIRRORED)

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧
RLM, RLO, PDF = "\u200f", "\u202e", "\u202c"
#: How much longer an accented message is than its English source (German and Polish run
#: 30 to 40 % longer than English).
GROWTH = 0.4

_ACCENTS = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽåƀçðéƒĝĥîĵķļṁñöþǫŕšţûṽŵẋýž")
_FILLER = "ōñé ţŵö ţĥŕéé ƒöûŕ ƒîṽé šîẋ šéṽéñ éîĝĥţ ñîñé ţéñ "

#: What a translation keeps exactly as it is: format fields (and ``{{``/``}}``),
#: printf conversions, HTML tags and entities, an escaped ``&&`` and an accelerator ``&x``.
PROTECTED = re.compile(
    r"\{\{|\}\}|\{[^{}]*\}"
    r"|%\([^)]+\)[#0+-]?\d*(?:\.\d+)?[a-zA-Z]|%[#0+-]?\d*(?:\.\d+)?[sdifr%]"
    r"|<[^<>]+>"
    r"|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"
    r"|&&|&\w")


#: Set (to anything but "" or "0") to list the pseudo-languages in View → Language.
DEVELOPER_OPTION = "ADVOCATE_PSEUDO_LANGUAGES"


def offered_languages() -> tuple[str, ...]:
    """The pseudo-languages to list beside the real ones: none, unless a developer asked for
    them with ``ADVOCATE_PSEUDO_LANGUAGES=1`` (``--lang en_XA`` works either way)."""
    import os

    return PSEUDO_LANGUAGES if os.environ.get(DEVELOPER_OPTION, "") not in ("", "0") else ()


def normalise(code: str) -> str:
    return code.replace("-", "_").split(".")[0].split("@")[0]


def is_pseudo(code: str | None) -> bool:
    """True for a pseudo-language code (``en_XA``, ``en-XA``, ``ar_XB`` …)."""
    if not code:
        return False
    return normalise(code).lower() in {name.lower() for name in PSEUDO_LANGUAGES}


def canonical(code: str) -> str:
    """``en-xa`` -> ``en_XA``."""
    wanted = normalise(code).lower()
    return next(name for name in PSEUDO_LANGUAGES if name.lower() == wanted)


def _pieces(message: str) -> list[tuple[bool, str]]:
    """``message`` as (kept as it is?, text) pieces, in order."""
    pieces: list[tuple[bool, str]] = []
    position = 0
    for found in PROTECTED.finditer(message):
        if found.start() > position:
            pieces.append((False, message[position:found.start()]))
        pieces.append((True, found.group()))
        position = found.end()
    if position < len(message):
        pieces.append((False, message[position:]))
    return pieces


def accented(message: str) -> str:
    """``Save {n} items`` -> ``⟦Šåṽé {n} îţéṁš ōñé ţŵö⟧``."""
    if not message:
        return message
    out = []
    letters = 0
    for kept, text in _pieces(message):
        out.append(text if kept else text.translate(_ACCENTS))  # an accelerator keeps its key
        if not kept or text.startswith("&"):
            letters += sum(ch.isalpha() for ch in text)
    extra = round(letters * GROWTH)
    padding = (_FILLER * (extra // len(_FILLER) + 1))[:extra].rstrip()
    # Keep a message's trailing white space and line ends outside the brackets.
    body = "".join(out)
    stripped = body.rstrip()
    if padding:
        padding = " " + padding
    return f"{OPEN}{stripped}{padding}{CLOSE}{body[len(stripped):]}"


def mirrored(message: str) -> str:
    """Every run of text reads right to left; what is kept stays outside the override."""
    if not message:
        return message
    out = []
    pieces = _pieces(message)
    merged: list[tuple[bool, str]] = []
    for kept, text in pieces:  # an accelerator reads with its word, inside the override
        kept = kept and (not text.startswith("&") or text.endswith(";"))
        if merged and not kept and not merged[-1][0]:
            merged[-1] = (False, merged[-1][1] + text)
        else:
            merged.append((kept, text))
    for kept, text in merged:
        if kept:
            out.append(text)
        else:  # line by line: a line end ends an override anyway
            out.append("\n".join(f"{RLM}{RLO}{line}{PDF}{RLM}" if line.strip() else line
                                 for line in text.split("\n")))
    return "".join(out)


class PseudoTranslations(gettext.NullTranslations):
    """Translations that make each English message into its pseudo-language form on the fly."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = canonical(language)
        self._transform = mirrored if self.language == MIRRORED else accented

    def gettext(self, message: str) -> str:
        return self._transform(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._transform(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self._transform(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._transform(msgid1 if n == 1 else msgid2)
