"""Backup files: written whole or not at all, private, and checked before a restore uses them.

A backup is always a SQLite file with the app's schema, whatever the database: a SQLite database
is copied with SQLite's online backup API (one read transaction: consistent while the app
writes, and safe with WAL); a PostgreSQL database is read in one REPEATABLE READ snapshot and
written into a SQLite file made by the same migrations, so restoring and checking share one
path. An encrypted database gives an encrypted backup (the same key).

Every file is written under a temporary name beside its target (0600 from its first byte),
synced, then renamed into place: a backup that was interrupted is absent, never half there.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import secrets
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from advocate_app.i18n import _
from advocate_app.storage import cipher
from advocate_app.storage.cipher import DatabaseKey

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: A temporary file's name: ``.NAME.partial-XXXX`` beside the file being written.
PARTIAL_MARK = ".partial-"


class BackupFileError(Exception):
    """A backup cannot be written or used; the message is one translated sentence."""


def connect(path: Path, key: DatabaseKey | None = None, *, read_only: bool = False) -> Any:
    """A connection to the SQLite file ``path``: SQLCipher with ``key`` when one is given."""
    return cipher.connect(path, key, read_only=read_only, timeout=10, isolation_level=None)


def _private_temporary(target: Path) -> Path:
    """An empty file beside ``target``, readable by its owner alone, that nobody else has."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}{PARTIAL_MARK}{secrets.token_hex(4)}")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return temporary


