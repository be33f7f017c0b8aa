"""Finding the people of an import who are already members, or appear twice in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocate_app.domain.people import member_display_name
from advocate_app.domain.text import fold
from advocate_app.i18n import _
from advocate_app.services.duplicate_rules import Known, PeopleIndex

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.services.member_import_rows import Person


def existing_index(session: Session) -> PeopleIndex:
    from sqlalchemy import select

    from advocate_app.domain.members import Member, MemberContact

    index = PeopleIndex()
    others: dict[tuple[int, str], list[str]] = {}
    for member_id, kind, value in session.execute(
            select(MemberContact.member_id, MemberContact.kind, MemberContact.value)
            .where(MemberContact.is_primary.is_(False))):
        others.setdefault((member_id, kind), []).append(value)
    statement = select(Member.id, Member.given_name, Member.family_name, Member.preferred_name,
                       Member.email, Member.phone, Member.postcode)
    for member_id, given, family, preferred, email, phone, postcode in session.execute(
            statement):
        label = member_display_name(given, family, preferred) or email
        index.add(Known(("db", member_id), fold(member_display_name(given, family, "")),
                         fold(given), label),
                  [email, *others.get((member_id, "email"), ())],
                  [phone, *others.get((member_id, "phone"), ())], postcode)
    return index


def member_id_of(known: Known) -> int | None:
    return known.key[1] if known.key[0] == "db" else None


def describe(known: Known, new_people: list[Person]) -> str:
    kind, key = known.key
    if kind == "db":
        return _("{name} (member {id})").format(name=known.label, id=key)
    return _("{name} (row {row} of this file)").format(name=known.label,
                                                      row=new_people[key].row)
