"""One database: its address, a lazily created SQLAlchemy engine and a fast reader."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from advocate_app.storage.cipher import DatabaseKey
from advocate_app.storage.reader import EngineReader, Reader, SqliteReader


class Database:
    """``key`` is the :class:`~advocate_app.storage.cipher.DatabaseKey` of an encrypted SQLite
    file, None when the file is plain (or the database is PostgreSQL). Everything that opens
    ``sqlite_file`` itself does so with ``storage.cipher.connect(sqlite_file, database.key)``.
    """

    def __init__(self, url: str, sqlite_file: Path | None = None, key: DatabaseKey | None = None):
        self.url = url
        self.sqlite_file = sqlite_file
        self.key = key
        self._engine = None

    @property
    def engine(self):
        """The SQLAlchemy engine, created (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            from advocate_app.storage.engine import create_app_engine

            self._engine = create_app_engine(self.url, key=self.key)
        return self._engine

    @property
    def has_engine(self) -> bool:
        return self._engine is not None

    @cached_property
    def reader(self) -> Reader:
        if self.sqlite_file is not None:
            return SqliteReader(self.sqlite_file, self.key)
        dialect = "sqlite" if self.url.startswith("sqlite") else "postgresql"
        return EngineReader(lambda: self.engine, dialect)

    def reopen(self, key: DatabaseKey | None) -> None:
        """After the file was encrypted, decrypted or given a new passphrase: close every
        connection; the next ones are made with ``key``."""
        self.dispose()
        self._engine = None
        self.key = key
        if "reader" in self.__dict__ and isinstance(self.reader, SqliteReader):
            self.reader.rekey(key)

    def dispose(self) -> None:
        if "reader" in self.__dict__:
            self.reader.close()
        if self._engine is not None:
            self._engine.dispose()
