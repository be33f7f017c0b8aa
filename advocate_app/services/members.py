"""Creating, changing, archiving, listing and searching community members."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from advocate_app.domain.accounts import Actor
from advocate_app.domain.base import utcnow
from advocate_app.domain.members import (
    Member,
    MemberRole,
    MemberTag,
    ROLE_VALUES,
    Role,
    member_display_name,
)
from advocate_app.domain.text import fold
from advocate_app.i18n import _
from advocate_app.services.errors import ConcurrentEditError, NotFoundError
from advocate_app.services.member_data import (
    MemberDetails,
    MemberInput,
    MemberQuery,
    MemberRow,
    MemberSort,
)
from advocate_app.services.member_validation import clean_member_input
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

_INPUT_FIELDS = [f.name for f in fields(MemberInput) if f.name not in ("roles", "tags")]

_SORT_COLUMNS = {
    MemberSort.NAME: (Member.sort_name,),
    MemberSort.EMAIL: (Member.email,),
    MemberSort.COUNTRY: (Member.country, Member.sort_name),
    MemberSort.LANGUAGE: (Member.preferred_language, Member.sort_name),
    MemberSort.UPDATED: (Member.updated_at,),
}


class MemberService:
    def __init__(self, uow: UnitOfWorkFactory, actor: Actor):
        self._uow = uow
        self._actor = actor

    # --- changing members -------------------------------------------------------------------

    def create(self, data: MemberInput) -> MemberDetails:
        data = clean_member_input(data)
        with self._uow() as uow:
            now = utcnow()
            member = Member(
                created_at=now, updated_at=now,
                created_by=self._actor.account_id, updated_by=self._actor.account_id,
            )
            _apply(member, data)
            uow.session.add(member)
            uow.commit()
            return _details(member)

    def update(self, member_id: int, data: MemberInput, expected_version: int) -> MemberDetails:
        """Save changes made to the version the user opened; refuse if someone saved since."""
        data = clean_member_input(data)
        with self._uow() as uow:
            member = _load(uow.session, member_id)
            if member.version != expected_version:
                raise _concurrent_edit()
            _apply(member, data)
            member.updated_at = utcnow()
            member.updated_by = self._actor.account_id
            try:
                uow.commit()
            except StaleDataError as exc:
                raise _concurrent_edit() from exc
            return _details(member)

    def archive(self, member_id: int) -> MemberDetails:
        return self._set_archived(member_id, archived=True)

    def restore(self, member_id: int) -> MemberDetails:
        return self._set_archived(member_id, archived=False)

    def _set_archived(self, member_id: int, *, archived: bool) -> MemberDetails:
        with self._uow() as uow:
            member = _load(uow.session, member_id)
            now = utcnow()
            member.archived_at = now if archived else None
            member.updated_at = now
            member.updated_by = self._actor.account_id
            uow.commit()
            return _details(member)

    # --- reading members --------------------------------------------------------------------

    def get(self, member_id: int) -> MemberDetails:
        with self._uow() as uow:
            return _details(_load(uow.session, member_id))

    def count(self, query: MemberQuery = MemberQuery()) -> int:
        with self._uow() as uow:
            statement = select(func.count()).select_from(Member).where(*_filters(query))
            return uow.session.execute(statement).scalar_one()

    def list(self, query: MemberQuery = MemberQuery(), offset: int = 0,
             limit: int = 200) -> list[MemberRow]:
        """One page of the list, in the query's order."""
        order = [c.desc() if query.descending else c.asc() for c in _SORT_COLUMNS[query.sort]]
        order.append(Member.id.desc() if query.descending else Member.id.asc())
        statement = (
            select(
                Member.id, Member.given_name, Member.family_name, Member.preferred_name,
                Member.email, Member.phone, Member.country, Member.preferred_language,
                Member.updated_at, Member.archived_at,
            )
            .where(*_filters(query))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        )
        with self._uow() as uow:
            rows = uow.session.execute(statement).all()
            roles = _roles_for(uow.session, [r.id for r in rows])
        return [
            MemberRow(
                id=r.id,
                display_name=member_display_name(r.given_name, r.family_name, r.preferred_name),
                email=r.email, phone=r.phone, country=r.country,
                preferred_language=r.preferred_language,
                roles=roles.get(r.id, ()), updated_at=r.updated_at,
                archived=r.archived_at is not None,
            )
            for r in rows
        ]

    def search(self, text: str, limit: int = 50) -> list[MemberRow]:
        return self.list(MemberQuery(text=text), 0, limit)

    def all_tags(self) -> list[str]:
        with self._uow() as uow:
            return list(uow.session.scalars(select(MemberTag.tag).distinct().order_by(MemberTag.tag)))

    def role_counts(self) -> dict[Role, int]:
        """Active members per role."""
        statement = (
            select(MemberRole.role, func.count())
            .join(Member, Member.id == MemberRole.member_id)
            .where(Member.archived_at.is_(None))
            .group_by(MemberRole.role)
        )
        with self._uow() as uow:
            return {Role(role): n for role, n in uow.session.execute(statement) if role in ROLE_VALUES}


def _concurrent_edit() -> ConcurrentEditError:
    return ConcurrentEditError(
        _("Someone else saved this member while you were editing. Close the editor and open the "
          "member again to see their changes.")
    )


def _load(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError(_("This member no longer exists."))
    return member


def _apply(member: Member, data: MemberInput) -> None:
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
    member.refresh_derived()


def _details(member: Member) -> MemberDetails:
    values = {name: getattr(member, name) for name in _INPUT_FIELDS}
    return MemberDetails(
        **values,
        roles=frozenset(Role(r.role) for r in member.roles if r.role in ROLE_VALUES),
        tags=tuple(sorted(t.tag for t in member.tags)),
        id=member.id, version=member.version, created_at=member.created_at,
        updated_at=member.updated_at, archived_at=member.archived_at,
    )


def _filters(query: MemberQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if not query.include_archived:
        conditions.append(Member.archived_at.is_(None))
    if query.role is not None:
        conditions.append(
            exists().where(MemberRole.member_id == Member.id, MemberRole.role == query.role.value)
        )
    for token in fold(query.text).split():
        escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        word_start = Member.search_text.like(f"% {escaped}%", escape="\\")
        if token.isdigit():
            conditions.append(or_(word_start, Member.search_text.like(f"%{escaped}%", escape="\\")))
        else:
            conditions.append(word_start)
    return conditions


def _roles_for(session: Session, ids: Sequence[int]) -> dict[int, tuple[Role, ...]]:
    if not ids:
        return {}
    found: dict[int, list[Role]] = {}
    statement = select(MemberRole.member_id, MemberRole.role).where(MemberRole.member_id.in_(ids))
    for member_id, role in session.execute(statement):
        if role in ROLE_VALUES:
            found.setdefault(member_id, []).append(Role(role))
    order = list(Role)
    return {k: tuple(sorted(v, key=order.index)) for k, v in found.items()}
