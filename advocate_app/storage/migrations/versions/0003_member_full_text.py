"""Full-text search over members on SQLite (FTS5), and phone numbers findable by any part.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from alembic import op

from advocate_app.storage.member_search import CREATE_FTS, DROP_FTS, FTS_TABLE, refill_member_search

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    refill_member_search(connection)  # search text now holds the tails of phone numbers
    if connection.dialect.name == "sqlite":
        for statement in CREATE_FTS:
            op.execute(statement)
        op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in DROP_FTS:
            op.execute(statement)
