"""Writing what an import read: new members in bulk, the details merged into existing ones,
and the newsletter consent a mailing-list export records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advocate_app.domain.base import utcnow
from advocate_app.domain.member_views import ContactInput, MemberInput
from advocate_app.domain.people import Actor, Role
from advocate_app.i18n import _
from advocate_app.interchange import member_values as values
from advocate_app.interchange.tables import Table
from advocate_app.services.member_validation import arrange_contacts

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.services.member_import_rows import Person


def fill(base: MemberInput, extra: MemberInput) -> MemberInput:
    """``base`` with its empty fields filled from ``extra``, roles and tags combined."""
    changes = {}
    for name in ("given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
                 "address", "postcode", "country", "preferred_language", "second_language",
                 "region", "notes"):
        if not getattr(base, name) and getattr(extra, name):
            changes[name] = getattr(extra, name)
    if base.date_of_birth is None and extra.date_of_birth is not None:
        changes["date_of_birth"] = extra.date_of_birth
        changes["age_band"] = extra.age_band
    changes["roles"] = base.roles | extra.roles
    changes["tags"] = tuple(dict.fromkeys((*base.tags, *extra.tags)))
    # Every address and number is kept; the ones already here stay first (and primary).
    changes["contacts"] = (*_all_contacts(base), *_all_contacts(extra))
    return arrange_contacts(replace(base, **changes))


def _all_contacts(data: MemberInput) -> tuple[ContactInput, ...]:
    primaries = tuple(ContactInput(kind, getattr(data, kind)) for kind in ("email", "phone")
                      if getattr(data, kind) and not any(c.kind == kind for c in data.contacts))
    return (*primaries, *data.contacts)


#: Member columns an import fills directly from the file.
_STORED_FIELDS = ("given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
                  "address", "postcode", "country", "preferred_language", "second_language",
                  "notes", "region",
                  "date_of_birth", "age_band")


def _codes(values: Iterable[str]) -> list[str]:
    return [getattr(v, "value", v) for v in values]


def write(session: Session, actor: Actor, people: list[Person],
           merges: dict[int, list[Person]]) -> tuple[dict[int, int], list[int]]:
    """Insert new people in bulk and fill in existing members; returns (row -> new member
    id, the existing members that something new was added to)."""
    from advocate_app.services import member_changes
    from advocate_app.storage.member_bulk import insert_members, reserve_member_ids

    now = utcnow()
    new_ids = reserve_member_ids(session, len(people))
    rows: list[dict[str, Any]] = []
    roles: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    contacts: list[dict[str, Any]] = []
    ids: dict[int, int] = {}
    role_order = {role.value: index for index, role in enumerate(Role)}
    for member_id, person in zip(new_ids, people, strict=True):
        ids[person.row] = member_id
        row = {name: person.field(name) for name in _STORED_FIELDS}
        row["age_band"] = row["age_band"] or ""
        sort_name, search_text = person.sort_and_search()
        row.update(id=member_id, sort_name=sort_name, search_text=search_text, created_at=now,
                   updated_at=now, created_by=actor.account_id, updated_by=actor.account_id,
                   version=1)
        rows.append(row)
        roles.extend({"member_id": member_id, "role": role}
                     for role in sorted(_codes(person.field("roles")), key=role_order.__getitem__))
        tags.extend({"member_id": member_id, "tag": tag} for tag in person.field("tags"))
        positions = {"email": 0, "phone": 0}
        for kind, value, label in person.field("contacts"):
            position = positions[kind]
            positions[kind] = position + 1
            if position or label:  # an unlabelled primary comes from the member's columns
                contacts.append({"member_id": member_id, "kind": kind, "value": value,
                                 "label": label, "is_primary": position == 0,
                                 "position": position})
    insert_members(session, rows, roles, tags, contacts)
    changed = [member_id for member_id, extra in merges.items()
               if member_changes.fill_in(session, actor, member_id,
                                         [person.data for person in extra], fill)]
    return ids, changed


# --- mailing lists ------------------------------------------------------------------------

#: Mailchimp's columns: (the answer its export means, the columns giving its date).
_MAILING_LISTS = (
    ("withdrawn", ("unsub time", "unsub campaign title"), ("unsub time",)),
    ("withdrawn", ("clean time", "clean campaign title"), ("clean time",)),
    ("granted", ("optin time", "confirm time", "member rating", "leid", "euid"),
     ("confirm time", "optin time")),
)


def mailing_list_consent(headers: list[str]) -> tuple[str, int | None] | None:
    """For a mailing-list export (Mailchimp's subscribed, unsubscribed or cleaned lists):
    the newsletter answer it means and the column holding its date; None for other files."""
    from advocate_app.interchange.member_columns import normalise_header

    keys = [normalise_header(h).replace("_", " ") for h in headers]
    for answer, marks, dates in _MAILING_LISTS:
        if sum(mark in keys for mark in marks) >= min(2, len(marks)):
            column = next((keys.index(d) for d in dates if d in keys), None)
            return answer, column
    return None


def record_newsletter(session: Session, actor: Actor, newsletter: tuple[str, int | None],
                      table: Table, path: Path, created: dict[int, int],
                      merged: dict[int, int]) -> int:
    """Newsletter consent as the list says, for each member imported or merged from it,
    unless their newest newsletter answer already says the same (importing twice adds
    nothing)."""
    from datetime import date

    from sqlalchemy import select

    from advocate_app.domain.consent import ConsentRecord
    from advocate_app.storage.member_bulk import insert_rows

    answer, column = newsletter
    by_row = {**merged, **created}
    if not by_row:
        return 0
    latest: dict[int, str] = {}
    wanted = sorted(set(merged.values()))
    for start in range(0, len(wanted), 1000):
        for answered_id, status in session.execute(
                select(ConsentRecord.member_id, ConsentRecord.status)
                .where(ConsentRecord.member_id.in_(wanted[start:start + 1000]),
                       ConsentRecord.purpose == "newsletter")
                .order_by(ConsentRecord.effective_on, ConsentRecord.id)):
            latest[answered_id] = status
    evidence = (_("Subscribed in the mailing-list export {file}.") if answer == "granted"
                else _("Unsubscribed or removed in the mailing-list export {file}.")).format(
        file=Path(path).name)
    today, now = date.today(), utcnow()
    rows, done = [], set()
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        member_id = by_row.get(number)
        if member_id is None or member_id in done or latest.get(member_id) == answer:
            continue
        done.add(member_id)
        when = values.parse_date(cells[column][:10]) if column is not None and column < len(
            cells) and cells[column] else None
        rows.append({"member_id": member_id, "purpose": "newsletter", "status": answer,
                     "method": "imported", "effective_on": min(when or today, today),
                     "expires_on": None, "evidence": evidence, "recorded_at": now,
                     "recorded_by": actor.account_id})
    insert_rows(session, "consent_records", rows)
    return len(rows)
