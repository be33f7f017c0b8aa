"""Several email addresses and phone numbers per member, each with a label.

The member's primary email address and phone number stay in ``members.email``/``phone`` (the
members list and its sort orders read them there) and are copied here as the primary rows.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('member_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('value', sa.String(length=320), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'],
                            name=op.f('fk_member_contacts_member_id_members'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_contacts'))
    )
    op.create_index('ix_member_contacts_member', 'member_contacts',
                    ['member_id', 'kind', 'position'], unique=False)
    op.create_index('ix_member_contacts_value', 'member_contacts', ['kind', 'value'],
                    unique=False)
    # Every existing address and number becomes its member's primary one.
    for kind in ('email', 'phone'):
        op.execute(
            "INSERT INTO member_contacts (member_id, kind, value, label, is_primary, position) "
            f"SELECT id, '{kind}', {kind}, '', TRUE, 0 FROM members WHERE {kind} <> ''")


def downgrade() -> None:
    op.drop_index('ix_member_contacts_value', table_name='member_contacts')
    op.drop_index('ix_member_contacts_member', table_name='member_contacts')
    op.drop_table('member_contacts')
