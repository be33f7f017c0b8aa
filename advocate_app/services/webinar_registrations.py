"""Registering for a webinar, inside the caller's transaction: places and the waitlist,
cancelling (the first on the waitlist moves up), checking in by hand, a new person made a
member with their consent, and what each of these writes on the member's timeline.

The rules of places are plain functions in ``domain/webinar_views.py`` (``new_place``,
``places_to_fill``, ``status_for_places``); this module applies them to the records.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from advocate_app.domain.board_views import zone
from advocate_app.domain.community import (
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    EngagementKind,
)
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.webinar_rules import ACTIVE, new_place, places_to_fill, status_for_places
from advocate_app.domain.webinar_views import DuplicateCandidate, RegistrationInput
from advocate_app.domain.webinars import (
    AttendanceOutcome,
    RegistrationStatus,
    WebinarAccess,
    WebinarStatus,
)
from advocate_app.i18n import _
from advocate_app.services import timeline
from advocate_app.services.board_common import utc_moment
from advocate_app.services.errors import NotFoundError, ServiceError, ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.member_views import MemberInput
    from advocate_app.domain.webinars import Webinar, WebinarRegistration
    from advocate_app.services.duplicate_rules import Known

NOTES_LENGTH = 2000
_ACTIVE_VALUES = tuple(status.value for status in ACTIVE)


class PossibleDuplicateError(ServiceError):
    """The new person may already be a member: ``candidates`` says who (register one of them,
    or ask again with ``allow_duplicate=True``)."""

    def __init__(self, candidates: list[DuplicateCandidate]):
        self.candidates = tuple(candidates)
        super().__init__(_("This person may already be a member: register the member, or "
                           "create a new member if it is someone else."))


# -- finding ---------------------------------------------------------------------------------


def webinar_row(session: Session, webinar_id: int, *, lock: bool = False) -> Webinar:
    """The webinar; with ``lock``, held until the transaction ends, so two people registering
    at once cannot both take the last place (PostgreSQL; SQLite writes one at a time)."""
    from sqlalchemy import select

    from advocate_app.domain.webinars import Webinar

    statement = select(Webinar).where(Webinar.id == webinar_id)
    found = session.scalar(statement.with_for_update() if lock else statement)
    if found is None:
        raise NotFoundError(_("There is no webinar {id}.").format(id=webinar_id))
    return found


def registration_row(session: Session, registration_id: int) -> WebinarRegistration:
    from advocate_app.domain.webinars import WebinarRegistration

    found = session.get(WebinarRegistration, registration_id)
    if found is None:
        raise NotFoundError(_("This registration no longer exists."))
    return found


def places_taken(session: Session, webinar_id: int) -> int:
    from sqlalchemy import func, select

    from advocate_app.domain.webinars import WebinarRegistration

    return session.scalar(select(func.count()).select_from(WebinarRegistration).where(
        WebinarRegistration.webinar_id == webinar_id,
        WebinarRegistration.status.in_(_ACTIVE_VALUES))) or 0


def _waitlist(session: Session, webinar_id: int) -> list[WebinarRegistration]:
    """The waitlist in order: first registered first."""
    from sqlalchemy import select

    from advocate_app.domain.webinars import WebinarRegistration

    return list(session.scalars(select(WebinarRegistration).where(
        WebinarRegistration.webinar_id == webinar_id,
        WebinarRegistration.status == RegistrationStatus.WAITLISTED.value).order_by(
        WebinarRegistration.registered_at, WebinarRegistration.id)))


# -- what the member's timeline says ---------------------------------------------------------


def local_day(webinar: Webinar) -> date:
    return utc_moment(webinar.starts_at).astimezone(zone(webinar.timezone)).date()


def _names(webinar: Webinar) -> dict[str, str]:
    from advocate_app.i18n.formatting import format_date

    return {"title": webinar.title, "date": format_date(local_day(webinar), "long")}


def registration_text(webinar: Webinar, status: RegistrationStatus) -> str:
    names = _names(webinar)
    if status is RegistrationStatus.WAITLISTED:
        return _("On the waitlist for the webinar “{title}” on {date}.").format(**names)
    return _("Registered for the webinar “{title}” on {date}.").format(**names)


def attendance_texts(webinar: Webinar) -> dict[AttendanceOutcome, str]:
    """What a member's timeline says of their attendance (an attendance report writes the
    same words, so a later check-in replaces them)."""
    names = _names(webinar)
    return {AttendanceOutcome.ATTENDED: _("Attended the webinar “{title}” on {date}.").format(
                **names),
            AttendanceOutcome.NO_SHOW: _("Did not come to the webinar “{title}” on {date}."
                                         ).format(**names)}


# -- changes ---------------------------------------------------------------------------------


def checked_registration(data: RegistrationInput) -> RegistrationInput:
    errors = {}
    if len(data.needs_notes.strip()) > NOTES_LENGTH:
        errors["needs_notes"] = _("This is too long: at most {limit} characters.").format(
            limit=NOTES_LENGTH)
    language = data.interpretation_language.strip()
    if len(language) > 20 or (language and not language.replace("-", "").replace(
            "_", "").isalnum()):
        errors["interpretation_language"] = _(
            "“{code}” is not a language code (for example fr or ar).").format(code=language)
    if len(data.ticket_type.strip()) > 100:
        errors["ticket_type"] = _("This is too long: at most {limit} characters.").format(
            limit=100)
    if errors:
        raise ValidationError(errors)
    return data


def register(session: Session, actor: Actor, webinar: Webinar, member_id: int,
             data: RegistrationInput, *, source: str = "typed") -> WebinarRegistration:
    """Register the member: a place while one is left, else the end of the waitlist. Someone
    already registered (or waiting, or who came) is refused, saying so; a cancelled
    registration is taken up again (at the end of the waitlist if the webinar is full)."""
    from sqlalchemy import select

    from advocate_app.domain.members import Member
    from advocate_app.domain.webinars import WebinarRegistration

    if webinar.status == WebinarStatus.CANCELLED.value:
        raise ServiceError(_("The webinar “{title}” is cancelled: no one can register for it."
                             ).format(title=webinar.title))
    member = session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise NotFoundError(_("This member no longer exists."))
    name = member_display_name(member.given_name, member.family_name, member.preferred_name)
    found = session.scalar(select(WebinarRegistration).where(
        WebinarRegistration.webinar_id == webinar.id,
        WebinarRegistration.member_id == member_id))
    if found is not None and found.status != RegistrationStatus.CANCELLED.value:
        raise ServiceError(_already(session, found, name))
    status = new_place(webinar.capacity, places_taken(session, webinar.id))
    if found is None:
        found = WebinarRegistration(webinar_id=webinar.id, member_id=member_id)
        session.add(found)
    found.status = status.value
    found.needs = ",".join(a.value for a in WebinarAccess if a in data.needs)
    found.interpretation_language = data.interpretation_language.strip() \
        if WebinarAccess.INTERPRETATION in data.needs else ""
    found.needs_notes = data.needs_notes.strip()
    found.ticket_type = data.ticket_type.strip()
    found.source = source
    found.registered_at = datetime.now(UTC)
    found.cancelled_at = None
    session.flush()
    webinar.status = status_for_places(WebinarStatus(webinar.status), webinar.capacity,
                                       places_taken(session, webinar.id)).value
    timeline.write(session, EngagementKind.EVENT, [(member_id, registration_text(webinar, status))],
                   recorded_by=actor.account_id)
    return found


def _already(session: Session, found: WebinarRegistration, name: str) -> str:
    status = RegistrationStatus(found.status)
    if status is RegistrationStatus.WAITLISTED:
        position = next((n for n, r in enumerate(_waitlist(session, found.webinar_id), 1)
                         if r.id == found.id), 0)
        return _("{name} is already on the waitlist for this webinar (number {n}).").format(
            name=name, n=position)
    if status is RegistrationStatus.WALK_IN:
        return _("{name} is already recorded as having come to this webinar.").format(name=name)
    return _("{name} is already registered for this webinar.").format(name=name)


def cancel(session: Session, actor: Actor, registration: WebinarRegistration
           ) -> WebinarRegistration | None:
    """Cancel a registration; returns the first on the waitlist if a place came free for
    them (None otherwise). Cancelling twice changes nothing."""
    if registration.status == RegistrationStatus.CANCELLED.value:
        return None
    webinar = webinar_row(session, registration.webinar_id, lock=True)
    registration.status = RegistrationStatus.CANCELLED.value
    registration.cancelled_at = datetime.now(UTC)
    session.flush()
    timeline.write(session, EngagementKind.EVENT, [(registration.member_id, _(
        "Cancelled their registration for the webinar “{title}” on {date}.").format(
        **_names(webinar)))], recorded_by=actor.account_id)
    moved = refill(session, actor, webinar)
    return moved[0] if moved else None


def refill(session: Session, actor: Actor, webinar: Webinar) -> list[WebinarRegistration]:
    """Move the waitlist up into the places free (first in order first) and let open/full
    follow the places. Nothing moves once the webinar is held or cancelled."""
    moved: list[WebinarRegistration] = []
    if webinar.status not in (WebinarStatus.HELD.value, WebinarStatus.CANCELLED.value):
        waiting = _waitlist(session, webinar.id)
        count = places_to_fill(webinar.capacity, places_taken(session, webinar.id),
                               len(waiting))
        moved = waiting[:count]
        for registration in moved:
            registration.status = RegistrationStatus.REGISTERED.value
        session.flush()
        timeline.write(session, EngagementKind.EVENT, (
            (r.member_id, _("A place came free: registered for the webinar “{title}” on "
                            "{date}.").format(**_names(webinar))) for r in moved),
            recorded_by=actor.account_id)
    webinar.status = status_for_places(WebinarStatus(webinar.status), webinar.capacity,
                                       places_taken(session, webinar.id)).value
    return moved


def check_in(session: Session, actor: Actor, registration: WebinarRegistration,
             attended: bool, minutes: int | None) -> None:
    """Attended (with the minutes, when known) or did not come, checked by hand; the
    member's timeline says so, replacing what an earlier check-in or attendance report
    said."""
    from advocate_app.services.webinar_report_writing import attendance_summary

    if minutes is not None and not 0 <= minutes <= 24 * 60:
        raise ValidationError({"minutes": _("Minutes attended are between 0 and 1,440.")})
    webinar = webinar_row(session, registration.webinar_id)
    if registration.attendance == AttendanceOutcome.ATTENDED.value:
        timeline.forget(session, registration.member_id, EngagementKind.EVENT,
                        [attendance_summary(webinar.title, registration.minutes_attended)])
    outcome = AttendanceOutcome.ATTENDED if attended else AttendanceOutcome.NO_SHOW
    registration.attendance = outcome.value
    registration.minutes_attended = (minutes or 0) if attended else 0
    registration.attendance_source = "manual"
    texts = attendance_texts(webinar)
    timeline.forget(session, registration.member_id, EngagementKind.EVENT, texts.values())
    timeline.write(session, EngagementKind.EVENT, [(registration.member_id, texts[outcome])],
                   recorded_by=actor.account_id, occurred_on=local_day(webinar))


# -- a new person --------------------------------------------------------------------------


def duplicates(session: Session, person: MemberInput) -> list[DuplicateCandidate]:
    """Members the person may already be, by the member import's rules (``duplicate_rules``):
    the same person (email, or a similar name with the same phone or postcode), someone
    sharing the email address, or someone with exactly the same name."""
    from advocate_app.domain.members import Member
    from advocate_app.services.member_import_matching import existing_index, member_id_of

    index = existing_index(session, near=person)
    same, shared = index.match(person)
    found: list[tuple[Known | None, str]] = [
        (same, _("Looks like the same person")),
        (shared, _("Shares this email address")),
        (index.namesake(person), _("Has the same name"))]
    candidates: list[DuplicateCandidate] = []
    for known, reason in found:
        member_id = member_id_of(known) if known is not None else None
        if member_id is None or any(c.member_id == member_id for c in candidates):
            continue
        member = session.get(Member, member_id)
        if member is None or member.erased_at is not None:
            continue
        candidates.append(DuplicateCandidate(
            member_id, member_display_name(member.given_name, member.family_name,
                                           member.preferred_name), member.email, reason))
    return candidates


def consent_entries(purposes: Iterable[ConsentPurpose], method: ConsentMethod,
                    evidence: str) -> list:
    """The consent a new person gives while registering: a grant for each purpose, today."""
    from advocate_app.services.consent import ConsentEntry, ConsentService

    entries = [ConsentEntry(purpose, ConsentStatus.GRANTED, method, date.today(),
                            evidence=evidence)
               for purpose in ConsentPurpose if purpose in set(purposes)]
    for entry in entries:
        ConsentService.check(entry)
    return entries
