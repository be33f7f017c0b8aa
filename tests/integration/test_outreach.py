"""Outreach items as a user keeps and sends them: stored, exchanged as JSON, rendered with the
pre-flight check, and sent as print packs that respect consent, language and format."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace
from datetime import date

import pikepdf
import pytest

from advocate_app.app import main
from advocate_app.domain.community import (
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    EngagementKind,
    PrintFormat,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import Block, ContentError, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.demo_outreach import sample_items
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.print_packs import Cancelled


@pytest.fixture
def services(any_services):
    return any_services


def _save_samples(services) -> dict[tuple[str, str, bool], int]:
    ids = {}
    for item in sample_items():
        ids[(item.group, item.language, item.easy_read)] = services.outreach.save(item)
    return ids


def _member(services, given, family, *, language="en", fmt=None, address="1 High Street\nLeeds",
            postcode="LS1 1AA", consent=(ConsentPurpose.NEWSLETTER,), withdrawn=()):
    member = services.members.create(MemberInput(
        given_name=given, family_name=family, address=address, postcode=postcode, country="GB",
        preferred_language=language, print_format=fmt))
    for purpose in consent:
        services.consent.record(member.id, ConsentEntry(
            purpose, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 3)))
    for purpose in withdrawn:
        services.consent.record(member.id, ConsentEntry(
            purpose, ConsentStatus.WITHDRAWN, ConsentMethod.EMAIL, date(2025, 6, 1)))
    return member.id


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_items_are_stored_listed_and_exchanged_as_json(services):
    ids = _save_samples(services)
    listed = services.outreach.list()
    assert len(listed) == len(ids)
    assert {s.kind for s in listed} == set(ItemKind)
    leaflet_id = ids[("welcome-leaflet", "en", False)]
    text = services.outreach.export_json(leaflet_id)
    again = services.outreach.import_json(text)
    assert services.outreach.get(again) == services.outreach.get(leaflet_id)
    assert {v.language for _i, v in services.outreach.versions(services.outreach.get(again))} \
        == {"en", "fr"}
    edited = replace(services.outreach.get(again), title="Living well")
    services.outreach.save(edited, again)
    assert services.outreach.get(again).title == "Living well"
    services.outreach.archive(again)
    assert again not in [s.id for s in services.outreach.list()]
    with pytest.raises(NotFoundError):
        services.outreach.get(999_999)


def test_malformed_json_is_refused_and_nothing_is_added(services):
    with pytest.raises(ContentError, match="not JSON"):
        services.outreach.import_json("{not json")
    with pytest.raises(ContentError, match="Block 1"):
        services.outreach.import_json(json.dumps({
            "format": "advocate-outreach/1", "kind": "leaflet", "title": "x",
            "blocks": [{"type": "heading", "text": "no level"}]}))
    assert services.outreach.list() == []


def test_rendering_is_recorded_with_what_was_knowingly_overridden(services, tmp_path):
    item = OutreachItem(ItemKind.LEAFLET, "Picture test", "en", (
        Block("heading", {"level": 1, "text": "Our day out"}),
        Block("image", {"pictogram": "people", "alt": ""})))
    item_id = services.outreach.save(item)
    problems = services.outreach.preflight(item, ProfileKey.STANDARD)
    assert [p.code for p in problems] == ["image-no-alt"]
    out = services.outreach.render_pdf(item, ProfileKey.STANDARD, tmp_path / "day.pdf",
                                       item_id=item_id, overridden=problems)
    assert out.read_bytes().startswith(b"%PDF")
    record = services.outreach.renderings(item_id)[0]
    assert record["output"] == "pdf" and record["profile"] == "standard"
    assert record["overridden"] == [problems[0].message]


def test_characters_no_font_has_are_listed_before_printing(services):
    item = OutreachItem(ItemKind.LEAFLET, "Greetings", "en", (
        Block("paragraph", {"text": "Hello, Γειά σου, Привет, שלום, مرحبا 😀, 你好, नमस्ते, "
                                    "안녕하세요 and བཀྲ་ཤིས"}),))
    problems = services.outreach.preflight(item, ProfileKey.STANDARD)
    assert [p.code for p in problems] == ["unprintable"]
    assert "བ" in problems[0].message  # Tibetan: no bundled face has it
    for printable in ("Γ", "你", "न", "안"):
        assert printable not in problems[0].message


def test_easy_read_documents_over_24_pages_are_stopped_unless_forced(services, tmp_path):
    blocks = [Block("heading", {"level": 1, "text": "A long story"})]
    blocks += [Block("paragraph", {"text": f"This is idea number {n}.", "picture": "tick",
                                   "picture_alt": "A tick"}) for n in range(1, 320)]
    item = OutreachItem(ItemKind.LEAFLET, "A long story", "en", tuple(blocks), easy_read=True)
    with pytest.raises(ValidationError, match="24"):
        services.outreach.render_pdf(item, ProfileKey.EASY_READ, tmp_path / "long.pdf")
    assert not (tmp_path / "long.pdf").exists()
    services.outreach.render_pdf(item, ProfileKey.EASY_READ, tmp_path / "long.pdf", force=True)
    assert len(pikepdf.open(tmp_path / "long.pdf").pages) > 24


def test_a_print_pack_gives_each_member_their_language_and_format(services, tmp_path):
    ids = _save_samples(services)
    leaflet_id = ids[("welcome-leaflet", "en", False)]
    members = {
        "amina": _member(services, "Amina", "Haddad"),
        "chloe": _member(services, "Chloé", "Martin", language="fr"),
        "large": _member(services, "Seán", "Murphy", fmt=PrintFormat.LARGE_PRINT),
        "easy": _member(services, "Priya", "Sharma", fmt=PrintFormat.EASY_READ),
        "easy_fr": _member(services, "Inès", "Dubois", language="fr",
                           fmt=PrintFormat.EASY_READ),
        "no_consent": _member(services, "Olga", "Ivanova", consent=()),
        "withdrew": _member(services, "Kwame", "Mensah", withdrawn=(ConsentPurpose.NEWSLETTER,)),
        "digital": _member(services, "Yuki", "Tanaka", fmt=PrintFormat.DIGITAL),
        "no_address": _member(services, "Mateo", "García", address="", postcode=""),
    }
    seen = []
    result = services.outreach.print_pack(
        leaflet_id, list(members.values()), tmp_path / "pack",
        progress=lambda done, total: seen.append((done, total)) or True)
    by_kind = {(f.language, f.profile): f for f in result.files}
    assert set(by_kind) == {("en", ProfileKey.STANDARD), ("fr", ProfileKey.STANDARD),
                            ("en", ProfileKey.LARGE), ("en", ProfileKey.EASY_READ),
                            ("fr", ProfileKey.EASY_READ)}
    assert all(f.copies == 1 for f in result.files)
    assert seen[-1] == (5, 5)
    left_out = {member_id: reason for member_id, _name, reason in result.left_out}
    assert set(left_out) == {members["no_consent"], members["withdrew"], members["digital"],
                             members["no_address"]}
    assert "consent" in left_out[members["withdrew"]]
    # The French member reads the French leaflet, personalised; the Easy Read one the Easy
    # Read version in her language.
    assert "Vivre avec" in _text(by_kind[("fr", ProfileKey.STANDARD)].path)
    easy_fr = _text(by_kind[("fr", ProfileKey.EASY_READ)].path)
    assert "Qui sommes-nous" in easy_fr and "ask us" not in easy_fr
    labels = _text(result.labels)
    assert "Amina Haddad" in labels and "Olga" not in labels
    summary = _text(result.summary)
    assert "Olga Ivanova" in summary and "Mateo García" in summary
    assert "5 copies" in summary
    for produced in (*[f.path for f in result.files], result.labels, result.summary):
        assert pikepdf.open(produced).Root.MarkInfo.Marked
    logged = services.outreach.renderings(leaflet_id)
    assert len(logged) == len(result.files)
    # The log holds the language each file was printed in, not the item's own language.
    assert sorted((r["language"], r["profile"], r["copies"]) for r in logged) == sorted(
        (f.language, f.profile.value, f.copies) for f in result.files)
    assert all(r["overridden"] == [] for r in logged)
    # Each member sent a copy has it on their timeline; nobody left out does.
    letters = {m: [e.summary for e in services.timeline.timeline(m)
                   if e.kind is EngagementKind.LETTER] for m in members.values()}
    assert letters[members["chloe"]] == ["Sent by post: “Vivre avec une maladie rare du tissu "
                                         "conjonctif” (Standard print, French)."]
    assert letters[members["large"]] == ["Sent by post: “Living with a rare connective "
                                         "tissue condition” (Large print, English)."]
    assert all(letters[m] == [] for m in left_out)


def test_a_print_pack_applies_the_pre_flight_check_of_each_version_and_format(services,
                                                                             tmp_path):
    ids = _save_samples(services)
    invitation_id = ids[("members-day", "en", False)]  # no Easy Read version of it
    plain = _member(services, "Amina", "Haddad", consent=(ConsentPurpose.EVENTS,))
    easy = _member(services, "Priya", "Sharma", fmt=PrintFormat.EASY_READ,
                   consent=(ConsentPurpose.EVENTS,))
    result = services.outreach.print_pack(invitation_id, [plain, easy], tmp_path / "pack")
    assert [(f.profile, f.copies) for f in result.files] == [(ProfileKey.STANDARD, 1)]
    assert [(r.profile, r.members) for r in result.refused] == [
        (ProfileKey.EASY_READ, ((easy, "Priya Sharma"),))]
    assert any("words" in problem for problem in result.refused[0].problems)
    assert [(m, reason) for m, _n, reason in result.left_out] == [
        (easy, "Their copy (Easy Read, English) failed the pre-flight check")]
    summary = " ".join(_text(result.summary).split())
    assert "Not printed: the pre-flight check refused" in summary and "Priya Sharma" in summary
    assert result.refused[0].problems[0][:40] in summary
    logged = services.outreach.renderings(invitation_id)
    assert [(r["profile"], r["overridden"]) for r in logged] == [("standard", [])]
    assert [e.kind for e in services.timeline.timeline(easy)
            if e.kind is EngagementKind.LETTER] == []
    # Printing anyway is the person's choice: the problems go into the log and the summary.
    again = services.outreach.print_pack(invitation_id, [plain, easy], tmp_path / "again",
                                         print_anyway=True)
    assert {f.profile for f in again.files} == {ProfileKey.STANDARD, ProfileKey.EASY_READ}
    assert again.refused == [] and again.left_out == []
    easy_log = next(r for r in services.outreach.renderings(invitation_id)
                    if r["profile"] == "easy-read")
    assert easy_log["overridden"] == list(result.refused[0].problems)
    summary = " ".join(_text(again.summary).split())
    assert "Printed anyway despite the pre-flight check" in summary
    assert [e.summary for e in services.timeline.timeline(easy)][0].startswith(
        "Sent by post: “")


def test_invitations_need_consent_to_events(services, tmp_path):
    ids = _save_samples(services)
    invitation_id = ids[("members-day", "en", False)]
    newsletter_only = _member(services, "Amina", "Haddad")
    events = _member(services, "Seán", "Murphy", consent=(ConsentPurpose.EVENTS,))
    result = services.outreach.print_pack(invitation_id, [newsletter_only, events],
                                          tmp_path / "pack")
    assert [m for m, _n, _r in result.left_out] == [newsletter_only]
    assert "Seán" in _text(result.files[0].path)


def test_a_cancelled_print_pack_writes_nothing(services, tmp_path):
    ids = _save_samples(services)
    people = [_member(services, "Amina", f"Haddad {n}") for n in range(3)]
    with pytest.raises(Cancelled):
        services.outreach.print_pack(ids[("welcome-letter", "en", False)], people,
                                     tmp_path / "pack", progress=lambda done, total: done < 2)
    assert not (tmp_path / "pack").exists() or not any((tmp_path / "pack").iterdir())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".print-pack")]


def test_the_command_line_lists_exports_renders_and_prints(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo", "--members", "60"]) == 0
    capsys.readouterr()
    assert main([*data, "outreach", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"id", "kind", "title", "language"} <= set(listed[0])
    assert {entry["kind"] for entry in listed} == {k.value for k in ItemKind}
    leaflet = next(e for e in listed if e["kind"] == "leaflet" and e["language"] == "en"
                   and "Easy Read" not in e["title"])
    item_json = tmp_path / "leaflet.json"
    assert main([*data, "outreach", "export", str(leaflet["id"]), "-o", str(item_json)]) == 0
    assert json.loads(item_json.read_text(encoding="utf-8"))["title"] == leaflet["title"]

    out = tmp_path / "large.pdf"
    assert main([*data, "outreach", "render", str(leaflet["id"]), "--profile", "large",
                 "--lang", "fr", "-o", str(out)]) == 0
    assert pikepdf.open(out).Root.Lang == "fr"  # the French version of the same leaflet
    assert main([*data, "outreach", "render", str(item_json), "--profile", "dyslexia",
                 "-o", str(tmp_path / "from-file.pdf")]) == 0
    assert main([*data, "outreach", "render", str(item_json), "-o",
                 str(tmp_path / "page.html")]) == 0
    assert "<html" in (tmp_path / "page.html").read_text(encoding="utf-8")
    capsys.readouterr()

    # Easy Read rules stop a standard leaflet from being printed as Easy Read.
    assert main([*data, "outreach", "render", str(leaflet["id"]), "--profile", "easy-read",
                 "-o", str(tmp_path / "er.pdf")]) == 1
    err = capsys.readouterr().err
    assert "15 words" in err and "--force" in err
    assert not (tmp_path / "er.pdf").exists()

    pack = tmp_path / "pack"
    assert main([*data, "outreach", "print-pack", str(leaflet["id"]), "-o", str(pack)]) == 0
    printed = capsys.readouterr().out
    assert "summary.pdf" in printed and (pack / "summary.pdf").is_file()
    assert (pack / "labels.pdf").is_file()


def test_command_line_mistakes_are_one_clear_message(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "data")]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "advocate-outreach/1", "kind": "brochure", "title": "x"}',
                   encoding="utf-8")
    assert main([*data, "outreach", "render", str(bad), "-o", str(tmp_path / "x.pdf")]) == 1
    assert "brochure" in capsys.readouterr().err
    assert main([*data, "outreach", "export", "42", "-o", str(tmp_path / "x.json")]) == 1
    assert "42" in capsys.readouterr().err
    assert main([*data, "outreach", "import", str(tmp_path / "missing.json")]) == 1
    err = capsys.readouterr().err
    assert "missing.json" in err and "Traceback" not in err


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc (Linux)")
def test_a_print_pack_to_a_folder_that_cannot_be_made_names_that_folder(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "demo", "--members", "20"]) == 0
    capsys.readouterr()
    target = "/proc/advocate-print-pack/pack"  # nobody, not even root, can write there
    assert main([*data, "outreach", "print-pack", "1", "-o", target]) == 1
    err = capsys.readouterr().err
    assert target in err and ".print-pack" not in err and "Traceback" not in err


def test_the_command_line_print_pack_says_what_the_pre_flight_check_refused(tmp_path, capsys):
    from advocate_app.app import open_services
    from advocate_app.paths import AppPaths

    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    opened = open_services(paths.default_database_url(), paths)
    try:
        ids = _save_samples(opened)
        _member(opened, "Priya", "Sharma", fmt=PrintFormat.EASY_READ)
    finally:
        opened.close()
    data = ["--data-dir", str(tmp_path / "data")]
    newsletter = str(ids[("spring-newsletter", "en", False)])
    # Not everything was printed: a script running this learns it from the exit status.
    assert main([*data, "outreach", "print-pack", newsletter, "-o", str(tmp_path / "a")]) == 1
    err = capsys.readouterr().err
    assert "Not printed: “Together: spring newsletter” in Easy Read (en) for 1 member" in err
    assert "15 words" in err and "--force" in err
    assert main([*data, "outreach", "print-pack", newsletter, "--force",
                 "-o", str(tmp_path / "b")]) == 0
    captured = capsys.readouterr()
    assert "Not printed" not in captured.err and "easy-read.pdf" in captured.out


def test_a_member_who_needs_large_print_gets_large_print(services, tmp_path):
    from advocate_app.domain.community import AccessNeed

    ids = _save_samples(services)
    member = services.members.create(MemberInput(
        given_name="Seán", family_name="Murphy", address="1 High Street", postcode="LS1 1AA",
        country="GB", access_needs=frozenset({AccessNeed.LARGE_PRINT})))
    services.consent.record(member.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 3)))
    result = services.outreach.print_pack(ids[("welcome-leaflet", "en", False)], [member.id],
                                          tmp_path / "pack")
    assert [f.profile for f in result.files] == [ProfileKey.LARGE]
