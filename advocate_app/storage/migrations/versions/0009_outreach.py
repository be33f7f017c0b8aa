"""Outreach items and the record of their renderings.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outreach_items",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("group_name", sa.String(100), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer, nullable=True),
        sa.Column("updated_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outreach_items"),
        sa.ForeignKeyConstraint(["created_by"], ["accounts.id"],
                                name="fk_outreach_items_created_by_accounts"),
        sa.ForeignKeyConstraint(["updated_by"], ["accounts.id"],
                                name="fk_outreach_items_updated_by_accounts"),
    )
    op.create_index("ix_outreach_items_group", "outreach_items", ["group_name", "language"])
    op.create_table(
        "outreach_renderings",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer, nullable=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("output", sa.String(20), nullable=False),
        sa.Column("profile", sa.String(20), nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("copies", sa.Integer, nullable=False),
        sa.Column("overridden", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outreach_renderings"),
        sa.ForeignKeyConstraint(["item_id"], ["outreach_items.id"], ondelete="SET NULL",
                                name="fk_outreach_renderings_item_id_outreach_items"),
        sa.ForeignKeyConstraint(["created_by"], ["accounts.id"],
                                name="fk_outreach_renderings_created_by_accounts"),
    )
    op.create_index("ix_outreach_renderings_item", "outreach_renderings",
                    ["item_id", "created_at"])


def downgrade() -> None:
    op.drop_table("outreach_renderings")
    op.drop_table("outreach_items")
