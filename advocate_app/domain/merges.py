"""A record of two member records merged into one: who, when, and what the other one held."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow


class MemberMerge(Base):
    __tablename__ = "member_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    kept_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                         index=True)
    merged_id: Mapped[int]  # the record that no longer exists
    merged_snapshot: Mapped[str] = mapped_column(Text)  # JSON of everything it held
    merged_at: Mapped[datetime] = mapped_column(default=utcnow)
    merged_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
