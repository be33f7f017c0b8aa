"""Erasure: when a member's identifying data was removed, and by whom.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (never a batch rebuild): the full-text triggers on members stay in place.
    op.add_column("members", sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("members", sa.Column("erased_by", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("erased_by")
        batch.drop_column("erased_at")
    from advocate_app.storage.member_search import CREATE_FTS, DROP_FTS, FTS_TABLE

    if op.get_bind().dialect.name == "sqlite":  # the rebuilt table lost its search triggers
        for statement in [*DROP_FTS, *CREATE_FTS]:
            op.execute(statement)
        op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
