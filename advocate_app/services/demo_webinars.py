"""Sample webinars for the demo: two held last autumn and winter (registrations with the access
asked for, a waitlist that never moved up, attendance with minutes, a walk-in, and for the
first the follow-up letters sent), one open for registration and one full with a waitlist,
both coming up; a report match left to review; and feedback on a webinar, a board meeting and
a story-sharing session. Written with the models in the demo's own transaction, once."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from advocate_app.domain.people import Actor
from advocate_app.services.demo_time import BASE_TIME

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.webinars import Webinar, WebinarRegistration

_ZONE = "Europe/London"
_ORG = "https://example.org"


@dataclass(frozen=True)
class _Plan:
    """One sample webinar: when, what it offers, and how its registrations went."""

    number: int
    title: str
    description: str
    day: date
    status: str
    capacity: int
    access: tuple[str, ...]
    registered: int  # people registered (the first ``capacity`` get places)
    waitlisted: int = 0
    came: int = 0  # of the registered, how many came (the rest did not)
    walk_ins: int = 0
    cancelled: int = 0
    held: bool = False


def _plans(today: date) -> tuple[_Plan, ...]:
    return (
        _Plan(1, "Living well with fatigue",
              "A nurse specialist and two members talk about pacing, sleep and asking for "
              "help at work. Questions in the chat or by phone beforehand.",
              date(2025, 10, 22), "held", 40,
              ("captions", "sign_language", "interpretation", "slides_in_advance"),
              registered=12, came=8, walk_ins=1, cancelled=1, held=True),
        _Plan(2, "Travel to clinic: what help is there?",
              "Who pays for travel to a specialist centre, how to claim, and what to do when "
              "the appointment is far away.",
              date(2025, 12, 3), "held", 10, ("captions", "large_print"),
              registered=10, waitlisted=2, came=6, held=True),
        _Plan(3, "New treatments: what the research says",
              "A research update in plain words, with time for your questions.",
              today + timedelta(days=12), "open", 60,
              ("captions", "sign_language", "easy_read"), registered=9),
        _Plan(4, "Talking to your child's school",
              "A small, friendly session for parents and carers: what to ask for, and how.",
              today + timedelta(days=40), "full", 6, ("captions",), registered=6,
              waitlisted=3),
    )


#: Access asked for by some of the people registered, in turn (empty: nothing asked).
_NEEDS = ("captions", "", "", "sign_language", "", "captions,large_print", "", "interpretation",
          "", "easy_read", "", "captions")


def add_sample_webinars(session: Session, actor: Actor, rng_seed: int) -> tuple[int, int]:
    """Four webinars and their registrations, once (not when a webinar exists already).
    People are picked with their own generator, so the same seed picks the same people.
    Returns (webinars, registrations) added."""
    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select

    from advocate_app.domain.community import EngagementKind
    from advocate_app.domain.members import Member, MemberRole
    from advocate_app.domain.webinars import (
        Webinar,
        WebinarPresenter,
        WebinarRegistration,
        WebinarReviewItem,
    )
    from advocate_app.services import timeline

    if session.scalar(select(func.count()).select_from(Webinar)):
        return 0, 0
    pool = list(session.scalars(select(Member.id).where(Member.archived_at.is_(None))
                                .order_by(Member.id)))
    if len(pool) < 20:
        return 0, 0  # too few people for registrations, a waitlist and walk-ins
    rng = random.Random(f"webinars-{rng_seed}")
    clinicians = list(session.scalars(select(MemberRole.member_id).where(
        MemberRole.role == "clinician").order_by(MemberRole.member_id)))
    zone = ZoneInfo(_ZONE)
    by = actor.account_id
    registrations = 0
    held: list[tuple[Webinar, list[WebinarRegistration]]] = []
    for plan in _plans(datetime.now(UTC).date()):
        starts = datetime.combine(plan.day, time(18, 30), zone).astimezone(UTC)
        webinar = Webinar(
            title=plan.title, description=plan.description, starts_at=starts,
            duration_minutes=75, timezone=_ZONE, platform="zoom",
            join_link=f"https://zoom.us/j/8{rng_seed % 10}0000{plan.number:05d}",
            capacity=plan.capacity, access_offered=",".join(plan.access),
            sign_language="BSL" if "sign_language" in plan.access else "",
            interpretation_languages="fr,ar" if "interpretation" in plan.access else "",
            recording_link=f"{_ORG}/webinars/{plan.number}/recording" if plan.held else "",
            slides_link=f"{_ORG}/webinars/{plan.number}/slides.pdf" if plan.held else "",
            status=plan.status, created_by=by, created_at=min(BASE_TIME, starts),
            uid=_uid(rng_seed, plan.number))
        session.add(webinar)
        session.flush()
        if clinicians:
            session.add(WebinarPresenter(webinar_id=webinar.id, position=0,
                                         member_id=rng.choice(clinicians)))
        session.add(WebinarPresenter(webinar_id=webinar.id, position=1,
                                     guest_name="Specialist nurse team",
                                     guest_organisation="Regional genetics service"))
        people = rng.sample(pool, plan.registered + plan.waitlisted + plan.walk_ins
                            + plan.cancelled)
        opened = starts - timedelta(days=30)
        rows: list[WebinarRegistration] = []
        for index, member_id in enumerate(people):
            registered_at = opened + timedelta(hours=7 * index + rng.randint(0, 5))
            row = WebinarRegistration(
                webinar_id=webinar.id, member_id=member_id, source="typed",
                registered_at=min(registered_at, starts - timedelta(hours=1)),
                needs=_NEEDS[index % len(_NEEDS)] if index < plan.registered else "")
            if "interpretation" in row.needs:
                row.interpretation_language = "fr"
            if index < plan.registered:
                row.status = "registered"
                if plan.held:
                    came = index < plan.came
                    row.attendance = "attended" if came else "no_show"
                    row.minutes_attended = rng.randint(35, 75) if came else 0
                    row.attendance_source = "report"
            elif index < plan.registered + plan.waitlisted:
                row.status = "waitlisted"
            elif index < plan.registered + plan.waitlisted + plan.walk_ins:
                row.status, row.source = "walk_in", "zoom"
                row.attendance, row.minutes_attended = "attended", rng.randint(20, 60)
                row.attendance_source = "report"
            else:
                row.status = "cancelled"
                row.cancelled_at = row.registered_at + timedelta(days=2)
            session.add(row)
            rows.append(row)
        session.flush()
        registrations += len(rows)
        timeline.write(session, EngagementKind.EVENT, (
            entry for row in rows for entry in _timeline_entries(webinar, row)),
            recorded_by=by, occurred_on=plan.day if plan.held else None)
        if plan.held:
            held.append((webinar, rows))
    if held:
        first, rows = held[0]
        _send_follow_up(session, actor, first, rows)
        second, rows = held[-1]
        # Someone in the second webinar's Zoom report whose match was not certain.
        someone = session.get(Member, rows[0].member_id)
        if someone is not None:
            session.add(WebinarReviewItem(
                webinar_id=second.id, report_kind="zoom_attendee",
                name=f"{(someone.given_name or 'A')[:1]}. {someone.family_name}".strip(),
                email=f"{(someone.family_name or 'member').lower()}.home@example.net",
                attended=True, minutes_attended=41, candidate_member_id=someone.id,
                score=78, created_at=second.starts_at + timedelta(days=1)))
    session.flush()
    return len(_plans(datetime.now(UTC).date())), registrations


def _uid(seed: int, number: int) -> str:
    import uuid

    name = f"advocate-demo-webinar-{seed}-{number}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, name)}@advocate.invalid"


def _timeline_entries(webinar: Webinar, row: WebinarRegistration) -> list[tuple[int, str]]:
    """What the webinars' services write on a member's timeline for this registration."""
    from advocate_app.domain.webinar_kinds import AttendanceOutcome, RegistrationStatus
    from advocate_app.i18n import _
    from advocate_app.i18n.formatting import format_date
    from advocate_app.services.webinar_registrations import (
        attendance_texts,
        local_day,
        registration_text,
    )

    status = RegistrationStatus(row.status)
    entries = []
    if status is not RegistrationStatus.WALK_IN:
        entries.append((row.member_id, registration_text(webinar, status)))
    if status is RegistrationStatus.CANCELLED:
        entries.append((row.member_id, _(
            "Cancelled their registration for the webinar “{title}” on {date}.").format(
            title=webinar.title, date=format_date(local_day(webinar), "long"))))
    if row.attendance:
        entries.append((row.member_id,
                        attendance_texts(webinar)[AttendanceOutcome(row.attendance)]))
    return entries


def _send_follow_up(session: Session, actor: Actor, webinar: Webinar,
                    rows: list[WebinarRegistration]) -> None:
    """The follow-up letters of one held webinar, made as the follow-up service makes them,
    to those with consent for events, each in their language."""
    from sqlalchemy import text

    from advocate_app.domain.community import EngagementKind
    from advocate_app.domain.outreach import OutreachRecord
    from advocate_app.i18n import _
    from advocate_app.i18n.catalogs import available_languages
    from advocate_app.services import timeline
    from advocate_app.services.consent import valid_consent_sql
    from advocate_app.services.webinar_followup_letters import (
        Message,
        WebinarFacts,
        letter,
    )

    today = webinar.starts_at.date() + timedelta(days=3)
    facts = WebinarFacts(webinar.id, webinar.title, webinar.starts_at.replace(tzinfo=UTC),
                         webinar.timezone, webinar.recording_link, webinar.slides_link)
    languages = set(available_languages())
    ids = [row.member_id for row in rows]
    found = session.execute(text(
        "SELECT m.id, m.preferred_language FROM members m WHERE m.id IN "
        f"({', '.join(str(int(i)) for i in ids)}) AND {valid_consent_sql()}"),
        {"consent_purpose": "events", "consent_today": today.isoformat()}).all()
    language_of = {member_id: (code or "en").split("-")[0].lower() for member_id, code in found}
    made: dict[tuple[Message, str], int] = {}
    sent_at = datetime.combine(today, time(10), UTC)
    entries = []
    for row in rows:
        message = (Message.ATTENDED if row.attendance == "attended" else Message.MISSED
                   if row.attendance == "no_show" and row.status == "registered" else None)
        if message is None or row.member_id not in language_of:
            continue
        language = language_of[row.member_id]
        language = language if language in languages else "en"
        if (message, language) not in made:
            item = letter(facts, message, language)
            record = OutreachRecord(kind=item.kind.value, title=item.title,
                                    language=language, group_name=item.group,
                                    content=item.to_json(), created_at=sent_at,
                                    updated_at=sent_at, created_by=actor.account_id,
                                    updated_by=actor.account_id)
            session.add(record)
            session.flush()
            made[(message, language)] = record.id
        row.followup_sent_at = sent_at
        row.followup_item_id = made[(message, language)]
        entries.append((row.member_id, _(
            "Follow-up to the webinar “{webinar}” made, to email: “{letter}”.").format(
            webinar=webinar.title, letter=letter(facts, message, language).title)))
    timeline.write(session, EngagementKind.EVENT, entries, recorded_by=actor.account_id,
                   occurred_on=today)


#: Sample answers to the feedback form: (rating, what worked, what to change, comments,
#: may we contact them).
_ANSWERS = (
    (5, "The captions were accurate and the nurse explained pacing clearly.",
     "A little more time for questions.", "", True),
    (4, "Hearing from other members.", "Send the slides a day earlier.",
     "I watched the recording again with my partner.", False),
    (3, "Useful information about claiming travel costs.",
     "The sound dropped out twice.", "", True),
    (5, "Everyone got a turn to speak; the chair kept to time.",
     "Papers in large print, please.", "", False),
    (4, "The quiet room and the breaks.", "", "Thank you for listening to us.", True),
)


def add_sample_feedback(session: Session, actor: Actor, rng_seed: int) -> int:
    """Answers to the feedback form for the first held webinar, the first board meeting and
    the story-sharing session held, once. Returns how many answers were added."""
    from sqlalchemy import func, select

    from advocate_app.domain.boards import Attendance, Meeting
    from advocate_app.domain.community import EngagementKind
    from advocate_app.domain.feedback import FeedbackResponse
    from advocate_app.domain.feedback_views import EventChoice, EventKind
    from advocate_app.domain.stories import StorySession, StorySessionParticipant
    from advocate_app.domain.webinars import Webinar, WebinarRegistration
    from advocate_app.services import timeline
    from advocate_app.services.feedback_import import timeline_summary

    if session.scalar(select(func.count()).select_from(FeedbackResponse)):
        return 0
    now = datetime.now(UTC)
    rng = random.Random(f"feedback-{rng_seed}")
    events: list[tuple[str, int, str, datetime, list[int]]] = []
    webinar = session.scalars(select(Webinar).where(Webinar.status == "held")
                              .order_by(Webinar.starts_at, Webinar.id)).first()
    if webinar is not None:
        events.append(("webinar", webinar.id, webinar.title, webinar.starts_at, list(session.scalars(
            select(WebinarRegistration.member_id).where(
                WebinarRegistration.webinar_id == webinar.id,
                WebinarRegistration.attendance == "attended")
            .order_by(WebinarRegistration.member_id)))))
    meeting = session.scalars(select(Meeting).where(Meeting.starts_at < now.replace(
        tzinfo=None)).order_by(Meeting.starts_at, Meeting.id)).first()
    if meeting is not None:
        events.append(("meeting", meeting.id, meeting.title, meeting.starts_at, list(session.scalars(
            select(Attendance.member_id).where(Attendance.meeting_id == meeting.id,
                                               Attendance.status == "present")
            .order_by(Attendance.member_id)))))
    story_session = session.scalars(select(StorySession).where(
        StorySession.starts_at < now.replace(tzinfo=None))
        .order_by(StorySession.starts_at, StorySession.id)).first()
    if story_session is not None:
        events.append(("story_session", story_session.id, story_session.title,
                       story_session.starts_at,
                       list(session.scalars(select(StorySessionParticipant.member_id).where(
                           StorySessionParticipant.session_id == story_session.id,
                           StorySessionParticipant.attendance == "attended")
                           .order_by(StorySessionParticipant.member_id)))))
    added = 0
    for kind, event_id, title, starts_at, people in events:
        answers = rng.sample(_ANSWERS, 3)
        event = EventChoice(EventKind(kind), event_id, title, starts_at.date())
        for number, (rating, worked, change, comments, contact) in enumerate(answers):
            member_id = people[number] if number < len(people) and number < 2 else None
            received = starts_at.date() + timedelta(days=2 + number)
            session.add(FeedbackResponse(
                event_kind=kind, event_id=event_id, member_id=member_id, rating=rating,
                worked=worked, change=change, comments=comments,
                may_contact=contact and member_id is not None,
                source="paper" if number == 1 else "typed",
                received_on=received, recorded_by=actor.account_id))
            if member_id is not None:
                timeline.write(session, EngagementKind.EVENT,
                               [(member_id, timeline_summary(event, rating))],
                               recorded_by=actor.account_id, occurred_on=received)
            added += 1
    session.flush()
    return added
