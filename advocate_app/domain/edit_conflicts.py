"""Two people saved the same record: what differs between their values, field by field.

Plain vocabulary (no database): the services return the stored record as a view, the editor
has its own values, and :func:`differences` lists the fields where they part, as texts to show
side by side before the person chooses whose to keep.

The rule when the editor knows what the person started from (``base``): a field is the
person's edit only when their value differs from ``base``; a conflict is a field both changed
to different values (:func:`clashes`). Fields the person did not touch take the stored value
(:func:`merged`), so two edits to different fields both survive without a question, and a
field that follows others (a webinar's status following its places) is never counted as the
person's edit.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
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


def clashes(base: object, mine: object, theirs: object, names: Iterable[str],
            text: Callable[[object], str] = as_text) -> list[str]:
    """The fields of ``names`` the person changed from ``base`` that someone else also
    changed, to a different value: the only ones worth a question."""
    def value(record: object, name: str) -> str:
        return text(getattr(record, name, None))

    return [name for name in names
            if value(mine, name) != value(base, name) != value(theirs, name)
            and value(mine, name) != value(theirs, name)]


def merged(base: Any, mine: Any, theirs: Any, names: Iterable[str],
           text: Callable[[object], str] = as_text) -> Any:
    """``mine`` (a dataclass) with the fields of ``names`` the person did not change from
    ``base`` taken from ``theirs``: what to save so that nobody's edit is lost."""
    untouched = {name: getattr(theirs, name) for name in names
                 if text(getattr(mine, name, None)) == text(getattr(base, name, None))
                 and hasattr(theirs, name)}
    return dataclasses.replace(mine, **untouched)


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
