"""Boards and meetings as a secretary runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.community import AccessNeed, Barrier
from advocate_app.domain.governance import (
    AccessArrangement,
    ActionStatus,
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
    MinutesStatus,
    PromiseStatus,
    RaciValue,
    quorum_needed,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.services.errors import ValidationError


@pytest.fixture
def services(any_services):
    return any_services


def _person(services, given, family, **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


def _board(services, quorum_count=0):
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board", quorum_count=quorum_count,
                                              terms_of_reference="Advise on research."))
    people = {
        "chair": _person(services, "Amina", "Haddad"),
        "secretary": _person(services, "Seán", "Murphy",
                             access_needs=frozenset({AccessNeed.LARGE_PRINT})),
        "member": _person(services, "Priya", "Sharma",
                          access_needs=frozenset({AccessNeed.LARGE_PRINT,
                                                  AccessNeed.SIGN_LANGUAGE}),
                          barriers=frozenset({Barrier.TRAVEL})),
        "observer": _person(services, "Olga", "Ivanova"),
        "past": _person(services, "Kwame", "Mensah"),
    }
    boards.set_membership(board_id, people["chair"], BoardRole.CHAIR)
    boards.set_membership(board_id, people["secretary"], BoardRole.SECRETARY)
    boards.set_membership(board_id, people["member"], BoardRole.MEMBER, date(2024, 1, 1))
    boards.set_membership(board_id, people["observer"], BoardRole.OBSERVER)
    boards.set_membership(board_id, people["past"], BoardRole.MEMBER, date(2020, 1, 1),
                          date(2023, 12, 31))
    return board_id, people


def _meeting(services, board_id, when=datetime(2026, 3, 10, 18, 30), **extra):
    return services.meetings.schedule_meeting(MeetingInput(
        board_id, "Spring meeting", when, 90, "Europe/London", place="Community Hall",
        online_link="https://meet.example.org/pab",
        arrangements=frozenset({AccessArrangement.CAPTIONS}), **extra),
        [AgendaInput("Welcome", "Chair", 5), AgendaInput("Study update", "Nurse adviser", 20,
                                                           "Update.pdf")])


def test_a_meeting_invites_current_members_in_the_right_time_zone(services):
    board_id, people = _board(services)
    meeting = services.meetings.get_meeting(_meeting(services, board_id))
    assert {a.member_id for a in meeting.attendees} == {
        people["chair"], people["secretary"], people["member"], people["observer"]}
    assert meeting.starts_at == datetime(2026, 3, 10, 18, 30, tzinfo=UTC)  # GMT in March
    summer = services.meetings.get_meeting(_meeting(services, board_id,
                                                    datetime(2026, 7, 10, 18, 30)))
    assert summer.starts_at == datetime(2026, 7, 10, 17, 30, tzinfo=UTC)  # BST
    assert summer.local_start.hour == 18 and summer.ends_at - summer.starts_at == \
        timedelta(minutes=90)
    assert [i.title for i in meeting.agenda] == ["Welcome", "Study update"]
    needs = dict(services.meetings.invitee_needs(meeting.id))
    assert needs["2 need: large print"] == 2
    assert needs["1 needs: sign-language interpreter"] == 1
    assert needs["1 has a barrier: cannot travel far"] == 1


def test_quorum_counts_voting_members_present(services):
    board_id, people = _board(services)
    meeting_id = _meeting(services, board_id)
    assert quorum_needed(3, 0, 50) == 2 and quorum_needed(4, 0, 50) == 3
    assert not services.meetings.quorum(meeting_id).met
    services.meetings.set_attendance(meeting_id, people["observer"], AttendanceStatus.PRESENT)
    assert services.meetings.quorum(meeting_id).present == 0  # observers do not count
    services.meetings.set_attendance(meeting_id, people["chair"], AttendanceStatus.PRESENT)
    services.meetings.set_attendance(meeting_id, people["member"], AttendanceStatus.PRESENT,
                                     AttendanceMode.REMOTE)
    quorum = services.meetings.quorum(meeting_id)
    assert (quorum.present, quorum.needed, quorum.voting, quorum.met) == (2, 2, 3, True)


def test_matters_arising_carry_open_actions_to_the_next_agenda(services):
    board_id, people = _board(services)
    first = _meeting(services, board_id)
    item = services.meetings.get_meeting(first).agenda[1]
    open_id = services.actions.add_action(
        "Send the study update to all members", meeting_id=first, agenda_item_id=item.id,
        owner_member_id=people["secretary"], due_on=date(2026, 4, 1))
    done_id = services.actions.add_action("Book the hall", meeting_id=first, owner_role="Staff")
    services.actions.set_action_status(done_id, ActionStatus.DONE)
    second = services.meetings.get_meeting(
        _meeting(services, board_id, datetime(2026, 6, 9, 18, 30)))
    arising = [i for i in second.agenda if i.action_id]
    assert [i.action_id for i in arising] == [open_id]
    assert arising[0].title.startswith("Matters arising: Send the study update")
    assert second.agenda[0] == arising[0]


def test_minutes_move_from_draft_to_approved_and_then_stay_as_they_are(services):
    board_id, people = _board(services)
    meeting_id = _meeting(services, board_id)
    meeting = services.meetings.get_meeting(meeting_id)
    services.minutes.start_minutes(meeting_id)
    services.minutes.set_current_item(meeting_id, meeting.agenda[0].id)
    services.minutes.save_notes(meeting.agenda[0].id, "Everyone welcomed.")
    assert services.minutes.meeting_in_progress() == meeting_id
    services.minutes.record_decision(meeting_id, "Publish the lay summary in June",
                                     agenda_item_id=meeting.agenda[1].id, decided_by="All members",
                                     dissent="One member wanted May")
    services.actions.add_promise("Share the results with every member",
                                 you_said="Tell us the results", meeting_id=meeting_id,
                                 owner_role="Chair", due_on=date(2026, 6, 30))
    services.minutes.close_meeting(meeting_id, seconds_on_current=125)
    assert services.minutes.meeting_in_progress() is None
    with pytest.raises(ValidationError, match="circulated"):
        services.minutes.approve(meeting_id)
    services.minutes.circulate(meeting_id)
    next_meeting = _meeting(services, board_id, datetime(2026, 6, 9, 18, 30))
    services.minutes.approve(meeting_id, at_meeting_id=next_meeting,
                             note="Approved without changes")
    approved = services.meetings.get_meeting(meeting_id)
    assert approved.minutes_status is MinutesStatus.APPROVED and approved.read_only
    assert approved.approved_at_meeting_id == next_meeting and approved.approved_by_name
    assert approved.agenda[0].notes == "Everyone welcomed." and \
        approved.agenda[0].seconds_spent == 125
    for change in (lambda: services.minutes.save_notes(approved.agenda[0].id, "changed"),
                   lambda: services.minutes.record_decision(meeting_id, "Something else"),
                   lambda: services.meetings.add_agenda_item(meeting_id, AgendaInput("Late item"))):
        with pytest.raises(ValidationError, match="approved"):
            change()
    assert services.meetings.get_meeting(meeting_id).agenda[0].notes == "Everyone welcomed."


def test_decisions_log_action_tracker_and_promises(services):
    board_id, people = _board(services)
    meeting_id = _meeting(services, board_id)
    services.minutes.record_decision(meeting_id, "Adopt the new consent form", decided_by="Chair")
    services.minutes.record_decision(meeting_id, "Hold the next meeting online")
    assert [d.text for d in services.minutes.decisions(text="consent")] == [
        "Adopt the new consent form"]
    assert len(services.minutes.decisions(board_id=board_id)) == 2
    today = date(2026, 5, 1)
    late = services.actions.add_action("Draft the lay summary", meeting_id=meeting_id,
                                       owner_member_id=people["chair"], due_on=date(2026, 4, 1))
    services.actions.add_action("Update the website", meeting_id=meeting_id, owner_role="Staff",
                                due_on=date(2026, 9, 1))
    with pytest.raises(ValidationError, match="who"):
        services.actions.add_action("Nobody's job", meeting_id=meeting_id)
    assert [a.id for a in services.actions.actions(overdue_on=today)] == [late]
    assert [a.owner for a in services.actions.actions(owner_member_id=people["chair"])] == \
        ["Amina Haddad"]
    assert [a.text for a in services.actions.actions(owner="staff")] == ["Update the website"]
    promise = services.actions.add_promise("Publish a Welsh version", you_said="Not everyone reads "
                                           "English", meeting_id=meeting_id, owner_role="Staff",
                                           due_on=date(2026, 4, 15))
    overdue_actions, overdue_promises = services.actions.reminders(today)
    assert [a.id for a in overdue_actions] == [late]
    assert [p.id for p in overdue_promises] == [promise]
    with pytest.raises(ValidationError, match="evidence"):
        services.actions.update_promise(promise, PromiseStatus.KEPT)
    services.actions.update_promise(promise, PromiseStatus.KEPT,
                                    "The Welsh version is on the website",
                                    date(2026, 4, 20))
    kept = services.actions.promises(status=PromiseStatus.KEPT)
    assert [p.kept_on for p in kept] == [date(2026, 4, 20)]
    assert services.actions.reminders(today)[1] == []


def test_the_roles_matrix_has_one_accountable_party_per_activity(services):
    board_id, people = _board(services)
    protocol = services.roles.add_raci_activity(board_id, "Decide on protocol changes")
    sponsor = services.roles.add_raci_party(board_id, "Trial sponsor")
    board_party = services.roles.add_raci_party(board_id, "Advisory board")
    chair = services.roles.add_raci_party(board_id, "Chair", member_id=people["chair"])
    services.roles.set_raci(protocol, sponsor, RaciValue.ACCOUNTABLE)
    services.roles.set_raci(protocol, board_party, RaciValue.CONSULTED)
    with pytest.raises(ValidationError, match="accountable"):
        services.roles.set_raci(protocol, chair, RaciValue.ACCOUNTABLE)
    services.roles.set_raci(protocol, chair, RaciValue.INFORMED)
    services.roles.set_raci(protocol, board_party, None)
    matrix = services.roles.raci(board_id)
    assert [name for _i, name in matrix.activities] == ["Decide on protocol changes"]
    assert [name for _i, name in matrix.parties] == ["Trial sponsor", "Advisory board", "Chair"]
    assert matrix.cells == {(protocol, sponsor): RaciValue.ACCOUNTABLE,
                            (protocol, chair): RaciValue.INFORMED}


def test_bad_input_is_refused_with_a_reason(services):
    boards = services.boards
    with pytest.raises(ValidationError, match="name"):
        boards.create_board(BoardInput(" "))
    with pytest.raises(ValidationError, match="time zone"):
        boards.create_board(BoardInput("Council", timezone="Mars/Olympus"))
    board_id = boards.create_board(BoardInput("Council"))
    with pytest.raises(ValidationError, match="already"):
        boards.create_board(BoardInput("Council"))
    with pytest.raises(ValidationError, match="https"):
        services.meetings.schedule_meeting(MeetingInput(board_id, "Meet", datetime(2026, 1, 1, 10),
                                                        online_link="meet.example.org"))
    assert services.meetings.list_meetings() == []
    upcoming = services.meetings.schedule_meeting(MeetingInput(board_id, "Later",
                                                               datetime.now() + timedelta(days=30)))
    services.meetings.schedule_meeting(MeetingInput(board_id, "Earlier", datetime(2020, 1, 1, 10)))
    assert [m.id for m in services.meetings.list_meetings(upcoming_only=True)] == [upcoming]


def test_matters_arising_keep_the_whole_action_in_the_agenda_and_the_minutes(services,
                                                                            tmp_path):
    import subprocess

    board_id, people = _board(services)
    first = _meeting(services, board_id)
    text = ("Write to every family on the register about the new trial site in Leeds, "
            "explaining travel support and who to call with questions")
    services.actions.add_action(text, meeting_id=first, owner_member_id=people["secretary"])
    second = _meeting(services, board_id, datetime(2026, 6, 9, 18, 30))
    arising = services.meetings.get_meeting(second).agenda[0]
    assert arising.title == f"Matters arising: {text}"
    path = services.board_documents.export_minutes(second, "pdf", tmp_path / "minutes.pdf")
    shown = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                    text=True, check=True).stdout.split())
    assert "who to call with questions" in shown and "…" not in shown


def test_the_next_meeting_is_one_still_to_happen(services):
    board_id, _people = _board(services)
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

    def meeting(title, starts, minutes):
        return services.meetings.schedule_meeting(MeetingInput(board_id, title, starts, minutes,
                                                               "Europe/London"))

    meeting("Last week", datetime(2026, 3, 3, 12, 0), 60)
    meeting("This morning", datetime(2026, 3, 10, 9, 0), 60)
    ended = meeting("Ended early", datetime(2026, 3, 10, 11, 0), 180)
    services.minutes.start_minutes(ended)
    services.minutes.close_meeting(ended)
    assert services.meetings.next_meeting(now) is None
    meeting("Next month", datetime(2026, 4, 14, 18, 0), 90)
    meeting("Next week", datetime(2026, 3, 17, 18, 0), 90)
    assert services.meetings.next_meeting(now).title == "Next week"
    under_way = meeting("Under way", datetime(2026, 3, 10, 11, 30), 60)
    assert services.meetings.next_meeting(now).id == under_way


def test_approved_minutes_refuse_every_change_to_their_meeting(services):
    board_id, people = _board(services)
    meeting_id = _meeting(services, board_id)
    meeting = services.meetings.get_meeting(meeting_id)
    first = meeting.agenda[0].id
    services.minutes.start_minutes(meeting_id)
    services.minutes.save_notes(first, "Everyone welcomed.")
    action = services.actions.add_action("Send the papers", meeting_id=meeting_id,
                                         owner_role="Secretary")
    promise = services.actions.add_promise("Share the results", meeting_id=meeting_id,
                                           owner_role="Chair")
    services.minutes.circulate(meeting_id)
    services.minutes.approve(meeting_id)
    before = services.meetings.get_meeting(meeting_id)
    outsider = _person(services, "Lena", "Novak")
    renamed = MeetingInput(board_id, "Renamed", datetime(2026, 3, 11, 9, 0), 30, "Europe/Paris",
                           place="Elsewhere")
    changes = {
        "rename, move or re-place": lambda: services.meetings.update_meeting(meeting_id, renamed),
        "add to the agenda": lambda: services.meetings.add_agenda_item(meeting_id,
                                                                       AgendaInput("Late")),
        "edit the agenda": lambda: services.meetings.update_agenda_item(first,
                                                                        AgendaInput("Other")),
        "reorder the agenda": lambda: services.meetings.move_agenda_item(first, 1),
        "remove from the agenda": lambda: services.meetings.remove_agenda_item(first),
        "invite": lambda: services.meetings.invite(meeting_id, outsider),
        "attendance": lambda: services.meetings.set_attendance(meeting_id, people["chair"],
                                                               AttendanceStatus.ABSENT),
        "take minutes again": lambda: services.minutes.start_minutes(meeting_id),
        "move between items": lambda: services.minutes.set_current_item(meeting_id, first),
        "notes": lambda: services.minutes.save_notes(first, "changed"),
        "close": lambda: services.minutes.close_meeting(meeting_id),
        "decision": lambda: services.minutes.record_decision(meeting_id, "Something else"),
        "action item": lambda: services.actions.add_action("More", meeting_id=meeting_id,
                                                           owner_role="Chair"),
        "promise": lambda: services.actions.add_promise("More", meeting_id=meeting_id,
                                                        owner_role="Chair"),
        "circulate again": lambda: services.minutes.circulate(meeting_id),
    }
    for what, change in changes.items():
        with pytest.raises(ValidationError, match="approved and can no longer be changed"):
            change()
            pytest.fail(f"{what} was allowed")
    after = services.meetings.get_meeting(meeting_id)
    assert after == before and after.title == "Spring meeting"
    # Following up is not changing the minutes: the action is done, the promise kept.
    services.actions.set_action_status(action, ActionStatus.DONE)
    services.actions.update_promise(promise, PromiseStatus.KEPT, evidence="Results sent in June")
    assert services.meetings.get_meeting(meeting_id).actions[0].status is ActionStatus.DONE


def test_minutes_that_do_not_exist_are_not_circulated(services):
    board_id, _people = _board(services)
    meeting_id = _meeting(services, board_id)
    services.minutes.start_minutes(meeting_id)
    services.minutes.save_notes(services.meetings.get_meeting(meeting_id).agenda[0].id, "   ")
    with pytest.raises(ValidationError, match="no minutes to circulate yet"):
        services.minutes.circulate(meeting_id)
    assert services.meetings.get_meeting(meeting_id).minutes_status is MinutesStatus.DRAFT
    services.minutes.record_decision(meeting_id, "Meet again in June")
    services.minutes.circulate(meeting_id)
    assert services.meetings.get_meeting(meeting_id).minutes_status is MinutesStatus.CIRCULATED


def test_the_invitee_needs_count_a_large_print_format_as_a_large_print_need(services):
    from advocate_app.domain.community import PrintFormat

    board_id, _people = _board(services)
    observer = _person(services, "Lena", "Novak", print_format=PrintFormat.LARGE_PRINT)
    meeting_id = _meeting(services, board_id)
    services.meetings.invite(meeting_id, observer)
    assert ("3 need: large print", 3) in services.meetings.invitee_needs(meeting_id)
