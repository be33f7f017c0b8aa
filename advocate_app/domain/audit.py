"""The audit log's record: one line per privacy-relevant action, never changed or deleted.

The table is append-only: triggers made by migration 0014 refuse every UPDATE and DELETE, on
SQLite and on PostgreSQL. A line holds ids and counts, never a member's name or health data.
The account's name is kept as it was at the time (accounts may be renamed or removed later).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    account_id: Mapped[int | None] = mapped_column(Integer, default=None)
    account_name: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject_kind: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int | None] = mapped_column(Integer, default=None)
    count: Mapped[int | None] = mapped_column(Integer, default=None)
    detail: Mapped[str] = mapped_column(String(200), default="")
