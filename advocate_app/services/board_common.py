"""What the boards' services share: finding a meeting, board or agenda item to change (and
refusing a meeting whose minutes are approved), the words a member's timeline says of a meeting,
and small helpers for the reader's SQL. One copy each, used by boards, meetings, minutes,
actions and roles alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advocate_app.domain.board_views import zone
from advocate_app.domain.governance import (
    AttendanceMode,
    AttendanceStatus,
    MinutesStatus,
    locked_minutes_refusal,
)
from advocate_app.i18n import _
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import as_utc

if TYPE_CHECKING:
    from advocate_app.domain.boards import AgendaItem, Board, Meeting
    from advocate_app.storage.unit_of_work import UnitOfWork


def meeting_row(uow: UnitOfWork, meeting_id: int) -> Meeting:
    """The meeting's record in this unit of work; NotFoundError when there is none."""
    from advocate_app.domain.boards import Meeting

    meeting = uow.session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(_("There is no meeting {id}.").format(id=meeting_id))
    return meeting


def editable_meeting(uow: UnitOfWork, meeting_id: int) -> Meeting:
    """The meeting, to change: every call that changes a meeting, its agenda, attendance,
    notes, or the decisions, action items and promises recorded at it comes through here,
    and is refused once its minutes are approved (see ``MinutesStatus.locked``). Following
    up later (an action item done, a promise kept) is not a change to the minutes."""
    meeting = meeting_row(uow, meeting_id)
    refused = locked_minutes_refusal(MinutesStatus(meeting.minutes_status))
    if refused:
        raise ValidationError({"minutes": refused})
    return meeting


def board_row(uow: UnitOfWork, board_id: int) -> Board:
    from advocate_app.domain.boards import Board

    board = uow.session.get(Board, board_id)
    if board is None:
        raise NotFoundError(_("There is no board {id}.").format(id=board_id))
    return board


def agenda_item_row(uow: UnitOfWork, item_id: int) -> AgendaItem:
    from advocate_app.domain.boards import AgendaItem

    item = uow.session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError(_("There is no agenda item {id}.").format(id=item_id))
    return item


def valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def link_refusal(link: str, *, secure: bool = False, limit: int = 500) -> str:
    """What is wrong with a link people open to join (or watch) online; "" when nothing: a
    whole web address, https (http too unless ``secure``), naming its website, without
    spaces, at most ``limit`` characters. An empty link is not checked here."""
    from urllib.parse import urlsplit

    text = link.strip()
    if not text:
        return ""
    if len(text) > limit:
        return _("This is too long: at most {limit} characters.").format(limit=limit)
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    schemes = ("https",) if secure else ("https", "http")
    if parts is None or parts.scheme.lower() not in schemes or any(c.isspace() for c in text):
        return _("The online link should start with https://.")
    if "." not in host.strip("."):
        return _("The online link should name the website, as in https://zoom.us/j/123.")
    return ""


def utc_moment(value: object) -> datetime:
    """A timestamp column that is never empty, as an aware UTC datetime (see ``as_utc``)."""
    moment = as_utc(value)
    if moment is None:
        raise ValueError("a timestamp that is never empty was empty")
    return moment


def local_day(meeting: Meeting) -> date:
    return utc_moment(meeting.starts_at).astimezone(zone(meeting.timezone)).date()


def meeting_text(meeting: Meeting, board_name: str) -> dict[str, str]:
    from advocate_app.i18n.formatting import format_date

    return {"title": meeting.title, "board": board_name,
            "date": format_date(local_day(meeting), "long")}


def invitation_text(meeting: Meeting, board_name: str) -> str:
    return _("Invited to “{title}” ({board}) on {date}.").format(
        **meeting_text(meeting, board_name))


def attendance_texts(meeting: Meeting, board_name: str) -> dict[tuple[str, str], str]:
    """What a member's timeline says of their attendance, by (status, mode)."""
    names = meeting_text(meeting, board_name)
    present = _("Present at “{title}” ({board}) on {date}.").format(**names)
    return {
        (AttendanceStatus.PRESENT.value, AttendanceMode.IN_PERSON.value): present,
        (AttendanceStatus.PRESENT.value, AttendanceMode.REMOTE.value): _(
            "Present online at “{title}” ({board}) on {date}.").format(**names),
        **{(status.value, mode.value): text for mode in AttendanceMode for status, text in (
            (AttendanceStatus.APOLOGIES, _("Sent apologies for “{title}” ({board}) on {date}."
                                           ).format(**names)),
            (AttendanceStatus.ABSENT, _("Absent from “{title}” ({board}) on {date}.").format(
                **names)))}}


def sql_where(*filters: tuple[str, str, object]) -> tuple[str, dict]:
    """A WHERE clause from the filters that are set: each is (condition, the name of its
    parameter, value); a None value leaves its condition out."""
    chosen = [(condition, name, value) for condition, name, value in filters
              if value is not None]
    where = " WHERE " + " AND ".join(c for c, _n, _v in chosen) if chosen else ""
    return where, {name: value for _c, name, value in chosen}


def whole_title(text: str, limit: int) -> str:
    """A title as written: only one longer than the database keeps (a whole paragraph) ends at
    the last word that fits, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + "…"


def as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def db_time(moment: datetime) -> str | datetime:
    """A UTC moment as the reader compares it (SQLite stores naive UTC text)."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
