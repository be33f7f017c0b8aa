"""The minutes of a meeting as a Word document, for secretaries who edit or circulate them there.

Word's own heading styles ("Heading 1", "Heading 2", "Heading 3") carry the structure, so the
navigation pane, screen readers and a conversion to PDF all see it; lists use "List Bullet" and
the actions table repeats its header row on each page. The document's title and language are set
in its properties. The document comes back as bytes; the minutes service writes them to a
temporary name and moves it into place, so an interrupted export never leaves half a document
behind.
"""

from __future__ import annotations

import io

from advocate_app.documents.minutes_wording import (
    action_row,
    attendance_groups,
    decision_text,
    notes_paragraphs,
    promise_text,
    status_text,
    when_text,
    where_text,
)
from advocate_app.domain.board_views import BoardView, MeetingView
from advocate_app.i18n import _, current_language


def minutes_docx(meeting: MeetingView, board: BoardView, *,
                 approving_meeting: MeetingView | None = None) -> bytes:
    """The minutes as a Word document (.docx) in the interface language."""
    from docx import Document

    lang = current_language() or "en"
    document = Document()
    title = _("Minutes: {board}, {title}").format(board=board.name, title=meeting.title)
    _set_language(document, lang)
    document.core_properties.title = title
    document.core_properties.language = lang
    document.core_properties.subject = board.name
    document.core_properties.author = board.name

    document.add_heading(title, level=1)
    _labelled(document, _("Board:"), board.name)
    _labelled(document, _("When:"), when_text(meeting, lang))
    where = where_text(meeting, lang)
    if where:
        _labelled(document, _("Where:"), where)
    status = document.add_paragraph()
    status.add_run(status_text(meeting, lang, approving_meeting)).bold = True

    document.add_heading(_("Attendance"), level=2)
    groups = attendance_groups(meeting, lang)
    if not groups:
        document.add_paragraph(_("No attendance was recorded."))
    for heading, names in groups:
        document.add_heading(heading, level=3)
        for name in names:
            document.add_paragraph(name, style="List Bullet")

    on_agenda = {item.id for item in meeting.agenda}
    for number, item in enumerate(meeting.agenda, start=1):
        document.add_heading(_("{number}. {title}").format(number=number, title=item.title),
                             level=2)
        if item.presenter.strip():
            _labelled(document, _("Presented by:"), item.presenter.strip())
        notes = notes_paragraphs(item.notes)
        for text in notes:
            document.add_paragraph(text)
        decisions = [d for d in meeting.decisions if d.agenda_item_id == item.id]
        actions = [a for a in meeting.actions if a.agenda_item_id == item.id]
        if not notes and not decisions and not actions:
            document.add_paragraph(_("No notes were taken for this item."))
        _decisions_and_actions(document, decisions, actions, lang)

    loose_decisions = [d for d in meeting.decisions if d.agenda_item_id not in on_agenda]
    loose_actions = [a for a in meeting.actions if a.agenda_item_id not in on_agenda]
    if loose_decisions or loose_actions:
        document.add_heading(_("Other decisions and actions"), level=2)
        _decisions_and_actions(document, loose_decisions, loose_actions, lang)
    if meeting.promises:
        document.add_heading(_("Promises to the community"), level=2)
        for promise in meeting.promises:
            document.add_paragraph(promise_text(promise, lang), style="List Bullet")
    if len(meeting.actions) > 1:  # one table of everything to be done, when there is more
        document.add_heading(_("Summary of action items"), level=2)
        _actions_table(document, meeting.actions, lang)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _labelled(document, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(" " + value)


def _decisions_and_actions(document, decisions, actions, lang: str) -> None:
    if decisions:
        document.add_heading(_("Decisions"), level=3)
        for decision in decisions:
            document.add_paragraph(decision_text(decision, lang), style="List Bullet")
    if actions:
        document.add_heading(_("Actions"), level=3)
        _actions_table(document, actions, lang)


def _actions_table(document, actions, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0]
    for cell, text in zip(header.cells, (_("What"), _("Who"), _("By when")), strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
    for action in actions:
        row = table.add_row()
        for cell, text in zip(row.cells, action_row(action, lang), strict=True):
            cell.text = text
    document.add_paragraph()


def _set_language(document, lang: str) -> None:
    """The proofing language of the body text (what a screen reader speaks it in)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = lang.replace("_", "-")
    style = document.styles["Normal"].element
    run_properties = style.get_or_add_rPr()
    found = run_properties.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        run_properties.append(found)
    found.set(qn("w:val"), tag)
