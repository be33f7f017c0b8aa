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
    _upgrade_attachments()
    _upgrade_first_screen()
    _upgrade_versions()


def downgrade() -> None:
    _downgrade_versions()
    _downgrade_first_screen()
    _downgrade_attachments()
    _downgrade_pictures()
    _downgrade_audit()
    _downgrade_accounts()


# --- accounts: role, password hash, the member an account belongs to -------------------------

def _upgrade_accounts() -> None:
    # The built-in account 1 ("Local user") keeps acting as an administrator; it has no
    # password, so once a named account exists it can no longer be used (sign-in is needed).
    # Plain ADD COLUMN, never a batch rebuild: rebuilding accounts would break every
    # reference to it on SQLite.
    op.add_column('accounts', sa.Column('role', sa.String(20), nullable=False,
                                        server_default='admin'))
    op.add_column('accounts', sa.Column('password_hash', sa.String(300), nullable=True))
    op.add_column('accounts', sa.Column('active', sa.Boolean(), nullable=False,
                                        server_default=sa.true()))
    op.add_column('accounts', sa.Column('last_signed_in_at', sa.DateTime(timezone=True),
                                        nullable=True))
    if op.get_bind().dialect.name == 'sqlite':
        # SQLite adds a reference only inline (and cannot rebuild accounts, which other
        # tables refer to); a member merged away hands its account to the member kept.
        # A downgrade leaves the (emptied) column in place, so it may be there already.
        if 'member_id' in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('accounts')}:
            return
        op.execute('ALTER TABLE accounts ADD COLUMN member_id INTEGER '
                   'CONSTRAINT fk_accounts_member_id_members REFERENCES members (id)')
    else:
        op.add_column('accounts', sa.Column('member_id', sa.Integer(), nullable=True))
        op.create_foreign_key('fk_accounts_member_id_members', 'accounts', 'members',
                              ['member_id'], ['id'])
        # Account 1 was written with its id, so the id sequence never moved: the first
        # account added would be given 1 again.
        op.execute("SELECT setval(pg_get_serial_sequence('accounts', 'id'), "
                   "(SELECT max(id) FROM accounts))")


def _downgrade_accounts() -> None:
    columns = ('last_signed_in_at', 'active', 'password_hash', 'role')
    if op.get_bind().dialect.name == 'sqlite':
        # SQLite cannot drop a column that refers to another table without rebuilding the
        # table (which the references to accounts forbid): member_id stays, emptied.
        op.execute('UPDATE accounts SET member_id = NULL')
        for column in columns:
            op.execute(f'ALTER TABLE accounts DROP COLUMN {column}')
        return
    op.drop_constraint('fk_accounts_member_id_members', 'accounts', type_='foreignkey')
    for column in ('member_id', *columns):
        op.drop_column('accounts', column)


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
    # Items saved before keep their picture paths: a migration cannot read files safely, so
    # each rendering reads such a path with the checks of a new picture until the item is
    # saved again, which copies it in (services/outreach_pictures.py).
    op.create_table(
        "outreach_pictures",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("media_type", sa.String(20), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def _downgrade_pictures() -> None:
    op.drop_table("outreach_pictures")


# --- stories' recordings and photos kept in the database --------------------------------------

def _upgrade_attachments() -> None:
    # The bytes of each attachment, so encryption, backups, restore and erasure cover them;
    # files an earlier version copied into story_files/ are taken in at the next start
    # (services/story_files.py).
    op.create_table(
        "story_attachment_data",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["story_attachments.id"], ondelete="CASCADE",
            name=op.f("fk_story_attachment_data_attachment_id_story_attachments")),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_story_attachment_data")),
    )


def _downgrade_attachments() -> None:
    op.drop_table("story_attachment_data")


# --- the first screen: counting the members list reads the narrowest index ----------------------

def _upgrade_first_screen() -> None:
    op.create_index("ix_members_archived", "members", ["archived_at"])


def _downgrade_first_screen() -> None:
    op.drop_index("ix_members_archived", table_name="members")


# --- a version on every record people edit ----------------------------------------------------

#: The tables of records people edit: each row counts its saves, so a save made from an older
#: version is refused instead of silently undoing someone else's (members have had one since
#: 0001).
VERSIONED_TABLES = (
    'outreach_items', 'boards', 'board_memberships', 'meetings', 'agenda_items', 'decisions',
    'action_items', 'promises', 'raci_activities', 'raci_parties', 'consent_records',
    'webinars', 'webinar_registrations', 'stories', 'story_sessions', 'feedback_responses',
)


def _upgrade_versions() -> None:
    # A plain ADD COLUMN with a constant default: SQLite fills every row without copying the
    # table (no batch rebuild of large tables such as consent_records).
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False,
                                       server_default='1'))


def _downgrade_versions() -> None:
    for table in reversed(VERSIONED_TABLES):
        if op.get_bind().dialect.name == 'sqlite':
            op.execute(f'ALTER TABLE {table} DROP COLUMN version')
        else:
            op.drop_column(table, 'version')
