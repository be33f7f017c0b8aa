"""Changes to members through the ORM, in one unit of work each.

Loaded the first time a member is opened or saved, so the start-up path never needs it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.base import utcnow
from advocate_app.domain.community import AccessNeed, AgeBand, Barrier, Channel, PrintFormat
from advocate_app.domain.member_views import (
    ConditionInput,
    ContactInput,
    MemberDetails,
    MemberInput,
)
from advocate_app.domain.members import (
    Member,
    MemberAccessNeed,
    MemberBarrier,
    MemberChannel,
    MemberCondition,
    MemberContact,
    MemberRole,
    MemberTag,
)
from advocate_app.domain.people import ROLE_VALUES, Actor, Role
from advocate_app.i18n import _
from advocate_app.services.audit import record
from advocate_app.services.errors import ConcurrentEditError, NotFoundError
from advocate_app.services.member_validation import arrange_contacts
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

_E = TypeVar("_E", bound=enum.Enum)
_R = TypeVar("_R")

_COLLECTIONS = ("roles", "tags", "channels", "access_needs", "barriers", "conditions",
                "contacts")
_ENUM_FIELDS = {"age_band": AgeBand, "print_format": PrintFormat}
_INPUT_FIELDS = [f.name for f in fields(MemberInput)
                 if f.name not in _COLLECTIONS and f.name not in _ENUM_FIELDS]


def create(uow_factory: UnitOfWorkFactory, actor: Actor, data: MemberInput) -> MemberDetails:
    with uow_factory() as uow:
        member = add_member(uow.session, actor, data)
        record(uow.session, actor, AuditAction.CHANGED, AuditSubject.MEMBER, member.id,
               detail="created")
        uow.commit()
        return _details(member)


def add_member(session: Session, actor: Actor, data: MemberInput) -> Member:
    """A new member from checked input (see ``clean_member_input``), in ``session``'s
    transaction, so another change can be saved with it or not at all; flushed (it has its
    id)."""
    now = utcnow()
    member = Member(created_at=now, updated_at=now, created_by=actor.account_id,
                    updated_by=actor.account_id)
    _apply(member, data)
    session.add(member)
    session.flush()
    return member


def update(uow_factory: UnitOfWorkFactory, actor: Actor, member_id: int, data: MemberInput,
           expected_version: int) -> MemberDetails:
    with uow_factory() as uow:
        member = _load(uow.session, member_id)
        if member.version != expected_version:
            # Theirs as stored, for the editor to show beside the person's own values.
            raise _concurrent_edit(_details(member), member.version)
        _apply(member, data)
        member.updated_at = utcnow()
        member.updated_by = actor.account_id
        record(uow.session, actor, AuditAction.CHANGED, AuditSubject.MEMBER, member_id,
               detail="updated")
        try:
            uow.commit()
        except StaleDataError as exc:
            raise _concurrent_edit() from exc
        return _details(member)


def set_archived(uow_factory: UnitOfWorkFactory, actor: Actor, member_id: int, *,
                 archived: bool) -> MemberDetails:
    with uow_factory() as uow:
        member = _load(uow.session, member_id)
        now = utcnow()
        member.archived_at = now if archived else None
        member.updated_at = now
        member.updated_by = actor.account_id
        record(uow.session, actor, AuditAction.CHANGED, AuditSubject.MEMBER, member_id,
               detail="archived" if archived else "restored")
        uow.commit()
        return _details(member)


def get(uow_factory: UnitOfWorkFactory, member_id: int) -> MemberDetails:
    with uow_factory() as uow:
        return _details(_load(uow.session, member_id))


def _concurrent_edit(theirs: MemberDetails | None = None,
                     version: int | None = None) -> ConcurrentEditError:
    return ConcurrentEditError(
        _("Someone else saved this member while you were editing; nothing of yours was "
          "saved."), theirs, version)


def _load(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError(_("This member no longer exists."))
    return member


def _apply(member: Member, data: MemberInput) -> None:
    data = arrange_contacts(data)
    for name in _INPUT_FIELDS:
        setattr(member, name, getattr(data, name))
    wanted_roles = {role.value for role in data.roles}
    member.roles = [r for r in member.roles if r.role in wanted_roles] + [
        MemberRole(role=role) for role in sorted(wanted_roles - {r.role for r in member.roles})
    ]
    wanted_tags = list(data.tags)
    member.tags = [t for t in member.tags if t.tag in wanted_tags] + [
        MemberTag(tag=tag) for tag in wanted_tags if tag not in {t.tag for t in member.tags}
    ]
    for name in _ENUM_FIELDS:
        value = getattr(data, name)
        setattr(member, name, value.value if value is not None else "")
    member.access_needs = _sync(member.access_needs, "need", data.access_needs, MemberAccessNeed)
    member.barriers = _sync(member.barriers, "barrier", data.barriers, MemberBarrier)
    member.channels = _sync(member.channels, "channel", data.channels, MemberChannel)
    member.conditions = [
        MemberCondition(name=c.name, orpha_code=c.orpha_code,
                        diagnosis_confirmed=c.diagnosis_confirmed,
                        genetic_test_done=c.genetic_test_done)
        for c in data.conditions
    ] if [_condition(c) for c in member.conditions] != list(data.conditions) else (
        member.conditions)
    if [_contact(c) for c in member.contacts] != list(data.contacts):
        member.contacts = contact_rows(data.contacts)
    member.refresh_derived()


def contact_rows(contacts: Iterable[ContactInput]) -> list[MemberContact]:
    """Arranged contacts as rows: position within each kind, the first one primary."""
    rows: list[MemberContact] = []
    positions: dict[str, int] = {}
    for contact in contacts:
        position = positions.get(contact.kind, 0)
        positions[contact.kind] = position + 1
        rows.append(MemberContact(kind=contact.kind, value=contact.value, label=contact.label,
                                  is_primary=position == 0, position=position))
    return rows


def _contact(row: MemberContact) -> ContactInput:
    return ContactInput(row.kind, row.value, row.label)


def _sync(current: list[_R], attribute: str, wanted: Iterable[enum.Enum],
          row_class: Callable[..., _R]) -> list[_R]:
    """Keep the rows still wanted, add the new ones (so unchanged rows are not rewritten)."""
    values = {item.value for item in wanted}
    kept = [row for row in current if getattr(row, attribute) in values]
    have = {getattr(row, attribute) for row in kept}
    return kept + [row_class(**{attribute: value}) for value in sorted(values - have)]


def _condition(row: MemberCondition) -> ConditionInput:
    return ConditionInput(row.name, row.orpha_code, row.diagnosis_confirmed,
                          row.genetic_test_done)


def _details(member: Member) -> MemberDetails:
    values = {name: getattr(member, name) for name in _INPUT_FIELDS}
    return MemberDetails(
        **values,
        roles=frozenset(Role(r.role) for r in member.roles if r.role in ROLE_VALUES),
        tags=tuple(sorted(t.tag for t in member.tags)),
        age_band=_enum(AgeBand, member.age_band),
        print_format=_enum(PrintFormat, member.print_format),
        access_needs=frozenset(_known(AccessNeed, [r.need for r in member.access_needs])),
        barriers=frozenset(_known(Barrier, [r.barrier for r in member.barriers])),
        channels=frozenset(_known(Channel, [r.channel for r in member.channels])),
        conditions=tuple(_condition(c) for c in member.conditions),
        contacts=tuple(_contact(c) for c in sorted(
            member.contacts, key=lambda c: (c.kind, c.position))),
        id=member.id, version=member.version, created_at=member.created_at,
        updated_at=member.updated_at, archived_at=member.archived_at,
    )


def _enum(kind: type[_E], value: str) -> _E | None:
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def _known(kind: type[_E], values: Iterable[str]) -> list[_E]:
    return [kind(v) for v in values if v in kind._value2member_map_]


def fill_in(session: Session, actor: Actor, member_id: int, additions: list[MemberInput],
            combine: Callable[[MemberInput, MemberInput], MemberInput]) -> bool:
    """Merge imported details into an existing member inside the caller's transaction;
    whether anything was new (a member with nothing new is left exactly as it was)."""
    member = _load(session, member_id)
    data = _details(member)
    before = MemberInput(**{f.name: getattr(data, f.name) for f in fields(MemberInput)})
    base = before
    for extra in additions:
        base = combine(base, extra)
    if arrange_contacts(base) == arrange_contacts(before):
        return False
    _apply(member, base)
    member.updated_at = utcnow()
    member.updated_by = actor.account_id
    return True


def add_tag(uow_factory: UnitOfWorkFactory, actor: Actor, member_ids: list[int], tag: str) -> int:
    from sqlalchemy import select

    from advocate_app.services.errors import ValidationError

    tag = " ".join(tag.split())
    if not tag or len(tag) > 100:
        raise ValidationError({"tags": _("A tag needs 1 to 100 characters.")})
    added = 0
    with uow_factory() as uow:
        now = utcnow()
        for start in range(0, len(member_ids), 1000):
            batch = member_ids[start:start + 1000]
            for member in uow.session.scalars(select(Member).where(Member.id.in_(batch))):
                if tag in {t.tag for t in member.tags}:
                    continue
                member.tags.append(MemberTag(tag=tag))
                member.refresh_derived()
                member.updated_at = now
                member.updated_by = actor.account_id
                added += 1
        record(uow.session, actor, AuditAction.CHANGED, AuditSubject.MEMBERS, count=added,
               detail="tagged")
        uow.commit()
    return added
