"""Duplicates across the database, and a merge that keeps all history and records itself."""

from __future__ import annotations

import json
from datetime import date

import pytest

from advocate_app.app import main
from advocate_app.domain.community import AccessNeed, ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.domain.member_views import MemberInput, MemberQuery
from advocate_app.domain.people import Role
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.errors import NotFoundError, ValidationError


@pytest.fixture
def services(any_services):
    return any_services


def _add(services, given, family, **extra):
    return services.members.create(MemberInput(given_name=given, family_name=family, **extra))


def test_pairs_found_by_email_and_by_name_with_phone_or_postcode(services):
    ana = _add(services, "Ana", "Silva", email="ana@example.org")
    ana2 = _add(services, "Ana", "Silva", email="ANA@example.org")
    bruno = _add(services, "Bruno", "Silva", email="ana@example.org")  # family address
    kim = _add(services, "Kim", "Lee", phone="+44 7700 900123")
    kim2 = _add(services, "Kim", "Lee", phone="07700 900123")
    _add(services, "Kim", "Park", phone="+44 7700 900123")  # different name, same phone
    pairs = services.duplicates.find()
    assert [(p.first_id, p.second_id) for p in pairs] == [(ana.id, ana2.id), (kim.id, kim2.id)]
    assert bruno.id not in {p.second_id for p in pairs}
    assert pairs[0].reason == "same email address"


def test_merging_keeps_everything_and_records_the_merge(services):
    keep = _add(services, "Ana", "Silva", email="ana@example.org",
                roles=frozenset({Role.PATIENT}), tags=("newsletter",))
    other = _add(services, "Ana", "Silva", phone="+351 912 345 678", region="Norte",
                 roles=frozenset({Role.VOLUNTEER}), tags=("family day",),
                 access_needs=frozenset({AccessNeed.EASY_READ}))
    services.consent.record(other.id, ConsentEntry(
        ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 2)))
    services.duplicates.merge(keep.id, other.id)
    merged = services.members.get(keep.id)
    assert merged.email == "ana@example.org" and merged.phone == "+351 912 345 678"
    assert merged.region == "Norte"
    assert merged.roles == {Role.PATIENT, Role.VOLUNTEER}
    assert merged.tags == ("family day", "newsletter")
    assert merged.access_needs == {AccessNeed.EASY_READ}
    assert merged.version == keep.version + 1
    assert services.consent.current(keep.id)[ConsentPurpose.RESEARCH].valid
    with pytest.raises(NotFoundError):
        services.members.get(other.id)
    assert services.members.count(MemberQuery(include_archived=True)) == 1
    record = services.duplicates.merges_into(keep.id)
    assert [r["merged_id"] for r in record] == [other.id]
    assert record[0]["held"]["phone"] == "+351 912 345 678"
    assert record[0]["held"]["consent_history"][0]["purpose"] == "research"


def test_a_record_cannot_be_merged_with_itself_or_a_missing_one(services):
    ana = _add(services, "Ana", "Silva")
    with pytest.raises(ValidationError):
        services.duplicates.merge(ana.id, ana.id)
    with pytest.raises(NotFoundError):
        services.duplicates.merge(ana.id, 999)
    assert services.members.get(ana.id).version == ana.version


def test_duplicates_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "data")
    source = tmp_path / "people.csv"
    source.write_text("Name,Email\nAna Silva,ana@example.org\nAna Silva,ana@example.org\n",
                      encoding="utf-8")
    assert main(["--data-dir", data, "import", "members", str(source),
                 "--on-duplicate", "create"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "members", "duplicates", "--json"]) == 0
    pairs = json.loads(capsys.readouterr().out)
    assert [(p["first_id"], p["second_id"]) for p in pairs] == [(1, 2)]
    assert main(["--data-dir", data, "members", "merge", "1", "2"]) == 0
    assert main(["--data-dir", data, "members", "merge", "1", "2"]) == 1


def test_every_address_and_number_finds_a_pair_and_a_merge_keeps_them_all(services):
    from advocate_app.domain.member_views import ContactInput

    amara = _add(services, "Amara", "Okoye", contacts=(
        ContactInput("email", "amara@example.org", "home"),
        ContactInput("email", "a.okoye@work.example.com", "work")))
    # Known here by the work address only, and by a second phone number.
    again = _add(services, "Amara", "Okoye", email="A.Okoye@work.example.com")
    kofi = _add(services, "Kofi", "Mensah", contacts=(
        ContactInput("phone", "+44 20 7946 0111", "home"),
        ContactInput("phone", "+44 7700 900555", "mobile")))
    kofi2 = _add(services, "Kofi", "Mensah", phone="07700 900555")
    pairs = services.duplicates.find()
    assert [(p.first_id, p.second_id) for p in pairs] == [(amara.id, again.id),
                                                          (kofi.id, kofi2.id)]
    assert pairs[0].reason == "same email address"
    services.duplicates.merge(kofi.id, kofi2.id)
    kept = services.members.get(kofi.id)
    assert kept.values_of("phone") == ["+44 20 7946 0111", "+44 7700 900555"]  # no repeat
    services.duplicates.merge(amara.id, again.id)
    assert services.members.get(amara.id).values_of("email") == [
        "amara@example.org", "a.okoye@work.example.com"]
