"""Feedback on an event (a webinar, a board meeting or a story-sharing session): typed in by
staff, imported from an online form's export, or returned on the paper form."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow


class FeedbackResponse(Base):
    __tablename__ = "feedback_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_kind: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[int]
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None, index=True)
    rating: Mapped[int] = mapped_column(default=0)
    worked: Mapped[str] = mapped_column(Text, default="")
    change: Mapped[str] = mapped_column(Text, default="")
    comments: Mapped[str] = mapped_column(Text, default="")
    may_contact: Mapped[bool] = mapped_column(default=False)
    #: A FeedbackSource value (``domain/feedback_views.py``, with EventKind and RATING_MAX).
    source: Mapped[str] = mapped_column(String(20), default="typed")
    received_on: Mapped[date] = mapped_column(Date)
    #: For imported answers: a digest of the answer, so importing the same file twice adds
    #: nothing.
    import_key: Mapped[str] = mapped_column(String(64), default="")
    #: The promise ("You said, we did") a comment became.
    promise_id: Mapped[int | None] = mapped_column(
        ForeignKey("promises.id", ondelete="SET NULL"), default=None)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_feedback_responses_event", "event_kind", "event_id",
                            "received_on"),)
    __mapper_args__ = {"version_id_col": version}
