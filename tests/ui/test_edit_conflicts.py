"""A colleague saved the record open in my editor: both versions side by side, and my choice
(keep mine, saved over theirs; or take theirs) is what is stored. Two clients of one file."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QStatusBar

from advocate_app.app import open_services
from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.edit_conflict import EditConflictDialog
from advocate_app.ui.dialogs.meeting_editor import MeetingEditor, meeting_as_input
from advocate_app.ui.dialogs.minutes_autosave import NotesAutosave
from advocate_app.ui.dialogs.outreach_editor import OutreachEditor
from advocate_app.ui.models.rows import select_id


@pytest.fixture
def colleague(services, app_paths):
    """Someone else's client on the same database file."""
    other = open_services(app_paths.default_database_url(), app_paths)
    yield other
    other.close()


@pytest.fixture
def meeting_id(services):
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board"))
    return services.meetings.schedule_meeting(
        MeetingInput(board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30),
                     place="Community Hall"), [AgendaInput("Welcome", "Chair", 5)])


def _answer(monkeypatch, button: str) -> list[list[tuple[str, str, str]]]:
    """Answer the two-versions dialog by pressing ``button``; what each one showed."""
    shown = []

    def run(dialog):
        assert isinstance(dialog, EditConflictDialog)
        model = dialog.model
        shown.append([tuple(model.index(row, column).data() for column in range(3))
                      for row in range(model.rowCount())])
        getattr(dialog, button).click()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(prompts, "run_modal", run)
    return shown


def test_the_meeting_editor_keeps_both_changes_to_different_fields_without_asking(
        qtbot, services, colleague, meeting_id, monkeypatch):
    board = services.boards.list_boards()[0]
    editor = MeetingEditor(services, board, meeting_id)
    qtbot.addWidget(editor)
    theirs = colleague.meetings.get_meeting(meeting_id)
    colleague.meetings.update_meeting(meeting_id, replace(meeting_as_input(theirs),
                                                          place="Library"), theirs.version)
    editor.title_field.setText("Spring board meeting")
    shown = _answer(monkeypatch, "keep_mine")
    editor.save()
    assert shown == []  # I changed the title, they the place: nothing to choose
    assert editor.result() == editor.DialogCode.Accepted
    stored = colleague.meetings.get_meeting(meeting_id)
    assert (stored.title, stored.place) == ("Spring board meeting", "Library")


def test_taking_theirs_closes_the_outreach_editor_and_keeps_their_blocks(
        qtbot, services, colleague, monkeypatch):
    item = OutreachItem(ItemKind.LEAFLET, "Welcome", "en",
                        (Block("paragraph", {"text": "Hello"}),))
    item_id = services.outreach.save(item)
    editor = OutreachEditor(services, item, item_id)
    qtbot.addWidget(editor)
    colleague.outreach.save(OutreachItem(ItemKind.LEAFLET, "Welcome", "en", (
        Block("paragraph", {"text": "Hello and welcome"}),)), item_id,
        colleague.outreach.version(item_id))
    editor.title_edit.setText("Welcome pack")
    shown = _answer(monkeypatch, "take_theirs")
    editor.save()
    assert shown == [[("Title", "Welcome pack", "Welcome"),
                      ("Block 1", "paragraph\nHello", "paragraph\nHello and welcome")]]
    assert editor.result() == editor.DialogCode.Rejected
    stored = services.outreach.get(item_id)
    assert (stored.title, stored.blocks[0].data["text"]) == ("Welcome", "Hello and welcome")


