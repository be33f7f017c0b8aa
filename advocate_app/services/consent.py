"""Recording and reading consent: an append-only history per member and purpose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.community import (
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    EngagementKind,
)
from advocate_app.domain.people import Actor, account_name
from advocate_app.i18n import _, mid_sentence
from advocate_app.services import audit, timeline, versions
from advocate_app.services.access import require
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.consent import ConsentRecord


@dataclass(frozen=True)
class ConsentEntry:
    """What the person said, when, how, and until when."""

    purpose: ConsentPurpose
    status: ConsentStatus
    method: ConsentMethod
    effective_on: date
    expires_on: date | None = None
    evidence: str = ""


@dataclass(frozen=True)
class ConsentRecordView:
    id: int
    member_id: int
    purpose: ConsentPurpose
    status: ConsentStatus
    method: ConsentMethod
    effective_on: date
    expires_on: date | None
    evidence: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class ConsentState:
    """Where a member stands today for one purpose."""

    purpose: ConsentPurpose
    status: ConsentStatus | None  # None: never asked
    since: date | None = None
    expires_on: date | None = None
    #: The newest answer's id (0: never asked): what a new answer is recorded on top of.
    latest: int = 0

    @property
    def valid(self) -> bool:
        return self.status is ConsentStatus.GRANTED


def effective_status(status: ConsentStatus, expires_on: date | None, today: date) -> ConsentStatus:
    if status is ConsentStatus.GRANTED and expires_on is not None and expires_on < today:
        return ConsentStatus.EXPIRED
    return status


def valid_consent_sql(purpose_param: str = "consent_purpose",
                      today_param: str = "consent_today") -> str:
    """SQL condition on members ``m``: the newest entry for the purpose grants it, unexpired."""
    return (
        "EXISTS (SELECT 1 FROM consent_records c WHERE c.member_id = m.id "
        f"AND c.purpose = :{purpose_param} AND c.status = 'granted' "
        f"AND (c.expires_on IS NULL OR c.expires_on >= :{today_param}) "
        "AND NOT EXISTS (SELECT 1 FROM consent_records n WHERE n.member_id = c.member_id "
        "AND n.purpose = c.purpose AND (n.effective_on > c.effective_on "
        "OR (n.effective_on = c.effective_on AND n.id > c.id))))"
    )


def consent_text(entry: ConsentEntry) -> str:
    """What the member's timeline says of a consent answer."""
    if entry.status is ConsentStatus.WITHDRAWN:
        text = _("Withdrew consent for “{purpose}” ({method}).")
    elif entry.expires_on is not None:
        text = _("Gave consent for “{purpose}” ({method}) until {expires}.")
    else:
        text = _("Gave consent for “{purpose}” ({method}).")
    from advocate_app.i18n.formatting import format_date

    return text.format(purpose=entry.purpose.label, method=mid_sentence(entry.method.label),
                       expires=format_date(entry.expires_on, "long"))


def record_in(session: Session, actor: Actor, member_id: int, entry: ConsentEntry
              ) -> ConsentRecord:
    """Add a checked entry (see ``ConsentService.check``) to the member's history, with its
    timeline entry, in ``session``'s transaction (the consent given while registering is saved
    with the new member, or neither is)."""
    from advocate_app.domain.consent import ConsentRecord

    record = ConsentRecord(
        member_id=member_id, purpose=entry.purpose.value, status=entry.status.value,
        method=entry.method.value, effective_on=entry.effective_on,
        expires_on=entry.expires_on, evidence=entry.evidence.strip(),
        recorded_by=actor.account_id)
    session.add(record)
    timeline.write(session, EngagementKind.NOTE, [(member_id, consent_text(entry))],
                   recorded_by=actor.account_id, occurred_on=entry.effective_on)
    return record


