"""Reading a webinar's registrations (with places on the waitlist), the totals of the access
asked for, and attendance figures: for some webinars by role and language, and over time.

Plain SQL through the reader, so the Webinars page reads quickly. The counting rules:

- **registered**: registrations holding a place that were made before the webinar (status
  registered); walk-ins found only in an attendance report are not counted as registered,
  waitlisted and cancelled ones neither;
- **attended**: everyone marked as attended (walk-ins too); **no-show**: registered and marked
  as not having come (an attendance not known yet counts as neither);
- **minutes attended**: the sum over those who attended;
- **by role**: a member with several roles counts once in each; a member with none under
  "No role recorded". **By language**: the member's preferred language ("" not known).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from advocate_app.domain.board_views import zone
from advocate_app.domain.people import Role, member_display_name
from advocate_app.domain.webinar_rules import ACTIVE, NeedsAsked, count_needs
from advocate_app.domain.webinar_views import (
    AttendanceStats,
    NeedsTotal,
    RegistrationView,
    WebinarTrendPoint,
)
from advocate_app.domain.webinars import (
    AttendanceOutcome,
    RegistrationStatus,
    WebinarAccess,
    WebinarStatus,
)
from advocate_app.i18n import _
from advocate_app.services.board_common import utc_moment
from advocate_app.storage.reader import Reader, as_utc

_ORDER = ("CASE r.status WHEN 'registered' THEN 0 WHEN 'walk_in' THEN 1 "
          "WHEN 'waitlisted' THEN 2 ELSE 3 END")


@lru_cache(maxsize=256)  # a few combinations, met on thousands of rows
def accesses(text: str | None) -> frozenset[WebinarAccess]:
    values = WebinarAccess._value2member_map_
    return frozenset(WebinarAccess(v) for v in (text or "").split(",") if v in values)


_REGISTRATION_COLUMNS = (
    "r.id, r.webinar_id, r.member_id, m.given_name, m.family_name, m.preferred_name, m.email, "
    "m.preferred_language, r.status, r.needs, r.interpretation_language, r.needs_notes, "
    "r.source, r.registered_at, r.attendance, r.minutes_attended, r.followup_sent_at, "
    "r.version")


def registrations(reader: Reader, webinar_id: int | None = None,
                  registration_id: int | None = None) -> list[RegistrationView]:
    """A webinar's registrations: those holding a place (in the order they registered), then
    the waitlist in order (``waitlist_position`` 1 moves up next), then the cancelled. With
    ``registration_id``, that one alone (read alone, its place on the waitlist counted)."""
    if registration_id is not None:
        return _one_registration(reader, registration_id)
    rows = reader.rows(
        f"SELECT {_REGISTRATION_COLUMNS} FROM webinar_registrations r "
        "JOIN members m ON m.id = r.member_id WHERE r.webinar_id = :webinar "
        f"ORDER BY {_ORDER}, r.registered_at, r.id", {"webinar": webinar_id})
    views, waiting = [], 0
    for r in rows:
        position = None
        if r[8] == RegistrationStatus.WAITLISTED.value:
            waiting += 1
            position = waiting
        views.append(_registration_view(r, position))
    return views


def _one_registration(reader: Reader, registration_id: int) -> list[RegistrationView]:
    """One registration; its place on the waitlist is one more than the number waiting before
    it (the order of :func:`registrations`: registered first, then by id)."""
    waitlisted = RegistrationStatus.WAITLISTED.value
    rows = reader.rows(
        f"SELECT {_REGISTRATION_COLUMNS}, CASE WHEN r.status = :waitlisted THEN ("
        "SELECT count(*) FROM webinar_registrations o WHERE o.webinar_id = r.webinar_id "
        "AND o.status = :waitlisted AND (o.registered_at < r.registered_at OR "
        "(o.registered_at = r.registered_at AND o.id < r.id))) + 1 END "
        "FROM webinar_registrations r JOIN members m ON m.id = r.member_id "
        "WHERE r.id = :id", {"id": registration_id, "waitlisted": waitlisted})
    return [_registration_view(r, r[18]) for r in rows]


def _registration_view(r: tuple, position: int | None) -> RegistrationView:
    return RegistrationView(
        r[0], r[1], r[2], member_display_name(r[3] or "", r[4] or "", r[5] or ""),
        r[6] or "", r[7] or "", _status(r[8]), accesses(r[9]), r[10] or "", r[11] or "",
        r[12] or "", utc_moment(r[13]), _outcome(r[14]), r[15] or 0, position, as_utc(r[16]),
        r[17])


def needs_totals(reader: Reader, webinar_id: int) -> list[NeedsTotal]:
    """"3 need captions": over the registrations holding a place (registered and walk-ins);
    see ``domain.webinar_views.effective_needs`` for when the member's own record counts."""
    from advocate_app.i18n.formatting import language_name

    active = tuple(status.value for status in ACTIVE)
    rows = reader.rows(
        "SELECT r.id, r.needs, r.interpretation_language, m.print_format, "
        "m.preferred_language FROM webinar_registrations r JOIN members m "
        "ON m.id = r.member_id WHERE r.webinar_id = :webinar "
        "AND r.status IN (:active0, :active1)",
        {"webinar": webinar_id, "active0": active[0], "active1": active[1]})
    recorded: dict[int, set[str]] = {}
    for registration_id, need in reader.rows(
            "SELECT r.id, n.need FROM webinar_registrations r JOIN member_access_needs n "
            "ON n.member_id = r.member_id WHERE r.webinar_id = :webinar",
            {"webinar": webinar_id}):
        recorded.setdefault(registration_id, set()).add(need)
    return count_needs((NeedsAsked(accesses(needs), language or "",
                                   frozenset(recorded.get(i, ())), print_format or "",
                                   member_language or "")
                        for i, needs, language, print_format, member_language in rows),
                       language_name)


