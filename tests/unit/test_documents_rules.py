"""Outreach items as data, the numbers each print profile enforces, and the pre-flight check."""

from __future__ import annotations

import json

import pytest

from advocate_app.documents.preflight import Choices, check
from advocate_app.domain.outreach_content import (
    FORMAT_ID,
    Block,
    ContentError,
    ItemKind,
    OutreachItem,
    item_from_json,
)
from advocate_app.domain.print_profiles import PROFILES, ProfileKey, contrast_ratio


def _item(*blocks, kind=ItemKind.LEAFLET):
    return OutreachItem(kind, "Living with Marfan syndrome", "en", tuple(blocks))


def _codes(problems):
    return [p.code for p in problems]


def test_items_round_trip_through_their_json_form():
    item = _item(Block("heading", {"level": 1, "text": "Welcome"}),
                 Block("paragraph", {"text": "Bonjour à tous"}, language="fr"),
                 Block("list", {"ordered": False, "items": ["<b>", "&", "😀"]}))
    again = item_from_json(item.to_json())
    assert again == item
    assert json.loads(item.to_json())["format"] == FORMAT_ID


@pytest.mark.parametrize("text, complaint", [
    ("not json", "not JSON"),
    (json.dumps({"format": "other"}), "not an Advocate outreach item"),
    (json.dumps({"format": FORMAT_ID, "kind": "brochure", "title": "x"}), "brochure"),
    (json.dumps({"format": FORMAT_ID, "kind": "leaflet", "title": "x",
                 "blocks": [{"type": "heading", "text": "no level"}]}), "Block 1"),
    (json.dumps({"format": FORMAT_ID, "kind": "leaflet", "title": "x",
                 "blocks": [{"type": "heading", "level": 9, "text": "deep"}]}), "1 to 6"),
    (json.dumps({"format": FORMAT_ID, "kind": "leaflet", "title": " "}), "needs a title"),
])
def test_malformed_items_are_refused_with_a_reason(text, complaint):
    with pytest.raises(ContentError, match=complaint):
        item_from_json(text)


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#fff", "#fff") == pytest.approx(1.0)


def test_every_profile_meets_its_own_numbers():
    for profile in PROFILES.values():
        problems = check(_item(Block("heading", {"level": 1, "text": "Hello"})), profile)
        expected = ["easy-read-pictures"] if profile.picture_left else []
        assert _codes(problems) == expected
        assert contrast_ratio(profile.text_color, profile.background) >= profile.min_contrast
        assert profile.body_pt >= profile.min_body_pt >= 12
    assert PROFILES[ProfileKey.LARGE].body_pt == 18 and PROFILES[ProfileKey.LARGE].min_body_pt == 16
    assert PROFILES[ProfileKey.DYSLEXIA].line_spacing >= 1.5
    assert PROFILES[ProfileKey.HIGH_CONTRAST].min_contrast == 7.0


def test_preflight_names_every_broken_rule():
    item = _item(Block("heading", {"level": 1, "text": "Title"}),
                 Block("heading", {"level": 3, "text": "Skipped a level"}),
                 Block("image", {"path": "x.png", "alt": ""}),
                 Block("image", {"path": "y.png", "decorative": True}),
                 Block("paragraph", {"text": ""}),
                 Block("paragraph", {"text": "*This whole paragraph is in emphasis now*"}),
                 Block("paragraph", {"text": "PLEASE READ THIS NOTICE CAREFULLY"}))
    problems = check(item, PROFILES[ProfileKey.LARGE],
                     Choices(body_pt=14, text_color="#999999", justified=True))
    assert set(_codes(problems)) == {"text-too-small", "contrast-too-low", "justified",
                                     "heading-skipped", "image-no-alt", "empty-block",
                                     "italic-block", "capitals-block"}
    by_code = {p.code: p for p in problems}
    assert by_code["image-no-alt"].block == 3
    assert "16" in by_code["text-too-small"].message


def test_easy_read_flags_long_sentences_and_missing_pictures():
    long = ("We will meet in the big hall next to the station on Tuesday morning so that "
            "everybody can come and talk about the new trial.")
    item = _item(Block("heading", {"level": 1, "text": "Our meeting"}),
                 Block("paragraph", {"text": "We meet on Tuesday. " + long}))
    problems = check(item, PROFILES[ProfileKey.EASY_READ])
    assert _codes(problems) == ["sentence-too-long", "easy-read-pictures"]
    assert "25 words" in problems[0].message


def test_high_contrast_needs_seven_to_one():
    plain = _item(Block("paragraph", {"text": "Hello"}))
    assert check(plain, PROFILES[ProfileKey.STANDARD], Choices(text_color="#666666")) == []
    problems = check(plain, PROFILES[ProfileKey.HIGH_CONTRAST], Choices(text_color="#666666"))
    assert _codes(problems) == ["contrast-too-low"]
