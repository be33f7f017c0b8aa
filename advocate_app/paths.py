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

#: What the app writes in the data folder is its owner's alone (on Windows the folder is in
#: the user's own profile, which Windows already keeps private, and nothing is changed).
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600

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

    @property
    def scratch_record(self) -> Path:
        """The scratch folders made beside a folder the person chose (print packs,
        follow-up letters) while they exist: leftovers are removed at the next start."""
        return self.data_dir / "scratch-folders.txt"

    def own_files(self) -> list[Path]:
        """What the app writes in the data folder (not anything else a person keeps there):
        the folders and files to keep private."""
        database = self.database_file
        found = [self.data_dir, self.settings_file, self.scratch_record,
                 *(database.with_name(database.name + end)
                   for end in ("", "-wal", "-shm", "-journal"))]
        for folder in (self.backup_dir, self.log_dir, self.story_files_dir,
                       self.data_dir / "cache"):
            found.append(folder)
            if folder.is_dir() and not folder.is_symlink():
                found.extend(folder.rglob("*"))
        return found

    def default_database_url(self) -> str:
        return "sqlite:///" + self.database_file.as_posix()

    def ensure(self) -> None:
        """Create the directories the app writes to; raise DataDirError with the reason."""
        try:
            for directory in (self.data_dir, self.backup_dir, self.log_dir):
                directory.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            make_private(self.own_files())
            probe = self.data_dir / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise DataDirError(self.data_dir, str(exc.strerror or exc)) from exc


def make_private(paths: list[Path]) -> None:
    """Folders 0700 and files 0600, whatever they were (links are left alone); nothing on
    Windows."""
    if os.name == "nt":
        return
    import stat

    for path in paths:
        try:
            found = path.lstat()
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(found.st_mode):
            continue
        wanted = PRIVATE_FOLDER if stat.S_ISDIR(found.st_mode) else PRIVATE_FILE
        if stat.S_IMODE(found.st_mode) & 0o077:
            try:
                os.chmod(path, stat.S_IMODE(found.st_mode) & wanted)
            except PermissionError:  # another account's file: not the app's to change
                continue


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
