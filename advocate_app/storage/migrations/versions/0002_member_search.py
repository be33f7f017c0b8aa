"""Folded sort and search columns for members, filled in for existing rows; sort indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

from advocate_app.domain.people import member_search_text, member_sort_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 2000

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
    connection = op.get_bind()
    members = sa.table(
        "members",
        sa.column("id", sa.Integer), sa.column("given_name"), sa.column("family_name"),
        sa.column("preferred_name"), sa.column("email"), sa.column("phone"),
        sa.column("sort_name"), sa.column("search_text"),
    )
    tags = sa.table("member_tags", sa.column("member_id", sa.Integer), sa.column("tag"))
    tags_by_member: dict[int, list[str]] = {}
    for member_id, tag in connection.execute(sa.select(tags.c.member_id, tags.c.tag)):
        tags_by_member.setdefault(member_id, []).append(tag)
    rows = connection.execute(
        sa.select(members.c.id, members.c.given_name, members.c.family_name,
                  members.c.preferred_name, members.c.email, members.c.phone)
    ).all()
    update = (
        sa.update(members)
        .where(members.c.id == sa.bindparam("member_id"))
        .values(sort_name=sa.bindparam("sort"), search_text=sa.bindparam("search"))
    )
    for start in range(0, len(rows), BATCH):
        connection.execute(update, [
            {"member_id": r.id,
             "sort": member_sort_key(r.given_name, r.family_name, r.preferred_name),
             "search": member_search_text(r.given_name, r.family_name, r.preferred_name,
                                          r.email, r.phone, tags_by_member.get(r.id, []))}
            for r in rows[start:start + BATCH]
        ])
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
