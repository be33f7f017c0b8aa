"""A member's part in boards and meetings, and their name written down elsewhere, for the
privacy rights: read for 'everything we hold about you', removed by erasure.

A board is a handful of people whose seats and attendance are known to everyone who reads its
minutes: kept against the anonymous record, a seat or a meeting attended would say whose
record it was (and with it the conditions and age band kept for the figures). Erasure
therefore removes the member's seats, attendance and relationships with other members, and
the public roles they held (webinar presenter, session facilitator, a column of a roles
matrix, owner of an action or promise) and an account linked to them no longer point at
their record. Their name, email addresses and phone numbers written in free
text (an agenda's presenter, minutes, decisions, outreach items, other people's notes …) are
replaced by the erased record's label.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from advocate_app.i18n import ngettext
from advocate_app.services.privacy_events import _date, _day
from advocate_app.storage.reader import Reader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Free text that may name a person: (table, column). Every table has an ``id`` column.
FREE_TEXT: tuple[tuple[str, str], ...] = (
    ("agenda_items", "title"), ("agenda_items", "presenter"), ("agenda_items", "notes"),
    ("agenda_items", "papers"),
    ("decisions", "text"), ("decisions", "decided_by"), ("decisions", "dissent"),
    ("action_items", "text"), ("action_items", "owner_role"),
    ("promises", "text"), ("promises", "you_said"), ("promises", "evidence"),
    ("promises", "owner_role"), ("promises", "audience"),
    ("meetings", "title"), ("meetings", "place"), ("meetings", "arrangements_notes"),
    ("meetings", "approval_note"),
    ("boards", "terms_of_reference"), ("raci_parties", "name"), ("raci_activities", "name"),
    ("webinars", "title"), ("webinars", "description"),
    ("webinar_presenters", "guest_name"), ("webinar_presenters", "guest_organisation"),
    ("webinar_review_items", "name"), ("webinar_review_items", "email"),
    ("webinar_review_items", "needs_text"), ("webinar_report_imports", "file_name"),
    ("story_sessions", "title"), ("story_sessions", "notes"), ("story_sessions", "place"),
    ("stories", "title"), ("stories", "text"), ("story_quotes", "text"),
    ("story_consents", "guardian_name"), ("story_consents", "evidence"),
    ("story_uses", "item_title"),
    ("consent_records", "evidence"), ("engagements", "summary"),
    ("feedback_responses", "worked"), ("feedback_responses", "change"),
    ("feedback_responses", "comments"),
    ("members", "notes"), ("members", "barrier_notes"),
    ("outreach_items", "title"), ("outreach_items", "content"),
    ("outreach_renderings", "title"), ("outreach_renderings", "overridden"),
    ("outreach_revisions", "title"), ("outreach_revisions", "content"),
    ("outreach_translations", "translated_by"),
    ("segments", "name"), ("segments", "query"),
)


def held(reader: Reader, member_id: int) -> dict[str, list[dict[str, Any]]]:
    """The member's board seats (past and present) and the meetings they were asked to."""
    seats = reader.rows(
        "SELECT b.name, s.role, s.term_start, s.term_end FROM board_memberships s "
        "JOIN boards b ON b.id = s.board_id WHERE s.member_id = :m "
        "ORDER BY coalesce(s.term_start, '0001-01-01'), b.name", {"m": member_id})
    meetings = reader.rows(
        "SELECT mt.title, b.name, mt.starts_at, mt.timezone, a.status, a.mode, a.role "
        "FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id "
        "JOIN boards b ON b.id = mt.board_id WHERE a.member_id = :m "
        "ORDER BY mt.starts_at, mt.id", {"m": member_id})
    return {
        "board_roles": [{"board": r[0], "role": r[1], "term_start": _date(r[2]),
                         "term_end": _date(r[3])} for r in seats],
        "meetings_attended": [{"meeting": r[0], "board": r[1], "date": _day(r[2], r[3]),
                               "attendance": r[4], "mode": r[5], "role": r[6]}
                              for r in meetings]}


def names_of(session: Session, member_id: int) -> tuple[set[str], bool]:
    """Every way the member's record (and the duplicates merged into it) wrote their name,
    email addresses and phone numbers: what erasure looks for in free text. A name another
    member also has is left out (it may be theirs); the flag says one was."""
    from sqlalchemy import func, select

    from advocate_app.domain.members import Member
    from advocate_app.domain.merges import MemberMerge

    member = session.get(Member, member_id)
    people: list[dict[str, Any]] = []
    if member is not None:
        people.append({"given_name": member.given_name, "family_name": member.family_name,
                       "preferred_name": member.preferred_name,
                       "emails": [c.value for c in member.contacts],
                       "email": member.email, "phone": member.phone})
    for snapshot in session.scalars(select(MemberMerge.merged_snapshot).where(
            MemberMerge.kept_id == member_id)):
        try:
            found = json.loads(snapshot or "{}")
        except ValueError:
            continue
        if isinstance(found, dict):
            people.append(found)
    needles: set[str] = set()
    shared = False
    for person in people:
        given = str(person.get("given_name") or "").strip()
        family = str(person.get("family_name") or "").strip()
        namesake = session.scalar(select(func.count()).select_from(Member).where(
            Member.id != member_id, Member.erased_at.is_(None),
            func.lower(Member.given_name) == given.lower(),
            func.lower(Member.family_name) == family.lower())) if given and family else 0
        shared = shared or bool(namesake)
        if given and family and not namesake:
            needles.update({f"{given} {family}", f"{family} {given}", f"{family}, {given}"})
        preferred = str(person.get("preferred_name") or "").strip()
        if " " in preferred:
            needles.add(preferred)
        for key in ("email", "phone", "emails", "phones"):
            value = person.get(key)
            for item in value if isinstance(value, list) else [value]:
                text = item.get("address") or item.get("number") if isinstance(
                    item, dict) else item
                if isinstance(text, str) and len(text.strip()) >= 6:
                    needles.add(text.strip())
    return needles, shared