def test_live_minutes_notes_of_two_secretaries_are_never_overwritten(qtbot, services, colleague,
                                                                     meeting_id, monkeypatch):
    notes, status = QPlainTextEdit(), QStatusBar()
    qtbot.addWidget(notes)
    qtbot.addWidget(status)
    item = services.meetings.get_meeting(meeting_id).agenda[0]
    autosave = NotesAutosave(notes, status, services.minutes.save_notes, lambda: item.id)
    autosave.show_notes(item.notes, item.version)
    notes.setPlainText("Welcome by the chair.")
    autosave.save_now()
    # The other secretary moves to this item (its timer starts): my typing still saves.
    colleague.minutes.set_current_item(meeting_id, item.id)
    notes.appendPlainText("Apologies: two.")
    autosave.save_now()
    assert colleague.minutes.notes(item.id).notes == "Welcome by the chair.\nApologies: two."
    # Then they type over the same item's notes: mine is not saved over theirs silently.
    theirs = colleague.minutes.notes(item.id)
    colleague.minutes.save_notes(item.id, "Chair welcomed all.", theirs.version)
    notes.appendPlainText("Minutes of last time approved.")
    shown = _answer(monkeypatch, "take_theirs")
    autosave.save_now()
    assert shown == [[("Notes", "Welcome by the chair.\nApologies: two.\n"
                                "Minutes of last time approved.", "Chair welcomed all.")]]
    assert notes.toPlainText() == "Chair welcomed all."
    # Typing on from theirs saves without asking again.
    notes.appendPlainText("Minutes approved.")
    autosave.save_now()
    assert len(shown) == 1
    assert colleague.minutes.notes(item.id).notes == "Chair welcomed all.\nMinutes approved."


@pytest.mark.parametrize(("typed", "shown_expected"), [
    # Other evidence: both shown to choose from.
    ("Posted online", [[("Evidence", "Posted online", "Sent in May")]]),
    # The same words, already saved: the same change, nothing to choose.
    ("Sent in May", []),
])
def test_a_promise_a_colleague_already_marked_kept(
        qtbot, services, colleague, meeting_id, monkeypatch, typed, shown_expected):
    from advocate_app.domain.governance import PromiseStatus
    from advocate_app.ui.pages.boards.promises_tab import PromisesTab

    promise_id = services.actions.add_promise("Publish a summary", meeting_id=meeting_id,
                                              owner_role="Chair")
    tab = PromisesTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    select_id(tab.table, promise_id)
    colleague.actions.update_promise(promise_id, PromiseStatus.KEPT, "Sent in May",
                                     expected_version=1)
    monkeypatch.setattr(prompts, "ask_text", lambda *args, **kwargs: typed)
    shown = _answer(monkeypatch, "keep_mine")
    tab.mark_kept()
    assert shown == shown_expected
    kept = colleague.actions.promises(status=None)[0]
    assert (kept.status, kept.evidence) == (PromiseStatus.KEPT, typed)


def test_an_action_a_colleague_already_marked_done_asks_nothing(
        qtbot, services, colleague, meeting_id, monkeypatch):
    from advocate_app.domain.governance import ActionStatus
    from advocate_app.ui.pages.boards.actions_tab import ActionsTab

    action_id = services.actions.add_action("Send the update", meeting_id=meeting_id,
                                            owner_role="Chair")
    tab = ActionsTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    select_id(tab.table, action_id)
    colleague.actions.set_action_status(action_id, ActionStatus.DONE, 1)
    shown = _answer(monkeypatch, "keep_mine")
    tab.mark_done()
    assert shown == []
    assert colleague.actions.actions(meeting_id=meeting_id, status=None)[0].status == ActionStatus.DONE


def test_the_member_editor_keeps_their_email_and_my_name_then_asks_about_one_field_both_changed(
        qtbot, services, colleague, monkeypatch):
    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

    member = services.members.create(MemberInput(given_name="Zoe", family_name="Nunez",
                                                 email="zoe@example.org"))
    editor = MemberEditorDialog(services, member)
    qtbot.addWidget(editor)
    theirs = colleague.members.get(member.id)
    colleague.members.update(member.id, replace(theirs, email="zoe.n@example.org"),
                             theirs.version)
    editor.given_name.setText("Zoë")
    shown = _answer(monkeypatch, "keep_mine")
    editor.save()
    assert shown == []  # I changed the name, they the email: nothing to choose
    stored = colleague.members.get(member.id)
    assert (stored.given_name, stored.email) == ("Zoë", "zoe.n@example.org")

    editor = MemberEditorDialog(services, services.members.get(member.id))
    qtbot.addWidget(editor)
    colleague.members.update(member.id, replace(stored, email="zoe@example.net",
                                                phone="0161 496 0000"), stored.version)
    editor.email.setText("zoe@example.com")
    editor.save()
    assert shown == [[("Email", "zoe@example.com", "zoe@example.net")]]
    stored = colleague.members.get(member.id)
    assert (stored.email, stored.phone) == ("zoe@example.com", "0161 496 0000")


