"""Story-sharing sessions and the stories people tell, as stored, with the rules of consent
for each use of a story.

Consent for a story is a ledger, one per story and channel (leaflet, newsletter, website …),
never updated: the newest entry for a channel is the story's state for it, and a grant past
its expiry date counts as expired. Each use of a story (or of one of its approved quotes) in an
outreach item is recorded, so withdrawing consent can list every item that used it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.community import _Labelled
from advocate_app.i18n import N_, _


class StoryChannel(_Labelled):
    LEAFLET = "leaflet"
    NEWSLETTER = "newsletter"
    WEBSITE = "website"
    SOCIAL_MEDIA = "social_media"
    PRESS = "press"
    INDUSTRY_TALK = "industry_talk"
    REGULATOR = "regulator"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.LEAFLET: N_("Leaflets"), cls.NEWSLETTER: N_("Newsletter"),
                cls.WEBSITE: N_("Website"), cls.SOCIAL_MEDIA: N_("Social media"),
                cls.PRESS: N_("Press"), cls.INDUSTRY_TALK: N_("Talks to industry"),
                cls.REGULATOR: N_("Submissions to ethics committees or regulators")}


class Identification(_Labelled):
    """How a story's teller may be named where it is used."""

    ANONYMOUS = "anonymous"
    FIRST_NAME = "first_name"
    FIRST_NAME_TOWN = "first_name_town"
    FULL_NAME = "full_name"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.ANONYMOUS: N_("Anonymous"), cls.FIRST_NAME: N_("First name only"),
                cls.FIRST_NAME_TOWN: N_("First name and town"),
                cls.FULL_NAME: N_("Full name")}


class StoryTheme(_Labelled):
    DIAGNOSIS = "diagnosis"
    TRAVEL = "travel"
    WORK = "work"
    CARING = "caring"
    COST = "cost"
    RESEARCH = "research"
    TREATMENT = "treatment"
    SCHOOL = "school"
    MENTAL_HEALTH = "mental_health"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.DIAGNOSIS: N_("Diagnosis journey"), cls.TRAVEL: N_("Travel burden"),
                cls.WORK: N_("Time off work"), cls.CARING: N_("Caring"), cls.COST: N_("Cost"),
                cls.RESEARCH: N_("Taking part in research"),
                cls.TREATMENT: N_("Treatment"), cls.SCHOOL: N_("School and education"),
                cls.MENTAL_HEALTH: N_("Mental health")}


class SessionMode(_Labelled):
    IN_PERSON = "in_person"
    ONLINE = "online"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.IN_PERSON: N_("In person"), cls.ONLINE: N_("Online")}


class SessionSupport(_Labelled):
    QUIET_ROOM = "quiet_room"
    BREAKS = "breaks"
    SUPPORT_PERSON = "support_person"
    COUNSELLOR = "counsellor"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.QUIET_ROOM: N_("A quiet room"), cls.BREAKS: N_("Breaks"),
                cls.SUPPORT_PERSON: N_("A support person"),
                cls.COUNSELLOR: N_("A counsellor on hand")}


class StoryConsentState(_Labelled):
    NONE = "none"
    GRANTED = "granted"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.NONE: N_("Not asked"), cls.GRANTED: N_("Granted"),
                cls.EXPIRED: N_("Expired"), cls.WITHDRAWN: N_("Withdrawn")}


# -- records ----------------------------------------------------------------------------------


class StorySession(Base):
    __tablename__ = "story_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    starts_at: Mapped[datetime]  # UTC; shown in ``timezone``
    duration_minutes: Mapped[int] = mapped_column(default=90)
    timezone: Mapped[str] = mapped_column(String(60), default="Europe/London")
    mode: Mapped[str] = mapped_column(String(20), default="in_person")
    place: Mapped[str] = mapped_column(Text, default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    #: Support offered: comma-separated keys of :class:`SessionSupport`.
    support: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    uid: Mapped[str] = mapped_column(String(100), unique=True)  # iCalendar UID
    sequence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    __table_args__ = (Index("ix_story_sessions_starts_at", "starts_at"),)


class StorySessionParticipant(Base):
    __tablename__ = "story_session_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("story_sessions.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                           index=True)
    #: "", attended, no_show (as for webinars)
    attendance: Mapped[str] = mapped_column(String(20), default="")
    support_notes: Mapped[str] = mapped_column(Text, default="")


class Story(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None: the teller chose to stay anonymous even to the group's records.
    teller_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None, index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("story_sessions.id", ondelete="SET NULL"), default=None)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    #: Comma-separated keys of :class:`StoryTheme`.
    themes: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str] = mapped_column(String(20), default="en")
    #: The teller is a child: every grant needs a guardian's co-signature.
    teller_is_child: Mapped[bool] = mapped_column(default=False)
    told_on: Mapped[date | None] = mapped_column(Date, default=None)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)


class StoryQuote(Base):
    """An excerpt the teller agreed to, word for word."""

    __tablename__ = "story_quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"),
                                          index=True)
    text: Mapped[str] = mapped_column(Text)
    approved_on: Mapped[date | None] = mapped_column(Date, default=None)
    position: Mapped[int] = mapped_column(default=0)