def replace_names(session: Session, needles: Iterable[str], label: str) -> int:
    """Replace every needle (any case) in the free text of :data:`FREE_TEXT` by ``label``;
    the number of records changed. JSON columns are matched in their escaped form too."""
    from sqlalchemy import text

    forms = set()
    for needle in needles:
        forms.update({needle, json.dumps(needle)[1:-1], json.dumps(needle,
                                                                   ensure_ascii=False)[1:-1]})
    forms = {f for f in forms if f}
    if not forms:
        return 0
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)),
                         re.IGNORECASE)
    like = "ILIKE" if session.get_bind().dialect.name == "postgresql" else "LIKE"
    patterns = sorted({p for f in forms for p in (f, f.lower(), f.upper())})
    params = {f"p{i}": "%" + _escape_like(p) + "%" for i, p in enumerate(patterns)}
    changed: set[tuple[str, int]] = set()
    for table, column in FREE_TEXT:
        where = " OR ".join(f"{column} {like} :p{i} ESCAPE '\\'" for i in range(len(patterns)))
        for row_id, value in session.execute(
                text(f"SELECT id, {column} FROM {table} WHERE {where}"), params).all():
            replaced = pattern.sub(label, value or "")
            if replaced != value:
                session.execute(text(f"UPDATE {table} SET {column} = :v WHERE id = :i"),
                                {"v": replaced, "i": row_id})
                changed.add((table, row_id))
    return len(changed)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def erase(session: Session, member_id: int, label: str) -> list[str]:
    """Inside the erasure's transaction: seats and attendance removed, public roles no
    longer pointing at the record. What was done, in plain sentences."""
    from sqlalchemy import delete, func, select, update

    from advocate_app.domain.accounts import Account
    from advocate_app.domain.boards import (
        ActionItem,
        Attendance,
        BoardMembership,
        Promise,
        RaciParty,
    )
    from advocate_app.domain.engagement import MemberRelationship
    from advocate_app.domain.outreach import OutreachTranslation
    from advocate_app.domain.stories import StorySession
    from advocate_app.domain.webinars import WebinarPresenter

    count = select(func.count())
    seats = session.scalar(count.select_from(BoardMembership).where(
        BoardMembership.member_id == member_id)) or 0
    meetings = session.scalar(count.select_from(Attendance).where(
        Attendance.member_id == member_id)) or 0
    related = (MemberRelationship.member_id == member_id) | (
        MemberRelationship.related_id == member_id)
    relationships = session.scalar(count.select_from(MemberRelationship).where(related)) or 0
    session.execute(delete(MemberRelationship).where(related))
    session.execute(update(Account).where(Account.member_id == member_id)
                    .values(member_id=None))
    session.execute(delete(BoardMembership).where(BoardMembership.member_id == member_id))
    session.execute(delete(Attendance).where(Attendance.member_id == member_id))
    session.execute(update(RaciParty).where(RaciParty.member_id == member_id)
                    .values(member_id=None, name=label))
    session.execute(update(ActionItem).where(ActionItem.owner_member_id == member_id)
                    .values(owner_member_id=None))
    session.execute(update(Promise).where(Promise.owner_member_id == member_id)
                    .values(owner_member_id=None))
    session.execute(update(WebinarPresenter).where(WebinarPresenter.member_id == member_id)
                    .values(member_id=None, guest_name=label, guest_organisation=""))
    session.execute(update(StorySession).where(StorySession.facilitator_id == member_id)
                    .values(facilitator_id=None))
    session.execute(update(OutreachTranslation).where(OutreachTranslation.reviewed_by == member_id)
                    .values(reviewed_by=None))
    said = []
    if seats:
        said.append(ngettext(
            "{n} board seat removed (a seat would tell whose record this was).",
            "{n} board seats removed (a seat would tell whose record this was).",
            seats).format(n=seats))
    if meetings:
        said.append(ngettext("Their attendance at {n} meeting removed.",
                             "Their attendance at {n} meetings removed.",
                             meetings).format(n=meetings))
    if relationships:
        said.append(ngettext(
            "{n} relationship with another member removed (it would say who they were).",
            "{n} relationships with other members removed (they would say who they were).",
            relationships).format(n=relationships))
    return said
