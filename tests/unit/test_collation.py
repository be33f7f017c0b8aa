"""Names sort as a reader of the language expects, with ICU and without it."""

from __future__ import annotations

import sys

import pytest

from advocate_app.i18n import collation

NAMES = ["Zander", "Émile", "Eve", "Ärger", "Abel", "Öztürk", "Oliver", "Łukasz", "Lydia",
         "Lucy", "Mateusz", "Ćma", "Cezary", "Munro", "Muñoz", "Straße", "Strauss", "Åsa"]


@pytest.fixture(params=["icu", "without icu"])
def backend(request, monkeypatch):
    """Each test runs with ICU (when installed) and with the fallback key."""
    collation._key_function.cache_clear()
    collation._cached_key.cache_clear()
    if request.param == "icu":
        if not collation.has_icu():
            pytest.skip("PyICU is not installed")
    else:
        monkeypatch.setitem(sys.modules, "icu", None)  # import icu fails
        assert not collation.has_icu()
    yield request.param
    collation._key_function.cache_clear()
    collation._cached_key.cache_clear()


def ordered(language):
    return sorted(NAMES, key=lambda name: collation.sort_key(name, language))


def test_french_and_german_sort_accents_with_their_letter(backend):
    for language in ("fr", "de"):
        names = ordered(language)
        assert names.index("Émile") < names.index("Eve") < names.index("Lucy")
        assert names.index("Abel") < names.index("Ärger") < names.index("Cezary")
        assert names.index("Oliver") < names.index("Öztürk") < names.index("Straße")
        assert names.index("Åsa") < names.index("Cezary")
        assert names[-1] == "Zander"


def test_polish_sorts_its_own_letters_after_their_base(backend):
    names = ordered("pl")
    assert names.index("Lucy") < names.index("Lydia") < names.index("Łukasz") < \
        names.index("Mateusz")
    assert names.index("Cezary") < names.index("Ćma")


def test_spanish_sorts_n_with_tilde_after_n(backend):
    names = ordered("es")
    assert names.index("Munro") < names.index("Muñoz")
    assert ordered("fr").index("Muñoz") < ordered("fr").index("Munro")


def test_swedish_sorts_a_ring_and_umlauts_after_z(backend):
    assert ordered("sv")[-3:] == ["Åsa", "Ärger", "Öztürk"]


def test_sharp_s_sorts_as_ss_and_case_only_breaks_ties(backend):
    key = lambda name: collation.sort_key(name, "de")  # noqa: E731
    assert sorted(["Strauss", "Straße", "Strasse", "Strasbourg"], key=key)[0] == "Strasbourg"
    assert sorted(["de Vries", "De Vries", "Dupont"], key=key)[-1] == "Dupont"


def test_the_interface_language_is_the_default(backend):
    from advocate_app.i18n import install_language

    install_language("pl")
    assert sorted(["Łukasz", "Lydia"], key=collation.sort_key) == ["Lydia", "Łukasz"]
    install_language("fr")
    assert sorted(["Łukasz", "Lydia"], key=collation.sort_key) == ["Łukasz", "Lydia"]


def test_postgresql_collation_chosen_from_what_the_server_has():
    have = {"und-x-icu", "pl-x-icu", "de-x-icu"}
    assert collation.postgresql_collation_name(have, "pl") == "pl-x-icu"
    assert collation.postgresql_collation_name(have, "pt_BR") == "und-x-icu"
    assert collation.postgresql_collation_name(set(), "pl") is None


def test_sqlite_collation_orders_a_query(backend):
    import sqlite3

    from advocate_app.i18n import install_language

    install_language("pl")
    connection = sqlite3.connect(":memory:")
    collation.register_sqlite(connection)
    connection.execute("CREATE TABLE t (name TEXT)")
    connection.executemany("INSERT INTO t VALUES (?)", [(n,) for n in NAMES])
    by_collation = [r[0] for r in connection.execute(
        "SELECT name FROM t ORDER BY name COLLATE advocate")]
    by_key = [r[0] for r in connection.execute("SELECT name FROM t ORDER BY advocate_key(name)")]
    connection.close()
    assert by_collation == by_key == ordered("pl")
    assert by_key.index("Lydia") < by_key.index("Łukasz") < by_key.index("Mateusz")