def _sync(path: Path) -> None:
    """Flush ``path`` to the disk (a file opened for writing: Windows needs it so)."""
    descriptor = os.open(path, os.O_RDONLY if path.is_dir() else os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _commit_file(temporary: Path, target: Path) -> None:
    """Make ``temporary`` (complete and closed) ``target`` in one rename, durably."""
    _sync(temporary)
    os.chmod(temporary, 0o600)
    os.replace(temporary, target)
    if os.name == "posix":  # the rename itself survives a power cut
        _sync(target.parent)


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def copy_sqlite(database_file: Path, target: Path, key: DatabaseKey | None = None) -> Path:
    """Copy the SQLite file ``database_file`` to ``target`` in one consistent read."""
    temporary = _private_temporary(target)
    try:
        source = connect(database_file, key, read_only=True)
        try:
            destination = connect(temporary, key)
            try:
                source.backup(destination)  # every page in one step: one snapshot
                # A file that stands alone: no write-ahead log needed beside it to read it.
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
        finally:
            source.close()
        _commit_file(temporary, target)
    except BaseException:
        _remove(temporary)
        raise
    return target


def copy_postgresql(engine, target: Path, progress: Progress | None = None) -> Path:
    """Every table of the PostgreSQL database behind ``engine``, read in one REPEATABLE READ
    snapshot, written to ``target`` as a SQLite file with the app's schema."""
    from sqlalchemy import select, text

    from advocate_app.storage.engine import create_app_engine
    from advocate_app.storage.migrate import upgrade_to

    tables = _tables()
    temporary = _private_temporary(target)
    try:
        sqlite_engine = create_app_engine("sqlite:///" + temporary.as_posix())
        try:
            upgrade_to(sqlite_engine, "head")
            with engine.connect() as pg, sqlite_engine.begin() as out:
                pg = pg.execution_options(isolation_level="REPEATABLE READ",
                                          postgresql_readonly=True)
                with pg.begin():
                    revision = pg.execute(text("SELECT version_num FROM alembic_version")
                                          ).scalar()
                    _warn_of_other_tables(pg, tables)
                    out.execute(text("UPDATE alembic_version SET version_num = :r"),
                                {"r": revision})
                    for done, table in enumerate(tables):
                        if progress is not None:
                            progress(done, len(tables))
                        out.execute(table.delete())  # rows a migration may have seeded
                        result = pg.execution_options(yield_per=2000).execute(select(table))
                        for rows in result.mappings().partitions():
                            out.execute(table.insert(), [dict(row) for row in rows])
            with sqlite_engine.connect() as out:
                out.exec_driver_sql("PRAGMA journal_mode=DELETE")
        finally:
            sqlite_engine.dispose()
        _commit_file(temporary, target)
    except BaseException:
        _remove(temporary)
        raise
    return target


def _warn_of_other_tables(pg, tables) -> None:
    """A table in the database that Advocate does not know is not Advocate's data: it is left
    out of the backup, and the log says so."""
    from sqlalchemy import text

    known = {table.name for table in tables} | {"alembic_version"}
    found = {row[0] for row in pg.execute(text(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))}
    for name in sorted(found - known):
        log.warning("The table %s is not Advocate's; the backup leaves it out", name)


def _tables():
    """Every table the app keeps, parents before children."""
    import advocate_app.domain.models  # noqa: F401 - every record known
    from advocate_app.domain.base import Base

    return list(Base.metadata.sorted_tables)


def known_revisions() -> frozenset[str]:
    """Every schema revision this version of Advocate has a migration for."""
    from advocate_app.storage.migrate import MIGRATIONS_DIR

    return frozenset(path.name.split("_", 1)[0]
                     for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py"))


def check(path: Path, key: DatabaseKey | None, *, known_revisions: Iterable[str], head: str
          ) -> str:
    """The schema revision of the backup ``path``, after checking that it can be used: it opens
    (with ``key``), passes SQLite's integrity check, is an Advocate database of a known revision
    no newer than ``head``, and holds exactly what Advocate's migrations make at that revision
    (every table with its columns, no trigger or view of anyone else's).
    Otherwise :class:`BackupFileError`, one sentence; the file is only read."""
    name = path.name
    if not path.is_file():
        raise BackupFileError(_("{name} is not a file.").format(name=name))
    if path.stat().st_size == 0:
        raise BackupFileError(_("{name} is empty: it is not an Advocate backup.").format(
            name=name))
    if key is None and cipher.is_encrypted(path):
        raise BackupFileError(_("{name} is encrypted, or it is not a database: start Advocate "
                                "with the passphrase of the database it came from to restore "
                                "it.").format(name=name))
    errors = cipher.database_errors()
    try:
        connection = connect(path, key, read_only=True)
    except errors as exc:
        raise BackupFileError(_("{name} cannot be opened: {reason}.").format(
            name=name, reason=exc)) from exc
    try:
        try:
            connection.execute("PRAGMA trusted_schema=OFF")
            verdict = connection.execute("PRAGMA integrity_check").fetchall()
        except errors as exc:
            raise _damaged(name, key) from exc
        if [tuple(row) for row in verdict] != [("ok",)]:
            raise BackupFileError(_("{name} is damaged: SQLite's integrity check fails.").format(
                name=name))
        try:
            found = schema(connection)
            row = (connection.execute("SELECT version_num FROM alembic_version").fetchone()
                   if ("table", "alembic_version") in found else None)
        except errors as exc:
            raise _damaged(name, key) from exc
    finally:
        connection.close()
    if row is None or ("table", "members") not in found:
        raise BackupFileError(_("{name} is not an Advocate backup.").format(name=name))
    revision = str(row[0])
    if revision not in set(known_revisions) or revision > head:
        raise BackupFileError(_("{name} was written by a newer version of Advocate; update "
                                "Advocate before restoring it.").format(name=name))
    _compare(name, found, reference_schema(revision))
    return revision


Schema = dict[tuple[str, str], object]


def schema(connection: Any) -> Schema:
    """What a SQLite database is made of: each table with its columns, each index, and each
    trigger and view with its SQL (SQLite's own objects left out)."""
    found: Schema = {}
    rows = connection.execute("SELECT type, name, sql FROM sqlite_master "
                              "WHERE name NOT LIKE 'sqlite~_%' ESCAPE '~'").fetchall()
    for kind, object_name, sql in rows:
        if kind == "table":
            columns = connection.execute(f'PRAGMA table_info("{object_name}")').fetchall()
            found[(kind, object_name)] = tuple(column[1] for column in columns)
        elif kind in ("trigger", "view"):
            found[(kind, object_name)] = " ".join(str(sql or "").split())
        else:
            found[(kind, object_name)] = None
    return found


@functools.lru_cache(maxsize=4)
def reference_schema(revision: str) -> Schema:
    """What Advocate's migrations make at ``revision``, on a scratch SQLite file."""
    from advocate_app.storage.engine import create_app_engine
    from advocate_app.storage.migrate import upgrade_to

    with tempfile.TemporaryDirectory(prefix="advocate-schema-") as folder:
        scratch = Path(folder) / "reference.sqlite3"
        engine = create_app_engine("sqlite:///" + scratch.as_posix())
        try:
            upgrade_to(engine, revision)
        finally:
            engine.dispose()
        connection = connect(scratch)
        try:
            return schema(connection)
        finally:
            connection.close()


def _compare(name: str, found: Schema, expected: Schema) -> None:
    missing = sorted(set(expected) - set(found))
    if missing:
        kind, object_name = next((m for m in missing if m[0] == "table"), missing[0])
        if kind == "table":
            raise BackupFileError(_("{name} is incomplete: the table {table} is missing.").format(
                name=name, table=object_name))
        raise BackupFileError(_("{name} is incomplete: {object} is missing.").format(
            name=name, object=object_name))
    extra = sorted(set(found) - set(expected))
    if extra:
        raise BackupFileError(_("{name} holds {object}, which Advocate does not make: it cannot "
                                "be restored.").format(name=name, object=extra[0][1]))
    for key, shape in expected.items():
        if found[key] != shape:
            raise BackupFileError(_("{name} is not an Advocate backup: {object} is not as "
                                    "Advocate makes it.").format(name=name, object=key[1]))


def _damaged(name: str, key: DatabaseKey | None) -> BackupFileError:
    if key is not None:
        return BackupFileError(_("{name} cannot be read: it is damaged, or it was encrypted "
                                 "with another passphrase.").format(name=name))
    return BackupFileError(_("{name} cannot be read: it is damaged, or it is not a "
                             "database.").format(name=name))


def restore_sqlite(backup: Path, database_file: Path, key: DatabaseKey | None = None) -> None:
    """Replace the content of ``database_file`` with the (checked) ``backup``, in one
    transaction of the live database: readers see all of the old or all of the new."""
    source = connect(backup, key, read_only=True)
    try:
        source.execute("PRAGMA trusted_schema=OFF")
        destination = connect(database_file, key)
        try:
            destination.execute("PRAGMA busy_timeout=10000")
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def restore_postgresql(backup: Path, engine, progress: Progress | None = None) -> None:
    """Replace every table of the PostgreSQL database with the backup's rows, in one
    transaction; sequences continue after the highest id restored."""
    from sqlalchemy import create_engine, select, text

    tables = _tables()
    source_engine = create_engine("sqlite://", creator=lambda: connect(backup, read_only=True))
    try:
        with source_engine.connect() as source, engine.begin() as pg:
            names = ", ".join(f'"{table.name}"' for table in tables)
            # The audit log refuses to be emptied; the restore is recorded in it afterwards.
            for table in tables:
                pg.execute(text(f'ALTER TABLE "{table.name}" DISABLE TRIGGER USER'))
            pg.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            for table in tables:
                pg.execute(text(f'ALTER TABLE "{table.name}" ENABLE TRIGGER USER'))
            for done, table in enumerate(tables):
                if progress is not None:
                    progress(done, len(tables))
                result = source.execution_options(yield_per=2000).execute(select(table))
                for rows in result.mappings().partitions():
                    pg.execute(table.insert(), [dict(row) for row in rows])
                for column in table.primary_key.columns:
                    if column.autoincrement is True or (
                            column.autoincrement == "auto" and len(table.primary_key) == 1
                            and column.type.python_type is int):
                        pg.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', "
                            f"'{column.name}'), COALESCE(MAX(\"{column.name}\"), 0) + 1, false) "
                            f"FROM \"{table.name}\""))
    finally:
        source_engine.dispose()
