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


class StartupError(Exception):
    """A problem a user can fix; the message is one translated sentence."""


def main(argv: Sequence[str] | None = None) -> int:
    started_at = time.perf_counter()
    argv = list(sys.argv[1:] if argv is None else argv)

    from advocate_app import cli
    from advocate_app.i18n import install_language

    # The language must be known before the parser is built, so its help is translated too.
    install_language(cli.peek_language(argv))
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command is None and args.version:
        from advocate_app import __version__

        print(f"advocate-app {__version__}")
        return 0
    try:
        context = build_context(args, started_at)
    except StartupError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    if args.command is not None:
        return cli.run_command(args, context)
    from advocate_app.ui.application import run_gui

    return run_gui(context, smoke_test=args.smoke_test)


def build_context(args, started_at: float) -> AppContext:
    from advocate_app.i18n import _, install_language
    from advocate_app.paths import DataDirError, resolve_paths

    paths = resolve_paths(args.data_dir)
    try:
        paths.ensure()
    except DataDirError as exc:
        raise StartupError(str(exc)) from exc
    _configure_logging(paths.log_dir)
    language = install_language(args.lang, paths.locale_cache_dir)
    database_url = args.database_url or os.environ.get("ADVOCATE_DATABASE_URL") or (
        paths.default_database_url()
    )
    services = open_services(database_url, paths)
    log.info("Started with language %s on %s", language, _redact(database_url))
    del _
    return AppContext(paths, database_url, language, services, started_at)


def open_services(database_url: str, paths: AppPaths):
    """Engine, schema upgrade (with backup) and services for ``database_url``."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from advocate_app.domain.accounts import DEFAULT_ACTOR
    from advocate_app.i18n import _
    from advocate_app.services.container import Services
    from advocate_app.storage.engine import DatabaseUrlError, create_app_engine, is_sqlite
    from advocate_app.storage.migrate import SchemaTooNewError, ensure_schema
    from advocate_app.storage.unit_of_work import UnitOfWorkFactory

    try:
        engine = create_app_engine(database_url)
        sqlite_file = _sqlite_file(database_url) if is_sqlite(database_url) else None
        ensure_schema(engine, sqlite_file=sqlite_file, backup_dir=paths.backup_dir)
    except (DatabaseUrlError, SchemaTooNewError) as exc:
        raise StartupError(str(exc)) from exc
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StartupError(
            _("The database at {url} cannot be opened: {reason}").format(
                url=_redact(database_url), reason=reason
            )
        ) from exc
    except SQLAlchemyError as exc:
        raise StartupError(
            _("The database at {url} cannot be opened: {reason}").format(
                url=_redact(database_url), reason=exc
            )
        ) from exc
    return Services.build(UnitOfWorkFactory(engine), DEFAULT_ACTOR)


def _sqlite_file(database_url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    database = make_url(database_url).database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _redact(database_url: str) -> str:
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
    handler = RotatingFileHandler(
        log_dir / "advocate.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
