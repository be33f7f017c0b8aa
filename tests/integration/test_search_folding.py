"""Search finds a name however its accents and special letters are typed: "jose" finds "José",
"lodz" finds "Łódź", "strasse" finds "Straße", on SQLite's index and PostgreSQL's alike."""

from __future__ import annotations

from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.text import fold


def _add(services, given, family, **extra):
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


def _found(services, text):
    return {row.id for row in services.members.search(text)}


def test_members_are_found_without_typing_accents_or_special_letters(any_services):
    jose = _add(any_services, "José", "Álvarez")
    lodz = _add(any_services, "Jolanta", "Kowalska", tags=("Łódź group",))
    strasse = _add(any_services, "Jana", "Straßmann")
    orsted = _add(any_services, "Søren", "Ørsted")
    aero = _add(any_services, "Æsa", "Lindqvist")
    _add(any_services, "Joseph", "Smith")
    assert _found(any_services, "jose alv") == {jose}
    assert _found(any_services, "ÁLVAREZ") == {jose}
    assert _found(any_services, "lodz") == {lodz}
    assert _found(any_services, "łódź") == {lodz}
    assert _found(any_services, "strassm") == {strasse}
    assert _found(any_services, "straßm") == {strasse}
    assert _found(any_services, "soren orsted") == {orsted}
    assert _found(any_services, "aesa") == {aero}
    assert _found(any_services, "jos") == {jose, _found(any_services, "smith").pop()}


def test_the_same_folding_serves_every_search_box():
    # The Stories and Outreach lists fold with the same function as the members' index.
    assert fold("Łódź") == fold("lodz") == "lodz"
    assert fold("Straße") == fold("STRASSE") == "strasse"
    assert fold("José  Ærø") == "jose aero"
    assert fold("İstanbul") == "istanbul"
    from advocate_app.interchange.feedback_forms import fold as header_fold

    assert header_fold("Größe (Straße):") == "grosse strasse"
