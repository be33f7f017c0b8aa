"""Importing members from real-world files: exact counts, hostile content, nothing half-done."""

from __future__ import annotations

import codecs
import json
from dataclasses import replace
from pathlib import Path

import pytest

from advocate_app.app import main
from advocate_app.domain.member_views import ContactInput, MemberInput, MemberQuery
from advocate_app.domain.people import Role
from advocate_app.services.errors import UnreadableFileError
from advocate_app.services.member_import import (
    ImportCancelled,
    ImportOptions,
    OnDuplicate,
    import_members,
)

EVERYONE = MemberQuery(include_archived=True)


def run(services, path, **options):
    return import_members(services.uow, services.actor, path, ImportOptions(**options))


def everyone(services):
    return {r.display_name: r for r in services.members.list(EVERYONE, 0, 1000)}


def details(services, name):
    return services.members.get(everyone(services)[name].id)


HOSTILE_CSV = (
    "First Name,Last Name,Email,Phone,Country,Notes,Tags,\n"
    '"Zoë","Ørsted-Núñez",zoe@example.org,+45 12 34 56 78,Denmark,"line one\nline two",'
    '"newsletter, 🎉 party",\n'
    "Иван,Петров,ivan@example.org,,Russia,=HYPERLINK(\"http://x\"),,\n"
    "محمد,الحسن,,,,<b>bold</b> & <i>more</i>,,\n"
    ",,,,,,,\n"
    "王,伟,wei@example.org,ext 42 evenings,China,+SUM(A1),,\n"
    "Sam,O'Neill,not-an-email,,Narnia,@mention,,\n"
    ",,nobody-name@example.org,,,,,\n"
    ",,,,,only notes,,\n"
)


def test_hostile_utf8_csv_with_bom(services, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(codecs.BOM_UTF8 + HOSTILE_CSV.encode("utf-8"))
    report = run(services, path)
    assert (report.format, report.encoding, report.delimiter) == ("csv", "utf-8-sig", ",")
    assert (report.created, report.skipped, report.invalid, report.empty_rows) == (6, 0, 1, 1)
    assert [r.row for r in report.rows if r.outcome == "invalid"] == [9]
    people = everyone(services)
    assert set(people) == {"Zoë Ørsted-Núñez", "Иван Петров", "محمد الحسن", "王 伟",
                           "Sam O'Neill", ""}  # "": a subscriber whose name is not known
    nameless = services.members.get(people[""].id)
    assert nameless.email == "nobody-name@example.org"
    assert services.members.search("nobody-name")[0].id == nameless.id
    zoe = details(services, "Zoë Ørsted-Núñez")
    assert zoe.notes == "line one\nline two"
    assert zoe.tags == ("newsletter", "🎉 party")
    assert zoe.country == "DK" and zoe.phone == "+45 12345678"  # the national way of writing it
    assert details(services, "Иван Петров").notes == '=HYPERLINK("http://x")'  # kept as text
    assert details(services, "محمد الحسن").notes == "<b>bold</b> & <i>more</i>"
    sam = details(services, "Sam O'Neill")
    assert sam.email == "" and sam.country == ""  # bad values not stored, person kept
    sam_row = next(r for r in report.rows if r.name == "Sam O'Neill")
    assert len(sam_row.warnings) == 2
    wei = details(services, "王 伟")
    assert wei.phone == "ext 42 evenings"  # kept as written, with a warning
    assert any("phone" in w for w in next(r for r in report.rows if r.name == "王 伟").warnings)


def test_excel_unicode_text_is_utf16_with_tabs(services, tmp_path):
    path = tmp_path / "unicode.txt"
    text = "Given Name\tFamily Name\tE-mail 1 - Value\r\nŁucja\tWiśniewska\tlucja@example.pl\r\n"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    report = run(services, path)
    assert (report.encoding, report.delimiter, report.created) == ("utf-16", "tab", 1)
    assert details(services, "Łucja Wiśniewska").email == "lucja@example.pl"


def test_french_excel_csv_in_cp1252_with_semicolons(services, tmp_path):
    path = tmp_path / "adherents.csv"
    text = ("Prénom;Nom;Courriel;Code postal;Ville;Pays;Langue\r\n"
            "Hélène;Lefèvre;helene@example.fr;69003;Lyon;France;français\r\n")
    path.write_bytes(text.encode("cp1252"))
    report = run(services, path)
    assert (report.encoding, report.delimiter, report.created) == ("cp1252", ";", 1)
    helene = details(services, "Hélène Lefèvre")
    assert (helene.postcode, helene.country, helene.preferred_language) == ("69003", "FR", "fr")
    assert helene.address == "Lyon"


def test_bytes_invalid_for_the_declared_encoding_are_refused(services, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"Name,Email\nAna,ana@example.org\n" + b"\xff\xfe\n")
    with pytest.raises(UnreadableFileError, match="not valid"):
        run(services, path)
    plain = tmp_path / "plain.csv"
    plain.write_bytes("Name,Email\nJosé,jose@example.org\n".encode("cp1252"))
    with pytest.raises(UnreadableFileError):
        run(services, plain, encoding="utf-8")
    assert services.members.count(EVERYONE) == 0


def test_xlsx_from_google_contacts(services, tmp_path):
    from datetime import date

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["First Name", "Last Name", "E-mail 1 - Label", "E-mail 1 - Value",
                  "Phone 1 - Value", "Birthday", "Group Membership", "Organization Name"])
    sheet.append(["Kwame", "Mensah", "* Home", "kwame@example.com", 447700900123,
                  date(1984, 2, 29), "* myContacts ::: Volunteers", ""])
    sheet.append(["  "])  # looks empty
    sheet.append([None, None, None, None, None, None, None, "Rare Disease Foundation"])
    book.save(tmp_path / "contacts.xlsx")
    report = run(services, tmp_path / "contacts.xlsx")
    assert (report.format, report.created, report.skipped, report.empty_rows) == (
        "xlsx", 1, 1, 1)
    kwame = details(services, "Kwame Mensah")
    assert kwame.email == "kwame@example.com"
    assert kwame.date_of_birth == date(1984, 2, 29)
    assert kwame.tags == ("Volunteers",)
    assert kwame.contacts[0] == ("email", "kwame@example.com", "home")  # its label kept
    assert report.unmapped == []


