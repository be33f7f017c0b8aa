"""Attendance and registration reports from the platforms, read into one plain report.

Recognised by their content, never their file name:

- **Zoom webinar attendee report**: a preamble ("Attendee Report", "Report Generated:", a
  "Topic,Webinar ID,…" row and its values), then sections, each a title row and a table:
  "Host Details", "Panelist Details", "Attendee Details" (Attended Yes/No, User Name (Original
  Name), First Name, Last Name, Email, Registration Time, Approval Status, Join Time, Leave
  Time, Time in Session (minutes), Is Guest, Country/Region Name, and any registration
  questions). A person who left and re-joined has several rows: their minutes are summed and
  their first join kept. Hosts and panelists are counted, never taken as attendees.
  Registrants who did not come are the rows marked Attended "No".
- **Zoom webinar registration report**: a preamble, then the registrants (First Name, Last
  Name, Email, Registration Time, Approval Status, and the form's questions). It cannot say who
  came.
- **Eventbrite attendee export** (CSV or XLSX): Order #, Order Date, First Name, Last Name,
  Email, Quantity, Ticket Type, Attendee #, Attendee Status (Attending, Checked In, Not
  Attending …) and the purchaser's ("Buyer …") columns. Who came is known only when someone
  was checked in.

A registration question about access (captions, sign language …) is read into ``needs_text``.
Times are written in the report's time zone (``report_timezone``) and returned in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from advocate_app.domain.webinar_views import AttendanceReport, ReportKind, ReportPerson
from advocate_app.i18n import _
from advocate_app.interchange.attendance_rows import (
    ReadCancelled,
    Rows,
    day_first,
    is_blank_time,
    parse_time,
    read_rows,
    zone_named,
)
from advocate_app.interchange.errors import UnreadableFileError

__all__ = ["ReadCancelled", "read_report"]

_SECTIONS = {"host details": "host", "panelist details": "panelist",
             "attendee details": "attendee", "other attended": "other",
             "registrant details": "registrant"}
_YES = {"yes", "y", "true", "1", "oui"}
#: Registration questions about access needs, by words in their header.
_NEEDS_HEADER = re.compile(
    r"access|accessib|adjust|caption|subtit|sign.?language|interpret|requirement|"
    r"special need|support need|disabilit|\bneeds?\b", re.IGNORECASE)
#: Eventbrite attendee states meaning the ticket no longer stands.
_EVENTBRITE_GONE = ("not attending", "refunded", "cancelled", "canceled", "deleted",
                    "transferred", "declined")


def read_report(path: Path, *, should_cancel: Callable[[], bool] | None = None,
                report_timezone: str = "UTC") -> AttendanceReport:
    """The people of the report at ``path``; raises ``UnreadableFileError`` (one translated
    sentence) for a damaged or unknown file, and :class:`ReadCancelled` when ``should_cancel``
    says so."""
    zone = zone_named(report_timezone)
    rows = read_rows(Path(path), should_cancel)
    table = _Finder(rows)
    if table.section_header("attendee") is not None:
        return _zoom_attendees(rows, table, zone)
    for index, row in enumerate(rows.rows):
        keys = _keys(row)
        if "order #" in keys or "order no." in keys or ("attendee status" in keys
                                                        and "ticket type" in keys):
            return _eventbrite(rows, index, zone)
        if {"first name", "email", "registration time"} <= set(keys) and "join time" not in keys:
            return _zoom_registrants(rows, table, index, zone)
    raise UnreadableFileError(_(
        "This file is not a Zoom attendee or registration report or an Eventbrite attendee "
        "export; nothing was imported."))


def _keys(row: list[str]) -> list[str]:
    """Headers compared as lower-case words: "Time in Session(minutes)" is "time in session
    (minutes)", "E-mail Address" is "email address"."""
    return [" ".join(cell.lower().replace("(", " (").replace("e-mail", "email").split())
            for cell in row]