def test_live_minutes_show_the_other_secretarys_notes_while_this_one_is_not_typing(
        qtbot, services, colleague, meeting_id, monkeypatch):
    from advocate_app.ui.dialogs.live_minutes import LiveMinutesWindow

    window = LiveMinutesWindow(services, meeting_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.change_watch.timer.setInterval(50)
    item = services.meetings.get_meeting(meeting_id).agenda[0]
    qtbot.waitUntil(lambda: window._current_id == item.id, timeout=3000)
    theirs = colleague.minutes.notes(item.id)
    colleague.minutes.save_notes(item.id, "Chair welcomed all.", theirs.version)
    qtbot.waitUntil(lambda: window.notes.toPlainText() == "Chair welcomed all.", timeout=5000)
    # Typing on from theirs saves without asking.
    window.notes.appendPlainText("Apologies: two.")
    window.save_now()
    assert colleague.minutes.notes(item.id).notes == "Chair welcomed all.\nApologies: two."
    window.autosave.timer.stop()


def test_a_registration_that_fills_the_webinar_asks_nothing_and_both_changes_survive(
        qtbot, services, colleague, monkeypatch):
    from datetime import timedelta

    from advocate_app.domain.webinar_kinds import WebinarStatus
    from advocate_app.domain.webinar_views import WebinarInput
    from advocate_app.ui.dialogs.webinar_editor import WebinarEditor

    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=10)
    webinar = services.webinars.create(WebinarInput("Fatigue", starts, capacity=1,
                                                    status=WebinarStatus.OPEN))
    member = colleague.members.create(MemberInput(given_name="Zoe", family_name="Nunez"))
    editor = WebinarEditor(services, webinar.id)
    qtbot.addWidget(editor)
    colleague.webinars.register(webinar.id, member.id)  # the last place: now full
    assert colleague.webinars.get(webinar.id).status is WebinarStatus.FULL
    editor.title_field.setText("Living with fatigue")
    shown = _answer(monkeypatch, "keep_mine")
    editor.save()
    assert shown == []  # only the status moved, and not by this editor: no question
    assert editor.result() == editor.DialogCode.Accepted
    stored = colleague.webinars.get(webinar.id)
    assert (stored.title, stored.status) == ("Living with fatigue", WebinarStatus.FULL)
    assert stored.registered == 1


def test_the_meeting_editor_asks_only_about_the_field_both_changed(qtbot, services, colleague,
                                                                  meeting_id, monkeypatch):
    board = services.boards.list_boards()[0]
    editor = MeetingEditor(services, board, meeting_id)
    qtbot.addWidget(editor)
    theirs = colleague.meetings.get_meeting(meeting_id)
    colleague.meetings.update_meeting(meeting_id, replace(
        meeting_as_input(theirs), title="Spring gathering", place="Library"), theirs.version)
    editor.title_field.setText("Spring board meeting")
    shown = _answer(monkeypatch, "keep_mine")
    editor.save()
    assert shown == [[("Title", "Spring board meeting", "Spring gathering")]]
    stored = colleague.meetings.get_meeting(meeting_id)
    assert (stored.title, stored.place) == ("Spring board meeting", "Library")


