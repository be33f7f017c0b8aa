"""Folded sort and search columns for members, filled in for existing rows; sort indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

from advocate_app.storage.member_search import refill_member_search

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# One index per sort order of the members list, so any page is read in index order.
SORT_INDEXES = {
    "ix_members_active_sort": ["archived_at", "sort_name", "id"],
    "ix_members_active_email": ["archived_at", "email", "id"],
    "ix_members_active_country": ["archived_at", "country", "sort_name", "id"],
    "ix_members_active_language": ["archived_at", "preferred_language", "sort_name", "id"],
    "ix_members_active_updated": ["archived_at", "updated_at", "id"],
}


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("sort_name", sa.String(400), nullable=False, server_default=""))
        batch.add_column(sa.Column("search_text", sa.Text, nullable=False, server_default=""))
    refill_member_search(op.get_bind())
    for name in ("email", "country", "language", "updated"):
        op.drop_index(f"ix_members_{name}", "members")
    for name, columns in SORT_INDEXES.items():
        op.create_index(name, "members", columns)


def downgrade() -> None:
    for name in SORT_INDEXES:
        op.drop_index(name, "members")
    op.create_index("ix_members_email", "members", ["email"])
    op.create_index("ix_members_country", "members", ["country"])
    op.create_index("ix_members_language", "members", ["preferred_language"])
    op.create_index("ix_members_updated", "members", ["updated_at"])
    with op.batch_alter_table("members") as batch:
        batch.drop_column("search_text")
        batch.drop_column("sort_name")
