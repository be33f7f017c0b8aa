"""The sample community: realistic, repeatable, fast, and all-or-nothing."""

from __future__ import annotations

import unicodedata

import pytest

from advocate_app.app import main
from advocate_app.domain.people import Role
from advocate_app.services.demo import DemoCancelled, generate_demo
from advocate_app.services.member_data import MemberQuery


def _everyone(services):
    query = MemberQuery(include_archived=True)
    return services.members.list(query, 0, services.members.count(query))


def _scripts(names):
    found = set()
    for name in names:
        for ch in name:
            if ch.isalpha():
                found.add(unicodedata.name(ch, "").split(" ")[0])
    return found


def test_a_small_sample_already_shows_every_role_and_many_scripts(services):
    generate_demo(services.uow, services.actor, members=120, seed=1)
    people = _everyone(services)
    assert len(people) == 120
    assert {role for row in people for role in row.roles} == set(Role)
    assert {"LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW", "DEVANAGARI", "CJK",
            "HANGUL", "TAMIL"} <= _scripts(row.display_name for row in people)
    languages = {row.preferred_language for row in people}
    assert {"en", "fr", "ar", "zh"} <= languages and len(languages) >= 15
    assert any(not row.email for row in people) and any(not row.phone for row in people)
    assert services.members.all_tags()  # access needs and topics


def test_the_same_seed_gives_the_same_people(tmp_path):
    from advocate_app.app import open_services
    from advocate_app.paths import AppPaths

    def community(name, seed):
        paths = AppPaths(tmp_path / name)
        paths.ensure()
        services = open_services(paths.default_database_url(), paths)
        generate_demo(services.uow, services.actor, members=200, seed=seed)
        rows = [(r.display_name, r.email, r.phone, r.roles) for r in _everyone(services)]
        services.close()
        return rows

    assert community("a", 7) == community("b", 7)
    assert community("c", 8) != community("a", 7)


def test_a_second_run_adds_people_alongside_the_first(services):
    generate_demo(services.uow, services.actor, members=50, seed=1)
    generate_demo(services.uow, services.actor, members=30, seed=1)
    assert len(_everyone(services)) == 80


def test_cancelling_leaves_nothing_behind(services):
    batches = []

    def progress(done, total):
        batches.append(done)

    with pytest.raises(DemoCancelled):
        generate_demo(services.uow, services.actor, members=12000, seed=1, progress=progress,
                      should_cancel=lambda: len(batches) >= 2)
    assert batches[:2] == [5000, 10000]
    assert services.members.count(MemberQuery(include_archived=True)) == 0


def test_sample_people_can_be_found_without_their_accents(services):
    generate_demo(services.uow, services.actor, members=300, seed=3)
    accented = next(r for r in _everyone(services)
                    if any(ch in r.display_name for ch in "éèçñüöøåłńś") and not r.archived)
    plain = unicodedata.normalize("NFKD", accented.display_name.split()[-1])
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("ø", "o")
    plain = plain.replace("ł", "l").replace("å", "a")
    assert accented.id in {r.id for r in services.members.search(plain)}


def test_demo_from_the_command_line(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "demo", "--members", "50", "--seed", "4"]) == 0
    assert "Created 50 members" in capsys.readouterr().out


@pytest.mark.postgresql
def test_demo_on_postgresql_then_adding_a_member(postgres_url, app_paths):
    from advocate_app.app import open_services
    from advocate_app.services.member_data import MemberInput

    services = open_services(postgres_url, app_paths)
    generate_demo(services.uow, services.actor, members=40, seed=2)
    added = services.members.create(MemberInput(given_name="New", family_name="Person"))
    assert added.id == 41
    services.close()
