"""Two people saved the same record: what differs between their values, field by field.

Plain vocabulary (no database): the services return the stored record as a view, the editor
has its own values, and :func:`differences` lists the fields where they part, as texts to show
side by side before the person chooses whose to keep.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class FieldDifference:
    """One field both saved differently: its label, my value and theirs, as text."""

    label: str
    mine: str
    theirs: str


class Choice(enum.Enum):
    MINE = "mine"      # save mine over theirs, as the newest version
    THEIRS = "theirs"  # drop mine and show theirs


def as_text(value: object) -> str:
    """A field's value as a person reads it (lists one item a line)."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, (set, frozenset)):
        return "\n".join(sorted(as_text(v) for v in value))
    if isinstance(value, (list, tuple)):
        return "\n".join(as_text(v) for v in value)
    return str(value)


def differences(mine: object, theirs: object, labels: Mapping[str, str],
                text: Callable[[object], str] = as_text) -> list[FieldDifference]:
    """The fields named in ``labels`` (attribute -> label) whose text differs between
    ``mine`` and ``theirs`` (any objects with those attributes), in the order given."""
    found = []
    for name, label in labels.items():
        a, b = text(getattr(mine, name, None)), text(getattr(theirs, name, None))
        if a != b:
            found.append(FieldDifference(label, a, b))
    return found


def _words(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [w for v in value.values() for w in _words(v)]
    if isinstance(value, (list, tuple)):
        return [w for v in value for w in _words(v)]
    return []


def block_differences(mine: Sequence[Any], theirs: Sequence[Any],
                      label: Callable[[int], str]) -> list[FieldDifference]:
    """An outreach item's blocks (``type`` and ``data``) that differ, position by position,
    each as its kind and its words; ``label(n)`` names block n (from 1)."""
    def text(blocks: Sequence[Any], index: int) -> str:
        if index >= len(blocks):
            return ""
        return "\n".join([blocks[index].type, *_words(blocks[index].data)])

    return [FieldDifference(label(index + 1), text(mine, index), text(theirs, index))
            for index in range(max(len(mine), len(theirs)))
            if text(mine, index) != text(theirs, index)]
