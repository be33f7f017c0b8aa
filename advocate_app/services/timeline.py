"""A member's engagement timeline and their relationships with other members."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.community import EngagementKind, RelationshipKind
from advocate_app.domain.people import Actor, account_name, member_display_name
from advocate_app.i18n import N_, _
from advocate_app.services.access import require
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_INVERSE = {RelationshipKind.CARER_OF: N_("Cared for by"),
            RelationshipKind.PARENT_OF: N_("Child of"),
            RelationshipKind.CLINICIAN_OF: N_("Patient of")}


@dataclass(frozen=True)
class EngagementEntry:
    kind: EngagementKind
    occurred_on: date
    summary: str = ""


@dataclass(frozen=True)
class EngagementView:
    id: int
    member_id: int
    kind: EngagementKind
    occurred_on: date
    summary: str
    recorded_by: str


@dataclass(frozen=True)
class RelationshipView:
    id: int
    kind: RelationshipKind
    other_id: int
    other_name: str
    outgoing: bool  # True: this member is the carer/parent/clinician of the other

    @property
    def label(self) -> str:
        relation = self.kind.label if self.outgoing else _(_INVERSE[self.kind])
        return _("{relation} {name}").format(relation=relation, name=self.other_name)


class TimelineService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def add(self, member_id: int, entry: EngagementEntry) -> None:
        require(self._actor, Permission.EDIT_MEMBERS)
        if entry.occurred_on > date.today():
            raise ValidationError({"occurred_on": _("An entry of the timeline cannot be in the "
                                                    "future.")})
        if len(entry.summary) > 20_000:
            raise ValidationError({"summary": _("This is too long: at most {limit} "
                                                "characters.").format(limit=20_000)})
        from advocate_app.domain.engagement import Engagement
        from advocate_app.domain.members import Member

        with self._uow() as uow:
            if uow.session.get(Member, member_id) is None:
                raise NotFoundError(_("This member no longer exists."))
            uow.session.add(Engagement(member_id=member_id, kind=entry.kind.value,
                                       occurred_on=entry.occurred_on,
                                       summary=entry.summary.strip(),
                                       recorded_by=self._actor.account_id))
            uow.commit()

    def timeline(self, member_id: int) -> list[EngagementView]:
        require(self._actor, Permission.VIEW_SENSITIVE)
        rows = self._reader.rows(
            "SELECT e.id, e.kind, e.occurred_on, e.summary, a.display_name FROM engagements e "
            "LEFT JOIN accounts a ON a.id = e.recorded_by WHERE e.member_id = :member "
            "ORDER BY e.occurred_on DESC, e.id DESC", {"member": member_id})
        return [EngagementView(i, member_id, EngagementKind(kind), _as_date(when), summary,
                               account_name(who)) for i, kind, when, summary, who in rows]

    def relate(self, member_id: int, kind: RelationshipKind, related_id: int) -> None:
        require(self._actor, Permission.EDIT_MEMBERS)
        if member_id == related_id:
            raise ValidationError({"related": _("A member cannot be related to themselves.")})
        from sqlalchemy import select

        from advocate_app.domain.engagement import MemberRelationship
        from advocate_app.domain.members import Member

        with self._uow() as uow:
            session = uow.session
            if session.get(Member, member_id) is None or session.get(Member, related_id) is None:
                raise NotFoundError(_("This member no longer exists."))
            exists = session.scalar(select(MemberRelationship.id).where(
                MemberRelationship.member_id == member_id,
                MemberRelationship.related_id == related_id,
                MemberRelationship.kind == kind.value))
            if exists is None:
                session.add(MemberRelationship(member_id=member_id, related_id=related_id,
                                               kind=kind.value))
                uow.commit()

    def unrelate(self, relationship_id: int) -> None:
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.domain.engagement import MemberRelationship

        with self._uow() as uow:
            found = uow.session.get(MemberRelationship, relationship_id)
            if found is not None:
                uow.session.delete(found)
                uow.commit()

    def relationships(self, member_id: int) -> list[RelationshipView]:
        require(self._actor, Permission.VIEW_SENSITIVE)
        rows = self._reader.rows(
            "SELECT r.id, r.kind, r.member_id, r.related_id, m.given_name, m.family_name, "
            "m.preferred_name FROM member_relationships r JOIN members m ON m.id = "
            "CASE WHEN r.member_id = :member THEN r.related_id ELSE r.member_id END "
            "WHERE r.member_id = :member OR r.related_id = :member ORDER BY r.id",
            {"member": member_id})
        return [RelationshipView(i, RelationshipKind(kind),
                                 related if source == member_id else source,
                                 member_display_name(g, f, p), source == member_id)
                for i, kind, source, related, g, f, p in rows]


# -- entries the app writes itself ------------------------------------------------------------
#
# Invitations and attendance (boards), what was sent in a print pack (outreach), consent
# answers, imports and merges reach the member's timeline without anyone typing them: the
# service that makes the change calls :func:`write` with its own session, so the entry is part
# of the same transaction (both are saved, or neither).


def write(session: Session, kind: EngagementKind, entries: Iterable[tuple[int, str]], *,
          recorded_by: int | None = None, occurred_on: date | None = None) -> int:
    """Add ``(member id, summary)`` entries of ``kind`` to members' timelines in ``session``'s
    transaction (one INSERT, however many); returns how many were written."""
    from sqlalchemy import insert

    from advocate_app.domain.engagement import Engagement

    day = min(occurred_on or date.today(), date.today())  # never in the future
    rows = [{"member_id": member_id, "kind": kind.value, "occurred_on": day,
             "summary": summary, "recorded_by": recorded_by} for member_id, summary in entries]
    if rows:
        session.execute(insert(Engagement), rows)
    return len(rows)


def forget(session: Session, member_id: int, kind: EngagementKind, summaries: Iterable[str]) -> None:
    """Remove entries the app wrote earlier that a newer one replaces (attendance changed)."""
    from sqlalchemy import delete

    from advocate_app.domain.engagement import Engagement

    session.execute(delete(Engagement).where(
        Engagement.member_id == member_id, Engagement.kind == kind.value,
        Engagement.summary.in_(list(summaries))))


def forget_one(session: Session, member_id: int, kind: EngagementKind, summary: str) -> None:
    """Remove the newest entry the app wrote with ``summary`` (what it recorded was deleted or
    changed); other entries that happen to read the same stay."""
    from sqlalchemy import delete, select

    from advocate_app.domain.engagement import Engagement

    newest = session.scalar(select(Engagement.id).where(
        Engagement.member_id == member_id, Engagement.kind == kind.value,
        Engagement.summary == summary).order_by(Engagement.id.desc()).limit(1))
    if newest is not None:
        session.execute(delete(Engagement).where(Engagement.id == newest))


def imported(session: Session, actor: Actor, file_name: str, created: Iterable[int],
             filled_in: Iterable[int]) -> None:
    """The timeline entries of an import: who was added, and whose record it added to."""
    write(session, EngagementKind.NOTE, [
        *((member_id, _("Added from the file {file}.").format(file=file_name))
          for member_id in created),
        *((member_id, _("Details added from the file {file}.").format(file=file_name))
          for member_id in filled_in)], recorded_by=actor.account_id)


def merged(session: Session, actor: Actor, keep_id: int, other_id: int, other_name: str) -> None:
    """The timeline entry of a merge, on the record kept."""
    write(session, EngagementKind.NOTE, [(keep_id, _(
        "Merged with the duplicate record of {name} (#{id}).").format(
        name=other_name, id=other_id))], recorded_by=actor.account_id)


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    moment = as_utc(value) if " " in str(value) else None
    return moment.date() if moment is not None else date.fromisoformat(str(value))