def test_the_consent_tab_shows_a_colleagues_answer_for_the_same_purpose(
        qtbot, services, colleague, monkeypatch):
    from datetime import date

    from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
    from advocate_app.services.consent import ConsentEntry
    from advocate_app.ui.dialogs.member_tab_consent import ConsentTab

    member = services.members.create(MemberInput(given_name="Zoe", family_name="Nunez"))
    tab = ConsentTab(services, services.members.get(member.id))
    qtbot.addWidget(tab)
    colleague.consent.record(member.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER, date.today(),
        evidence="Signed form"))
    tab.purpose.setCurrentIndex(tab.purpose.findData(ConsentPurpose.NEWSLETTER.value))
    tab.status.setCurrentIndex(tab.status.findData(ConsentStatus.WITHDRAWN.value))
    shown = _answer(monkeypatch, "take_theirs")
    tab.record()
    assert len(shown) == 1 and shown[0][0][0] == ConsentPurpose.NEWSLETTER.label
    assert "Signed form" in shown[0][0][2] and ConsentStatus.WITHDRAWN.label in shown[0][0][1]
    assert [r.status for r in colleague.consent.history(member.id)] == [ConsentStatus.GRANTED]
    assert "Their answer is kept" in tab.message.text()
    # Another purpose is recorded without a question, and so is one answered again.
    tab.purpose.setCurrentIndex(tab.purpose.findData(ConsentPurpose.EVENTS.value))
    tab.record()
    tab.purpose.setCurrentIndex(tab.purpose.findData(ConsentPurpose.NEWSLETTER.value))
    shown = _answer(monkeypatch, "keep_mine")
    tab.record()
    assert shown == []  # the tab was read again after theirs was kept
    now = colleague.consent.current(member.id)
    assert now[ConsentPurpose.NEWSLETTER].status is ConsentStatus.WITHDRAWN
    assert now[ConsentPurpose.EVENTS].status is ConsentStatus.WITHDRAWN


def test_the_roles_matrix_asks_only_when_a_colleague_changed_the_same_cell(
        qtbot, services, colleague, monkeypatch):
    from advocate_app.domain.governance import RaciValue
    from advocate_app.ui.dialogs.raci_editor import RaciEditor

    board_id = services.boards.create_board(BoardInput("Council"))
    activity = services.roles.add_raci_activity(board_id, "Approve lay summaries")
    chair = services.roles.add_raci_party(board_id, "Chair")
    services.roles.add_raci_party(board_id, "Research team")
    editor = RaciEditor(services, services.boards.get_board(board_id))
    qtbot.addWidget(editor)
    seen = colleague.roles.raci(board_id).versions[activity]
    colleague.roles.set_raci(activity, chair, RaciValue.ACCOUNTABLE, seen)
    shown = _answer(monkeypatch, "keep_mine")
    assert editor.set_cell(0, 1, RaciValue.RESPONSIBLE)  # another cell of the row: no question
    assert shown == []
    assert editor.value_at(0, 0) is RaciValue.ACCOUNTABLE  # theirs shown beside mine
    colleague.roles.set_raci(activity, chair, RaciValue.CONSULTED,
                             colleague.roles.raci(board_id).versions[activity])
    assert editor.set_cell(0, 0, RaciValue.INFORMED) is True  # the same cell: both shown
    assert shown == [[("Approve lay summaries, Chair", RaciValue.INFORMED.label,
                       RaciValue.CONSULTED.label)]]
    cells = colleague.roles.raci(board_id).cells
    assert cells[(activity, chair)] is RaciValue.INFORMED
    assert len(cells) == 2


def test_the_board_editor_keeps_a_colleagues_change_to_a_seat_it_did_not_touch(
        qtbot, services, colleague, monkeypatch):
    from datetime import date

    from advocate_app.domain.governance import BoardRole
    from advocate_app.ui.dialogs.board_editor import BoardEditor

    board_id = services.boards.create_board(BoardInput("Council"))
    ada = services.members.create(MemberInput(given_name="Ada", family_name="Example"))
    bo = services.members.create(MemberInput(given_name="Bo", family_name="Example"))
    for member in (ada, bo):
        services.boards.set_membership(board_id, member.id, BoardRole.MEMBER)
    editor = BoardEditor(services, services.boards.get_board(board_id))
    qtbot.addWidget(editor)
    for member, role in ((ada, BoardRole.CHAIR), (bo, BoardRole.SECRETARY)):
        seat = colleague.boards.seat(board_id, member.id)
        colleague.boards.set_membership(board_id, member.id, role, None, None, seat.version)
    colleague.boards.set_membership(board_id, bo.id, BoardRole.SECRETARY, None,
                                    date(2027, 6, 30),
                                    colleague.boards.seat(board_id, bo.id).version)
    # Here: Ada's seat is left alone, Bo's term is changed and his role made chair.
    seat = next(s for s in editor._seats if s.member_id == bo.id)
    seat.role, seat.term_start = BoardRole.CHAIR, date(2026, 1, 1)
    editor.name_field.setText("Patients' council")
    shown = _answer(monkeypatch, "keep_mine")
    editor.save()
    assert shown == [[("Bo Example: Role", BoardRole.CHAIR.label, BoardRole.SECRETARY.label)]]
    assert editor.result() == editor.DialogCode.Accepted
    ada_seat, bo_seat = (colleague.boards.seat(board_id, m.id) for m in (ada, bo))
    assert ada_seat.role is BoardRole.CHAIR  # their change to a seat not touched here stays
    assert (bo_seat.role, bo_seat.term_start, bo_seat.term_end) == (
        BoardRole.CHAIR, date(2026, 1, 1), date(2027, 6, 30))
    assert colleague.boards.get_board(board_id).name == "Patients' council"


