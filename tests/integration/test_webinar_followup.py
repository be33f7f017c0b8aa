"""Follow-up after a webinar, by attendance: who gets which letter, consent for events, each
member's language and format, post as a print pack, sending once, and letters that are
tagged PDFs in every print profile."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime

import pikepdf
import pytest

from advocate_app.domain.community import (
    Channel,
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    EngagementKind,
    PrintFormat,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.errors import ValidationError
from advocate_app.services.print_packs import Cancelled
from tests import documents_checks as checks

RECORDING = "https://example.org/webinars/recording-42"
SLIDES = "https://example.org/webinars/slides-42.pdf"


@pytest.fixture
def services(any_services):
    return any_services


def _webinar(services, *, title="Living well with a rare condition", recording=RECORDING,
             slides=SLIDES, status="held") -> int:
    from advocate_app.domain.webinars import Webinar

    with services.uow() as uow:
        webinar = Webinar(title=title, starts_at=datetime(2026, 11, 19, 17, 0),
                          timezone="Europe/Paris", recording_link=recording, slides_link=slides,
                          status=status, uid=f"{uuid.uuid4()}@advocate")
        uow.session.add(webinar)
        uow.commit()
        return webinar.id


def _register(services, webinar_id, member_id, *, status="registered", attendance="",
              sent=False) -> None:
    from advocate_app.domain.webinars import WebinarRegistration

    with services.uow() as uow:
        uow.session.add(WebinarRegistration(
            webinar_id=webinar_id, member_id=member_id, status=status, attendance=attendance,
            minutes_attended=50 if attendance == "attended" else 0,
            followup_sent_at=datetime(2026, 11, 21, tzinfo=UTC) if sent else None))
        uow.commit()


def _member(services, given, family, *, language="en", fmt=None, email="",
            channels=frozenset({Channel.EMAIL}), consent=(ConsentPurpose.EVENTS,),
            withdrawn=()) -> int:
    member = services.members.create(MemberInput(
        given_name=given, family_name=family, email=email, address="1 High Street\nLeeds",
        postcode="LS1 1AA", country="GB", preferred_language=language, print_format=fmt,
        channels=channels))
    for purpose in consent:
        services.consent.record(member.id, ConsentEntry(
            purpose, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 3)))
    for purpose in withdrawn:
        services.consent.record(member.id, ConsentEntry(
            purpose, ConsentStatus.WITHDRAWN, ConsentMethod.EMAIL, date(2025, 6, 1)))
    return member.id


def _community(services) -> tuple[int, dict[str, int]]:
    """A held webinar and everyone a follow-up can meet."""
    webinar = _webinar(services)
    people = {
        "amina": _member(services, "Amina", "Haddad", email="amina@example.org"),
        # French, large print, post only: a letter in French, in large print, by post.
        "chloe": _member(services, "Chloé", "Martin", language="fr-FR",
                         fmt=PrintFormat.LARGE_PRINT, email="chloe@example.org",
                         channels=frozenset({Channel.POST})),
        # Easy Read and no email at all: by post.
        "priya": _member(services, "Priya", "Sharma", fmt=PrintFormat.EASY_READ,
                         channels=frozenset()),
        "ines": _member(services, "Inès", "Dubois", language="fr", email="ines@example.org"),
        "walk_in": _member(services, "Seán", "Murphy", email="sean@example.org"),
        "newsletter_only": _member(services, "Olga", "Ivanova", email="olga@example.org",
                                   consent=(ConsentPurpose.NEWSLETTER,)),
        "withdrew": _member(services, "Kwame", "Mensah", email="kwame@example.org",
                            withdrawn=(ConsentPurpose.EVENTS,)),
        "unknown": _member(services, "Mateo", "García", email="mateo@example.org"),
        "waitlisted": _member(services, "Yuki", "Tanaka", email="yuki@example.org"),
        "cancelled": _member(services, "Lena", "Schmidt", email="lena@example.org"),
        "earlier": _member(services, "Ana", "Pereira", email="ana@example.org"),
    }
    _register(services, webinar, people["amina"], attendance="attended")
    _register(services, webinar, people["chloe"], attendance="attended")
    _register(services, webinar, people["priya"], attendance="no_show")
    _register(services, webinar, people["ines"], attendance="no_show")
    _register(services, webinar, people["walk_in"], status="walk_in", attendance="attended")
    _register(services, webinar, people["newsletter_only"], attendance="attended")
    _register(services, webinar, people["withdrew"], attendance="no_show")
    _register(services, webinar, people["unknown"])
    _register(services, webinar, people["waitlisted"], status="waitlisted",
              attendance="no_show")
    _register(services, webinar, people["cancelled"], status="cancelled",
              attendance="no_show")
    _register(services, webinar, people["earlier"], attendance="attended", sent=True)
    return webinar, people


def _pdf_text(path) -> str:
    return " ".join(checks.pdftotext(path).split())


def _links(path) -> set[str]:
    """The web addresses the PDF links to (each printed under its QR code)."""
    with pikepdf.open(path) as pdf:
        return {str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
                if "/A" in annot and "/URI" in annot.A}


def test_the_plan_groups_people_by_attendance_and_consent_exactly(services):
    webinar, p = _community(services)
    plan = services.webinar_followup.plan(webinar)
    assert set(plan.attendees) == {p["amina"], p["chloe"], p["walk_in"]}
    assert set(plan.no_shows) == {p["priya"], p["ines"]}
    assert set(plan.by_post) == {p["chloe"], p["priya"]}
    assert set(plan.without_consent) == {p["newsletter_only"], p["withdrew"]}
    assert plan.already_sent == (p["earlier"],)
    assert plan.languages == ("en", "fr")


def test_sending_gives_each_member_their_letter_language_and_format_once(services, tmp_path):
    from advocate_app.domain.webinars import WebinarRegistration

    webinar, p = _community(services)
    seen = []
    result = services.webinar_followup.send(
        webinar, folder=tmp_path / "post", progress=lambda done, total: seen.append(
            (done, total)))
    assert set(result.attendees) == {p["amina"], p["chloe"], p["walk_in"]}
    assert set(result.no_shows) == {p["priya"], p["ines"]}
    assert set(result.by_post) == {p["chloe"], p["priya"]}
    assert set(result.by_email) == {p["amina"], p["walk_in"], p["ines"]}
    assert set(result.without_consent) == {p["newsletter_only"], p["withdrew"]}
    assert result.left_out == ()
    assert seen[-1] == (2, 2)
    # One letter per message and language, each an outreach letter in that language.
    assert sorted((letter.message, letter.language, letter.members)
                  for letter in result.letters) == [
        ("attended", "en", 2), ("attended", "fr", 1), ("missed", "en", 1), ("missed", "fr", 1)]
    items = {letter.item_id: services.outreach.get(letter.item_id) for letter in result.letters}
    assert {(item.kind.value, item.language, item.purpose) for item in items.values()} == {
        ("letter", "en", "events"), ("letter", "fr", "events")}
    # Each registration knows the letter sent, in the member's language and message.
    with services.uow() as uow:
        sent = {r.member_id: r for r in uow.session.query(WebinarRegistration).filter_by(
            webinar_id=webinar)}
        sent_items = {m: (r.followup_item_id, r.followup_sent_at) for m, r in sent.items()}
    for name in ("amina", "chloe", "walk_in", "priya", "ines"):
        item_id, when = sent_items[p[name]]
        assert when is not None and item_id in items, name
    chloe_letter = items[sent_items[p["chloe"]][0]]
    assert chloe_letter.language == "fr" and chloe_letter.group.endswith("attended")
    assert items[sent_items[p["priya"]][0]].group.endswith("missed")
    assert items[sent_items[p["priya"]][0]].language == "en"
    for name in ("newsletter_only", "withdrew", "unknown", "waitlisted", "cancelled"):
        assert sent_items[p[name]] == (None, None), name
    # Post: a print pack per message, each member in their language and format.
    files = {f.relative_to(tmp_path / "post").as_posix() for f in result.files}
    assert any(f.startswith("thank-you/") and f.endswith("-fr-large.pdf") for f in files)
    assert any(f.startswith("sorry-we-missed-you/") and f.endswith("-en-easy-read.pdf")
               for f in files)
    assert {"thank-you/labels.pdf", "sorry-we-missed-you/summary.pdf"} <= files
    # Who came and wants post gets the paper feedback form too, in their language and format.
    assert "thank-you/feedback-form-fr-large.pdf" in files and result.feedback_forms == 1
    assert not any(f.startswith("sorry-we-missed-you/feedback-form") for f in files)
    # The volunteer's summary says to put them in the envelopes (only where there are some).
    assert "paper feedback form in each envelope" in _pdf_text(
        tmp_path / "post" / "thank-you" / "summary.pdf")
    assert "feedback form" not in _pdf_text(
        tmp_path / "post" / "sorry-we-missed-you" / "summary.pdf")
    form = tmp_path / "post" / "thank-you" / "feedback-form-fr-large.pdf"
    assert checks.problems(form) == [] and checks.language(form).startswith("fr")
    chloe_pdf = next(f for f in result.files if f.name.endswith("-fr-large.pdf")
                     and not f.name.startswith("feedback-form"))
    text = _pdf_text(chloe_pdf)
    assert "Bonjour Chloé Martin" in text and "jeudi 19 novembre 2026" in text
    assert "18:00" in text and _links(chloe_pdf) == {RECORDING, SLIDES}
    priya_pdf = next(f for f in result.files if f.name.endswith("-en-easy-read.pdf"))
    text = _pdf_text(priya_pdf)
    assert "Dear Priya Sharma" in text and "Sorry we missed you" in text
    assert _links(priya_pdf) == {RECORDING}
    logged = services.outreach.renderings(sent_items[p["chloe"]][0])
    assert [(r["output"], r["profile"], r["language"], r["copies"]) for r in logged] == [
        ("print_pack", "large", "fr", 1)]
    # Each member sent a letter has it on their timeline, saying how.
    events = {m: [e.summary for e in services.timeline.timeline(m)
                  if e.kind is EngagementKind.EVENT] for m in p.values()}
    assert events[p["chloe"]] == ["Sent the follow-up to the webinar “Living well with a "
                                  "rare condition” by post: “" + chloe_letter.title + "”."]
    assert len(events[p["amina"]]) == 1 and "to email" in events[p["amina"]][0]
    assert events[p["newsletter_only"]] == [] and events[p["earlier"]] == []
    # Sending again sends nothing new: no letter, no file, no line on a timeline.
    before = len(services.outreach.list())
    again = services.webinar_followup.send(webinar, folder=tmp_path / "again")
    assert again.sent == 0 and again.letters == () and again.files == ()
    assert set(again.already_sent) == {p["amina"], p["chloe"], p["walk_in"], p["priya"],
                                       p["ines"], p["earlier"]}
    assert len(services.outreach.list()) == before
    assert not (tmp_path / "again").exists()
    assert len([e for e in services.timeline.timeline(p["chloe"])
                if e.kind is EngagementKind.EVENT]) == 1
    plan = services.webinar_followup.plan(webinar)
    assert plan.attendees == () and plan.no_shows == ()
    assert services.webinar_followup.due() == []


def test_a_member_marked_later_is_sent_the_letter_already_made(services, tmp_path):
    webinar, p = _community(services)
    first = services.webinar_followup.send(webinar, folder=tmp_path / "post")
    from advocate_app.domain.webinars import WebinarRegistration

    with services.uow() as uow:
        record = uow.session.query(WebinarRegistration).filter_by(
            webinar_id=webinar, member_id=p["unknown"]).one()
        record.attendance = "attended"
        uow.commit()
    due = services.webinar_followup.due()
    assert [(d.webinar_id, d.members) for d in due] == [(webinar, 1)]
    before = len(services.outreach.list())
    later = services.webinar_followup.send(webinar)
    assert later.attendees == (p["unknown"],) and later.by_email == (p["unknown"],)
    english = next(letter.item_id for letter in first.letters
                   if (letter.message, letter.language) == ("attended", "en"))
    assert [letter.item_id for letter in later.letters] == [english]
    assert len(services.outreach.list()) == before


def test_sending_needs_the_recording_and_a_folder_for_post_and_changes_nothing(services,
                                                                              tmp_path):
    from advocate_app.domain.webinars import Webinar

    webinar, p = _community(services)
    with services.uow() as uow:
        uow.session.get(Webinar, webinar).recording_link = ""
        uow.commit()
    with pytest.raises(ValidationError, match="recording"):
        services.webinar_followup.send(webinar, folder=tmp_path / "post")
    with services.uow() as uow:
        uow.session.get(Webinar, webinar).recording_link = RECORDING
        uow.commit()
    with pytest.raises(ValidationError, match="folder"):
        services.webinar_followup.send(webinar)
    assert services.outreach.list() == []
    assert set(services.webinar_followup.plan(webinar).attendees) == {
        p["amina"], p["chloe"], p["walk_in"]}


def test_a_cancelled_follow_up_sends_nothing_and_writes_nothing(services, tmp_path):
    webinar, p = _community(services)
    with pytest.raises(Cancelled):
        services.webinar_followup.send(webinar, folder=tmp_path / "post",
                                       should_cancel=lambda: True)
    assert services.outreach.list() == []
    assert not (tmp_path / "post").exists()
    assert not [f for f in tmp_path.iterdir() if f.name.startswith(".")]
    assert [e for e in services.timeline.timeline(p["chloe"])
            if e.kind is EngagementKind.EVENT] == []
    assert set(services.webinar_followup.plan(webinar).by_post) == {p["chloe"], p["priya"]}


def test_a_post_member_without_an_address_is_listed_and_not_marked_sent(services, tmp_path):
    webinar = _webinar(services)
    nowhere = services.members.create(MemberInput(given_name="Rosa", family_name="Lopez",
                                                  channels=frozenset({Channel.POST}))).id
    services.consent.record(nowhere, ConsentEntry(
        ConsentPurpose.EVENTS, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 3)))
    _register(services, webinar, nowhere, attendance="attended")
    result = services.webinar_followup.send(webinar, folder=tmp_path / "post")
    assert result.attendees == () and result.letters == ()
    assert [(m, reason) for m, _name, reason in result.left_out] == [
        (nowhere, "No postal address")]
    assert services.outreach.list() == []  # no letter made for nobody
    assert services.webinar_followup.plan(webinar).attendees == (nowhere,)


@pytest.mark.parametrize("profile", list(ProfileKey), ids=lambda k: k.value)
def test_every_follow_up_letter_is_a_tagged_pdf_in_every_print_profile(services, tmp_path,
                                                                      profile):
    webinar, _people = _community(services)
    result = services.webinar_followup.send(webinar, folder=tmp_path / "post")
    assert len(result.letters) == 4
    for letter in result.letters:
        item = services.outreach.get(letter.item_id)
        assert services.outreach.preflight(item, profile) == [], (letter.title, profile)
        path = tmp_path / f"{letter.message}-{letter.language}-{profile.value}.pdf"
        services.outreach.render_pdf(item, profile, path, item_id=letter.item_id)
        problems = checks.problems(path)
        assert problems == [], "\n".join(problems)
        assert checks.language(path).startswith(letter.language)
        checker = checks.shared_checker()
        if checker is not None:
            run = subprocess.run([sys.executable, str(checker), str(path), "--json"],
                                 capture_output=True, text=True, timeout=120)
            report = json.loads(run.stdout)
            assert run.returncode == 0, (path.name, report["failed_checks"])



def test_asking_what_is_due_does_not_load_the_database_layer():
    """The dashboard asks it on the way to its first screen."""
    probe = ("import sys; from advocate_app.services import webinar_followup; "
             "print('sqlalchemy' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120)
    assert run.stdout.strip() == "False", run.stderr


def test_the_command_line_plans_and_sends_the_follow_up(tmp_path, capsys):
    from advocate_app.app import main, open_services
    from advocate_app.paths import AppPaths

    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    services = open_services(paths.default_database_url(), paths)
    try:
        webinar, people = _community(services)
    finally:
        services.close()
    data = ["--data-dir", str(paths.data_dir)]
    assert main([*data, "webinars", "follow-up", str(webinar), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Trial run: nothing was sent.\n3 people came: they get the "
                          "recording, the slides and a request for feedback.\n")
    assert "2 people are left out: no valid consent" in out
    # Someone wants post: without a folder nothing is sent, and it says why.
    assert main([*data, "webinars", "follow-up", str(webinar)]) == 1
    assert "folder" in capsys.readouterr().err
    assert main([*data, "webinars", "follow-up", str(webinar), "--folder",
                 str(tmp_path / "post"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert sorted(result["by_post"]) == sorted([people["chloe"], people["priya"]])
    assert len(result["letters"]) == 4
    assert main([*data, "webinars", "follow-up", str(webinar)]) == 0
    assert capsys.readouterr().out.startswith("Nothing new was sent")
