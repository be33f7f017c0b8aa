"""Finding the people of an import who are already members, or appear twice in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocate_app.domain.people import member_display_name
from advocate_app.domain.text import fold
from advocate_app.i18n import _
from advocate_app.services.duplicate_rules import (
    Known,
    PeopleIndex,
    PersonContact,
    _digits,
    values_of,
)

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.orm import InstrumentedAttribute, Session

    from advocate_app.services.member_import_rows import Person


def existing_index(session: Session, near: PersonContact | None = None) -> PeopleIndex:
    """Every member, indexed for the duplicate rules. With ``near``, only the members who
    could match that one person (sharing an email address, the end of a phone number, the
    postcode, or the family name): one person is checked quickly however many members there
    are, by the same rules."""
    from sqlalchemy import select

    from advocate_app.domain.members import Member, MemberContact

    index = PeopleIndex()
    chosen = _near(near) if near is not None else None
    others: dict[tuple[int, str], list[str]] = {}
    contacts = select(MemberContact.member_id, MemberContact.kind, MemberContact.value).where(
        MemberContact.is_primary.is_(False))
    statement = select(Member.id, Member.given_name, Member.family_name, Member.preferred_name,
                       Member.email, Member.phone, Member.postcode)
    if chosen is not None:
        contacts = contacts.where(MemberContact.member_id.in_(chosen))
        statement = statement.where(Member.id.in_(chosen))
    for member_id, kind, value in session.execute(contacts):
        others.setdefault((member_id, kind), []).append(value)
    for member_id, given, family, preferred, email, phone, postcode in session.execute(
            statement):
        label = member_display_name(given, family, preferred) or email
        index.add(Known(("db", member_id), fold(member_display_name(given, family, "")),
                         fold(given), label),
                  [email, *others.get((member_id, "email"), ())],
                  [phone, *others.get((member_id, "phone"), ())], postcode)
    return index


def _near(person: PersonContact) -> Select:
    """The ids of the members who could match ``person`` by the rules, as a subquery."""
    from sqlalchemy import false, func, or_, select

    from advocate_app.domain.members import Member, MemberContact

    def digits_of(column: ColumnElement[str] | InstrumentedAttribute[str]
                  ) -> ColumnElement[str]:
        stripped: ColumnElement[str] = func.replace(column, " ", "")
        for character in "-().+/":
            stripped = func.replace(stripped, character, "")
        return stripped

    emails = sorted({e.strip().lower() for e in values_of(person, "email") if e.strip()})
    phones = sorted({d for d in (_digits(p) for p in values_of(person, "phone")) if len(d) >= 7})
    code = fold(person.postcode).replace(" ", "")
    family, given = fold(person.family_name), fold(person.given_name)
    conditions: list[ColumnElement[bool]] = [false()]
    if emails:
        conditions += [func.lower(Member.email).in_(emails), Member.id.in_(
            select(MemberContact.member_id).where(MemberContact.kind == "email",
                                                  func.lower(MemberContact.value).in_(emails)))]
    for digits in phones:
        conditions += [digits_of(Member.phone).endswith(digits), Member.id.in_(
            select(MemberContact.member_id).where(
                MemberContact.kind == "phone", digits_of(MemberContact.value).endswith(digits)))]
    if code:
        conditions.append(func.lower(func.replace(Member.postcode, " ", "")) == code)
    if family:
        conditions.append(Member.sort_name.startswith(family, autoescape=True))
    elif given:
        conditions.append(Member.sort_name == given)
    return select(Member.id).where(or_(*conditions))


def member_id_of(known: Known) -> int | None:
    return known.key[1] if known.key[0] == "db" else None


def describe(known: Known, new_people: list[Person]) -> str:
    kind, key = known.key
    if kind == "db":
        return _("{name} (member {id})").format(name=known.label, id=key)
    return _("{name} (row {row} of this file)").format(name=known.label,
                                                      row=new_people[key].row)
