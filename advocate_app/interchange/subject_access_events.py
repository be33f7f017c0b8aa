"""The webinars, story sessions, stories and feedback of 'Everything we hold about you', as
readable HTML sections (the data is ``services/privacy_events.py``'s)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from advocate_app.domain.community import ConsentMethod, _Labelled
from advocate_app.domain.feedback_views import EventKind
from advocate_app.domain.governance import AttendanceMode, AttendanceStatus, BoardRole
from advocate_app.domain.story_rules import (
    AttachmentKind,
    Identification,
    SessionAttendance,
    StoryChannel,
    StoryConsentState,
    StoryTheme,
)
from advocate_app.domain.webinar_kinds import AttendanceOutcome, RegistrationStatus, WebinarAccess
from advocate_app.i18n import _

Cell = Callable[[dict[str, Any]], str]


def _label(kind: type[_Labelled], value: object) -> str:
    try:
        return kind(value).label
    except ValueError:
        return str(value or "")


def _e(value: object) -> str:
    return html.escape("—" if value in (None, "", []) else str(value))


def _table(caption: str, rows: Sequence[dict[str, Any]],
           columns: Sequence[tuple[str, Cell]]) -> str:
    head = "".join(f'<th scope="col">{html.escape(title)}</th>' for title, _cell in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{_e(cell(row))}</td>" for _title, cell in columns)
                     + "</tr>" for row in rows)
    return (f"<table>\n<caption>{html.escape(caption)}</caption>\n<tr>{head}</tr>\n{body}\n"
            "</table>")


def _none(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _yes_no(value: object) -> str:
    return _("Yes") if value else _("No")


def _access(row: dict[str, Any]) -> str:
    asked = [_label(WebinarAccess, key) for key in row.get("access_asked", [])]
    if row.get("interpretation_language"):
        asked.append(_("interpretation into {language}").format(
            language=row["interpretation_language"]))
    if row.get("access_notes"):
        asked.append(row["access_notes"])
    return "; ".join(asked)


def _boards(data: dict[str, Any]) -> str:
    seats = data.get("board_roles", [])
    part = _table(_("Your places on boards"), seats, (
        (_("Board"), lambda r: r["board"]), (_("Role"), lambda r: _label(BoardRole, r["role"])),
        (_("From"), lambda r: r["term_start"]), (_("Until"), lambda r: r["term_end"]),
    )) if seats else _none(_("You have not had a place on any board."))
    meetings = data.get("meetings_attended", [])
    part += "\n" + (_table(_("Meetings you were invited to or attended"), meetings, (
        (_("Meeting"), lambda r: r["meeting"]), (_("Board"), lambda r: r["board"]),
        (_("Date"), lambda r: r["date"]),
        (_("Attendance"), lambda r: _label(AttendanceStatus, r["attendance"])),
        (_("How"), lambda r: _label(AttendanceMode, r["mode"])),
        (_("Role"), lambda r: _label(BoardRole, r["role"])),
    )) if meetings else _none(_("You have not been invited to a board meeting.")))
    return part


def _webinars(data: dict[str, Any]) -> str:
    rows = data.get("webinar_registrations", [])
    part = _table(_("Webinars you registered for"), rows, (
        (_("Webinar"), lambda r: r["webinar"]), (_("Date"), lambda r: r["date"]),
        (_("Registration"), lambda r: _label(RegistrationStatus, r["status"])),
        (_("Access asked for"), _access),
        (_("Attendance"), lambda r: _label(AttendanceOutcome, r["attendance"])),
        (_("Minutes attended"), lambda r: r["minutes_attended"] if r["attendance"] else ""),
    )) if rows else _none(_("You have not registered for any webinar."))
    presented = data.get("webinars_presented", [])
    if presented:
        part += "\n" + _table(_("Webinars you presented"), presented, (
            (_("Webinar"), lambda r: r["webinar"]), (_("Date"), lambda r: r["date"])))
    return part


def _sessions(data: dict[str, Any]) -> str:
    rows = data.get("story_sessions", [])
    if not rows:
        return _none(_("You have not taken part in a story-sharing session."))
    return _table(_("The sessions you took part in or led"), rows, (
        (_("Session"), lambda r: r["session"]), (_("Date"), lambda r: r["date"]),
        (_("Taking part as"), lambda r: _("Facilitator") if r["role"] == "facilitator"
         else _("Participant")),
        (_("Attendance"), lambda r: "" if r["role"] == "facilitator"
         else _label(SessionAttendance, r["attendance"])),
        (_("Support notes"), lambda r: r["support_notes"])))


def _story(story: dict[str, Any]) -> str:
    facts = (
        (_("Told on"), story.get("told_on")), (_("Language"), story.get("language")),
        (_("Themes"), ", ".join(_label(StoryTheme, t) for t in story.get("themes", []))),
        (_("Archived"), _yes_no(story.get("archived"))))
    parts = [f"<h3>{_e(story['title'])}</h3>", "<dl>" + "".join(
        f"<dt>{html.escape(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts) + "</dl>"]
    parts.append(_heading(4, _("The story")))
    paragraphs = [p for p in (story.get("text") or "").split("\n\n") if p.strip()]
    parts.extend(f"<p>{html.escape(p.strip())}</p>" for p in paragraphs)
    if not paragraphs:
        parts.append(_none(_("No text is kept.")))
    quotes = story.get("quotes", [])
    parts.append(_heading(4, _("Approved quotes")))
    parts.append("\n".join(f"<blockquote><p>{html.escape(q)}</p></blockquote>"
                           for q in quotes) if quotes else _none(_("None.")))
    files = story.get("attachments", [])
    if files:
        parts.append(_heading(4, _("Recordings and photos")) + "<ul>" + "".join(
            f"<li>{_e(_label(AttachmentKind, f['kind']))}: {_e(f['file'])}"
            + (f" ({_e(f['description'])})" if f.get("description") else "") + "</li>"
            for f in files) + "</ul>")
    consent = story.get("consent_history", [])
    parts.append(_table(_("Consent for each use of this story, newest first"), consent, (
        (_("Use"), lambda r: _label(StoryChannel, r["channel"])),
        (_("Answer"), lambda r: _label(StoryConsentState, r["answer"])),
        (_("Named as"), lambda r: _label(Identification, r["identification"])),
        (_("From"), lambda r: r["date"]), (_("Until"), lambda r: r["expires_on"]),
        (_("How"), lambda r: _label(ConsentMethod, r["method"])),
        (_("Guardian"), lambda r: r["guardian"]))) if consent else _none(
        _("No consent has been recorded for this story.")))
    uses = story.get("uses", [])
    parts.append(_table(_("Where this story was used"), uses, (
        (_("Item"), lambda r: r["item"]),
        (_("Use"), lambda r: _label(StoryChannel, r["channel"])),
        (_("Named as"), lambda r: _label(Identification, r["identification"])),
        (_("Used on"), lambda r: (r["used_at"] or "")[:10]),
        (_("Do not reprint"), lambda r: _yes_no(r["do_not_reprint"])))) if uses else _none(
        _("This story has not been used.")))
    return "\n".join(parts)


def _stories(data: dict[str, Any]) -> str:
    stories = data.get("stories_told", [])
    if not stories:
        return _none(_("We hold no story told by you."))
    return "\n".join(_story(story) for story in stories)


def _feedback(data: dict[str, Any]) -> str:
    rows = data.get("feedback_given", [])
    if not rows:
        return _none(_("We hold no feedback from you."))
    return _table(_("Feedback you gave"), rows, (
        (_("Event"), lambda r: f"{_label(EventKind, r['event_kind'])}: {r['event']}"),
        (_("Date"), lambda r: r["date"]), (_("Rating"), lambda r: r["rating"]),
        (_("What worked"), lambda r: r["worked"]),
        (_("What to change"), lambda r: r["change"]),
        (_("Comments"), lambda r: r["comments"]),
        (_("May we contact you about it"), lambda r: _yes_no(r["may_contact"]))))


def _reviews(data: dict[str, Any]) -> str:
    rows = data.get("translations_reviewed", [])
    if not rows:
        return _none(_("You have not reviewed a translation for us."))
    return _table(_("Translations you reviewed"), rows, (
        (_("Title"), lambda r: r["title"]), (_("Language"), lambda r: r["language"]),
        (_("Reviewed on"), lambda r: r["date"] or "")))


def render_merged_records(data: dict[str, Any]) -> str:
    """The duplicate records merged into this one, with the details each held (empty when
    there were none)."""
    rows = data.get("merged_records", [])
    if not rows:
        return ""

    def held(key: str) -> Cell:
        return lambda r: r["held"].get(key) or ""

    table = _table(_("Records merged into yours"), rows, (
        (_("Record number"), lambda r: r["record"]), (_("Merged on"), lambda r: r["merged_on"]),
        (_("Given name"), held("given_name")), (_("Family name"), held("family_name")),
        (_("Email"), held("email")), (_("Phone"), held("phone")),
        (_("Address"), held("address")), (_("Date of birth"), held("date_of_birth")),
        (_("Conditions"), lambda r: ", ".join(
            str(c.get("name") or c.get("orpha_code") or "") if isinstance(c, dict) else str(c)
            for c in r["held"].get("conditions") or [])),
        (_("Notes"), held("notes"))))
    note = _("The JSON file beside this page has everything each record held when it was "
             "merged into yours.")
    heading = _heading(2, _("Duplicate records"))
    return f"\n{heading}\n{table}\n{_none(note)}"


def render_event_sections(data: dict[str, Any]) -> str:
    """The sections after the consent: boards and meetings, webinars, story sessions,
    stories, feedback."""
    sections = ((_("Boards and meetings"), _boards), (_("Webinars"), _webinars), (_("Story-sharing sessions"), _sessions),
                (_("Stories you told"), _stories), (_("Feedback"), _feedback),
                (_("Translations"), _reviews))
    return "\n".join(f"<h2>{html.escape(title)}</h2>\n{render(data)}"
                     for title, render in sections)


def _heading(level: int, text: str) -> str:
    return f"<h{level}>{html.escape(text)}</h{level}>"
