"""What the webinars' services take and give back, and what an attendance report reads as:
plain, frozen data (no database sessions), shared by the services, the window, the command
line, the calendar file and the report readers."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from advocate_app.domain.webinars import (
    AttendanceOutcome,
    Platform,
    RegistrationStatus,
    WebinarAccess,
    WebinarStatus,
)
from advocate_app.i18n import N_, _

# -- attendance and registration reports, as read from the platforms' files -------------------


class ReportKind(enum.StrEnum):
    ZOOM_ATTENDEE = "zoom_attendee"
    ZOOM_REGISTRATION = "zoom_registration"
    EVENTBRITE = "eventbrite"

    @property
    def label(self) -> str:
        return _(_REPORT_LABELS[self.value])


_REPORT_LABELS = {"zoom_attendee": N_("Zoom attendee report"),
                  "zoom_registration": N_("Zoom registration report"),
                  "eventbrite": N_("Eventbrite attendee export")}


@dataclass(frozen=True)
class ReportPerson:
    """One person in a report; several rows for one person (re-joins) are already summed."""

    name: str
    email: str  # as written (matching compares it case-insensitively)
    registered: bool  # appears as a registrant (or ticket holder)
    attended: bool
    minutes_attended: int = 0
    first_joined: datetime | None = None  # UTC
    registered_at: datetime | None = None  # UTC
    ticket_type: str = ""
    order_id: str = ""
    #: The registration's answer about access needs, when the form asked (free text).
    needs_text: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class AttendanceReport:
    kind: ReportKind
    topic: str  # the webinar or event title written in the report
    people: tuple[ReportPerson, ...]
    #: Hosts and panelists (Zoom) are left out of ``people``; counted for the summary only.
    panelists: int = 0
    digest: str = ""  # SHA-256 of the file


# -- what callers pass in and get back --------------------------------------------------------


@dataclass(frozen=True)
class PresenterInput:
    member_id: int | None = None
    guest_name: str = ""
    guest_organisation: str = ""


@dataclass(frozen=True)
class WebinarInput:
    title: str
    starts_local: datetime  # naive, in ``timezone``
    duration_minutes: int = 60
    timezone: str = "Europe/London"
    description: str = ""
    platform: Platform = Platform.ZOOM
    join_link: str = ""
    capacity: int = 0  # 0: no limit
    access_offered: frozenset[WebinarAccess] = frozenset()
    sign_language: str = ""
    interpretation_languages: tuple[str, ...] = ()
    recording_link: str = ""
    slides_link: str = ""
    status: WebinarStatus = WebinarStatus.PLANNED
    presenters: tuple[PresenterInput, ...] = ()


@dataclass(frozen=True)
class PresenterView:
    member_id: int | None
    name: str
    organisation: str = ""


@dataclass(frozen=True)
class WebinarView:
    id: int
    title: str
    description: str
    starts_at: datetime  # UTC
    duration_minutes: int
    timezone: str
    platform: Platform
    join_link: str
    capacity: int
    access_offered: frozenset[WebinarAccess]
    sign_language: str
    interpretation_languages: tuple[str, ...]
    recording_link: str
    slides_link: str
    status: WebinarStatus
    uid: str
    sequence: int
    presenters: tuple[PresenterView, ...] = ()
    registered: int = 0  # registered and walk-ins, not cancelled or waitlisted
    waitlisted: int = 0
    attended: int = 0

    @property
    def places_left(self) -> int | None:
        """None when there is no limit."""
        return None if self.capacity <= 0 else max(0, self.capacity - self.registered)


@dataclass(frozen=True)
class RegistrationInput:
    needs: frozenset[WebinarAccess] = frozenset()
    interpretation_language: str = ""
    needs_notes: str = ""
    ticket_type: str = ""


@dataclass(frozen=True)
class RegistrationView:
    id: int
    webinar_id: int
    member_id: int
    name: str
    email: str
    language: str
    status: RegistrationStatus
    needs: frozenset[WebinarAccess]
    interpretation_language: str
    needs_notes: str
    source: str
    registered_at: datetime
    attendance: AttendanceOutcome
    minutes_attended: int
    waitlist_position: int | None = None  # 1 = next to move up
    followup_sent_at: datetime | None = None


@dataclass(frozen=True)
class NeedsTotal:
    """"3 need captions": how many active registrations asked for one kind of access."""

    need: WebinarAccess
    count: int
    detail: str = ""  # e.g. the languages asked for interpretation, "fr 2, ar 1"


@dataclass(frozen=True)
class ReportOutcome:
    """What an import did (or would do) with one person of a report."""

    class Action(enum.StrEnum):
        MATCHED = "matched"
        CREATED = "created"
        REVIEW = "review"
        UNMATCHED = "unmatched"

    action: Action
    name: str
    email: str
    registered: bool
    attended: bool
    minutes_attended: int
    member_id: int | None = None
    candidate_name: str = ""  # for review: the member this person may be
    score: int = 0


@dataclass(frozen=True)
class ImportResult:
    kind: ReportKind
    file_name: str
    outcomes: tuple[ReportOutcome, ...]
    dry_run: bool
    #: The same file (by digest) was imported before: nothing changed this time.
    already_imported: bool = False

    def count(self, action: ReportOutcome.Action) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def registrants(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.registered)

    @property
    def attendees(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.attended)

    @property
    def no_shows(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.registered and not outcome.attended)


@dataclass(frozen=True)
class ReviewItemView:
    id: int
    webinar_id: int
    webinar_title: str
    report_kind: ReportKind
    name: str
    email: str
    registered: bool
    attended: bool
    minutes_attended: int
    candidate_member_id: int | None
    candidate_name: str
    score: int


@dataclass(frozen=True)
class AttendanceStats:
    """Registered, attended, no-show and minutes attended, for one webinar or several, broken
    down by role and by language."""

    registered: int
    attended: int
    no_show: int
    minutes_attended: int
    by_role: tuple[tuple[str, int, int], ...] = ()  # (role label, registered, attended)
    by_language: tuple[tuple[str, int, int], ...] = ()  # (language code, registered, attended)


@dataclass(frozen=True)
class WebinarTrendPoint:
    webinar_id: int
    title: str
    held_on: date
    registered: int
    attended: int
    no_show: int
    minutes_attended: int


@dataclass(frozen=True)
class FollowUpPlan:
    """Who gets what after a webinar: attendees the recording, slides and a feedback request;
    registered no-shows "sorry we missed you" with the recording. Members without consent for
    events are left out and counted."""

    webinar_id: int
    attendees: tuple[int, ...] = ()
    no_shows: tuple[int, ...] = ()
    by_post: tuple[int, ...] = ()  # of the above, those who asked for post
    without_consent: tuple[int, ...] = ()
    already_sent: tuple[int, ...] = ()
    languages: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class FollowUpLetter:
    """One follow-up letter made: an outreach item, for one message in one language."""

    item_id: int
    message: str  # "attended" or "missed"
    language: str
    title: str
    members: int  # how many it was sent to this time


@dataclass(frozen=True)
class FollowUpResult:
    """What sending a webinar's follow-up did. Members sent nothing this time (no consent for
    events, already sent, or left out of the print pack with the reason) are listed."""

    webinar_id: int
    letters: tuple[FollowUpLetter, ...] = ()
    attendees: tuple[int, ...] = ()  # sent the thank-you letter this time
    no_shows: tuple[int, ...] = ()  # sent "sorry we missed you" this time
    by_post: tuple[int, ...] = ()  # of the above, in the print pack
    by_email: tuple[int, ...] = ()  # of the above, to be emailed their letter
    without_consent: tuple[int, ...] = ()
    already_sent: tuple[int, ...] = ()
    left_out: tuple[tuple[int, str, str], ...] = ()  # id, name, reason (not sent)
    folder: Path | None = None  # where the print pack was written
    files: tuple[Path, ...] = ()  # the print pack's files, summaries and labels included

    @property
    def sent(self) -> int:
        return len(self.attendees) + len(self.no_shows)
