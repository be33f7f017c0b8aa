"""Feedback on webinars, board meetings and story sessions: typed in, imported from Google
Forms, Microsoft Forms and plain CSV exports, summarised, and a comment turned into a promise."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from advocate_app.domain.board_views import BoardInput, MeetingInput
from advocate_app.domain.community import EngagementKind, PrintFormat
from advocate_app.domain.feedback_views import EventKind, FeedbackInput, FeedbackSource
from advocate_app.domain.governance import PromiseStatus
from advocate_app.domain.member_views import ContactInput, MemberInput
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.interchange.feedback_forms import parse_rating, parse_yes
from advocate_app.services.errors import NotFoundError, UnreadableFileError, ValidationError

GOOGLE = (
    "Timestamp,Email Address,How would you rate the webinar?,What worked well?,"
    "What should we change?,Any other comments?,May we contact you about your answers?\n"
    "2026/03/12 7:41:02 PM GMT,Ada.One@Example.org,5,The captions,,Thank you,Yes\n"
    "2026/03/12 7:45:10 PM GMT,second.address@example.net,4,Slides in advance,"
    "\"Longer Q&A, please\",,No\n"
    "2026/03/13 9:02:55 AM GMT,stranger@example.com,3,,Start later,,Yes\n"
    "2026/03/13 9:30:00 AM GMT,,,,,,\n"
)
MICROSOFT_FR = (
    "\ufeffID;Heure de début;Heure de fin;Adresse de messagerie;Nom;"
    "Heure de la dernière modification;Comment évaluez-vous la séance ?;"
    "Qu'est-ce qui a bien fonctionné ?;Que devrions-nous changer ?;Autres commentaires;"
    "Pouvons-nous vous contacter ?\n"
    "1;13/03/2026 10:00:01;13/03/2026 10:04:40;anonymous;;;5 - Excellent;Le lieu;;;Oui\n"
    "2;14/03/2026 11:00:00;14/03/2026 11:03:00;ADA.ONE@EXAMPLE.ORG;;;Très bien;;"
    "Plus de pauses;;Non\n"
)


@pytest.fixture
def services(any_services):
    return any_services


def _member(services, given, email="", others=(), **extra) -> int:
    contacts = tuple(ContactInput("email", value) for value in others)
    return services.members.create(MemberInput(given_name=given, family_name="Example",
                                               email=email, contacts=contacts, **extra)).id


def _meeting(services) -> int:
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board"))
    return services.meetings.schedule_meeting(MeetingInput(
        board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30), 90, "Europe/London"), [])


def _webinar(services, title="Living with the condition", when=datetime(2026, 3, 12, 18)):
    from advocate_app.domain.webinars import Webinar

    with services.uow() as uow:
        webinar = Webinar(title=title, starts_at=when, uid=f"{title}@test")
        uow.session.add(webinar)
        uow.commit()
        return webinar.id


def _session(services, title="Sharing our stories", when=datetime(2026, 2, 1, 14)):
    from advocate_app.domain.stories import StorySession

    with services.uow() as uow:
        session = StorySession(title=title, starts_at=when, uid=f"{title}@test")
        uow.session.add(session)
        uow.commit()
        return session.id


def _count(services) -> int:
    return services.database.reader.rows("SELECT count(*) FROM feedback_responses")[0][0]


def _timeline(services, member_id) -> list[str]:
    return [e.summary for e in services.timeline.timeline(member_id)
            if e.kind is EngagementKind.EVENT]


# -- typed in -------------------------------------------------------------------------------------

def test_typed_answers_are_summarised_per_event_and_over_time(services):
    meeting_id = _meeting(services)
    session_id = _session(services)
    person = _member(services, "Ada", "ada@example.org")
    feedback = services.feedback
    first = feedback.add(EventKind.MEETING, meeting_id, FeedbackInput(
        rating=5, worked="Clear papers", may_contact=True, member_id=person,
        received_on=date(2026, 3, 11)))
    feedback.add(EventKind.MEETING, meeting_id, FeedbackInput(rating=2, change="Too long"))
    feedback.add(EventKind.MEETING, meeting_id, FeedbackInput(comments="No rating given"))
    feedback.add(EventKind.STORY_SESSION, session_id, FeedbackInput(rating=4, worked="Quiet"))

    summary = feedback.summary(EventKind.MEETING, meeting_id)
    assert (summary.count, summary.rated, summary.average, summary.may_contact) == (3, 2, 3.5, 1)
    assert summary.distribution == {1: 0, 2: 1, 3: 0, 4: 0, 5: 1}
    answers = feedback.responses(EventKind.MEETING, meeting_id)
    assert [a.rating for a in answers][-1] == 5 and answers[-1].member_name == "Ada Example"
    assert answers[-1].source is FeedbackSource.TYPED

    trend = feedback.trend()
    assert [(p.event_kind, p.count, p.average) for p in trend] == [
        (EventKind.STORY_SESSION, 1, 4.0), (EventKind.MEETING, 3, 3.5)]
    assert [p.event_kind for p in feedback.trend(EventKind.MEETING)] == [EventKind.MEETING]
    assert {e.event_id for e in feedback.events_with_feedback()} == {meeting_id, session_id}
    assert any("Spring meeting" in line and "5 of 5" in line
               for line in _timeline(services, person))

    feedback.update(first, FeedbackInput(rating=4, worked="Clear papers", member_id=person))
    assert feedback.summary(EventKind.MEETING, meeting_id).average == 3.0
    feedback.delete(first)
    assert feedback.summary(EventKind.MEETING, meeting_id).count == 2


def test_bad_answers_are_refused_with_a_sentence_and_nothing_saved(services):
    meeting_id = _meeting(services)
    feedback = services.feedback
    for data, field in ((FeedbackInput(rating=6), "rating"), (FeedbackInput(), "comments"),
                        (FeedbackInput(rating=3, received_on=date.today() + timedelta(days=2)),
                         "received_on"),
                        (FeedbackInput(comments="x" * 10_001), "comments")):
        with pytest.raises(ValidationError) as caught:
            feedback.add(EventKind.MEETING, meeting_id, data)
        assert field in caught.value.errors and caught.value.errors[field].endswith(".")
    with pytest.raises(NotFoundError):
        feedback.add(EventKind.WEBINAR, 999, FeedbackInput(rating=3))
    with pytest.raises(NotFoundError):
        feedback.add(EventKind.MEETING, meeting_id, FeedbackInput(rating=3, member_id=999))
    assert _count(services) == 0


# -- a comment becomes a promise ------------------------------------------------------------------

def test_a_comment_becomes_a_promise_in_one_step_and_shows_in_you_said_we_did(services):
    meeting_id = _meeting(services)
    webinar_id = _webinar(services)
    feedback = services.feedback
    answer = feedback.add(EventKind.MEETING, meeting_id, FeedbackInput(
        rating=3, change="Send the papers a week before"))
    promise_id = feedback.make_promise(answer, "Papers go out seven days ahead",
                                       owner_role="Secretary", due_on=date(2026, 6, 1))
    assert feedback.get(answer).promise_id == promise_id
    promise = next(p for p in services.actions.promises() if p.id == promise_id)
    meeting = services.meetings.get_meeting(meeting_id)
    assert (promise.you_said, promise.source, promise.meeting_id, promise.board_id) == (
        "Send the papers a week before", "meeting", meeting_id, meeting.board_id)
    with pytest.raises(ValidationError):  # one promise per answer
        feedback.make_promise(answer, "Again", owner_role="Chair")

    services.actions.update_promise(promise_id, PromiseStatus.KEPT, "Papers sent on 25 May")
    items = services.board_documents.you_said_we_did()
    words = " ".join(str(block.data) for item in items for block in item.blocks)
    assert "Send the papers a week before" in words and "Papers sent on 25 May" in words

    other = feedback.add(EventKind.WEBINAR, webinar_id, FeedbackInput(comments="Captions!"))
    webinar_promise = feedback.make_promise(other, "Captions at every webinar",
                                            owner_role="Events team")
    found = next(p for p in services.actions.promises() if p.id == webinar_promise)
    assert (found.source, found.board_id, found.you_said) == ("webinar", None, "Captions!")

    silent = feedback.add(EventKind.WEBINAR, webinar_id, FeedbackInput(rating=4))
    with pytest.raises(ValidationError):  # nothing said, nothing to answer
        feedback.make_promise(silent, "Something", owner_role="Chair")
    assert feedback.get(silent).promise_id is None


# -- importing an online form's export ------------------------------------------------------------

def test_google_forms_export_is_imported_once_with_members_matched(services, tmp_path):
    webinar_id = _webinar(services)
    ada = _member(services, "Ada", "ada.one@example.org")
    other = _member(services, "Bea", "bea@example.org", others=("Second.Address@example.net",))
    path = tmp_path / "Feedback (Responses) - Form responses 1.csv"
    path.write_text(GOOGLE, encoding="utf-8")

    dry = services.feedback.import_csv(EventKind.WEBINAR, webinar_id, path, dry_run=True)
    assert (dry.form, dry.rows, dry.added, dry.empty, dry.matched_members,
            dry.unmatched_emails) == ("google", 4, 3, 1, 2, 1)
    assert _count(services) == 0 and _timeline(services, ada) == []

    seen = []
    report = services.feedback.import_csv(EventKind.WEBINAR, webinar_id, path,
                                          progress=lambda done, total: seen.append(total))
    assert (report.added, report.matched_members, report.already_imported) == (3, 2, 0)
    assert seen and seen[-1] == 3
    answers = {a.member_id: a for a in services.feedback.responses(EventKind.WEBINAR,
                                                                   webinar_id)}
    assert answers[ada].rating == 5 and answers[ada].may_contact
    assert answers[ada].received_on == date(2026, 3, 12)
    assert answers[other].change == "Longer Q&A, please" and not answers[other].may_contact
    assert answers[None].source is FeedbackSource.IMPORTED
    assert len(_timeline(services, ada)) == 1 and len(_timeline(services, other)) == 1

    again = services.feedback.import_csv(EventKind.WEBINAR, webinar_id, path)
    assert (again.added, again.already_imported) == (0, 3)
    assert _count(services) == 3 and len(_timeline(services, ada)) == 1


def test_microsoft_forms_export_in_french_reads_days_first_and_rating_words(services,
                                                                           tmp_path):
    session_id = _session(services)
    ada = _member(services, "Ada", "ada.one@example.org")
    path = tmp_path / "reponses.csv"
    path.write_text(MICROSOFT_FR, encoding="utf-8")
    report = services.feedback.import_csv(EventKind.STORY_SESSION, session_id, path)
    assert (report.form, report.added, report.matched_members, report.unmatched_emails) == (
        "microsoft", 2, 1, 0)
    answers = sorted(services.feedback.responses(EventKind.STORY_SESSION, session_id),
                     key=lambda a: a.received_on)
    assert [(a.received_on, a.rating, a.may_contact) for a in answers] == [
        (date(2026, 3, 13), 5, True), (date(2026, 3, 14), 4, False)]
    assert answers[1].member_id == ada and answers[1].change == "Plus de pauses"


def test_microsoft_forms_excel_download_is_read_as_it_is(services, tmp_path):
    from openpyxl import Workbook

    webinar_id = _webinar(services)
    ada = _member(services, "Ada", "ada.one@example.org")
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name",
                  "Overall, how was the webinar?", "What went well?",
                  "What could we do better?", "May we contact you?"])
    sheet.append([1, datetime(2026, 3, 12, 19, 1), datetime(2026, 3, 12, 19, 4),
                  "Ada.One@Example.org", "Ada Example", 4, "The captions", "", "Yes"])
    sheet.append([2, datetime(2026, 3, 13, 9, 0), datetime(2026, 3, 13, 9, 2),
                  "anonymous", "", "2 - Fair", "", "Shorter talks", "No"])
    path = tmp_path / "Webinar feedback(1-2).xlsx"
    book.save(path)
    report = services.feedback.import_csv(EventKind.WEBINAR, webinar_id, path)
    assert (report.form, report.added, report.matched_members) == ("microsoft", 2, 1)
    answers = {a.rating: a for a in services.feedback.responses(EventKind.WEBINAR,
                                                                webinar_id)}
    assert answers[4].member_id == ada and answers[4].received_on == date(2026, 3, 12)
    assert answers[2].change == "Shorter talks" and answers[2].member_id is None
    assert services.feedback.import_csv(EventKind.WEBINAR, webinar_id, path).added == 0


def test_rows_that_cannot_be_read_are_listed_and_left_out(services, tmp_path):
    meeting_id = _meeting(services)
    path = tmp_path / "generic.csv"
    path.write_text("Date,Rating,Comments\n03/04/2026,Great,Lovely\n25/03/2026,4,Good\n"
                    "31/02/2026,3,Bad date\n04/03/2026,9,Out of range\n", encoding="utf-8")
    report = services.feedback.import_csv(EventKind.MEETING, meeting_id, path)
    assert (report.rows, report.added, len(report.problems)) == (4, 1, 3)
    assert all(p.startswith("Row ") for p in report.problems)
    (answer,) = services.feedback.responses(EventKind.MEETING, meeting_id)
    assert answer.received_on == date(2026, 3, 25) and answer.rating == 4


@pytest.mark.parametrize("content", [
    b"",  # empty
    b"Name,Favourite colour\nA,blue\n",  # nothing that holds feedback
    b"Timestamp,Rating,Comments\n2026-03-01,4,\"never closed\n",  # cut short
    b"\x00\x01\x02PK garbage" * 100,  # not text
    b"PK\x03\x04" + b"cut short" * 50,  # a damaged spreadsheet
    ("Rating,Comments\n4," + "x" * 10_001 + "\n").encode(),  # cell too long
])
def test_a_malformed_file_changes_nothing(services, tmp_path, content):
    meeting_id = _meeting(services)
    services.feedback.add(EventKind.MEETING, meeting_id, FeedbackInput(rating=4))
    path = tmp_path / "answers.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError) as caught:
        services.feedback.import_csv(EventKind.MEETING, meeting_id, path)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "nothing was imported" in message
    assert _count(services) == 1


def test_a_cancelled_import_changes_nothing(services, tmp_path):
    from advocate_app.services.feedback_import import ImportCancelled

    webinar_id = _webinar(services)
    path = tmp_path / "answers.csv"
    path.write_text(GOOGLE, encoding="utf-8")
    calls = []

    def cancel_on_second() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ImportCancelled):
        services.feedback.import_csv(EventKind.WEBINAR, webinar_id, path,
                                     should_cancel=cancel_on_second)
    assert _count(services) == 0


@pytest.mark.parametrize(("text", "rating"), [
    ("5", 5), ("4.0", 4), ("3/5", 3), ("2 out of 5", 2), ("5 - Very good", 5),
    ("Excellent", 5), ("very good", 4), ("Très bien", 4), ("★★★☆☆", 3), ("", 0),
    ("0", None), ("6", None), ("4.5", None), ("great", None)])
def test_ratings_as_numbers_or_words(text, rating):
    assert parse_rating(text) == rating


def test_yes_and_no_in_both_languages():
    assert [parse_yes(t) for t in ("Yes", "oui", "Yes, please", "No", "Non", "", "maybe")] == [
        True, True, True, False, False, False, False]


# -- the paper form -------------------------------------------------------------------------------

def test_paper_form_for_a_member_uses_their_language_and_print_format(services, tmp_path):
    from tests import documents_checks as checks

    meeting_id = _meeting(services)
    person = _member(services, "Chloé", "chloe@example.org", preferred_language="fr",
                     print_format=PrintFormat.LARGE_PRINT)
    path = services.feedback.write_paper_form_for(person, EventKind.MEETING, meeting_id,
                                                  tmp_path / "form.pdf")
    assert checks.problems(path) == []
    assert checks.language(path) == "fr"
    sizes = checks.content_font_sizes(path)
    assert min(sizes) >= 16  # large print
    assert "Chloé Example" in checks.pdftotext(path)
    with pytest.raises(NotFoundError):
        services.feedback.write_paper_form(EventKind.WEBINAR, 404, tmp_path / "x.pdf",
                                           profile=ProfileKey.STANDARD)
    assert not (tmp_path / "x.pdf").exists()


def test_the_timeline_day_is_when_the_answer_arrived(services):
    meeting_id = _meeting(services)
    person = _member(services, "Ada", "ada@example.org")
    services.feedback.add(EventKind.MEETING, meeting_id, FeedbackInput(
        rating=4, member_id=person, received_on=date(2026, 3, 11)))
    (entry,) = [e for e in services.timeline.timeline(person) if e.kind is EngagementKind.EVENT]
    assert entry.occurred_on == date(2026, 3, 11)
    assert datetime(2026, 3, 10, tzinfo=UTC).date() < entry.occurred_on


def test_the_timeline_follows_an_answer_changed_or_deleted(services):
    from dataclasses import replace

    webinar_id = _webinar(services)
    ada = _member(services, "Ada", "ada@example.org")
    bea = _member(services, "Bea", "bea@example.org")
    first = FeedbackInput(rating=4, member_id=ada, received_on=date(2026, 3, 13))
    answer = services.feedback.add(EventKind.WEBINAR, webinar_id, first)
    services.feedback.add(EventKind.WEBINAR, webinar_id, FeedbackInput(
        rating=5, member_id=bea, received_on=date(2026, 3, 13)))
    before = _timeline(services, ada)
    assert len(before) == 1 and "rated 4 of 5" in before[0]
    # A new rating: the entry says the new one, once.
    services.feedback.update(answer, replace(first, rating=2))
    (entry,) = _timeline(services, ada)
    assert "rated 2 of 5" in entry
    # Typed against the wrong person: it moves to the right one.
    services.feedback.update(answer, replace(first, rating=2, member_id=bea))
    assert _timeline(services, ada) == []
    assert len(_timeline(services, bea)) == 2
    # Deleted: its entry goes; the other answer's stays.
    services.feedback.delete(answer)
    (left,) = _timeline(services, bea)
    assert "rated 5 of 5" in left


# -- the command line -----------------------------------------------------------------------------

def test_command_line_adds_imports_lists_and_writes_the_paper_form(app_paths, sqlite_template,
                                                                   tmp_path, capsys):
    import json

    from advocate_app.app import main, open_services
    from tests.conftest import copy_sqlite_template

    opened = open_services(copy_sqlite_template(sqlite_template, app_paths), app_paths)
    meeting = str(_meeting(opened))
    opened.close()
    base = ["--data-dir", str(app_paths.data_dir)]
    assert main([*base, "feedback", "list", "meeting", meeting, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answers"] == []
    count = 0

    assert main([*base, "feedback", "add", "meeting", meeting, "--rating", "4",
                 "--change", "More breaks", "--paper"]) == 0
    answer = capsys.readouterr().out.strip()
    assert answer.isdigit()
    answers_file = tmp_path / "answers.csv"
    answers_file.write_text(GOOGLE, encoding="utf-8")
    for _run in range(2):
        assert main([*base, "feedback", "import", "meeting", meeting, str(answers_file),
                     "--json"]) == 0
    second = json.loads(capsys.readouterr().out.strip().split("\n}\n")[-1])
    assert second["added"] == 0 and second["already_imported"] == 3
    assert main([*base, "feedback", "list", "meeting", meeting, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed["answers"]) == count + 4
    assert main([*base, "feedback", "promise", answer, "Longer breaks",
                 "--owner-role", "Chair"]) == 0
    assert capsys.readouterr().out.strip().isdigit()

    pdf = tmp_path / "form.pdf"
    assert main([*base, "feedback", "paper-form", "meeting", meeting, "-o", str(pdf),
                 "--profile", "large"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Colour\nA,blue\n", encoding="utf-8")
    assert main([*base, "feedback", "import", "meeting", meeting, str(bad)]) == 1
    assert "nothing was imported" in capsys.readouterr().err
