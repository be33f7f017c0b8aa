"""What changed in an item's words between two revisions, text by text (title, each block's
words, list items, picture descriptions …): added, removed or changed, with the changed words
marked inside a changed text. Plain vocabulary: the translations service computes it and the
window shows it."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from advocate_app.domain import inline_markup
from advocate_app.domain.outreach_content import OutreachItem
from advocate_app.domain.outreach_segments import Segment, segments


class ChangeKind(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class PieceKind(enum.StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    where: str  # "Title", "Block 3, line 2" … (in the newer revision; the older one when removed)
    old: str  # the words a reader saw (no markup); "" when added
    new: str  # "" when removed
    #: For a changed text: its words, each kept, added or removed, in reading order.
    pieces: tuple[tuple[PieceKind, str], ...] = ()


def changes(old: OutreachItem, new: OutreachItem) -> list[Change]:
    """The texts of ``new`` that differ from ``old``'s, in reading order."""
    before, after = segments(old), segments(new)
    old_words = [_words(s) for s in before]
    new_words = [_words(s) for s in after]
    out: list[Change] = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = _pairs(before[i1:i2], after[j1:j2], old_words[i1:i2], new_words[j1:j2])
        for k in range(i1, i2):
            if k - i1 not in paired:
                out.append(Change(ChangeKind.REMOVED, before[k].where, old_words[k], ""))
        for k in range(j1, j2):
            match = next((i for i, j in paired.items() if j == k - j1), None)
            if match is None:
                out.append(Change(ChangeKind.ADDED, after[k].where, "", new_words[k]))
            else:
                old_text = old_words[i1 + match]
                out.append(Change(ChangeKind.CHANGED, after[k].where, old_text, new_words[k],
                                  word_pieces(old_text, new_words[k])))
    return out


def _field(segment: Segment) -> str:
    """What kind of text a segment is ("text", "items", "alt" …), wherever its block is."""
    parts = segment.id.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _pairs(before: list[Segment], after: list[Segment], old: list[str],
           new: list[str]) -> dict[int, int]:
    """Which old text became which new one (the same place, or the same kind of text with
    mostly the same words), in order; the others were removed or added."""
    paired: dict[int, int] = {}
    start = 0
    for i, segment in enumerate(before):
        for j in range(start, len(after)):
            if after[j].id == segment.id or _field(after[j]) == _field(segment) and (
                    SequenceMatcher(None, old[i], new[j], autojunk=False).ratio() >= 0.4):
                paired[i] = j
                start = j + 1
                break
    return paired


def _words(segment: Segment) -> str:
    return inline_markup.plain(segment.text) if segment.markup else segment.text


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def word_pieces(old: str, new: str) -> tuple[tuple[PieceKind, str], ...]:
    """``old`` turned into ``new`` word by word: what stayed, what went, what came."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[tuple[PieceKind, str]] = []

    def add(kind: PieceKind, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] is kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add(PieceKind.SAME, "".join(a[i1:i2]))
        else:
            add(PieceKind.REMOVED, "".join(a[i1:i2]))
            add(PieceKind.ADDED, "".join(b[j1:j2]))
    return tuple(out)