def stats(reader: Reader, webinar_ids: Sequence[int] | None) -> AttendanceStats:
    """Attendance over the webinars named (every webinar not cancelled, without a list)."""
    if webinar_ids is not None and not webinar_ids:
        return AttendanceStats(0, 0, 0, 0)
    params: dict[str, object]
    if webinar_ids is None:
        where, params = "w.status <> :cancelled", {"cancelled": WebinarStatus.CANCELLED.value}
    else:
        params = {f"w{n}": int(i) for n, i in enumerate(dict.fromkeys(webinar_ids))}
        where = "w.id IN (" + ", ".join(f":{name}" for name in params) + ")"
    rows = reader.rows(
        "SELECT r.member_id, r.status, r.attendance, r.minutes_attended, m.preferred_language "
        "FROM webinar_registrations r JOIN webinars w ON w.id = r.webinar_id "
        f"JOIN members m ON m.id = r.member_id WHERE {where}", params)
    roles: dict[int, list[str]] = {}
    for member_id, role in reader.rows(
            "SELECT DISTINCT mr.member_id, mr.role FROM member_roles mr "
            "JOIN webinar_registrations r ON r.member_id = mr.member_id "
            f"JOIN webinars w ON w.id = r.webinar_id WHERE {where}", params):
        roles.setdefault(member_id, []).append(role)
    totals = [0, 0, 0, 0]
    by_role: dict[str, list[int]] = {}
    by_language: dict[str, list[int]] = {}
    for member_id, status, attendance, minutes, language in rows:
        registered = status == RegistrationStatus.REGISTERED.value
        attended = attendance == AttendanceOutcome.ATTENDED.value
        totals[0] += registered
        totals[1] += attended
        totals[2] += registered and attendance == AttendanceOutcome.NO_SHOW.value
        totals[3] += (minutes or 0) if attended else 0
        if not (registered or attended):
            continue
        for key, table in [*((role, by_role) for role in roles.get(member_id) or [""]),
                           (language or "", by_language)]:
            counts = table.setdefault(key, [0, 0])
            counts[0] += registered
            counts[1] += attended
    order = {role.value: n for n, role in enumerate(Role)}
    return AttendanceStats(
        totals[0], totals[1], totals[2], totals[3],
        tuple((_role_label(key), by_role[key][0], by_role[key][1])
              for key in sorted(by_role, key=lambda k: order.get(k, len(order)))),
        tuple((key, by_language[key][0], by_language[key][1])
              for key in sorted(by_language, key=lambda k: (-by_language[k][0], k))))


def trend(reader: Reader) -> list[WebinarTrendPoint]:
    """Each held webinar, oldest first: registered, attended, no-show and minutes."""
    rows = reader.rows(
        "SELECT w.id, w.title, w.starts_at, w.timezone, "
        "(SELECT count(*) FROM webinar_registrations r WHERE r.webinar_id = w.id "
        " AND r.status = :registered), "
        "(SELECT count(*) FROM webinar_registrations r WHERE r.webinar_id = w.id "
        " AND r.attendance = :attended), "
        "(SELECT count(*) FROM webinar_registrations r WHERE r.webinar_id = w.id "
        " AND r.status = :registered AND r.attendance = :no_show), "
        "(SELECT coalesce(sum(r.minutes_attended), 0) FROM webinar_registrations r "
        " WHERE r.webinar_id = w.id AND r.attendance = :attended) "
        "FROM webinars w WHERE w.status = :held ORDER BY w.starts_at, w.id",
        {"registered": RegistrationStatus.REGISTERED.value,
         "attended": AttendanceOutcome.ATTENDED.value,
         "no_show": AttendanceOutcome.NO_SHOW.value, "held": WebinarStatus.HELD.value})
    return [WebinarTrendPoint(i, title, _local_day(starts, timezone), registered, attended,
                              no_show, int(minutes or 0))
            for i, title, starts, timezone, registered, attended, no_show, minutes in rows]


def _local_day(starts: object, timezone: str) -> date:
    return utc_moment(starts).astimezone(zone(timezone or "UTC")).date()


def _role_label(value: str) -> str:
    if value in Role._value2member_map_:
        return Role(value).label
    return _("No role recorded") if not value else value


_STATUSES = {status.value: status for status in RegistrationStatus}
_OUTCOMES = {outcome.value: outcome for outcome in AttendanceOutcome}


def _status(value: str | None) -> RegistrationStatus:
    return _STATUSES.get(value or "", RegistrationStatus.REGISTERED)


def _outcome(value: str | None) -> AttendanceOutcome:
    return _OUTCOMES.get(value or "", AttendanceOutcome.UNKNOWN)
