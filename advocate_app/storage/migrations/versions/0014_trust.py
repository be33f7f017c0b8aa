"""Trust: accounts with roles and passwords, the audit log, pictures kept in the database,
and a version on every record people edit (so two people saving the same record never lose
an update silently).

Each part of this revision has its own section below; keep them apart.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    _upgrade_accounts()
    _upgrade_audit()
    _upgrade_pictures()
    _upgrade_versions()


def downgrade() -> None:
    _downgrade_versions()
    _downgrade_pictures()
    _downgrade_audit()
    _downgrade_accounts()


# --- accounts: role, password hash, the member an account belongs to -------------------------

def _upgrade_accounts() -> None:
    pass


def _downgrade_accounts() -> None:
    pass


# --- the audit log ----------------------------------------------------------------------------

_AUDIT_REFUSAL = "the audit log is append-only"


def _upgrade_audit() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('account_name', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('subject_kind', sa.String(length=40), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_events_action', ['action'], unique=False)
    # Append-only: no line of the log can be changed or removed, whoever connects.
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_events_no_{event.lower()} BEFORE {event} ON "
                       f"audit_events BEGIN SELECT RAISE(ABORT, '{_AUDIT_REFUSAL}'); END")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION audit_events_append_only() RETURNS trigger "
                   "LANGUAGE plpgsql AS $$ BEGIN "
                   f"RAISE EXCEPTION '{_AUDIT_REFUSAL}'; END $$")
        op.execute("CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE "
                   "ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()")
        op.execute("CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE "
                   "ON audit_events FOR EACH STATEMENT "
                   "EXECUTE FUNCTION audit_events_append_only()")


def _downgrade_audit() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    op.drop_table('audit_events')


# --- outreach pictures copied into the database -----------------------------------------------

def _upgrade_pictures() -> None:
    pass


def _downgrade_pictures() -> None:
    pass


# --- a version on every record people edit ----------------------------------------------------

def _upgrade_versions() -> None:
    pass


def _downgrade_versions() -> None:
    pass
