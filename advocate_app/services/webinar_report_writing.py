"""What importing a webinar report writes, in the caller's transaction: a person's registration
and attendance, a new member made from a registration (with their consent for events), and the
member's timeline entries. Used by the import and by resolving a review item, so both write the
same way.

Rules: a registration is never duplicated (one per webinar and member); attendance only goes up
(a later or thinner report never turns "attended" into "no-show" or lowers the minutes); a
report that cannot say who came marks nobody as a no-show; access needs asked for are added,
never removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from advocate_app.domain.base import utcnow
from advocate_app.domain.community import (
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    EngagementKind,
)
from advocate_app.domain.people import Actor
from advocate_app.domain.webinar_kinds import AttendanceOutcome, RegistrationStatus, WebinarAccess
from advocate_app.i18n import _, ngettext
from advocate_app.services import timeline

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.webinars import WebinarRegistration

#: Where a registration or attendance came from, by report kind.
SOURCES = {"zoom_attendee": "zoom", "zoom_registration": "zoom", "eventbrite": "eventbrite"}

#: Words in a registration's answer that name a kind of access (kept simple: the answer itself
#: is kept in the registration's notes for the organiser to read).
_NEEDS_WORDS: tuple[tuple[WebinarAccess, re.Pattern[str]], ...] = (
    (WebinarAccess.CAPTIONS, re.compile(
        r"caption|subtit|\bcart\b|transcri|speech.to.text|live text", re.I)),
    (WebinarAccess.SIGN_LANGUAGE, re.compile(
        r"sign.?language|\b(bsl|asl|isl|auslan|lsf|lsq|dgs|lse|lis|ngt)\b|signer", re.I)),
    (WebinarAccess.SLIDES_IN_ADVANCE, re.compile(
        r"slides?.{0,30}(advance|before|beforehand|ahead|early)", re.I)),
    (WebinarAccess.LARGE_PRINT, re.compile(r"large.?print|big print", re.I)),
    (WebinarAccess.EASY_READ, re.compile(r"easy.?read", re.I)),
)
_SIGNED_INTERPRETER = re.compile(
    r"(sign.?language|\b(bsl|asl|isl|auslan|lsf|lsq|dgs|lse|lis|ngt)\b)\s*(interpret\w*)?", re.I)
_NOTHING = re.compile(r"^\s*(no|none|nothing|n/?a|-+|no thanks?|not needed|non)\s*\.?\s*$", re.I)


def needs_from_text(text: str) -> frozenset[WebinarAccess]:
    """The kinds of access an answer names ("Live captions and BSL please")."""
    if not text or _NOTHING.match(text):
        return frozenset()
    found = {need for need, words in _NEEDS_WORDS if words.search(text)}
    # An interpreter who is not the sign-language one: spoken-language interpretation.
    spoken = _SIGNED_INTERPRETER.sub(" ", text)
    if re.search(r"interpret|translat", spoken, re.I):
        found.add(WebinarAccess.INTERPRETATION)
    return frozenset(found)


@dataclass(frozen=True)
class Facts:
    """What a report says about one person, as the writes need it."""

    name: str
    email: str
    registered: bool
    attended: bool
    minutes: int
    attendance_known: bool
    source: str  # zoom, eventbrite
    ticket_type: str = ""
    needs_text: str = ""
    registered_at: datetime | None = None
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class WebinarFacts:
    id: int
    title: str
    held_on: date


def attendance_summary(title: str, minutes: int) -> str:
    """The timeline line of someone who came."""
    if minutes <= 0:
        return _("Attended webinar “{title}”").format(title=title)
    return ngettext("Attended webinar “{title}” ({n} minute)",
                    "Attended webinar “{title}” ({n} minutes)", minutes).format(
        title=title, n=minutes)


def record(session: Session, actor: Actor, webinar: WebinarFacts, member_id: int,
           facts: Facts) -> bool:
    """Write ``facts`` onto the member's registration for the webinar; True when anything
    changed."""
    from sqlalchemy import select

    from advocate_app.domain.webinars import WebinarRegistration

    registration = session.scalar(select(WebinarRegistration).where(
        WebinarRegistration.webinar_id == webinar.id,
        WebinarRegistration.member_id == member_id))
    needs = needs_from_text(facts.needs_text)
    changed = False
    if registration is None:
        registration = WebinarRegistration(
            webinar_id=webinar.id, member_id=member_id,
            status=(RegistrationStatus.REGISTERED if facts.registered
                    else RegistrationStatus.WALK_IN).value,
            source=facts.source, ticket_type=facts.ticket_type[:100],
            needs=",".join(sorted(n.value for n in needs)),
            needs_notes=facts.needs_text.strip(),
            registered_at=facts.registered_at or utcnow(), attendance="", minutes_attended=0)
        session.add(registration)
        if facts.registered:
            timeline.write(session, EngagementKind.EVENT, [(member_id, _(
                "Registered for webinar “{title}”").format(title=webinar.title))],
                recorded_by=actor.account_id,
                occurred_on=(facts.registered_at.date() if facts.registered_at else None))
        changed = True
    else:
        if registration.status == RegistrationStatus.WALK_IN.value and facts.registered:
            registration.status = RegistrationStatus.REGISTERED.value
            changed = True
        elif facts.attended and registration.status in (RegistrationStatus.WAITLISTED.value,
                                                        RegistrationStatus.CANCELLED.value):
            # They came after all: a place, whatever the list said.
            registration.status = (RegistrationStatus.REGISTERED if facts.registered
                                   else RegistrationStatus.WALK_IN).value
            registration.cancelled_at = None
            changed = True
        if not registration.ticket_type and facts.ticket_type:
            registration.ticket_type = facts.ticket_type[:100]
            changed = True
        held = {n for n in registration.needs.split(",") if n}
        wanted = held | {n.value for n in needs}
        if wanted != held:
            registration.needs = ",".join(sorted(wanted))
            changed = True
        if not registration.needs_notes and facts.needs_text.strip():
            registration.needs_notes = facts.needs_text.strip()
            changed = True
    return _attendance(session, actor, webinar, registration, facts) or changed


def _attendance(session: Session, actor: Actor, webinar: WebinarFacts,
                registration: WebinarRegistration, facts: Facts) -> bool:
    if facts.attended:
        minutes = max(registration.minutes_attended or 0, facts.minutes)
        if (registration.attendance == AttendanceOutcome.ATTENDED.value
                and minutes == registration.minutes_attended):
            return False
        if registration.attendance == AttendanceOutcome.ATTENDED.value:
            timeline.forget(session, registration.member_id, EngagementKind.EVENT,
                            [attendance_summary(webinar.title, registration.minutes_attended)])
        registration.attendance = AttendanceOutcome.ATTENDED.value
        registration.minutes_attended = minutes
        registration.attendance_source = "report"
        timeline.write(session, EngagementKind.EVENT, [(registration.member_id,
                                                        attendance_summary(webinar.title,
                                                                           minutes))],
                       recorded_by=actor.account_id, occurred_on=webinar.held_on)
        return True
    if (facts.attendance_known and facts.registered and not registration.attendance
            and registration.status in (RegistrationStatus.REGISTERED.value,
                                        RegistrationStatus.WALK_IN.value)):
        registration.attendance = AttendanceOutcome.NO_SHOW.value
        registration.attendance_source = "report"
        return True
    return False


def split_name(facts: Facts) -> tuple[str, str]:
    """(given name, family name) of a new member: as the report gave them, else the last word
    of the name as the family name (a name without spaces stays whole, as given name)."""
    if facts.first_name or facts.last_name:
        return facts.first_name.strip(), facts.last_name.strip()
    words = facts.name.split()
    if len(words) < 2:
        return facts.name.strip(), ""
    return " ".join(words[:-1]), words[-1]


def new_member(session: Session, actor: Actor, webinar: WebinarFacts, facts: Facts,
               report_label: str, file_name: str = "") -> int:
    """A member made from a report's registration, with their consent for events (the
    registration), as the report says; returns the new member's id. ``file_name``: the
    report's file (empty when the person was created on review)."""
    from advocate_app.domain.consent import ConsentRecord
    from advocate_app.domain.members import Member

    given, family = split_name(facts)
    now = utcnow()
    member = Member(given_name=given[:200], family_name=family[:200], preferred_name="",
                    email=facts.email, phone="", created_at=now, updated_at=now, created_by=actor.account_id,
                    updated_by=actor.account_id)
    member.refresh_derived()
    session.add(member)
    session.flush()
    registered_on = min((facts.registered_at or now).date(), date.today())
    session.add(ConsentRecord(
        member_id=member.id, purpose=ConsentPurpose.EVENTS.value,
        status=ConsentStatus.GRANTED.value, method=ConsentMethod.IMPORTED.value,
        effective_on=registered_on, evidence=(_(
            "Registered for the webinar “{title}” ({report}, file {file}).") if file_name else _(
            "Registered for the webinar “{title}” ({report}).")).format(
            title=webinar.title, report=report_label, file=file_name),
        recorded_by=actor.account_id))
    if file_name:
        timeline.imported(session, actor, file_name, [member.id], [])
    else:
        timeline.write(session, EngagementKind.NOTE, [(member.id, _(
            "Added on reviewing a report of the webinar “{title}”.").format(
            title=webinar.title))], recorded_by=actor.account_id)
    return member.id
