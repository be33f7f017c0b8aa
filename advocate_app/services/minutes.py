"""What a meeting produces for people to read: minutes, a lay summary, "You said, we did" and
the roles matrix, as outreach items the accessible PDF engine renders (and, for minutes, a Word
document too).

Everything here builds :class:`~advocate_app.documents.content.OutreachItem` values and never
saves them: a caller that wants to keep one (a lay summary to send out, say) stores it with
``services.outreach.save``. The words a document prints itself follow the document's language
(:func:`advocate_app.i18n.translator`), not the window's.

The lay summary is for the wider community: it names no member, only roles ("the chair", "the
trial sponsor"), and leaves out the detailed notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from advocate_app.documents.content import Block, ItemKind, OutreachItem
from advocate_app.domain.governance import (
    ActionStatus,
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
    MinutesStatus,
    PromiseStatus,
    RaciValue,
)
from advocate_app.i18n import N_, _, current_language, translator
from advocate_app.services.board_data import (
    ActionView,
    AgendaItemView,
    AttendeeView,
    BoardView,
    DecisionView,
    MeetingView,
    PromiseView,
    RaciMatrix,
)
from advocate_app.services.errors import ValidationError

YOU_SAID_WE_DID_GROUP = "you-said-we-did"

Translate = Callable[[str], str]


# -- words shared by the PDF and the Word document ------------------------------------------------

def _words(language: str | None) -> tuple[str, Translate]:
    """The document's language and its gettext (the UI language when none is given)."""
    lang = language or current_language() or "en"
    return lang, translator(lang)


def _label(t: Translate, value) -> str:
    """A vocabulary value's label in the document's language."""
    return t(value._labels()[value])


def _babel_locale(lang: str):
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def date_text(value: date | datetime | None, lang: str, fmt: str = "long") -> str:
    if value is None:
        return ""
    from babel.dates import format_date

    if isinstance(value, datetime):
        value = value.date()
    return format_date(value, format=fmt, locale=_babel_locale(lang))


def when_text(meeting: MeetingView, lang: str | None = None) -> str:
    """"Tuesday 10 March 2026, 18:30 to 20:00 (Europe/London)", in the meeting's zone."""
    from babel.dates import format_date, format_time

    lang, t = _words(lang)
    locale = _babel_locale(lang)
    start, end = meeting.local_start, meeting.local_end
    return t(N_("{date}, {start} to {end} ({zone})")).format(
        date=format_date(start.date(), format="full", locale=locale),
        start=format_time(start, format="short", locale=locale),
        end=format_time(end, format="short", locale=locale), zone=meeting.timezone)


def where_text(meeting: MeetingView, lang: str | None = None) -> str:
    _lang, t = _words(lang)
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
    lang, t = _words(lang)
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
    _lang, t = _words(lang)
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
    return t(N_("{name} ({role})")).format(name=attendee.name, role=_label(t, attendee.role))


