"""Webinars: planning one (presenters, start in a named time zone, the join link checked,
places, the accessibility offered), registering people (a place or the waitlist, in order;
a new person made a member with their consent), cancelling (the first on the waitlist moves
up), checking in by hand, the needs to book for, attendance figures, and calendar files.

Status: planned, open, full, held, cancelled. ``open`` and ``full`` follow the places by
themselves (open becomes full when the registrations reach the capacity, and open again when a
place frees); ``held`` is set once the webinar has started; a cancelled webinar takes no
registrations and its calendar entry says CANCELLED. Every change to the webinar raises its
iCalendar SEQUENCE, so calendars replace the old entry.

Registering, cancelling and checking in write the member's engagement timeline (kind EVENT) in
the same transaction. Registrations and figures are read in ``webinar_stats``; the changes to
registrations are made in ``webinar_registrations``.
"""

from __future__ import annotations

import builtins
import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.board_views import zone
from advocate_app.domain.community import ConsentMethod, ConsentPurpose
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.webinar_rules import status_for_places
from advocate_app.domain.webinar_views import (
    AttendanceStats,
    DuplicateCandidate,
    NeedsTotal,
    PresenterView,
    RegistrationInput,
    RegistrationView,
    WebinarInput,
    WebinarTrendPoint,
    WebinarView,
)
from advocate_app.domain.webinars import Platform, WebinarAccess, WebinarStatus
from advocate_app.i18n import _
from advocate_app.services import versions, webinar_stats
from advocate_app.services import webinar_registrations as registering
from advocate_app.services.access import require
from advocate_app.services.audit import record_alone
from advocate_app.services.board_common import db_time, link_refusal, utc_moment, valid_timezone
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.webinar_registrations import PossibleDuplicateError
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.member_views import MemberInput
    from advocate_app.domain.webinars import Webinar

__all__ = ["PossibleDuplicateError", "WebinarService"]

TITLE_LENGTH = 300
DESCRIPTION_LENGTH = 20_000
SHORTEST, LONGEST = 5, 24 * 60  # minutes; said in words in the message below
NO_NEEDS = RegistrationInput()
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")

_COLUMNS = (
    "w.id, w.title, w.description, w.starts_at, w.duration_minutes, w.timezone, w.platform, "
    "w.join_link, w.capacity, w.access_offered, w.sign_language, w.interpretation_languages, "
    "w.recording_link, w.slides_link, w.status, w.uid, w.sequence, w.version, "
    "(SELECT count(*) FROM webinar_registrations r WHERE r.webinar_id = w.id "
    " AND r.status IN ('registered', 'walk_in')), "
    "(SELECT count(*) FROM webinar_registrations r WHERE r.webinar_id = w.id "
    " AND r.status = 'waitlisted'), "
    "(SELECT count(*) FROM webinar_registrations r WHERE r.webinar_id = w.id "
    " AND r.attendance = 'attended')")


