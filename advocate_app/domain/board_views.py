"""What the boards' services take and give back: plain, frozen data (no database sessions).

Shared vocabulary below services, documents and interchange: the window, the command line, the
minutes documents and the calendar file all speak of boards and meetings in these terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advocate_app.domain.governance import (
    AccessArrangement,
    ActionStatus,
    AttendanceMode,
    AttendanceStatus,
    BoardKind,
    BoardRole,
    MinutesStatus,
    PromiseStatus,
    RaciValue,
    quorum_needed,
)


def zone(name: str) -> ZoneInfo:
    """The time zone called ``name``; UTC for a name this computer does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


# -- what callers pass in and get back ------------------------------------------------------------


@dataclass(frozen=True)
class BoardInput:
    name: str
    kind: BoardKind = BoardKind.ADVISORY_BOARD
    terms_of_reference: str = ""
    quorum_count: int = 0
    quorum_percent: int = 50
    timezone: str = "Europe/London"


@dataclass(frozen=True)
class BoardMemberView:
    member_id: int
    name: str
    role: BoardRole
    term_start: date | None
    term_end: date | None
    #: The seat's version (see services/versions.py): what a change to it starts from.
    version: int = 1

    def current(self, today: date) -> bool:
        return (self.term_start is None or self.term_start <= today) and (
            self.term_end is None or today <= self.term_end)


@dataclass(frozen=True)
class BoardView:
    id: int
    name: str
    kind: BoardKind
    terms_of_reference: str
    quorum_count: int
    quorum_percent: int
    timezone: str
    members: tuple[BoardMemberView, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class AgendaInput:
    title: str
    presenter: str = ""
    minutes_allotted: int = 10
    papers: str = ""


@dataclass(frozen=True)
class MeetingInput:
    board_id: int
    title: str
    starts_local: datetime   # naive, in ``timezone``
    duration_minutes: int = 120
    timezone: str = "Europe/London"
    place: str = ""
    online_link: str = ""
    arrangements: frozenset[AccessArrangement] = frozenset()
    arrangements_notes: str = ""


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    position: int
    title: str
    presenter: str
    minutes_allotted: int
    papers: str
    action_id: int | None
    notes: str
    seconds_spent: int
    started_at: datetime | None
    version: int = 0  # moves with every save of the item, its minutes notes included


@dataclass(frozen=True)
class ItemNotes:
    """The minutes notes of one agenda item as stored, and the item's version."""

    item_id: int
    notes: str
    version: int


@dataclass(frozen=True)
class AttendeeView:
    member_id: int
    name: str
    role: BoardRole
    status: AttendanceStatus
    mode: AttendanceMode


@dataclass(frozen=True)
class DecisionView:
    id: int
    meeting_id: int
    agenda_item_id: int | None
    text: str
    decided_by: str
    dissent: str
    created_at: datetime | None
    meeting_title: str = ""
    board_name: str = ""
    meeting_start: datetime | None = None


@dataclass(frozen=True)
class ActionView:
    id: int
    meeting_id: int | None
    board_id: int | None
    agenda_item_id: int | None
    text: str
    owner_member_id: int | None
    owner_name: str
    owner_role: str
    due_on: date | None
    status: ActionStatus
    board_name: str = ""
    meeting_title: str = ""
    version: int = 0

    @property
    def owner(self) -> str:
        return self.owner_name or self.owner_role

    def overdue(self, today: date) -> bool:
        return self.status is ActionStatus.OPEN and self.due_on is not None \
            and self.due_on < today


@dataclass(frozen=True)
class PromiseView:
    id: int
    source: str
    meeting_id: int | None
    board_id: int | None
    you_said: str
    text: str
    owner_member_id: int | None
    owner_name: str
    owner_role: str
    audience: str
    due_on: date | None
    status: PromiseStatus
    evidence: str
    kept_on: date | None
    version: int = 0

    @property
    def owner(self) -> str:
        return self.owner_name or self.owner_role

    def overdue(self, today: date) -> bool:
        return self.status is PromiseStatus.OPEN and self.due_on is not None \
            and self.due_on < today


@dataclass(frozen=True)
class Quorum:
    present: int       # voting members present (in person or remote)
    needed: int
    voting: int

    @classmethod
    def of(cls, attendees: Sequence[AttendeeView], count: int, percent: int) -> Quorum:
        """The quorum of a meeting: its voting members (observers do not vote) present in
        person or remote, against what the board's rule needs (see ``quorum_needed``)."""
        voting = [a for a in attendees if a.role.votes]
        present = sum(1 for a in voting if a.status is AttendanceStatus.PRESENT)
        return cls(present, quorum_needed(len(voting), count, percent), len(voting))

    @property
    def met(self) -> bool:
        return self.present >= self.needed


@dataclass(frozen=True)
class MeetingView:
    id: int
    board_id: int
    board_name: str
    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place: str
    online_link: str
    arrangements: frozenset[AccessArrangement]
    arrangements_notes: str
    uid: str
    sequence: int
    minutes_status: MinutesStatus
    live_started_at: datetime | None
    closed_at: datetime | None
    current_item_id: int | None
    circulated_at: datetime | None
    approved_at: datetime | None
    approved_by_name: str
    approved_at_meeting_id: int | None
    approval_note: str
    agenda: tuple[AgendaItemView, ...] = ()
    attendees: tuple[AttendeeView, ...] = ()
    decisions: tuple[DecisionView, ...] = ()
    actions: tuple[ActionView, ...] = ()
    promises: tuple[PromiseView, ...] = ()
    version: int = 0  # the meeting's saves so far (see services/versions.py)

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(zone(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(zone(self.timezone))

    @property
    def read_only(self) -> bool:
        return self.minutes_status.locked


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    board_id: int
    board_name: str
    title: str
    starts_at: datetime
    timezone: str
    minutes_status: MinutesStatus
    closed: bool

    def to_json(self) -> dict:
        return {"id": self.id, "board": self.board_name, "board_id": self.board_id,
                "title": self.title, "start": self.starts_at.isoformat(),
                "timezone": self.timezone, "minutes_status": self.minutes_status.value}


@dataclass(frozen=True)
class RaciMatrix:
    board_id: int
    activities: tuple[tuple[int, str], ...]
    parties: tuple[tuple[int, str], ...]
    cells: dict[tuple[int, int], RaciValue] = field(default_factory=dict)
    #: Each activity's version (its row of cells counts its saves), by activity id.
    versions: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RaciRow:
    """An activity's row of the roles matrix as stored: its cells by party id, its version."""

    activity_id: int
    cells: dict[int, RaciValue]
    version: int
