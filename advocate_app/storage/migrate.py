"""Bringing a database to the schema this version of Advocate expects.

Start-up only reads the schema revision (a single query); Alembic is imported only when an
upgrade is really needed. An existing SQLite file is copied to a timestamped backup first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from advocate_app.i18n import _
from advocate_app.storage.cipher import DatabaseKey
from advocate_app.storage.schema_version import HEAD_REVISION

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaTooNewError(Exception):
    """The database was written by a newer version of Advocate."""


class ForeignDatabaseError(Exception):
    """The database holds another program's tables; it is left as it is."""


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup_file: Path | None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run Alembic migrations up to ``revision`` (used by start-up and by tests)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def ensure_schema(
    engine: Engine, *, sqlite_file: Path | None = None, backup_dir: Path | None = None,
    key: DatabaseKey | None = None,
) -> MigrationResult:
    """Upgrade the database to :data:`HEAD_REVISION`, backing up an existing SQLite file first."""
    before = current_revision(engine)
    if before == HEAD_REVISION:
        return MigrationResult(before, HEAD_REVISION, None)
    if before is not None and not _known_revision(before):
        raise SchemaTooNewError(
            _("This database was written by a newer version of Advocate; please update Advocate "
              "before opening it.")
        )
    if before is None and _has_user_tables(engine):
        raise ForeignDatabaseError(
            _("This database holds another program's tables, not Advocate's; it was left as "
              "it is. Choose an Advocate database, or a new one.")
        )
    backup = None
    if (
        sqlite_file is not None and backup_dir is not None and sqlite_file.exists()
        and _has_user_tables(engine)
    ):
        from advocate_app.storage.backup import backup_sqlite

        backup = backup_sqlite(sqlite_file, backup_dir, f"before-upgrade-{before or 'none'}",
                               key=key)
        log.info("Backed up %s to %s before upgrading", sqlite_file, backup)
    upgrade_to(engine, "head")
    log.info("Database upgraded from %s to %s", before, HEAD_REVISION)
    return MigrationResult(before, HEAD_REVISION, backup)


def _known_revision(revision: str) -> bool:
    return any(
        path.name.startswith(f"{revision}_") for path in (MIGRATIONS_DIR / "versions").glob("*.py")
    )
