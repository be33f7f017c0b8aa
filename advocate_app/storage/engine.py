"""Creating the SQLAlchemy engine for a database URL."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from advocate_app.i18n import _, collation
from advocate_app.storage import cipher
from advocate_app.storage.cipher import DatabaseKey

SQLITE_BUSY_TIMEOUT_MS = 10_000


class DatabaseUrlError(Exception):
    """The database URL cannot be used; the message says why in plain words."""


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_app_engine(url: str, *, echo: bool = False, key: DatabaseKey | None = None) -> Engine:
    """Engine for ``url``. SQLite files get WAL, foreign keys and a busy timeout; with ``key``
    the file is opened with SQLCipher and every new connection is keyed first."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(_("“{url}” is not a database address.").format(url=url)) from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(
            _("Advocate works with SQLite and PostgreSQL databases, not “{backend}”.").format(
                backend=backend
            )
        )
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    # A failing statement's message never quotes its values (another member's data).
    kwargs: dict = {"echo": echo, "future": True, "hide_parameters": True}
    if backend == "sqlite":
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        if key is not None:
            kwargs["module"] = cipher.driver(key)
    else:
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {"connect_timeout": 10}
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseUrlError(
            _("The database driver for “{driver}” is not installed.").format(
                driver=parsed.drivername
            )
        ) from exc
    if backend == "sqlite":
        if key is not None:
            # First of all, before the dialect's own set-up reads anything from the file.
            database_file = parsed.database or ""
            event.listen(engine, "connect",
                         lambda dbapi_connection, _record: cipher.apply_key(
                             dbapi_connection, database_file, key), insert=True)
        event.listen(engine, "connect", _sqlite_on_connect)
    return engine


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        if not _is_memory(dbapi_connection):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # FULL: a commit survives a power cut too (live minutes are saved every second).
        cursor.execute("PRAGMA synchronous=FULL")
        # What is deleted or overwritten is zeroed in the file, not left in free space.
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()
    # Names sort in the interface language's order (ORDER BY … COLLATE advocate).
    collation.register_sqlite(dbapi_connection)


def _is_memory(dbapi_connection) -> bool:
    cursor = dbapi_connection.cursor()
    try:
        rows = cursor.execute("PRAGMA database_list").fetchall()
    finally:
        cursor.close()
    return any(row[1] == "main" and not row[2] for row in rows)
