"""What the dashboard shows of webinars and story-sharing: the next webinars and sessions,
people from attendance reports waiting for review, and held webinars whose follow-up has not
been sent to everyone yet.

All of it is read as plain rows, like the rest of the dashboard: the first screen shows before
the database layer is loaded (the webinars' own services load it, so they are not asked here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from advocate_app.domain.webinar_kinds import WebinarStatus
from advocate_app.services.board_common import db_time
from advocate_app.services.errors import AccessDeniedError
from advocate_app.storage.reader import Reader, as_utc

if TYPE_CHECKING:
    from advocate_app.domain.story_views import StorySessionView
    from advocate_app.services.story_sessions import StorySessionService
    from advocate_app.services.webinar_followup import FollowUpDue, WebinarFollowUpService

#: How many of the next webinars and sessions the dashboard names.
SHOWN = 3
#: A webinar lasts a day at most (the webinars' service refuses longer ones).
_LONGEST = timedelta(days=1)


@dataclass(frozen=True)
class NextWebinar:
    id: int
    title: str
    starts_at: datetime  # UTC
    timezone: str


@dataclass(frozen=True)
class EventsAgenda:
    webinars: tuple[NextWebinar, ...] = ()  # soonest first
    sessions: tuple[StorySessionView, ...] = ()  # soonest first
    to_review: int = 0  # people in imported reports whose match is to be decided
    followups_due: tuple[FollowUpDue, ...] = ()  # the latest webinar first


_T = TypeVar("_T")


def _if_allowed(read: Callable[[], tuple[_T, ...]]) -> tuple[_T, ...]:
    """What ``read`` returns, or nothing when the account's role may not see it."""
    try:
        return read()
    except AccessDeniedError:
        return ()


class DashboardService:
    """Open to every account: titles, dates and counts (no member named); the sessions and
    follow-ups come from services that check the role, and are left empty for an account
    that may not see them."""

    def __init__(self, reader: Reader, sessions: Callable[[], StorySessionService],
                 followup: Callable[[], WebinarFollowUpService]):
        self._reader = reader
        self._sessions = sessions
        self._followup = followup

    def events(self, now: datetime | None = None) -> EventsAgenda:
        moment = now or datetime.now(UTC)
        return EventsAgenda(
            webinars=self.next_webinars(moment),
            sessions=_if_allowed(lambda: tuple(self._sessions().upcoming(limit=SHOWN,
                                                                         now=moment))),
            to_review=self.review_count(),
            followups_due=_if_allowed(lambda: tuple(self._followup().due(today=moment.date()))))

    def next_webinars(self, now: datetime) -> tuple[NextWebinar, ...]:
        """The next webinars neither cancelled, held nor over yet, soonest first (as the
        webinars' own list of upcoming ones)."""
        since = now - _LONGEST
        rows = self._reader.rows(
            "SELECT id, title, starts_at, timezone, duration_minutes FROM webinars "
            "WHERE status NOT IN (:cancelled, :held) AND starts_at >= :since "
            "ORDER BY starts_at, id",
            {"cancelled": WebinarStatus.CANCELLED.value, "held": WebinarStatus.HELD.value,
             "since": since if self._reader.dialect == "postgresql" else db_time(since)})
        found = []
        for webinar_id, title, starts_at, timezone, minutes in rows:
            start = as_utc(starts_at)
            if start is None or start + timedelta(minutes=minutes or 0) < now:
                continue
            found.append(NextWebinar(webinar_id, title, start, timezone or "UTC"))
        return tuple(found[:SHOWN])

    def review_count(self) -> int:
        """People of imported reports waiting for review (as the reports' service counts)."""
        return int(self._reader.rows(
            "SELECT COUNT(*) FROM webinar_review_items WHERE resolved_at IS NULL")[0][0])
