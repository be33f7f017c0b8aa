"""A database's failure is told by its kind, never in its own words (which can quote data)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from advocate_app.storage.failures import Failure, failure_of, log_text, sentence


@pytest.mark.parametrize("message, kind", [
    ("database disk image is malformed", Failure.DAMAGED),
    ("file is not a database", Failure.DAMAGED),
    ("attempt to write a readonly database", Failure.READ_ONLY),
    ("database or disk is full", Failure.FULL),
    ("disk I/O error", Failure.FULL),
    ("database is locked", Failure.BUSY),
    ("unable to open database file", Failure.UNREACHABLE),
    ("UNIQUE constraint failed: members.email", Failure.OTHER),
])
def test_sqlite_failures_by_kind_wrapped_or_not(message, kind):
    raw = sqlite3.OperationalError(message)
    assert failure_of(raw) is kind
    wrapped = OperationalError("UPDATE members SET email=?", ("ada@example.org",), raw)
    assert failure_of(wrapped) is kind
    try:
        try:
            raise wrapped
        except OperationalError as exc:
            raise RuntimeError("while saving") from exc
    except RuntimeError as outer:
        assert failure_of(outer) is kind


def test_postgresql_failures_by_their_sqlstate():
    psycopg = pytest.importorskip("psycopg")
    full = psycopg.errors.DiskFull("could not extend file")
    assert failure_of(full) is Failure.FULL
    duplicate = psycopg.errors.UniqueViolation(
        "duplicate key value violates unique constraint\nDETAIL: Key (email)=(ada@example.org)")
    assert failure_of(duplicate) is Failure.OTHER
    assert failure_of(psycopg.OperationalError("connection is lost")) is Failure.UNREACHABLE


def test_what_is_shown_and_logged_never_quotes_values():
    raw = sqlite3.IntegrityError("UNIQUE constraint failed: members.email")
    error = IntegrityError("INSERT INTO members (email) VALUES (?)", ("ada@example.org",), raw)
    kind = failure_of(error)
    assert kind is Failure.OTHER
    shown = sentence(kind, "/data/advocate.sqlite3", "/data/logs/advocate.log")
    logged = log_text(error, kind)
    assert "ada@example.org" not in shown + logged
    assert "UNIQUE constraint failed: members.email" in logged
    assert failure_of(ValueError("a bug")) is None
