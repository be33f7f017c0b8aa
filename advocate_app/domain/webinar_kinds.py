"""The states and kinds of webinars, registrations and attendance: plain enums (no database),
so the report readers and the calendar file can name them without loading SQLAlchemy. The
records in ``domain/webinars.py`` store their values."""

from __future__ import annotations

from advocate_app.domain.community import _Labelled
from advocate_app.i18n import N_, pgettext


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

    @property
    def label(self) -> str:
        # A registration is cancelled, not a webinar: languages that agree words with what
        # they describe need to know which.
        if self is RegistrationStatus.CANCELLED:
            return pgettext("registration", "Cancelled")
        return super().label


class AttendanceOutcome(_Labelled):
    UNKNOWN = ""
    ATTENDED = "attended"
    NO_SHOW = "no_show"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.UNKNOWN: N_("Not known yet"), cls.ATTENDED: N_("Attended"),
                cls.NO_SHOW: N_("Did not come")}
