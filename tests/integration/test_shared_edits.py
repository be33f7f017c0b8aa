"""Two people editing the same record, each through their own connection: the second save is
refused with both versions at hand, and choosing "keep mine" saves over theirs."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from advocate_app.domain.board_views import AgendaInput, BoardInput, ItemNotes, MeetingInput
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.story_views import StoryInput
from advocate_app.domain.webinar_kinds import WebinarStatus
from advocate_app.domain.webinar_views import WebinarInput
from advocate_app.services.errors import ConcurrentEditError


def _meeting(services) -> int:
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board"))
    return services.meetings.schedule_meeting(MeetingInput(
        board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30), 90, place="Community Hall"),
        [AgendaInput("Welcome", "Chair", 5)])


def _as_input(view) -> MeetingInput:
    return MeetingInput(view.board_id, view.title, view.local_start.replace(tzinfo=None),
                        int((view.ends_at - view.starts_at).total_seconds() // 60),
                        view.timezone, view.place, view.online_link, view.arrangements,
                        view.arrangements_notes)


def test_a_meeting_saved_by_two_people_is_never_overwritten_silently(two):
    ana, ben = two
    meeting_id = _meeting(ana)
    hers, his = ana.meetings.get_meeting(meeting_id), ben.meetings.get_meeting(meeting_id)
    assert hers.version == his.version
    ana.meetings.update_meeting(meeting_id, replace(_as_input(hers), place="Library"),
                                hers.version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.meetings.update_meeting(meeting_id, replace(_as_input(his), title="Spring board"),
                                    his.version)
    assert "someone else saved" in str(refused.value).lower()
    theirs = refused.value.theirs
    assert (theirs.title, theirs.place) == ("Spring meeting", "Library")
    assert ben.meetings.get_meeting(meeting_id).place == "Library"  # nothing of his saved
    # He chooses to keep his: saved over theirs as the newest version.
    ben.meetings.update_meeting(meeting_id, replace(_as_input(his), title="Spring board"),
                                refused.value.version)
    now = ana.meetings.get_meeting(meeting_id)
    assert (now.title, now.place) == ("Spring board", "Community Hall")
    assert now.version == refused.value.version + 1


def test_a_board_story_webinar_and_outreach_item_each_refuse_a_stale_save(two):
    ana, ben = two
    board_id = ana.boards.create_board(BoardInput("Council", terms_of_reference="Advise."))
    board = ben.boards.get_board(board_id)
    ana.boards.update_board(board_id, BoardInput("Council", terms_of_reference="Decide."),
                            board.version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.boards.update_board(board_id, BoardInput("Patients' council"), board.version)
    assert refused.value.theirs.terms_of_reference == "Decide."
    ben.boards.update_board(board_id, BoardInput("Patients' council"), refused.value.version)
    assert ana.boards.get_board(board_id).name == "Patients' council"

    story_id = ana.stories.create(StoryInput(title="Seven years", text="It took seven years."))
    story = ben.stories.get(story_id)
    ana.stories.update(story_id, StoryInput(title="Seven long years",
                                            text="It took seven years."), story.version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.stories.update(story_id, StoryInput(title="Seven years", text="Then a name."),
                           story.version)
    assert refused.value.theirs.title == "Seven long years"
    assert ana.stories.get(story_id).text == "It took seven years."

    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=10)
    webinar = ana.webinars.create(WebinarInput("Fatigue", starts, status=WebinarStatus.OPEN))
    seen = ben.webinars.get(webinar.id)
    ana.webinars.update(webinar.id, replace(WebinarInput("Fatigue", starts), capacity=40,
                                            status=WebinarStatus.OPEN), seen.version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.webinars.update(webinar.id, WebinarInput("Living with fatigue", starts,
                                                     status=WebinarStatus.OPEN), seen.version)
    assert refused.value.theirs.capacity == 40
    assert ana.webinars.get(webinar.id).title == "Fatigue"

    item = OutreachItem(ItemKind.LEAFLET, "Welcome", "en",
                        (Block("paragraph", {"text": "Hello"}),))
    item_id = ana.outreach.save(item)
    version = ben.outreach.version(item_id)
    ana.outreach.save(replace(item, title="Welcome pack"), item_id, version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.outreach.save(replace(item, blocks=(Block("paragraph", {"text": "Hi"}),)),
                          item_id, version)
    assert refused.value.theirs.item.title == "Welcome pack"
    ben.outreach.save(replace(item, blocks=(Block("paragraph", {"text": "Hi"}),)), item_id,
                      refused.value.version)
    assert ana.outreach.get(item_id).blocks[0].data["text"] == "Hi"


def test_two_secretaries_minuting_one_item_never_overwrite_each_other(two):
    ana, ben = two
    meeting = ana.meetings.get_meeting(_meeting(ana))
    item = meeting.agenda[0]
    version = ana.minutes.save_notes(item.id, "Welcome by the chair.", item.version)
    seen_by_ben = item.version  # he opened the item before her first save
    ana.minutes.save_notes(item.id, "Welcome by the chair. Apologies: two.", version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.minutes.save_notes(item.id, "Chair welcomed all.", seen_by_ben)
    theirs = refused.value.theirs
    assert isinstance(theirs, ItemNotes)
    assert theirs.notes == "Welcome by the chair. Apologies: two."
    assert ben.minutes.notes(item.id).notes == theirs.notes  # his was not saved
    ben.minutes.save_notes(item.id, "Chair welcomed all.", refused.value.version)
    assert ana.minutes.notes(item.id).notes == "Chair welcomed all."


def test_two_saves_in_the_same_instant_one_is_refused(two):
    """Both start from the same version and save at once: exactly one is kept."""
    ana, ben = two
    meeting = ana.meetings.get_meeting(_meeting(ana))
    item = meeting.agenda[0]
    start = threading.Barrier(2, timeout=10)
    outcomes: dict[str, object] = {}

    def save(who: str, services, text: str) -> None:
        start.wait()
        try:
            outcomes[who] = services.minutes.save_notes(item.id, text, item.version)
        except ConcurrentEditError as exc:
            outcomes[who] = exc

    threads = [threading.Thread(target=save, args=("ana", ana, "Hers.")),
               threading.Thread(target=save, args=("ben", ben, "His."))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    refused = [who for who, outcome in outcomes.items()
               if isinstance(outcome, ConcurrentEditError)]
    assert len(outcomes) == 2 and len(refused) == 1
    kept = "His." if refused == ["ana"] else "Hers."
    assert ana.minutes.notes(item.id).notes == kept


def test_agenda_items_and_roles_added_at_once_each_get_a_place_of_their_own(two):
    """Numbered from the highest place so far: two adding at once never share one."""
    ana, ben = two
    meeting_id = _meeting(ana)
    board_id = ana.meetings.get_meeting(meeting_id).board_id
    start = threading.Barrier(2, timeout=10)
    failures: list[Exception] = []

    def add(services, who: str) -> None:
        start.wait()
        try:
            for n in range(5):
                services.meetings.add_agenda_item(meeting_id, AgendaInput(f"{who} {n}"))
                services.roles.add_raci_activity(board_id, f"{who} {n}")
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=add, args=(ana, "Ana")),
               threading.Thread(target=add, args=(ben, "Ben"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    places = [item.position for item in ana.meetings.get_meeting(meeting_id).agenda]
    assert len(places) == 11 and len(set(places)) == 11
    with ana.uow() as work:
        rows = work.session.execute(text(
            "SELECT position FROM raci_activities WHERE board_id = :id"), {"id": board_id})
        activities = [row[0] for row in rows]
    assert len(set(activities)) == len(activities) == 10


def test_a_story_session_and_a_feedback_answer_refuse_a_stale_save(two):
    from advocate_app.domain.feedback_views import EventKind, FeedbackInput
    from advocate_app.domain.story_views import StorySessionInput

    ana, ben = two
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(days=5)
    session_id = ana.story_sessions.create(StorySessionInput("Circle", when, place="Hall"))
    seen = ben.story_sessions.get(session_id)
    ana.story_sessions.update(session_id, StorySessionInput("Circle", when, place="Library"),
                              seen.version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.story_sessions.update(session_id, StorySessionInput("Story circle", when,
                                                                place="Hall"), seen.version)
    assert refused.value.theirs.place == "Library"
    assert ana.story_sessions.get(session_id).title == "Circle"

    answer_id = ana.feedback.add(EventKind.MEETING, _meeting(ana), FeedbackInput(rating=3))
    seen = ben.feedback.get(answer_id)
    ana.feedback.update(answer_id, FeedbackInput(rating=4, comments="Better"), seen.version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.feedback.update(answer_id, FeedbackInput(rating=2), seen.version)
    assert (refused.value.theirs.rating, refused.value.theirs.comments) == (4, "Better")
    ben.feedback.update(answer_id, FeedbackInput(rating=2), refused.value.version)
    assert ana.feedback.get(answer_id).rating == 2
