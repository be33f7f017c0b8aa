"""Choosing each member's version of an item for a print pack, without a database."""

from __future__ import annotations

from advocate_app.domain.outreach_content import ItemKind, OutreachItem
from advocate_app.domain.outreach_translation_views import (
    TranslationSet,
    TranslationState,
    TranslationView,
)
from advocate_app.services.print_pack_languages import LanguageChooser, fallback_lines


def _item(language: str, easy_read: bool = False) -> OutreachItem:
    return OutreachItem(ItemKind.LEAFLET, f"In {language}", language, easy_read=easy_read)


VERSIONS = [(1, _item("en")), (2, _item("de")), (3, _item("ar")), (4, _item("en", True))]
SET = TranslationSet(1, "In en", "en", 5, (
    TranslationView("de", TranslationState.UP_TO_DATE, 2, source_revision=5),
    TranslationView("ar", TranslationState.STALE, 3, source_revision=3)))


def test_each_member_gets_their_language_then_their_second_then_the_source():
    chooser = LanguageChooser(VERSIONS, 1, SET)
    assert chooser.choose("de-AT", "", False) == 2
    assert chooser.choose("ar", "de", False) == 2  # stale Arabic: their second
    assert chooser.choose("ar", "", False) == 1  # then the source
    assert chooser.choose("", "de", False) == 2  # no language of their own: no fallback
    assert chooser.choose("", "", False) == 1
    assert chooser.choose("es", "", True) == 4  # Easy Read where there is one
    lines = fallback_lines(chooser.fallbacks, lambda code: {"ar": "Arabic", "de": "German",
                                                            "en": "English"}.get(code, code))
    assert lines == [
        "1 member who reads Arabic gets the German version, the language they named second: "
        "the Arabic translation is stale since revision 4.",
        "1 member who reads Arabic gets the English source: the Arabic translation is stale "
        "since revision 4.",
        "1 member who reads es gets the English source: there is no es translation.",
    ]


def test_without_a_translation_set_the_chosen_item_is_the_source():
    chooser = LanguageChooser(VERSIONS[:2], 2)
    assert chooser.choose("fr", "", False) == 2
    assert chooser.choose("en", "", False) == 1
