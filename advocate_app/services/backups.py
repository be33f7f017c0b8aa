"""Backups: on demand, automatic and rotating, and restoring one after checking it.

A backup is a SQLite file with the app's schema, whatever the database (see
``storage/backup_files.py``): consistent while the app writes, encrypted when the database is,
readable by its owner alone, and never half-written. Automatic backups are taken when the last
one is older than the schedule's interval (daily by default) and the oldest are removed beyond
the number kept (14 by default); the schedule is kept in ``backups.ini`` in the data folder.

A restore checks the file first (it opens with the database's key, passes SQLite's integrity
check, is an Advocate database of a known revision no newer than this version, and has all its
tables), keeps the current database as a backup, and then replaces the data in one
transaction. A file that fails a check is one sentence, and nothing changes.
"""

from __future__ import annotations

import builtins
import collections
import configparser
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.people import Actor
from advocate_app.i18n import _, ngettext
from advocate_app.paths import AppPaths
from advocate_app.services.access import require
from advocate_app.services.errors import ServiceError, ValidationError
from advocate_app.storage.database import Database
from advocate_app.storage.reader import as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.services.privacy import PrivacyService

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: The schedule's file in the data folder, and its defaults.
SETTINGS_FILE = "backups.ini"
DEFAULT_EVERY_DAYS = 1
DEFAULT_KEEP = 14
#: A backup's name: ``advocate-YYYYmmdd-HHMMSS-ffffff-KIND.sqlite3``.
SUFFIX = ".sqlite3"
AUTOMATIC, ON_DEMAND, BEFORE_RESTORE = "auto", "manual", "before-restore"


#: An audit line's columns but its id (a line carried over a restore gets a new id).
_AUDIT_COLUMNS = ("at", "account_id", "account_name", "action", "subject_kind", "subject_id",
                  "count", "detail")


class BackupError(ServiceError):
    """A backup cannot be taken or restored; nothing was changed."""


@dataclass(frozen=True)
class BackupSchedule:
    """How often an automatic backup is taken (0: never) and how many of them are kept."""

    every_days: int = DEFAULT_EVERY_DAYS
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    kind: str  # AUTOMATIC, ON_DEMAND, BEFORE_RESTORE, or "before-upgrade-…"
    size: int


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    revision: str
    #: The database as it was just before, kept as a backup (None: nothing to keep).
    kept_as: Path | None
    #: How many people erased since the backup was made were erased again in its data.
    erased_again: int = 0

    @property
    def erasures_sentence(self) -> str | None:
        """One sentence saying that people erased since the backup stay erased; None when
        there were none."""
        if not self.erased_again:
            return None
        return ngettext("{n} person erased since this backup was erased again.",
                        "{n} people erased since this backup were erased again.",
                        self.erased_again).format(n=self.erased_again)


