"""The unit of work: one transaction per user intention.

Services open a unit of work, do their work through ``uow.session`` and return plain data
objects; nothing outside ``services/`` sees a live session. SQLAlchemy's ORM is loaded the first
time a unit of work is opened, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.storage.change_listener import ChangeListener
    from advocate_app.storage.database import Database


class UnitOfWork:
    def __init__(self, session_factory, committed: Callable[[], None] | None = None,
                 notify: bool = False):
        self._session_factory = session_factory
        self._committed = committed
        self._notify = notify  # PostgreSQL: tell the other clients when this commits
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is not None:
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        if self._notify:
            from sqlalchemy import text

            from advocate_app.storage.change_listener import NOTIFY

            self.session.execute(text(NOTIFY))  # delivered only if the commit succeeds
        self.session.commit()
        if self._committed is not None:
            self._committed()

    def rollback(self) -> None:
        self.session.rollback()


class UnitOfWorkFactory:
    """Makes units of work on one database."""

    def __init__(self, database: Database):
        self.database = database
        self._sessions = None
        #: Transactions committed through this factory (see :meth:`changes`).
        self.commits = 0
        self._listener: ChangeListener | None = None

    @property
    def engine(self):
        return self.database.engine

    def __call__(self) -> UnitOfWork:
        if self._sessions is None or self._sessions.kw.get("bind") is not self.engine:
            # (a new engine once the file was encrypted, decrypted or given a new passphrase)
            from sqlalchemy.orm import sessionmaker

            import advocate_app.domain.models  # noqa: F401 - every mapper known before use

            self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False,
                                          autoflush=True)
        return UnitOfWork(self._sessions, self._count_commit,
                          notify=self.engine.dialect.name == "postgresql")

    def _count_commit(self) -> None:
        self.commits += 1

    def changes(self) -> tuple[int, int]:
        """A marker that moves whenever what is stored may have changed: every transaction
        committed through this factory, and every one another client committed: on a SQLite
        file, another connection or program (SQLite's ``data_version``); on PostgreSQL,
        another client of the services (LISTEN/NOTIFY, see ``change_listener``). Equal
        markers: nothing was written in between. Cheap enough to ask every few seconds."""
        from advocate_app.storage.reader import SqliteReader

        reader = self.database.reader
        if isinstance(reader, SqliteReader):
            return self.commits, int(reader.rows("PRAGMA data_version")[0][0])
        if reader.dialect == "postgresql":
            if self._listener is None:
                from advocate_app.storage.change_listener import ChangeListener

                self._listener = ChangeListener(self.engine)
            return self.commits, self._listener.heard()
        return self.commits, 0

    def close(self) -> None:
        """Stop listening for other clients' changes (the database is being closed)."""
        if self._listener is not None:
            self._listener.close()
            self._listener = None
