from advocate_app.domain.people import member_display_name, member_search_text, member_sort_key
from advocate_app.domain.text import fold


def test_fold_ignores_case_accents_and_spacing():
    assert fold("  Zoë   ÉLODIE ") == "zoe elodie"
    assert fold("Łódź Ærø Straße") == "lodz aero strasse"


def test_fold_keeps_non_latin_scripts_searchable():
    assert fold("Αλέξανδρος") == fold("ΑΛΕΞΑΝΔΡΟΣ") == "αλεξανδροσ"
    assert fold("Мария") == "мария"
    assert fold("محمد") == "محمد"


def test_display_name_prefers_the_preferred_name():
    assert member_display_name("Margaret", "Okafor", "Maggie") == "Maggie Okafor"
    assert member_display_name("", "Okafor", "") == "Okafor"


def test_sort_key_is_family_name_first_and_folded():
    assert member_sort_key("Émile", "Zola", "") == "zola emile"


def test_search_text_holds_phone_digits_and_tags():
    text = member_search_text("Ana", "Núñez", "", "ana@example.org", "+44 20 7946 0000",
                              ["Large print"])
    assert " nunez " in text
    assert "442079460000" in text
    assert "large print" in text
