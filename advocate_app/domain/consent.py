"""Consent as history: an append-only ledger per member and purpose.

The newest entry for a purpose is the member's current state; an entry past its expiry date
counts as expired. Nothing here is ever updated or deleted by the app (erasure anonymises).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow


class ConsentRecord(Base):
    __tablename__ = "consent_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(20))
    effective_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (
        Index("ix_consent_records_member_purpose", "member_id", "purpose", "effective_on",
              "id"),
    )
    __mapper_args__ = {"version_id_col": version}
