"""What the webinars' services take and give back, and what an attendance report reads as:
plain, frozen data (no database sessions), shared by the services, the window, the command
line, the calendar file and the report readers."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from advocate_app.domain.board_views import zone
from advocate_app.domain.webinar_kinds import (
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
    #: False when the report cannot say who came (a registration report, or an Eventbrite
    #: export in which nobody was checked in): nobody is then marked as a no-show.
    attendance_known: bool = True


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
    version: int = 0  # the webinar's saves so far (see services/versions.py)

    @property
    def places_left(self) -> int | None:
        """None when there is no limit."""
        return None if self.capacity <= 0 else max(0, self.capacity - self.registered)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def local_start(self) -> datetime:
        """The start in the webinar's own time zone."""
        return self.starts_at.astimezone(zone(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(zone(self.timezone))

    def to_json(self) -> dict:
        """The webinar as the command line's ``--json`` prints it (stable keys)."""
        return {"id": self.id, "title": self.title, "status": self.status.value,
                "starts_at": self.starts_at.isoformat(),
                "local_start": self.local_start.replace(tzinfo=None).isoformat(),
                "timezone": self.timezone, "duration_minutes": self.duration_minutes,
                "platform": self.platform.value, "join_link": self.join_link,
                "capacity": self.capacity, "registered": self.registered,
                "waitlisted": self.waitlisted, "attended": self.attended,
                "places_left": self.places_left,
                "access_offered": sorted(a.value for a in self.access_offered),
                "sign_language": self.sign_language,
                "interpretation_languages": list(self.interpretation_languages),
                "presenters": [p.name for p in self.presenters],
                "recording_link": self.recording_link, "slides_link": self.slides_link,
                "sequence": self.sequence}


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
    version: int = 0  # the registration's saves so far (see services/versions.py)

    def to_json(self) -> dict:
        return {"id": self.id, "webinar_id": self.webinar_id, "member_id": self.member_id,
                "name": self.name, "status": self.status.value,
                "waitlist_position": self.waitlist_position,
                "needs": sorted(n.value for n in self.needs),
                "interpretation_language": self.interpretation_language,
                "attendance": self.attendance.value, "minutes_attended": self.minutes_attended,
                "registered_at": self.registered_at.isoformat()}


@dataclass(frozen=True)
class DuplicateCandidate:
    """A member a new person registering may already be (the rules of the member import)."""

    member_id: int
    name: str
    email: str
    reason: str


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
    #: See :attr:`AttendanceReport.attendance_known`.
    attendance_known: bool = True
    panelists: int = 0  # hosts and panelists in the report, not counted as attendees

    def count(self, action: ReportOutcome.Action) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    def to_json(self) -> dict:
        """What the command line's ``--json`` prints (stable keys)."""
        return {"kind": self.kind.value, "file": self.file_name, "dry_run": self.dry_run,
                "already_imported": self.already_imported,
                "attendance_known": self.attendance_known,
                **{action.value: self.count(action) for action in ReportOutcome.Action},
                "registrants": self.registrants, "attendees": self.attendees,
                "no_shows": self.no_shows, "panelists": self.panelists,
                "people": [{"action": o.action.value, "name": o.name, "email": o.email,
                            "registered": o.registered, "attended": o.attended,
                            "minutes_attended": o.minutes_attended,
                            "member_id": o.member_id, "candidate_name": o.candidate_name,
                            "score": o.score} for o in self.outcomes]}

    @property
    def registrants(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.registered)

    @property
    def attendees(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.attended)

    @property
    def no_shows(self) -> int:
        if not self.attendance_known:
            return 0
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
    #: Paper feedback forms to post with the thank-you letters (one per letter posted).
    feedback_forms: int = 0

    @property
    def sent(self) -> int:
        return len(self.attendees) + len(self.no_shows)
