"""Creating, changing, archiving, listing and searching community members.

Lists and counts are plain SQL through the database's fast reader (see ``storage/reader.py``);
changes go through the ORM in ``member_changes``, loaded on first use.
"""

from __future__ import annotations

import builtins
from dataclasses import replace

from advocate_app.domain.access import Permission
from advocate_app.domain.member_views import MemberDetails, MemberInput, MemberQuery, MemberRow
from advocate_app.domain.people import ROLE_VALUES, Actor, Role, member_display_name
from advocate_app.services import member_queries as sql
from advocate_app.services.access import require
from advocate_app.services.member_order import OrderedIds
from advocate_app.services.member_validation import clean_member_input
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

_ROLE_ORDER = {role: index for index, role in enumerate(Role)}

#: What an account that may not see health details or notes gets empty in a member's record.
SENSITIVE_FIELDS = ("notes", "conditions", "date_of_birth", "age_band", "barriers",
                    "barrier_notes")


def contact_view(details: MemberDetails) -> MemberDetails:
    """The member's record without health details, notes and barriers: what a volunteer or a
    board secretary may see (names, contacts, addresses, languages, format, access needs)."""
    return replace(details, notes="", conditions=(), date_of_birth=None, age_band=None,
                   barriers=frozenset(), barrier_notes="")


class MemberService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor
        self._ordered = OrderedIds()  # a list sorted by a language's own alphabet (SQLite)

    # --- changing members -------------------------------------------------------------------

    def create(self, data: MemberInput) -> MemberDetails:
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.services import member_changes

        return member_changes.create(self._uow, self._actor, clean_member_input(data))

    def update(self, member_id: int, data: MemberInput, expected_version: int) -> MemberDetails:
        """Save changes made to the version the user opened; refuse if someone saved since."""
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.services import member_changes

        return member_changes.update(self._uow, self._actor, member_id,
                                     clean_member_input(data), expected_version)

    def archive(self, member_id: int) -> MemberDetails:
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.services import member_changes

        return member_changes.set_archived(self._uow, self._actor, member_id, archived=True)

    def restore(self, member_id: int) -> MemberDetails:
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.services import member_changes

        return member_changes.set_archived(self._uow, self._actor, member_id, archived=False)

    def add_tag(self, member_ids: list[int], tag: str) -> int:
        """Give every listed member the tag; returns how many did not have it yet."""
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.services import member_changes

        return member_changes.add_tag(self._uow, self._actor, member_ids, tag)

    # --- reading members --------------------------------------------------------------------

    def get(self, member_id: int) -> MemberDetails:
        """The member's whole record, for an account that may see health details and notes
        (the opening is written to the audit log); for any other (a volunteer, a board
        secretary) the same record with those fields left empty: names, addresses, languages,
        print format and access needs, what printing and mailing need (see
        :func:`contact_view`). Such a view must never be saved back; the roles that may
        change members may all see everything (``domain/access.py``)."""
        require(self._actor, Permission.VIEW_CONTACTS)
        from advocate_app.services import member_changes

        details = member_changes.get(self._uow, member_id)
        if not self._actor.may(Permission.VIEW_SENSITIVE):
            return contact_view(details)
        from advocate_app.domain.audit_views import AuditAction, AuditSubject
        from advocate_app.services.audit import record_viewing

        # Never fails: while another program writes at length, the line waits its turn.
        record_viewing(self._uow, self._actor, AuditAction.VIEWED_SENSITIVE,
                       AuditSubject.MEMBER, member_id)
        return details

    def names(self, member_ids: builtins.list[int]) -> dict[int, str]:
        """The display names of these members (those that exist), by id: what a list of
        people shows, without opening their records."""
        require(self._actor, Permission.VIEW_CONTACTS)
        found: dict[int, str] = {}
        for start in range(0, len(member_ids), 500):
            batch = member_ids[start:start + 500]
            marks = ", ".join(f":m{i}" for i in range(len(batch)))
            for member_id, given, family, preferred in self._reader.rows(
                    "SELECT id, given_name, family_name, preferred_name FROM members "
                    f"WHERE id IN ({marks})", {f"m{i}": v for i, v in enumerate(batch)}):
                found[int(member_id)] = member_display_name(given, family, preferred)
        return found

    def count(self, query: MemberQuery = MemberQuery()) -> int:
        require(self._actor, Permission.VIEW_CONTACTS)
        statement, params = sql.count_sql(query, self._reader.dialect)
        return int(self._reader.rows(statement, params)[0][0])

    def list(self, query: MemberQuery = MemberQuery(), offset: int = 0,
             limit: int = 200) -> list[MemberRow]:
        """One page of the list, in the query's order."""
        require(self._actor, Permission.VIEW_CONTACTS)
        from advocate_app.services import member_order

        if member_order.applies(query, self._reader.dialect):
            rows = member_order.rows_in_order(self._reader, self._ordered.page(
                self._reader, self._uow.changes, query, offset, limit))
        else:
            from advocate_app.services.name_order import name_order

            statement, params = sql.list_sql(query, offset, limit, self._reader.dialect,
                                             name_order(self._reader, large=True))
            rows = self._reader.rows(statement, params)
        roles = self._roles_for([row[0] for row in rows])
        return [
            MemberRow(
                id=member_id,
                display_name=member_display_name(given, family, preferred),
                email=email, phone=phone, country=country, preferred_language=language,
                roles=roles.get(member_id, ()), updated_at=as_utc(updated),
                archived=archived is not None,
            )
            for (member_id, given, family, preferred, email, phone, country, language, updated,
                 archived) in rows
        ]

    @property
    def reader(self) -> Reader:
        return self._reader

    def search(self, text: str, limit: int = 50) -> builtins.list[MemberRow]:
        require(self._actor, Permission.VIEW_CONTACTS)
        return self.list(MemberQuery(text=text), 0, limit)

    def all_tags(self) -> builtins.list[str]:
        """Every tag in use, in the interface language's alphabetical order."""
        require(self._actor, Permission.VIEW_CONTACTS)
        from advocate_app.i18n.collation import sort_key

        return sorted((row[0] for row in self._reader.rows(sql.ALL_TAGS_SQL)), key=sort_key)

    def regions(self) -> builtins.list[str]:
        """Regions members live in, for the list's filter, in alphabetical order."""
        require(self._actor, Permission.VIEW_CONTACTS)
        from advocate_app.i18n.collation import sort_key

        return sorted((row[0] for row in self._reader.rows(
            "SELECT DISTINCT region FROM members WHERE region <> '' ORDER BY region")),
            key=sort_key)

    def role_counts(self) -> dict[Role, int]:
        """Active members per role."""
        require(self._actor, Permission.VIEW_CONTACTS)
        archived = dict(self._reader.rows(sql.ARCHIVED_ROLE_COUNTS_SQL))
        counts = {Role(role): int(n) - int(archived.get(role, 0))
                  for role, n in self._reader.rows(sql.ALL_ROLE_COUNTS_SQL)
                  if role in ROLE_VALUES}
        return {role: n for role, n in counts.items() if n > 0}

    def _roles_for(self, member_ids: builtins.list[int]) -> dict[int, tuple[Role, ...]]:
        if not member_ids:
            return {}
        found: dict[int, list[Role]] = {}
        for member_id, role in self._reader.rows(*sql.roles_sql(member_ids)):
            if role in ROLE_VALUES:
                found.setdefault(member_id, []).append(Role(role))
        return {k: tuple(sorted(v, key=_ROLE_ORDER.__getitem__)) for k, v in found.items()}
