"""Live minute-taking: one screen that follows the agenda while the meeting happens.

Built for a secretary who has to keep up: the notes of the current agenda item take most of the
screen; the agenda with a timer per item, the attendance with a live quorum, and what has been
recorded sit around it. Everything is one keystroke away:

=====================  ==========================================
Ctrl+D                 record a decision (who decided, dissent)
Ctrl+T                 record an action item (owner, due date)
Ctrl+P                 record a promise to the community
Ctrl+Page Down / Up    next / previous agenda item
Ctrl+1 / Ctrl+2 / Ctrl+3  agenda / notes / attendance
P, A, X, R             (in the attendance list) present, apologies, absent, remote
Ctrl+E                 end the meeting
=====================  ==========================================

Notes are saved continuously: twice a second whenever they changed, on every move to another
item and when the window closes, each save a small committed write. Killing the app or losing
power loses at most the last second of typing; the next start opens this screen again on the
same item with the cursor at the end of the notes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.change_watch import ChangeWatch
from advocate_app.ui.dialogs.minutes_agenda import (
    AgendaPanel,
    item_timer_text,
    meeting_clock_text,
)
from advocate_app.ui.dialogs.minutes_attendance import AttendancePanel
from advocate_app.ui.dialogs.minutes_autosave import NotesAutosave
from advocate_app.ui.dialogs.minutes_record import QuickRecorder, recorded_lines
from advocate_app.ui.dialogs.record_lists import whole_rows_model
from advocate_app.ui.help import KeyRow, install_help_key
from advocate_app.ui.models.rows import Row
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading


class LiveMinutesWindow(QMainWindow):
    """Minute-taking for one meeting (a window of its own, beside the main window).

    The agenda (minutes_agenda), the attendance (minutes_attendance), the quick records
    (minutes_record) and the autosave (minutes_autosave) are each a part of their own; the
    window lays them out, follows the item being minuted and keeps the clocks and the quorum."""

    #: The window closed (the meeting ended, or minute-taking stopped for now): the meeting's
    #: id, so what shows the meeting elsewhere can show its attendance and quorum as they are.
    finished = Signal(int)

    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.meeting_id = meeting_id
        self._services.minutes.start_minutes(meeting_id)
        self.meeting = self._services.meetings.get_meeting(meeting_id)
        self.setWindowTitle(_("Minutes: {title}").format(title=self.meeting.title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._item_started = time.monotonic()
        self._meeting_started = time.monotonic()
        self._current_id: int | None = None

        self.title_label = Heading(self.meeting.title)
        self.quorum_label = QLabel()
        self.quorum_label.setAccessibleName(_("Quorum"))
        self.clock_label = QLabel()
        self.clock_label.setAccessibleName(_("Time since the meeting started"))
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.quorum_label)
        top.addSpacing(16)
        top.addWidget(self.clock_label)

        self.agenda_panel = AgendaPanel()
        self.agenda = self.agenda_panel.view
        self.agenda_panel.item_chosen.connect(self._item_chosen)
        centre = self._notes_part()
        self.attendance_panel = AttendancePanel(services, meeting_id)
        self.attendance = self.attendance_panel.view
        self.attendance_panel.changed.connect(self._attendance_changed)
        self.attendance_panel.add_below(self.end_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.agenda_panel)
        splitter.addWidget(centre)
        splitter.addWidget(self.attendance_panel)
        splitter.setStretchFactor(1, 1)
        side = max(220, self.fontMetrics().averageCharWidth() * 30)  # grows with the text
        splitter.setSizes([side, side * 3, side])

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        # On a small screen or with large text, the whole screen scrolls rather than putting
        # End the meeting and what was recorded out of reach below the screen's edge.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(body)
        self.setCentralWidget(scroller)
        self.status = self.statusBar()
        self.autosave = NotesAutosave(self.notes, self.status, services.minutes.save_notes,
                                      lambda: self._current_id, self,
                                      stored=services.minutes.notes)
        # Another secretary's notes on this item appear while this one is not typing.
        self.change_watch = ChangeWatch(self, services.changes, lambda: self.autosave)
        self.recorder = QuickRecorder(self, services, lambda: self._current_id)
        self.decision_button.clicked.connect(self.recorder.record_decision)
        self.action_button.clicked.connect(self.recorder.record_action)
        self.promise_button.clicked.connect(self.recorder.record_promise)

        # The help (F1) lists these from the shortcuts themselves, with their what's-this.
        for keys, slot, what in (
                ("Ctrl+D", self.recorder.record_decision, _("Record a decision")),
                ("Ctrl+T", self.recorder.record_action, _("Record an action item")),
                ("Ctrl+P", self.recorder.record_promise,
                 _("Record a promise to the community")),
                ("Ctrl+PgDown", lambda: self.move_item(1), _("Next agenda item")),
                ("Ctrl+PgUp", lambda: self.move_item(-1), _("Previous agenda item")),
                ("Ctrl+E", self.end_meeting, _("End the meeting")),
                ("Ctrl+1", lambda: self.agenda.setFocus(), _("Go to the agenda")),
                ("Ctrl+2", self.focus_notes, _("Go to the notes")),
                ("Ctrl+3", lambda: self.attendance.setFocus(), _("Go to the attendance list"))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setWhatsThis(what)
            shortcut.activated.connect(slot)
        install_help_key(self)

        self.agenda_panel.show_agenda(self.meeting.agenda)
        self.attendance_panel.show_attendees(self.meeting.attendees)
        self._update_quorum()
        self.agenda_panel.choose(self.meeting.current_item_id)

        self.autosave.timer.start()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_clocks)
        self._tick.start()
        self._update_clocks()
        self._fit_screen()

    def _notes_part(self) -> QWidget:
        """The middle: the item's title and timer, its notes, the buttons that record and move
        on, and what was recorded for it."""
        self.item_heading = Heading("", level=2)
        self.item_timer = QLabel()
        self.item_timer.setAccessibleName(_("Time on this item"))
        timer_font = QFont(self.item_timer.font())
        timer_font.setPointSizeF(timer_font.pointSizeF() * 1.3)
        self.item_timer.setFont(timer_font)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes for this item"))
        self.notes.setAccessibleDescription(_(
            "Saved as you type. Ctrl+D records a decision, Ctrl+T an action item, Ctrl+P a "
            "promise."))
        font = QFont(self.notes.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.notes.setFont(font)
        notes_label = QLabel(_("&Notes (Ctrl+2)"))
        notes_label.setBuddy(self.notes)
        self.recorded_model = whole_rows_model([""], self)
        self.recorded = QListView()
        self.recorded.setModel(self.recorded_model)
        self.recorded.setAccessibleName(_("Recorded for this item"))
        # About five lines of what was recorded, at any text size; more scrolls.
        self.recorded.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.recorded.setWordWrap(True)
        self.recorded.setResizeMode(QListView.ResizeMode.Adjust)

        self.decision_button = QPushButton(_("&Decision (Ctrl+D)"))
        self.action_button = QPushButton(_("Ac&tion item (Ctrl+T)"))
        self.promise_button = QPushButton(_("&Promise (Ctrl+P)"))
        self.previous_button = QPushButton(_("Pre&vious item"))
        self.next_button = QPushButton(_("Ne&xt item"))
        self.end_button = QPushButton(_("&End the meeting (Ctrl+E)"))
        self.previous_button.clicked.connect(lambda: self.move_item(-1))
        self.next_button.clicked.connect(lambda: self.move_item(1))
        self.end_button.clicked.connect(self.end_meeting)
        # The buttons wrap onto a second line when the text is large or the window narrow.
        moving = QWidget()  # previous and next stay together
        moving_layout = QHBoxLayout(moving)
        moving_layout.setContentsMargins(0, 0, 0, 0)
        moving_layout.addWidget(self.previous_button)
        moving_layout.addWidget(self.next_button)
        record_row = flow_of(self.decision_button, self.action_button, self.promise_button,
                             right=(moving,))

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.item_heading, 1)
        heading_row.addWidget(self.item_timer)
        centre_layout.addLayout(heading_row)
        centre_layout.addWidget(notes_label)
        centre_layout.addWidget(self.notes, 1)
        centre_layout.addWidget(record_row)
        recorded_label = QLabel(_("Recorded for this item:"))
        recorded_label.setBuddy(self.recorded)
        centre_layout.addWidget(recorded_label)
        centre_layout.addWidget(self.recorded)
        return centre

    def _fit_screen(self) -> None:
        """As large as suits the meeting, and never larger than the screen it opens on."""
        screen = (self.parentWidget() or self).screen() or QApplication.primaryScreen()
        room = screen.availableGeometry()
        frame = 40  # the title bar and borders the window manager adds
        self.resize(min(1280, room.width()), min(800, room.height() - frame))

    # -- the item being minuted -------------------------------------------------------------
    def _item(self, item_id: int | None):
        return next((i for i in self.meeting.agenda if i.id == item_id), None)

    def _item_chosen(self, item_id: int) -> None:
        if item_id == self._current_id:
            return
        self.save_now()
        spent = int(time.monotonic() - self._item_started) if self._current_id else 0
        try:
            self._services.minutes.set_current_item(self.meeting_id, item_id, spent)
            self.meeting = self._services.meetings.get_meeting(self.meeting_id)
        except ServiceError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self._current_id = item_id
        self._item_started = time.monotonic()
        item = self._item(item_id)
        self.item_heading.setText(item.title)
        self.autosave.show_notes(item.notes, item.version)
        self._fill_recorded()
        self._update_clocks()

    def move_item(self, step: int) -> None:
        if self.agenda_panel.step(step):
            self.focus_notes()

    def focus_notes(self) -> None:
        self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.notes.moveCursor(QTextCursor.MoveOperation.End)

    def save_now(self) -> None:
        """Save the current item's notes if they changed (the autosave calls this too)."""
        self.autosave.save_now()

    # -- clocks and quorum ------------------------------------------------------------------
    def _update_clocks(self) -> None:
        self.clock_label.setText(meeting_clock_text(time.monotonic() - self._meeting_started))
        item = self._item(self._current_id)
        if item is None:
            self.item_timer.setText("")
            return
        spent = item.seconds_spent + int(time.monotonic() - self._item_started)
        text, style = item_timer_text(spent, item.minutes_allotted * 60)
        self.item_timer.setStyleSheet(style)
        self.item_timer.setText(text)

    def _update_quorum(self) -> None:
        quorum = self._services.meetings.quorum(self.meeting_id)
        if quorum.met:
            self.quorum_label.setText(_("✓ Quorum: {present} present, {needed} needed").format(
                present=quorum.present, needed=quorum.needed))
            self.quorum_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            self.quorum_label.setText(_("✗ No quorum: {present} present, {needed} needed")
                                      .format(present=quorum.present, needed=quorum.needed))
            self.quorum_label.setStyleSheet("color: #a40000; font-weight: bold;")

    # -- attendance and what was recorded ---------------------------------------------------
    def _attendance_changed(self, meeting, line: str) -> None:
        self.meeting = meeting
        self._update_quorum()
        self.status.showMessage(line)

    def help_keys(self) -> list[KeyRow]:
        """The keys the attendance list handles itself, for the help (F1)."""
        return self.attendance_panel.help_keys()

    def show_recorded(self) -> None:
        """Read the meeting again and list what was recorded for the current item."""
        self.meeting = self._services.meetings.get_meeting(self.meeting_id)
        self._fill_recorded()

    def _fill_recorded(self) -> None:
        self.recorded_model.set_rows(
            Row(number, (line,))
            for number, line in enumerate(recorded_lines(self.meeting, self._current_id)))

    # -- ending -----------------------------------------------------------------------------
    def end_meeting(self) -> None:
        if not prompts.confirm(self, _("End the meeting"), _(
                "End the meeting? The minutes stay a draft that you can still correct, then "
                "circulate."), destructive_label=_("&End the meeting")):
            return
        self.save_now()
        spent = int(time.monotonic() - self._item_started) if self._current_id else 0
        try:
            self._services.minutes.close_meeting(self.meeting_id, spent)
        except ServiceError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self._current_id = None
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.save_now()
        self.autosave.timer.stop()
        self._tick.stop()
        super().closeEvent(event)
        self.finished.emit(self.meeting_id)
        owner = self.parentWidget()
        if owner is not None:  # back to the main window, keyboard and all
            owner.window().activateWindow()
