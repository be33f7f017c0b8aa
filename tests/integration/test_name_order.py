"""Lists of people sort by the interface language's alphabet in the database too (SQLite's
``advocate`` collation, PostgreSQL's ICU collations)."""

from __future__ import annotations

from advocate_app.domain.board_views import BoardInput
from advocate_app.domain.governance import BoardRole
from advocate_app.domain.member_views import MemberInput, MemberQuery
from advocate_app.i18n import install_language

FAMILIES = ["Zając", "Émond", "Ebert", "Ährlich", "Abel", "Łukasiewicz", "Lis", "Lewandowski",
            "Mazur", "Ćwik", "Czarnecki", "Öberg", "Olsen"]


def _members(services):
    return {family: services.members.create(MemberInput(given_name="Ana", family_name=family)).id
            for family in FAMILIES}


def _listed(services, **query):
    return [row.display_name.removeprefix("Ana ")
            for row in services.members.list(MemberQuery(**query), 0, 50)]


def test_members_list_sorts_by_the_languages_alphabet(any_services):
    _members(any_services)
    install_language("fr")
    french = _listed(any_services)
    # Accents sort with their letter, not after "Z".
    assert french == ["Abel", "Ährlich", "Ćwik", "Czarnecki", "Ebert", "Émond", "Lewandowski",
                      "Lis", "Łukasiewicz", "Mazur", "Öberg", "Olsen", "Zając"]
    install_language("de")
    assert _listed(any_services) == french
    install_language("pl")
    polish = _listed(any_services)
    # Polish counts "Ć" and "Ł" as letters of their own, after "C" and "L".
    assert polish == ["Abel", "Ährlich", "Czarnecki", "Ćwik", "Ebert", "Émond", "Lewandowski",
                      "Lis", "Łukasiewicz", "Mazur", "Öberg", "Olsen", "Zając"]
    assert _listed(any_services, descending=True) == polish[::-1]
    # Paging follows the same order.
    pages = [row.display_name.removeprefix("Ana ")
             for start in range(0, len(FAMILIES), 4)
             for row in any_services.members.list(MemberQuery(), start, 4)]
    assert pages == polish


def test_polish_puts_l_with_stroke_after_every_l(any_services):
    for family in ("Lukas", "Łoś", "Lyko", "Lato"):
        any_services.members.create(MemberInput(given_name="Ana", family_name=family))
    install_language("pl")
    assert _listed(any_services) == ["Lato", "Lukas", "Lyko", "Łoś"]
    install_language("en")
    assert _listed(any_services) == ["Lato", "Łoś", "Lukas", "Lyko"]


def test_board_seats_of_one_role_sort_by_name(any_services):
    ids = _members(any_services)
    board_id = any_services.boards.create_board(BoardInput("Advisory board"))
    for family in ("Łukasiewicz", "Lis", "Mazur", "Émond", "Zając"):
        any_services.boards.set_membership(board_id, ids[family], BoardRole.MEMBER)
    install_language("pl")
    seats = [m.name.removeprefix("Ana ") for m in any_services.boards.get_board(board_id).members]
    assert seats == ["Émond", "Lis", "Łukasiewicz", "Mazur", "Zając"]


def test_boards_and_saved_segments_sort_by_the_alphabet(any_services):
    for name in ("Zorganizowani", "Éthique", "Conseil", "Łączność", "Lecteurs"):
        any_services.boards.create_board(BoardInput(name))
    install_language("fr")
    assert [b.name for b in any_services.boards.list_boards()] == [
        "Conseil", "Éthique", "Łączność", "Lecteurs", "Zorganizowani"]
    install_language("pl")
    assert [b.name for b in any_services.boards.list_boards()] == [
        "Conseil", "Éthique", "Lecteurs", "Łączność", "Zorganizowani"]


def test_regions_and_tags_offered_as_filters_sort_by_the_alphabet(services):
    for region, tag in (("Wales", "zebra"), ("Île-de-France", "Éducation"),
                        ("Bretagne", "bénévoles")):
        services.members.create(MemberInput(given_name="Ana", family_name="Silva",
                                             region=region, tags=(tag,)))
    install_language("fr")
    assert services.members.regions() == ["Bretagne", "Île-de-France", "Wales"]
    assert services.members.all_tags() == ["bénévoles", "Éducation", "zebra"]


def test_a_polish_list_follows_every_change_search_and_sort(any_services):
    from advocate_app.domain.member_views import MemberSort

    install_language("pl")
    ids = _members(any_services)
    assert _listed(any_services)[6:9] == ["Lewandowski", "Lis", "Łukasiewicz"]
    any_services.members.create(MemberInput(given_name="Ana", family_name="Łoś"))
    assert _listed(any_services)[6:10] == ["Lewandowski", "Lis", "Łoś", "Łukasiewicz"]
    any_services.members.archive(ids["Lis"])
    assert _listed(any_services)[6:9] == ["Lewandowski", "Łoś", "Łukasiewicz"]
    assert _listed(any_services, text="ana l") == ["Lewandowski", "Łoś", "Łukasiewicz"]
    any_services.members.update(ids["Zając"], MemberInput(given_name="Ana", family_name="Łaski",
                                                          country="PL"), 1)
    assert _listed(any_services, text="ana l") == ["Lewandowski", "Łaski", "Łoś",
                                                   "Łukasiewicz"]
    by_country = _listed(any_services, sort=MemberSort.COUNTRY)
    assert by_country[-1] == "Łaski"  # the one member with a country comes last
    assert by_country[:3] == ["Abel", "Ährlich", "Czarnecki"]
    install_language("en")
    assert _listed(any_services, text="ana l") == ["Łaski", "Lewandowski", "Łoś",
                                                   "Łukasiewicz"]
