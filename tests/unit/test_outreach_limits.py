"""A hostile outreach item is refused at import, with the block named: fields of the wrong
kind (which used to reach the renderer and end in a traceback), NUL characters anywhere,
nesting and sizes beyond the limits."""

from __future__ import annotations

import json

import pytest

from advocate_app.documents.pdf import render
from advocate_app.domain import outreach_limits as limits
from advocate_app.domain.outreach_content import ContentError, item_from_json

_ITEM = {"format": "advocate-outreach/1", "kind": "leaflet", "title": "Hostile",
         "language": "en"}


def _item(*blocks, **fields) -> str:
    return json.dumps({**_ITEM, **fields, "blocks": list(blocks)})


def _refusal(text: str) -> str:
    with pytest.raises(ContentError) as caught:
        item_from_json(text)
    return str(caught.value)


@pytest.mark.parametrize(("block", "said"), [
    ({"type": "table", "rows": [5]}, "Block 2 (table): “rows” must be a list of rows"),
    ({"type": "table", "rows": [["Monday", 7]]}, "Block 2 (table): “rows” must be"),
    ({"type": "image", "pictogram": "tick", "width_mm": "wide"},
     "Block 2 (image): “width_mm” must be a number"),
    ({"type": "heading", "level": 2, "text": 12}, "Block 2 (heading): “text” must be text"),
    ({"type": "heading", "level": True, "text": "x"}, "Block 2 (heading): “level” must be a"),
    ({"type": "list", "items": ["a", {"b": 1}]}, "Block 2 (list): “items” must be a list"),
    ({"type": "paragraph", "text": "x", "picture": ["tick"]},
     "Block 2 (paragraph): “picture” must be text"),
    ({"type": "event", "title": "Day", "when": ["Monday"]},
     "Block 2 (event): “when” must be text"),
    ({"type": "paragraph", "text": "x", "language": 5},
     "Block 2 (paragraph): “language” must be text"),
])
def test_a_field_of_the_wrong_kind_is_refused_at_import_naming_the_block(block, said):
    assert said in _refusal(_item({"type": "paragraph", "text": "First"}, block))


def test_what_was_refused_used_to_end_in_a_traceback_at_render_time():
    """The same blocks, built without the import's check, break the renderer: the check is
    what keeps them out."""
    from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem

    for data in ({"rows": [5]},):
        item = OutreachItem(ItemKind.LEAFLET, "x", "en", (Block("table", data),))
        with pytest.raises(TypeError):
            render(item)


def test_an_item_field_of_the_wrong_kind_is_refused():
    assert "“title”: must be text" in _refusal(_item(title=["x"]))
    assert "“easy_read”: must be true or false" in _refusal(_item(easy_read="yes"))
    assert "“blocks” must be a list" in _refusal(json.dumps({**_ITEM, "blocks": {"a": 1}}))


def test_nul_characters_are_refused_anywhere():
    assert "NUL" in _refusal(_item({"type": "paragraph", "text": "a\x00b"}))
    assert "Block 1 (contact): “lines” holds a NUL" in _refusal(
        _item({"type": "contact", "lines": ["ok", "bad\x00"]}))
    assert "NUL" in _refusal(_item({"type": "paragraph", "text": "x", "note\x00": "k"}))
    assert "“audience”" in _refusal(_item(audience="a\x00"))
    raw = _item({"type": "paragraph", "text": "x"}).replace('"x"', '"x\x00"')
    assert "NUL characters" in _refusal(raw)


def test_nesting_is_limited_before_and_after_parsing():
    assert "nested too deeply" in _refusal("[" * 200_000 + "]" * 200_000)
    deep = {"type": "paragraph", "text": "x", "extra": json.loads("[" * 20 + "]" * 20)}
    assert "Block 1 (paragraph): values are nested too deeply" in _refusal(_item(deep))


def test_sizes_are_limited(monkeypatch):
    assert "more than" in _refusal(_item({"type": "paragraph",
                                          "text": "x" * (limits.MAX_TEXT + 1)}))
    many = [{"type": "paragraph", "text": "x"}] * (limits.MAX_BLOCKS + 1)
    assert "blocks" in _refusal(_item(*many))
    assert "entries" in _refusal(_item({"type": "list", "items": ["x"] * 10_001}))
    assert "columns" in _refusal(_item({"type": "table", "rows": [["x"] * 51]}))
    monkeypatch.setattr(limits, "MAX_FILE_CHARS", 1000)
    assert "too large to import" in _refusal(_item({"type": "paragraph", "text": "x" * 2000}))


def test_a_well_formed_item_still_reads_back_the_same():
    from advocate_app.services.demo_outreach import sample_items

    for item in sample_items():
        assert item_from_json(item.to_json()) == item