@pytest.mark.parametrize("content", [b"PK\x03\x04\x14\x00truncated", b"\x00\x01\x02garbage" * 50])
def test_a_damaged_or_foreign_file_changes_nothing(services, tmp_path, content):
    path = tmp_path / "members.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError):
        run(services, path)
    assert services.members.count(EVERYONE) == 0


def test_truncated_real_spreadsheet(services, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Name", "Email"])
    book.active.append(["Ana Silva", "ana@example.org"])
    book.save(tmp_path / "full.xlsx")
    data = (tmp_path / "full.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFileError, match="spreadsheet"):
        run(services, tmp_path / "cut.xlsx")
    assert services.members.count(EVERYONE) == 0


VCARDS = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\r\n"
    "TEL;CELL;PREF:+49 170 1234567\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0A=\r\nsecond line\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Chiamaka;;;\r\nFN:Chiamaka Okafor\r\n"
    "EMAIL;TYPE=INTERNET:chi@example.org\r\n"
    "ADR;TYPE=HOME:;;12 Allen Avenue\\, Flat 3;Lagos;;100001;Nigeria\r\n"
    "NOTE:Loves long\r\n  walks\\; and tea\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Lagos Teaching Hospital\r\n"
    "ORG:Lagos Teaching Hospital\r\nEND:VCARD\r\n"
)


def test_vcards_of_every_version(services, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(VCARDS, encoding="utf-8", newline="")
    report = run(services, path)
    assert (report.format, report.created, report.skipped) == ("vcard", 2, 1)
    jurgen = details(services, "Jürgen Müller")
    assert jurgen.phone == "+49 170 1234567"
    assert jurgen.notes == "First line\r\nsecond line".replace("\r\n", "\r\n")
    chi = details(services, "Chiamaka Okafor")
    assert chi.address == "12 Allen Avenue, Flat 3\nLagos"
    assert (chi.postcode, chi.country, chi.notes) == ("100001", "NG", "Loves long walks; and tea")


def test_a_vcard_file_cut_short_is_refused(services, tmp_path):
    path = tmp_path / "cut.vcf"
    path.write_text(VCARDS[:-40], encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="middle of a card"):
        run(services, path)
    assert services.members.count(EVERYONE) == 0


def test_civicrm_households_and_organisations_are_not_people(services, tmp_path):
    path = tmp_path / "civicrm.csv"
    path.write_text(
        "Contact Type,First Name,Last Name,Sort Name,Email,Organization Name\n"
        "Individual,Priya,Sharma,\"Sharma, Priya\",priya@example.org,\n"
        "Household,,,The Sharma Family,family@example.org,\n"
        "Organization,,,\"Rare Alliance\",info@example.org,Rare Alliance\n", encoding="utf-8")
    report = run(services, path)
    assert (report.created, report.skipped) == (1, 2)
    reasons = [r.reasons[0] for r in report.rows if r.outcome == "skipped"]
    assert "household" in reasons[0] and "organisation" in reasons[1]


def test_mailchimp_and_outlook_exports_are_recognised(services, tmp_path):
    mailchimp = tmp_path / "mailchimp.csv"
    mailchimp.write_text("Email Address,First Name,Last Name,Address,Phone Number,TAGS\n"
                         "li@example.org,Li,Wei,,,\"Newsletter,2025 conference\"\n",
                         encoding="utf-8")
    outlook = tmp_path / "outlook.csv"
    outlook.write_text("First Name,Middle Name,Last Name,E-mail Address,Mobile Phone,"
                       "Home Street,Home City,Home Postal Code,Home Country/Region\n"
                       "Maeve,,Murphy,maeve@example.ie,087 123 4567,1 Main St,Cork,T12 X1Y2,"
                       "Ireland\n", encoding="utf-8")
    assert run(services, mailchimp).created == 1
    assert run(services, outlook).created == 1
    assert details(services, "Li Wei").tags == ("2025 conference", "Newsletter")
    maeve = details(services, "Maeve Murphy")
    assert (maeve.country, maeve.postcode, maeve.address) == ("IE", "T12 X1Y2", "1 Main St\nCork")
    assert maeve.phone == "+353 87 123 4567"


def _existing(services):
    return services.members.create(MemberInput(
        given_name="Ana", family_name="Silva", email="ana@example.org",
        roles=frozenset({Role.PATIENT}), tags=("newsletter",)))


DUPLICATES = ("Name,Email,Phone,Postcode,Role,Tags\n"
              "Ana Silva,ANA@example.org,,,volunteer,family day\n"     # same person, by email
              "Bruno Silva,ana@example.org,,,,\n"                     # family email: two people
              "Ana Sylva,,,SW1A 1AA,,\n"                              # new person
              "Ana Sylva,,,sw1a1aa,,\n")                              # same as the row above


def test_duplicates_skipped(services, tmp_path):
    _existing(services)
    path = tmp_path / "dups.csv"
    path.write_text(DUPLICATES, encoding="utf-8")
    report = run(services, path)
    assert (report.created, report.skipped, report.merged, report.flagged) == (2, 2, 0, 1)
    bruno = next(r for r in report.rows if r.name == "Bruno Silva")
    assert bruno.outcome == "created" and "family address" in bruno.review
    assert services.members.count(EVERYONE) == 3


def test_duplicates_merged_keep_everything(services, tmp_path):
    ana = _existing(services)
    path = tmp_path / "dups.csv"
    path.write_text(DUPLICATES, encoding="utf-8")
    report = run(services, path, on_duplicate=OnDuplicate.MERGE)
    assert (report.created, report.merged) == (2, 2)
    merged = services.members.get(ana.id)
    assert merged.roles == {Role.PATIENT, Role.VOLUNTEER}
    assert merged.tags == ("family day", "newsletter")
    assert merged.version == ana.version + 1
    assert services.members.count(EVERYONE) == 3


def test_duplicates_created_when_asked(services, tmp_path):
    _existing(services)
    path = tmp_path / "dups.csv"
    path.write_text(DUPLICATES, encoding="utf-8")
    report = run(services, path, on_duplicate=OnDuplicate.CREATE)
    assert report.created == 4 and report.flagged >= 2
    assert services.members.count(EVERYONE) == 5


def test_a_dry_run_reports_but_changes_nothing(services, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(HOSTILE_CSV.encode("utf-8"))
    report = run(services, path, dry_run=True)
    assert report.dry_run and report.created == 6
    assert services.members.count(EVERYONE) == 0


def test_a_failure_while_writing_leaves_nothing_behind(services, tmp_path, monkeypatch):
    from advocate_app.services import member_import
    from advocate_app.storage import member_bulk

    path = tmp_path / "people.csv"
    path.write_bytes(HOSTILE_CSV.encode("utf-8"))
    real_insert = member_bulk.insert_members

    def insert_then_fail(session, *args, **kwargs):
        real_insert(session, *args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(member_bulk, "insert_members", insert_then_fail)
    with pytest.raises(RuntimeError):
        run(services, path)
    assert services.members.count(EVERYONE) == 0
    monkeypatch.setattr(member_bulk, "insert_members", real_insert)
    with pytest.raises(ImportCancelled):
        member_import.import_members(services.uow, services.actor, path, ImportOptions(),
                                     should_cancel=lambda: True)
    assert services.members.count(EVERYONE) == 0


def test_command_line_json_report(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_bytes(HOSTILE_CSV.encode("utf-8"))
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", "members", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["created"] == 6 and report["counts"]["invalid"] == 1
    assert {row["outcome"] for row in report["rows"]} == {"created", "invalid"}
    assert all(row["member_id"] for row in report["rows"] if row["outcome"] == "created")


def test_command_line_unreadable_file_is_one_sentence(tmp_path, capsys):
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"PK\x03\x04broken")
    assert main(["--data-dir", str(tmp_path / "d"), "import", "members", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nothing was imported" in err


@pytest.fixture
def services(any_services):
    """Every import test runs on SQLite and, with a server, on PostgreSQL."""
    return any_services


@pytest.mark.parametrize("processes", ["fork", "spawn"])
def test_a_big_file_is_read_by_worker_processes_with_the_same_result(services, tmp_path,
                                                                     monkeypatch, processes):
    import multiprocessing
    import sys

    from advocate_app.services import member_import, member_import_workers
    from advocate_app.services.member_import_workers import ProcessStart

    core = sys.modules.get("PySide6.QtCore")
    if processes == "fork" and core is not None and core.QCoreApplication.instance():
        pytest.skip("a Qt application already runs in this test process: forking is unsafe")
    if processes not in multiprocessing.get_all_start_methods():
        pytest.skip(f"this system cannot {processes}")
    started = []
    real_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda method=None: started.append(method) or real_context(method))

    def run_with_workers(path, **kwargs):
        return member_import.import_members(
            services.uow, services.actor, path, ImportOptions(**kwargs),
            processes=ProcessStart(processes))

    path = tmp_path / "people.csv"
    path.write_bytes(HOSTILE_CSV.encode("utf-8"))
    serial = run_with_workers(path, dry_run=True)
    assert started == []  # a small file is read in this process
    monkeypatch.setattr(member_import_workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(member_import_workers.os, "cpu_count", lambda: 4)
    parallel = run_with_workers(path, dry_run=True)
    assert started == [processes]  # the way the caller asked for
    assert [(r.row, r.outcome, r.name, r.warnings) for r in parallel.rows] == [
        (r.row, r.outcome, r.name, r.warnings) for r in serial.rows]
    assert parallel.empty_rows == serial.empty_rows == 1
    run_with_workers(path)  # for real, through the workers
    zoe = details(services, "Zoë Ørsted-Núñez")
    assert (zoe.notes, zoe.tags, zoe.country) == ("line one\nline two",
                                                  ("newsletter", "🎉 party"), "DK")
    assert services.members.search("orsted")[0].id == zoe.id


def test_a_dry_run_leaves_search_working_for_later_members(services, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(HOSTILE_CSV.encode("utf-8"))
    run(services, path, dry_run=True)
    later = services.members.create(MemberInput(given_name="Quentin", family_name="Later"))
    assert [r.id for r in services.members.search("quentin")] == [later.id]


def test_a_csv_cut_off_inside_a_quoted_cell_is_refused_whole(services, tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text('First Name,Last Name,Email,Notes\n'
                    'Ana,Silva,ana@example.org,"fine, quoted"\n'
                    'Bruno,Costa,bruno@example.org,"Met at the\nfamily day\n'
                    'Carla,Dias,carla@example.org,\n'
                    'Duarte,Reis,duarte@exa', encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="starts on line 3 is never closed"):
        run(services, path)
    assert services.members.count(EVERYONE) == 0
    # A quoted cell that spans lines and closes is fine.
    path.write_text('Name,Notes\nAna Silva,"two\nlines"\n', encoding="utf-8")
    assert run(services, path).created == 1


def test_a_spreadsheet_whose_sheet_is_corrupt_is_refused(services, tmp_path):
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Name", "Email"])
    for number in range(200):
        book.active.append([f"Person {number} Example", f"p{number}@example.org"])
    book.save(tmp_path / "full.xlsx")
    with zipfile.ZipFile(tmp_path / "full.xlsx") as source, zipfile.ZipFile(
            tmp_path / "bad.xlsx", "w") as damaged:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            damaged.writestr(item, data)
    with pytest.raises(UnreadableFileError, match="damaged or incomplete"):
        run(services, tmp_path / "bad.xlsx")
    assert services.members.count(EVERYONE) == 0


@pytest.mark.parametrize(("text", "message"), [
    ("BEGIN:VCARD\r\nFN:Ana Silva\r\nBEGIN:VCARD\r\nFN:Bruno Costa\r\nEND:VCARD\r\n",
     "starts on line 1 has no END:VCARD before the next card begins on line 3"),
    ("BEGIN:VCARD\r\nFN:Ana Silva\r\nEND:VCARD\r\nFN:Bruno Costa\r\nEND:VCARD\r\n",
     "Line 5 ends a card that never began"),
    ("BEGIN:VCARD\r\nFN:Ana Silva\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bruno",
     "the one that starts on line 4"),
])
def test_a_damaged_vcard_file_changes_nothing(services, tmp_path, text, message):
    path = tmp_path / "cards.vcf"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(UnreadableFileError, match=message):
        run(services, path)
    assert services.members.count(EVERYONE) == 0


def test_a_dry_run_says_what_would_happen(services, tmp_path, capsys):
    _existing(services)
    path = tmp_path / "dups.csv"
    path.write_text(DUPLICATES, encoding="utf-8")
    text = "\n".join(run(services, path, on_duplicate=OnDuplicate.MERGE,
                          dry_run=True).lines())
    assert "2 members would be created" in text
    assert "2 would be merged into existing members" in text
    assert "Would be merged into Ana Silva" in text
    assert "members created" not in text and "Merged into" not in text
    text = "\n".join(run(services, path, on_duplicate=OnDuplicate.MERGE).lines())
    assert "2 members created" in text and "Merged into Ana Silva" in text


def test_a_dry_run_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAna Silva,ana@example.org\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "import", "members", str(path),
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 member would be created" in out and "member created" not in out


DATA = Path(__file__).parent.parent / "data"


def _contacts(member, kind):
    return [(c.value, c.label) for c in member.contacts if c.kind == kind]


def test_every_address_and_number_of_a_google_contact_is_kept(services):
    report = run(services, DATA / "google_contacts.csv")
    assert report.created == 2
    amara = details(services, "Amara Okoye")
    assert amara.email == "amara.okoye@example.org"  # the first is the primary
    assert _contacts(amara, "email") == [("amara.okoye@example.org", "home"),
                                         ("a.okoye@work.example.com", "work")]
    assert _contacts(amara, "phone") == [("+44 7700 900111", "mobile"),
                                         ("+44 20 7946 0111", "home")]
    # Found by any of them.
    assert services.members.search("a.okoye@work")[0].id == amara.id
    assert services.members.search("7946 0111")[0].id == amara.id


def test_the_legacy_google_csv_with_several_values_in_one_cell(services):
    assert run(services, DATA / "google_legacy.csv").created == 1
    ines = details(services, "Ines Haddad")
    assert [v for v, _label in _contacts(ines, "email")] == [
        "ines@example.fr", "ines.haddad@example.com", "ih@example.net"]
    assert _contacts(ines, "phone") == [("+33 6 12 34 56 78", "mobile"),
                                        ("+33 1 23 45 67 89", "mobile")]


@pytest.mark.parametrize(("name", "file", "emails", "phones"), [
    ("Sara Lindqvist", "iphone.vcf",
     [("sara@example.se", "home"), ("sara.lindqvist@work.example.se", "work")],
     [("+46 70 123 45 67", "mobile"), ("+46 8 123 456 78", "home"), ("+46 8 765 432 10", "")]),
    ("Piotr Kowalski", "android.vcf",
     [("piotr@example.pl", "home"), ("p.kowalski@work.example.pl", "work")],
     [("+48 601 234 567", "mobile"), ("+48 22 123 45 67", "work")]),
    ("Aoife Brennan", "outlook.vcf",
     [("aoife.brennan@work.example.ie", ""), ("aoife@example.ie", "")],
     [("+353 1 234 5678", "work"), ("+353 87 765 4321", "mobile"), ("+353 1 234 5679", "fax")]),
])
def test_vcards_with_several_addresses_and_numbers(services, name, file, emails, phones):
    assert run(services, DATA / file).created == 1
    person = details(services, name)
    assert _contacts(person, "email") == emails
    assert _contacts(person, "phone") == phones
    assert person.email == emails[0][0] and person.phone == phones[0][0]


def test_a_second_address_finds_the_same_person(services, tmp_path):
    run(services, DATA / "google_contacts.csv")
    path = tmp_path / "later.csv"
    path.write_text("Name,Email,Phone\nAmara Okoye,A.Okoye@work.example.com,\n"
                    "Tomas Ferreira,,+351 912 345 678\n", encoding="utf-8")
    report = run(services, path)
    assert (report.created, report.skipped) == (0, 2)


def _newsletter(services, member_id):
    from advocate_app.domain.community import ConsentPurpose

    return services.consent.current(member_id)[ConsentPurpose.NEWSLETTER].status


@pytest.mark.parametrize(("file", "answer"), [("mailchimp_subscribed.csv", "granted"),
                                               ("mailchimp_unsubscribed.csv", "withdrawn"),
                                               ("mailchimp_cleaned.csv", "withdrawn")])
def test_a_mailing_list_of_21_subscribers_becomes_21_members(services, file, answer):
    from advocate_app.domain.community import ConsentPurpose
    report = run(services, DATA / file)
    assert (report.created, report.invalid, report.skipped) == (21, 0, 0)
    assert report.newsletter == answer and report.consent_recorded == 21
    people = services.members.list(EVERYONE, 0, 100)
    assert len(people) == 21
    nameless = [p for p in people if not p.display_name]
    assert len(nameless) == 7 and all(p.email for p in nameless)
    assert {_newsletter(services, p.id).value for p in people} == {answer}
    # Findable by their email address.
    assert services.members.search(nameless[0].email.split("@")[0])[0].id == nameless[0].id
    history = services.consent.history(people[0].id)
    assert history[0].method.value == "imported" and history[0].effective_on.year in (2024, 2025)
    mailable = services.members.count(MemberQuery(consent=ConsentPurpose.NEWSLETTER))
    assert mailable == (21 if answer == "granted" else 0)
    assert any("newsletter consent" in line for line in report.lines())


def test_an_unsubscribe_list_withdraws_consent_of_people_already_here(services, tmp_path):
    from advocate_app.domain.community import ConsentPurpose

    run(services, DATA / "mailchimp_subscribed.csv")
    unsubscribed = tmp_path / "unsub.csv"
    text = (DATA / "mailchimp_unsubscribed.csv").read_text(encoding="utf-8")
    unsubscribed.write_text(text.replace("@gone.", "@news."), encoding="utf-8")
    report = run(services, unsubscribed)  # skip duplicates: the withdrawal still counts
    assert (report.created, report.skipped, report.consent_recorded) == (0, 21, 21)
    assert services.members.count(MemberQuery(consent=ConsentPurpose.NEWSLETTER)) == 0


def _state(services):
    from sqlalchemy import func, select

    from advocate_app.domain.consent import ConsentRecord
    from advocate_app.domain.engagement import Engagement
    from advocate_app.domain.members import MemberContact

    members = {r.id: (r.version, r.updated_at, r.contacts)
               for r in (services.members.get(row.id)
                         for row in services.members.list(EVERYONE, 0, 1000))}
    with services.uow() as uow:
        counts = tuple(uow.session.execute(select(func.count()).select_from(table)).scalar()
                       for table in (MemberContact, ConsentRecord, Engagement))
    return members, counts


@pytest.mark.parametrize("files", [
    ("google_contacts.csv", "google_legacy.csv"),
    ("iphone.vcf", "android.vcf", "outlook.vcf"),
    ("mailchimp_subscribed.csv", "mailchimp_unsubscribed.csv", "mailchimp_cleaned.csv"),
])
def test_importing_the_same_files_twice_with_merge_changes_nothing(services, files):
    for name in files:
        run(services, DATA / name, on_duplicate=OnDuplicate.MERGE)
    before = _state(services)
    for name in files:
        report = run(services, DATA / name, on_duplicate=OnDuplicate.MERGE)
        assert report.created == 0 and report.consent_recorded == 0
    assert _state(services) == before


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql",
                                                             marks=pytest.mark.postgresql)])
def test_members_from_before_keep_their_address_and_number_as_the_main_ones(
        request, app_paths, database):
    """Migration 0011 moves each member's one email address and phone number into the
    contacts table as their primary ones."""
    from sqlalchemy import text

    from advocate_app.app import open_services
    from advocate_app.storage.engine import create_app_engine

    url = (app_paths.default_database_url() if database == "sqlite"
           else request.getfixturevalue("postgres_url"))
    services = open_services(url, app_paths)
    ana = services.members.create(MemberInput(given_name="Ana", family_name="Silva",
                                              email="ana@example.org", phone="+351 912 345 678"))
    bruno = services.members.create(MemberInput(given_name="Bruno", family_name="Costa"))
    services.close()
    engine = create_app_engine(url)  # the database as version 0010 left it
    with engine.begin() as connection:
        from alembic import command

        from advocate_app.storage.migrate import alembic_config
        command.downgrade(alembic_config(connection), "0012")  # later tables go first
        connection.execute(text("DROP TABLE member_contacts"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0010'"))
    engine.dispose()
    services = open_services(url, app_paths)
    try:
        found = services.members.get(ana.id)
        assert [(c.kind, c.value) for c in found.contacts] == [
            ("email", "ana@example.org"), ("phone", "+351 912 345 678")]
        assert services.members.get(bruno.id).contacts == ()
        assert services.members.search("ana@example")[0].id == ana.id
        # And the record keeps working: a second address is added beside the first.
        services.members.update(ana.id, replace(found, contacts=(
            *found.contacts, ContactInput("email", "a.silva@work.example.pt", "work"))),
            found.version)
        assert services.members.get(ana.id).values_of("email") == [
            "ana@example.org", "a.silva@work.example.pt"]
    finally:
        services.close()


class _DiesWhenUnpacked:
    """Sent to a spawned worker, it ends that worker before it has read its orders."""

    def __reduce__(self):
        import os

        return os._exit, (7,)


@pytest.mark.parametrize("processes", ["fork", "spawn"])
def test_a_worker_that_dies_stops_the_import_instead_of_leaving_it_waiting(monkeypatch,
                                                                          processes):
    import os
    import threading

    from advocate_app.interchange.tables import Table
    from advocate_app.services import member_import_workers
    from advocate_app.services.member_import_workers import ProcessStart, read_all

    monkeypatch.setattr(member_import_workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(member_import_workers.os, "cpu_count", lambda: 2)
    mapping = {0: "full_name"}
    if processes == "fork":  # a forked worker runs what this process has in memory
        monkeypatch.setattr(member_import_workers, "read_chunk", lambda *args: os._exit(7))
    else:
        mapping[-1] = _DiesWhenUnpacked()
    table = Table(["Name"], [["Ana Silva"], ["Bruno Costa"]], [2, 3], "csv")
    outcome = []

    def read():
        try:
            read_all(table, mapping, ProcessStart(processes))
        except Exception as error:  # noqa: BLE001 - what the test looks at
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(60)
    assert not reader.is_alive(), "the import waited for ever for a worker that had died"
    assert outcome, "the import carried on without the rows of a worker that had died"
    from advocate_app.services.errors import UnreadableFileError

    # One sentence a user can read (the import wizard shows service errors as they are).
    assert isinstance(outcome[0], UnreadableFileError)
    assert "Nothing was imported" in str(outcome[0])
    if processes == "fork":
        assert "exit code 7" in str(outcome[0])
