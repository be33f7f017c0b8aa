"""What the stories' and story-sharing sessions' services take and give back: plain, frozen
data (no database sessions), shared by the services, the window, the command line, the
calendar file and the documents engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from advocate_app.domain.board_views import zone
from advocate_app.domain.community import ConsentMethod
from advocate_app.domain.story_rules import (
    AttachmentKind,
    ChannelConsent,
    Identification,
    SessionAttendance,
    SessionMode,
    SessionSupport,
    StoryChannel,
    StoryConsentState,
    StoryTheme,
)

# -- stories ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryInput:
    title: str
    text: str = ""
    teller_id: int | None = None  # None: anonymous, even to the group's records
    themes: frozenset[StoryTheme] = frozenset()
    language: str = "en"
    teller_is_child: bool = False
    told_on: date | None = None
    session_id: int | None = None


@dataclass(frozen=True)
class QuoteView:
    """An approved quote: an excerpt of the story, word for word."""

    id: int
    story_id: int
    text: str
    approved_on: date | None
    position: int


@dataclass(frozen=True)
class AttachmentView:
    """An audio recording or photo kept in the data folder (open it through the stories
    service's ``attachment_path``)."""

    id: int
    story_id: int
    kind: AttachmentKind
    original_name: str
    size: int
    sha256: str
    description: str  # alt text for a photo
    added_at: datetime


@dataclass(frozen=True)
class StoryView:
    id: int
    teller_id: int | None
    teller_name: str  # "" for an anonymous teller
    title: str
    text: str
    themes: frozenset[StoryTheme]
    language: str
    teller_is_child: bool
    told_on: date | None
    session_id: int | None
    #: The consent for every channel on the day asked for (today by default), in the order of
    #: :class:`StoryChannel`.
    consents: tuple[ChannelConsent, ...] = ()
    quotes: tuple[QuoteView, ...] = ()
    attachments: tuple[AttachmentView, ...] = ()
    use_count: int = 0
    archived: bool = False
    version: int = 0  # the story's saves so far (see services/versions.py)

    @property
    def anonymous(self) -> bool:
        return self.teller_id is None

    def consent(self, channel: StoryChannel) -> ChannelConsent:
        for each in self.consents:
            if each.channel is channel:
                return each
        return ChannelConsent(channel, StoryConsentState.NONE)

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title,
                "teller": self.teller_name or "anonymous", "teller_id": self.teller_id,
                "language": self.language, "teller_is_child": self.teller_is_child,
                "told_on": self.told_on.isoformat() if self.told_on else None,
                "themes": sorted(theme.value for theme in self.themes),
                "consent": {c.channel.value: {
                    "state": c.state.value, "identification": c.identification.value
                    if c.state is StoryConsentState.GRANTED else None,
                    "expires_on": c.expires_on.isoformat() if c.expires_on else None}
                    for c in self.consents},
                "quotes": len(self.quotes), "attachments": len(self.attachments),
                "uses": self.use_count, "archived": self.archived}


# -- consent for each use ---------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentGrantInput:
    identification: Identification = Identification.ANONYMOUS
    effective_on: date | None = None  # None: today
    expires_on: date | None = None  # None: until withdrawn
    guardian_name: str = ""  # required when the teller is a child
    method: ConsentMethod = ConsentMethod.PAPER
    evidence: str = ""  # where the signed form is, who heard it …


@dataclass(frozen=True)
class StoryConsentView:
    """One entry of a story's consent ledger (entries are never changed)."""

    id: int
    story_id: int
    channel: StoryChannel
    status: StoryConsentState  # GRANTED or WITHDRAWN as recorded (expiry is read by day)
    identification: Identification
    effective_on: date
    expires_on: date | None
    method: str
    guardian_name: str
    evidence: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class StoryUseView:
    """One use of a story (or of one of its quotes) by an outreach item in one rendering."""

    id: int
    story_id: int
    quote_id: int | None
    item_id: int | None
    item_title: str
    rendering_id: int | None
    channel: StoryChannel
    identification: Identification
    used_at: datetime
    do_not_reprint: bool
    do_not_reprint_at: datetime | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "story_id": self.story_id, "quote_id": self.quote_id,
                "item_id": self.item_id, "item_title": self.item_title,
                "rendering_id": self.rendering_id, "channel": self.channel.value,
                "identification": self.identification.value,
                "used_at": self.used_at.isoformat(), "do_not_reprint": self.do_not_reprint,
                "do_not_reprint_at": self.do_not_reprint_at.isoformat()
                if self.do_not_reprint_at else None}


@dataclass(frozen=True)
class AffectedItem:
    """An outreach item that used a story whose consent was withdrawn."""

    item_id: int | None  # None: the item was deleted since; its title is kept
    item_title: str
    channels: frozenset[StoryChannel]
    renderings: int


@dataclass(frozen=True)
class WithdrawalResult:
    story_id: int
    channels: frozenset[StoryChannel]  # the channels withdrawn
    #: Every use of the story in those channels, from the use log, now marked do not reprint.
    uses: tuple[StoryUseView, ...]
    items: tuple[AffectedItem, ...]
    #: One honest sentence: copies already printed or sent cannot be recalled.
    note: str

    @property
    def uses_marked(self) -> int:
        return len(self.uses)


# -- story-sharing sessions -------------------------------------------------------------------


@dataclass(frozen=True)
class StorySessionInput:
    title: str
    starts_local: datetime  # naive, in ``timezone``
    duration_minutes: int = 90
    timezone: str = "Europe/London"
    mode: SessionMode = SessionMode.IN_PERSON
    place: str = ""  # needed in person
    online_link: str = ""  # needed online
    support: frozenset[SessionSupport] = frozenset()
    notes: str = ""
    facilitator_id: int | None = None


@dataclass(frozen=True)
class ParticipantView:
    id: int
    session_id: int
    member_id: int
    name: str
    attendance: SessionAttendance
    support_notes: str


@dataclass(frozen=True)
class StorySessionView:
    id: int
    title: str
    facilitator_id: int | None
    facilitator_name: str
    starts_at: datetime  # UTC
    duration_minutes: int
    timezone: str
    mode: SessionMode
    place: str
    online_link: str
    support: frozenset[SessionSupport]
    notes: str
    cancelled_at: datetime | None
    uid: str
    sequence: int
    participants: tuple[ParticipantView, ...] = ()  # filled by get(); lists leave it empty
    participant_count: int = 0
    story_count: int = 0
    version: int = 0  # the session's saves so far (see services/versions.py)

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(zone(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.local_start + timedelta(minutes=self.duration_minutes)

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "start": self.starts_at.isoformat(),
                "local_start": self.local_start.isoformat(), "timezone": self.timezone,
                "duration_minutes": self.duration_minutes, "mode": self.mode.value,
                "place": self.place, "online_link": self.online_link,
                "support": sorted(s.value for s in self.support),
                "facilitator": self.facilitator_name or None,
                "participants": self.participant_count, "stories": self.story_count,
                "cancelled": self.cancelled}
