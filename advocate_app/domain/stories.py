"""Story-sharing sessions and the stories people tell, as stored, with the rules of consent
for each use of a story.

Consent for a story is a ledger, one per story and channel (leaflet, newsletter, website …),
never updated: the newest entry for a channel is the story's state for it, and a grant past
its expiry date counts as expired. Each use of a story (or of one of its approved quotes) in an
outreach item is recorded, so withdrawing consent can list every item that used it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.story_rules import (
    ChannelConsent,
    ConsentEntry,
    Identification,
    SessionMode,
    SessionSupport,
    StoryChannel,
    StoryConsentState,
    StoryTheme,
    attribution,
    consent_on,
    grant_refusal,
    use_refusal,
)

#: The vocabulary and rules live in :mod:`story_rules` (no database there); they are named
#: here too, beside the records they belong to.
__all__ = [
    "ChannelConsent", "ConsentEntry", "Identification", "SessionMode", "SessionSupport",
    "Story", "StoryAttachment", "StoryChannel", "StoryConsent", "StoryConsentState",
    "StoryQuote", "StorySession", "StorySessionParticipant", "StoryTheme", "StoryUse",
    "attribution", "consent_on", "grant_refusal", "use_refusal",
]


# -- records ----------------------------------------------------------------------------------


class StorySession(Base):
    __tablename__ = "story_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    starts_at: Mapped[datetime]  # UTC; shown in ``timezone``
    duration_minutes: Mapped[int] = mapped_column(default=90)
    timezone: Mapped[str] = mapped_column(String(60), default="Europe/London")
    mode: Mapped[str] = mapped_column(String(20), default="in_person")
    place: Mapped[str] = mapped_column(Text, default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    #: Support offered: comma-separated keys of :class:`SessionSupport`.
    support: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    uid: Mapped[str] = mapped_column(String(100), unique=True)  # iCalendar UID
    sequence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_story_sessions_starts_at", "starts_at"),)
    __mapper_args__ = {"version_id_col": version}


class StorySessionParticipant(Base):
    __tablename__ = "story_session_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("story_sessions.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                           index=True)
    #: "", attended, no_show (as for webinars)
    attendance: Mapped[str] = mapped_column(String(20), default="")
    support_notes: Mapped[str] = mapped_column(Text, default="")


class Story(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None: the teller chose to stay anonymous even to the group's records.
    teller_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None, index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("story_sessions.id", ondelete="SET NULL"), default=None)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    #: Comma-separated keys of :class:`StoryTheme`.
    themes: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str] = mapped_column(String(20), default="en")
    #: The teller is a child: every grant needs a guardian's co-signature.
    teller_is_child: Mapped[bool] = mapped_column(default=False)
    told_on: Mapped[date | None] = mapped_column(Date, default=None)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class StoryQuote(Base):
    """An excerpt the teller agreed to, word for word."""

    __tablename__ = "story_quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"),
                                          index=True)
    text: Mapped[str] = mapped_column(Text)
    approved_on: Mapped[date | None] = mapped_column(Date, default=None)
    position: Mapped[int] = mapped_column(default=0)


class StoryAttachment(Base):
    """An audio recording or photo kept with a story; its bytes are a
    :class:`StoryAttachmentData` (``stored_name`` is made by the app, never taken from the
    file: the name a copy opened to play is given)."""

    __tablename__ = "story_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"),
                                          index=True)
    kind: Mapped[str] = mapped_column(String(20))  # audio, photo
    original_name: Mapped[str] = mapped_column(String(300))
    stored_name: Mapped[str] = mapped_column(String(300), unique=True)
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    description: Mapped[str] = mapped_column(Text, default="")  # alt text for a photo
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class StoryAttachmentData(Base):
    """The bytes of an attachment, kept in the database so encryption, backups and erasure
    cover them; they go with their attachment."""

    __tablename__ = "story_attachment_data"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("story_attachments.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class StoryConsent(Base):
    """One entry of a story's consent ledger for one channel (append only)."""

    __tablename__ = "story_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))  # granted, withdrawn
    identification: Mapped[str] = mapped_column(String(20), default="anonymous")
    effective_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    method: Mapped[str] = mapped_column(String(20), default="paper")
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    __table_args__ = (
        Index("ix_story_consents_story_channel", "story_id", "channel", "effective_on", "id"),
    )


class StoryUse(Base):
    """A story (or one approved quote of it) used by an outreach item in one rendering."""

    __tablename__ = "story_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"),
                                          index=True)
    quote_id: Mapped[int | None] = mapped_column(
        ForeignKey("story_quotes.id", ondelete="SET NULL"), default=None)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("outreach_items.id", ondelete="SET NULL"), default=None, index=True)
    item_title: Mapped[str] = mapped_column(String(300), default="")
    rendering_id: Mapped[int | None] = mapped_column(
        ForeignKey("outreach_renderings.id", ondelete="SET NULL"), default=None)
    channel: Mapped[str] = mapped_column(String(30))
    identification: Mapped[str] = mapped_column(String(20))
    used_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Set when the story's consent for this channel was withdrawn: do not reprint.
    do_not_reprint_at: Mapped[datetime | None] = mapped_column(default=None)
