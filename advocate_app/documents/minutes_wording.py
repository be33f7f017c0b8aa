"""The words the minutes of a meeting print, shared by the PDF (``services/minutes.py`` builds
it) and the Word document (``minutes_docx.py``): when and where, where the minutes are in their
life, who attended, decisions, actions and promises, in the document's language.

A module of its own so that the Word document and the minutes service both import it, not each
other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from advocate_app.domain.board_views import (
    ActionView,
    AttendeeView,
    DecisionView,
    MeetingView,
    PromiseView,
)
from advocate_app.domain.governance import (
    ActionStatus,
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
    MinutesStatus,
)
from advocate_app.i18n import N_, current_language, translator

Translate = Callable[[str], str]


def document_words(language: str | None) -> tuple[str, Translate]:
    """The document's language and its gettext (the UI language when none is given)."""
    lang = language or current_language() or "en"
    return lang, translator(lang)


def vocabulary_label(t: Translate, value) -> str:
    """A vocabulary value's label in the document's language."""
    return t(value._labels()[value])


def _babel_locale(lang: str):
    from advocate_app.i18n.formatting import date_locale

    return date_locale(lang)


def date_text(value: date | datetime | None, lang: str, fmt: str = "long") -> str:
    if value is None:
        return ""
    from babel.dates import format_date

    if isinstance(value, datetime):
        value = value.date()
    return format_date(value, format=fmt, locale=_babel_locale(lang))


def when_text(meeting: MeetingView, lang: str | None = None) -> str:
    """"Tuesday 10 March 2026, 18:30 to 20:00 GMT (Europe/London)", in the meeting's zone
    and the document's language."""
    from advocate_app.i18n.formatting import format_date, format_time

    lang, t = document_words(lang)
    start, end = meeting.local_start, meeting.local_end
    return t(N_("{date}, {start} to {end} ({zone})")).format(
        date=format_date(start, "full", language=lang),
        start=format_time(start, language=lang),
        end=format_time(end, zone=True, language=lang), zone=meeting.timezone)


def where_text(meeting: MeetingView, lang: str | None = None) -> str:
    _lang, t = document_words(lang)
    place = " ".join(meeting.place.split())
    link = meeting.online_link.strip()
    if place and link:
        return t(N_("{place}, and online: {link}")).format(place=place, link=link)
    if link:
        return t(N_("Online: {link}")).format(link=link)
    return place


def status_text(meeting: MeetingView, lang: str | None = None,
                approving_meeting: MeetingView | None = None) -> str:
    """Where the minutes are in their life: draft, circulated, or approved (when, where)."""
    lang, t = document_words(lang)
    if meeting.minutes_status is MinutesStatus.APPROVED:
        text = t(N_("Approved minutes: approved on {date}.")).format(
            date=date_text(meeting.approved_at, lang))
        if approving_meeting is not None:
            text = t(N_("Approved minutes: approved on {date} at the meeting “{title}” of "
                        "{meeting_date}.")).format(
                date=date_text(meeting.approved_at, lang), title=approving_meeting.title,
                meeting_date=date_text(approving_meeting.local_start, lang))
        elif meeting.approved_at_meeting_id is not None:
            text = t(N_("Approved minutes: approved on {date} at meeting {id}.")).format(
                date=date_text(meeting.approved_at, lang), id=meeting.approved_at_meeting_id)
        if meeting.approval_note.strip():
            text += " " + t(N_("Note: {note}")).format(note=meeting.approval_note.strip())
        return text
    if meeting.minutes_status is MinutesStatus.CIRCULATED:
        return t(N_("Circulated minutes (sent round on {date}): not yet approved.")).format(
            date=date_text(meeting.circulated_at, lang))
    return t(N_("Draft minutes: not yet approved."))


_ATTENDANCE_GROUPS = (
    ("present", N_("Present")),
    ("remote", N_("Present online")),
    ("apologies", N_("Apologies")),
    ("absent", N_("Absent")),
    ("invited", N_("Invited (no reply recorded)")),
)


def attendance_groups(meeting: MeetingView, lang: str | None = None
                      ) -> list[tuple[str, list[str]]]:
    """(heading, names) for present, present online, apologies, absent and invited; a role
    other than member is shown after the name ("… (Chair)")."""
    _lang, t = document_words(lang)
    groups: dict[str, list[str]] = {key: [] for key, _title in _ATTENDANCE_GROUPS}
    for attendee in meeting.attendees:
        groups[_attendance_key(attendee)].append(_attendee_name(attendee, t))
    return [(t(title), groups[key]) for key, title in _ATTENDANCE_GROUPS if groups[key]]


def _attendance_key(attendee: AttendeeView) -> str:
    if attendee.status is AttendanceStatus.PRESENT:
        return "remote" if attendee.mode is AttendanceMode.REMOTE else "present"
    return attendee.status.value


def _attendee_name(attendee: AttendeeView, t: Translate) -> str:
    if attendee.role is BoardRole.MEMBER:
        return attendee.name
    return t(N_("{name} ({role})")).format(name=attendee.name, role=vocabulary_label(t, attendee.role))


def notes_paragraphs(notes: str) -> list[str]:
    """The notes of an agenda item as paragraphs (split on blank lines)."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", notes or "") if part.strip()]


def decision_text(decision: DecisionView, lang: str | None = None) -> str:
    _lang, t = document_words(lang)
    text = decision.text.strip()
    if decision.decided_by.strip():
        text += " " + t(N_("(Decided by: {who}.)")).format(who=decision.decided_by.strip())
    if decision.dissent.strip():
        text += " " + t(N_("Dissent recorded: {dissent}")).format(dissent=decision.dissent.strip())
    return text


def action_row(action: ActionView, lang: str | None = None) -> list[str]:
    """What / Who / By when (and its state when it is no longer open)."""
    lang, t = document_words(lang)
    what = action.text.strip()
    if action.status is not ActionStatus.OPEN:
        what += " " + t(N_("({status})")).format(status=vocabulary_label(t, action.status))
    return [what, action.owner or t(N_("Not yet assigned")),
            date_text(action.due_on, lang, "medium") or t(N_("No date set"))]


def promise_text(promise: PromiseView, lang: str | None = None, *,
                 with_names: bool = True) -> str:
    lang, t = document_words(lang)
    text = promise.text.strip()
    owner = promise.owner if with_names else promise.owner_role.strip()
    details = []
    if owner:
        details.append(t(N_("who: {owner}")).format(owner=owner))
    if promise.due_on:
        details.append(t(N_("by {date}")).format(date=date_text(promise.due_on, lang)))
    details.append(vocabulary_label(t, promise.status))
    if promise.you_said.strip():
        text = t(N_("You said: {said} We promised: {promise}")).format(
            said=promise.you_said.strip(), promise=text)
    return f"{text} ({'; '.join(details)})"
