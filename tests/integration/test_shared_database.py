"""An office sharing one database: two clients at once, each with its own connection."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from advocate_app.app import open_services
from advocate_app.domain.member_views import MemberInput, MemberQuery
from advocate_app.services import member_import
from advocate_app.services.member_import import ImportOptions, import_members

from ..conftest import copy_sqlite_template

ROWS = 400


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def shared_url(request, app_paths):
    """The address of one database at the newest schema, for several clients to open."""
    if request.param == "sqlite":
        return copy_sqlite_template(request.getfixturevalue("sqlite_template"), app_paths)
    return request.getfixturevalue("migrated_postgres_url")


def _people_file(path, prefix: str) -> None:
    lines = ["First Name,Last Name,Email"]
    lines += [f"{prefix}{n},Person{n},{prefix.lower()}{n}@example.org" for n in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_two_imports_at_once_both_bring_in_every_row(shared_url, app_paths, tmp_path,
                                                     monkeypatch):
    files = {}
    for prefix in ("Alpha", "Beta"):
        files[prefix] = tmp_path / f"{prefix}.csv"
        _people_file(files[prefix], prefix)
    # Both imports look at the people already here at the same moment (had they both been
    # let in at once): the second waits at most a moment for the first to get there too.
    meeting = threading.Barrier(2, timeout=2)
    real_index = member_import.existing_index

    def index_together(session, *args, **kwargs):
        try:
            meeting.wait()
        except threading.BrokenBarrierError:
            pass
        return real_index(session, *args, **kwargs)

    monkeypatch.setattr(member_import, "existing_index", index_together)
    reports, failures = {}, {}

    def run(prefix: str) -> None:
        services = open_services(shared_url, app_paths)
        try:
            reports[prefix] = import_members(services.uow, services.actor, files[prefix],
                                             ImportOptions())
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            failures[prefix] = exc
        finally:
            services.close()

    threads = [threading.Thread(target=run, args=(prefix,)) for prefix in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == {}
    assert [reports[p].created for p in files] == [ROWS, ROWS]

    services = open_services(shared_url, app_paths)
    try:
        rows = services.members.list(MemberQuery(include_archived=True), 0, 3 * ROWS)
        assert len(rows) == 2 * ROWS
        ids = [row.id for row in rows]
        assert len(set(ids)) == 2 * ROWS
        with services.uow() as work:  # each person's address is their one primary email
            emails = work.session.execute(text(
                "SELECT count(*), count(DISTINCT member_id) FROM member_contacts "
                "WHERE kind = 'email' AND is_primary")).one()
        assert tuple(emails) == (2 * ROWS, 2 * ROWS)
        # One more person typed in afterwards gets an id of their own.
        added = services.members.create(MemberInput(given_name="Later", family_name="One"))
        assert added.id not in ids
    finally:
        services.close()


def test_the_change_marker_moves_when_another_client_commits(shared_url, app_paths):
    import time

    mine, theirs = open_services(shared_url, app_paths), open_services(shared_url, app_paths)
    try:
        before = mine.changes()
        assert mine.changes() == before  # nothing saved: the marker stays
        theirs.members.create(MemberInput(given_name="New", family_name="Colleague"))
        deadline = time.monotonic() + 5
        while mine.changes() == before and time.monotonic() < deadline:
            time.sleep(0.05)
        after = mine.changes()
        assert after != before
        assert mine.changes() == after  # and stays until the next commit
    finally:
        mine.close()
        theirs.close()
