"""Records of merged member records.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_merges",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kept_id", sa.Integer, nullable=False),
        sa.Column("merged_id", sa.Integer, nullable=False),
        sa.Column("merged_snapshot", sa.Text, nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("merged_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_member_merges"),
        sa.ForeignKeyConstraint(["kept_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_member_merges_kept_id_members"),
        sa.ForeignKeyConstraint(["merged_by"], ["accounts.id"],
                                name="fk_member_merges_merged_by_accounts"),
    )
    op.create_index("ix_member_merges_kept_id", "member_merges", ["kept_id"])


def downgrade() -> None:
    op.drop_table("member_merges")
