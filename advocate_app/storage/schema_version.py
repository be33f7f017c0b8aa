"""The schema revision this version expects, and a quick look at a SQLite file's revision.

Plain ``sqlite3`` (``sqlcipher3`` for an encrypted file): start-up reads one row here and loads SQLAlchemy and Alembic only when the
file needs creating or upgrading.
"""

from __future__ import annotations

from pathlib import Path

from advocate_app.storage import cipher
from advocate_app.storage.cipher import DatabaseKey

#: The newest revision in ``migrations/versions``; a test keeps it equal to Alembic's head.
HEAD_REVISION = "0015"


def sqlite_revision(database_file: Path, key: DatabaseKey | None = None) -> str | None:
    """The file's schema revision; None for a missing, empty or never-migrated file."""
    if not database_file.is_file() or database_file.stat().st_size == 0:
        return None
    connection = cipher.connect(database_file, key, read_only=True, timeout=10)
    try:
        found = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not found:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def is_foreign_sqlite(database_file: Path, key: DatabaseKey | None = None) -> bool:
    """Whether the file holds another program's tables (tables, but no Advocate revision):
    such a file is refused, never upgraded into an Advocate database."""
    if not database_file.is_file() or database_file.stat().st_size == 0:
        return False
    connection = cipher.connect(database_file, key, read_only=True, timeout=10)
    try:
        names = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    finally:
        connection.close()
    return bool(names) and "alembic_version" not in names
