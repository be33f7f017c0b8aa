"""Two people changing the same roles-matrix row or the same member's consent, each through
their own connection: the second change is refused with what the first stored, and only a
change to the same thing (the same cell, the same purpose) is a conflict."""

from __future__ import annotations

from datetime import date

import pytest

from advocate_app.domain.board_views import BoardInput
from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.domain.governance import RaciValue
from advocate_app.domain.member_views import MemberInput
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.errors import ConcurrentEditError


def test_a_roles_matrix_cell_changed_by_a_colleague_is_never_overwritten_silently(two):
    ana, ben = two
    board_id = ana.boards.create_board(BoardInput("Council"))
    activity = ana.roles.add_raci_activity(board_id, "Approve lay summaries")
    chair = ana.roles.add_raci_party(board_id, "Chair")
    team = ana.roles.add_raci_party(board_id, "Research team")
    hers, his = ana.roles.raci(board_id), ben.roles.raci(board_id)
    assert hers.versions[activity] == his.versions[activity]
    ana.roles.set_raci(activity, chair, RaciValue.ACCOUNTABLE, hers.versions[activity])
    with pytest.raises(ConcurrentEditError) as refused:
        ben.roles.set_raci(activity, chair, RaciValue.INFORMED, his.versions[activity])
    assert refused.value.theirs.cells == {chair: RaciValue.ACCOUNTABLE}
    assert ana.roles.raci(board_id).cells == {(activity, chair): RaciValue.ACCOUNTABLE}
    # Saved over theirs from the version the refusal carried.
    version = ben.roles.set_raci(activity, team, RaciValue.RESPONSIBLE, refused.value.version)
    assert version == refused.value.version + 1
    assert ana.roles.raci(board_id).cells == {(activity, chair): RaciValue.ACCOUNTABLE,
                                              (activity, team): RaciValue.RESPONSIBLE}
    assert ana.roles.raci(board_id).versions[activity] == version


def test_an_answer_recorded_by_a_colleague_for_the_same_purpose_is_never_hidden(two):
    ana, ben = two
    member = ana.members.create(MemberInput(given_name="Ada", family_name="Example"))
    member_id = getattr(member, "id", member)
    seen = ben.consent.current(member_id)
    assert seen[ConsentPurpose.NEWSLETTER].latest == 0
    today = date.today()
    granted = ConsentEntry(ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED,
                           ConsentMethod.PAPER, today, evidence="signed form")
    ana.consent.record(member_id, granted, ana.consent.current(member_id)[
        ConsentPurpose.NEWSLETTER].latest)
    withdrawn = ConsentEntry(ConsentPurpose.NEWSLETTER, ConsentStatus.WITHDRAWN,
                             ConsentMethod.VERBAL, today)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.consent.record(member_id, withdrawn, seen[ConsentPurpose.NEWSLETTER].latest)
    theirs = refused.value.theirs
    assert (theirs.status, theirs.evidence) == (ConsentStatus.GRANTED, "signed form")
    assert len(ana.consent.history(member_id)) == 1  # nothing of his recorded
    # Another purpose is not the same answer: recorded at once.
    ben.consent.record(member_id, ConsentEntry(
        ConsentPurpose.EVENTS, ConsentStatus.GRANTED, ConsentMethod.VERBAL, today),
        seen[ConsentPurpose.EVENTS].latest)
    # He keeps his: recorded on top of theirs.
    ben.consent.record(member_id, withdrawn, refused.value.version)
    now = ana.consent.current(member_id)
    assert now[ConsentPurpose.NEWSLETTER].status is ConsentStatus.WITHDRAWN
    assert now[ConsentPurpose.EVENTS].status is ConsentStatus.GRANTED


def test_a_seat_changed_by_a_colleague_is_never_overwritten_silently(two):
    from advocate_app.domain.governance import BoardRole

    ana, ben = two
    board_id = ana.boards.create_board(BoardInput("Council"))
    member = ana.members.create(MemberInput(given_name="Ada", family_name="Example"))
    other = ana.members.create(MemberInput(given_name="Bo", family_name="Example"))
    version = ana.boards.set_membership(board_id, member.id, BoardRole.MEMBER,
                                        expected_version=0)
    seen = ben.boards.seat(board_id, member.id)
    assert seen.version == version
    ana.boards.set_membership(board_id, member.id, BoardRole.CHAIR, None, date(2027, 1, 1),
                              version)
    with pytest.raises(ConcurrentEditError) as refused:
        ben.boards.set_membership(board_id, member.id, BoardRole.SECRETARY, None, None,
                                  seen.version)
    assert refused.value.theirs.role is BoardRole.CHAIR
    assert ana.boards.seat(board_id, member.id).role is BoardRole.CHAIR
    with pytest.raises(ConcurrentEditError):  # nor removed from under her change
        ben.boards.remove_membership(board_id, member.id, seen.version)
    with pytest.raises(ConcurrentEditError):  # a seat both add: the second is asked
        ana.boards.set_membership(board_id, other.id, BoardRole.MEMBER, expected_version=0)
        ben.boards.set_membership(board_id, other.id, BoardRole.CHAIR, expected_version=0)
    ben.boards.set_membership(board_id, member.id, BoardRole.SECRETARY, None, None,
                              refused.value.version)
    assert ana.boards.seat(board_id, member.id).role is BoardRole.SECRETARY