def test_a_check_in_a_colleague_already_made_differently_shows_both(qtbot, services, colleague,
                                                                     monkeypatch):
    from datetime import timedelta

    from advocate_app.domain.webinar_kinds import AttendanceOutcome, WebinarStatus
    from advocate_app.domain.webinar_views import WebinarInput
    from advocate_app.ui.pages.webinars import WebinarsPage

    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=1)
    webinar = services.webinars.create(WebinarInput("Fatigue", starts,
                                                    status=WebinarStatus.OPEN))
    ada = services.members.create(MemberInput(given_name="Ada", family_name="Example"))
    registration = services.webinars.register(webinar.id, ada.id)
    page = WebinarsPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.refresh()
    page.select_webinar(webinar.id)
    page.tabs.setCurrentWidget(page.registrations_tab)
    page.registrations_tab.select_registration(registration.id)
    colleague.webinars.check_in(registration.id, True)
    shown = _answer(monkeypatch, "take_theirs")
    page.registrations_tab.check_in(False)
    assert shown == [[("Attendance", "Did not come", "Attended")]]
    stored = colleague.webinars.registrations(webinar.id)[0]
    assert stored.attendance is AttendanceOutcome.ATTENDED
    # They changed only the minutes attended: no question, checked in at once.
    colleague.webinars.check_in(registration.id, True, 45)
    page.registrations_tab.select_registration(registration.id)
    colleague.webinars.check_in(registration.id, True, 50)
    shown = _answer(monkeypatch, "keep_mine")
    page.registrations_tab.check_in(True)
    assert shown == []


def test_the_story_editor_keeps_a_colleagues_title_and_my_words_and_does_not_undo_them(
        qtbot, services, colleague, monkeypatch):
    from advocate_app.domain.story_views import StoryInput
    from advocate_app.ui.dialogs.story_editor import StoryEditor

    story_id = services.stories.create(StoryInput(title="Seven years",
                                                  text="It took seven years."))
    editor = StoryEditor(services, story_id)
    qtbot.addWidget(editor)
    theirs = colleague.stories.get(story_id)
    colleague.stories.update(story_id, replace(StoryInput(theirs.title, theirs.text),
                                               title="Seven long years"), theirs.version)
    editor.text_field.setPlainText("It took seven years to be believed.")
    shown = _answer(monkeypatch, "keep_mine")
    assert editor._saved_now()
    assert shown == []
    # Saved again from the same form (as adding a quote does): their title still stands.
    editor.text_field.setPlainText("It took seven years to be believed. Then it changed.")
    assert editor._saved_now()
    stored = colleague.stories.get(story_id)
    assert (stored.title, stored.text) == ("Seven long years",
                                           "It took seven years to be believed. Then it changed.")
    assert shown == []