class WebinarService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    # -- the webinar ---------------------------------------------------------------------------

    def create(self, data: WebinarInput) -> WebinarView:
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.domain.webinars import Webinar

        starts = _checked(data)
        with self._uow() as uow:
            _presenters_exist(uow.session, data)
            webinar = Webinar(uid=f"webinar-{uuid.uuid4()}@advocate.invalid", sequence=0,
                              created_by=self._actor.account_id, starts_at=starts)
            _fill(webinar, data, starts)
            webinar.status = status_for_places(data.status, data.capacity, 0).value
            uow.session.add(webinar)
            uow.session.flush()
            _set_presenters(uow.session, webinar.id, data)
            uow.commit()
            webinar_id = webinar.id
        return self.get(webinar_id)

    def update(self, webinar_id: int, data: WebinarInput,
               expected_version: int | None = None) -> WebinarView:
        """Save the changes (SEQUENCE up by one). More places move the waitlist up; fewer keep
        everyone registered and make the webinar full. ``expected_version``: the version the
        person started from (see services/versions.py)."""
        require(self._actor, Permission.RUN_EVENTS)
        starts = _checked(data)
        with self._uow() as uow:
            webinar = registering.webinar_row(uow.session, webinar_id, lock=True)
            versions.expect_version(webinar, expected_version, lambda: self.get(webinar_id))
            _presenters_exist(uow.session, data)
            _fill(webinar, data, starts)
            webinar.status = data.status.value
            webinar.sequence += 1
            webinar.updated_at = datetime.now(UTC)
            _set_presenters(uow.session, webinar_id, data)
            registering.refill(uow.session, self._actor, webinar)
            versions.commit(uow, lambda: self.get(webinar_id))
        return self.get(webinar_id)

    def set_status(self, webinar_id: int, status: WebinarStatus) -> WebinarView:
        """Planned, open (full follows the places), held (once it has started) or
        cancelled (registrations are kept; no one new can register)."""
        require(self._actor, Permission.RUN_EVENTS)
        with self._uow() as uow:
            webinar = registering.webinar_row(uow.session, webinar_id, lock=True)
            refused = _status_refusal(status, utc_moment(webinar.starts_at))
            if refused:
                raise ValidationError({"status": refused})
            before = webinar.status
            webinar.status = status.value
            registering.refill(uow.session, self._actor, webinar)
            if webinar.status != before:
                webinar.sequence += 1
                webinar.updated_at = datetime.now(UTC)
            uow.commit()
        return self.get(webinar_id)

    def get(self, webinar_id: int) -> WebinarView:
        require(self._actor, Permission.RUN_EVENTS)
        rows = self._reader.rows(f"SELECT {_COLUMNS} FROM webinars w WHERE w.id = :id",
                                 {"id": webinar_id})
        if not rows:
            raise NotFoundError(_("There is no webinar {id}.").format(id=webinar_id))
        return self._with_presenters([_view(rows[0])])[0]

    def list(self, *, include_past: bool = True, include_cancelled: bool = True
             ) -> builtins.list[WebinarView]:
        """The webinars not over yet, soonest first, then those over, latest first. Without
        ``include_past``, those over are left out; without ``include_cancelled``, the
        cancelled ones."""
        require(self._actor, Permission.RUN_EVENTS)
        now = datetime.now(UTC)
        found = [_view(r) for r in self._reader.rows(
            f"SELECT {_COLUMNS} FROM webinars w ORDER BY w.starts_at, w.id")]
        if not include_cancelled:
            found = [w for w in found if w.status is not WebinarStatus.CANCELLED]
        coming = [w for w in found if w.ends_at >= now]
        over = [w for w in reversed(found) if w.ends_at < now] if include_past else []
        return self._with_presenters(coming + over)

    def upcoming(self, limit: int = 5, now: datetime | None = None
                 ) -> builtins.list[WebinarView]:
        """The next webinars not cancelled and not over yet, soonest first."""
        require(self._actor, Permission.RUN_EVENTS)
        moment = now or datetime.now(UTC)
        since = moment - timedelta(minutes=LONGEST)
        found = [_view(r) for r in self._reader.rows(
            f"SELECT {_COLUMNS} FROM webinars w WHERE w.status NOT IN ('cancelled', 'held') "
            "AND w.starts_at >= :since ORDER BY w.starts_at, w.id",
            {"since": since if self._reader.dialect == "postgresql" else db_time(since)})]
        return self._with_presenters([w for w in found if w.ends_at >= moment][:max(0, limit)])

    # -- registrations -------------------------------------------------------------------------

    def register(self, webinar_id: int, member_id: int,
                 data: RegistrationInput = NO_NEEDS) -> RegistrationView:
        """A place while one is left, else the end of the waitlist (``waitlist_position``).
        A cancelled webinar, or someone registered already, is refused with the reason; a
        cancelled registration is taken up again."""
        require(self._actor, Permission.RUN_EVENTS)
        registering.checked_registration(data)
        with self._uow() as uow:
            webinar = registering.webinar_row(uow.session, webinar_id, lock=True)
            registration = registering.register(uow.session, self._actor, webinar, member_id,
                                                data)
            uow.commit()
            registration_id = registration.id
        return self._registration(registration_id)

    def possible_duplicates(self, person: MemberInput) -> builtins.list[DuplicateCandidate]:
        """The members this person may already be, by the member import's rules."""
        require(self._actor, Permission.RUN_EVENTS)
        with self._uow() as uow:
            return registering.duplicates(uow.session, person)

    def register_new_person(self, webinar_id: int, person: MemberInput,
                            consent: frozenset[ConsentPurpose], data: RegistrationInput, *,
                            method: ConsentMethod = ConsentMethod.ONLINE,
                            allow_duplicate: bool = False) -> RegistrationView:
        """Make the person a member, record the consent they give now (a grant per purpose,
        dated today), and register them, all or nothing. When they may already be a member,
        :class:`PossibleDuplicateError` lists who, unless ``allow_duplicate``."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.services.member_changes import add_member
        from advocate_app.services.member_validation import clean_member_input

        cleaned = clean_member_input(person)
        if not (cleaned.given_name or cleaned.family_name or cleaned.email):
            raise ValidationError({"given_name": _("Give at least a name or an email address.")})
        registering.checked_registration(data)
        with self._uow() as uow:
            webinar = registering.webinar_row(uow.session, webinar_id, lock=True)
            entries = registering.consent_entries(consent, method, _(
                "Given when registering for the webinar “{title}”.").format(
                title=webinar.title))
            if not allow_duplicate:
                candidates = registering.duplicates(uow.session, cleaned)
                if candidates:
                    raise PossibleDuplicateError(candidates)
            from advocate_app.services.consent import record_in

            member = add_member(uow.session, self._actor, cleaned)
            for entry in entries:
                record_in(uow.session, self._actor, member.id, entry)
            registration = registering.register(uow.session, self._actor, webinar, member.id,
                                                data)
            uow.commit()
            registration_id = registration.id
        return self._registration(registration_id)

    def cancel_registration(self, registration_id: int, expected_version: int | None = None
                            ) -> RegistrationView | None:
        """Cancel; returns the registration that moved up from the waitlist (the first in
        order) when a place came free, else None. ``expected_version``: the registration's
        version the person saw (see services/versions.py)."""
        require(self._actor, Permission.RUN_EVENTS)
        with self._uow() as uow:
            versions.lock_row(uow.session, "webinar_registrations", registration_id)
            registration = registering.registration_row(uow.session, registration_id)
            versions.expect_version(registration, expected_version,
                                    lambda: self._registration(registration_id))
            moved = registering.cancel(uow.session, self._actor, registration)
            versions.commit(uow, lambda: self._registration(registration_id))
            moved_id = moved.id if moved is not None else None
        return self._registration(moved_id) if moved_id is not None else None

    def registrations(self, webinar_id: int) -> builtins.list[RegistrationView]:
        """Those holding a place, then the waitlist in order, then the cancelled."""
        require(self._actor, Permission.RUN_EVENTS)
        return webinar_stats.registrations(self._reader, webinar_id)

    def needs_totals(self, webinar_id: int) -> builtins.list[NeedsTotal]:
        """"3 need captions" over the registrations holding a place. What a registration asked
        for counts; one that asked for nothing counts the member's recorded access needs
        (captions, sign language, large print, Easy Read). Interpretation is detailed by
        language."""
        require(self._actor, Permission.RUN_EVENTS)
        return webinar_stats.needs_totals(self._reader, webinar_id)

    def check_in(self, registration_id: int, attended: bool, minutes: int | None = None,
                 expected_version: int | None = None) -> RegistrationView:
        """Attended (with minutes, when known) or did not come, checked in by hand.
        ``expected_version``: the registration's version the person saw (see
        services/versions.py)."""
        require(self._actor, Permission.RUN_EVENTS)
        with self._uow() as uow:
            versions.lock_row(uow.session, "webinar_registrations", registration_id)
            registration = registering.registration_row(uow.session, registration_id)
            versions.expect_version(registration, expected_version,
                                    lambda: self._registration(registration_id))
            registering.check_in(uow.session, self._actor, registration, attended, minutes)
            versions.commit(uow, lambda: self._registration(registration_id))
        return self._registration(registration_id)

    # -- figures -------------------------------------------------------------------------------

    def stats(self, webinar_ids: Sequence[int] | None = None) -> AttendanceStats:
        """Registered, attended, no-show, minutes, by role and by language, over the webinars
        named (every webinar not cancelled without a list); see ``webinar_stats``."""
        require(self._actor, Permission.RUN_EVENTS)
        return webinar_stats.stats(self._reader, webinar_ids)

    def trend(self) -> builtins.list[WebinarTrendPoint]:
        """Each held webinar, oldest first."""
        require(self._actor, Permission.RUN_EVENTS)
        return webinar_stats.trend(self._reader)

    # -- calendar files ------------------------------------------------------------------------

    def calendar(self, webinar_id: int | None = None) -> bytes:
        """The iCalendar (.ics) text of one webinar, or, without one, of every webinar not
        over yet (cancelled ones marked CANCELLED, so a calendar that imported them takes
        them off)."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.interchange.calendar import webinar_ics, webinars_feed

        if webinar_id is not None:
            return webinar_ics(self.get(webinar_id))
        coming = self.list(include_past=False, include_cancelled=True)
        return webinars_feed([w for w in coming if w.status is not WebinarStatus.HELD],
                             _("Advocate: upcoming webinars"))

    def write_calendar(self, webinar_id: int, path: Path | str) -> Path:
        """The webinar as an iCalendar (.ics) file, written whole or not at all."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.interchange.files import write_atomically

        written = write_atomically(Path(path), self.calendar(webinar_id))
        record_alone(self._uow, self._actor, AuditAction.EXPORTED, AuditSubject.WEBINAR,
                     webinar_id, count=1, detail="ics")
        return written

    def write_upcoming_feed(self, path: Path | str) -> Path:
        """Every webinar not over yet in one calendar file (see :meth:`calendar`)."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.interchange.files import write_atomically

        written = write_atomically(Path(path), self.calendar())
        record_alone(self._uow, self._actor, AuditAction.EXPORTED, AuditSubject.WEBINAR,
                     detail="ics feed")
        return written

    # -- reading helpers ------------------------------------------------------------------------

    def _registration(self, registration_id: int) -> RegistrationView:
        found = webinar_stats.registrations(self._reader, registration_id=registration_id)
        if not found:
            raise NotFoundError(_("This registration no longer exists."))
        return found[0]

    def _with_presenters(self, webinars: builtins.list[WebinarView]
                         ) -> builtins.list[WebinarView]:
        if not webinars:
            return webinars
        from dataclasses import replace

        ids = {f"w{n}": w.id for n, w in enumerate(webinars)}
        presenters: dict[int, builtins.list[PresenterView]] = {}
        for webinar_id, member_id, guest, organisation, given, family, preferred in \
                self._reader.rows(
                    "SELECT p.webinar_id, p.member_id, p.guest_name, p.guest_organisation, "
                    "m.given_name, m.family_name, m.preferred_name FROM webinar_presenters p "
                    "LEFT JOIN members m ON m.id = p.member_id WHERE p.webinar_id IN ("
                    + ", ".join(f":{name}" for name in ids) + ") ORDER BY p.position, p.id",
                    ids):
            name = member_display_name(given or "", family or "", preferred or "") \
                if member_id is not None else ""
            presenters.setdefault(webinar_id, []).append(
                PresenterView(member_id, name or guest or _("Name not known"),
                              organisation or ""))
        return [replace(w, presenters=tuple(presenters.get(w.id, ()))) for w in webinars]


