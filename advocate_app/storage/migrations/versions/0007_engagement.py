"""Engagement timeline entries and relationships between members.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "engagements",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_engagements"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_engagements_member_id_members"),
        sa.ForeignKeyConstraint(["recorded_by"], ["accounts.id"],
                                name="fk_engagements_recorded_by_accounts"),
    )
    op.create_index("ix_engagements_member_date", "engagements",
                    ["member_id", "occurred_on", "id"])
    op.create_table(
        "member_relationships",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("related_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_member_relationships"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_member_relationships_member_id_members"),
        sa.ForeignKeyConstraint(["related_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_member_relationships_related_id_members"),
    )
    op.create_index("ix_member_relationships_member_id", "member_relationships", ["member_id"])
    op.create_index("ix_member_relationships_related_id", "member_relationships",
                    ["related_id"])


def downgrade() -> None:
    op.drop_table("member_relationships")
    op.drop_table("engagements")
