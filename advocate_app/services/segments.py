"""Saved segments: named member queries people reuse for mailings, exports and print runs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from advocate_app.domain.access import Permission
from advocate_app.domain.community import AccessNeed, ConsentPurpose
from advocate_app.domain.member_views import MemberQuery, MemberSort
from advocate_app.domain.people import Actor, Role
from advocate_app.i18n import _
from advocate_app.services.access import require
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class SegmentView:
    id: int
    name: str
    query: MemberQuery


def query_to_json(query: MemberQuery) -> str:
    return json.dumps({k: v for k, v in asdict(query).items() if v not in (None, "", False)},
                      default=str, ensure_ascii=False)


def query_from_json(text: str) -> MemberQuery:
    data: dict[str, Any] = json.loads(text)
    enums = {"role": Role, "access_need": AccessNeed, "consent": ConsentPurpose,
             "sort": MemberSort}
    fields: dict[str, Any] = {key: enums[key](value) if key in enums else value
                              for key, value in data.items()}
    if fields.get("changed_since"):  # written as text by query_to_json
        fields["changed_since"] = datetime.fromisoformat(fields["changed_since"])
    return MemberQuery(**fields)


class SegmentService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def save(self, name: str, query: MemberQuery) -> SegmentView:
        """Save (or replace) the segment called ``name``."""
        require(self._actor, Permission.EDIT_MEMBERS)
        from sqlalchemy import select

        from advocate_app.domain.segments import Segment

        name = " ".join(name.split())
        if not name:
            raise ValidationError({"name": _("Give the segment a name.")})
        with self._uow() as uow:
            segment = uow.session.scalar(select(Segment).where(Segment.name == name))
            if segment is None:
                segment = Segment(name=name, created_by=self._actor.account_id)
                uow.session.add(segment)
            segment.query = query_to_json(query)
            uow.commit()
            return SegmentView(segment.id, segment.name, query)

    def list(self) -> list[SegmentView]:
        """Every saved segment by name (plain SQL: the Members page lists them at start-up)."""
        require(self._actor, Permission.VIEW_CONTACTS)
        from advocate_app.services.name_order import text_order

        rows = self._reader.rows("SELECT id, name, query FROM segments "
                                 f"ORDER BY {text_order(self._reader, 'name')}, id")
        return [SegmentView(segment_id, name, query_from_json(query))
                for segment_id, name, query in rows]

    def get(self, name: str) -> SegmentView:
        require(self._actor, Permission.VIEW_CONTACTS)
        for segment in self.list():
            if segment.name.casefold() == " ".join(name.split()).casefold():
                return segment
        raise NotFoundError(_("There is no segment called “{name}”.").format(name=name))
