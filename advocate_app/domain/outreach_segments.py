"""The words of an outreach item one by one: what a translator translates, what "what changed"
compares, and how a translation is put back together.

Each text has an id that names where it is (``title``, ``b3.text`` for block 3's words,
``b4.items.2`` for the third item of block 4's list, ``b5.rows.1.0`` for a table cell …), so a
translator's file is matched back by id. The item's shape (its blocks, pictures, links' targets,
stories) always comes from the source: a translation changes words only. Plain vocabulary (no
database).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from advocate_app.domain.outreach_content import Block, OutreachItem
from advocate_app.i18n import _

#: The fields of each block type a translator translates: a single text, or a list of them.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "heading": ("text",), "paragraph": ("text", "picture_alt"),
    "list": ("items", "picture_alt"), "table": ("header", "rows"),
    "image": ("alt", "caption"), "qr": ("caption",), "contact": ("title", "lines"),
    "event": ("title", "when", "where", "details"), "formats_notice": ("text",),
    "story": ("title",),
}

#: The fields whose words may carry inline markup (``*emphasis*``, ``**strong**``, links):
#: those the documents read with :mod:`advocate_app.domain.inline_markup`.
MARKUP_FIELDS: frozenset[tuple[str, str]] = frozenset({
    ("paragraph", "text"), ("list", "items"), ("table", "header"), ("table", "rows"),
    ("event", "details"),
})


@dataclass(frozen=True)
class Segment:
    """One text of an item: its id, its words (with inline markup when ``markup``)."""

    id: str
    text: str
    markup: bool = False

    @property
    def where(self) -> str:
        """Where the text is, in words ("Title", "Block 3, item 2")."""
        return segment_place(self.id)


def segments(item: OutreachItem) -> list[Segment]:
    """Every text of ``item`` worth translating (empty ones left out), in reading order."""
    out = [Segment("title", item.title)] if item.title.strip() else []
    for number, block in enumerate(item.blocks, start=1):
        for field in TEXT_FIELDS.get(block.type, ()):
            markup = (block.type, field) in MARKUP_FIELDS
            for path, text in _texts(block.data.get(field), f"b{number}.{field}"):
                if text.strip():
                    out.append(Segment(path, text, markup))
    return out


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            yield from _texts(entry, f"{path}.{index}")


def with_texts(source: OutreachItem, texts: Mapping[str, str], language: str) -> OutreachItem:
    """``source`` in ``language``: each text whose id is in ``texts`` replaced by it (the
    others kept as they are)."""
    title = texts.get("title", source.title)
    blocks = []
    for number, block in enumerate(source.blocks, start=1):
        data: dict[str, Any] = dict(block.data)
        for field in TEXT_FIELDS.get(block.type, ()):
            if field in data:
                data[field] = _replaced(data[field], f"b{number}.{field}", texts)
        blocks.append(Block(block.type, data, block.language))
    return replace(source, title=title, language=language, blocks=tuple(blocks))


def _replaced(value: Any, path: str, texts: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return texts.get(path, value)
    if isinstance(value, list):
        return [_replaced(entry, f"{path}.{index}", texts) for index, entry in enumerate(value)]
    return value


def segment_place(segment_id: str) -> str:
    """Where a text of this id sits, in words."""
    if segment_id == "title":
        return _("Title")
    parts = segment_id.split(".")
    try:
        number = int(parts[0][1:])
        indexes = [int(p) + 1 for p in parts[2:]]
    except (ValueError, IndexError):
        return segment_id
    field = parts[1] if len(parts) > 1 else ""
    if field in ("alt", "picture_alt"):
        return _("Block {n}, picture description").format(n=number)
    if field == "caption":
        return _("Block {n}, caption").format(n=number)
    if field == "header" and indexes:
        return _("Block {n}, column heading {c}").format(n=number, c=indexes[0])
    if field == "rows" and len(indexes) == 2:
        return _("Block {n}, row {r}, cell {c}").format(n=number, r=indexes[0], c=indexes[1])
    if field in ("items", "lines") and indexes:
        return _("Block {n}, line {i}").format(n=number, i=indexes[0])
    return _("Block {n}").format(n=number)
