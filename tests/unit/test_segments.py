"""A saved segment reads back as the query that was saved."""

from __future__ import annotations

from datetime import UTC, datetime

from advocate_app.domain.community import AccessNeed, ConsentPurpose
from advocate_app.domain.member_views import MemberQuery, MemberSort
from advocate_app.domain.people import Role
from advocate_app.services.segments import query_from_json, query_to_json


def test_a_segment_of_the_people_an_import_brought_reads_back_as_a_moment():
    since = datetime(2026, 3, 10, 18, 30, 15, 250000, tzinfo=UTC)
    query = MemberQuery(text="okoye", role=Role.CARER, access_need=AccessNeed.EASY_READ,
                        consent=ConsentPurpose.RESEARCH, changed_since=since,
                        sort=MemberSort.UPDATED, descending=True)
    read = query_from_json(query_to_json(query))
    assert read == query
    # The members list compares it with when each record changed.
    assert read.changed_since is not None and read.changed_since.astimezone(UTC) == since


def test_an_empty_query_reads_back_empty():
    assert query_from_json(query_to_json(MemberQuery())) == MemberQuery()
