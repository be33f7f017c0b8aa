"""Copies of the SQLite file, taken with SQLite's online backup API (safe with WAL)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_sqlite(database_file: Path, backup_dir: Path, reason: str) -> Path:
    """Copy ``database_file`` to ``backup_dir/<stem>-<timestamp>-<reason>.sqlite3``."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{database_file.stem}-{stamp}-{reason}.sqlite3"
    source = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target
