"""Outreach items as stored: the item's JSON form plus the columns lists are sorted by, and a
record of every rendering (who, when, which profile, which pre-flight problems were knowingly
overridden)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow


class OutreachRecord(Base):
    __tablename__ = "outreach_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(20), default="en")
    group_name: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text)  # the item's JSON form (content.FORMAT_ID)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)
    #: Counts the revisions of the words (a save that changes the title or the blocks); each
    #: one is kept in ``outreach_revisions``, so a translation made from an older one can be
    #: shown what changed since.
    content_revision: Mapped[int] = mapped_column(default=1, server_default="1")

    __table_args__ = (Index("ix_outreach_items_group", "group_name", "language"),)
    __mapper_args__ = {"version_id_col": version}


class OutreachRendering(Base):
    __tablename__ = "outreach_renderings"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("outreach_items.id", ondelete="SET NULL"), default=None)
    title: Mapped[str] = mapped_column(String(300))
    output: Mapped[str] = mapped_column(String(20))  # pdf, html, print_pack
    profile: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(20))
    copies: Mapped[int] = mapped_column(default=1)
    overridden: Mapped[str] = mapped_column(Text, default="")  # JSON list of problem messages
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    __table_args__ = (Index("ix_outreach_renderings_item", "item_id", "created_at"),)


class OutreachPicture(Base):
    """A picture an outreach item shows, copied in when the item was imported or saved; an
    ``image`` block names it by the SHA-256 digest of its bytes
    (:mod:`advocate_app.domain.outreach_pictures`)."""

    __tablename__ = "outreach_pictures"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(20))  # image/png or image/jpeg
    width: Mapped[int] = mapped_column()
    height: Mapped[int] = mapped_column()
    size: Mapped[int] = mapped_column()
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutreachRevision(Base):
    """The words of an item at one of its content revisions (its JSON form, as saved)."""

    __tablename__ = "outreach_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("outreach_items.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    __table_args__ = (UniqueConstraint("item_id", "revision"),)


class OutreachTranslation(Base):
    """Item ``item_id`` is a translation of item ``source_id``, made from (or last brought up
    to date with) the source's content revision ``source_revision``: stale while the source
    has a newer one."""

    __tablename__ = "outreach_translations"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("outreach_items.id", ondelete="CASCADE"), unique=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("outreach_items.id", ondelete="CASCADE"), index=True)
    source_revision: Mapped[int] = mapped_column(default=1)
    #: Who translated it: free text (a translator, an agency), or an account.
    translated_by: Mapped[str] = mapped_column(String(200), default="")
    translated_by_account: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id"), default=None)
    #: Who reviewed it: ideally a member who reads the language; and when.
    reviewed_by: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    reviewed_on: Mapped[date | None] = mapped_column(Date, default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
