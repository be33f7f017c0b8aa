"""Exporting members: safe cells, health details only on request, segments, round trips."""

from __future__ import annotations

import csv
import json
import re
from datetime import date

import pytest

from advocate_app.app import main
from advocate_app.domain.community import AccessNeed, ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.domain.member_views import ConditionInput, MemberInput, MemberQuery
from advocate_app.domain.people import Role
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.member_export import export_members
from advocate_app.services.member_import import ImportOptions, import_members


@pytest.fixture
def community(services):
    services.members.create(MemberInput(
        given_name="=cmd|' /C calc'!A0", family_name="@SUM(1+1)", email="x@example.org",
        phone="+44 20 7946 0000", notes="-2+3\nsecond line"))
    zoe = services.members.create(MemberInput(
        given_name="Zoë", family_name="Ørsted", email="zoe@example.org",
        preferred_language="fr", roles=frozenset({Role.CARER}), address="1 rue Haute\nLyon",
        access_needs=frozenset({AccessNeed.LARGE_PRINT}), date_of_birth=date(1980, 1, 2),
        conditions=(ConditionInput("Marfan syndrome", "558"),)))
    services.consent.record(zoe.id, ConsentEntry(
        ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 1)))
    return services


def test_csv_cells_never_run_as_formulas(community, tmp_path):
    path = tmp_path / "members.csv"
    assert export_members(community, path, "csv") == 2
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    risky = next(r for r in rows if r["Email"] == "x@example.org")
    assert risky["First name"] == "'=cmd|' /C calc'!A0"
    assert risky["Last name"] == "'@SUM(1+1)"
    assert risky["Phone"] == "'+44 20 7946 0000"
    assert risky["Notes"] == "'-2+3\nsecond line"
    assert "Access needs" not in rows[0] and "Conditions" not in rows[0]
    # Dates are written for people: 2026-12-03 09:15, not an ISO timestamp with microseconds.
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", risky["Added on"])


@pytest.mark.parametrize("text, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("plain", "plain"), ("", ""), ("a=b", "a=b")])
def test_neutralise(text, safe):
    from advocate_app.interchange.member_export import neutralise

    assert neutralise(text) == safe


def test_xlsx_cells_are_typed_and_never_formulas(community, tmp_path):
    from datetime import datetime

    from openpyxl import load_workbook

    path = tmp_path / "members.xlsx"
    export_members(community, path, "xlsx", include_sensitive=True)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert "Conditions" in header and "Access needs" in header and "First name" in header
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    risky = next(row for row in values if row[header.index("Email")] == "x@example.org")
    # Text cells are text: no formula runs, and nothing needs an apostrophe in front.
    assert risky[header.index("First name")] == "=cmd|' /C calc'!A0"
    assert risky[header.index("Phone")] == "+44 20 7946 0000"
    assert sheet.cell(row=values.index(risky) + 2, column=header.index("First name") + 1
                      ).data_type == "s"
    zoe = next(row for row in values if row[header.index("First name")] == "Zoë")
    assert zoe[header.index("Conditions")] == "Marfan syndrome (ORPHA:558)"
    assert zoe[header.index("Date of birth")] == datetime(1980, 1, 2)  # a real date cell
    assert isinstance(zoe[header.index("Added on")], datetime)
    assert isinstance(zoe[header.index("Member number")], int)
    assert zoe[header.index("Roles")] == "Carer or parent"
    assert zoe[header.index("Access needs")] == "Large print"


def test_json_has_every_field_and_health_only_when_asked(community, tmp_path):
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    export_members(community, plain, "json")
    export_members(community, full, "json", include_sensitive=True)
    without = json.loads(plain.read_text(encoding="utf-8"))
    everything = json.loads(full.read_text(encoding="utf-8"))
    assert "date_of_birth" not in without[0] and "conditions" not in without[0]
    zoe = next(m for m in everything if m["given_name"] == "Zoë")
    assert zoe["access_needs"] == ["large_print"] and zoe["date_of_birth"] == "1980-01-02"
    assert zoe["conditions"][0]["orpha_code"] == "558"
    assert zoe["roles"] == ["carer"]


def test_vcards_come_back_in_through_the_importer(community, tmp_path, services):
    path = tmp_path / "members.vcf"
    export_members(community, path, "vcard")
    report = import_members(services.uow, services.actor, path, ImportOptions(dry_run=True))
    assert report.skipped == 2  # both already here, recognised by email and name


def test_segment_export_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "data")
    source = tmp_path / "people.csv"
    source.write_text("Name,Email,Language,Role\nAmélie Roux,amelie@example.fr,fr,carer\n"
                      "Bob Stone,bob@example.org,en,carer\n", encoding="utf-8")
    assert main(["--data-dir", data, "import", "members", str(source)]) == 0
    from advocate_app.app import open_services
    from advocate_app.paths import AppPaths

    services = open_services(AppPaths(tmp_path / "data").default_database_url(),
                             AppPaths(tmp_path / "data"))
    services.segments.save("French-speaking carers",
                           MemberQuery(language="fr", role=Role.CARER))
    services.close()
    out = tmp_path / "segment.json"
    capsys.readouterr()
    assert main(["--data-dir", data, "export", "members", "--format", "json", "--segment",
                 "french-speaking carers", "-o", str(out)]) == 0
    assert "Wrote 1 member" in capsys.readouterr().out
    assert [m["family_name"] for m in json.loads(out.read_text(encoding="utf-8"))] == ["Roux"]
    assert main(["--data-dir", data, "export", "members", "--format", "csv", "--segment",
                 "nobody", "-o", str(out)]) == 1


