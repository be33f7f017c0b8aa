"""A trigram index for member search on PostgreSQL (SQLite has its FTS5 index since 0003).

Creating the pg_trgm extension needs a privileged account; where the office's database does
not allow it, search keeps working without the index and the log says so.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

import logging

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

log = logging.getLogger("advocate_app.storage.migrate")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        bind.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_members_search_trgm ON members "
            "USING gin (search_text gin_trgm_ops)")
        savepoint.commit()
    except Exception as exc:  # noqa: BLE001 - an optional speed-up; search works without it
        savepoint.rollback()
        log.warning("Member search runs without a trigram index: %s", exc)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_members_search_trgm")
