"""The sample outreach items: every kind, French versions, valid JSON and a clean pre-flight."""

from __future__ import annotations

import re

import pytest

from advocate_app.documents.preflight import check
from advocate_app.domain.outreach_content import ItemKind, item_from_json
from advocate_app.domain.print_profiles import PROFILES, ProfileKey
from advocate_app.services.demo_outreach import sample_items

ITEMS = sample_items()
_PICTOGRAMS = {
    "calendar", "clock", "place", "phone", "email", "letter", "people", "person", "question",
    "information", "doctor", "medicine", "computer", "talk", "large_print", "wheelchair",
    "home", "money", "tick", "heart"}
_MERGE_FIELD = re.compile(r"\{\{(name|first_name|salutation|date)\}\}")


def _is_easy_read(item) -> bool:
    return "easy read" in item.title.lower()


def _texts(item) -> list[str]:
    out = []
    for block in item.blocks:
        data = block.data
        out.append(str(data.get("text", "")))
        out.extend(str(i) for i in data.get("items", []))
        out.extend(str(line) for line in data.get("lines", []))
        out.append(str(data.get("details", "")))
    return out


def test_every_kind_is_covered_in_english():
    assert {item.kind for item in ITEMS if item.language == "en"} == set(ItemKind)


def test_french_versions_exist():
    french = {item.kind for item in ITEMS if item.language == "fr"}
    assert {ItemKind.LEAFLET, ItemKind.INVITATION, ItemKind.LETTER} <= french
    assert any(_is_easy_read(item) for item in ITEMS if item.language == "fr")


def test_there_are_easy_read_leaflets():
    easy = [item for item in ITEMS if _is_easy_read(item)]
    assert {item.language for item in easy} == {"en", "fr"}
    assert all(item.kind is ItemKind.LEAFLET for item in easy)


def test_an_english_item_has_a_passage_in_another_language():
    assert any(block.language and block.language != item.language
               for item in ITEMS if item.language == "en" for block in item.blocks)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.title)
def test_each_item_round_trips_through_json(item):
    assert item_from_json(item.to_json()) == item


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.title)
def test_preflight_finds_nothing_under_the_standard_profile(item):
    assert check(item, PROFILES[ProfileKey.STANDARD]) == []


@pytest.mark.parametrize("item", [i for i in ITEMS if _is_easy_read(i)],
                         ids=lambda item: item.title)
def test_easy_read_items_pass_the_easy_read_profile(item):
    assert check(item, PROFILES[ProfileKey.EASY_READ]) == []
    for block in item.blocks:
        if block.type == "paragraph":
            assert block.data.get("picture") and block.data.get("picture_alt")


@pytest.mark.parametrize("item", [i for i in ITEMS if i.kind is ItemKind.LETTER],
                         ids=lambda item: item.title)
def test_letters_have_an_address_block_and_merge_fields(item):
    assert any(block.type == "address" for block in item.blocks)
    assert any(_MERGE_FIELD.search(text) for text in _texts(item))
    assert any(block.data.get("text", "").startswith("{{salutation}}") for block in item.blocks)


@pytest.mark.parametrize("item", [i for i in ITEMS if i.kind is ItemKind.INVITATION],
                         ids=lambda item: item.title)
def test_invitations_are_personal_and_describe_the_event(item):
    assert any("{{first_name}}" in text for text in _texts(item))
    assert any(block.type == "event" for block in item.blocks)


def test_pictures_are_known_pictograms_with_alt_text():
    for item in ITEMS:
        for block in item.blocks:
            if block.type == "image":
                assert block.data["pictogram"] in _PICTOGRAMS and block.data["alt"]
            if "picture" in block.data:
                assert block.data["picture"] in _PICTOGRAMS and block.data["picture_alt"]


def test_labels_have_at_most_one_paragraph():
    for item in ITEMS:
        if item.kind is ItemKind.LABELS:
            assert [b.type for b in item.blocks] in ([], ["paragraph"])
