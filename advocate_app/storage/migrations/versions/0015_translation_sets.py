"""Translation sets: an outreach item's content revisions (each one kept, so a translation can
be shown what changed since it was made), its translations (made from which revision, by whom,
reviewed by whom), and the language a member named second.

Existing items: every item's words as they are become its revision 1. Items that already
shared a group (versions of one piece in several languages) become a translation set: in each
group, the oldest item (the lowest id: the piece was written first, then translated) is the
source, separately for the Easy Read versions and the others; the oldest item in each other
language becomes its translation, made from revision 1, so nothing is shown as stale that
nobody changed. Other items of the group (a second copy in the same language) stay versions
of the group, as before.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

import json

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('outreach_items', sa.Column('content_revision', sa.Integer(), nullable=False,
                                              server_default='1'))
    op.add_column('members', sa.Column('second_language', sa.String(20), nullable=False,
                                       server_default=''))
    op.create_table(
        'outreach_revisions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(300), nullable=False),
        sa.Column('content', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['item_id'], ['outreach_items.id'], ondelete='CASCADE',
                                name=op.f('fk_outreach_revisions_item_id_outreach_items')),
        sa.ForeignKeyConstraint(['created_by'], ['accounts.id'],
                                name=op.f('fk_outreach_revisions_created_by_accounts')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach_revisions')),
        sa.UniqueConstraint('item_id', 'revision', name=op.f('uq_outreach_revisions_item_id')),
    )
    op.create_table(
        'outreach_translations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('source_revision', sa.Integer(), nullable=False),
        sa.Column('translated_by', sa.String(200), nullable=False),
        sa.Column('translated_by_account', sa.Integer(), nullable=True),
        sa.Column('reviewed_by', sa.Integer(), nullable=True),
        sa.Column('reviewed_on', sa.Date(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['item_id'], ['outreach_items.id'], ondelete='CASCADE',
                                name=op.f('fk_outreach_translations_item_id_outreach_items')),
        sa.ForeignKeyConstraint(['source_id'], ['outreach_items.id'], ondelete='CASCADE',
                                name=op.f('fk_outreach_translations_source_id_outreach_items')),
        sa.ForeignKeyConstraint(
            ['translated_by_account'], ['accounts.id'],
            name=op.f('fk_outreach_translations_translated_by_account_accounts')),
        sa.ForeignKeyConstraint(['reviewed_by'], ['members.id'], ondelete='SET NULL',
                                name=op.f('fk_outreach_translations_reviewed_by_members')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach_translations')),
        sa.UniqueConstraint('item_id', name=op.f('uq_outreach_translations_item_id')),
    )
    op.create_index('ix_outreach_translations_source_id', 'outreach_translations',
                    ['source_id'])
    _existing_items()


def _existing_items() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        'SELECT id, title, content, language, group_name, updated_at, updated_by '
        'FROM outreach_items ORDER BY id')).all()
    revisions = sa.table('outreach_revisions', sa.column('item_id'), sa.column('revision'),
                         sa.column('title'), sa.column('content'),
                         sa.column('created_at'), sa.column('created_by'))
    if rows:
        op.bulk_insert(revisions, [
            {'item_id': r[0], 'revision': 1, 'title': r[1], 'content': r[2],
             'created_at': r[5], 'created_by': r[6]} for r in rows])
    sets: dict[tuple[str, bool], list] = {}
    for row in rows:
        if row[4]:
            sets.setdefault((row[4], _easy_read(row[2])), []).append(row)
    links = []
    for members in sets.values():
        source, languages = members[0], {members[0][3].lower()}
        for row in members[1:]:
            if row[3].lower() in languages:
                continue  # a second copy in one language stays a version of the group
            languages.add(row[3].lower())
            links.append({'item_id': row[0], 'source_id': source[0], 'source_revision': 1,
                          'translated_by': '', 'updated_at': row[5], 'version': 1})
    if links:
        op.bulk_insert(sa.table(
            'outreach_translations', sa.column('item_id'), sa.column('source_id'),
            sa.column('source_revision'), sa.column('translated_by'),
            sa.column('updated_at'), sa.column('version')), links)


def _easy_read(content: str) -> bool:
    try:
        return bool(json.loads(content).get('easy_read'))
    except (ValueError, AttributeError):
        return False


def downgrade() -> None:
    op.drop_index('ix_outreach_translations_source_id', table_name='outreach_translations')
    op.drop_table('outreach_translations')
    op.drop_table('outreach_revisions')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE members DROP COLUMN second_language')
        op.execute('ALTER TABLE outreach_items DROP COLUMN content_revision')
    else:
        op.drop_column('members', 'second_language')
        op.drop_column('outreach_items', 'content_revision')
