"""Encryption at rest: unlocking an encrypted database, and encrypting, decrypting or changing
the passphrase of the SQLite file and every backup in the data folder.

Opening happens before the services exist (start-up asks for the passphrase first), so the
functions for it are plain module functions; converting is :class:`EncryptionService`, which
needs the ``BACKUP`` permission like any other action on the database as a whole.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.people import Actor
from advocate_app.i18n import _, ngettext
from advocate_app.services.access import require
from advocate_app.services.errors import ServiceError
from advocate_app.storage import cipher
from advocate_app.storage.cipher import DatabaseKey, is_encrypted

if TYPE_CHECKING:
    from advocate_app.storage.database import Database

log = logging.getLogger(__name__)

#: The name the system keyring keeps remembered passphrases under (one per database file).
KEYRING_SERVICE = "Advocate database"
MIN_PASSPHRASE_LENGTH = cipher.MIN_PASSPHRASE_LENGTH

__all__ = ["EncryptionService", "PassphraseError", "is_encrypted", "unlock"]


class PassphraseError(ServiceError):
    """A passphrase that is wrong, missing or too weak; the message is one sentence."""


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` cannot be chosen as a new one; None when it can."""
    if not passphrase.strip():
        return _("The passphrase cannot be empty.")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return ngettext("The passphrase must be at least {n} character long.",
                        "The passphrase must be at least {n} characters long.",
                        MIN_PASSPHRASE_LENGTH).format(n=MIN_PASSPHRASE_LENGTH)
    return None


def unlock(database_file: Path, passphrase: str) -> DatabaseKey:
    """The key that opens the encrypted ``database_file``; :class:`PassphraseError` when the
    passphrase does not (the file is only read)."""
    if not passphrase:
        raise PassphraseError(_("The passphrase cannot be empty."))
    key = cipher.shared_key(passphrase)
    try:
        cipher.check_key(database_file, key)
    except cipher.WrongPassphraseError as exc:
        raise PassphraseError(str(exc)) from exc
    return key


def key_for(database_file: Path, passphrase: str | None) -> DatabaseKey | None:
    """The key to open ``database_file`` with at start-up, given the passphrase the user set
    (``ADVOCATE_PASSPHRASE``), or None when the file is plain. A file not made yet is made
    encrypted when a passphrase is given. An encrypted file with no passphrase: PassphraseError.
    """
    if is_encrypted(database_file):
        if not passphrase:
            raise PassphraseError(_("This database is encrypted: set ADVOCATE_PASSPHRASE to "
                                    "its passphrase."))
        return unlock(database_file, passphrase)
    new_file = not database_file.exists() or database_file.stat().st_size == 0
    if new_file and passphrase:
        problem = passphrase_problem(passphrase)
        if problem is not None:
            raise PassphraseError(problem)
        return DatabaseKey(passphrase)
    return None


# -- the system keyring (never a reason to fail: offscreen, CI, no backend) ---------------------

def remembered_passphrase(database_file: Path) -> str | None:
    """The passphrase this computer's keyring keeps for ``database_file``, if any."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, str(database_file.resolve()))
    except Exception as exc:  # noqa: BLE001 - no keyring is an ordinary situation
        log.info("No passphrase read from the system keyring (%s)", type(exc).__name__)
        return None


def recall_key(database_file: Path) -> Callable[[], DatabaseKey | None]:
    """Look the passphrase up in the keyring and derive the key in a background thread (both
    take a while), so start-up loads the window meanwhile; the function returned waits for the
    key, None when nothing remembered opens the file."""
    found: list[DatabaseKey] = []

    def look_up() -> None:
        passphrase = remembered_passphrase(database_file)
        if passphrase:
            try:
                found.append(unlock(database_file, passphrase))
            except PassphraseError:
                log.info("The remembered passphrase no longer opens the database")

    thread = threading.Thread(target=look_up, name="recall-passphrase", daemon=True)
    thread.start()

    def wait() -> DatabaseKey | None:
        thread.join()
        return found[0] if found else None

    return wait


def remember_passphrase(database_file: Path, passphrase: str) -> bool:
    """Keep ``passphrase`` in the system keyring; False when there is no keyring to keep it."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, str(database_file.resolve()), passphrase)
        return True
    except Exception as exc:  # noqa: BLE001
        log.warning("The passphrase could not be kept in the system keyring (%s)",
                    type(exc).__name__)
        return False


def forget_passphrase(database_file: Path) -> None:
    """Remove a remembered passphrase (after it changed, or the file was decrypted)."""
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, str(database_file.resolve()))
    except Exception as exc:  # noqa: BLE001 - nothing remembered, or no keyring
        log.info("No passphrase removed from the system keyring (%s)", type(exc).__name__)


# -- converting -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConversionResult:
    """What a conversion did: the database, and the backups converted alongside it."""

    database_file: Path
    backups: tuple[Path, ...] = ()
    #: Backups that could not be converted (damaged, or under another passphrase): left as
    #: they were, named so the user can deal with them.
    left_alone: tuple[Path, ...] = field(default=())


