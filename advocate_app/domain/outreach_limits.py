"""What an outreach item's JSON may hold: sizes, nesting and the type of every field.

An item comes from outside (``outreach import``, a file named to ``outreach render``) and is
hostile until checked: :func:`check_text` bounds the file before it is parsed, :func:`check_item`
walks the parsed JSON once (nesting, number of values, length of every string, NUL characters)
and checks each block's fields against :data:`FIELDS`, so a number where words are expected or
a list where a table row is expected is refused at import with the block named ("Block 3
(heading): …"), never met by the renderer. Plain vocabulary: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from advocate_app.i18n import _

#: The largest item file read (characters of JSON; pictures travel inside it as base64).
MAX_FILE_CHARS = 100_000_000
#: The deepest nesting (an item needs 5: the item, its blocks, a block, a table's rows, a row).
MAX_DEPTH = 12
#: Values of any kind (strings, numbers, lists …) in one item.
MAX_VALUES = 500_000
MAX_BLOCKS = 5_000
#: Entries of one list (list items, table rows, contact lines), and cells of one table row.
MAX_ENTRIES = 10_000
MAX_COLUMNS = 50
#: Characters of one piece of text, and of all the item's text together (pictures aside).
MAX_TEXT = 2_000_000
MAX_TOTAL_TEXT = 5_000_000
#: Characters of an embedded picture (``"data"``, base64 of at most 20 MB).
MAX_PICTURE_DATA = 28_000_000


class LimitError(ValueError):
    """The item breaks a limit; the message is one translated sentence."""


def _text(value: object) -> bool:
    return isinstance(value, str)


def _flag(value: object) -> bool:
    return isinstance(value, bool)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _rows(value: object) -> bool:
    return isinstance(value, list) and all(_texts(row) for row in value)


def _story_quote(value: object) -> bool:
    return value is None or _whole(value)


#: The fields a block of each type may carry and the kind of value each must be; other keys
#: are kept as they are (within the limits above).
FIELDS: dict[str, dict[str, Callable[[object], bool]]] = {
    "heading": {"level": _whole, "text": _text},
    "paragraph": {"text": _text, "picture": _text, "picture_alt": _text},
    "list": {"items": _texts, "ordered": _flag, "picture": _text, "picture_alt": _text},
    "table": {"header": _texts, "rows": _rows},
    "image": {"pictogram": _text, "path": _text, "data": _text, "digest": _text,
              "alt": _text, "decorative": _flag, "caption": _text, "width_mm": _number},
    "qr": {"url": _text, "caption": _text},
    "contact": {"lines": _texts, "title": _text},
    "event": {"title": _text, "when": _text, "where": _text, "details": _text},
    "formats_notice": {"text": _text},
    "address": {},
    "story": {"story_id": _whole, "quote_id": _story_quote, "title": _text},
}

#: The item's own fields (besides "blocks").
ITEM_FIELDS: dict[str, Callable[[object], bool]] = {
    "format": _text, "kind": _text, "title": _text, "language": _text, "audience": _text,
    "channel": _text, "purpose": _text, "group": _text, "easy_read": _flag,
    "story_channel": lambda v: v is None or _text(v),
}


def _expected(check: Callable[[object], bool]) -> str:
    if check is _text:
        return _("text")
    if check is _flag:
        return _("true or false")
    if check is _whole or check is _story_quote:
        return _("a whole number")
    if check is _number:
        return _("a number")
    if check is _texts:
        return _("a list of texts")
    if check is _rows:
        return _("a list of rows, each a list of texts")
    return _("text")


def check_text(text: str) -> None:
    """Refuse an item file too large to read, or one holding NUL characters (a binary file)."""
    if len(text) > MAX_FILE_CHARS:
        raise LimitError(_("This item is too large to import ({size} MB; at most {limit} MB).")
                         .format(size=len(text) // 1_000_000, limit=MAX_FILE_CHARS // 1_000_000))
    if "\x00" in text:
        raise LimitError(_("This file holds NUL characters: it is not an outreach item’s JSON, "
                           "and nothing was imported."))


class _Walk:
    """One pass over the parsed JSON: nesting, values, the length of each string, NULs."""

    def __init__(self) -> None:
        self.values = 0
        self.text = 0

    def check(self, value: Any, where: Callable[[str], str], depth: int) -> None:
        stack: list[tuple[Any, int, str]] = [(value, depth, "")]
        while stack:
            current, level, key = stack.pop()
            self.values += 1
            if self.values > MAX_VALUES:
                raise LimitError(_("This item holds too many values (at most {limit}).")
                                 .format(limit=MAX_VALUES))
            if level > MAX_DEPTH:
                raise LimitError(where(_("values are nested too deeply (at most {limit} "
                                         "levels)").format(limit=MAX_DEPTH)))
            if isinstance(current, str):
                self._string(current, key, where)
            elif isinstance(current, dict):
                for name, inner in current.items():
                    self._string(name, "", where)
                    stack.append((inner, level + 1, key or name))
            elif isinstance(current, list):
                if len(current) > MAX_ENTRIES:
                    raise LimitError(where(_("a list holds more than {limit} entries").format(
                        limit=MAX_ENTRIES)))
                stack.extend((inner, level + 1, key) for inner in current)

    def _string(self, value: str, key: str, where: Callable[[str], str]) -> None:
        if "\x00" in value:
            raise LimitError(where(_("“{field}” holds a NUL character").format(
                field=key or "…")))
        if key == "data":
            if len(value) > MAX_PICTURE_DATA:
                raise LimitError(where(_("the embedded picture is larger than 20 MB")))
            return
        if len(value) > MAX_TEXT:
            raise LimitError(where(_("“{field}” holds more than {limit} characters").format(
                field=key or "…", limit=MAX_TEXT)))
        self.text += len(value)
        if self.text > MAX_TOTAL_TEXT:
            raise LimitError(_("This item holds more than {limit} characters of text.").format(
                limit=MAX_TOTAL_TEXT))


def check_item(data: dict) -> None:
    """Refuse parsed item JSON that breaks a limit or gives a field the wrong kind of value;
    the message names the block ("Block 3 (heading): …") or the item's field."""
    walk = _Walk()
    for name, value in data.items():
        if name == "blocks":
            continue

        def item_field(reason: str, name: str = name) -> str:
            return _("The item’s “{field}”: {reason}.").format(field=name, reason=reason)

        walk.check(value, item_field, 1)
        check = ITEM_FIELDS.get(name)
        if check is not None and not check(value):
            raise LimitError(item_field(_("must be {kind}").format(kind=_expected(check))))
    blocks = data.get("blocks")
    if blocks is None:
        return
    if not isinstance(blocks, list):
        raise LimitError(_("The item’s “blocks” must be a list of blocks."))
    if len(blocks) > MAX_BLOCKS:
        raise LimitError(_("This item has {count} blocks; at most {limit} can be imported.")
                         .format(count=len(blocks), limit=MAX_BLOCKS))
    for number, raw in enumerate(blocks, start=1):
        kind = raw.get("type") if isinstance(raw, dict) else None
        label = kind if isinstance(kind, str) and kind in FIELDS else "?"

        def in_block(reason: str, number: int = number, label: str = label) -> str:
            return _("Block {n} ({type}): {reason}.").format(n=number, type=label,
                                                             reason=reason)

        walk.check(raw, in_block, 2)
        if label == "?":
            continue
        for name, check in FIELDS[label].items():
            if name in raw and not check(raw[name]) and not (
                    raw[name] is None and name not in _NEEDED.get(label, ())):
                raise LimitError(in_block(_("“{field}” must be {kind}").format(
                    field=name, kind=_expected(check))))
        if label == "table":
            widest = max((len(row) for row in raw.get("rows") or []), default=0)
            if max(widest, len(raw.get("header") or [])) > MAX_COLUMNS:
                raise LimitError(in_block(_("a table has at most {limit} columns").format(
                    limit=MAX_COLUMNS)))
        language = raw.get("language")
        if language is not None and not _text(language):
            raise LimitError(in_block(_("“language” must be text")))


#: Fields that may not be null where present (the others may be null: "not given").
_NEEDED: dict[str, tuple[str, ...]] = {
    "heading": ("level", "text"), "paragraph": ("text",), "list": ("items",),
    "table": ("rows",), "qr": ("url",), "contact": ("lines",), "event": ("title",),
    "story": ("story_id",),
}
