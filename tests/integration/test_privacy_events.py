"""Privacy rights over webinars, story sessions, stories and feedback: everything we hold lists
them; erasure keeps the counts, removes the person's words, and withdraws their stories."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import pytest

from advocate_app.app import main
from advocate_app.domain.feedback_views import EventKind, FeedbackInput
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.story_rules import (
    Identification,
    SessionAttendance,
    StoryChannel,
    StoryConsentState,
    StoryTheme,
)
from advocate_app.domain.story_views import ConsentGrantInput, StoryInput, StorySessionInput
from advocate_app.domain.webinar_kinds import WebinarAccess, WebinarStatus
from advocate_app.domain.webinar_views import RegistrationInput, WebinarInput
from advocate_app.interchange.subject_access import render_html

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200)
STORY = ("It took eight years and eleven doctors to find out.\n\n"
         "Now I drive three hours to the clinic every month.")


@pytest.fixture
def services(any_services):
    return any_services


def _webinar(services, title="Living well with fatigue", days=-3) -> int:
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(days=days)
    return services.webinars.create(WebinarInput(
        title, when, 90, "Europe/London", status=WebinarStatus.OPEN,
        join_link="https://zoom.us/j/81234567890")).id


def _zoe_took_part(services, tmp_path):
    """Zoë registered for a webinar and came, took part in a session, told a story (with a
    quote, a photo, consent for the newsletter and one use) and gave feedback."""
    zoe = services.members.create(MemberInput(given_name="Zoë", family_name="Ørsted",
                                              email="zoe@example.org")).id
    webinar = _webinar(services)
    registration = services.webinars.register(webinar, zoe, RegistrationInput(
        needs=frozenset({WebinarAccess.CAPTIONS}), needs_notes="Uses a hearing loop"))
    services.webinars.check_in(registration.id, True, 45)
    session_id = services.story_sessions.create(StorySessionInput(
        title="Carers' evening", starts_local=datetime(2030, 4, 10, 18, 30), place="Room 3"))
    services.story_sessions.add_participant(session_id, zoe, "Comes with her sister")
    services.story_sessions.set_attendance(session_id, zoe, SessionAttendance.ATTENDED)
    story = services.stories.create(StoryInput(
        "Eight years to a diagnosis", STORY, teller_id=zoe, told_on=date(2025, 5, 1),
        themes=frozenset({StoryTheme.DIAGNOSIS, StoryTheme.TRAVEL})))
    services.stories.add_quote(story, "It took eight years and eleven doctors")
    photo = tmp_path / "clinic.png"
    photo.write_bytes(PNG)
    services.stories.attach(story, photo, "The waiting room")
    services.stories.grant(story, frozenset({StoryChannel.NEWSLETTER}), ConsentGrantInput(
        Identification.FIRST_NAME, effective_on=date(2025, 5, 1),
        evidence="Signed form in the blue folder"))
    services.stories.record_use(story, StoryChannel.NEWSLETTER, item_id=None,
                                item_title="Spring newsletter")
    feedback = services.feedback.add(EventKind.WEBINAR, webinar, FeedbackInput(
        rating=4, worked="The captions", change="Start later", comments="Ask Zoë again",
        may_contact=True, member_id=zoe))
    return {"zoe": zoe, "webinar": webinar, "session": session_id, "story": story,
            "feedback": feedback}


def test_everything_we_hold_lists_webinars_sessions_stories_and_feedback(services, tmp_path):
    made = _zoe_took_part(services, tmp_path)
    data = services.privacy.everything_we_hold(made["zoe"])
    (registration,) = data["webinar_registrations"]
    assert registration["webinar"] == "Living well with fatigue"
    assert registration["status"] == "registered"
    assert registration["access_asked"] == ["captions"]
    assert registration["access_notes"] == "Uses a hearing loop"
    assert (registration["attendance"], registration["minutes_attended"]) == ("attended", 45)
    (taking_part,) = data["story_sessions"]
    assert taking_part == {"session": "Carers' evening", "date": "2030-04-10",
                           "role": "participant", "attendance": "attended",
                           "support_notes": "Comes with her sister"}
    (story,) = data["stories_told"]
    assert story["text"] == STORY and story["themes"] == ["diagnosis", "travel"]
    assert story["quotes"] == ["It took eight years and eleven doctors"]
    assert story["attachments"] == [{"kind": "photo", "file": "clinic.png",
                                     "description": "The waiting room"}]
    assert [(c["channel"], c["answer"], c["evidence"]) for c in story["consent_history"]] == [
        ("newsletter", "granted", "Signed form in the blue folder")]
    assert [(u["item"], u["do_not_reprint"]) for u in story["uses"]] == [
        ("Spring newsletter", False)]
    (feedback,) = data["feedback_given"]
    assert feedback["event"] == "Living well with fatigue" and feedback["rating"] == 4
    assert feedback["comments"] == "Ask Zoë again" and feedback["may_contact"] is True
    json.dumps(data)


def test_the_readable_copy_has_a_section_for_each(services, tmp_path):
    made = _zoe_took_part(services, tmp_path)
    page_path = tmp_path / "zoe.html"
    written = services.privacy.write_everything_we_hold(made["zoe"], page_path, "html",
                                                        json_beside=True)
    page = page_path.read_text(encoding="utf-8")
    for heading in ("Webinars", "Story-sharing sessions", "Stories you told", "Feedback"):
        assert f"<h2>{heading}</h2>" in page
    assert "<td>Live captions; Uses a hearing loop</td>" in page
    assert "<td>Attended</td><td>45</td>" in page
    assert "<h3>Eight years to a diagnosis</h3>" in page
    assert "<p>Now I drive three hours to the clinic every month.</p>" in page
    assert "<blockquote><p>It took eight years and eleven doctors</p></blockquote>" in page
    assert "<td>Newsletter</td><td>Granted</td><td>First name only</td>" in page
    assert "<td>Spring newsletter</td>" in page and "<td>Ask Zoë again</td>" in page
    assert "Comes with her sister" in page
    beside = json.loads(written[1].read_text(encoding="utf-8"))
    assert beside["stories_told"][0]["title"] == "Eight years to a diagnosis"

    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack = []

        def handle_starttag(self, tag, attrs):
            if tag != "meta":
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    checker = Checker()
    checker.feed(page)
    assert checker.stack == []


def test_someone_who_took_part_in_nothing_is_told_so(services):
    quiet = services.members.create(MemberInput(given_name="Ivo", family_name="Quiet")).id
    page = render_html(services.privacy.everything_we_hold(quiet))
    assert "You have not registered for any webinar." in page
    assert "We hold no story told by you." in page
    assert "We hold no feedback from you." in page


def test_erasure_keeps_the_counts_and_removes_the_words_and_the_stories(services, tmp_path):
    made = _zoe_took_part(services, tmp_path)
    zoe, story = made["zoe"], made["story"]
    copy = services.stories.attachment_path(services.stories.get(story).attachments[0].id)
    assert copy.is_file()

    result = services.privacy.erase(zoe)

    # Registrations and participations still count, and identify no one.
    stats = services.webinars.stats([made["webinar"]])
    assert (stats.registered, stats.attended, stats.minutes_attended) == (1, 1, 45)
    (registration,) = services.webinars.registrations(made["webinar"])
    assert registration.needs == {WebinarAccess.CAPTIONS} and registration.needs_notes == ""
    (taking_part,) = services.story_sessions.participants(made["session"])
    assert taking_part.attendance is SessionAttendance.ATTENDED
    assert taking_part.support_notes == ""
    # Feedback: the rating stays, the words and the name go.
    feedback = services.feedback.get(made["feedback"])
    assert feedback.rating == 4 and feedback.member_id is None
    assert (feedback.worked, feedback.change, feedback.comments) == ("", "", "")
    # The story: withdrawn everywhere, its words and photo gone, archived.
    told = services.stories.get(story)
    assert all(c.state is StoryConsentState.WITHDRAWN for c in told.consents)
    assert told.text == "" and told.quotes == () and told.attachments == ()
    assert "Eight years" not in told.title and told.archived
    assert not copy.exists()
    assert [u.do_not_reprint for u in services.stories.uses(story)] == [True]
    assert all(c.evidence in ("", "Erased at the teller’s request.")
               for c in services.stories.consent_history(story))
    # What was done, in plain words.
    assert result.sentences[1:] == (
        "1 webinar registration kept for the figures, its notes removed.",
        "1 story-sharing session kept for the figures, support notes removed.",
        "1 feedback answer kept without their words or their name; its rating stays.",
        "1 story they told: consent withdrawn for every use; its text, quotes, recordings "
        "and photos removed; the story archived.",
        "1 use of their stories in outreach is marked “do not reprint”; copies already "
        "printed or sent cannot be recalled.")
    held = json.dumps(services.privacy.everything_we_hold(zoe), ensure_ascii=False)
    for words in ("hearing loop", "sister", "eleven doctors", "Ask Zoë", "blue folder",
                  "clinic.png"):
        assert words not in held


def test_no_consent_can_be_recorded_for_an_erased_tellers_story(services, tmp_path):
    from advocate_app.services.errors import ValidationError

    made = _zoe_took_part(services, tmp_path)
    services.privacy.erase(made["zoe"])
    with pytest.raises(ValidationError, match="teller was erased"):
        services.stories.grant(made["story"], frozenset({StoryChannel.NEWSLETTER}),
                               ConsentGrantInput(Identification.FIRST_NAME))
    told = services.stories.get(made["story"])
    assert all(c.state is StoryConsentState.WITHDRAWN for c in told.consents)


def test_a_promise_made_from_their_comment_keeps_the_promise_not_their_words(services,
                                                                          tmp_path):
    made = _zoe_took_part(services, tmp_path)
    promise_id = services.feedback.make_promise(made["feedback"], "We will start at 7 pm",
                                                owner_role="Events lead")
    services.privacy.erase(made["zoe"])
    (promise,) = [p for p in services.actions.promises() if p.id == promise_id]
    assert promise.text == "We will start at 7 pm"
    assert "Zoë" not in promise.you_said and "Ask" not in promise.you_said


def test_records_merged_into_theirs_are_reported_and_erased_with_them(services):
    keep = services.members.create(MemberInput(given_name="Zoë", family_name="Ørsted")).id
    other = services.members.create(MemberInput(given_name="Zoe", family_name="Orsted",
                                                email="zoe.old@example.org")).id
    services.duplicates.merge(keep, other)
    data = services.privacy.everything_we_hold(keep)
    (merged,) = data["merged_records"]
    assert merged["record"] == other and merged["held"]["email"] == "zoe.old@example.org"
    page = render_html(data)
    assert "<h2>Duplicate records</h2>" in page
    assert f"<td>{other}</td>" in page and "<td>zoe.old@example.org</td>" in page
    services.privacy.erase(keep)
    assert "zoe.old@example.org" not in json.dumps(services.duplicates.merges_into(keep))
    assert "zoe.old@example.org" not in json.dumps(services.privacy.everything_we_hold(keep))


def test_retention_leaves_people_with_a_webinar_ahead_or_a_story_in_use(services):
    from sqlalchemy import update

    from advocate_app.domain.engagement import Engagement
    from advocate_app.domain.members import Member

    quiet, booked, teller, leading = (services.members.create(MemberInput(
        given_name=name, family_name="Long-ago")).id
        for name in ("Quiet", "Booked", "Teller", "Leading"))
    services.webinars.register(_webinar(services, days=20), booked)
    services.story_sessions.create(StorySessionInput(
        title="Carers' evening", starts_local=datetime(2030, 4, 10, 18, 30), place="Room 3",
        facilitator_id=leading))
    story = services.stories.create(StoryInput("Travel", "Far away.", teller_id=teller))
    services.stories.grant(story, frozenset({StoryChannel.WEBSITE}), ConsentGrantInput(
        effective_on=date.today() - timedelta(days=1)))
    long_ago = datetime.now(UTC) - timedelta(days=6 * 365)

    def six_years_quiet():
        with services.uow() as uow:
            uow.session.execute(update(Member).values(updated_at=long_ago))
            uow.session.execute(update(Engagement).values(occurred_on=long_ago.date()))
            uow.commit()

    six_years_quiet()
    assert [c.id for c in services.privacy.retention_candidates(5)] == [quiet]
    services.stories.withdraw(story)
    six_years_quiet()
    assert [c.id for c in services.privacy.retention_candidates(5)] == [quiet, teller]


def test_erasing_from_the_command_line_says_what_was_done(tmp_path, capsys):
    data = str(tmp_path / "data")
    source = tmp_path / "people.csv"
    source.write_text("Name,Email\nAmélie Roux,amelie@example.fr\n", encoding="utf-8")
    assert main(["--data-dir", data, "import", "members", str(source)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "privacy", "erase", "1", "--yes"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said == ["Member 1 erased.", "Name, contact details, notes and health details "
                    "removed; only anonymous counts remain."]


def test_erasure_clears_report_lines_settled_as_them_and_stops_proposing_them(services):
    from advocate_app.domain.webinars import WebinarReviewItem

    zoe = services.members.create(MemberInput(given_name="Zoë", family_name="Ørsted")).id
    webinar = _webinar(services)
    with services.uow() as uow:
        settled = WebinarReviewItem(webinar_id=webinar, report_kind="zoom_attendee",
                                    name="Zoë Ørsted", email="zoe@example.org",
                                    needs_text="hearing loop", resolved_member_id=zoe,
                                    resolution="matched", resolved_at=datetime.now(UTC))
        pending = WebinarReviewItem(webinar_id=webinar, report_kind="zoom_attendee",
                                    name="Zoe Orsted-Berg", email="zob@example.net",
                                    candidate_member_id=zoe, score=82)
        uow.session.add_all([settled, pending])
        uow.commit()
        ids = settled.id, pending.id
    services.privacy.erase(zoe)
    rows = {r[0]: r[1:] for r in services.members.reader.rows(
        "SELECT id, name, email, needs_text, candidate_member_id FROM webinar_review_items")}
    assert rows[ids[0]] == ("", "", "", None)
    assert rows[ids[1]] == ("Zoe Orsted-Berg", "zob@example.net", "", None)
