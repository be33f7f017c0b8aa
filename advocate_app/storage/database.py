"""One database: its address, a lazily created SQLAlchemy engine and a fast reader."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from advocate_app.storage.reader import EngineReader, Reader, SqliteReader


class Database:
    def __init__(self, url: str, sqlite_file: Path | None = None):
        self.url = url
        self.sqlite_file = sqlite_file
        self._engine = None

    @property
    def engine(self):
        """The SQLAlchemy engine, created (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            from advocate_app.storage.engine import create_app_engine

            self._engine = create_app_engine(self.url)
        return self._engine

    @property
    def has_engine(self) -> bool:
        return self._engine is not None

    @cached_property
    def reader(self) -> Reader:
        if self.sqlite_file is not None:
            return SqliteReader(self.sqlite_file)
        dialect = "sqlite" if self.url.startswith("sqlite") else "postgresql"
        return EngineReader(lambda: self.engine, dialect)

    def dispose(self) -> None:
        if "reader" in self.__dict__:
            self.reader.close()
        if self._engine is not None:
            self._engine.dispose()