class StoryAttachment(Base):
    """An audio recording or photo, copied into the data folder (``stored_name`` is relative
    to the attachments folder and made by the app, never taken from the file)."""

    __tablename__ = "story_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"),
                                          index=True)
    kind: Mapped[str] = mapped_column(String(20))  # audio, photo
    original_name: Mapped[str] = mapped_column(String(300))
    stored_name: Mapped[str] = mapped_column(String(300), unique=True)
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    description: Mapped[str] = mapped_column(Text, default="")  # alt text for a photo
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class StoryConsent(Base):
    """One entry of a story's consent ledger for one channel (append only)."""

    __tablename__ = "story_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))  # granted, withdrawn
    identification: Mapped[str] = mapped_column(String(20), default="anonymous")
    effective_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    method: Mapped[str] = mapped_column(String(20), default="paper")
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)

    __table_args__ = (
        Index("ix_story_consents_story_channel", "story_id", "channel", "effective_on", "id"),
    )


class StoryUse(Base):
    """A story (or one approved quote of it) used by an outreach item in one rendering."""

    __tablename__ = "story_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"),
                                          index=True)
    quote_id: Mapped[int | None] = mapped_column(
        ForeignKey("story_quotes.id", ondelete="SET NULL"), default=None)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("outreach_items.id", ondelete="SET NULL"), default=None, index=True)
    item_title: Mapped[str] = mapped_column(String(300), default="")
    rendering_id: Mapped[int | None] = mapped_column(
        ForeignKey("outreach_renderings.id", ondelete="SET NULL"), default=None)
    channel: Mapped[str] = mapped_column(String(30))
    identification: Mapped[str] = mapped_column(String(20))
    used_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Set when the story's consent for this channel was withdrawn: do not reprint.
    do_not_reprint_at: Mapped[datetime | None] = mapped_column(default=None)


# -- rules ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentEntry:
    """A ledger entry as the rules read it (a record, or a view of one)."""

    channel: str
    status: str
    identification: str
    effective_on: date
    expires_on: date | None
    order: int = 0  # the record's id: later entries on the same day win


@dataclass(frozen=True)
class ChannelConsent:
    """A story's consent for one channel on one day."""

    channel: StoryChannel
    state: StoryConsentState
    identification: Identification = Identification.ANONYMOUS
    expires_on: date | None = None

    @property
    def usable(self) -> bool:
        return self.state is StoryConsentState.GRANTED


def consent_on(entries: Iterable[ConsentEntry], channel: StoryChannel, day: date
               ) -> ChannelConsent:
    """The story's consent for ``channel`` on ``day``: the newest entry in force that day."""
    newest: ConsentEntry | None = None
    for entry in entries:
        if entry.channel != channel.value or entry.effective_on > day:
            continue
        if newest is None or (entry.effective_on, entry.order) > (newest.effective_on,
                                                                   newest.order):
            newest = entry
    if newest is None:
        return ChannelConsent(channel, StoryConsentState.NONE)
    identification = Identification(newest.identification)
    if newest.status == "withdrawn":
        return ChannelConsent(channel, StoryConsentState.WITHDRAWN, identification)
    if newest.expires_on is not None and newest.expires_on < day:
        return ChannelConsent(channel, StoryConsentState.EXPIRED, identification,
                              newest.expires_on)
    return ChannelConsent(channel, StoryConsentState.GRANTED, identification,
                          newest.expires_on)


def use_refusal(title: str, consent: ChannelConsent, day: date) -> str | None:
    """Why the story called ``title`` may not be used in ``consent.channel`` on ``day``, in
    one sentence; None when it may."""
    channel = consent.channel.label.lower()
    if consent.state is StoryConsentState.GRANTED:
        return None
    if consent.state is StoryConsentState.EXPIRED:
        return _("The story “{title}” may not be used in {channel}: its teller’s consent "
                 "ended on {day}.").format(title=title, channel=channel,
                                            day=consent.expires_on.isoformat()
                                            if consent.expires_on else day.isoformat())
    if consent.state is StoryConsentState.WITHDRAWN:
        return _("The story “{title}” may not be used in {channel}: its teller withdrew "
                 "consent.").format(title=title, channel=channel)
    return _("The story “{title}” may not be used in {channel}: its teller has not "
             "consented to that use.").format(title=title, channel=channel)


def grant_refusal(teller_is_child: bool, guardian_name: str) -> str | None:
    """A child's story needs a guardian's co-signature on every grant."""
    if teller_is_child and not guardian_name.strip():
        return _("The teller is a child: a parent or guardian must co-sign this consent. "
                 "Type the name of the person who co-signed.")
    return None


def attribution(level: Identification, *, first_name: str = "", last_name: str = "",
                town: str = "") -> str:
    """The words naming a story's teller at the consented level (never more than that)."""
    first_name, last_name, town = first_name.strip(), last_name.strip(), town.strip()
    if level is Identification.ANONYMOUS or not first_name:
        return _("Shared anonymously")
    if level is Identification.FIRST_NAME:
        return first_name
    if level is Identification.FIRST_NAME_TOWN:
        return _("{first_name}, {town}").format(first_name=first_name, town=town) \
            if town else first_name
    return f"{first_name} {last_name}".strip()
