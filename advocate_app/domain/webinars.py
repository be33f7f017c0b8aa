"""Webinars as stored: the webinar, who presents it, who registered (with the access
arrangements each person asked for and whether they came), and report matches left for a
person to review.

A registration is the one row joining a person to a webinar: registered, on the waitlist,
cancelled, or a walk-in found only in the attendance report. Attendance (attended or no-show,
minutes attended) is kept on it, so a person can never be counted twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.webinar_kinds import AttendanceOutcome as AttendanceOutcome
from advocate_app.domain.webinar_kinds import Platform as Platform
from advocate_app.domain.webinar_kinds import RegistrationStatus as RegistrationStatus
from advocate_app.domain.webinar_kinds import WebinarAccess as WebinarAccess
from advocate_app.domain.webinar_kinds import WebinarStatus as WebinarStatus


class Webinar(Base):
    __tablename__ = "webinars"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime]  # UTC; shown in ``timezone``
    duration_minutes: Mapped[int] = mapped_column(default=60)
    timezone: Mapped[str] = mapped_column(String(60), default="Europe/London")
    platform: Mapped[str] = mapped_column(String(20), default="zoom")
    join_link: Mapped[str] = mapped_column(String(500), default="")
    #: 0: no limit.
    capacity: Mapped[int] = mapped_column(default=0)
    #: Accessibility offered: comma-separated keys of :class:`WebinarAccess`.
    access_offered: Mapped[str] = mapped_column(String(300), default="")
    sign_language: Mapped[str] = mapped_column(String(60), default="")  # e.g. "BSL"
    #: Spoken languages interpreted into, comma-separated language codes.
    interpretation_languages: Mapped[str] = mapped_column(String(200), default="")
    recording_link: Mapped[str] = mapped_column(String(500), default="")
    slides_link: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    uid: Mapped[str] = mapped_column(String(100), unique=True)  # iCalendar UID
    sequence: Mapped[int] = mapped_column(default=0)  # iCalendar SEQUENCE, up on each change
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_webinars_starts_at", "starts_at"),)
    __mapper_args__ = {"version_id_col": version}


class WebinarPresenter(Base):
    """A presenter: a member, or a guest named here."""

    __tablename__ = "webinar_presenters"

    id: Mapped[int] = mapped_column(primary_key=True)
    webinar_id: Mapped[int] = mapped_column(ForeignKey("webinars.id", ondelete="CASCADE"),
                                            index=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    guest_name: Mapped[str] = mapped_column(String(200), default="")
    guest_organisation: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)


class WebinarRegistration(Base):
    __tablename__ = "webinar_registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    webinar_id: Mapped[int] = mapped_column(ForeignKey("webinars.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                           index=True)
    status: Mapped[str] = mapped_column(String(20), default="registered")
    #: Access asked for: comma-separated keys of :class:`WebinarAccess`.
    needs: Mapped[str] = mapped_column(String(300), default="")
    #: The spoken language asked for when ``needs`` holds interpretation.
    interpretation_language: Mapped[str] = mapped_column(String(20), default="")
    needs_notes: Mapped[str] = mapped_column(Text, default="")
    #: Where the registration came from: typed, zoom, eventbrite.
    source: Mapped[str] = mapped_column(String(20), default="typed")
    ticket_type: Mapped[str] = mapped_column(String(100), default="")
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    attendance: Mapped[str] = mapped_column(String(20), default="")  # AttendanceOutcome
    minutes_attended: Mapped[int] = mapped_column(default=0)
    #: How attendance was known: checked in by hand, or from a report.
    attendance_source: Mapped[str] = mapped_column(String(20), default="")
    followup_sent_at: Mapped[datetime | None] = mapped_column(default=None)
    #: The outreach item sent as follow-up (recording and feedback, or sorry we missed you).
    followup_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("outreach_items.id", ondelete="SET NULL"), default=None)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (
        UniqueConstraint("webinar_id", "member_id", name="uq_webinar_registrations_person"),
        Index("ix_webinar_registrations_webinar", "webinar_id", "status", "registered_at"),
    )
    __mapper_args__ = {"version_id_col": version}


class WebinarReviewItem(Base):
    """A person in an imported report whose match to a member was uncertain (or who matched
    nobody): kept until someone chooses the member, a new member, or to leave them out."""

    __tablename__ = "webinar_review_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    webinar_id: Mapped[int] = mapped_column(ForeignKey("webinars.id", ondelete="CASCADE"),
                                            index=True)
    report_kind: Mapped[str] = mapped_column(String(30))  # zoom_attendee, eventbrite …
    name: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    registered: Mapped[bool] = mapped_column(default=False)
    attended: Mapped[bool] = mapped_column(default=False)
    minutes_attended: Mapped[int] = mapped_column(default=0)
    ticket_type: Mapped[str] = mapped_column(String(100), default="")
    #: What the registration form said about access needs, as written.
    needs_text: Mapped[str] = mapped_column(Text, default="")
    candidate_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    score: Mapped[int] = mapped_column(default=0)  # similarity of names, 0–100
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    #: matched (to resolved_member_id), created, left_out
    resolution: Mapped[str] = mapped_column(String(20), default="")
    resolved_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)


class WebinarReportImport(Base):
    """A report file imported into a webinar, known by the SHA-256 of its bytes: the same file
    imported again is recognised and changes nothing."""

    __tablename__ = "webinar_report_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    webinar_id: Mapped[int] = mapped_column(ForeignKey("webinars.id", ondelete="CASCADE"))
    report_kind: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(String(300), default="")
    digest: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    __table_args__ = (
        UniqueConstraint("webinar_id", "digest", name="uq_webinar_report_imports_digest"),
    )