def test_a_registration_changed_by_a_colleague_is_never_overwritten_silently(two):
    from datetime import datetime, timedelta

    from advocate_app.domain.webinar_kinds import (
        AttendanceOutcome,
        RegistrationStatus,
        WebinarStatus,
    )
    from advocate_app.domain.webinar_views import WebinarInput

    ana, ben = two
    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=3)
    webinar = ana.webinars.create(WebinarInput("Fatigue", starts, status=WebinarStatus.OPEN))
    member = ana.members.create(MemberInput(given_name="Ada", family_name="Example"))
    ana.webinars.register(webinar.id, member.id)
    seen = ben.webinars.registrations(webinar.id)[0]
    hers = ana.webinars.check_in(seen.id, True, expected_version=seen.version)
    assert hers.version > seen.version
    with pytest.raises(ConcurrentEditError) as refused:
        ben.webinars.check_in(seen.id, False, expected_version=seen.version)
    assert refused.value.theirs.attendance is AttendanceOutcome.ATTENDED
    with pytest.raises(ConcurrentEditError):
        ben.webinars.cancel_registration(seen.id, seen.version)
    stored = ana.webinars.registrations(webinar.id)[0]
    assert (stored.status, stored.attendance) == (RegistrationStatus.REGISTERED,
                                                  AttendanceOutcome.ATTENDED)
    ben.webinars.check_in(seen.id, False, expected_version=refused.value.version)
    assert ana.webinars.registrations(webinar.id)[0].attendance is AttendanceOutcome.NO_SHOW


def test_decisions_two_secretaries_record_both_stay_and_approval_meanwhile_refuses(two):
    """Decisions are only ever added (no window changes one): two secretaries recording at
    once both keep theirs; minutes approved while a decision is being recorded refuse it,
    never take it in after their approval."""
    import threading
    import time
    from datetime import datetime

    from sqlalchemy import text

    from advocate_app.domain.board_views import AgendaInput, MeetingInput
    from advocate_app.services.errors import ValidationError

    ana, ben = two
    board_id = ana.boards.create_board(BoardInput("Council"))
    meeting_id = ana.meetings.schedule_meeting(MeetingInput(
        board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30)), [AgendaInput("Welcome")])
    ana.minutes.record_decision(meeting_id, "Adopt the leaflet.")
    ben.minutes.record_decision(meeting_id, "Hold a walk in May.")
    assert sorted(d.text for d in ana.minutes.decisions(meeting_id=meeting_id)) == [
        "Adopt the leaflet.", "Hold a walk in May."]

    outcome: list[object] = []
    engine = ana.database.engine
    with engine.connect() as other:  # a third client approving the minutes
        other.execute(text("UPDATE meetings SET version = version WHERE id = :id"),
                      {"id": meeting_id})

        def record() -> None:
            try:
                outcome.append(ben.minutes.record_decision(meeting_id, "Late decision."))
            except (ValidationError, ConcurrentEditError) as exc:
                outcome.append(exc)

        thread = threading.Thread(target=record)
        thread.start()
        time.sleep(0.5)  # the decision is under way while the approval is not committed
        other.execute(text("UPDATE meetings SET minutes_status = 'approved' WHERE id = :id"),
                      {"id": meeting_id})
        other.commit()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], ValidationError), outcome
    assert "Late decision." not in [d.text for d in ana.minutes.decisions(meeting_id=meeting_id)]


def test_answers_for_one_purpose_and_one_matrix_cell_recorded_in_the_same_instant(two):
    """Both start from what they saw and save at once: exactly one is kept each time."""
    import threading

    from advocate_app.domain.governance import RaciValue

    ana, ben = two
    member = ana.members.create(MemberInput(given_name="Ada", family_name="Example"))
    board_id = ana.boards.create_board(BoardInput("Council"))
    activity = ana.roles.add_raci_activity(board_id, "Approve lay summaries")
    chair = ana.roles.add_raci_party(board_id, "Chair")
    version = ana.roles.raci(board_id).versions[activity]
    today = date.today()

    def at_once(work) -> list[object]:
        start = threading.Barrier(2, timeout=10)
        outcomes: list[object] = []

        def run(services, value) -> None:
            start.wait()
            try:
                outcomes.append(work(services, value))
            except ConcurrentEditError as exc:
                outcomes.append(exc)

        threads = [threading.Thread(target=run, args=(services, value))
                   for services, value in ((ana, 0), (ben, 1))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        return outcomes

    statuses = (ConsentStatus.GRANTED, ConsentStatus.WITHDRAWN)
    outcomes = at_once(lambda services, n: services.consent.record(member.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, statuses[n], ConsentMethod.VERBAL, today), 0))
    assert len(outcomes) == 2
    assert sum(isinstance(o, ConcurrentEditError) for o in outcomes) == 1
    assert len(ana.consent.history(member.id)) == 1
    values = (RaciValue.ACCOUNTABLE, RaciValue.INFORMED)
    outcomes = at_once(lambda services, n: services.roles.set_raci(activity, chair, values[n],
                                                                    version))
    assert len(outcomes) == 2
    assert sum(isinstance(o, ConcurrentEditError) for o in outcomes) == 1
    assert ana.roles.raci(board_id).versions[activity] == version + 1
