"""Webinars (presenters, registrations with the access asked for and attendance, report
matches to review), story-sharing sessions, stories (quotes, attachments, a consent ledger per
channel, every use) and feedback on events.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('webinars',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('timezone', sa.String(length=60), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('join_link', sa.String(length=500), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('access_offered', sa.String(length=300), nullable=False),
    sa.Column('sign_language', sa.String(length=60), nullable=False),
    sa.Column('interpretation_languages', sa.String(length=200), nullable=False),
    sa.Column('recording_link', sa.String(length=500), nullable=False),
    sa.Column('slides_link', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('uid', sa.String(length=100), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['accounts.id'], name=op.f('fk_webinars_created_by_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webinars')),
    sa.UniqueConstraint('uid', name=op.f('uq_webinars_uid'))
    )
    with op.batch_alter_table('webinars', schema=None) as batch_op:
        batch_op.create_index('ix_webinars_starts_at', ['starts_at'], unique=False)

    op.create_table('story_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('facilitator_id', sa.Integer(), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('timezone', sa.String(length=60), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('online_link', sa.String(length=500), nullable=False),
    sa.Column('support', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('uid', sa.String(length=100), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['accounts.id'], name=op.f('fk_story_sessions_created_by_accounts')),
    sa.ForeignKeyConstraint(['facilitator_id'], ['members.id'], name=op.f('fk_story_sessions_facilitator_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_sessions')),
    sa.UniqueConstraint('uid', name=op.f('uq_story_sessions_uid'))
    )
    with op.batch_alter_table('story_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_story_sessions_starts_at', ['starts_at'], unique=False)

    op.create_table('webinar_presenters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('webinar_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('guest_name', sa.String(length=200), nullable=False),
    sa.Column('guest_organisation', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_webinar_presenters_member_id_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['webinar_id'], ['webinars.id'], name=op.f('fk_webinar_presenters_webinar_id_webinars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webinar_presenters'))
    )
    with op.batch_alter_table('webinar_presenters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webinar_presenters_webinar_id'), ['webinar_id'], unique=False)

    op.create_table('webinar_registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('webinar_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('needs', sa.String(length=300), nullable=False),
    sa.Column('interpretation_language', sa.String(length=20), nullable=False),
    sa.Column('needs_notes', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('ticket_type', sa.String(length=100), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attendance', sa.String(length=20), nullable=False),
    sa.Column('minutes_attended', sa.Integer(), nullable=False),
    sa.Column('attendance_source', sa.String(length=20), nullable=False),
    sa.Column('followup_sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('followup_item_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['followup_item_id'], ['outreach_items.id'], name=op.f('fk_webinar_registrations_followup_item_id_outreach_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_webinar_registrations_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['webinar_id'], ['webinars.id'], name=op.f('fk_webinar_registrations_webinar_id_webinars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webinar_registrations')),
    sa.UniqueConstraint('webinar_id', 'member_id', name='uq_webinar_registrations_person')
    )
    with op.batch_alter_table('webinar_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webinar_registrations_member_id'), ['member_id'], unique=False)
        batch_op.create_index('ix_webinar_registrations_webinar', ['webinar_id', 'status', 'registered_at'], unique=False)

    op.create_table('webinar_review_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('webinar_id', sa.Integer(), nullable=False),
    sa.Column('report_kind', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('registered', sa.Boolean(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.Column('minutes_attended', sa.Integer(), nullable=False),
    sa.Column('ticket_type', sa.String(length=100), nullable=False),
    sa.Column('needs_text', sa.Text(), nullable=False),
    sa.Column('candidate_member_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=False),
    sa.Column('resolved_member_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['candidate_member_id'], ['members.id'], name=op.f('fk_webinar_review_items_candidate_member_id_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resolved_member_id'], ['members.id'], name=op.f('fk_webinar_review_items_resolved_member_id_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['webinar_id'], ['webinars.id'], name=op.f('fk_webinar_review_items_webinar_id_webinars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webinar_review_items'))
    )
    with op.batch_alter_table('webinar_review_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webinar_review_items_webinar_id'), ['webinar_id'], unique=False)

    op.create_table('webinar_report_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('webinar_id', sa.Integer(), nullable=False),
    sa.Column('report_kind', sa.String(length=30), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['imported_by'], ['accounts.id'], name=op.f('fk_webinar_report_imports_imported_by_accounts')),
    sa.ForeignKeyConstraint(['webinar_id'], ['webinars.id'], name=op.f('fk_webinar_report_imports_webinar_id_webinars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webinar_report_imports')),
    sa.UniqueConstraint('webinar_id', 'digest', name='uq_webinar_report_imports_digest')
    )

    op.create_table('stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teller_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('themes', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=20), nullable=False),
    sa.Column('teller_is_child', sa.Boolean(), nullable=False),
    sa.Column('told_on', sa.Date(), nullable=True),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['accounts.id'], name=op.f('fk_stories_created_by_accounts')),
    sa.ForeignKeyConstraint(['session_id'], ['story_sessions.id'], name=op.f('fk_stories_session_id_story_sessions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['teller_id'], ['members.id'], name=op.f('fk_stories_teller_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stories'))
    )
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stories_teller_id'), ['teller_id'], unique=False)

    op.create_table('story_session_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('attendance', sa.String(length=20), nullable=False),
    sa.Column('support_notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_story_session_participants_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['story_sessions.id'], name=op.f('fk_story_session_participants_session_id_story_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_session_participants'))
    )
    with op.batch_alter_table('story_session_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_session_participants_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_session_participants_session_id'), ['session_id'], unique=False)

    op.create_table('feedback_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_kind', sa.String(length=20), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('worked', sa.Text(), nullable=False),
    sa.Column('change', sa.Text(), nullable=False),
    sa.Column('comments', sa.Text(), nullable=False),
    sa.Column('may_contact', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('import_key', sa.String(length=64), nullable=False),
    sa.Column('promise_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_feedback_responses_member_id_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['promise_id'], ['promises.id'], name=op.f('fk_feedback_responses_promise_id_promises'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recorded_by'], ['accounts.id'], name=op.f('fk_feedback_responses_recorded_by_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_responses'))
    )
    with op.batch_alter_table('feedback_responses', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_responses_event', ['event_kind', 'event_id', 'received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_responses_member_id'), ['member_id'], unique=False)

    op.create_table('story_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('original_name', sa.String(length=300), nullable=False),
    sa.Column('stored_name', sa.String(length=300), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_attachments_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_attachments')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_story_attachments_stored_name'))
    )
    with op.batch_alter_table('story_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_attachments_story_id'), ['story_id'], unique=False)

    op.create_table('story_consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('identification', sa.String(length=20), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('guardian_name', sa.String(length=200), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['recorded_by'], ['accounts.id'], name=op.f('fk_story_consents_recorded_by_accounts')),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_consents_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_consents'))
    )
    with op.batch_alter_table('story_consents', schema=None) as batch_op:
        batch_op.create_index('ix_story_consents_story_channel', ['story_id', 'channel', 'effective_on', 'id'], unique=False)

    op.create_table('story_quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_quotes_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_quotes'))
    )
    with op.batch_alter_table('story_quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_quotes_story_id'), ['story_id'], unique=False)

    op.create_table('story_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('quote_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('item_title', sa.String(length=300), nullable=False),
    sa.Column('rendering_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('identification', sa.String(length=20), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('do_not_reprint_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['outreach_items.id'], name=op.f('fk_story_uses_item_id_outreach_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['quote_id'], ['story_quotes.id'], name=op.f('fk_story_uses_quote_id_story_quotes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rendering_id'], ['outreach_renderings.id'], name=op.f('fk_story_uses_rendering_id_outreach_renderings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_uses_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_uses'))
    )
    with op.batch_alter_table('story_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_uses_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_uses_story_id'), ['story_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('story_uses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_uses_story_id'))
        batch_op.drop_index(batch_op.f('ix_story_uses_item_id'))

    op.drop_table('story_uses')
    with op.batch_alter_table('story_quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_quotes_story_id'))

    op.drop_table('story_quotes')
    with op.batch_alter_table('story_consents', schema=None) as batch_op:
        batch_op.drop_index('ix_story_consents_story_channel')

    op.drop_table('story_consents')
    with op.batch_alter_table('story_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_attachments_story_id'))

    op.drop_table('story_attachments')
    with op.batch_alter_table('feedback_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_responses_member_id'))
        batch_op.drop_index('ix_feedback_responses_event')

    op.drop_table('feedback_responses')
    with op.batch_alter_table('story_session_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_session_participants_session_id'))
        batch_op.drop_index(batch_op.f('ix_story_session_participants_member_id'))

    op.drop_table('story_session_participants')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stories_teller_id'))

    op.drop_table('stories')
    op.drop_table('webinar_report_imports')
    with op.batch_alter_table('webinar_review_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webinar_review_items_webinar_id'))

    op.drop_table('webinar_review_items')
    with op.batch_alter_table('webinar_registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_webinar_registrations_webinar')
        batch_op.drop_index(batch_op.f('ix_webinar_registrations_member_id'))

    op.drop_table('webinar_registrations')
    with op.batch_alter_table('webinar_presenters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webinar_presenters_webinar_id'))

    op.drop_table('webinar_presenters')
    with op.batch_alter_table('story_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_story_sessions_starts_at')

    op.drop_table('story_sessions')
    with op.batch_alter_table('webinars', schema=None) as batch_op:
        batch_op.drop_index('ix_webinars_starts_at')

    op.drop_table('webinars')
