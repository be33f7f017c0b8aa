"""Clearing the old copies an erasure leaves in a SQLite file.

Updating or deleting a row leaves its former bytes behind in three places: the full-text
index (FTS5 only marks a document deleted until its segments are merged), free space inside
the file (zeroed only while ``secure_delete`` is on, which older files were not) and the
write-ahead log (``-wal``), which keeps every page written until a checkpoint. After an
erasure the index is merged ('optimize'), the file rebuilt (VACUUM, so no page keeps what was
there before) and the log folded into the file and emptied (checkpoint TRUNCATE).

PostgreSQL keeps no full-text shadow tables: its search column is recomputed with the
member's record; old row versions are the server's to vacuum.
"""

from __future__ import annotations

from sqlalchemy import Engine

from advocate_app.storage.member_search import FTS_TABLE


class ScrubError(Exception):
    """The file could not be cleared now (another program is writing to it)."""


def clear_old_copies(engine: Engine) -> None:
    """Leave no former version of any row in the SQLite database behind ``engine``."""
    if engine.dialect.name != "sqlite":
        return
    from sqlalchemy.exc import OperationalError

    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            known = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).first()
            if known:
                connection.exec_driver_sql(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
            connection.exec_driver_sql("VACUUM")
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    except OperationalError as exc:
        raise ScrubError(str(exc.orig or exc)) from exc
    if busy is not None and busy[0]:
        raise ScrubError("the write-ahead log is in use")
