"""The member service on a real SQLite file, as the window and the command line use it."""

from __future__ import annotations

import pytest

from advocate_app.domain.member_views import MemberInput, MemberQuery, MemberSort
from advocate_app.domain.people import Role
from advocate_app.services.errors import ConcurrentEditError, NotFoundError, ValidationError


def _add(services, given, family, **extra):
    return services.members.create(MemberInput(given_name=given, family_name=family, **extra))


def test_create_returns_the_saved_member_with_who_and_when(services):
    saved = _add(services, "Amina", "Diallo", email="amina@example.org",
                 roles=frozenset({Role.CARER, Role.VOLUNTEER}), tags=("newsletter",),
                 country="SN", preferred_language="fr")
    again = services.members.get(saved.id)
    assert again == saved
    assert again.display_name == "Amina Diallo"
    assert again.roles == {Role.CARER, Role.VOLUNTEER}
    assert again.version == 1
    assert again.created_at is not None and again.created_at.tzinfo is not None


def test_invalid_input_saves_nothing(services):
    with pytest.raises(ValidationError):
        _add(services, "", "", email="nope")
    assert services.members.count() == 0


def test_update_changes_fields_roles_and_tags_and_bumps_the_version(services):
    saved = _add(services, "Amina", "Diallo", roles=frozenset({Role.CARER}), tags=("a", "b"))
    updated = services.members.update(
        saved.id, MemberInput(given_name="Amina", family_name="Diallo-Sow",
                              roles=frozenset({Role.PATIENT}), tags=("b", "c")),
        expected_version=saved.version)
    assert updated.version == saved.version + 1
    assert updated.family_name == "Diallo-Sow"
    assert updated.roles == {Role.PATIENT}
    assert updated.tags == ("b", "c")
    assert services.members.search("sow")[0].id == saved.id
    assert services.members.search("diallo-sow")[0].id == saved.id


def test_a_stale_edit_is_refused_and_keeps_the_other_change(services):
    saved = _add(services, "Amina", "Diallo")
    services.members.update(saved.id, MemberInput(given_name="Aminata", family_name="Diallo"),
                            expected_version=saved.version)
    with pytest.raises(ConcurrentEditError):
        services.members.update(saved.id, MemberInput(given_name="Amy", family_name="Diallo"),
                                expected_version=saved.version)
    assert services.members.get(saved.id).given_name == "Aminata"


def test_missing_member_gives_a_clear_error(services):
    with pytest.raises(NotFoundError):
        services.members.get(12345)


def test_archived_members_leave_the_list_and_can_come_back(services):
    kept = _add(services, "Kwame", "Mensah")
    gone = _add(services, "Li", "Wei")
    services.members.archive(gone.id)
    assert [r.id for r in services.members.list()] == [kept.id]
    assert services.members.count() == 1
    everyone = services.members.list(MemberQuery(include_archived=True))
    assert {r.id: r.archived for r in everyone} == {kept.id: False, gone.id: True}
    services.members.restore(gone.id)
    assert services.members.count() == 2


def test_list_sorts_by_family_name_ignoring_accents_and_pages(services):
    for given, family in [("Zoë", "Émond"), ("Ana", "Alvarez"), ("Bo", "Zhang"), ("Cy", "Eaton")]:
        _add(services, given, family)
    names = [r.display_name for r in services.members.list()]
    assert names == ["Ana Alvarez", "Cy Eaton", "Zoë Émond", "Bo Zhang"]
    backwards = services.members.list(MemberQuery(descending=True))
    assert [r.display_name for r in backwards] == names[::-1]
    assert [r.display_name for r in services.members.list(offset=1, limit=2)] == names[1:3]


def test_sort_by_country_then_name(services):
    _add(services, "A", "Zed", country="FR")
    _add(services, "B", "Young", country="DE")
    _add(services, "C", "Xu", country="FR")
    rows = services.members.list(MemberQuery(sort=MemberSort.COUNTRY))
    assert [(r.country, r.display_name) for r in rows] == [
        ("DE", "B Young"), ("FR", "C Xu"), ("FR", "A Zed")]