class _Finder:
    """Where the sections of a Zoom report start."""

    def __init__(self, rows: Rows):
        self.rows = rows.rows
        self.starts: dict[str, int] = {}
        for index, row in enumerate(self.rows):
            filled = [cell for cell in row if cell]
            if len(filled) == 1 and filled[0].lower().rstrip(":") in _SECTIONS:
                self.starts.setdefault(_SECTIONS[filled[0].lower().rstrip(":")], index)

    def section_header(self, name: str) -> int | None:
        index = self.starts.get(name)
        if index is None:
            return None
        for header in range(index + 1, len(self.rows)):
            if any(self.rows[header]):
                return header
        return None

    def section_rows(self, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
        """(header keys, (row index, cells) of each data row) of a section."""
        header = self.section_header(name)
        if header is None:
            return [], []
        found = []
        for index in range(header + 1, len(self.rows)):
            row = self.rows[index]
            filled = [cell for cell in row if cell]
            if len(filled) == 1 and filled[0].lower().rstrip(":") in _SECTIONS:
                break
            if filled:
                found.append((index, row))
        return _keys(self.rows[header]), found

    def topic(self) -> str:
        for index, row in enumerate(self.rows[:-1]):
            keys = _keys(row)
            if keys and keys[0] == "topic":
                return self.rows[index + 1][0] if self.rows[index + 1] else ""
        return ""


@dataclass
class _Person:
    """One person's rows summed up as they are read."""

    name: str
    email: str
    first_name: str = ""
    last_name: str = ""
    registered: bool = False
    attended: bool = False
    minutes: float = 0.0
    first_joined: datetime | None = None
    registered_at: datetime | None = None
    ticket_type: str = ""
    order_id: str = ""
    needs: list[str] = field(default_factory=list)

    def joined(self, moment: datetime | None) -> None:
        if moment is not None and (self.first_joined is None or moment < self.first_joined):
            self.first_joined = moment

    def signed_up(self, moment: datetime | None) -> None:
        if moment is not None and (self.registered_at is None or moment < self.registered_at):
            self.registered_at = moment

    def person(self) -> ReportPerson:
        return ReportPerson(
            name=self.name, email=self.email, registered=self.registered,
            attended=self.attended, minutes_attended=int(round(self.minutes)),
            first_joined=self.first_joined, registered_at=self.registered_at,
            ticket_type=self.ticket_type, order_id=self.order_id,
            needs_text="; ".join(dict.fromkeys(n for n in self.needs if n)),
            first_name=self.first_name, last_name=self.last_name)


class _People:
    """People by email (ignoring case) or, without one, by name."""

    def __init__(self) -> None:
        self.by_key: dict[str, _Person] = {}

    def get(self, name: str, email: str, first: str = "", last: str = "") -> _Person:
        key = email.casefold() if email else "name:" + " ".join(name.casefold().split())
        person = self.by_key.get(key)
        if person is None:
            person = self.by_key[key] = _Person(name=name, email=email, first_name=first,
                                                last_name=last)
        return person

    def report(self) -> tuple[ReportPerson, ...]:
        return tuple(p.person() for p in self.by_key.values() if p.name or p.email)


def _column(keys: list[str], *names: str, required: bool = False, line: int = 0) -> int | None:
    for name in names:
        if name in keys:
            return keys.index(name)
    if required:
        raise UnreadableFileError(_(
            "The table on line {line} has no “{column}” column: the report is incomplete; "
            "nothing was imported.").format(line=line, column=names[0].title()))
    return None


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _needs_columns(keys: list[str]) -> list[int]:
    return [i for i, key in enumerate(keys) if _NEEDS_HEADER.search(key)]


def _display_name(user_name: str, first: str, last: str) -> str:
    """First and last name; else Zoom's "Name (Original Name)": the original (registered)
    name in brackets when someone renamed themselves."""
    if first or last:
        return " ".join(p for p in (first, last) if p)
    renamed = re.match(r"^(.*\S)\s*\(([^()]+)\)$", user_name)
    return renamed.group(2).strip() if renamed else user_name


def _minutes(text: str, line: int) -> float:
    if is_blank_time(text):
        return 0.0
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = -1.0
    if not 0 <= value <= 24 * 60:
        raise UnreadableFileError(_("Line {line}: “{value}” is not a number of minutes; nothing "
                                    "was imported.").format(line=line, value=text))
    return value


def _times(rows: list[tuple[int, list[str]]], columns: list[int | None]) -> list[str]:
    return [_cell(row, c) for _index, row in rows for c in columns if c is not None]


def _time(text: str, zone, first: bool, line: int) -> datetime | None:
    if is_blank_time(text):
        return None
    moment = parse_time(text, zone, day_is_first=first)
    if moment is None:
        raise UnreadableFileError(_("Line {line}: “{value}” is not a date and time Advocate can "
                                    "read; nothing was imported.").format(line=line, value=text))
    return moment


def _zoom_attendees(rows: Rows, table: _Finder, zone) -> AttendanceReport:
    lines = rows.lines
    staff: set[str] = set()
    for section in ("host", "panelist"):
        keys, found = table.section_rows(section)
        name_at = _column(keys, "user name (original name)", "name (original name)",
                          "user name", "name")
        email_at = _column(keys, "email", "user email")
        for _index, row in found:
            email, name = _cell(row, email_at), _cell(row, name_at)
            staff.add(email.casefold() if email else "name:" + name.casefold())
    header = table.section_header("attendee")
    assert header is not None
    keys, found = table.section_rows("attendee")
    line = lines[header]
    attended_at = _column(keys, "attended", required=True, line=line)
    name_at = _column(keys, "user name (original name)", "name (original name)", "user name",
                      "name")
    first_at, last_at = _column(keys, "first name"), _column(keys, "last name")
    email_at = _column(keys, "email", "user email", "email address", required=True, line=line)
    registered_at = _column(keys, "registration time")
    approval_at = _column(keys, "approval status")
    join_at = _column(keys, "join time", required=True, line=line)
    minutes_at = _column(keys, "time in session (minutes)", "duration (minutes)",
                         required=True, line=line)
    needs_at = _needs_columns(keys)
    first = day_first(_times(found, [registered_at, join_at, _column(keys, "leave time")]),
                      default=False)  # Zoom writes US dates
    people = _People()
    width = max(attended_at, email_at, join_at, minutes_at)
    for index, row in found:
        line = lines[index]
        if len(row) <= width:
            raise UnreadableFileError(_("Line {line} is cut short; nothing was imported.")
                                      .format(line=line))
        given, family, email = _cell(row, first_at), _cell(row, last_at), _cell(row, email_at)
        name = _display_name(_cell(row, name_at), given, family)
        if (email.casefold() if email else "name:" + name.casefold()) in staff:
            continue
        person = people.get(name, email, given, family)
        came = _cell(row, attended_at).lower() in _YES
        signed = _time(_cell(row, registered_at), zone, first, line)
        approval = _cell(row, approval_at).lower()
        person.registered = person.registered or signed is not None or not came or (
            approval not in ("", "--") and approval not in ("denied", "rejected"))
        person.signed_up(signed)
        if came:
            person.attended = True
            person.minutes += _minutes(_cell(row, minutes_at), line)
            person.joined(_time(_cell(row, join_at), zone, first, line))
        person.needs.extend(_cell(row, i) for i in needs_at)
    return AttendanceReport(ReportKind.ZOOM_ATTENDEE, table.topic(), people.report(),
                            panelists=len(staff), digest=rows.digest)


def _zoom_registrants(rows: Rows, table: _Finder, header: int, zone) -> AttendanceReport:
    keys = _keys(rows.rows[header])
    line = rows.lines[header]
    first_at = _column(keys, "first name", required=True, line=line)
    last_at = _column(keys, "last name")
    email_at = _column(keys, "email", "email address", required=True, line=line)
    registered_at = _column(keys, "registration time", required=True, line=line)
    approval_at = _column(keys, "approval status")
    needs_at = _needs_columns(keys)
    found = [(i, row) for i, row in enumerate(rows.rows[header + 1:], start=header + 1)
             if any(row)]
    first = day_first(_times(found, [registered_at]), default=False)
    people = _People()
    for index, row in found:
        line = rows.lines[index]
        if len(row) <= max(first_at, email_at, registered_at):
            raise UnreadableFileError(_("Line {line} is cut short; nothing was imported.")
                                      .format(line=line))
        if _cell(row, approval_at).lower() in ("denied", "rejected", "cancelled", "canceled"):
            continue
        given, family = _cell(row, first_at), _cell(row, last_at)
        person = people.get(_display_name("", given, family), _cell(row, email_at), given,
                            family)
        person.registered = True
        person.signed_up(_time(_cell(row, registered_at), zone, first, line))
        person.needs.extend(_cell(row, i) for i in needs_at)
    return AttendanceReport(ReportKind.ZOOM_REGISTRATION, table.topic(), people.report(),
                            digest=rows.digest, attendance_known=False)


def _eventbrite(rows: Rows, header: int, zone) -> AttendanceReport:
    keys = _keys(rows.rows[header])
    line = rows.lines[header]
    given_at = _column(keys, "attendee first name", "first name", required=True, line=line)
    family_at = _column(keys, "attendee last name", "last name")
    email_at = _column(keys, "attendee email", "email", required=True, line=line)
    buyer_given = _column(keys, "buyer first name", "purchaser first name")
    buyer_family = _column(keys, "buyer last name", "purchaser last name")
    buyer_email = _column(keys, "buyer email", "purchaser email")
    status_at = _column(keys, "attendee status", "status", required=True, line=line)
    order_at = _column(keys, "order #", "order no.", "order id")
    date_at = _column(keys, "order date", "date attending")
    ticket_at = _column(keys, "ticket type")
    event_at = _column(keys, "event name")
    needs_at = _needs_columns(keys)
    found = [(i, row) for i, row in enumerate(rows.rows[header + 1:], start=header + 1)
             if any(row)]
    # Eventbrite writes the organiser's locale: day first unless the dates themselves say
    # otherwise, or the report is in an American time zone.
    first = day_first(_times(found, [date_at]), default=not zone.key.startswith("America/"))
    people = _People()
    checked_in = False
    topic = ""
    for index, row in found:
        line = rows.lines[index]
        if len(row) <= max(given_at, email_at, status_at):
            raise UnreadableFileError(_("Line {line} is cut short; nothing was imported.")
                                      .format(line=line))
        status = _cell(row, status_at).lower()
        topic = topic or _cell(row, event_at)
        if any(word in status for word in _EVENTBRITE_GONE):
            continue
        given, family, email = (_cell(row, given_at), _cell(row, family_at),
                                _cell(row, email_at))
        if not email and (_cell(row, buyer_given), _cell(row, buyer_family)) == (given, family):
            email = _cell(row, buyer_email)  # the buyer's own ticket, their address once
        person = people.get(_display_name("", given, family), email, given, family)
        person.registered = True
        person.ticket_type = person.ticket_type or _cell(row, ticket_at)
        person.order_id = person.order_id or _cell(row, order_at)
        person.signed_up(_time(_cell(row, date_at), zone, first, line))
        if "checked in" in status or status == "attended":
            person.attended = checked_in = True
        person.needs.extend(_cell(row, i) for i in needs_at)
    return AttendanceReport(ReportKind.EVENTBRITE, topic, people.report(), digest=rows.digest,
                            attendance_known=checked_in)
