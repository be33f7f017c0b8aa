"""Hearing that another client committed, on PostgreSQL: LISTEN/NOTIFY.

Every transaction committed through the services sends ``NOTIFY advocate_changes`` (delivered
by the server only if it commits). A :class:`ChangeListener` keeps one connection of its own
listening on that channel; :meth:`ChangeListener.heard` counts what arrived, without waiting
and without a query, so asking it every few seconds costs next to nothing. A lost connection
counts as a change (something may have been missed) and is opened again at the next call.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

CHANNEL = "advocate_changes"
NOTIFY = f"NOTIFY {CHANNEL}"

log = logging.getLogger(__name__)


class ChangeListener:
    def __init__(self, engine: Any):
        self._engine = engine
        self._lock = threading.Lock()
        self._connection: Any = None
        self.count = 0  # notifications heard, plus one for each connection lost or opened

    def heard(self) -> int:
        """How many commits of any client were heard so far (only ever grows)."""
        with self._lock:
            try:
                if self._connection is None:
                    self._connection = self._connect()
                    self.count += 1  # what was committed while no one listened is unknown
                for _notice in self._connection.notifies(timeout=0):
                    self.count += 1
            except Exception as exc:  # noqa: BLE001 - a server gone away: listen again later
                log.warning("Not hearing other clients' changes (%s)", type(exc).__name__)
                self._drop()
                self.count += 1
            return self.count

    def _connect(self) -> Any:
        import psycopg

        args, params = self._engine.dialect.create_connect_args(self._engine.url)
        connection = psycopg.connect(*args, **params, autocommit=True)
        connection.execute(f"LISTEN {CHANNEL}")
        return connection

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
            self._connection = None

    def close(self) -> None:
        with self._lock:
            self._drop()
