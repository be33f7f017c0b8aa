"""The first query of start-up, counting the members list, reads the narrowest index there is
(each page it reads is decrypted when the file is encrypted)."""

from __future__ import annotations

import sqlite3

from advocate_app.domain.member_views import MemberQuery
from advocate_app.services.member_queries import count_sql


def test_counting_the_members_list_reads_the_index_on_archived_at_alone(services, app_paths):
    sql, params = count_sql(MemberQuery(), "sqlite")
    connection = sqlite3.connect(app_paths.database_file)
    try:
        plan = " ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params))
    finally:
        connection.close()
    assert "COVERING INDEX ix_members_archived " in plan
