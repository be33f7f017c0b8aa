"""Composition root: arguments -> paths -> logging -> language -> database -> services -> UI.

Nothing happens at import time. Qt is imported only when a window is opened.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from advocate_app.paths import AppPaths

log = logging.getLogger("advocate_app")


@dataclass
class AppContext:
    """Everything the command line and the user interface need, wired once."""

    paths: AppPaths
    database_url: str
    language: str
    services: object  # advocate_app.services.container.Services
    started_at: float

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def shown_database_url(self) -> str:
        """The database address as messages and the window show it: without its password."""
        return _redact(self.database_url)


class StartupError(Exception):
    """A problem a user can fix; the message is one translated sentence."""


class StartupCancelled(Exception):
    """The user chose not to go on (Cancel in the passphrase dialog): quit quietly."""


def main(argv: Sequence[str] | None = None) -> int:
    started_at = time.perf_counter()
    if getattr(sys, "frozen", False):  # a packaged build must let worker processes start
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    if os.name != "nt":  # what the app writes from here on is the person's alone
        os.umask(0o077)

    from advocate_app import cli
    from advocate_app.i18n import install_language
    from advocate_app.paths import resolve_paths

    # Language and data folder are known before the parser is built, so its help and its
    # messages are translated too, and compiled catalogs are cached inside the data folder.
    paths = resolve_paths(cli.peek_option(argv, "--data-dir"))
    deriving = _derive_key_ahead(cli.peek_option(argv, "--database-url"), paths)
    from advocate_app.i18n.languages import UnknownLanguageError

    try:
        language = install_language(_asked_language(argv, paths), paths.locale_cache_dir)
    except UnknownLanguageError as exc:  # said in the system's language, never a silent English
        install_language(None, paths.locale_cache_dir)
        print(f"advocate-app: {UnknownLanguageError(exc.code)}", file=sys.stderr)
        return 2
    parser = cli.build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None and args.version:
        from advocate_app import __version__

        print(f"advocate-app {__version__}")
        return 0
    if deriving and args.command is None:  # the window's code loads while the key is derived
        import advocate_app.ui.application  # noqa: F401
        import advocate_app.ui.main_window  # noqa: F401
    try:
        context = build_context(args, paths, language, started_at)
    except StartupError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    except StartupCancelled:
        return 0
    except Exception as exc:  # noqa: BLE001 - one sentence here, the whole story in the log
        return command_failed(args.command, exc, paths, _database_url(args, paths))
    if args.command is not None:
        try:
            return cli.run_command(args, context)
        except BrokenPipeError:
            cli.print_quietly_to_a_closed_pipe()
            return 0
        except Exception as exc:  # noqa: BLE001 - one sentence here, the whole story in the log
            return command_failed(args.command, exc, context.paths, context.database_url)
    from advocate_app.ui.application import run_gui

    return run_gui(context, smoke_test=args.smoke_test)


def _asked_language(argv: list[str], paths: AppPaths) -> str | None:
    """``--lang`` (a language Advocate does not have is refused); else, for the window, the
    language last chosen in View > Language; else None: the system's, quietly English when
    Advocate does not have it (nobody asked for it by name)."""
    from advocate_app import cli
    from advocate_app.i18n.catalogs import resolve_language
    from advocate_app.i18n.languages import checked_language

    asked = cli.peek_option(argv, "--lang")
    if asked is not None:
        return checked_language(asked)
    if cli.names_a_command(argv) or not paths.settings_file.is_file():
        return None
    from advocate_app.i18n.pseudo import is_pseudo
    from advocate_app.ui.settings import UiSettings

    chosen = UiSettings(paths.settings_file).language
    if chosen and (is_pseudo(chosen) or resolve_language(chosen) is not None):
        return chosen
    return None  # (a language no longer shipped: the window says so in its status bar)


def command_failed(command: str | None, error: Exception, paths: AppPaths,
                   database_url: str) -> int:
    """Start-up or a command stopped by an error not handled on the way: one sentence on the
    terminal,
    never the database's own words (they can quote other members' data); the log keeps where
    it happened (the traceback in full when it is not the database's)."""
    from advocate_app.i18n import _
    from advocate_app.storage.failures import failure_of, log_text, sentence

    log_file = str(paths.log_dir / "advocate.log")
    failure = failure_of(error)
    if failure is None:
        log.error("%s failed unexpectedly", command or "Start-up", exc_info=error)
        message = _("Something went wrong that Advocate did not expect, so the command "
                    "stopped; what happened is written in {log}.").format(log=log_file)
    else:
        log.error("%s stopped: %s", command or "Start-up", log_text(error, failure))
        sqlite_file = sqlite_file_from_url(database_url)
        message = sentence(failure, str(sqlite_file) if sqlite_file is not None
                           else _redact(database_url), log_file)
    print(f"advocate-app: {message}", file=sys.stderr)
    return 1


def build_context(args, paths: AppPaths, language: str, started_at: float) -> AppContext:
    from advocate_app.i18n import _
    from advocate_app.paths import DataDirError

    try:
        paths.ensure()
    except DataDirError as exc:
        raise StartupError(_("The data folder {path} cannot be written: {reason}.").format(
            path=exc.path, reason=exc.reason)) from exc
    from advocate_app.interchange.files import keep_scratch_record, remove_scratch_leftovers

    remove_scratch_leftovers(paths.scratch_record)  # a print pack cut short last time
    keep_scratch_record(paths.scratch_record)
    _configure_logging(paths.log_dir)
    database_url = _database_url(args, paths)
    key = _database_key(args, database_url, language)
    services = open_services(database_url, paths, key)
    services = _signed_in(args, services)
    log.info("Started with language %s on %s", language, _redact(database_url))
    return AppContext(paths, database_url, language, services, started_at)


def _database_url(args, paths: AppPaths) -> str:
    return args.database_url or os.environ.get("ADVOCATE_DATABASE_URL") or (
        paths.default_database_url())


def _signed_in(args, services):
    """The services acting as ``--user``; a command without it is refused once accounts exist."""
    from advocate_app.cli.accounts import signed_in_services
    from advocate_app.services.errors import ServiceError

    try:
        return signed_in_services(args, services)
    except ServiceError as exc:
        services.close()
        raise StartupError(str(exc)) from exc


def _derive_key_ahead(database_url: str | None, paths: AppPaths) -> bool:
    """An encrypted file and ``ADVOCATE_PASSPHRASE``: start deriving its key (a fifth of a
    second of PBKDF2) in the background while the rest of start-up goes on."""
    passphrase = os.environ.get("ADVOCATE_PASSPHRASE")
    sqlite_file = sqlite_file_from_url(
        database_url or os.environ.get("ADVOCATE_DATABASE_URL") or paths.default_database_url())
    if not passphrase or sqlite_file is None:
        return False
    from advocate_app.storage.cipher import is_encrypted, shared_key

    if not is_encrypted(sqlite_file):
        return False
    shared_key(passphrase).derive_ahead(sqlite_file)
    return True


def _database_key(args, database_url: str, language: str):
    """The key of an encrypted SQLite file: from ``ADVOCATE_PASSPHRASE``, else asked (in a
    dialog before the window opens, at a terminal's prompt for a command); None when plain."""
    from advocate_app.storage.cipher import is_encrypted

    sqlite_file = sqlite_file_from_url(database_url)
    passphrase = os.environ.get("ADVOCATE_PASSPHRASE") or None
    if sqlite_file is None or (passphrase is None and not is_encrypted(sqlite_file)):
        return None
    from advocate_app.services import encryption

    try:
        if passphrase is not None:
            return encryption.key_for(sqlite_file, passphrase)
        if args.command is None:
            from advocate_app.ui.passphrase_dialog import ask_for_key

            key = ask_for_key(sqlite_file, language)
            if key is None:
                raise StartupCancelled()
            return key
        from advocate_app.cli.security import prompt_for_key

        return prompt_for_key(sqlite_file)
    except encryption.PassphraseError as exc:
        raise StartupError(str(exc)) from exc


def open_services(database_url: str, paths: AppPaths, key=None):
    """Services on ``database_url``, its schema created or upgraded (with a backup) first.

    A SQLite file that is already up to date is opened with the standard library alone
    (``sqlcipher3`` when ``key``, a ``storage.cipher.DatabaseKey``, says it is encrypted);
    SQLAlchemy and Alembic are loaded when something needs them.
    """
    import sqlite3

    from advocate_app.domain.people import DEFAULT_ACTOR
    from advocate_app.i18n import _
    from advocate_app.services.container import Services
    from advocate_app.storage.cipher import database_errors
    from advocate_app.storage.database import Database
    from advocate_app.storage.schema_version import (
        HEAD_REVISION,
        is_foreign_sqlite,
        sqlite_revision,
    )

    sqlite_file = sqlite_file_from_url(database_url)
    database = Database(database_url, sqlite_file, key)
    errors = database_errors() if key is not None else (sqlite3.Error,)
    try:
        if sqlite_file is None or sqlite_revision(sqlite_file, key) != HEAD_REVISION:
            if sqlite_file is not None and is_foreign_sqlite(sqlite_file, key):
                raise StartupError(_(
                    "{path} is another program's database, not Advocate's; it was left as it "
                    "is. Choose an Advocate database, or a new file.").format(path=sqlite_file))
            _migrate(database, paths.backup_dir)
    except errors as exc:
        raise StartupError(
            _("The database at {url} cannot be opened: {reason}").format(
                url=_redact(database_url), reason=exc)
        ) from exc
    services = Services.build(database, DEFAULT_ACTOR, paths)
    _take_in_story_files(services, paths)
    return services


def _take_in_story_files(services, paths: AppPaths) -> None:
    """Recordings and photos an earlier version kept as files in the data folder are moved
    into the database (encrypted with it); otherwise this is one look at a missing folder."""
    if not paths.story_files_dir.is_dir():
        return
    from sqlalchemy.exc import SQLAlchemyError

    from advocate_app.services import story_files

    try:
        taken = story_files.take_in_folder(services.uow, paths.story_files_dir)
    except (OSError, SQLAlchemyError) as exc:  # left where they are: tried again next start
        log.warning("Story attachments' files could not be taken in (%s)", type(exc).__name__)
        return
    if taken:
        log.info("%d story attachment files were moved into the database", taken)


def _migrate(database, backup_dir: Path) -> None:
    """Create or upgrade the schema; an existing SQLite file is backed up first."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from advocate_app.i18n import _
    from advocate_app.storage.engine import DatabaseUrlError
    from advocate_app.storage.migrate import (
        ForeignDatabaseError,
        SchemaTooNewError,
        ensure_schema,
    )

    try:
        ensure_schema(database.engine, sqlite_file=database.sqlite_file, backup_dir=backup_dir,
                      key=database.key)
    except (DatabaseUrlError, SchemaTooNewError, ForeignDatabaseError) as exc:
        raise StartupError(str(exc)) from exc
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StartupError(
            _("The database at {url} cannot be opened: {reason}").format(
                url=_redact(database.url), reason=reason)
        ) from exc
    except SQLAlchemyError as exc:
        raise StartupError(
            _("The database at {url} cannot be opened: {reason}").format(
                url=_redact(database.url), reason=exc)
        ) from exc


def sqlite_file_from_url(database_url: str) -> Path | None:
    """The file behind a plain ``sqlite:///PATH`` address; None for anything else."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or "?" in database_url:
        return None
    path = database_url[len(prefix):]
    if not path or path == ":memory:":
        return None
    return Path(path)


def _redact(database_url: str) -> str:
    if database_url.startswith("sqlite"):
        return database_url
    from sqlalchemy.engine import make_url

    try:
        return make_url(database_url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only used for messages
        return "?"


def _configure_logging(log_dir: Path) -> None:
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger("advocate_app")
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    from advocate_app.i18n import _

    class QuietHandler(RotatingFileHandler):
        def handleError(self, record) -> None:  # noqa: N802 - a full disk or a log made
            pass  # read-only later must not print a traceback on the terminal

    try:
        handler = QuietHandler(
            log_dir / "advocate.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        raise StartupError(_("The log {path} cannot be written: {reason}.").format(
            path=log_dir / "advocate.log", reason=exc.strerror or exc)) from exc
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