def test_a_failed_export_leaves_no_half_file(community, tmp_path, monkeypatch):
    from advocate_app.interchange import member_export

    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "members.csv"
    path.write_text("the previous export", encoding="utf-8")

    def broken(member, column):
        raise RuntimeError("disk full")

    monkeypatch.setattr(member_export, "as_cell", broken)
    with pytest.raises(RuntimeError):
        export_members(community, path, "csv")
    assert path.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in folder.iterdir()] == ["members.csv"]


def test_consent_segments_select_only_valid_consent(community):
    from advocate_app.services.segments import query_from_json, query_to_json

    query = MemberQuery(consent=ConsentPurpose.RESEARCH, role=Role.CARER)
    assert query_from_json(query_to_json(query)) == query
    community.segments.save("Research contacts", query)
    saved = community.segments.get("research contacts").query
    assert [r.display_name for r in community.members.list(saved)] == ["Zoë Ørsted"]


def _amara(services):
    from advocate_app.domain.member_views import ContactInput

    return services.members.create(MemberInput(
        given_name="Amara", family_name="Okoye", preferred_language="fr",
        roles=frozenset({Role.CARER, Role.BOARD_MEMBER}), tags=("Volunteers",),
        date_of_birth=date(1979, 5, 14), postcode="SW1A 1AA", country="GB",
        contacts=(ContactInput("email", "amara@example.org", "home"),
                  ContactInput("email", "a.okoye@work.example.com", "work"),
                  ContactInput("phone", "+44 7700 900111", "mobile"),
                  ContactInput("phone", "+44 20 7946 0111", "home"))))


def test_every_address_and_number_in_every_format(services, tmp_path):
    from openpyxl import load_workbook

    _amara(services)
    export_members(services, tmp_path / "m.json", "json")
    amara = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))[0]
    assert amara["emails"] == [
        {"address": "amara@example.org", "label": "home", "primary": True},
        {"address": "a.okoye@work.example.com", "label": "work", "primary": False}]
    assert [p["number"] for p in amara["phones"]] == ["+44 7700 900111", "+44 20 7946 0111"]
    export_members(services, tmp_path / "m.vcf", "vcard")
    card = (tmp_path / "m.vcf").read_bytes().decode("utf-8")
    assert "EMAIL;TYPE=home;PREF=1:amara@example.org\r\n" in card
    assert "EMAIL;TYPE=work:a.okoye@work.example.com\r\n" in card
    assert "TEL;VALUE=text;TYPE=cell;PREF=1:+44 7700 900111\r\n" in card
    assert "TEL;VALUE=text;TYPE=home:+44 20 7946 0111\r\n" in card
    export_members(services, tmp_path / "m.csv", "csv")
    with (tmp_path / "m.csv").open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert (row["Email"], row["Email label"], row["Email 2"], row["Email 2 label"]) == (
        "amara@example.org", "Home", "a.okoye@work.example.com", "Work")
    assert (row["Phone 2"], row["Phone 2 label"]) == ("'+44 20 7946 0111", "Home")
    export_members(services, tmp_path / "m.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "m.xlsx").active
    header = [c.value for c in sheet[1]]
    values = [c.value for c in sheet[2]]
    assert values[header.index("Phone 2")] == "+44 20 7946 0111"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_exported_spreadsheet_imports_as_the_same_people(services, app_paths, tmp_path,
                                                            language, kind):
    from advocate_app.app import open_services
    from advocate_app.i18n import install_language
    from advocate_app.paths import AppPaths

    _amara(services)
    services.members.create(MemberInput(given_name="Zoë", family_name="Ørsted",
                                        # written the way imports write numbers
                                        email="zoe@example.org", phone="+45 12345678",
                                        roles=frozenset({Role.PATIENT})))
    install_language(language)
    path = tmp_path / f"members.{kind}"
    export_members(services, path, kind, include_sensitive=True)
    fresh_paths = AppPaths(tmp_path / "fresh")
    fresh_paths.ensure()
    fresh = open_services(fresh_paths.default_database_url(), fresh_paths)
    try:
        report = import_members(fresh.uow, fresh.actor, path, ImportOptions())
        assert report.created == 2 and report.invalid == 0
        install_language("en")

        def people(where):
            found = {}
            for row in where.members.list(MemberQuery(), 0, 100):
                m = where.members.get(row.id)
                found[m.display_name] = (m.email, m.phone, m.contacts, m.preferred_language,
                                         m.roles, m.tags, m.date_of_birth, m.postcode,
                                         m.country)
            return found

        for name, held in people(services).items():
            assert people(fresh)[name] == held, name
    finally:
        fresh.close()


def test_vcards_bring_every_address_and_label_back(services, tmp_path):
    from advocate_app.app import open_services
    from advocate_app.paths import AppPaths

    amara = _amara(services)
    path = tmp_path / "members.vcf"
    export_members(services, path, "vcard")
    fresh_paths = AppPaths(tmp_path / "fresh")
    fresh_paths.ensure()
    fresh = open_services(fresh_paths.default_database_url(), fresh_paths)
    try:
        assert import_members(fresh.uow, fresh.actor, path, ImportOptions()).created == 1
        back = fresh.members.get(fresh.members.list(MemberQuery(), 0, 10)[0].id)
        assert back.contacts == services.members.get(amara.id).contacts
    finally:
        fresh.close()