class EncryptionService:
    """Encrypt, decrypt or re-key the SQLite database in place, with its backups."""

    def __init__(self, database: Database, actor: Actor, backup_dir: Path | None):
        self._database = database
        self._actor = actor
        self._backup_dir = backup_dir

    @property
    def encrypted(self) -> bool:
        return self._database.key is not None

    def check_allowed(self) -> Path:
        """The database file, once it is sure this account may convert it and that it is a
        SQLite file (before anyone is asked for a passphrase)."""
        return self._sqlite_file()

    def encrypt(self, passphrase: str) -> ConversionResult:
        """Encrypt the database and every plain backup with ``passphrase``."""
        database_file = self._sqlite_file()
        self._check_new(passphrase)
        if is_encrypted(database_file):
            raise ServiceError(_("This database is already encrypted."))
        key = DatabaseKey(passphrase)
        self._convert(lambda path: cipher.encrypt(path, key), database_file, key)
        backups, left = self._convert_backups(lambda path: cipher.encrypt(path, key),
                                              plain=True)
        log.info("Database encrypted, with %d backups", len(backups))
        return ConversionResult(database_file, backups, left)

    def encrypt_backups(self) -> ConversionResult:
        """Encrypt, with the database's own passphrase, every backup still plain (one an
        interrupted ``encrypt`` had not reached yet)."""
        database_file = self._sqlite_file()
        key = self._current_key()
        backups, left = self._convert_backups(lambda path: cipher.encrypt(path, key),
                                              plain=True)
        return ConversionResult(database_file, backups, left)

    def change_passphrase(self, new_passphrase: str) -> ConversionResult:
        """Encrypt the database (and its backups under the same passphrase) with a new one."""
        database_file = self._sqlite_file()
        old = self._current_key()
        self._check_new(new_passphrase)
        if old.matches(new_passphrase):
            raise PassphraseError(_("The new passphrase is the same as the current one."))
        new = DatabaseKey(new_passphrase)
        self._convert(lambda path: cipher.change_passphrase(path, old, new), database_file, new)
        backups, left = self._convert_backups(
            lambda path: cipher.change_passphrase(path, old, new), plain=False)
        forget_passphrase(database_file)
        log.info("Database passphrase changed, with %d backups", len(backups))
        return ConversionResult(database_file, backups, left)

    def decrypt(self) -> ConversionResult:
        """Store the database (and its backups under the same passphrase) unencrypted again."""
        database_file = self._sqlite_file()
        old = self._current_key()
        self._convert(lambda path: cipher.decrypt(path, old), database_file, None)
        backups, left = self._convert_backups(lambda path: cipher.decrypt(path, old),
                                              plain=False)
        forget_passphrase(database_file)
        log.info("Database decrypted, with %d backups", len(backups))
        return ConversionResult(database_file, backups, left)

    # -- inside --------------------------------------------------------------------------------

    def _sqlite_file(self) -> Path:
        require(self._actor, Permission.BACKUP)
        database_file = self._database.sqlite_file
        if database_file is None:
            raise ServiceError(_("Only Advocate's own database file is encrypted here; a "
                                 "PostgreSQL database is encrypted at rest by its server."))
        return database_file

    def _current_key(self) -> DatabaseKey:
        key = self._database.key
        if key is None:
            raise ServiceError(_("This database is not encrypted."))
        return key

    @staticmethod
    def _check_new(passphrase: str) -> None:
        problem = passphrase_problem(passphrase)
        if problem is not None:
            raise PassphraseError(problem)

    def _convert(self, convert: Callable[[Path], None], database_file: Path, new_key: DatabaseKey | None) -> None:
        old_key = self._database.key
        self._database.dispose()  # no connection of ours may hold the old file open
        try:
            convert(database_file)
        except cipher.CipherError as exc:
            self._database.reopen(old_key)
            raise ServiceError(str(exc)) from exc
        self._database.reopen(new_key)

    def _convert_backups(self, convert: Callable[[Path], None], *, plain: bool
                         ) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
        """Convert each backup that is ``plain`` (or encrypted, when not): those done, and
        those that could not be (damaged, or under another passphrase), left as they were."""
        done: list[Path] = []
        left: list[Path] = []
        for path in self._backup_files():
            if is_encrypted(path) == plain:
                continue
            try:
                convert(path)
                done.append(path)
            except (cipher.CipherError, OSError) as exc:
                log.warning("A backup could not be converted (%s)", type(exc).__name__)
                left.append(path)
        return tuple(done), tuple(left)

    def _backup_files(self) -> list[Path]:
        """Every SQLite file (plain or encrypted) in the backups folder, at any depth."""
        if self._backup_dir is None or not self._backup_dir.is_dir():
            return []
        found = []
        for path in sorted(self._backup_dir.rglob("*")):
            if (not path.is_file() or path.is_symlink()
                    or path.name.endswith(("-wal", "-shm", "-journal", cipher.CONVERTING_SUFFIX))):
                continue
            if _is_database(path):
                found.append(path)
        return found


def _is_database(path: Path) -> bool:
    """A plain SQLite file, or a file SQLite's page size says could be an encrypted one."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
        size = path.stat().st_size
    except OSError:
        return False
    if head == cipher.PLAIN_HEADER:
        return True
    return len(head) == 16 and size % 1024 == 0 and size >= 4096