def test_the_session_editor_keeps_their_place_and_my_title(qtbot, services, colleague,
                                                           monkeypatch):
    from datetime import timedelta

    from advocate_app.domain.story_views import StorySessionInput
    from advocate_app.ui.dialogs.story_session_editor import (
        StorySessionEditor,
        session_as_input,
    )

    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=7)
    session_id = services.story_sessions.create(StorySessionInput(
        "Sharing circle", starts, place="Community Hall"))
    editor = StorySessionEditor(services, session_id)
    qtbot.addWidget(editor)
    theirs = colleague.story_sessions.get(session_id)
    colleague.story_sessions.update(session_id, replace(session_as_input(theirs),
                                                        place="Library"), theirs.version)
    editor.title_field.setText("Spring sharing circle")
    shown = _answer(monkeypatch, "keep_mine")
    editor.save()
    assert shown == []
    stored = colleague.story_sessions.get(session_id)
    assert (stored.title, stored.place) == ("Spring sharing circle", "Library")


def test_feedback_edited_by_two_keeps_their_comment_and_my_rating(qtbot, services, colleague,
                                                                  meeting_id, monkeypatch):
    from advocate_app.domain.feedback_views import EventKind, FeedbackInput
    from advocate_app.ui.widgets import feedback_panel as panel_module
    from advocate_app.ui.widgets.feedback_panel import FeedbackPanel

    answer_id = services.feedback.add(EventKind.MEETING, meeting_id,
                                      FeedbackInput(rating=3, worked="Clear papers"))
    panel = FeedbackPanel(services, EventKind.MEETING)
    qtbot.addWidget(panel, before_close_func=lambda w: w.wait())
    panel.set_event(meeting_id)
    select_id(panel.table, answer_id)
    seen = colleague.feedback.get(answer_id)
    colleague.feedback.update(answer_id, FeedbackInput(
        rating=3, worked="Clear papers", comments="Call me back"), seen.version)
    monkeypatch.setattr(panel_module, "ask_answer", lambda _s, _p, answer: FeedbackInput(
        rating=5, worked=answer.worked, comments=answer.comments))
    shown = _answer(monkeypatch, "keep_mine")
    panel.edit_answer()
    assert shown == []
    stored = colleague.feedback.get(answer_id)
    assert (stored.rating, stored.comments) == (5, "Call me back")


def test_cancelling_a_webinar_a_registration_just_filled_asks_nothing(qtbot, services,
                                                                     colleague, monkeypatch):
    from datetime import timedelta

    from advocate_app.domain.webinar_kinds import WebinarStatus
    from advocate_app.domain.webinar_views import WebinarInput
    from advocate_app.ui.dialogs.webinar_editor import WebinarEditor

    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=10)
    webinar = services.webinars.create(WebinarInput("Fatigue", starts, capacity=1,
                                                    status=WebinarStatus.OPEN))
    member = colleague.members.create(MemberInput(given_name="Zoe", family_name="Nunez"))
    editor = WebinarEditor(services, webinar.id)
    qtbot.addWidget(editor)
    colleague.webinars.register(webinar.id, member.id)  # full now: nobody's edit
    editor.status_combo.setCurrentIndex(
        editor.status_combo.findData(WebinarStatus.CANCELLED.value))
    shown = _answer(monkeypatch, "take_theirs")
    editor.save()
    assert shown == []
    assert colleague.webinars.get(webinar.id).status is WebinarStatus.CANCELLED


def test_removing_a_seat_a_colleague_just_changed_shows_theirs_and_keeps_it_when_asked(
        qtbot, services, colleague, monkeypatch):
    from advocate_app.domain.governance import BoardRole
    from advocate_app.ui.dialogs.board_editor import BoardEditor

    board_id = services.boards.create_board(BoardInput("Council"))
    ada = services.members.create(MemberInput(given_name="Ada", family_name="Example"))
    services.boards.set_membership(board_id, ada.id, BoardRole.MEMBER)
    editor = BoardEditor(services, services.boards.get_board(board_id))
    qtbot.addWidget(editor)
    seat = colleague.boards.seat(board_id, ada.id)
    colleague.boards.set_membership(board_id, ada.id, BoardRole.CHAIR, None, None, seat.version)
    editor.members_table.selectRow(0)
    editor.remove_member()
    shown = _answer(monkeypatch, "take_theirs")
    editor.save()
    assert shown == [[("Ada Example", "Not on the board", BoardRole.CHAIR.label)]]
    assert colleague.boards.seat(board_id, ada.id).role is BoardRole.CHAIR
