"""The plain vocabulary of stories and story-sharing sessions, and the rules of consent for
each use of a story: no database here, so the documents engine, the calendar file, the window
and the command line can all speak of a story's channels and attribution
(:mod:`advocate_app.domain.stories` holds the records, and offers these names too).

Consent for a story is a ledger, one per story and channel, never updated: the newest entry for
a channel in force on a day is the story's state for it, and a grant past its expiry date counts
as expired.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from advocate_app.domain.community import _Labelled
from advocate_app.i18n import N_, _, mid_sentence
from advocate_app.i18n.formatting import format_date


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


class AttachmentKind(_Labelled):
    AUDIO = "audio"
    PHOTO = "photo"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.AUDIO: N_("Audio recording"), cls.PHOTO: N_("Photo")}


class SessionAttendance(_Labelled):
    """Whether a participant came to a story-sharing session (stored as for webinars)."""

    UNKNOWN = ""
    ATTENDED = "attended"
    NO_SHOW = "no_show"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.UNKNOWN: N_("Not known yet"), cls.ATTENDED: N_("Attended"),
                cls.NO_SHOW: N_("Did not come")}


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
    channel = mid_sentence(consent.channel.label)
    if consent.state is StoryConsentState.GRANTED:
        return None
    if consent.state is StoryConsentState.EXPIRED:
        return _("The story “{title}” may not be used in {channel}: its teller’s consent "
                 "ended on {day}.").format(title=title, channel=channel,
                                            day=format_date(consent.expires_on or day))
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