# -- checking and filling ---------------------------------------------------------------------


def _checked(data: WebinarInput) -> datetime:
    """The start in UTC; ValidationError naming every field to put right."""
    errors: dict[str, str] = {}
    title = " ".join(data.title.split())
    if not title:
        errors["title"] = _("Give the webinar a title.")
    elif len(title) > TITLE_LENGTH:
        errors["title"] = _("This is too long: at most {limit} characters.").format(
            limit=TITLE_LENGTH)
    if len(data.description) > DESCRIPTION_LENGTH:
        errors["description"] = _("This is too long: at most {limit} characters.").format(
            limit=DESCRIPTION_LENGTH)
    if not valid_timezone(data.timezone):
        errors["timezone"] = _("“{zone}” is not a time zone (for example Europe/London)."
                               ).format(zone=data.timezone)
    if not SHORTEST <= data.duration_minutes <= LONGEST:
        errors["duration_minutes"] = _("A webinar lasts between 5 minutes and 24 hours.")
    if data.capacity < 0:
        errors["capacity"] = _("The number of places cannot be below 0 (0 means no limit).")
    for name in ("join_link", "recording_link", "slides_link"):
        refused = link_refusal(getattr(data, name), secure=True)
        if refused:
            errors[name] = refused
    if WebinarAccess.SIGN_LANGUAGE in data.access_offered and not data.sign_language.strip():
        errors["sign_language"] = _("Say which sign language is offered (for example BSL).")
    elif len(data.sign_language.strip()) > 60:
        errors["sign_language"] = _("This is too long: at most {limit} characters.").format(
            limit=60)
    languages = [code.strip() for code in data.interpretation_languages if code.strip()]
    wrong = [code for code in languages if not _LANGUAGE_CODE.match(code)]
    if wrong:
        errors["interpretation_languages"] = _(
            "“{code}” is not a language code (for example fr or ar).").format(code=wrong[0])
    elif WebinarAccess.INTERPRETATION in data.access_offered and not languages:
        errors["interpretation_languages"] = _("Say which languages are interpreted into.")
    presenters = _presenter_refusal(data)
    if presenters:
        errors["presenters"] = presenters
    starts = None
    if "timezone" not in errors:
        starts = _utc_start(data)
        refused = _status_refusal(data.status, starts)
        if refused:
            errors["status"] = refused
    if errors or starts is None:
        raise ValidationError(errors)
    return starts