def notes_paragraphs(notes: str) -> list[str]:
    """The notes of an agenda item as paragraphs (split on blank lines)."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", notes or "") if part.strip()]


def decision_text(decision: DecisionView, lang: str | None = None) -> str:
    _lang, t = _words(lang)
    text = decision.text.strip()
    if decision.decided_by.strip():
        text += " " + t(N_("(Decided by: {who}.)")).format(who=decision.decided_by.strip())
    if decision.dissent.strip():
        text += " " + t(N_("Dissent recorded: {dissent}")).format(dissent=decision.dissent.strip())
    return text


def action_row(action: ActionView, lang: str | None = None) -> list[str]:
    """What / Who / By when (and its state when it is no longer open)."""
    lang, t = _words(lang)
    what = action.text.strip()
    if action.status is not ActionStatus.OPEN:
        what += " " + t(N_("({status})")).format(status=_label(t, action.status))
    return [what, action.owner or t(N_("Not yet assigned")),
            date_text(action.due_on, lang, "medium") or t(N_("No date set"))]


def promise_text(promise: PromiseView, lang: str | None = None, *,
                 with_names: bool = True) -> str:
    lang, t = _words(lang)
    text = promise.text.strip()
    owner = promise.owner if with_names else promise.owner_role.strip()
    details = []
    if owner:
        details.append(t(N_("who: {owner}")).format(owner=owner))
    if promise.due_on:
        details.append(t(N_("by {date}")).format(date=date_text(promise.due_on, lang)))
    details.append(_label(t, promise.status))
    if promise.you_said.strip():
        text = t(N_("You said: {said} We promised: {promise}")).format(
            said=promise.you_said.strip(), promise=text)
    return f"{text} ({'; '.join(details)})"


def _escape(text: str) -> str:
    """Typed text printed as typed: the outreach markup characters are escaped."""
    return re.sub(r"([\\*\[\]()_])", r"\\\1", text)


# -- minutes --------------------------------------------------------------------------------------

def minutes_item(meeting: MeetingView, board: BoardView, language: str | None = None, *,
                 approving_meeting: MeetingView | None = None) -> OutreachItem:
    """The minutes of a meeting as an outreach item (rendered as an accessible PDF)."""
    lang, t = _words(language)
    title = t(N_("Minutes: {board}, {title}")).format(board=board.name, title=meeting.title)
    blocks: list[Block] = [
        _heading(1, title),
        _paragraph(t(N_("When: {when}")).format(when=when_text(meeting, lang))),
    ]
    where = where_text(meeting, lang)
    if where:
        blocks.append(_paragraph(t(N_("Where: {where}")).format(where=where)))
    blocks.append(_paragraph("**" + _escape(status_text(meeting, lang, approving_meeting))
                             + "**", escaped=True))
    blocks.append(_heading(2, t(N_("Attendance"))))
    groups = attendance_groups(meeting, lang)
    if groups:
        for heading, names in groups:
            blocks.append(_heading(3, heading))
            blocks.append(_list(names))
    else:
        blocks.append(_paragraph(t(N_("No attendance was recorded."))))
    for number, item in enumerate(meeting.agenda, start=1):
        blocks.extend(_agenda_blocks(number, item, meeting, lang, t))
    loose_decisions = [d for d in meeting.decisions if not _on_agenda(d.agenda_item_id, meeting)]
    loose_actions = [a for a in meeting.actions if not _on_agenda(a.agenda_item_id, meeting)]
    if loose_decisions or loose_actions:
        blocks.append(_heading(2, t(N_("Other decisions and actions"))))
        blocks.extend(_decision_action_blocks(loose_decisions, loose_actions, lang, t))
    if meeting.promises:
        blocks.append(_heading(2, t(N_("Promises to the community"))))
        blocks.append(_list([promise_text(p, lang) for p in meeting.promises]))
    if len(meeting.actions) > 1:  # one table of everything to be done, when there is more
        blocks.append(_heading(2, t(N_("Summary of action items"))))
        blocks.append(_actions_table([a for a in meeting.actions], lang, t))
    return OutreachItem(ItemKind.LEAFLET, title, lang, tuple(blocks), audience=board.name,
                        channel="minutes", purpose="newsletter")


def _on_agenda(item_id: int | None, meeting: MeetingView) -> bool:
    return item_id is not None and any(i.id == item_id for i in meeting.agenda)


def _agenda_blocks(number: int, item: AgendaItemView, meeting: MeetingView, lang: str,
                   t: Translate) -> list[Block]:
    blocks = [_heading(2, t(N_("{number}. {title}")).format(number=number, title=item.title))]
    if item.presenter.strip():
        blocks.append(_paragraph(t(N_("Presented by: {presenter}")).format(
            presenter=item.presenter.strip())))
    notes = notes_paragraphs(item.notes)
    blocks.extend(_paragraph(text) for text in notes)
    decisions = [d for d in meeting.decisions if d.agenda_item_id == item.id]
    actions = [a for a in meeting.actions if a.agenda_item_id == item.id]
    if not notes and not decisions and not actions:
        blocks.append(_paragraph(t(N_("No notes were taken for this item."))))
    blocks.extend(_decision_action_blocks(decisions, actions, lang, t))
    return blocks


def _decision_action_blocks(decisions: Sequence[DecisionView], actions: Sequence[ActionView],
                            lang: str, t: Translate) -> list[Block]:
    blocks = []
    if decisions:
        blocks.append(_heading(3, t(N_("Decisions"))))
        blocks.append(_list([decision_text(d, lang) for d in decisions]))
    if actions:
        blocks.append(_heading(3, t(N_("Actions"))))
        blocks.append(_actions_table(actions, lang, t))
    return blocks


def _actions_table(actions: Sequence[ActionView], lang: str, t: Translate) -> Block:
    return Block("table", {"header": [t(N_("What")), t(N_("Who")), t(N_("By when"))],
                           "rows": [[_escape(c) for c in action_row(a, lang)]
                                    for a in actions]})


# -- lay summary ----------------------------------------------------------------------------------

def lay_summary_item(meeting: MeetingView, board: BoardView,
                     language: str | None = None) -> OutreachItem:
    """The meeting in plain words for the community: no names, only roles."""
    lang, t = _words(language)
    day = date_text(meeting.local_start, lang)
    title = t(N_("{board}: our meeting on {date}")).format(board=board.name, date=day)
    blocks = [
        _heading(1, title),
        _paragraph(t(N_("On {date}, the {board} met. Here is what happened, in a few words."))
                   .format(date=day, board=board.name)),
        _heading(2, t(N_("What we talked about"))),
    ]
    topics = [item.title for item in meeting.agenda]
    blocks.append(_list(topics) if topics else _paragraph(t(N_("There was no agenda."))))
    blocks.append(_heading(2, t(N_("What we decided"))))
    if meeting.decisions:
        blocks.append(_list([
            d.text.strip() + ((" " + t(N_("Not everyone agreed, and this was written down.")))
                              if d.dissent.strip() else "")
            for d in meeting.decisions]))
    else:
        blocks.append(_paragraph(t(N_("We did not make any decisions this time."))))
    blocks.append(_heading(2, t(N_("What we promised"))))
    if meeting.promises:
        blocks.append(_list([_lay_promise(p, lang, t) for p in meeting.promises]))
    else:
        blocks.append(_paragraph(t(N_("We did not make any new promises this time."))))
    blocks.append(_heading(2, t(N_("What happens next"))))
    still_open = [a for a in meeting.actions if a.status is ActionStatus.OPEN]
    next_steps = [_lay_action(a, lang, t) for a in still_open]
    next_steps.append(t(N_("The board will check these minutes at its next meeting.")))
    blocks.append(_list(next_steps))
    blocks.append(Block("formats_notice"))
    return OutreachItem(ItemKind.LAY_SUMMARY, title, lang, tuple(blocks),
                        audience=t(N_("Members and families")), channel="newsletter",
                        purpose="newsletter", group=f"lay-summary-meeting-{meeting.uid}")


def _lay_who(role: str, t: Translate) -> str:
    return role.strip() or t(N_("A board member"))


def _lay_promise(promise: PromiseView, lang: str, t: Translate) -> str:
    who = _lay_who(promise.owner_role, t)
    if promise.status is PromiseStatus.KEPT:
        return t(N_("{promise} ({who}). Done: {evidence}")).format(
            promise=promise.text.strip(), who=who, evidence=promise.evidence.strip())
    if promise.due_on:
        return t(N_("{promise} ({who}, by {date})")).format(
            promise=promise.text.strip(), who=who, date=date_text(promise.due_on, lang))
    return t(N_("{promise} ({who})")).format(promise=promise.text.strip(), who=who)


def _lay_action(action: ActionView, lang: str, t: Translate) -> str:
    who = _lay_who(action.owner_role, t)
    if action.due_on:
        return t(N_("{what} ({who}, by {date})")).format(what=action.text.strip(), who=who,
                                                     date=date_text(action.due_on, lang))
    return t(N_("{what} ({who})")).format(what=action.text.strip(), who=who)


# -- You said, we did -----------------------------------------------------------------------------

def you_said_we_did_items(promises: Sequence[PromiseView], languages: Sequence[str]
                          ) -> list[OutreachItem]:
    """One newsletter item per language from the kept promises (none when nothing was kept).

    The framing words are in each item's language; what people said and what was done stay as
    they were written. All versions share one group, so a print pack gives each member theirs.
    """
    kept = sorted((p for p in promises if p.status is PromiseStatus.KEPT),
                  key=lambda p: (p.kept_on or date.min, p.id), reverse=True)
    if not kept:
        return []
    items = []
    for lang in dict.fromkeys(languages):
        t = translator(lang)
        title = t(N_("You said, we did"))
        rows = [[_escape(p.you_said.strip() or "—"),
                 _escape(p.evidence.strip() or p.text.strip()),
                 date_text(p.kept_on, lang, "medium")] for p in kept]
        blocks = (
            _heading(1, title),
            _paragraph(t(N_("You told us what matters to you. Here is what we did about it."))),
            Block("table", {"header": [t(N_("You said")), t(N_("We did")), t(N_("When"))],
                            "rows": rows}),
            _paragraph(t(N_("Tell us what we should work on next: reply to this newsletter "
                            "or talk to any of us."))),
            Block("formats_notice"),
        )
        items.append(OutreachItem(ItemKind.NEWSLETTER, title, lang, blocks,
                                  audience=t(N_("Members and families")), channel="newsletter",
                                  purpose="newsletter", group=YOU_SAID_WE_DID_GROUP))
    return items


# -- roles matrix ---------------------------------------------------------------------------------

def raci_item(matrix: RaciMatrix, board: BoardView, language: str | None = None
              ) -> OutreachItem:
    """The roles matrix on one page: activity by party, with a key to R, A, C and I."""
    lang, t = _words(language)
    title = t(N_("Who does what: {board}")).format(board=board.name)
    header = [t(N_("Activity")), *[name for _id, name in matrix.parties]]
    rows = []
    for activity_id, name in matrix.activities:
        cells = [matrix.cells.get((activity_id, party_id)) for party_id, _name in matrix.parties]
        rows.append([_escape(t(name)), *[cell.value if cell else "" for cell in cells]])
    key = [f"**{value.value}**: {_escape(_label(t, value))}" for value in RaciValue]
    blocks = (
        _heading(1, title),
        _paragraph(t(N_("For each activity, the table shows who does it, who decides, who is "
                        "asked before and who is told after."))),
        Block("table", {"header": [_escape(h) for h in header], "rows": rows}),
        _heading(2, t(N_("Key"))),
        Block("list", {"ordered": False, "items": key}),
    )
    return OutreachItem(ItemKind.LEAFLET, title, lang, blocks, audience=board.name,
                        channel="governance", purpose="newsletter")


# -- export ---------------------------------------------------------------------------------------

def export_minutes(services, meeting_id: int, fmt: str, path: Path | str) -> Path:
    """Write the minutes of a meeting as a tagged PDF or a Word document (atomically)."""
    from advocate_app.services.errors import NotFoundError

    path = Path(path)
    fmt = fmt.lower()
    if fmt not in ("pdf", "docx"):
        raise ValidationError({"format": _("Minutes are exported as pdf or docx, not "
                                           "“{format}”.").format(format=fmt)})
    boards = services.boards
    meeting = boards.get_meeting(meeting_id)
    board = _board_of(boards, meeting)
    approving = None
    if meeting.approved_at_meeting_id is not None:
        try:
            approving = boards.get_meeting(meeting.approved_at_meeting_id)
        except NotFoundError:
            approving = None
    if fmt == "docx":
        from advocate_app.interchange.minutes_docx import minutes_docx

        minutes_docx(meeting, board, path, approving_meeting=approving)
        return path
    from advocate_app.documents.pdf import RenderOptions, render
    from advocate_app.documents.profiles import ProfileKey
    from advocate_app.interchange.files import write_atomically

    data = render(minutes_item(meeting, board, approving_meeting=approving),
                  RenderOptions(ProfileKey.STANDARD))
    write_atomically(path, data)
    return path


def _board_of(boards, meeting: MeetingView) -> BoardView:
    """The meeting's board (an archived board is no longer listed: its name is enough)."""
    from advocate_app.domain.governance import BoardKind
    from advocate_app.services.errors import NotFoundError

    try:
        return boards.get_board(meeting.board_id)
    except NotFoundError:
        return BoardView(meeting.board_id, meeting.board_name, BoardKind.ADVISORY_BOARD, "", 0,
                         50, meeting.timezone)


# -- blocks ---------------------------------------------------------------------------------------

def _heading(level: int, text: str) -> Block:
    return Block("heading", {"level": level, "text": _escape(text)})


def _paragraph(text: str, escaped: bool = False) -> Block:
    return Block("paragraph", {"text": text if escaped else _escape(text)})


def _list(items: Sequence[str]) -> Block:
    return Block("list", {"ordered": False, "items": [_escape(i) for i in items]})
