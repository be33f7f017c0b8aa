"""Stories as a group keeps them: approved quotes word for word, recordings and photos kept
in the database, consent for each use, and withdrawal that lists exactly the items that
used a story. On real SQLite (and PostgreSQL where marked through ``any_services``)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

import pytest

from advocate_app.domain.community import EngagementKind
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.story_rules import (
    AttachmentKind,
    Identification,
    SessionAttendance,
    SessionMode,
    SessionSupport,
    StoryChannel,
    StoryConsentState,
    StoryTheme,
)
from advocate_app.domain.story_views import ConsentGrantInput, StoryInput, StorySessionInput
from advocate_app.services.errors import NotFoundError, UnreadableFileError, ValidationError

TEXT = ("I waited seven years for a diagnosis.\nEvery appointment meant two trains and a bus,\n"
        "and  a day off work I could not afford.")
# A real MP3's first bytes: an ID3v2.4 tag header, then an MPEG-1 layer III frame header.
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + bytes(400)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200)
NEWSLETTER, LEAFLET = StoryChannel.NEWSLETTER, StoryChannel.LEAFLET


def _member(services, given="Amina", family="Haddad", **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


def _story(services, teller_id=None, **extra) -> int:
    return services.stories.create(StoryInput(
        title=extra.pop("title", "Seven years"), text=extra.pop("text", TEXT),
        teller_id=teller_id, themes=frozenset({StoryTheme.DIAGNOSIS, StoryTheme.TRAVEL}),
        **extra))


def _uses(services, story_id, *uses):
    """Stand for renderings: (item title, channel) per use; items are made as needed, one
    rendering each. Returns the item ids by title."""
    from advocate_app.domain.outreach import OutreachRecord, OutreachRendering
    from advocate_app.domain.stories import StoryUse

    items: dict[str, int] = {}
    with services.uow() as uow:
        for title, channel in uses:
            if title not in items:
                record = OutreachRecord(kind="leaflet", title=title, content="{}")
                uow.session.add(record)
                uow.session.flush()
                items[title] = record.id
            rendering = OutreachRendering(item_id=items[title], title=title, output="pdf",
                                          profile="standard", language="en")
            uow.session.add(rendering)
            uow.session.flush()
            uow.session.add(StoryUse(story_id=story_id, item_id=items[title], item_title=title,
                                     rendering_id=rendering.id, channel=channel.value,
                                     identification="first_name"))
        uow.commit()
    return items


# -- the story and its quotes -----------------------------------------------------------------


def test_a_story_is_kept_with_its_teller_and_themes_and_shows_on_the_timeline(any_services):
    services = any_services
    teller = _member(services)
    story_id = _story(services, teller, told_on=date(2026, 5, 4), language="fr")
    story = services.stories.get(story_id)
    assert (story.teller_name, story.title, story.language) == ("Amina Haddad", "Seven years",
                                                                "fr")
    assert story.themes == {StoryTheme.DIAGNOSIS, StoryTheme.TRAVEL}
    assert [c.state for c in story.consents] == [StoryConsentState.NONE] * len(StoryChannel)
    entries = services.timeline.timeline(teller)
    assert [(e.kind, e.summary, e.occurred_on) for e in entries] == [
        (EngagementKind.EVENT, "Shared a story: “Seven years”.", date(2026, 5, 4))]
    anonymous = services.stories.get(_story(services, title="Unnamed"))
    assert anonymous.teller_name == "" and anonymous.anonymous


def test_bad_story_input_is_refused_with_a_sentence(services):
    with pytest.raises(ValidationError) as refused:
        services.stories.create(StoryInput(title="  ", text=TEXT))
    assert "title" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        services.stories.create(StoryInput(title="Later", told_on=date.today()
                                           + timedelta(days=1)))
    assert "future" in str(refused.value)
    assert services.stories.list() == []


def test_a_quote_must_be_the_tellers_words_exactly(any_services):
    services = any_services
    story_id = _story(services)
    # Line breaks and doubled spaces in the story do not stop a quote matching.
    quote_id = services.stories.add_quote(
        story_id, "two trains and a bus, and a day off work I could not afford.")
    with pytest.raises(ValidationError) as refused:
        services.stories.add_quote(story_id, "two trains and a coach")
    assert "word for word" in str(refused.value)
    with pytest.raises(ValidationError):
        services.stories.update_quote(quote_id, "a day off work I could easily afford.")
    quotes = services.stories.get(story_id).quotes
    assert [q.text for q in quotes] == [
        "two trains and a bus, and a day off work I could not afford."]
    assert quotes[0].approved_on == date.today()
    # The story's text cannot change under an approved quote.
    with pytest.raises(ValidationError) as refused:
        services.stories.update(story_id, StoryInput(title="Seven years",
                                                     text="I waited seven years."))
    assert "no longer in the story" in str(refused.value)
    assert services.stories.get(story_id).text == TEXT.strip()
    services.stories.remove_quote(quote_id)
    services.stories.update(story_id, StoryInput(title="Seven years", text="I waited."))
    assert services.stories.get(story_id).text == "I waited."


def test_archived_stories_leave_the_list(services):
    kept, archived = _story(services, title="Kept"), _story(services, title="Gone")
    services.stories.archive(archived)
    assert [s.id for s in services.stories.list()] == [kept]
    assert {s.id for s in services.stories.list(include_archived=True)} == {kept, archived}


# -- recordings and photos --------------------------------------------------------------------


def test_a_recording_is_kept_in_the_database_and_opened_from_a_private_copy(
        services, app_paths, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "system-temp"))
    (tmp_path / "system-temp").mkdir()
    story_id = _story(services)
    original = tmp_path / "interview.mp3"
    original.write_bytes(MP3)
    attachment_id = services.stories.attach(story_id, original, "Interview at the clinic")
    original.unlink()  # the story keeps its own copy
    assert not app_paths.story_files_dir.exists()  # in the database, not the data folder
    copy = services.stories.attachment_path(attachment_id)
    assert copy.parent.parent == tmp_path / "system-temp"
    assert copy.read_bytes() == MP3
    assert copy.stat().st_mode & 0o777 == 0o600 and copy.parent.stat().st_mode & 0o777 == 0o700
    assert copy.suffix == ".mp3" and "interview" not in copy.name
    attachment = services.stories.get(story_id).attachments[0]
    assert (attachment.kind, attachment.original_name, attachment.size) == (
        AttachmentKind.AUDIO, "interview.mp3", len(MP3))
    assert attachment.sha256 == hashlib.sha256(MP3).hexdigest()
    photo = tmp_path / "clinic.PNG"
    photo.write_bytes(PNG)
    photo_id = services.stories.attach(story_id, photo, "The waiting room")
    assert services.stories.attachment_path(photo_id).suffix == ".png"
    services.stories.remove_attachment(attachment_id)
    with pytest.raises(NotFoundError):
        services.stories.attachment_path(attachment_id)
    assert [a.kind for a in services.stories.get(story_id).attachments] == [
        AttachmentKind.PHOTO]


@pytest.mark.parametrize(("name", "content"), [
    ("voice.mp3", b"Dear diary, this is not a recording at all." * 10),
    ("voice.mp3", PNG),  # a photo named as a recording
    ("voice.mp3", b"\xff\xd8"),  # two bytes of a JPEG, cut short
    ("script.exe", b"MZ\x90\x00" + bytes(100)),
])
def test_a_file_that_is_not_a_recording_or_photo_is_refused_and_nothing_kept(
        services, app_paths, tmp_path, name, content):
    story_id = _story(services)
    pretend = tmp_path / name
    pretend.write_bytes(content)
    with pytest.raises(UnreadableFileError) as refused:
        services.stories.attach(story_id, pretend)
    assert name in str(refused.value) and "\n" not in str(refused.value)
    assert services.stories.get(story_id).attachments == ()
    folder = app_paths.story_files_dir
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_file_over_the_size_limit_is_refused(services, app_paths, tmp_path, monkeypatch):
    from advocate_app.interchange import story_files

    monkeypatch.setattr(story_files, "MAX_ATTACHMENT_BYTES", 1024 * 1024)
    story_id = _story(services)
    big = tmp_path / "long.mp3"
    big.write_bytes(MP3 + bytes(1024 * 1024))
    with pytest.raises(UnreadableFileError, match="larger than 1 MB"):
        services.stories.attach(story_id, big)
    assert services.stories.get(story_id).attachments == ()
    assert list(app_paths.story_files_dir.glob("*")) == []


def test_a_missing_file_is_one_sentence(services, tmp_path):
    with pytest.raises(UnreadableFileError, match="There is no file at"):
        services.stories.attach(_story(services), tmp_path / "gone.mp3")


# -- consent for each use ---------------------------------------------------------------------


def test_consent_for_the_newsletter_only_refuses_a_leaflet(any_services):
    services = any_services
    teller = _member(services, region="Leeds")
    story_id = _story(services, teller)
    services.stories.grant(story_id, frozenset({NEWSLETTER}),
                           ConsentGrantInput(Identification.FIRST_NAME_TOWN))
    assert services.stories.check_use(story_id, NEWSLETTER).usable
    leaflet = services.stories.check_use(story_id, LEAFLET)
    assert leaflet.state is StoryConsentState.NONE
    with pytest.raises(ValidationError) as refused:
        services.stories.record_use(story_id, LEAFLET, item_id=None, item_title="Leaflet")
    assert str(refused.value) == ("The story “Seven years” may not be used in leaflets: its "
                                  "teller has not consented to that use.")
    use = services.stories.record_use(story_id, NEWSLETTER, item_id=None,
                                      item_title="Spring newsletter")
    assert use.identification is Identification.FIRST_NAME_TOWN
    assert services.stories.attribution(story_id, use.identification) == "Amina, Leeds"
    assert services.stories.attribution(story_id, Identification.ANONYMOUS) == \
        "Shared anonymously"
    assert [u.item_title for u in services.stories.uses(story_id)] == ["Spring newsletter"]
    assert services.stories.get(story_id).use_count == 1
    assert services.timeline.timeline(teller)[0].summary == (
        "Gave consent to use the story “Seven years”: newsletter.")


def test_an_expired_grant_is_refused(services):
    story_id = _story(services)
    start = date.today() - timedelta(days=400)
    services.stories.grant(story_id, frozenset({StoryChannel.WEBSITE}), ConsentGrantInput(
        effective_on=start, expires_on=start + timedelta(days=365)))
    assert services.stories.check_use(story_id, StoryChannel.WEBSITE, start + timedelta(
        days=10)).usable
    today = services.stories.check_use(story_id, StoryChannel.WEBSITE)
    assert today.state is StoryConsentState.EXPIRED
    with pytest.raises(ValidationError, match="consent ended on"):
        services.stories.record_use(story_id, StoryChannel.WEBSITE, item_id=None,
                                    item_title="Website")
    [listed] = services.stories.list()
    assert listed.consent(StoryChannel.WEBSITE).state is StoryConsentState.EXPIRED
    past = services.stories.list(on=start + timedelta(days=1))[0]
    assert past.consent(StoryChannel.WEBSITE).state is StoryConsentState.GRANTED


def test_a_grant_is_checked_before_anything_is_written(services):
    child = _story(services, _member(services, "Sami", "Haddad"), teller_is_child=True)
    with pytest.raises(ValidationError) as refused:
        services.stories.grant(child, frozenset({NEWSLETTER}), ConsentGrantInput())
    assert "guardian" in str(refused.value)
    with pytest.raises(ValidationError, match="must end after"):
        services.stories.grant(child, frozenset({NEWSLETTER}), ConsentGrantInput(
            guardian_name="A. Haddad", expires_on=date.today()))
    with pytest.raises(ValidationError, match="at least one"):
        services.stories.grant(child, frozenset(), ConsentGrantInput(guardian_name="A. Haddad"))
    anonymous = _story(services, title="No name")
    with pytest.raises(ValidationError, match="only be used anonymously"):
        services.stories.grant(anonymous, frozenset({NEWSLETTER}),
                               ConsentGrantInput(Identification.FULL_NAME))
    assert services.stories.consent_history(child) == []
    assert services.stories.consent_history(anonymous) == []
    services.stories.grant(child, frozenset({NEWSLETTER}), ConsentGrantInput(
        guardian_name="A. Haddad", evidence="Signed form, blue folder"))
    [entry] = services.stories.consent_history(child)
    assert (entry.channel, entry.status, entry.guardian_name) == (
        NEWSLETTER, StoryConsentState.GRANTED, "A. Haddad")


def test_withdrawal_lists_exactly_the_items_that_used_the_story(any_services):
    services = any_services
    teller = _member(services)
    story_id, other = _story(services, teller), _story(services, title="Another story")
    channels = frozenset({NEWSLETTER, LEAFLET})
    services.stories.grant(story_id, channels, ConsentGrantInput(Identification.FIRST_NAME))
    items = _uses(services, story_id, ("Spring newsletter", NEWSLETTER),
                  ("Spring newsletter", NEWSLETTER), ("Summer newsletter", NEWSLETTER),
                  ("Clinic leaflet", LEAFLET))
    _uses(services, other, ("Autumn newsletter", NEWSLETTER))

    result = services.stories.withdraw(story_id, frozenset({NEWSLETTER}))

    assert result.uses_marked == 3
    assert [(i.item_id, i.item_title, i.renderings) for i in result.items] == [
        (items["Spring newsletter"], "Spring newsletter", 2),
        (items["Summer newsletter"], "Summer newsletter", 1)]
    assert "cannot be recalled" in result.note
    marked = {u.item_title: u.do_not_reprint for u in services.stories.uses(story_id)}
    assert marked == {"Spring newsletter": True, "Summer newsletter": True,
                      "Clinic leaflet": False}
    assert not any(u.do_not_reprint for u in services.stories.uses(other))
    assert [u.item_title for u in services.stories.blocked_uses(items["Spring newsletter"])
            ] == ["Spring newsletter", "Spring newsletter"]
    assert services.stories.blocked_uses(items["Clinic leaflet"]) == []
    assert not services.stories.check_use(story_id, NEWSLETTER).usable
    assert services.stories.check_use(story_id, LEAFLET).usable
    with pytest.raises(ValidationError, match="withdrew consent"):
        services.stories.record_use(story_id, NEWSLETTER, item_id=items["Spring newsletter"],
                                    item_title="Spring newsletter")
    assert services.timeline.timeline(teller)[0].summary == (
        "Withdrew consent to use the story “Seven years”: newsletter.")

    # Withdrawing everything marks the rest; a story never used says so honestly.
    everything = services.stories.withdraw(story_id)
    assert everything.channels == channels and everything.uses_marked == 4
    assert all(u.do_not_reprint for u in services.stories.uses(story_id))
    unused = services.stories.withdraw(_story(services, title="Unused"))
    assert unused.uses == () and "No outreach item" in unused.note


def test_a_newer_grant_after_withdrawal_allows_use_again(services):
    story_id = _story(services)
    day = date.today() - timedelta(days=30)
    services.stories.grant(story_id, frozenset({NEWSLETTER}), ConsentGrantInput(
        effective_on=day))
    services.stories.withdraw(story_id, frozenset({NEWSLETTER}), on=day + timedelta(days=1))
    assert not services.stories.check_use(story_id, NEWSLETTER).usable
    services.stories.grant(story_id, frozenset({NEWSLETTER}), ConsentGrantInput())
    assert services.stories.check_use(story_id, NEWSLETTER).usable
    assert [e.status for e in services.stories.consent_history(story_id)] == [
        StoryConsentState.GRANTED, StoryConsentState.WITHDRAWN, StoryConsentState.GRANTED]


# -- story-sharing sessions -------------------------------------------------------------------


def _session(services, when=datetime(2030, 3, 10, 18, 30), **extra) -> int:
    return services.story_sessions.create(StorySessionInput(
        title=extra.pop("title", "Living with a rare condition"), starts_local=when,
        timezone=extra.pop("timezone", "Europe/London"), place=extra.pop("place", "Room 2"),
        support=frozenset({SessionSupport.QUIET_ROOM, SessionSupport.BREAKS}), **extra))


def test_a_session_takes_participants_and_their_attendance(any_services):
    services = any_services
    sessions = services.story_sessions
    facilitator, amina, sami = (_member(services, "Olga", "Ivanova"), _member(services),
                                _member(services, "Sami", "Haddad"))
    session_id = _session(services, facilitator_id=facilitator, timezone="Europe/Paris")
    sessions.add_participant(session_id, amina)
    sessions.add_participant(session_id, sami)
    sessions.add_participant(session_id, sami)  # once only
    session = sessions.get(session_id)
    assert session.facilitator_name == "Olga Ivanova"
    assert session.local_start.hour == 18 and session.starts_at.hour == 17  # Paris in March
    assert session.support == {SessionSupport.QUIET_ROOM, SessionSupport.BREAKS}
    assert [(p.name, p.attendance) for p in session.participants] == [
        ("Amina Haddad", SessionAttendance.UNKNOWN), ("Sami Haddad", SessionAttendance.UNKNOWN)]
    assert [e.summary for e in services.timeline.timeline(amina)] == [
        "Taking part in the story-sharing session “Living with a rare condition” on "
        "10 March 2030."]
    sessions.set_attendance(session_id, amina, SessionAttendance.ATTENDED)
    sessions.set_attendance(session_id, sami, SessionAttendance.NO_SHOW)
    assert [e.summary for e in services.timeline.timeline(amina)] == [
        "Took part in the story-sharing session “Living with a rare condition” on "
        "10 March 2030."]
    sessions.remove_participant(session_id, sami)
    assert services.timeline.timeline(sami) == []
    assert [p.member_id for p in sessions.participants(session_id)] == [amina]
    assert sessions.list()[0].participant_count == 1
    # Moving the session moves what the timeline says.
    sessions.update(session_id, StorySessionInput(
        title="Living with a rare condition", starts_local=datetime(2030, 3, 17, 18, 30),
        timezone="Europe/Paris", place="Room 2"))
    assert [e.summary for e in services.timeline.timeline(amina)] == [
        "Took part in the story-sharing session “Living with a rare condition” on "
        "17 March 2030."]
    assert sessions.get(session_id).sequence == 1


def test_a_session_is_checked_like_a_meeting(services):
    sessions = services.story_sessions
    when = datetime(2030, 1, 5, 10, 0)
    with pytest.raises(ValidationError) as refused:
        sessions.create(StorySessionInput(title="Online", starts_local=when,
                                          mode=SessionMode.ONLINE, timezone="Mars/Olympus"))
    assert set(refused.value.errors) == {"timezone", "online_link"}
    with pytest.raises(ValidationError, match="https://"):
        sessions.create(StorySessionInput(title="Online", starts_local=when,
                                          mode=SessionMode.ONLINE, online_link="zoom.us/j/1"))
    with pytest.raises(ValidationError, match="Say where"):
        sessions.create(StorySessionInput(title="Here", starts_local=when))
    assert sessions.list() == []
    online = sessions.create(StorySessionInput(title="Online", starts_local=when,
                                               mode=SessionMode.ONLINE,
                                               online_link="https://zoom.us/j/1"))
    assert sessions.get(online).mode is SessionMode.ONLINE


def test_upcoming_sessions_and_the_calendar_file(services, tmp_path):
    sessions = services.story_sessions
    past = _session(services, datetime(2020, 1, 1, 10, 0), title="Past")
    later, soon = (_session(services, datetime(2031, 1, 1, 10, 0), title="Later"),
                   _session(services, datetime(2030, 1, 1, 10, 0), title="Soon"))
    cancelled = _session(services, datetime(2030, 6, 1, 10, 0), title="Off")
    sessions.cancel(cancelled)
    assert [s.id for s in sessions.upcoming()] == [soon, later]
    assert [s.id for s in sessions.upcoming(limit=1)] == [soon]
    assert past not in [s.id for s in sessions.upcoming()]
    assert sessions.get(cancelled).cancelled
    one = tmp_path / "soon.ics"
    assert sessions.write_calendar(one, soon) == 1
    text = one.read_text()
    assert "SUMMARY:Soon" in text and "TZID=Europe/London" in text
    assert "A quiet room" in text and "LOCATION:Room 2" in text
    feed = tmp_path / "all.ics"
    assert sessions.write_calendar(feed) == 2
    assert feed.read_text().count("BEGIN:VEVENT") == 2


def test_a_story_told_at_a_session_is_counted_there(services):
    session_id = _session(services)
    _story(services, session_id=session_id)
    assert services.story_sessions.get(session_id).story_count == 1
    with pytest.raises(ValidationError, match="no story-sharing session"):
        _story(services, session_id=session_id + 99)


def test_the_demo_has_sessions_and_stories_with_a_mix_of_consents(any_services):
    from advocate_app.services.demo import generate_demo

    services = any_services
    summary = generate_demo(services.uow, services.actor, members=80, seed=3)
    assert (summary.story_sessions, summary.stories) == (2, 5)
    stories = {story.title: story for story in services.stories.list()}
    assert len(stories) == 5
    states = {(title, c.channel, c.state) for title, story in stories.items()
              for c in story.consents if c.state is not StoryConsentState.NONE}
    assert ("Three trains to the clinic", StoryChannel.WEBSITE,
            StoryConsentState.EXPIRED) in states
    assert ("Caring for two", LEAFLET, StoryConsentState.WITHDRAWN) in states
    assert ("Caring for two", NEWSLETTER, StoryConsentState.GRANTED) in states
    assert stories["Why I joined the study"].teller_name == ""
    assert stories["My brace is purple"].teller_is_child
    for story in stories.values():  # every approved quote is in its story word for word
        assert all(q.text in story.text for q in story.quotes) and story.quotes
    [use] = services.stories.uses(stories["Caring for two"].id)
    assert use.do_not_reprint and use.item_id is not None
    upcoming = services.story_sessions.upcoming()
    assert [s.mode for s in upcoming] == [SessionMode.ONLINE]
    held = [s for s in services.story_sessions.list() if s.id != upcoming[0].id][0]
    assert held.story_count == 5 and held.participant_count == 5
    teller = stories["Seven years to a name"].teller_id
    assert "Shared a story: “Seven years to a name”." in [
        e.summary for e in services.timeline.timeline(teller)]
    # A second run adds no more.
    again = generate_demo(services.uow, services.actor, members=10, seed=4)
    assert (again.story_sessions, again.stories) == (0, 0)
