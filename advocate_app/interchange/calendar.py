"""Meetings, story-sharing sessions and webinars as iCalendar (RFC 5545): one invitation, or
a feed of the upcoming ones.

The calendars are published (``METHOD:PUBLISH``): Advocate tells people when a meeting is; it
does not collect replies the way an organiser's ``METHOD:REQUEST`` would. Times are written in
the meeting's own time zone with a ``VTIMEZONE`` for each zone used, so a calendar shows a
London meeting at 18:30 London time wherever the reader is. Folding long lines and escaping
commas and semicolons is left to :mod:`icalendar`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from advocate_app.domain.board_views import MeetingView
from advocate_app.domain.story_views import StorySessionView
from advocate_app.domain.webinar_views import WebinarView
from advocate_app.i18n import _
from advocate_app.i18n.collation import sort_key
from advocate_app.i18n.formatting import format_items, format_list, language_name

PRODID = "-//Advocate//Advocate//EN"

T = TypeVar("T")


def meeting_ics(meeting: MeetingView) -> bytes:
    """One meeting as a calendar file to attach or open."""
    return _published(_event, [meeting])


def meetings_feed(meetings: Sequence[MeetingView], name: str) -> bytes:
    """Several meetings in one calendar a calendar app can subscribe to or import."""
    return _published(_event, meetings, name)


def _published(event_of: Callable[[T, datetime], Any], things: Sequence[T],
               name: str | None = None) -> bytes:
    """A calendar of one event per thing (a feed when it has a ``name``), all stamped now."""
    calendar = _calendar()
    if name is not None:
        calendar.add("X-WR-CALNAME", name)
    stamp = datetime.now(UTC)
    for thing in things:
        calendar.add_component(event_of(thing, stamp))
    return _finish(calendar)


def _event_head(uid: str, sequence: int, stamp: datetime, start: datetime, end: datetime,
                summary: str):
    """An event with what every event here has: who it is (UID and SEQUENCE, so a changed
    one replaces the one a calendar holds), when, and its title."""
    from icalendar import Event

    event = Event()
    event.add("UID", uid)
    event.add("SEQUENCE", sequence)
    event.add("DTSTAMP", stamp)
    event.add("DTSTART", start)
    event.add("DTEND", end)
    event.add("SUMMARY", summary)
    return event


def _calendar():
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    return calendar


def _finish(calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(meeting: MeetingView, stamp: datetime):
    event = _event_head(meeting.uid, meeting.sequence, stamp, meeting.local_start,
                        meeting.local_end, _("{board}: {title}").format(
                            board=meeting.board_name, title=meeting.title))
    location = location_text(meeting)
    if location:
        event.add("LOCATION", location)
    if meeting.online_link:
        event.add("URL", meeting.online_link)
    description = description_text(meeting)
    if description:
        event.add("DESCRIPTION", description)
    return event


def location_text(meeting: MeetingView) -> str:
    """The place, the online link, or both ("Community Hall, and online: https://…")."""
    place = " ".join(meeting.place.split())
    link = meeting.online_link.strip()
    if place and link:
        return _("{place}, and online: {link}").format(place=place, link=link)
    return place or link


def description_text(meeting: MeetingView) -> str:
    """The agenda, the access arrangements and how to join, as plain text."""
    parts: list[str] = []
    if meeting.agenda:
        lines = [_("Agenda:")]
        for number, item in enumerate(meeting.agenda, start=1):
            details = []
            if item.presenter:
                details.append(item.presenter)
            details.append(_("{n} min").format(n=item.minutes_allotted))
            lines.append(_("{number}. {title} ({details})").format(
                number=number, title=item.title, details=format_items(details)))
        parts.append("\n".join(lines))
    if meeting.arrangements or meeting.arrangements_notes.strip():
        labels = sorted((a.label for a in meeting.arrangements), key=sort_key)
        lines = [_("Access arrangements:")] + [f"- {label}" for label in labels]
        if meeting.arrangements_notes.strip():
            lines.append(meeting.arrangements_notes.strip())
        parts.append("\n".join(lines))
    if meeting.online_link:
        parts.append(_("Join online: {link}").format(link=meeting.online_link))
    return "\n\n".join(parts)


# -- story-sharing sessions -------------------------------------------------------------------


def story_session_ics(session: StorySessionView) -> bytes:
    """One story-sharing session as a calendar file."""
    return _published(_session_event, [session])


def story_sessions_feed(sessions: Sequence[StorySessionView], name: str) -> bytes:
    return _published(_session_event, sessions, name)


def _session_event(session: StorySessionView, stamp: datetime):
    event = _event_head(session.uid, session.sequence, stamp, session.local_start,
                        session.local_end, session.title)
    if session.cancelled:
        event.add("STATUS", "CANCELLED")
    place = " ".join(session.place.split())
    if place or session.online_link:
        event.add("LOCATION", place or session.online_link)
    if session.online_link:
        event.add("URL", session.online_link)
    parts = []
    if session.facilitator_name:
        parts.append(_("Facilitator: {name}").format(name=session.facilitator_name))
    if session.support:
        parts.append("\n".join([_("Support offered:")] + [
            f"- {label}" for label in sorted(s.label for s in session.support)]))
    if session.online_link:
        parts.append(_("Join online: {link}").format(link=session.online_link))
    if parts:
        event.add("DESCRIPTION", "\n\n".join(parts))
    return event


# -- webinars ---------------------------------------------------------------------------------


def webinar_ics(webinar: WebinarView) -> bytes:
    """One webinar as a calendar file: its time in its own zone, how to join and the
    accessibility offered; a cancelled webinar says STATUS:CANCELLED."""
    return _published(_webinar_event, [webinar])


def webinars_feed(webinars: Sequence[WebinarView], name: str) -> bytes:
    """Several webinars (the upcoming ones) in one calendar to subscribe to or import."""
    return _published(_webinar_event, webinars, name)


def _webinar_event(webinar: WebinarView, stamp: datetime):
    from advocate_app.domain.webinar_kinds import WebinarStatus

    event = _event_head(webinar.uid, webinar.sequence, stamp, webinar.local_start,
                        webinar.local_end, webinar.title)
    # Planned: not open for registration yet, so not settled either.
    event.add("STATUS", {WebinarStatus.CANCELLED: "CANCELLED",
                         WebinarStatus.PLANNED: "TENTATIVE"}.get(webinar.status, "CONFIRMED"))
    if webinar.join_link:
        event.add("LOCATION", webinar.join_link)
        event.add("URL", webinar.join_link)
    event.add("DESCRIPTION", webinar_description(webinar))
    return event


def webinar_description(webinar: WebinarView) -> str:
    """What a calendar shows of a webinar, as plain text: the description, presenters, the
    accessibility offered and how to join."""
    from advocate_app.domain.webinar_kinds import WebinarAccess, WebinarStatus

    parts: list[str] = []
    if webinar.status is WebinarStatus.CANCELLED:
        parts.append(_("This webinar is cancelled."))
    if webinar.description.strip():
        parts.append(webinar.description.strip())
    if webinar.presenters:
        parts.append("\n".join([_("Presenters:")] + [
            f"- {p.name}" + (f" ({p.organisation})" if p.organisation else "")
            for p in webinar.presenters]))
    if webinar.access_offered:
        lines = [_("Accessibility offered:")]
        for access in WebinarAccess:
            if access not in webinar.access_offered:
                continue
            label = access.label
            if access is WebinarAccess.SIGN_LANGUAGE and webinar.sign_language:
                label = _("{offer} ({language})").format(offer=label,
                                                        language=webinar.sign_language)
            elif access is WebinarAccess.INTERPRETATION and webinar.interpretation_languages:
                label = _("{offer} ({language})").format(
                    offer=label, language=format_list(
                        language_name(code) for code in webinar.interpretation_languages))
            lines.append(f"- {label}")
        parts.append("\n".join(lines))
    if webinar.join_link:
        parts.append(_("Join online ({platform}): {link}").format(
            platform=webinar.platform.label, link=webinar.join_link))
    return "\n\n".join(parts)