class BackupService:
    def __init__(self, database: Database, uow: UnitOfWorkFactory, actor: Actor,
                 paths: AppPaths, privacy: PrivacyService | None = None):
        self._database = database
        self._uow = uow
        self._actor = actor
        self._paths = paths
        #: Erases again, after a restore, the people erased since the backup was made.
        self._privacy = privacy

    # --- the schedule -------------------------------------------------------------------

    @property
    def folder(self) -> Path:
        return self._paths.backup_dir

    @property
    def _settings_file(self) -> Path:
        return self._paths.data_dir / SETTINGS_FILE

    def schedule(self) -> BackupSchedule:
        """The schedule in ``backups.ini``; a missing or unreadable value is the default."""
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(self._settings_file, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError) as exc:
            log.warning("Backup settings ignored: %s", exc)
            return BackupSchedule()

        def number(name: str, default: int) -> int:
            try:
                value = parser.getint("automatic", name, fallback=default)
            except ValueError:
                return default
            return value if value >= 0 else default

        return BackupSchedule(number("every_days", DEFAULT_EVERY_DAYS),
                              max(1, number("keep", DEFAULT_KEEP)))

    def set_schedule(self, schedule: BackupSchedule) -> None:
        require(self._actor, Permission.BACKUP)
        if schedule.every_days < 0 or schedule.keep < 1:
            raise ValidationError({"schedule": _(
                "Backups are taken every 0 days or more (0: never), and at least one is "
                "kept.")})
        parser = configparser.ConfigParser(interpolation=None)
        parser["automatic"] = {"every_days": str(schedule.every_days),
                               "keep": str(schedule.keep)}
        temporary = self._settings_file.with_name(SETTINGS_FILE + ".new")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "w", encoding="utf-8") as handle:
            handle.write("# Automatic backups: every_days = 0 turns them off.\n")
            parser.write(handle)
        os.chmod(temporary, 0o600)
        os.replace(temporary, self._settings_file)

    # --- the backups there are ----------------------------------------------------------

    def list(self) -> builtins.list[BackupFile]:
        """The backups in the backups folder, newest first (temporary files left out)."""
        from advocate_app.storage.backup_files import PARTIAL_MARK

        found = []
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if (not path.name.endswith(SUFFIX) or PARTIAL_MARK in path.name
                        or not path.is_file()):
                    continue
                stat = path.stat()
                found.append(BackupFile(path, _taken_at(path, stat.st_mtime), _kind(path),
                                        stat.st_size))
        return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)

    def due(self, now: datetime | None = None) -> bool:
        """True when an automatic backup should be taken now."""
        every = self.schedule().every_days
        if every == 0:
            return False
        now = now or datetime.now(UTC)
        automatic = [b for b in self.list() if b.kind == AUTOMATIC]
        return not automatic or now - automatic[0].taken_at >= timedelta(days=every)

    # --- taking one ---------------------------------------------------------------------

    def back_up(self, target: Path | None = None, progress: Progress | None = None
                ) -> BackupFile:
        """A backup now, to ``target`` or into the backups folder; the file written."""
        require(self._actor, Permission.BACKUP)
        if target is not None:
            target = Path(target)
            self._refuse_live_files(target)
        written = self._take(target or self._new_name(ON_DEMAND), progress)
        self._audit_backup(written)
        return written

    def automatic(self, now: datetime | None = None, progress: Progress | None = None
                  ) -> BackupFile | None:
        """Take the automatic backup if one is due, then keep only the newest; None if none
        was due. Runs for whoever is signed in: it is the app's own care, not an export."""
        if not self.due(now):
            return None
        written = self._take(self._new_name(AUTOMATIC, now), progress)
        self.rotate()
        log.info("Automatic backup written to %s", written.path)
        return written

    def rotate(self) -> builtins.list[Path]:
        """Remove the oldest automatic backups beyond the number kept, and what a backup cut
        short (the app killed, the computer stopped) left behind over an hour ago; those
        removed."""
        from advocate_app.storage.backup_files import PARTIAL_MARK

        keep = self.schedule().keep
        automatic = [b for b in self.list() if b.kind == AUTOMATIC]
        removed = []
        an_hour_ago = datetime.now().timestamp() - 3600
        for leftover in self.folder.glob(f".*{PARTIAL_MARK}*"):
            try:
                if leftover.stat().st_mtime < an_hour_ago:
                    leftover.unlink()
                    removed.append(leftover)
            except FileNotFoundError:
                pass
        for old in automatic[keep:]:
            try:
                old.path.unlink()
                removed.append(old.path)
            except FileNotFoundError:
                pass
        return removed

    def _new_name(self, kind: str, now: datetime | None = None) -> Path:
        stamp = (now.astimezone() if now else datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
        return self.folder / f"advocate-{stamp}-{kind}{SUFFIX}"

    def _take(self, target: Path, progress: Progress | None) -> BackupFile:
        from sqlalchemy.exc import SQLAlchemyError

        from advocate_app.storage import backup_files

        if progress is not None:
            progress(0, 0)
        errors: tuple[type[Exception], ...] = (OSError, SQLAlchemyError,
                                               *_database_errors())
        try:
            if self._database.sqlite_file is not None:
                backup_files.copy_sqlite(self._database.sqlite_file, target, self._database.key)
            else:
                backup_files.copy_postgresql(self._database.engine, target, progress)
        except errors as exc:
            raise BackupError(_("The backup could not be written to {path}: {reason}.").format(
                path=target, reason=_reason(exc))) from exc
        stat = target.stat()
        return BackupFile(target, _taken_at(target, stat.st_mtime), _kind(target), stat.st_size)

    def _refuse_live_files(self, target: Path) -> None:
        """A backup goes outside the data folder or into its backups folder, never over the
        database, its log or anything else Advocate keeps there."""
        resolved = target.expanduser().resolve()
        live = self._database.sqlite_file
        if live is not None:
            names = {live.resolve().with_name(live.name + suffix)
                     for suffix in ("", "-wal", "-shm", "-journal")}
            if resolved in names:
                raise BackupError(_("A backup cannot be written over the database itself; "
                                    "choose another file."))
        inside = self._paths.data_dir.resolve()
        if resolved.is_relative_to(inside) and not resolved.is_relative_to(
                self.folder.resolve()):
            raise BackupError(_("A backup cannot be written among Advocate's own files in "
                                "{folder}; choose another folder, or its backups folder.").format(
                folder=inside))

    # --- restoring ----------------------------------------------------------------------

    def check(self, path: Path) -> str:
        """The schema revision of the backup at ``path`` if it can be restored; otherwise
        :class:`BackupError` with the one sentence that says why. Only reads the file."""
        require(self._actor, Permission.BACKUP)
        return self._check(Path(path))

    def _check(self, path: Path) -> str:
        from advocate_app.storage import backup_files
        from advocate_app.storage.schema_version import HEAD_REVISION

        key = self._database.key if self._database.sqlite_file is not None else None
        try:
            return backup_files.check(path, key, known_revisions=backup_files.known_revisions(),
                                      head=HEAD_REVISION)
        except backup_files.BackupFileError as exc:
            raise BackupError(str(exc)) from exc
        except OSError as exc:
            raise BackupError(_("{name} cannot be read: {reason}.").format(
                name=path.name, reason=_reason(exc))) from exc

    def restore(self, path: Path, progress: Progress | None = None) -> RestoreResult:
        """Replace the database's data with the backup at ``path``, once it passes every
        check; the current data is kept as a backup first. Open windows must read again (the
        window restarts)."""
        from sqlalchemy.exc import SQLAlchemyError

        from advocate_app.storage import backup_files
        from advocate_app.storage.schema_version import HEAD_REVISION

        require(self._actor, Permission.BACKUP)
        path = Path(path)
        live = self._database.sqlite_file
        if live is not None and path.expanduser().resolve() == live.resolve():
            raise BackupError(_("{name} is the database itself, not a backup of it.").format(
                name=path.name))
        revision = self._check(path)
        if self._database.sqlite_file is None and revision != HEAD_REVISION:
            raise BackupError(_("{name} was made by an older version of Advocate: restore it "
                                "into a SQLite data folder first, then back that up.").format(
                name=path.name))
        kept = self._take(self._new_name(BEFORE_RESTORE), None).path
        trail = self._audit_trail()
        erased = self._erased_ids()
        errors: tuple[type[Exception], ...] = (OSError, SQLAlchemyError,
                                               *_database_errors())
        try:
            if self._database.sqlite_file is not None:
                self._database.dispose()  # nothing of ours holds the file while it changes
                backup_files.restore_sqlite(path, self._database.sqlite_file,
                                            self._database.key)
            else:
                backup_files.restore_postgresql(path, self._database.engine, progress)
        except errors as exc:
            raise BackupError(_("{name} could not be restored: {reason}. Nothing was "
                                "changed.").format(name=path.name, reason=_reason(exc))) from exc
        if revision != HEAD_REVISION:
            self._upgrade()
        self._uow.commits += 1  # every page reads again
        self._carry_over(trail, path.name)
        again = self._erase_again(erased)
        log.info("Restored %s (the data before kept in %s)", path, kept)
        return RestoreResult(path, revision, kept, again)

    def _erased_ids(self) -> builtins.set[int]:
        """The members erased in the database as it is (each keeps its row, with the date
        of its erasure)."""
        return {row[0] for row in self._database.reader.rows(
            "SELECT id FROM members WHERE erased_at IS NOT NULL")}

    def _erase_again(self, erased: builtins.set[int]) -> int:
        """An erasure outlives a restore: the people erased since the backup was made (erased
        before the restore, not in the restored data) are erased again, and the database file
        is cleared of their old copies, as an erasure does. How many."""
        if not erased:
            return 0
        back = sorted(row[0] for row in self._database.reader.rows(
            "SELECT id FROM members WHERE erased_at IS NULL") if row[0] in erased)
        if not back:
            return 0
        if self._privacy is None:
            raise RuntimeError("a restore needs the privacy service to erase people again")
        return self._privacy.erase_all(back)

    def _upgrade(self) -> None:
        from advocate_app.storage.migrate import ensure_schema

        ensure_schema(self._database.engine, sqlite_file=self._database.sqlite_file,
                      backup_dir=self.folder, key=self._database.key)

    def _audit_trail(self) -> builtins.list[tuple]:
        """The audit log as it is, oldest first, without its ids."""
        rows = self._database.reader.rows(
            f"SELECT {', '.join(_AUDIT_COLUMNS)} FROM audit_events ORDER BY id")
        return [(as_utc(row[0]), *row[1:]) for row in rows]

    def _carry_over(self, trail: builtins.list[tuple], name: str) -> None:
        """The audit log is append-only, a restore included: the lines written since the
        backup are added back to the restored log, then the restore itself."""
        from advocate_app.domain.audit import AuditEvent
        from advocate_app.domain.audit_views import AuditAction, AuditSubject
        from advocate_app.services.audit import record

        restored = collections.Counter(self._audit_trail())
        with self._uow() as uow:
            for line in trail:
                if restored[line] > 0:
                    restored[line] -= 1
                    continue
                uow.session.add(AuditEvent(**dict(zip(_AUDIT_COLUMNS, line, strict=True))))
            record(uow.session, self._actor, AuditAction.RESTORE, AuditSubject.DATABASE,
                   detail=name)
            uow.commit()

    def _audit_backup(self, written: BackupFile) -> None:
        from advocate_app.domain.audit_views import AuditAction, AuditSubject
        from advocate_app.services.audit import record_alone

        record_alone(self._uow, self._actor, AuditAction.BACKUP, AuditSubject.DATABASE,
                     detail=written.path.name)


def _taken_at(path: Path, mtime: float) -> datetime:
    """When a backup was taken: from its name (a copied file keeps it), else its time."""
    parts = path.name.split("-")
    if len(parts) >= 4:
        try:
            return datetime.strptime("-".join(parts[1:4]), "%Y%m%d-%H%M%S-%f").astimezone(UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(mtime, UTC)


def _kind(path: Path) -> str:
    parts = path.name[: -len(SUFFIX)].split("-") if path.name.endswith(SUFFIX) else []
    return "-".join(parts[4:]) if len(parts) > 4 else ON_DEMAND


def _database_errors() -> tuple[type[Exception], ...]:
    from advocate_app.storage.cipher import database_errors

    return database_errors()


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else (getattr(exc, "strerror", None) or exc))
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
