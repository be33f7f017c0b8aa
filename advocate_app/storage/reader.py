"""Read-only queries in plain SQL, for lists that must appear fast.

The members list and the dashboard read through a :class:`Reader`. On a SQLite file that is the
standard library's ``sqlite3`` (``sqlcipher3`` for an encrypted file), so the window can show
100,000 members before SQLAlchemy has even been loaded; on PostgreSQL it is the SQLAlchemy
engine. Queries use ``:name`` parameters, which both understand.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from advocate_app.storage import cipher
from advocate_app.storage.cipher import DatabaseKey


class Reader(Protocol):
    dialect: str  # "sqlite" or "postgresql"

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple]: ...

    def close(self) -> None: ...


class SqliteReader:
    """Reads a SQLite file (keyed when encrypted), with the app's connection settings."""

    dialect = "sqlite"

    def __init__(self, database_file: Path, key: DatabaseKey | None = None):
        self._file = database_file
        self._key = key
        self._lock = threading.Lock()
        self._connection: Any = None

    def _connect(self) -> Any:
        connection = cipher.connect(self._file, self._key, timeout=10,
                                    check_same_thread=False, isolation_level=None)
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA busy_timeout=10000")
        connection.execute("PRAGMA query_only=ON")
        connection.execute("PRAGMA secure_delete=ON")  # as every connection of the app
        return connection

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple]:
        with self._lock:
            if self._connection is None:
                self._connection = self._connect()
            return self._connection.execute(sql, dict(params or {})).fetchall()

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def rekey(self, key: DatabaseKey | None) -> None:
        """The file was converted: read it from now on with ``key``."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            self._key = key


class EngineReader:
    """Reads through a SQLAlchemy engine (PostgreSQL, or SQLite when no file is at hand)."""

    def __init__(self, engine_provider: Callable[[], Any], dialect: str):
        self._engine_provider = engine_provider
        self.dialect = dialect

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple]:
        from sqlalchemy import text

        with self._engine_provider().connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), dict(params or {}))]

    def close(self) -> None:
        pass


def as_utc(value: Any) -> datetime | None:
    """A timestamp column as an aware UTC datetime, whichever driver read it."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