def _utc_start(data: WebinarInput) -> datetime:
    local = data.starts_local
    if local.tzinfo is not None:
        local = local.astimezone(zone(data.timezone)).replace(tzinfo=None)
    return local.replace(second=0, microsecond=0, tzinfo=zone(data.timezone)).astimezone(UTC)


def _status_refusal(status: WebinarStatus, starts: datetime) -> str:
    if status is WebinarStatus.HELD and starts > datetime.now(UTC):
        return _("A webinar can be marked held once it has started.")
    return ""


def _presenter_refusal(data: WebinarInput) -> str:
    for presenter in data.presenters:
        if presenter.member_id is None and not presenter.guest_name.strip():
            return _("Each presenter is a member, or a guest with a name.")
        if len(presenter.guest_name.strip()) > 200 or \
                len(presenter.guest_organisation.strip()) > 200:
            return _("This is too long: at most {limit} characters.").format(limit=200)
    return ""


def _presenters_exist(session: Session, data: WebinarInput) -> None:
    from advocate_app.domain.members import Member

    for presenter in data.presenters:
        if presenter.member_id is not None and session.get(Member, presenter.member_id) is None:
            raise ValidationError({"presenters": _("This member no longer exists.")})


def _fill(webinar: Webinar, data: WebinarInput, starts: datetime) -> None:
    webinar.title = " ".join(data.title.split())
    webinar.description = data.description.strip()
    webinar.starts_at, webinar.duration_minutes = starts, data.duration_minutes
    webinar.timezone, webinar.platform = data.timezone, data.platform.value
    webinar.join_link = data.join_link.strip()
    webinar.capacity = data.capacity
    webinar.access_offered = ",".join(a.value for a in WebinarAccess if a in data.access_offered)
    webinar.sign_language = data.sign_language.strip() \
        if WebinarAccess.SIGN_LANGUAGE in data.access_offered else ""
    webinar.interpretation_languages = ",".join(dict.fromkeys(
        code.strip() for code in data.interpretation_languages if code.strip())) \
        if WebinarAccess.INTERPRETATION in data.access_offered else ""
    webinar.recording_link = data.recording_link.strip()
    webinar.slides_link = data.slides_link.strip()