def test_search_matches_word_starts_across_fields(services):
    ana = _add(services, "Ana", "Núñez", email="ana.nunez@example.org", phone="+34 600 123 456",
               tags=("Easy Read",))
    _add(services, "Hannah", "Smith")
    assert [r.id for r in services.members.search("nun")] == [ana.id]
    assert [r.id for r in services.members.search("ana")] == [ana.id]  # not "hANNAh"
    assert [r.id for r in services.members.search("600123")] == [ana.id]
    assert [r.id for r in services.members.search("easy rea")] == [ana.id]
    assert services.members.search("100%") == []
    assert services.members.search("_") == []


def test_role_filter_and_counts(services):
    _add(services, "A", "One", roles=frozenset({Role.PATIENT, Role.VOLUNTEER}))
    _add(services, "B", "Two", roles=frozenset({Role.PATIENT}))
    archived = _add(services, "C", "Three", roles=frozenset({Role.CLINICIAN}))
    services.members.archive(archived.id)
    assert services.members.count(MemberQuery(role=Role.PATIENT)) == 2
    assert services.members.count(MemberQuery(role=Role.VOLUNTEER, text="one")) == 1
    assert services.members.role_counts() == {Role.PATIENT: 2, Role.VOLUNTEER: 1}


@pytest.fixture
def services(any_services):
    """Every test in this module runs on SQLite and on PostgreSQL."""
    return any_services


def test_search_in_other_scripts_and_by_any_part_of_a_phone_number(services):
    maria = _add(services, "Мария", "Иванова", phone="+7 912 345 67 89")
    sharma = _add(services, "दिया", "शर्मा")
    hassan = _add(services, "محمد", "الحسن")
    assert [r.id for r in services.members.search("иван")] == [maria.id]
    assert [r.id for r in services.members.search("ИВАНОВА мар")] == [maria.id]
    assert [r.id for r in services.members.search("शर्")] == [sharma.id]
    assert [r.id for r in services.members.search("الحس")] == [hassan.id]
    assert [r.id for r in services.members.search("4567")] == [maria.id]
    assert [r.id for r in services.members.search("912 345")] == [maria.id]


def test_search_follows_archiving_and_renaming(services):
    member = _add(services, "Oona", "Lindqvist")
    services.members.archive(member.id)
    assert services.members.search("lindq") == []
    assert services.members.count(MemberQuery(text="lindq", include_archived=True)) == 1
    restored = services.members.restore(member.id)
    services.members.update(member.id, MemberInput(given_name="Oona", family_name="Berg"),
                            restored.version)
    assert services.members.search("lindq") == []
    assert [r.id for r in services.members.search("berg")] == [member.id]


def test_large_print_and_easy_read_needs_and_the_printed_format_never_disagree(services):
    from advocate_app.domain.community import AccessNeed, PrintFormat

    def saved(**values):
        member = services.members.create(MemberInput(given_name="Ana", family_name="Silva",
                                                     **values))
        again = services.members.get(member.id)
        return again.print_format, again.access_needs

    large = frozenset({AccessNeed.LARGE_PRINT})
    assert saved(access_needs=large) == (PrintFormat.LARGE_PRINT, large)
    assert saved(print_format=PrintFormat.STANDARD, access_needs=large) == (
        PrintFormat.LARGE_PRINT, large)
    assert saved(print_format=PrintFormat.EASY_READ) == (
        PrintFormat.EASY_READ, {AccessNeed.EASY_READ})
    assert saved(access_needs=large | {AccessNeed.EASY_READ})[0] is PrintFormat.EASY_READ
    # A format that is not print stays as chosen, and so does the need.
    assert saved(print_format=PrintFormat.AUDIO, access_needs=large) == (PrintFormat.AUDIO,
                                                                          large)
    assert saved() == (None, frozenset())
