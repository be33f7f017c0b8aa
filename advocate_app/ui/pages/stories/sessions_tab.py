"""The Sessions tab: story-sharing sessions (when, in their own time zone; who facilitates; in
person or online; how many take part), planned and changed in the session editor, cancelled,
and saved as a calendar file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from advocate_app.i18n import _, ngettext, pgettext
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import Row, select_id, selected_id
from advocate_app.ui.pages.boards.common import Work, button, meeting_when, records_table
from advocate_app.ui.widgets.flow import flow_of


def session_state(session) -> str:
    """"Cancelled", or how many take part, in words."""
    if session.cancelled:
        return pgettext("story-sharing session", "Cancelled")
    return ngettext("{n} person", "{n} people", session.participant_count).format(
        n=session.participant_count)


class SessionsTab(QWidget):
    status_message = Signal(str)

    def __init__(self, services, run_dialog: Callable[[QDialog], bool]):
        super().__init__()
        self._services = services
        self._run_dialog = run_dialog
        self._sessions: list = []
        self.work = Work(self)
        intro = QLabel(_("Story-sharing sessions: a safe space where people tell their "
                         "stories, with the support each person needs."))
        intro.setWordWrap(True)
        self.table = records_table([_("When"), _("Session"), _("Facilitator"), _("Held"),
                                    _("Taking part")], _("Story-sharing sessions"), (1,))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.table.activated.connect(lambda _index: self.edit_session())  # Enter, double-click
        self.empty_label = QLabel(_("No story-sharing sessions yet. Plan one with New "
                                    "session."))
        self.empty_label.setWordWrap(True)
        self.new_button = button(_("&New session…"), self.new_session)
        self.edit_button = button(_("Edit sessi&on…"), self.edit_session)
        self.cancel_button = button(_("&Cancel session…"), self.cancel_session)
        self.calendar_button = button(_("Calendar fi&le…"), self.calendar_file,
                                      _("Save a calendar file for the session"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(flow_of(self.new_button, self.edit_button, self.calendar_button,
                                 self.cancel_button))
        from advocate_app.domain.feedback_views import EventKind
        from advocate_app.ui.widgets.feedback_panel import FeedbackPanel
        from advocate_app.ui.widgets.heading import Heading

        self.feedback = FeedbackPanel(services, EventKind.STORY_SESSION)
        self.feedback.status_message.connect(self.status_message)
        layout.addWidget(Heading(_("Feedback on the chosen session"), level=2))
        layout.addWidget(self.feedback, 1)

    def refresh(self) -> None:
        keep = self.session_id()
        self._sessions = list(self._services.story_sessions.list())
        self.table.model().set_rows(
            Row(s.id, (meeting_when(s.starts_at, s.timezone, two_lines=True), s.title,
                       s.facilitator_name or _("Not chosen yet"), s.mode.label,
                       session_state(s)))
            for s in self._sessions)
        self.empty_label.setVisible(not self._sessions)
        if self._sessions:
            select_id(self.table, keep, or_first=True)
        self.update_buttons()

    def session_id(self) -> int | None:
        return selected_id(self.table)

    def session(self):
        return next((s for s in self._sessions if s.id == self.session_id()), None)

    def select_session(self, session_id: int) -> None:
        select_id(self.table, session_id, or_first=True)

    def update_buttons(self) -> None:
        session = self.session()
        self.edit_button.setEnabled(session is not None)
        self.cancel_button.setEnabled(session is not None and not session.cancelled)
        self.calendar_button.setEnabled(session is not None)
        chosen = session.id if session is not None else None
        if chosen != self.feedback.event_id():
            self.feedback.set_event(chosen)

    def new_session(self) -> None:
        self._open(None)

    def edit_session(self) -> None:
        if self.session_id() is not None:
            self._open(self.session_id())

    def _open(self, session_id: int | None) -> None:
        from advocate_app.ui.dialogs.story_session_editor import StorySessionEditor

        try:
            dialog = StorySessionEditor(self._services, session_id, self)
        except ServiceError as exc:
            prompts.error(self, _("Story-sharing session"), str(exc))
            self.refresh()
            return
        accepted = self._run_dialog(dialog)
        # Participants and attendance are kept as they change, so the list follows anyway.
        self.refresh()
        if accepted and dialog.saved_id is not None:
            self.select_session(dialog.saved_id)
            self.status_message.emit(_("Session “{title}” saved.").format(
                title=dialog.title_field.text().strip()))

    def cancel_session(self) -> None:
        session = self.session()
        if session is None or session.cancelled:
            return
        title = _("Cancel session")
        if not prompts.confirm(self, title, _(
                "Cancel “{title}” on {when}? It stays in the list, marked cancelled; a new "
                "calendar file tells calendars it is off.").format(
                title=session.title, when=meeting_when(session.starts_at, session.timezone)),
                destructive_label=_("Cancel the &session")):
            return
        try:
            self._services.story_sessions.cancel(session.id)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
        else:
            self.status_message.emit(_("Session “{title}” cancelled.").format(
                title=session.title))
        self.refresh()

    def calendar_file(self) -> None:
        session = self.session()
        if session is None:
            return
        title = _("Calendar file")
        chosen = prompts.save_file(self, title, _("{title}.ics").format(
            title=_safe_name(session.title)), _("Calendar file (*.ics)"), "calendar")
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        sessions = self._services.story_sessions

        def saved(_result) -> None:
            self.status_message.emit(_("Saved {file}.").format(file=path.name))

        def failed(error: Exception) -> None:
            prompts.error(self, title, _("The calendar file could not be saved: {reason}")
                          .format(reason=str(error)))

        self.status_message.emit(_("Saving {file}…").format(file=path.name))
        self.work.start(lambda: sessions.write_calendar(path, session.id), saved, failed)


def _safe_name(title: str) -> str:
    """A file name from a title: no characters a file system refuses."""
    cleaned = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in title).strip()
    return cleaned[:80] or "session"
