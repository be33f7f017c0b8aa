"""Accounts and community members.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("username", name="uq_accounts_username"),
    )
    op.execute(
        "INSERT INTO accounts (id, username, display_name, created_at) "
        "VALUES (1, 'local', 'Local user', CURRENT_TIMESTAMP)"
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("given_name", sa.String(200), nullable=False),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("preferred_name", sa.String(200), nullable=False),
        sa.Column("pronouns", sa.String(60), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(60), nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("postcode", sa.String(20), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("preferred_language", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("archived_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("created_by", sa.Integer, nullable=True),
        sa.Column("updated_by", sa.Integer, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_members"),
        sa.ForeignKeyConstraint(["created_by"], ["accounts.id"],
                                name="fk_members_created_by_accounts"),
        sa.ForeignKeyConstraint(["updated_by"], ["accounts.id"],
                                name="fk_members_updated_by_accounts"),
    )
    op.create_index("ix_members_email", "members", ["email"])
    op.create_index("ix_members_country", "members", ["country"])
    op.create_index("ix_members_language", "members", ["preferred_language"])
    op.create_index("ix_members_updated", "members", ["updated_at"])
    op.create_table(
        "member_roles",
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "role", name="pk_member_roles"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_member_roles_member_id_members"),
    )
    op.create_index("ix_member_roles_role", "member_roles", ["role", "member_id"])
    op.create_table(
        "member_tags",
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("tag", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "tag", name="pk_member_tags"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_member_tags_member_id_members"),
    )
    op.create_index("ix_member_tags_tag", "member_tags", ["tag", "member_id"])


def downgrade() -> None:
    op.drop_table("member_tags")
    op.drop_table("member_roles")
    op.drop_table("members")
    op.drop_table("accounts")
