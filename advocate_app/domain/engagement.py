"""What a member took part in, and how members are related to each other."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.community import EngagementKind  # noqa: F401 - re-exported


class Engagement(Base):
    """One entry of a member's timeline: manual (call, email, note) or from another area."""

    __tablename__ = "engagements"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    __table_args__ = (Index("ix_engagements_member_date", "member_id", "occurred_on", "id"),)


class MemberRelationship(Base):
    """``member`` is the ``kind`` of ``related`` (e.g. carer of, parent of, clinician of)."""

    __tablename__ = "member_relationships"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                           index=True)
    related_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                            index=True)
    kind: Mapped[str] = mapped_column(String(20))
