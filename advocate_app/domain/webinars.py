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
from advocate_app.domain.community import _Labelled
from advocate_app.i18n import N_


class WebinarStatus(_Labelled):
    PLANNED = "planned"
    OPEN = "open"
    FULL = "full"
    HELD = "held"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.PLANNED: N_("Planned"), cls.OPEN: N_("Open for registration"),
                cls.FULL: N_("Full"), cls.HELD: N_("Held"), cls.CANCELLED: N_("Cancelled")}


class Platform(_Labelled):
    ZOOM = "zoom"
    TEAMS = "teams"
    MEET = "meet"
    WEBEX = "webex"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.ZOOM: N_("Zoom"), cls.TEAMS: N_("Microsoft Teams"),
                cls.MEET: N_("Google Meet"), cls.WEBEX: N_("Webex"), cls.OTHER: N_("Other")}


class WebinarAccess(_Labelled):
    """Accessibility a webinar offers; a registration asks for some of the same."""

    CAPTIONS = "captions"
    SIGN_LANGUAGE = "sign_language"
    INTERPRETATION = "interpretation"
    SLIDES_IN_ADVANCE = "slides_in_advance"
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.CAPTIONS: N_("Live captions"),
                cls.SIGN_LANGUAGE: N_("Sign-language interpretation"),
                cls.INTERPRETATION: N_("Spoken-language interpretation"),
                cls.SLIDES_IN_ADVANCE: N_("Slides sent in advance"),
                cls.LARGE_PRINT: N_("Large-print papers"),
                cls.EASY_READ: N_("Easy Read papers")}


class RegistrationStatus(_Labelled):
    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    WALK_IN = "walk_in"  # not registered, found in the attendance report

    @classmethod
    def _labels(cls) -> dict:
        return {cls.REGISTERED: N_("Registered"), cls.WAITLISTED: N_("On the waitlist"),
                cls.CANCELLED: N_("Cancelled"), cls.WALK_IN: N_("Came without registering")}


class AttendanceOutcome(_Labelled):
    UNKNOWN = ""
    ATTENDED = "attended"
    NO_SHOW = "no_show"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.UNKNOWN: N_("Not known yet"), cls.ATTENDED: N_("Attended"),
                cls.NO_SHOW: N_("Did not come")}


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

    __table_args__ = (Index("ix_webinars_starts_at", "starts_at"),)


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

    __table_args__ = (
        UniqueConstraint("webinar_id", "member_id", name="uq_webinar_registrations_person"),
        Index("ix_webinar_registrations_webinar", "webinar_id", "status", "registered_at"),
    )


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
    candidate_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    score: Mapped[int] = mapped_column(default=0)  # similarity of names, 0–100
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    #: matched (to resolved_member_id), created, left_out
    resolution: Mapped[str] = mapped_column(String(20), default="")
    resolved_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
