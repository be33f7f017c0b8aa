"""The rules of a webinar's places and waitlist, of the needs to book for, and of recognising a
join link's platform: plain functions (no database), used by the webinars' services, the
command line and the window, and tested without a database."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from advocate_app.domain.webinar_kinds import (
    Platform,
    RegistrationStatus,
    WebinarAccess,
    WebinarStatus,
)
from advocate_app.domain.webinar_views import NeedsTotal
from advocate_app.i18n import _
from advocate_app.i18n.formatting import format_items

#: Registrations that hold a place (and whose needs are counted).
ACTIVE = frozenset({RegistrationStatus.REGISTERED, RegistrationStatus.WALK_IN})


def new_place(capacity: int, taken: int) -> RegistrationStatus:
    """Where a new (or re-activated) registration goes: a place while one is left (or there is
    no limit, capacity 0), else the end of the waitlist."""
    if capacity <= 0 or taken < capacity:
        return RegistrationStatus.REGISTERED
    return RegistrationStatus.WAITLISTED


def places_to_fill(capacity: int, taken: int, waiting: int) -> int:
    """How many of the waitlist (first in order first) move up now: as many as there are
    places free, or all of them when there is no limit."""
    if waiting <= 0:
        return 0
    if capacity <= 0:
        return waiting
    return max(0, min(waiting, capacity - taken))


def status_for_places(status: WebinarStatus, capacity: int, taken: int) -> WebinarStatus:
    """``open`` and ``full`` follow the places: open becomes full when the registrations reach
    the capacity, full becomes open again when a place frees (or the limit is raised or
    lifted). Planned, held and cancelled are set by hand and stay as they are."""
    if status not in (WebinarStatus.OPEN, WebinarStatus.FULL):
        return status
    if capacity > 0 and taken >= capacity:
        return WebinarStatus.FULL
    return WebinarStatus.OPEN


#: The member's own recorded access needs (``community.AccessNeed`` values) that a webinar's
#: access answers, counted for a registration that did not say what it needs.
MEMBER_NEEDS = {"captions": WebinarAccess.CAPTIONS,
                "sign_language": WebinarAccess.SIGN_LANGUAGE,
                "large_print": WebinarAccess.LARGE_PRINT,
                "easy_read": WebinarAccess.EASY_READ}


@dataclass(frozen=True)
class NeedsAsked:
    """One active registration's answers, and what its member's record says."""

    needs: frozenset[WebinarAccess]
    interpretation_language: str = ""
    member_needs: frozenset[str] = frozenset()  # AccessNeed values on the member's record
    member_print_format: str = ""
    member_language: str = ""


def effective_needs(asked: NeedsAsked) -> frozenset[WebinarAccess]:
    """What to book for one person. What the registration asked for counts; a registration
    that asked for nothing counts what the member's record says they need (captions, a sign
    language interpreter, large print or Easy Read, the last two from the print format too)."""
    if asked.needs:
        return asked.needs
    recorded = set(asked.member_needs)
    if asked.member_print_format in ("large_print", "easy_read"):
        recorded.add(asked.member_print_format)
    return frozenset(MEMBER_NEEDS[need] for need in recorded if need in MEMBER_NEEDS)


def count_needs(registrations: Iterable[NeedsAsked],
                language_name: Callable[[str], str] = str) -> list[NeedsTotal]:
    """"3 need captions": per kind of access (in the order of :class:`WebinarAccess`), how many
    active registrations need it (see :func:`effective_needs`); interpretation is detailed by
    language ("French 2, Arabic 1", most asked first), a registration that did not name the
    language counting the member's preferred language."""
    counts: dict[WebinarAccess, int] = {}
    languages: dict[str, int] = {}
    for asked in registrations:
        needs = effective_needs(asked)
        for need in needs:
            counts[need] = counts.get(need, 0) + 1
        if WebinarAccess.INTERPRETATION in needs:
            code = asked.interpretation_language or asked.member_language
            if code:
                languages[code] = languages.get(code, 0) + 1
    totals = []
    for need in WebinarAccess:
        if not counts.get(need):
            continue
        detail = ""
        if need is WebinarAccess.INTERPRETATION and languages:
            ordered = sorted(languages.items(), key=lambda item: (-item[1], item[0]))
            detail = format_items(f"{language_name(code)} {n}" for code, n in ordered)
        totals.append(NeedsTotal(need, counts[need], detail))
    return totals


#: The websites of the platforms a join link can be recognised by (their subdomains too).
PLATFORM_HOSTS = {Platform.ZOOM: ("zoom.us", "zoomgov.com"),
                  Platform.TEAMS: ("teams.microsoft.com", "teams.live.com"),
                  Platform.MEET: ("meet.google.com",),
                  Platform.WEBEX: ("webex.com",)}


def link_platform(link: str) -> Platform | None:
    """The platform a join link goes to, when its website is one of ``PLATFORM_HOSTS``."""
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(link.strip()).hostname or "").rstrip(".")
    except ValueError:
        return None
    for platform, hosts in PLATFORM_HOSTS.items():
        if any(host == known or host.endswith("." + known) for known in hosts):
            return platform
    return None


def platform_warning(platform: Platform, link: str) -> str:
    """A warning (not a refusal) when the join link goes to another platform than the one
    chosen: "This link goes to Microsoft Teams, not Zoom." "" when they agree or it cannot
    be told."""
    found = link_platform(link)
    if found is None or found is platform or platform is Platform.OTHER:
        return ""
    return _("This link goes to {found}, not {chosen}.").format(found=found.label,
                                                                chosen=platform.label)
