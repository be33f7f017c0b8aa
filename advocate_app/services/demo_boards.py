"""Sample boards for the demo: an advisory board and a steering committee with members from
the sample community, two past meetings (minutes approved and circulated, decisions with
dissent, action items one of them overdue, promises one of them kept), an upcoming meeting with
matters arising, and a roles matrix. Written with the models in the demo's own transaction."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from advocate_app.domain.people import Actor
from advocate_app.services.demo_time import BASE_TIME

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_BOARD_ZONE = "Europe/London"
_BOARD_PLACE = "Community Hall, Room 2 (ground floor)"
_BOARD_LINK = "https://meet.example.org/patient-advisory-board"


def add_sample_boards(session: Session, actor: Actor, rng_seed: int
                      ) -> tuple[int, int]:
    """A patient advisory board with two past meetings and one coming up, and a research
    steering committee, once (not when a board exists already).

    Members are picked with their own generator from the people in the database, so the same
    seed picks the same people. The past meetings have fixed dates (before ``BASE_TIME``); the
    next meeting is three weeks from today, so the sample always has one to come. Returns
    (boards, meetings) added.
    """
    import uuid
    from datetime import date, time
    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select

    from advocate_app.domain.boards import (
        ActionItem,
        AgendaItem,
        Attendance,
        Board,
        BoardMembership,
        Decision,
        Meeting,
        Promise,
        RaciActivity,
        RaciCell,
        RaciParty,
    )
    from advocate_app.domain.community import EngagementKind
    from advocate_app.domain.governance import DEFAULT_RACI_ACTIVITIES
    from advocate_app.domain.members import Member
    from advocate_app.services import timeline
    from advocate_app.services.board_common import attendance_texts, invitation_text

    if session.scalar(select(func.count()).select_from(Board)):
        return 0, 0
    pool = list(session.scalars(select(Member.id).where(Member.archived_at.is_(None))
                                .order_by(Member.id)))
    if len(pool) < 8:
        return 0, 0  # too few people for a board with a chair, a secretary and members
    rng = random.Random(f"boards-{rng_seed}")
    picked = rng.sample(pool, min(len(pool), 13))
    chair, secretary, observer = picked[0], picked[1], picked[2]
    members = picked[3:8]
    past_member = picked[8] if len(picked) > 8 else None
    committee = picked[9:13] if len(picked) >= 13 else picked[3:7]
    zone = ZoneInfo(_BOARD_ZONE)

    def utc(day: date, hour: int = 18, minute: int = 30) -> datetime:
        return datetime.combine(day, time(hour, minute), zone).astimezone(UTC)

    def uid(number: int) -> str:
        return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'advocate-demo-{rng_seed}-{number}')}" \
               "@advocate.invalid"

    # -- the boards and who sits on them ------------------------------------------------------
    advisory = Board(
        name="Patient Advisory Board", kind="advisory_board", quorum_count=0,
        quorum_percent=50, timezone=_BOARD_ZONE, created_at=BASE_TIME,
        created_by=actor.account_id,
        terms_of_reference=(
            "The board brings the experience of patients and families to the charity's "
            "research work. It reviews study plans and patient-facing materials, advises trial "
            "sponsors, and reports back to the community. It meets four times a year; a "
            "meeting is quorate when more than half of the voting members are present, in "
            "person or online."))
    steering = Board(
        name="Research Steering Committee", kind="steering_committee", quorum_count=4,
        quorum_percent=50, timezone=_BOARD_ZONE, created_at=BASE_TIME,
        created_by=actor.account_id,
        terms_of_reference=(
            "The committee oversees the natural-history study and the patient registry: "
            "data access requests, publications and the annual report to funders."))
    session.add_all([advisory, steering])
    session.flush()
    term = date(2024, 1, 1)
    memberships = [(chair, "chair"), (secretary, "secretary"), (observer, "observer"),
                   *[(m, "member") for m in members]]
    for member_id, role in memberships:
        session.add(BoardMembership(board_id=advisory.id, member_id=member_id, role=role,
                                    term_start=term if role != "observer" else date(2025, 1, 1)))
    if past_member is not None:
        session.add(BoardMembership(board_id=advisory.id, member_id=past_member, role="member",
                                    term_start=date(2021, 1, 1), term_end=date(2024, 12, 31)))
    steering_roles = [(members[0], "chair"), (secretary, "secretary"),
                      *[(m, "member") for m in committee if m not in (members[0], secretary)]]
    for member_id, role in steering_roles:
        session.add(BoardMembership(board_id=steering.id, member_id=member_id, role=role,
                                    term_start=date(2025, 4, 1), term_end=date(2028, 3, 31)))

    # -- two past meetings -----------------------------------------------------------------------
    first_day, second_day = date(2025, 10, 14), date(2025, 12, 9)
    first = Meeting(board_id=advisory.id, title="Autumn meeting", starts_at=utc(first_day),
                    ends_at=utc(first_day, 20, 30), timezone=_BOARD_ZONE, place=_BOARD_PLACE,
                    online_link=_BOARD_LINK, arrangements="breaks,captions,step_free",
                    uid=uid(1), sequence=1, live_started_at=utc(first_day),
                    closed_at=utc(first_day, 20, 25), minutes_status="approved",
                    circulated_at=utc(date(2025, 10, 21), 10, 0),
                    approved_at=utc(second_day, 18, 40), approved_by=actor.account_id,
                    approval_note="Approved with one correction: the date of the sponsor's "
                                  "webinar is 3 November, not 3 October.",
                    created_at=utc(date(2025, 9, 1), 10, 0))
    second = Meeting(board_id=advisory.id, title="Winter meeting", starts_at=utc(second_day),
                     ends_at=utc(second_day, 20, 30), timezone=_BOARD_ZONE, place=_BOARD_PLACE,
                     online_link=_BOARD_LINK, arrangements="breaks,captions,large_print_papers",
                     arrangements_notes="Papers sent in large print to two members on request.",
                     uid=uid(2), live_started_at=utc(second_day),
                     closed_at=utc(second_day, 20, 20), minutes_status="circulated",
                     circulated_at=utc(date(2025, 12, 16), 10, 0),
                     created_at=utc(date(2025, 11, 1), 10, 0))
    session.add_all([first, second])
    session.flush()
    first.approved_at_meeting_id = second.id

    def attend(meeting: Meeting, member_id: int, status: str, mode: str = "in_person",
               role: str = "member") -> None:
        session.add(Attendance(meeting_id=meeting.id, member_id=member_id, status=status,
                               mode=mode, role=role))
        # On the member's timeline as the boards service writes it: invited, then how.
        timeline.write(session, EngagementKind.MEETING, [
            (member_id, invitation_text(meeting, advisory.name))],
            recorded_by=actor.account_id, occurred_on=meeting.created_at.date())
        timeline.write(session, EngagementKind.MEETING, [
            (member_id, attendance_texts(meeting, advisory.name)[(status, mode)])],
            recorded_by=actor.account_id, occurred_on=meeting.starts_at.date())

    for meeting, absent_one in ((first, members[4]), (second, members[2])):
        attend(meeting, chair, "present", role="chair")
        attend(meeting, secretary, "present", role="secretary")
        attend(meeting, observer, "present", "remote", "observer")
        for index, member_id in enumerate(members):
            if member_id == absent_one:
                attend(meeting, member_id, "apologies")
            else:
                attend(meeting, member_id, "present", "remote" if index == 1 else "in_person")

    def agenda(meeting: Meeting, entries: list[tuple[str, str, int, str]],
               held: bool = True) -> list[AgendaItem]:
        items = [AgendaItem(meeting_id=meeting.id, position=position, title=title,
                            presenter=presenter, minutes_allotted=minutes, notes=notes,
                            notes_saved_at=meeting.closed_at if held else None,
                            started_at=meeting.starts_at if held else None,
                            seconds_spent=minutes * 60 if held else 0)
                 for position, (title, presenter, minutes, notes) in enumerate(entries)]
        session.add_all(items)
        session.flush()
        return items

    _welcome, study, leaflet = agenda(first, [
        ("Welcome and apologies", "Chair", 5,
         "The chair welcomed everyone, including the new observer from the trial sponsor's "
         "patient engagement team.\n\nApologies were received from one member."),
        ("Study visit schedule", "Trial sponsor's patient engagement lead", 40,
         "The sponsor presented the draft schedule of study visits. The first visit lasts "
         "about six hours, with blood tests, a walking test and questionnaires.\n\n"
         "Members said six hours is too long for children and for adults who tire quickly. "
         "Families travelling from far away would need to stay overnight.\n\n"
         "The sponsor said home visits for blood tests may be possible and will check."),
        ("Draft patient information sheet", "Secretary", 30,
         "Members read the draft sheet before the meeting. It is long (14 pages) and uses "
         "words such as “randomised” and “adverse event” without explaining them.\n\n"
         "Members suggested a one-page summary at the front and an Easy Read version."),
    ])
    _arising, walk_test, results = agenda(second, [
        ("Matters arising: comments on the patient information sheet", "Secretary", 10,
         "The comments were sent to the sponsor on 28 October. The sponsor accepted most of "
         "them; the new version has a one-page summary and a glossary."),
        ("Outcome measures: the six-minute walk test", "Chair", 45,
         "The sponsor proposes the six-minute walk test as the main outcome measure.\n\n"
         "Several members said it leaves out people who use wheelchairs or cannot walk for "
         "six minutes. A seated alternative (an arm-strength test) was discussed.\n\n"
         "After discussion the board voted on its advice to the sponsor."),
        ("Sharing results with the community", "Charity staff", 20,
         "People at the last webinar asked for the interim results in plain language. "
         "Members agreed the lay summary should say what the results mean for families, "
         "not only what was measured."),
    ])

    # -- decisions, actions and promises -------------------------------------------------------
    session.add_all([
        Decision(meeting_id=first.id, agenda_item_id=study.id,
                 text="Advise the sponsor to split the first study visit over two days and to "
                      "offer home visits for blood tests.",
                 decided_by="The board, by consensus", created_at=first.starts_at),
        Decision(meeting_id=first.id, agenda_item_id=leaflet.id,
                 text="Ask for a one-page summary and an Easy Read version of the patient "
                      "information sheet.",
                 decided_by="The board, by consensus", created_at=first.starts_at),
        Decision(meeting_id=second.id, agenda_item_id=walk_test.id,
                 text="Advise the sponsor to keep the six-minute walk test only with a seated "
                      "alternative for people who cannot walk for six minutes.",
                 decided_by="Vote: 5 for, 1 against",
                 dissent="One member felt any walking test excludes wheelchair users and "
                         "asked for this to be recorded.",
                 created_at=second.starts_at),
    ])
    done_action = ActionItem(
        meeting_id=first.id, board_id=advisory.id, agenda_item_id=leaflet.id,
        text="Send the board's comments on the patient information sheet to the sponsor",
        owner_member_id=secretary, due_on=date(2025, 10, 31), status="done",
        done_at=utc(date(2025, 10, 28), 11, 0), created_at=first.starts_at)
    open_action = ActionItem(
        meeting_id=second.id, board_id=advisory.id, agenda_item_id=walk_test.id,
        text="Ask the ethics committee whether carers' travel costs can be paid for study "
             "visits",
        owner_role="Charity staff", due_on=date(2026, 1, 31), status="open",
        created_at=second.starts_at)
    results_action = ActionItem(
        meeting_id=second.id, board_id=advisory.id, agenda_item_id=results.id,
        text="Draft the lay summary of the interim results for the board to review",
        owner_member_id=chair, owner_role="Chair", due_on=date(2026, 1, 15), status="done",
        done_at=utc(date(2026, 1, 12), 9, 0), created_at=second.starts_at)
    session.add_all([done_action, open_action, results_action])

    upcoming_day = date.today() + timedelta(days=21)
    session.add_all([
        Promise(source="meeting", meeting_id=first.id, board_id=advisory.id,
                you_said="Study visits are too long for children and for people who tire "
                         "quickly.",
                text="We will ask the sponsor to split the first visit over two days.",
                owner_role="Chair", audience="Families in the study", due_on=date(2025, 12, 31),
                status="kept", kept_on=date(2025, 12, 1), created_at=first.starts_at,
                evidence="The sponsor agreed: the first visit is now split over two days, and "
                         "blood tests can be done at home."),
        Promise(source="meeting", meeting_id=second.id, board_id=advisory.id,
                you_said="We want the study results in plain language.",
                text="We will publish a lay summary of the interim results.",
                owner_role="Patient Advisory Board", audience="Members and families",
                due_on=upcoming_day, status="open", created_at=second.starts_at),
    ])
    session.flush()

    # -- the next meeting, three weeks from today ----------------------------------------------
    upcoming = Meeting(board_id=advisory.id, title="Next quarterly meeting",
                       starts_at=utc(upcoming_day), ends_at=utc(upcoming_day, 20, 30),
                       timezone=_BOARD_ZONE, place=_BOARD_PLACE, online_link=_BOARD_LINK,
                       arrangements="bsl_interpreter,captions,step_free",
                       arrangements_notes="A quiet room is available next door.",
                       uid=uid(3), created_at=BASE_TIME)
    session.add(upcoming)
    session.flush()
    for member_id, role in memberships:
        session.add(Attendance(meeting_id=upcoming.id, member_id=member_id, role=role))
    timeline.write(session, EngagementKind.MEETING, (
        (member_id, invitation_text(upcoming, advisory.name)) for member_id, _r in memberships),
        recorded_by=actor.account_id, occurred_on=BASE_TIME.date())
    arising_next = agenda(upcoming, [
        ("Matters arising: " + open_action.text, "", 5, ""),
        ("Approval of the minutes of the winter meeting", "Chair", 5, ""),
        ("Lay summary of the interim results", "Chair", 30, ""),
        ("Plans for the community day", "Charity staff", 25, ""),
    ], held=False)[0]
    arising_next.action_id = open_action.id

    # -- who does what ---------------------------------------------------------------------------
    parties = [RaciParty(board_id=advisory.id, position=position, name=name)
               for position, name in enumerate(("Advisory board", "Trial sponsor",
                                                "Ethics committee", "Charity staff"), start=1)]
    activities = [RaciActivity(board_id=advisory.id, position=position, name=name)
                  for position, name in enumerate(DEFAULT_RACI_ACTIVITIES, start=1)]
    session.add_all([*parties, *activities])
    session.flush()
    # One row per activity (in DEFAULT_RACI_ACTIVITIES order), one letter per party.
    matrix = ("CACI", "IAIC", "RIIA", "ACIR", "RACC", "IAIR", "IAIR")
    for activity, row in zip(activities, matrix, strict=True):
        for party, value in zip(parties, row, strict=True):
            session.add(RaciCell(activity_id=activity.id, party_id=party.id, value=value))
    session.flush()
    return 2, 3
