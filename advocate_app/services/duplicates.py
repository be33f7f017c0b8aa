"""Duplicates across the whole database, and merging two records into one without losing
anything: consent history moves to the kept record, and the merge is recorded with a copy of
everything the other record held."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.people import Actor
from advocate_app.i18n import _
from advocate_app.services import timeline
from advocate_app.services.access import require
from advocate_app.services.audit import record
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.domain.member_views import MemberInput
    from advocate_app.services.members import MemberService
    from advocate_app.services.privacy import PrivacyService


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    reason: str


class DuplicateService:
    def __init__(self, uow: UnitOfWorkFactory, actor: Actor, members: MemberService,
                 privacy: PrivacyService) -> None:
        self._uow = uow
        self._actor = actor
        self._members = members
        self._privacy = privacy

    def find(self, limit: int = 1000) -> list[DuplicatePair]:
        """Pairs of active records that look like the same person, oldest record first."""
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.domain.member_views import ContactInput, MemberInput
        from advocate_app.domain.people import member_display_name
        from advocate_app.domain.text import fold
        from advocate_app.services.duplicate_rules import Known, PeopleIndex

        rows = self._members.reader.rows(
            "SELECT id, given_name, family_name, preferred_name, email, phone, postcode "
            "FROM members WHERE archived_at IS NULL ORDER BY id")
        contacts: dict[int, list[ContactInput]] = {}
        for member_id, kind, value in self._members.reader.rows(
                "SELECT c.member_id, c.kind, c.value FROM member_contacts c "
                "JOIN members m ON m.id = c.member_id WHERE m.archived_at IS NULL "
                "ORDER BY c.member_id, c.kind, c.position"):
            contacts.setdefault(member_id, []).append(ContactInput(kind, value))
        index = PeopleIndex()
        pairs: list[DuplicatePair] = []
        for member_id, given, family, preferred, email, phone, postcode in rows:
            person = MemberInput(given_name=given, family_name=family, email=email,
                                 phone=phone, postcode=postcode,
                                 contacts=tuple(contacts.get(member_id, ())))
            emails = person.values_of("email")
            same, _shared = index.match(person)
            label = member_display_name(given, family, preferred) or email
            if same is not None:
                reason = (_("same email address") if any(
                    same in index.by_email.get(e.casefold(), ()) for e in emails)
                          else _("similar name and the same phone number or postcode"))
                pairs.append(DuplicatePair(same.key[1], same.label, member_id, label, reason))
                if len(pairs) >= limit:
                    break
            index.add(Known(("db", member_id), fold(member_display_name(given, family, "")),
                            fold(given), label), emails, person.values_of("phone"), postcode)
        return pairs

    def merge(self, keep_id: int, other_id: int) -> None:
        """Fold ``other_id`` into ``keep_id``: empty fields filled, lists combined, consent
        history, timeline, webinar registrations, story sessions, stories told, feedback and
        board seats moved (one row where both records had one for the same event); the other
        record is removed and the merge recorded."""
        require(self._actor, Permission.EDIT_MEMBERS)
        from advocate_app.domain.base import utcnow
        from advocate_app.domain.member_views import MemberInput
        from advocate_app.domain.members import Member
        from advocate_app.domain.merges import MemberMerge
        from advocate_app.services import member_changes
        from advocate_app.services.merge_records import move_records

        if keep_id == other_id:
            raise ValidationError({"merge": _("A record cannot be merged with itself.")})
        snapshot = json.dumps(self._privacy.merge_snapshot(other_id), ensure_ascii=False)
        with self._uow() as uow:
            session = uow.session
            keep, other = session.get(Member, keep_id), session.get(Member, other_id)
            if keep is None or other is None:
                raise NotFoundError(_("This member no longer exists."))
            kept, gone = member_changes._details(keep), member_changes._details(other)
            base = MemberInput(**{f.name: getattr(kept, f.name) for f in fields(MemberInput)})
            extra = MemberInput(**{f.name: getattr(gone, f.name) for f in fields(MemberInput)})
            member_changes._apply(keep, _combine(base, extra))
            keep.updated_at = utcnow()
            keep.updated_by = self._actor.account_id
            # Consent, timeline, relationships, registrations, stories told, feedback, seats
            # …: everything pointing at the other record moves before it goes.
            move_records(session, self._actor, keep_id, other_id)
            session.add(MemberMerge(kept_id=keep_id, merged_id=other_id,
                                    merged_snapshot=snapshot, merged_by=self._actor.account_id))
            timeline.merged(session, self._actor, keep_id, other_id, gone.display_name)
            session.flush()
            session.delete(other)
            record(session, self._actor, AuditAction.MERGED, AuditSubject.MEMBER, keep_id,
                   detail=f"merged member {other_id}")
            uow.commit()

    def merges_into(self, keep_id: int) -> list[dict]:
        """The records merged into this one, with what each held."""
        require(self._actor, Permission.VIEW_SENSITIVE)
        rows = self._members.reader.rows(
            "SELECT merged_id, merged_at, merged_snapshot FROM member_merges "
            "WHERE kept_id = :keep ORDER BY merged_at, id", {"keep": keep_id})
        return [{"merged_id": m, "merged_at": str(at), "held": json.loads(snap)}
                for m, at, snap in rows]


def _combine(base: MemberInput, extra: MemberInput) -> MemberInput:
    """``base`` with empty fields filled from ``extra``; sets and lists combined."""
    from dataclasses import replace

    changes: dict[str, Any] = {}  # field name -> value of that field's type
    for f in fields(base):
        mine, theirs = getattr(base, f.name), getattr(extra, f.name)
        if isinstance(mine, frozenset):
            changes[f.name] = mine | theirs
        elif isinstance(mine, tuple):
            changes[f.name] = tuple(dict.fromkeys((*mine, *theirs)))
        elif mine in ("", None) and theirs not in ("", None):
            changes[f.name] = theirs
    return replace(base, **changes)