class ConsentService:
    def __init__(self, uow: UnitOfWorkFactory, actor: Actor):
        self._uow = uow
        self._actor = actor

    @staticmethod
    def check(entry: ConsentEntry) -> None:
        """Raise ValidationError when ``entry`` could not be recorded (nothing is written)."""
        errors = {}
        if entry.effective_on > date.today():
            errors["effective_on"] = _("Consent cannot be recorded for a date in the future.")
        if entry.expires_on is not None and entry.expires_on <= entry.effective_on:
            errors["expires_on"] = _("The review or expiry date must come after the date "
                                     "consent was given.")
        if entry.status is ConsentStatus.EXPIRED:
            errors["status"] = _("Expiry is worked out from the expiry date; record a grant "
                                 "with an expiry date or a withdrawal instead.")
        if len(entry.evidence) > 10_000:
            errors["evidence"] = _("This is too long: at most {limit} characters.").format(
                limit=10_000)
        if errors:
            raise ValidationError(errors)

    def record(self, member_id: int, entry: ConsentEntry,
               expected_latest: int | None = None) -> ConsentRecordView:
        """Add an entry to the member's history; earlier entries are never changed.

        ``expected_latest``: the newest answer for the purpose the person saw
        (:attr:`ConsentState.latest`, 0 for none; None: no check). When someone recorded
        another answer for it since, nothing is written and ConcurrentEditError carries
        that answer (:class:`ConsentRecordView`) with its id as the version to answer over."""
        require(self._actor, Permission.EDIT_MEMBERS)
        self.check(entry)
        from advocate_app.domain.members import Member

        with self._uow() as uow:
            # The member's row held first: two answers for one member are recorded in turn.
            versions.lock_row(uow.session, "members", member_id)
            if uow.session.get(Member, member_id) is None:
                raise NotFoundError(_("This member no longer exists."))
            if expected_latest is not None:
                newest = self._newest(uow.session, member_id, entry.purpose)
                newest_id = newest.id if newest is not None else 0
                if newest_id != expected_latest:
                    theirs = [r for r in self.history(member_id) if r.id == newest_id]
                    raise versions.conflict(theirs[0] if theirs else None, newest_id)
            record = record_in(uow.session, self._actor, member_id, entry)
            audit.record(uow.session, self._actor, AuditAction.CONSENT_CHANGED,
                         AuditSubject.MEMBER, member_id, detail=entry.purpose.value)
            uow.commit()
            return self._view(record, self._actor.display_name)

    @staticmethod
    def _newest(session: Session, member_id: int, purpose: ConsentPurpose
                ) -> ConsentRecord | None:
        from sqlalchemy import select

        from advocate_app.domain.consent import ConsentRecord

        return session.scalars(select(ConsentRecord).where(
            ConsentRecord.member_id == member_id, ConsentRecord.purpose == purpose.value)
            .order_by(ConsentRecord.effective_on.desc(), ConsentRecord.id.desc()).limit(1)
        ).first()

    def history(self, member_id: int) -> list[ConsentRecordView]:
        """Every entry, newest first."""
        require(self._actor, Permission.VIEW_CONSENT)
        from sqlalchemy import select

        from advocate_app.domain.accounts import Account
        from advocate_app.domain.consent import ConsentRecord

        statement = (
            select(ConsentRecord, Account.display_name)
            .outerjoin(Account, Account.id == ConsentRecord.recorded_by)
            .where(ConsentRecord.member_id == member_id)
            .order_by(ConsentRecord.effective_on.desc(), ConsentRecord.id.desc())
        )
        with self._uow() as uow:
            return [self._view(record, name or "") for record, name in
                    uow.session.execute(statement)]

    def current(self, member_id: int, today: date | None = None
                ) -> dict[ConsentPurpose, ConsentState]:
        """Each purpose's state today: the newest entry decides; expiry dates are applied."""
        require(self._actor, Permission.VIEW_CONSENT)
        today = today or date.today()
        states = {purpose: ConsentState(purpose, None) for purpose in ConsentPurpose}
        for record in reversed(self.history(member_id)):  # oldest first; newest wins
            states[record.purpose] = ConsentState(
                record.purpose, effective_status(record.status, record.expires_on, today),
                record.effective_on, record.expires_on, record.id)
        return states

    @staticmethod
    def _view(record: ConsentRecord, recorded_by: str) -> ConsentRecordView:
        return ConsentRecordView(
            id=record.id, member_id=record.member_id, purpose=ConsentPurpose(record.purpose),
            status=ConsentStatus(record.status), method=ConsentMethod(record.method),
            effective_on=record.effective_on, expires_on=record.expires_on,
            evidence=record.evidence, recorded_at=record.recorded_at,
            recorded_by=account_name(recorded_by))
