"""One place that says where Advocate reads and writes files.

Everything the app writes (database, backups, logs, settings, compiled catalogs) lives under one
data directory: the platform's user data directory by default, or ``--data-dir`` /
``ADVOCATE_DATA_DIR``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Advocate"
APP_SLUG = "advocate"

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent


class DataDirError(Exception):
    """The data directory cannot be created or written: ``path`` and the system's ``reason``.

    The caller words it for people (this module sits below the translations, which find their
    catalogs through it)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def database_file(self) -> Path:
        return self.data_dir / "advocate.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def story_files_dir(self) -> Path:
        """Stories' audio recordings and photos, copied in under names the app makes."""
        return self.data_dir / "story_files"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def locale_cache_dir(self) -> Path:
        return self.data_dir / "cache" / "locale"

    def default_database_url(self) -> str:
        return "sqlite:///" + self.database_file.as_posix()

    def ensure(self) -> None:
        """Create the directories the app writes to; raise DataDirError with the reason."""
        try:
            for directory in (self.data_dir, self.backup_dir, self.log_dir):
                directory.mkdir(parents=True, exist_ok=True)
            probe = self.data_dir / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise DataDirError(self.data_dir, str(exc.strerror or exc)) from exc


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Data directory from the argument, then ADVOCATE_DATA_DIR, then the platform default."""
    chosen = data_dir or os.environ.get("ADVOCATE_DATA_DIR")
    if chosen:
        return AppPaths(Path(chosen).expanduser().resolve())
    import platformdirs

    return AppPaths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def bundled_dir(name: str) -> Path | None:
    """A top-level folder shipped with the app (``translations`` or ``resources``).

    An installed build carries it inside the package; a source checkout has it beside the package.
    """
    for candidate in (_PACKAGE_DIR / "_bundled" / name, _SOURCE_ROOT / name):
        if candidate.is_dir():
            return candidate
    return None
