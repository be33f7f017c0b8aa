"""Values of the other direction inside a right-to-left sentence.

An Arabic sentence holding an English meeting title and a date ("ندوة: «Spring meeting»،
15/12/2026") is laid out by the Unicode bidirectional algorithm as a whole: the date's digits
join the English run before them and the pieces come out in the wrong order. Each value put
into a translated right-to-left sentence is therefore isolated (FIRST STRONG ISOLATE … POP
DIRECTIONAL ISOLATE): it keeps its own direction and stays in its place. The characters are
invisible, and a sentence in a left-to-right language is left exactly as it is.
"""

from __future__ import annotations

import re
from typing import Any

FSI, PDI = "\u2068", "\u2069"

#: A letter written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko … and their
#: presentation forms.
_RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def isolated(text: object) -> str:
    """``text`` kept whole inside a sentence of either direction: a path, a web address or an
    email in an Arabic sentence keeps its own order (invisible, and harmless in a
    left-to-right sentence)."""
    return f"{FSI}{text}{PDI}"


class _Isolated:
    """A value as ``str.format`` puts it into a right-to-left sentence: formatted as asked
    (``{n:,}``, ``{when!s}``), then isolated."""

    __slots__ = ("_value",)

    def __init__(self, value: Any):
        self._value = value

    def __format__(self, spec: str) -> str:
        return isolated(format(self._value, spec))

    def __str__(self) -> str:
        return isolated(self._value)

    def __repr__(self) -> str:
        return isolated(repr(self._value))

    def __getattr__(self, name: str) -> Any:  # "{member.name}"
        return getattr(self._value, name)

    def __getitem__(self, key: Any) -> Any:  # "{names[0]}"
        return self._value[key]


class RightToLeftSentence(str):
    """A translated sentence written right to left whose ``format`` isolates each value."""

    __slots__ = ()

    def format(self, /, *args: Any, **kwargs: Any) -> str:
        shown = str.format(self, *(_Isolated(arg) for arg in args),
                           **{key: _Isolated(value) for key, value in kwargs.items()})
        # A sentence made only of values and punctuation ("{name} ({role}): {status}") has no
        # letter of its own to say it reads right to left: a right-to-left mark says so.
        return shown if _RIGHT_TO_LEFT_LETTER.search(self) else RLM + shown


#: RIGHT-TO-LEFT MARK: an invisible letter written right to left.
RLM = "\u200f"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def sentence(text: str) -> str:
    """``text`` (a translation in a right-to-left language) ready to take values in order:
    a sentence with right-to-left words, or one made only of values and punctuation."""
    if _RIGHT_TO_LEFT_LETTER.search(text) or (
            "{" in text and not any(ch.isalpha() for ch in _PLACEHOLDER.sub("", text))):
        return RightToLeftSentence(text)
    return text
