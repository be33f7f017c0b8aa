"""The Meetings tab of a board: its meetings, the chosen one's quorum and needs, and what a
secretary does with a meeting (plan, minute, circulate, approve, export, calendar file, lay
summary)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from advocate_app.domain.access import Permission
from advocate_app.domain.governance import MinutesStatus
from advocate_app.i18n import _
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import Row, select_id, selected_id
from advocate_app.ui.pages.boards.common import (
    Work,
    another_asked,
    button,
    meeting_when,
    records_table,
)
from advocate_app.ui.pages.boards.meeting_panel import MeetingPanel
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.visibility import shown_if


class MeetingsTab(QWidget):
    status_message = Signal(str)
    outreach_changed = Signal()  # a lay summary was added to the Outreach section

    #: Minutes for a meeting further than this from now are checked with the person first.
    MINUTES_WITHOUT_ASKING = timedelta(days=1)

    def __init__(self, services, run_dialog: Callable[[QDialog], bool]):
        super().__init__()
        self._services = services
        self._run_dialog = run_dialog
        self._board = None
        self._meetings = []
        self._quiet = False
        self.live_window = None
        self.work = Work(self)
        self.table = records_table([_("When"), _("Meeting"), _("Minutes")], _("Meetings"), (1,))
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: None if self._quiet else self._meeting_changed())
        self.table.doubleClicked.connect(lambda _index: self.edit_meeting())
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.new_meeting_button = button(_("N&ew meeting…"), self.new_meeting)
        self.edit_meeting_button = button(_("Ed&it meeting…"), self.edit_meeting)
        self.minutes_button = button(_("Take min&utes"), self.take_minutes)
        self.circulate_button = button(_("&Circulate minutes"), self.circulate)
        self.approve_button = button(_("&Approve minutes…"), self.approve)
        self.export_button = button(_("Expo&rt minutes…"), self.export_minutes)
        self.lay_button = button(_("&Lay summary for the community"), self.make_lay_summary,
                                 _("Make a lay summary of the meeting as an outreach item"))
        self.calendar_button = button(_("Calendar &file…"), self.calendar_file,
                                      _("Save a calendar file for the meeting"))
        # Keeping a lay summary writes an outreach item: only for an account that may.
        shown_if(self.lay_button, services.actor.may(Permission.EDIT_OUTREACH))
        self.panel = MeetingPanel(services)
        self.panel.feedback.status_message.connect(self.status_message)

        layout = QVBoxLayout(self)
        middle = QHBoxLayout()
        table_side = QVBoxLayout()
        table_side.addWidget(self.empty_label)
        table_side.addWidget(self.table, 1)
        middle.addLayout(table_side, 1)
        middle.addWidget(self.panel)
        layout.addLayout(middle, 1)
        # The buttons wrap onto more lines when the text is large or the window narrow.
        layout.addWidget(flow_of(self.new_meeting_button, self.edit_meeting_button,
                                 self.minutes_button, self.calendar_button,
                                 self.circulate_button, self.approve_button,
                                 self.export_button, self.lay_button))

    # --- the list --------------------------------------------------------------------------

    def show_board(self, board) -> None:
        """The meetings of ``board`` (None: no board chosen)."""
        self._board = board
        self.refresh()

    def refresh(self) -> None:
        keep = self.meeting_id()
        board = self._board
        self._meetings = self._services.meetings.list_meetings(board.id) if board else []
        self._quiet = True
        self.table.model().set_rows(
            Row(m.id, (meeting_when(m.starts_at, m.timezone, two_lines=True), m.title,
                       m.minutes_status.label))
            for m in self._meetings)
        self._quiet = False
        if board is None:
            self.empty_label.setText(_("Choose or make a board to see its meetings."))
        else:
            self.empty_label.setText(_("No meetings of {board} yet. Plan one with New "
                                       "meeting.").format(board=board.name))
        self.empty_label.setVisible(not self._meetings)
        if self._meetings:
            select_id(self.table, keep, or_first=True)
        else:
            self.table.clearSelection()
        self._meeting_changed()

    def meeting_id(self) -> int | None:
        return selected_id(self.table)

    def select_meeting(self, meeting_id: int) -> None:
        select_id(self.table, meeting_id, or_first=True)

    def meeting(self):
        """The chosen meeting (its summary), or None."""
        return next((m for m in self._meetings if m.id == self.meeting_id()), None)

    def _meeting_changed(self) -> None:
        meeting = self.meeting()
        self.panel.setVisible(meeting is not None)
        if meeting is not None:
            self.panel.show_meeting(meeting)
        self.update_buttons()

    def update_buttons(self) -> None:
        board = self._board is not None
        meeting = self.meeting()
        chosen = meeting is not None
        status = meeting.minutes_status if meeting else None
        self.new_meeting_button.setEnabled(board)
        self.edit_meeting_button.setEnabled(chosen)
        self.minutes_button.setEnabled(chosen and not status.locked)
        self.circulate_button.setEnabled(chosen and status is MinutesStatus.DRAFT)
        self.approve_button.setEnabled(chosen and status is MinutesStatus.CIRCULATED)
        self.export_button.setEnabled(chosen)
        self.lay_button.setEnabled(chosen and status is not MinutesStatus.DRAFT)
        self.calendar_button.setEnabled(chosen)

    # --- planning --------------------------------------------------------------------------

    def new_meeting(self) -> None:
        self._open_meeting(None)

    def edit_meeting(self) -> None:
        if self.meeting_id() is not None:
            self._open_meeting(self.meeting_id())

    def _open_meeting(self, meeting_id: int | None) -> None:
        from advocate_app.ui.dialogs.meeting_editor import MeetingEditor

        board = self._board
        if board is None:
            return
        try:
            dialog = MeetingEditor(self._services, board, meeting_id, self)
        except ServiceError as exc:
            prompts.error(self, _("Meeting"), str(exc))
            self.refresh()
            return
        accepted = self._run_dialog(dialog)
        # Attendance is kept as it changes, so the list follows even after Cancel.
        self.refresh()
        if accepted and dialog.saved_id is not None:
            self.select_meeting(dialog.saved_id)
            self.status_message.emit(_("Meeting “{title}” saved.").format(
                title=dialog.title_field.text().strip()))

    # --- minutes ---------------------------------------------------------------------------

    def take_minutes(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        if not self._minutes_now_or_asked(meeting_id):
            return
        from advocate_app.ui.dialogs.live_minutes import LiveMinutesWindow

        opener = getattr(self.window(), "open_live_minutes", None)
        if opener is not None:
            window = opener(meeting_id)  # the main window passes the end back to the page
        else:
            window = LiveMinutesWindow(self._services, meeting_id, self)
            window.setWindowFlag(Qt.WindowType.Window, True)
            window.show()
            window.finished.connect(self.minutes_finished)
        self.live_window = window

    def minutes_finished(self, meeting_id: int) -> None:
        """Minute-taking ended: the chosen meeting shows its final attendance and quorum."""
        self.refresh()
        if self.meeting_id() != meeting_id and any(m.id == meeting_id for m in self._meetings):
            self.select_meeting(meeting_id)

    def _minutes_now_or_asked(self, meeting_id: int) -> bool:
        """Minutes are taken while a meeting happens: for one days away (or long past) that
        is probably the wrong meeting, so ask; carrying on with minutes under way never asks."""
        meeting = self._services.meetings.get_meeting(meeting_id)
        if meeting.live_started_at is not None and meeting.closed_at is None:
            return True
        now = datetime.now(UTC)
        if abs(meeting.starts_at - now) <= self.MINUTES_WITHOUT_ASKING:
            return True
        when = meeting_when(meeting.starts_at, meeting.timezone)
        question = (_("“{title}” is on {when}, not today. Take its minutes now anyway?")
                    if meeting.starts_at > now else
                    _("“{title}” was on {when}. Take its minutes now anyway?"))
        return prompts.confirm(self, _("Take minutes"), question.format(
            title=meeting.title, when=when), destructive_label=_("Take &minutes"))

    def circulate(self) -> None:
        meeting = self.meeting()
        if meeting is None:
            return
        if not prompts.confirm(
                self, _("Circulate minutes"),
                _("Mark the minutes of “{title}” as circulated to the board? They can still be "
                  "corrected until they are approved.").format(title=meeting.title),
                destructive_label=_("Circulate")):
            return
        self._lifecycle(_("Circulate minutes"),
                        lambda: self._services.minutes.circulate(meeting.id),
                        _("Minutes of “{title}” circulated.").format(title=meeting.title))

    def approve(self) -> None:
        meeting = self.meeting()
        if meeting is None:
            return
        title = _("Approve minutes")
        later = [m for m in self._meetings if m.id != meeting.id]
        options = [_("Not at a meeting (approved by correspondence)")] + [
            _("{title}, {when}").format(title=m.title, when=meeting_when(m.starts_at,
                                                                          m.timezone))
            for m in later]
        index = prompts.choose(self, title, _("At which meeting were the minutes of “{title}” "
                                              "approved?").format(title=meeting.title), options)
        if index is None:
            return
        at_meeting = later[index - 1].id if index else None
        note = prompts.ask_text(self, title, _("A note to keep with the approval (optional):"))
        if note is None:
            return
        self._lifecycle(title, lambda: self._services.minutes.approve(
            meeting.id, at_meeting_id=at_meeting, note=note),
            _("Minutes of “{title}” approved; they can no longer be changed.").format(
                title=meeting.title))

    def _lifecycle(self, title: str, work, done: str) -> None:
        try:
            work()
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
        else:
            self.status_message.emit(done)
        self.refresh()

    # --- documents (written off the GUI thread) --------------------------------------------

    def export_minutes(self) -> None:
        meeting = self.meeting()
        if meeting is None:
            return
        title = _("Export minutes")
        documents = self._services.board_documents
        chosen = prompts.save_file(self, title, documents.file_name(meeting.title, "pdf"),
                                   _("PDF document (*.pdf);;Word document (*.docx)"),
                                   "minutes")
        if not chosen:
            return
        path = Path(chosen)
        fmt = "docx" if path.suffix.lower() == ".docx" else "pdf"
        if path.suffix.lower() not in (".pdf", ".docx"):
            path = path.with_suffix(".pdf")
        self._save(path, lambda: documents.export_minutes(meeting.id, fmt, path),
                   title, _("The minutes could not be saved: {reason}"))

    def calendar_file(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        title = _("Calendar file")
        try:
            meeting = self._services.meetings.get_meeting(meeting_id)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        documents = self._services.board_documents
        chosen = prompts.save_file(self, title, documents.file_name(meeting.title, "ics"),
                                   _("Calendar file (*.ics)"), "calendar")
        if not chosen:
            return
        path = Path(chosen)
        self._save(path, lambda: documents.write_calendar(path, meeting.id),
                   title, _("The calendar file could not be saved: {reason}"))

    def _save(self, path: Path, write, title: str, problem: str) -> None:
        """Write ``path`` off the GUI thread; the status line says when it is saved, a
        message why it is not."""
        def saved(_result) -> None:
            self.status_message.emit(_("Saved {file}.").format(file=path.name))

        def failed(error: Exception) -> None:
            prompts.error(self, title, problem.format(reason=str(error)))

        self.status_message.emit(_("Saving {file}…").format(file=path.name))
        self.work.start(write, saved, failed)

    def make_lay_summary(self) -> None:
        """The meeting in plain words, as an outreach item ready for the Outreach section."""
        summary = self.meeting()
        if summary is None:
            return
        title = _("Lay summary for the community")
        services = self._services

        def made(item) -> None:
            try:
                if not another_asked(self, services, title, item):
                    return
                item_id = services.outreach.save(item)
            except ServiceError as exc:
                prompts.error(self, title, str(exc))
                return
            self.outreach_changed.emit()
            prompts.information(self, title, _(
                "“{title}” is now in the Outreach section (item {id}): check it, then print it "
                "or send it as a print pack.").format(title=item.title, id=item_id))

        self.work.start(lambda: services.board_documents.lay_summary(summary.id), made,
                        lambda error: prompts.error(self, title, str(error)))
