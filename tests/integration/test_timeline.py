"""The engagement timeline and relationships, through merges, erasure and retention."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_app.domain.community import EngagementKind, RelationshipKind
from advocate_app.services.errors import ValidationError
from advocate_app.services.member_data import MemberInput
from advocate_app.services.timeline import EngagementEntry


@pytest.fixture
def services(any_services):
    return any_services


def _add(services, given, family="Silva", **extra):
    return services.members.create(MemberInput(given_name=given, family_name=family, **extra))


def test_timeline_newest_first_with_who_recorded_it(services):
    ana = _add(services, "Ana")
    services.timeline.add(ana.id, EngagementEntry(EngagementKind.CALL, date(2025, 3, 1),
                                                  "Asked about the family day"))
    services.timeline.add(ana.id, EngagementEntry(EngagementKind.NOTE, date(2025, 5, 2), "x"))
    entries = services.timeline.timeline(ana.id)
    assert [e.kind for e in entries] == [EngagementKind.NOTE, EngagementKind.CALL]
    assert entries[1].summary == "Asked about the family day"
    assert entries[0].recorded_by == "Local user"
    with pytest.raises(ValidationError):
        services.timeline.add(ana.id, EngagementEntry(EngagementKind.NOTE,
                                                      date.today() + timedelta(days=1)))


def test_relationships_read_both_ways(services):
    mum = _add(services, "Maria")
    son = _add(services, "Tiago")
    services.timeline.relate(mum.id, RelationshipKind.PARENT_OF, son.id)
    services.timeline.relate(mum.id, RelationshipKind.PARENT_OF, son.id)  # once only
    assert [r.label for r in services.timeline.relationships(mum.id)] == ["Parent of Tiago Silva"]
    assert [r.label for r in services.timeline.relationships(son.id)] == ["Child of Maria Silva"]
    with pytest.raises(ValidationError):
        services.timeline.relate(mum.id, RelationshipKind.CARER_OF, mum.id)
    services.timeline.unrelate(services.timeline.relationships(mum.id)[0].id)
    assert services.timeline.relationships(son.id) == []


def test_merge_moves_the_timeline_and_relationships(services):
    keep, other, child = _add(services, "Ana"), _add(services, "Ana"), _add(services, "Rui")
    services.timeline.add(other.id, EngagementEntry(EngagementKind.EMAIL, date(2025, 1, 1),
                                                    "Sent the leaflet"))
    services.timeline.relate(other.id, RelationshipKind.CARER_OF, child.id)
    services.timeline.relate(other.id, RelationshipKind.CARER_OF, keep.id)  # becomes self: gone
    services.duplicates.merge(keep.id, other.id)
    assert [e.summary for e in services.timeline.timeline(keep.id)] == ["Sent the leaflet"]
    assert [r.label for r in services.timeline.relationships(keep.id)] == ["Carer of Rui Silva"]


def test_everything_we_hold_has_the_timeline_and_erasure_clears_it(services):
    ana = _add(services, "Ana")
    services.timeline.add(ana.id, EngagementEntry(EngagementKind.CALL, date(2025, 3, 1),
                                                  "Talked about her son's school"))
    held = services.privacy.everything_we_hold(ana.id)
    assert held["timeline"][0]["summary"] == "Talked about her son's school"
    services.privacy.erase(ana.id)
    entries = services.timeline.timeline(ana.id)
    assert [(e.kind, e.summary) for e in entries] == [(EngagementKind.CALL, "")]


def test_recent_engagement_keeps_a_member_out_of_retention(services):
    from datetime import UTC, datetime

    from sqlalchemy import update

    from advocate_app.domain.members import Member

    quiet, active = _add(services, "Quiet"), _add(services, "Active")
    with services.uow() as uow:
        uow.session.execute(update(Member).values(
            updated_at=datetime.now(UTC) - timedelta(days=4 * 365)))
        uow.commit()
    services.timeline.add(active.id, EngagementEntry(EngagementKind.EVENT,
                                                     date.today() - timedelta(days=30)))
    assert [c.id for c in services.privacy.retention_candidates(3)] == [quiet.id]
