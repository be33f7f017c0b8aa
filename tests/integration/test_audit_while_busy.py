"""Opening a member never fails because its audit line cannot be written at once: while
another program holds a long write (a large import), the member opens, and the line is
written with the next transaction once the write is over."""

from __future__ import annotations

import logging
import sqlite3
import time

from advocate_app.domain.member_views import MemberInput


def _viewings(services) -> list[tuple]:
    return services.database.reader.rows(
        "SELECT subject_id, at FROM audit_events WHERE action = 'viewed_sensitive' "
        "ORDER BY at, id")  # as the log is listed


def _hold_the_write_lock(services) -> sqlite3.Connection:
    other = sqlite3.connect(services.database.sqlite_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_member_opens_while_another_program_writes_and_the_line_follows(services, caplog):
    first = services.members.create(MemberInput(given_name="Amina", family_name="Haddad")).id
    second = services.members.create(MemberInput(given_name="Bram", family_name="Oduya")).id
    other = _hold_the_write_lock(services)
    try:
        started = time.monotonic()
        with caplog.at_level(logging.WARNING):
            opened = services.members.get(first)
        took = time.monotonic() - started
        assert opened.family_name == "Haddad"
        assert took < 3, f"opening waited {took:.1f} s for the other program's write"
        assert _viewings(services) == []  # not written yet
        assert "viewed_sensitive" in caplog.text and "Haddad" not in caplog.text
    finally:
        other.execute("ROLLBACK")
        other.close()

    services.members.get(second)  # the next transaction takes the waiting line with it
    lines = _viewings(services)
    assert [subject for subject, _at in lines] == [first, second]
    # the waiting line keeps the time of the viewing, so the log lists it first


def test_a_waiting_line_is_written_when_the_services_close(services):
    member = services.members.create(MemberInput(given_name="Chen", family_name="Wei")).id
    other = _hold_the_write_lock(services)
    try:
        services.members.get(member)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert services.uow.waiting() == 1
    services.close()
    check = sqlite3.connect(services.database.sqlite_file)
    try:
        assert check.execute("SELECT subject_id FROM audit_events WHERE action = "
                             "'viewed_sensitive'").fetchall() == [(member,)]
    finally:
        check.close()


def test_a_line_that_cannot_be_written_at_all_is_named_in_the_log(services, caplog):
    member = services.members.create(MemberInput(given_name="Dara", family_name="Kim")).id
    other = _hold_the_write_lock(services)
    try:
        services.members.get(member)
        with caplog.at_level(logging.ERROR):
            services.uow.write_carried(wait_ms=200)  # still locked: it gives up
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "audit line (viewed_sensitive) could not be written" in caplog.text
    assert services.uow.waiting() == 0
