"""SQLite files plain or encrypted with SQLCipher: opening them, and converting one into the other.

Every connection to the database file goes through :func:`connect`. A plain file (``key`` None) is
opened with the standard library's ``sqlite3``, exactly as before; an encrypted one with
``sqlcipher3``, whose first statement is always ``PRAGMA key``.

SQLCipher derives the page key from the passphrase with PBKDF2 (256,000 rounds of SHA-512, about
0.2 s). A :class:`DatabaseKey` does that once per file salt and then hands SQLCipher the derived
raw key (``x'…'``), so start-up and every new pooled connection stay fast.

:func:`encrypt`, :func:`decrypt` and :func:`change_passphrase` write the converted copy beside the
file, check it (``integrity_check`` and the same number of rows in every table), flush it to disk
and only then put it in place with one atomic rename: a crash at any moment leaves either the old
file or the new one, each whole. A wrong passphrase raises :class:`WrongPassphraseError` before
anything is written.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Any

from advocate_app.i18n import _, collation

#: The first 16 bytes of every plain SQLite file; an encrypted file starts with its random salt.
PLAIN_HEADER = b"SQLite format 3\0"
#: SQLCipher 4's defaults: PBKDF2-HMAC-SHA512, 256,000 rounds, a 32-byte key, a 16-byte salt.
KDF_ROUNDS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16
#: A passphrase shorter than this is refused when one is chosen.
MIN_PASSPHRASE_LENGTH = 8
#: Suffix of the converted copy written beside the database before it replaces it.
CONVERTING_SUFFIX = ".converting"


class CipherError(Exception):
    """A conversion or an opening that cannot be done; the message is one translated sentence."""


class WrongPassphraseError(CipherError):
    """The passphrase does not open the file (or the file is not a database at all)."""

    def __init__(self, message: str | None = None):
        super().__init__(message or _(
            "The passphrase does not open this database (or the file is not an Advocate "
            "database)."))


class DatabaseKey:
    """A passphrase, and the raw SQLCipher keys derived from it (once per salt, then cached).

    Its ``repr`` never shows the passphrase, so it cannot leak into a log or a traceback.
    """

    def __init__(self, passphrase: str):
        if not passphrase:
            raise ValueError("empty passphrase")
        self._secret = passphrase.encode("utf-8")
        self._derived: dict[bytes, bytes] = {}
        self._fresh_salts: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "DatabaseKey(<hidden>)"

    def matches(self, passphrase: str) -> bool:
        return secrets.compare_digest(self._secret, passphrase.encode("utf-8"))

    def raw_key(self, salt: bytes) -> bytes:
        """The page key SQLCipher derives for ``salt``; computed once, then remembered."""
        with self._lock:
            found = self._derived.get(salt)
            if found is None:
                found = pbkdf2(self._secret, salt)
                self._derived[salt] = found
            return found

    def derive_ahead(self, database_file: Path | str) -> None:
        """Start deriving the key of ``database_file`` in a background thread (PBKDF2 leaves
        Python's other threads free), so start-up loads the window meanwhile; the first
        connection waits for it."""
        salt = file_salt(database_file)
        if salt is not None:
            threading.Thread(target=self.raw_key, args=(salt,), name="derive-database-key",
                             daemon=True).start()

    def literal(self, database_file: Path | str) -> str:
        """SQLCipher's raw key for ``database_file`` (``x'…'``), with the salt when the file is
        new, so that the passphrase alone opens it later."""
        path = os.path.abspath(database_file)
        with self._lock:
            fresh = self._fresh_salts.get(path)
        if fresh is not None:  # made by this key: its salt is known without reading it
            return f"x'{self.raw_key(fresh).hex()}{fresh.hex()}'"
        salt = file_salt(path)
        if salt is not None:
            return f"x'{self.raw_key(salt).hex()}'"
        with self._lock:
            salt = self._fresh_salts.setdefault(path, secrets.token_bytes(SALT_BYTES))
        return f"x'{self.raw_key(salt).hex()}{salt.hex()}'"


def pbkdf2(secret: bytes, salt: bytes, rounds: int = KDF_ROUNDS) -> bytes:
    """SQLCipher's key derivation (PBKDF2-HMAC-SHA512): with the OpenSSL that sqlcipher3 ships
    when it is found (a quarter less work at start-up than the one Python was built with, the
    same result), else with ``hashlib``."""
    derive = _shipped_pbkdf2()
    if derive is not None:
        found = derive(secret, salt, rounds)
        if found is not None:
            return found
    return hashlib.pbkdf2_hmac("sha512", secret, salt, rounds, KEY_BYTES)


_SHIPPED: list[Any] = []


def _shipped_pbkdf2() -> Any:
    """``PKCS5_PBKDF2_HMAC`` of the libcrypto beside sqlcipher3 (found without importing it),
    checked against ``hashlib`` once; None when there is none or it does not agree."""
    with _SHIPPED_LOCK:
        if not _SHIPPED:
            _SHIPPED.append(_load_shipped_pbkdf2())
        return _SHIPPED[0]


def _load_shipped_pbkdf2() -> Any:
    import ctypes
    import glob
    import importlib.util

    try:
        spec = importlib.util.find_spec("sqlcipher3")
        origin = spec.origin if spec is not None else None
        if origin is None:
            return None
        package = os.path.dirname(origin)
        candidates = sorted({*glob.glob(os.path.join(os.path.dirname(package),
                                                     "sqlcipher3_binary.libs", "libcrypto*")),
                             *glob.glob(os.path.join(package, ".dylibs", "libcrypto*"))})
        if not candidates:
            return None
        library = ctypes.CDLL(candidates[0])
        function = library.PKCS5_PBKDF2_HMAC
        sha512 = library.EVP_sha512
    except (OSError, AttributeError, ImportError, ValueError):
        return None
    sha512.restype = ctypes.c_void_p
    sha512.argtypes = []
    function.restype = ctypes.c_int
    function.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                         ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p]

    def derive(secret: bytes, salt: bytes, rounds: int) -> bytes | None:
        out = ctypes.create_string_buffer(KEY_BYTES)  # (ctypes lets other threads run)
        if function(secret, len(secret), salt, len(salt), rounds, sha512(), KEY_BYTES,
                    out) != 1:
            return None
        return out.raw

    probe = (b"probe passphrase", b"0123456789abcdef")
    if derive(*probe, 3) != hashlib.pbkdf2_hmac("sha512", *probe, 3, KEY_BYTES):
        return None
    return derive


_SHIPPED_LOCK = threading.Lock()
_SHARED: dict[str, DatabaseKey] = {}
_SHARED_LOCK = threading.Lock()


def shared_key(passphrase: str) -> DatabaseKey:
    """One key per passphrase in this process, so a key derived ahead at start-up is the one
    the database is then opened with."""
    with _SHARED_LOCK:
        key = _SHARED.get(passphrase)
        if key is None:
            key = _SHARED[passphrase] = DatabaseKey(passphrase)
        return key


def as_key(key: DatabaseKey | str | None) -> DatabaseKey | None:
    if key is None or isinstance(key, DatabaseKey):
        return key
    return DatabaseKey(key)


#: Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
#: own included. So a file's first bytes are read through a descriptor kept open (by path:
#: the descriptor, the file's identity, its first bytes), never opened and closed again while
#: the file is there; one whose file was replaced or removed is closed (its locks no longer
#: matter), and keeping it open until then means its inode number cannot be given to a new file.
_PINNED: dict[str, tuple[int, tuple[int, int], bytes]] = {}
_PINNED_LOCK = threading.Lock()


def _head(database_file: Path | str) -> bytes:
    """The file's first 16 bytes (fewer for a short file, none for a missing one)."""
    path = os.path.abspath(database_file)
    if os.name != "posix":  # Windows locks belong to a handle: read and close
        try:
            with open(path, "rb") as handle:
                return handle.read(SALT_BYTES)
        except OSError:
            return b""
    with _PINNED_LOCK:
        _close_stale()
        try:
            status = os.stat(path)
        except OSError:
            return b""
        identity = (status.st_dev, status.st_ino)
        pinned = _PINNED.get(path)
        if pinned is not None and pinned[1] == identity and len(pinned[2]) == SALT_BYTES:
            return pinned[2]
        if pinned is not None and pinned[1] == identity:
            descriptor = pinned[0]
        else:
            if status.st_size < SALT_BYTES or not os.path.isfile(path):
                return b""
            try:
                descriptor = os.open(path, os.O_RDONLY)
            except OSError:
                return b""
            found = os.fstat(descriptor)
            identity = (found.st_dev, found.st_ino)
        head = os.pread(descriptor, SALT_BYTES, 0)
        _PINNED[path] = (descriptor, identity, head)
        return head


def _close_stale() -> None:
    """Close the descriptors of files since replaced or removed (called under the lock)."""
    for path, (descriptor, identity, _head_bytes) in list(_PINNED.items()):
        try:
            status = os.stat(path)
            current = (status.st_dev, status.st_ino) == identity
        except OSError:
            current = False
        if not current:
            os.close(descriptor)
            del _PINNED[path]


def forget_file(database_file: Path | str) -> None:
    """Let go of ``database_file``'s descriptor: call only once it was replaced or removed,
    or when this process has no connection to it."""
    with _PINNED_LOCK:
        pinned = _PINNED.pop(os.path.abspath(database_file), None)
        if pinned is not None:
            os.close(pinned[0])


def file_salt(database_file: Path | str) -> bytes | None:
    """The salt at the start of an encrypted file; None for a missing, empty or plain file."""
    head = _head(database_file)
    if len(head) < SALT_BYTES or head == PLAIN_HEADER:
        return None
    return head


def is_encrypted(database_file: Path | str) -> bool:
    """True for a file that exists, is not empty and does not start as a plain SQLite file."""
    return file_salt(database_file) is not None


def driver(key: DatabaseKey | str | None) -> Any:
    """The DB-API module for a key: the standard ``sqlite3`` when plain, else ``sqlcipher3``."""
    if key is None:
        return sqlite3
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def database_errors() -> tuple[type[Exception], ...]:
    """The exception classes a connection from :func:`connect` may raise."""
    import sqlcipher3.dbapi2

    return (sqlite3.Error, sqlcipher3.dbapi2.Error)


def apply_key(dbapi_connection: Any, database_file: Path | str, key: DatabaseKey | str | None
              ) -> None:
    """Key a fresh sqlcipher3 connection: must be the first statement it runs."""
    key = as_key(key)
    if key is None:
        return
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our sentence, not a log
        cursor.execute(f"PRAGMA key = \"{key.literal(database_file)}\"")
    finally:
        cursor.close()


def connect(database_file: Path | str, key: DatabaseKey | str | None = None, *,
            read_only: bool = False, **kwargs: Any) -> Any:
    """A DB-API connection to ``database_file``, keyed when ``key`` is given.

    ``kwargs`` go to ``connect`` (``timeout``, ``check_same_thread``, ``isolation_level`` …).
    The key is not checked here: the first query on a wrong key raises ``DatabaseError``
    (use :func:`check_key` to turn that into :class:`WrongPassphraseError`).
    """
    key = as_key(key)
    module = driver(key)
    if read_only:
        uri = Path(os.path.abspath(database_file)).as_uri() + "?mode=ro"
        connection = module.connect(uri, uri=True, **kwargs)
    else:
        connection = module.connect(str(database_file), **kwargs)
    try:
        apply_key(connection, database_file, key)
    except BaseException:
        connection.close()
        raise
    # Names sort in the interface language's order (ORDER BY … COLLATE advocate).
    collation.register_sqlite(connection)
    return connection


def check_key(database_file: Path | str, key: DatabaseKey | str | None) -> None:
    """Raise :class:`WrongPassphraseError` unless ``key`` opens ``database_file``; read only."""
    connection = connect(database_file, key, read_only=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors() as exc:
        raise WrongPassphraseError() from exc
    finally:
        connection.close()


def encrypt(database_file: Path, key: DatabaseKey | str) -> None:
    """Encrypt a plain SQLite file in place with ``key``; nothing is lost, nothing half-done."""
    if is_encrypted(database_file):
        raise CipherError(_("This database is already encrypted."))
    _convert(database_file, None, _required(key))


def decrypt(database_file: Path, key: DatabaseKey | str) -> None:
    """Turn an encrypted file back into a plain SQLite file, in place."""
    if not is_encrypted(database_file):
        raise CipherError(_("This database is not encrypted."))
    _convert(database_file, _required(key), None)


def change_passphrase(database_file: Path, old: DatabaseKey | str, new: DatabaseKey | str) -> None:
    """Encrypt the file again under a new passphrase, in place."""
    if not is_encrypted(database_file):
        raise CipherError(_("This database is not encrypted."))
    _convert(database_file, _required(old), _required(new))


def converting_file(database_file: Path) -> Path:
    """Where a conversion writes its copy before renaming it over ``database_file``."""
    return database_file.with_name(database_file.name + CONVERTING_SUFFIX)


def remove_leftovers(database_file: Path) -> None:
    """Remove a converted copy an interrupted conversion left behind (it never replaced
    anything, so the database itself is whole)."""
    work = converting_file(database_file)
    forget_file(work)
    for path in (work, *(work.with_name(work.name + s) for s in ("-journal", "-wal", "-shm"))):
        path.unlink(missing_ok=True)


def _required(key: DatabaseKey | str | None) -> DatabaseKey:
    found = as_key(key)
    if found is None:
        raise ValueError("a key is needed")
    return found


def _convert(database_file: Path, old: DatabaseKey | None, new: DatabaseKey | None) -> None:
    import sqlcipher3.dbapi2

    if not database_file.is_file():
        raise CipherError(_("There is no database file at {path}.").format(path=database_file))
    check_key(database_file, old)
    remove_leftovers(database_file)
    work = converting_file(database_file)
    mode = database_file.stat().st_mode & 0o777
    os.close(os.open(work, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
    os.chmod(work, mode)  # whatever the umask: the copy is as private as the original
    source = sqlcipher3.dbapi2.connect(str(database_file), timeout=10, isolation_level=None)
    try:
        apply_key(source, database_file, old)
        source.execute("ATTACH DATABASE ? AS converted KEY ?",
                       (str(work), "" if new is None else new.literal(work)))
        source.execute("BEGIN IMMEDIATE")  # nobody writes while the copy is made and counted
        counts = _row_counts(source, "main")
        source.execute("SELECT sqlcipher_export('converted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE converted")
        _verify(work, new, counts)
        _fsync(work)
    except database_errors() as exc:
        source.close()
        remove_leftovers(database_file)
        raise CipherError(_("The database could not be converted: {reason}.").format(
            reason=str(exc).rstrip("."))) from exc
    except BaseException:
        source.close()
        remove_leftovers(database_file)
        raise
    source.close()  # the last connection: SQLite folds the WAL into the file and removes it
    if _sidecar(database_file, "-wal").exists():
        remove_leftovers(database_file)
        raise CipherError(_("The database is open in another program; close Advocate there "
                            "first, then try again."))
    _sidecar(database_file, "-shm").unlink(missing_ok=True)
    os.replace(work, database_file)
    forget_file(database_file)
    forget_file(work)
    _fsync_directory(database_file.parent)


def _row_counts(connection: Any, schema: str) -> dict[str, int]:
    names = [row[0] for row in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name")]
    return {
        name: connection.execute(
            f'SELECT count(*) FROM {schema}."{name.replace(chr(34), chr(34) * 2)}"').fetchone()[0]
        for name in names
    }


def _verify(work: Path, key: DatabaseKey | None, expected: dict[str, int]) -> None:
    connection = connect(work, key, isolation_level=None)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise CipherError(_("The converted copy failed its check; nothing was changed."))
        if _row_counts(connection, "main") != expected:
            raise CipherError(_("The converted copy does not hold every row; nothing was "
                                "changed."))
    finally:
        connection.close()


def _sidecar(database_file: Path, suffix: str) -> Path:
    return database_file.with_name(database_file.name + suffix)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_directory(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