def _set_presenters(session: Session, webinar_id: int, data: WebinarInput) -> None:
    from sqlalchemy import delete

    from advocate_app.domain.webinars import WebinarPresenter

    session.execute(delete(WebinarPresenter).where(WebinarPresenter.webinar_id == webinar_id))
    session.add_all(WebinarPresenter(
        webinar_id=webinar_id, member_id=p.member_id,
        guest_name="" if p.member_id is not None else p.guest_name.strip(),
        guest_organisation=p.guest_organisation.strip(), position=n)
        for n, p in enumerate(data.presenters))


def _view(r: Sequence) -> WebinarView:
    platform = Platform(r[6]) if r[6] in Platform._value2member_map_ else Platform.OTHER
    status = WebinarStatus(r[14]) if r[14] in WebinarStatus._value2member_map_ \
        else WebinarStatus.PLANNED
    return WebinarView(
        r[0], r[1], r[2] or "", utc_moment(r[3]), r[4], r[5] or "UTC", platform, r[7] or "",
        r[8] or 0, webinar_stats.accesses(r[9]), r[10] or "",
        tuple(c for c in (r[11] or "").split(",") if c), r[12] or "", r[13] or "", status,
        r[15], r[16] or 0, registered=r[18], waitlisted=r[19], attended=r[20], version=r[17])
