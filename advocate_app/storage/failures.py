"""What a failing database tells a person: one sentence chosen by the kind of failure.

The database's own words never reach the screen: SQLite's and PostgreSQL's messages, and
SQLAlchemy's around them, can quote the statement and the values of a row (another member's
name or email in a UNIQUE constraint's detail). The log gets the kind, the error code and where
in the code it happened, not the message either.
"""

from __future__ import annotations

import traceback
from enum import Enum

from advocate_app.i18n import _


class Failure(Enum):
    DAMAGED = "damaged"
    READ_ONLY = "read-only"
    FULL = "full"
    BUSY = "busy"
    UNREACHABLE = "unreachable"
    OTHER = "other"


#: SQLite's result codes (``sqlite_errorname``) and, for drivers without it, words of its
#: fixed messages (never data), by kind; checked in this order.
_SQLITE = (
    (Failure.DAMAGED, ("SQLITE_CORRUPT", "SQLITE_NOTADB"), ("malformed", "not a database")),
    (Failure.READ_ONLY, ("SQLITE_READONLY",), ("readonly database", "read-only")),
    (Failure.FULL, ("SQLITE_FULL", "SQLITE_IOERR"), ("disk is full", "disk i/o error")),
    (Failure.BUSY, ("SQLITE_BUSY", "SQLITE_LOCKED"), ("is locked", "is busy")),
    (Failure.UNREACHABLE, ("SQLITE_CANTOPEN",), ("unable to open",)),
)
#: PostgreSQL's SQLSTATE prefixes by kind.
_POSTGRES = ((Failure.FULL, ("53",)), (Failure.READ_ONLY, ("25006",)),
             (Failure.DAMAGED, ("XX001", "XX002")), (Failure.UNREACHABLE, ("08",)),
             (Failure.BUSY, ("40P01", "55P03")))


def failure_of(error: BaseException) -> Failure | None:
    """The kind of database failure ``error`` is (or wraps); None when it is not one."""
    seen = 0
    current: BaseException | None = error
    while current is not None and seen < 10:
        found = _kind(current)
        if found is not None:
            return found
        current = current.__cause__ or current.__context__
        seen += 1
    return None


def _kind(error: BaseException) -> Failure | None:
    module = type(error).__module__ or ""
    if module.startswith("sqlalchemy"):
        original = getattr(error, "orig", None)
        if isinstance(original, BaseException):
            return _kind(original) or Failure.OTHER
        return None  # a mistake in a statement, not the database's: a bug, reported as one
    if module.startswith(("sqlite3", "_sqlite3", "sqlcipher3")):
        code = str(getattr(error, "sqlite_errorname", "") or "")
        words = str(error).lower()
        for failure, codes, phrases in _SQLITE:
            if code.startswith(codes) or any(phrase in words for phrase in phrases):
                return failure
        return Failure.OTHER
    if module.startswith("psycopg"):
        state = str(getattr(error, "sqlstate", "") or "")
        for failure, prefixes in _POSTGRES:
            if state.startswith(prefixes):
                return failure
        if not state and type(error).__name__ == "OperationalError":
            return Failure.UNREACHABLE  # the connection was lost, or never made
        return Failure.OTHER
    return None


def sentence(failure: Failure, where: str, log_file: str) -> str:
    """One translated sentence for ``failure`` of the database ``where``."""
    if failure is Failure.DAMAGED:
        return _("The database {where} is damaged (some of its pages cannot be read), so the "
                 "command stopped; restore it from a backup.").format(where=where)
    if failure is Failure.READ_ONLY:
        return _("The database {where} cannot be written: it is read-only (check the file's "
                 "permissions), so the command stopped.").format(where=where)
    if failure is Failure.FULL:
        return _("The database {where} could not be written: the disk is full or refused the "
                 "write, so the command stopped; free some space and try again.").format(
            where=where)
    if failure is Failure.BUSY:
        return _("The database {where} is busy with another program's change, so the command "
                 "stopped; try again in a moment.").format(where=where)
    if failure is Failure.UNREACHABLE:
        return _("The database {where} cannot be opened, so the command stopped.").format(
            where=where)
    return _("The database {where} reported a problem, so the command stopped; what happened "
             "is written in {log}.").format(where=where, log=log_file)


def log_text(error: BaseException, failure: Failure) -> str:
    """What the log keeps of a database failure: its kind, its code and the code path."""
    codes = []
    current: BaseException | None = error
    while current is not None and len(codes) < 10:
        code = getattr(current, "sqlite_errorname", None) or getattr(current, "sqlstate", None)
        said = ""
        if (type(current).__module__ or "").startswith(("sqlite3", "_sqlite3", "sqlcipher3")):
            # SQLite's own words name tables and columns, not values (PostgreSQL's can quote
            # a value, and SQLAlchemy's quote the statement's): kept for whoever reads the log.
            said = ": " + (str(current).splitlines() or [""])[0][:200]
        codes.append(f"{type(current).__module__}.{type(current).__name__}"
                     + (f" ({code})" if code else "") + said)
        original = getattr(current, "orig", None)  # SQLAlchemy's wrapped driver error
        current = (original if isinstance(original, BaseException)
                   else current.__cause__ or current.__context__)
    frames = "".join(traceback.format_tb(error.__traceback__))
    return f"database failure: {failure.value}; {' <- '.join(codes)}\n{frames}"
