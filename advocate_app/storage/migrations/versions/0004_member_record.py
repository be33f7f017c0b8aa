"""The full member record: region, age, printed format, contact times, access needs, barriers,
channels, conditions; the consent ledger; saved segments.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

from advocate_app.storage.member_search import (
    CREATE_FTS,
    DROP_FTS,
    FTS_TABLE,
    refill_member_search,
)

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
NEW_MEMBER_COLUMNS = [
    sa.Column("region", sa.String(100), nullable=False, server_default=""),
    sa.Column("date_of_birth", sa.Date, nullable=True),
    sa.Column("age_band", sa.String(10), nullable=False, server_default=""),
    sa.Column("print_format", sa.String(20), nullable=False, server_default=""),
    sa.Column("contact_times", sa.String(200), nullable=False, server_default=""),
    sa.Column("sign_language", sa.String(60), nullable=False, server_default=""),
    sa.Column("barrier_notes", sa.Text, nullable=False, server_default=""),
]


def _member_link(name: str, column: str, length: int) -> None:
    op.create_table(
        name,
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column(column, sa.String(length), nullable=False),
        sa.PrimaryKeyConstraint("member_id", column, name=f"pk_{name}"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE",
                                name=f"fk_{name}_member_id_members"),
    )


def upgrade() -> None:
    # Plain ADD COLUMN (never a batch rebuild): the full-text triggers on members stay in place.
    for column in NEW_MEMBER_COLUMNS:
        op.add_column("members", column)
    _member_link("member_access_needs", "need", 40)
    op.create_index("ix_member_access_needs_need", "member_access_needs", ["need", "member_id"])
    _member_link("member_barriers", "barrier", 40)
    _member_link("member_channels", "channel", 20)
    op.create_table(
        "member_conditions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("orpha_code", sa.String(20), nullable=False),
        sa.Column("diagnosis_confirmed", sa.Boolean, nullable=False),
        sa.Column("genetic_test_done", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_member_conditions"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_member_conditions_member_id_members"),
    )
    op.create_index("ix_member_conditions_member_id", "member_conditions", ["member_id"])
    op.create_table(
        "consent_records",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("purpose", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("effective_on", sa.Date, nullable=False),
        sa.Column("expires_on", sa.Date, nullable=True),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
        sa.Column("recorded_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_consent_records"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE",
                                name="fk_consent_records_member_id_members"),
        sa.ForeignKeyConstraint(["recorded_by"], ["accounts.id"],
                                name="fk_consent_records_recorded_by_accounts"),
    )
    op.create_index("ix_consent_records_member_purpose", "consent_records",
                    ["member_id", "purpose", "effective_on", "id"])
    op.create_table(
        "segments",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("created_by", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_segments"),
        sa.UniqueConstraint("name", name="uq_segments_name"),
        sa.ForeignKeyConstraint(["created_by"], ["accounts.id"],
                                name="fk_segments_created_by_accounts"),
    )
    refill_member_search(op.get_bind())  # search text without repeated words


def downgrade() -> None:
    op.drop_table("segments")
    op.drop_table("consent_records")
    op.drop_table("member_conditions")
    op.drop_table("member_channels")
    op.drop_table("member_barriers")
    op.drop_table("member_access_needs")
    with op.batch_alter_table("members") as batch:
        for column in reversed(NEW_MEMBER_COLUMNS):
            batch.drop_column(column.name)
    if op.get_bind().dialect.name == "sqlite":  # the rebuilt table lost its search triggers
        for statement in [*DROP_FTS, *CREATE_FTS]:
            op.execute(statement)
        op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
