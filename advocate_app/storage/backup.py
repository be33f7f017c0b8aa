"""Copies of the SQLite file, taken with SQLite's online backup API (safe with WAL)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from advocate_app.storage import cipher
from advocate_app.storage.cipher import DatabaseKey


def backup_sqlite(database_file: Path, backup_dir: Path, reason: str,
                  key: DatabaseKey | None = None) -> Path:
    """Copy ``database_file`` to ``backup_dir/<stem>-<timestamp>-<reason>.sqlite3``; the copy of
    an encrypted file (``key`` given) is encrypted with the same passphrase."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{database_file.stem}-{stamp}-{reason}.sqlite3"
    source = cipher.connect(database_file, key, read_only=True)
    try:
        destination = cipher.connect(target, key)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target
