"""What a meeting produces for people to read: minutes, a lay summary, "You said, we did" and
the roles matrix, as outreach items the accessible PDF engine renders (and, for minutes, a Word
document too).

Everything here builds :class:`~advocate_app.domain.outreach_content.OutreachItem` values and never
saves them: a caller that wants to keep one (a lay summary to send out, say) stores it with
``services.outreach.save``. The words a document prints itself follow the document's language
(:func:`advocate_app.i18n.translator`), not the window's.

The lay summary is for the wider community: it names no member, only roles ("the chair", "the
trial sponsor"), and leaves out the detailed notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from advocate_app.documents.minutes_wording import (
    Translate,
    action_row,
    attendance_groups,
    date_text,
    decision_text,
    document_words,
    notes_paragraphs,
    promise_text,
    status_text,
    vocabulary_label,
    when_text,
    where_text,
)
from advocate_app.domain.board_views import (
    ActionView,
    AgendaItemView,
    BoardView,
    DecisionView,
    MeetingView,
    PromiseView,
    RaciMatrix,
)
from advocate_app.domain.governance import (
    ActionStatus,
    PromiseStatus,
    RaciValue,
)
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.i18n import N_, translator

YOU_SAID_WE_DID_GROUP = "you-said-we-did"

def _escape(text: str) -> str:
    """Typed text printed as typed: the outreach markup characters are escaped."""
    return re.sub(r"([\\*\[\]()_])", r"\\\1", text)


# -- minutes --------------------------------------------------------------------------------------

def minutes_item(meeting: MeetingView, board: BoardView, language: str | None = None, *,
                 approving_meeting: MeetingView | None = None) -> OutreachItem:
    """The minutes of a meeting as an outreach item (rendered as an accessible PDF)."""
    lang, t = document_words(language)
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
    lang, t = document_words(language)
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
    lang, t = document_words(language)
    title = t(N_("Who does what: {board}")).format(board=board.name)
    header = [t(N_("Activity")), *[name for _id, name in matrix.parties]]
    rows = []
    for activity_id, name in matrix.activities:
        cells = [matrix.cells.get((activity_id, party_id)) for party_id, _name in matrix.parties]
        rows.append([_escape(t(name)), *[cell.value if cell else "" for cell in cells]])
    key = [f"**{value.value}**: {_escape(vocabulary_label(t, value))}" for value in RaciValue]
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


# -- blocks ---------------------------------------------------------------------------------------

def _heading(level: int, text: str) -> Block:
    return Block("heading", {"level": level, "text": _escape(text)})


def _paragraph(text: str, escaped: bool = False) -> Block:
    return Block("paragraph", {"text": text if escaped else _escape(text)})


def _list(items: Sequence[str]) -> Block:
    return Block("list", {"ordered": False, "items": [_escape(i) for i in items]})
