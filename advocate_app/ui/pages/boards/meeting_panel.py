"""The chosen meeting, beside the list: its live quorum, who came, and what the people
invited need; and, on its Feedback tab, what the people who came thought of it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from advocate_app.domain.access import Permission
from advocate_app.i18n import _
from advocate_app.ui.widgets.heading import Heading


class MeetingPanel(QGroupBox):
    def __init__(self, services):
        super().__init__(_("Chosen meeting"))
        self._services = services
        self._meeting_id: int | None = None
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("The chosen meeting and its feedback"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        about = QWidget()
        side = QVBoxLayout(about)
        self.quorum_label = QLabel()
        self.attendance_label = QLabel()
        self.needs_label = QLabel()
        for label in (self.quorum_label, self.attendance_label, self.needs_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.needs_heading = Heading(_("What the people invited need"), level=3)
        side.addWidget(self.quorum_label)
        side.addWidget(self.attendance_label)
        side.addWidget(self.needs_heading)
        side.addWidget(self.needs_label)
        side.addStretch(1)
        from advocate_app.domain.feedback_views import EventKind
        from advocate_app.ui.widgets.feedback_panel import FeedbackPanel

        self.feedback = FeedbackPanel(services, EventKind.MEETING)
        self.tabs.addTab(about, _("Meeting"))
        self.tabs.addTab(self.feedback, _("Feedback"))
        # Feedback belongs to events: an account that may not run them (a board secretary)
        # does not see the tab its services would refuse.
        self.tabs.setTabVisible(self.tabs.indexOf(self.feedback),
                                services.actor.may(Permission.RUN_EVENTS))
        self.tabs.currentChanged.connect(lambda _index: self._tab_changed())
        QVBoxLayout(self).addWidget(self.tabs)
        self.setMinimumWidth(200)
        self.setMaximumWidth(360)

    def _tab_changed(self) -> None:
        """The feedback is read when its tab is shown, and has room for its table."""
        on_feedback = self.tabs.currentWidget() is self.feedback
        self.setMaximumWidth(16777215 if on_feedback else 360)
        if on_feedback and self.feedback.event_id() != self._meeting_id:
            self.feedback.set_event(self._meeting_id)

    def show_meeting(self, meeting) -> None:
        """The live quorum and what the people invited need, for ``meeting`` (a summary)."""
        from advocate_app.ui.dialogs.meeting_editor import needs_text, quorum_text

        meetings = self._services.meetings
        self.setTitle(meeting.title)
        self._meeting_id = meeting.id
        if self.tabs.currentWidget() is self.feedback:
            self.feedback.set_event(meeting.id)
        upcoming = meeting.starts_at >= datetime.now(UTC) or not meeting.closed
        quorum = quorum_text(meetings.quorum(meeting.id))
        self.quorum_label.setText(quorum)
        self.quorum_label.setAccessibleName(quorum)
        attendance = self._attendance_text(meetings.get_meeting(meeting.id))
        self.attendance_label.setText(attendance)
        self.attendance_label.setAccessibleName(attendance)
        self.attendance_label.setVisible(bool(attendance))
        needs = needs_text(meetings.invitee_needs(meeting.id))
        self.needs_label.setText(needs)
        self.needs_label.setAccessibleName(needs)
        self.needs_heading.setVisible(upcoming)
        self.needs_label.setVisible(upcoming)

    @staticmethod
    def _attendance_text(meeting) -> str:
        """Who came, sent apologies or was absent, once any of it is recorded; empty before."""
        from advocate_app.domain.governance import AttendanceStatus
        from advocate_app.services.minutes import attendance_groups

        if all(a.status is AttendanceStatus.INVITED for a in meeting.attendees):
            return ""
        from advocate_app.i18n.formatting import format_list

        return "\n".join(_("{heading}: {names}").format(heading=heading, names=format_list(names))
                         for heading, names in attendance_groups(meeting))
