"""The unit of work: one transaction per user intention.

Services open a unit of work, do their work through ``uow.session`` and return plain data
objects; nothing outside ``services/`` sees a live session. SQLAlchemy's ORM is loaded the first
time a unit of work is opened, not at start-up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.storage.change_listener import ChangeListener
    from advocate_app.storage.database import Database

log = logging.getLogger(__name__)

#: At most this many pieces of work wait for the next transaction (see ``carry``).
CARRIED_LIMIT = 10_000


class UnitOfWork:
    def __init__(self, session_factory, committed: Callable[[], None] | None = None,
                 notify: bool = False, carrier: UnitOfWorkFactory | None = None):
        self._session_factory = session_factory
        self._committed = committed
        self._notify = notify  # PostgreSQL: tell the other clients when this commits
        self._carrier = carrier  # work waiting to go with the next commit
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
        carried = self._carrier.take_carried() if self._carrier is not None else []
        try:
            for _what, add in carried:
                add(self.session)
            if self._notify:
                from sqlalchemy import text

                from advocate_app.storage.change_listener import NOTIFY

                self.session.execute(text(NOTIFY))  # delivered only if the commit succeeds
            self.session.commit()
        except BaseException:
            if carried and self._carrier is not None:
                self._carrier.give_back(carried)
            raise
        if self._committed is not None:
            self._committed()

    def rollback(self) -> None:
        self.session.rollback()

    @contextmanager
    def waiting_briefly(self, milliseconds: int) -> Iterator[None]:
        """On a SQLite file, a write in this unit waits at most ``milliseconds`` for another
        program's write to end (not the usual ten seconds), then fails as busy."""
        if self.session.get_bind().dialect.name != "sqlite":
            yield
            return
        from advocate_app.storage.engine import SQLITE_BUSY_TIMEOUT_MS

        raw = self.session.connection().connection.dbapi_connection
        raw.execute(f"PRAGMA busy_timeout={int(milliseconds)}")
        try:
            yield
        finally:
            raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


class UnitOfWorkFactory:
    """Makes units of work on one database."""

    def __init__(self, database: Database):
        self.database = database
        self._sessions = None
        #: Transactions committed through this factory (see :meth:`changes`).
        self.commits = 0
        self._listener: ChangeListener | None = None
        #: Work added to the next transaction that commits, oldest first: (what, add).
        self._carried: list[tuple[str, Callable[[Session], None]]] = []
        self._carried_lock = threading.Lock()

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
                          notify=self.engine.dialect.name == "postgresql", carrier=self)

    def carry(self, what: str, add: Callable[[Session], None]) -> None:
        """Have ``add(session)`` run in the next transaction that commits (a line the database
        was too busy to take when it happened). ``what`` names it in the log (never data)."""
        with self._carried_lock:
            self._carried.append((what, add))
            if len(self._carried) > CARRIED_LIMIT:
                dropped, _add = self._carried.pop(0)
                log.error("A %s could not be written to the database and was dropped (too "
                          "many waiting)", dropped)

    def take_carried(self) -> list[tuple[str, Callable[[Session], None]]]:
        with self._carried_lock:
            taken, self._carried = self._carried, []
        return taken

    def give_back(self, carried: list[tuple[str, Callable[[Session], None]]]) -> None:
        """Work taken for a transaction that did not commit waits again, first in line."""
        with self._carried_lock:
            self._carried[:0] = carried

    def waiting(self) -> int:
        """How many pieces of carried work wait for the next transaction."""
        with self._carried_lock:
            return len(self._carried)

    def write_carried(self, wait_ms: int | None = None) -> None:
        """Commit what waits in a transaction of its own (waiting at most ``wait_ms`` for
        another program's write on SQLite; None: the usual time); what still cannot be
        written is named in the log by its kind."""
        if not self.waiting():
            return
        try:
            with self() as unit:
                if wait_ms is None:
                    unit.commit()
                else:
                    with unit.waiting_briefly(wait_ms):
                        unit.commit()
        except Exception as exc:  # noqa: BLE001 - said in the log, by kind only
            for what, _add in self.take_carried():
                log.error("A %s could not be written to the database (%s)", what,
                          type(exc).__name__)

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
        """Stop listening for other clients' changes (the database is being closed); write
        what waits for a transaction first."""
        self.write_carried()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
