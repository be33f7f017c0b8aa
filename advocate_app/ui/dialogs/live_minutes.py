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

import logging
import time

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.governance import AttendanceMode, AttendanceStatus, BoardRole
from advocate_app.i18n import N_, _
from advocate_app.i18n.formatting import format_date
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.help import KeyRow, install_help_key, key_text
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading

log = logging.getLogger(__name__)

SAVE_INTERVAL_MS = 500
_DECIDED_BY = (N_("All members present"), N_("Majority vote"), N_("The chair"),
               N_("By consensus"))
_ROLES = (N_("Chair"), N_("Secretary"), N_("Charity staff"), N_("Research team"),
          N_("Trial sponsor"))


def _clock(seconds: int) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class _QuickEntry(QDialog):
    """The small form behind Ctrl+D, Ctrl+T and Ctrl+P: type, Tab, Enter."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Record"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a40000;")
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        self.heading = Heading(title, level=2)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.check = None

    #: Fields are wide enough to read a sentence as it is typed (in average characters).
    FIELD_CHARACTERS = 66

    def add(self, label: str, widget: QWidget, accessible: str) -> QWidget:
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(accessible)
        if isinstance(widget, (QLineEdit, QComboBox)):
            widget.setMinimumWidth(self.fontMetrics().averageCharWidth() * self.FIELD_CHARACTERS)
        if self.form.rowCount() == 0:
            self.first = widget
        self.form.addRow(caption, widget)
        return widget

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)  # typing starts there

    def _accept(self) -> None:
        problem = self.check() if self.check else None
        if problem:
            self.error.setText(problem)
            self.error.setVisible(True)
            return
        self.accept()


def _owner_combo(attendees) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    for attendee in attendees:
        combo.addItem(attendee.name, attendee.member_id)
    for role in _ROLES:
        combo.addItem(_(role), None)
    combo.setCurrentIndex(-1)
    combo.lineEdit().setPlaceholderText(_("A person at the meeting, or a role"))
    return combo


def _owner_of(combo: QComboBox) -> tuple[int | None, str]:
    text = combo.currentText().strip()
    index = combo.findText(text)
    if index >= 0 and combo.itemData(index) is not None:
        return combo.itemData(index), ""
    return None, text


def _due_edit(days: int = 14) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate().addDays(days))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


#: The keys of the attendance list (its event filter and the help both read this).
ATTENDANCE_KEYS = {
    Qt.Key.Key_P: N_("Present in the room; on to the next person"),
    Qt.Key.Key_A: N_("Sent apologies; on to the next person"),
    Qt.Key.Key_X: N_("Absent; on to the next person"),
    Qt.Key.Key_R: N_("Switch between in person and remote; on to the next person"),
}


class LiveMinutesWindow(QMainWindow):
    """Minute-taking for one meeting (a window of its own, beside the main window)."""

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
        self._dirty = False
        self._current_id: int | None = None
        self.saves = 0  # committed autosaves (the status line shows when the last was)

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

        # Agenda -----------------------------------------------------------------------------
        self.agenda = QListWidget()
        self.agenda.setWordWrap(True)
        self.agenda.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again when resized
        self.agenda.setSpacing(2)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.setAccessibleName(_("Agenda"))
        self.agenda.setAccessibleDescription(_("Ctrl+Page Down and Ctrl+Page Up move to the "
                                               "next and previous item."))
        self.agenda.currentRowChanged.connect(self._agenda_row_changed)
        agenda_label = QLabel(_("A&genda (Ctrl+1)"))
        agenda_label.setBuddy(self.agenda)

        # Notes ------------------------------------------------------------------------------
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
        self.notes.textChanged.connect(self._notes_changed)
        notes_label = QLabel(_("&Notes (Ctrl+2)"))
        notes_label.setBuddy(self.notes)
        self.recorded = QListWidget()
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
        self.decision_button.clicked.connect(self.record_decision)
        self.action_button.clicked.connect(self.record_action)
        self.promise_button.clicked.connect(self.record_promise)
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

        # Attendance -------------------------------------------------------------------------
        self.attendance = QListWidget()
        self.attendance.setAccessibleName(_("Attendance"))
        self.attendance.setAccessibleDescription(_(
            "P present, A apologies, X absent, R switches between in person and remote."))
        self.attendance.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attendance.setWordWrap(True)  # long names and roles wrap, never scroll sideways
        self.attendance.setResizeMode(QListView.ResizeMode.Adjust)
        self.attendance.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attendance.installEventFilter(self)
        attendance_label = QLabel(_("Attendance (Ctrl+&3)"))
        attendance_label.setBuddy(self.attendance)
        attendance_hint = QLabel(_("P present · A apologies · X absent · R remote"))
        attendance_hint.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(agenda_label)
        left_layout.addWidget(self.agenda, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(attendance_label)
        right_layout.addWidget(self.attendance, 1)
        right_layout.addWidget(attendance_hint)
        right_layout.addWidget(self.end_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(right)
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

        # The help (F1) lists these from the shortcuts themselves, with their what's-this.
        for keys, slot, what in (
                ("Ctrl+D", self.record_decision, _("Record a decision")),
                ("Ctrl+T", self.record_action, _("Record an action item")),
                ("Ctrl+P", self.record_promise, _("Record a promise to the community")),
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

        self._fill_agenda()
        self._fill_attendance()
        self._update_quorum()
        start = self.meeting.current_item_id
        rows = [i.id for i in self.meeting.agenda]
        self.agenda.setCurrentRow(rows.index(start) if start in rows else 0 if rows else -1)

        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SAVE_INTERVAL_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._save_timer.start()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_clocks)
        self._tick.start()
        self._update_clocks()
        self._fit_screen()

    def _fit_screen(self) -> None:
        """As large as suits the meeting, and never larger than the screen it opens on."""
        screen = (self.parentWidget() or self).screen() or QApplication.primaryScreen()
        room = screen.availableGeometry()
        frame = 40  # the title bar and borders the window manager adds
        self.resize(min(1280, room.width()), min(800, room.height() - frame))

    # -- agenda ---------------------------------------------------------------------------
    def _fill_agenda(self) -> None:
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for number, item in enumerate(self.meeting.agenda, start=1):
            details = _("{minutes} min").format(minutes=item.minutes_allotted)
            if item.presenter:
                details = _("{presenter}, {minutes} min").format(
                    presenter=item.presenter, minutes=item.minutes_allotted)
            row = QListWidgetItem(f"{number}. {item.title}\n    {details}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.agenda.addItem(row)
        self.agenda.blockSignals(False)

    def _item(self, item_id: int | None):
        return next((i for i in self.meeting.agenda if i.id == item_id), None)

    def _agenda_row_changed(self, row: int) -> None:
        if row < 0:
            return
        item_id = self.agenda.item(row).data(Qt.ItemDataRole.UserRole)
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
        self.notes.blockSignals(True)
        self.notes.setPlainText(item.notes)
        self.notes.blockSignals(False)
        self.notes.moveCursor(QTextCursor.MoveOperation.End)
        self._dirty = False
        self._fill_recorded()
        self._update_clocks()

    def move_item(self, step: int) -> None:
        row = self.agenda.currentRow() + step
        if 0 <= row < self.agenda.count():
            self.agenda.setCurrentRow(row)
            self.focus_notes()

    def focus_notes(self) -> None:
        self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.notes.moveCursor(QTextCursor.MoveOperation.End)

    # -- autosave ---------------------------------------------------------------------------
    def _notes_changed(self) -> None:
        self._dirty = True

    def save_now(self) -> None:
        """Save the current item's notes if they changed (the autosave calls this)."""
        if not self._dirty or self._current_id is None:
            return
        text = self.notes.toPlainText()
        try:
            self._services.minutes.save_notes(self._current_id, text)
        except ServiceError as exc:
            self.status.showMessage(str(exc))
            return
        except Exception:  # noqa: BLE001 (a busy database: try again at the next tick)
            log.exception("Saving the notes failed; trying again")
            self.status.showMessage(_("Not saved yet: trying again…"))
            return
        self._dirty = self.notes.toPlainText() != text
        self.saves += 1
        self.status.showMessage(_("Saved at {time}").format(time=time.strftime("%H:%M:%S")))

    # -- clocks and quorum ------------------------------------------------------------------
    def _update_clocks(self) -> None:
        self.clock_label.setText(_("Meeting {clock}").format(
            clock=_clock(time.monotonic() - self._meeting_started)))
        item = self._item(self._current_id)
        if item is None:
            self.item_timer.setText("")
            return
        spent = item.seconds_spent + int(time.monotonic() - self._item_started)
        allotted = item.minutes_allotted * 60
        if spent > allotted:
            text = _("{spent} of {allotted}: over by {over}").format(
                spent=_clock(spent), allotted=_clock(allotted), over=_clock(spent - allotted))
            self.item_timer.setStyleSheet("color: #a40000; font-weight: bold;")
        else:
            text = _("{spent} of {allotted}").format(spent=_clock(spent),
                                                     allotted=_clock(allotted))
            self.item_timer.setStyleSheet("")
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

    # -- attendance -------------------------------------------------------------------------
    def _fill_attendance(self) -> None:
        row = self.attendance.currentRow()
        self.attendance.clear()
        for attendee in self.meeting.attendees:
            mode = (f", {attendee.mode.label}" if attendee.status is AttendanceStatus.PRESENT
                    else "")
            role = "" if attendee.role is BoardRole.MEMBER else f" ({attendee.role.label})"
            entry = QListWidgetItem(f"{attendee.name}{role}: {attendee.status.label}{mode}")
            entry.setData(Qt.ItemDataRole.UserRole, attendee.member_id)
            self.attendance.addItem(entry)
        if self.attendance.count():
            self.attendance.setCurrentRow(max(0, min(row, self.attendance.count() - 1)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if watched is self.attendance and event.type() == QEvent.Type.KeyPress \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            key = event.key()
            if key in ATTENDANCE_KEYS:
                self._attendance_key(key)
                return True
        return super().eventFilter(watched, event)

    def help_keys(self) -> list[KeyRow]:
        """The keys the attendance list handles itself, for the help (F1)."""
        return [KeyRow(key_text([key]), _(what), self.attendance.accessibleName())
                for key, what in ATTENDANCE_KEYS.items()]

    def _attendance_key(self, key) -> None:
        current = self.attendance.currentItem()
        if current is None:
            return
        member_id = current.data(Qt.ItemDataRole.UserRole)
        attendee = next(a for a in self.meeting.attendees if a.member_id == member_id)
        status, mode = attendee.status, None
        if key == Qt.Key.Key_P:  # present in the room: no longer remote
            status, mode = AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON
        elif key == Qt.Key.Key_A:
            status = AttendanceStatus.APOLOGIES
        elif key == Qt.Key.Key_X:
            status = AttendanceStatus.ABSENT
        else:
            status = AttendanceStatus.PRESENT
            mode = (AttendanceMode.IN_PERSON if attendee.mode is AttendanceMode.REMOTE
                    else AttendanceMode.REMOTE)
        try:
            self._services.meetings.set_attendance(self.meeting_id, member_id, status, mode)
        except ServiceError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self.meeting = self._services.meetings.get_meeting(self.meeting_id)
        row = self.attendance.currentRow()
        self._fill_attendance()
        self._update_quorum()
        self.status.showMessage(self.attendance.item(row).text())
        if row + 1 < self.attendance.count():  # on to the next person, as on a register
            self.attendance.setCurrentRow(row + 1)

    # -- recording --------------------------------------------------------------------------
    def _selected_notes(self) -> str:
        return self.notes.textCursor().selectedText().replace("\u2029", "\n").strip()

    def record_decision(self) -> None:
        dialog = self.decision_dialog()
        if not self._ask(dialog):
            return
        self._record(lambda: self._services.minutes.record_decision(
            self.meeting_id, dialog.text.text(), agenda_item_id=self._current_id,
            decided_by=dialog.decided_by.currentText(), dissent=dialog.dissent.text()))

    def decision_dialog(self) -> _QuickEntry:
        dialog = _QuickEntry(_("Record a decision"), self)
        dialog.text = dialog.add(_("&Decision:"), QLineEdit(self._selected_notes()),
                                 _("What was decided"))
        decided_by = QComboBox()
        decided_by.setEditable(True)
        decided_by.addItems([_(text) for text in _DECIDED_BY])
        dialog.decided_by = dialog.add(_("Decided &by:"), decided_by, _("Who decided"))
        dialog.dissent = dialog.add(_("D&issent:"), QLineEdit(), _(
            "Dissent, if any: who disagreed and why"))
        dialog.dissent.setPlaceholderText(_("Leave empty if nobody disagreed"))
        dialog.check = lambda: None if dialog.text.text().strip() else _(
            "Write down what was decided.")
        return dialog

    def _ask(self, dialog: _QuickEntry) -> bool:
        """Show a quick entry; the keyboard comes back to the notes whatever the answer."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self._back()
        return accepted

    def record_action(self) -> None:
        dialog = self.action_dialog()
        if not self._ask(dialog):
            return
        member_id, role = _owner_of(dialog.owner)
        due = dialog.due.date().toPython()
        self._record(lambda: self._services.actions.add_action(
            dialog.text.text(), meeting_id=self.meeting_id, agenda_item_id=self._current_id,
            owner_member_id=member_id, owner_role=role, due_on=due))

    def action_dialog(self) -> _QuickEntry:
        dialog = _QuickEntry(_("Record an action item"), self)
        dialog.text = dialog.add(_("&Action:"), QLineEdit(self._selected_notes()),
                                 _("What is to be done"))
        dialog.owner = dialog.add(_("&Owner:"), _owner_combo(self.meeting.attendees),
                                  _("Who will do it: a person at the meeting, or a role"))
        dialog.due = dialog.add(_("D&ue by:"), _due_edit(14), _("Due date"))
        dialog.check = lambda: (
            _("Write down what is to be done.") if not dialog.text.text().strip()
            else _("Say who will do it: a person or a role.")
            if not dialog.owner.currentText().strip() else None)
        return dialog

    def record_promise(self) -> None:
        dialog = self.promise_dialog()
        if not self._ask(dialog):
            return
        member_id, role = _owner_of(dialog.owner)
        due = dialog.due.date().toPython()
        self._record(lambda: self._services.actions.add_promise(
            dialog.text.text(), you_said=dialog.you_said.text(), meeting_id=self.meeting_id,
            owner_member_id=member_id, owner_role=role, audience=dialog.audience.text(),
            due_on=due))

    def promise_dialog(self) -> _QuickEntry:
        dialog = _QuickEntry(_("Record a promise to the community"), self)
        dialog.you_said = dialog.add(_("&You said:"), QLineEdit(self._selected_notes()),
                                     _("What the community said or asked for"))
        dialog.text = dialog.add(_("&We will:"), QLineEdit(), _("What we promise to do"))
        dialog.owner = dialog.add(_("&Owner:"), _owner_combo(self.meeting.attendees),
                                  _("Who will keep the promise: a person or a role"))
        dialog.audience = dialog.add(_("&For:"), QLineEdit(_("All members")),
                                     _("Who the promise is made to"))
        dialog.due = dialog.add(_("D&ue by:"), _due_edit(60), _("Due date"))
        dialog.check = lambda: (
            _("Write down what was promised.") if not dialog.text.text().strip()
            else _("Say who will keep the promise: a person or a role.")
            if not dialog.owner.currentText().strip() else None)
        return dialog

    def _back(self) -> None:
        """The keyboard back to the notes after a quick entry closes."""
        self.activateWindow()
        self.focus_notes()

    def _record(self, call) -> None:
        self.save_now()
        try:
            call()
        except ServiceError as exc:
            prompts.error(self, self.windowTitle(), str(exc))
            return
        self.meeting = self._services.meetings.get_meeting(self.meeting_id)
        self._fill_recorded()
        self.status.showMessage(_("Recorded."))
        self.focus_notes()

    def _fill_recorded(self) -> None:
        self.recorded.clear()
        item_id = self._current_id
        for decision in self.meeting.decisions:
            if decision.agenda_item_id == item_id:
                dissent = _(" (dissent: {dissent})").format(dissent=decision.dissent) \
                    if decision.dissent else ""
                self.recorded.addItem(_("Decision: {text}").format(text=decision.text)
                                      + dissent)
        for action in self.meeting.actions:
            if action.agenda_item_id == item_id:
                due = format_date(action.due_on)  # as dates read everywhere
                self.recorded.addItem(_("Action: {text} ({owner}, {due})").format(
                    text=action.text, owner=action.owner, due=due))
        for promise in self.meeting.promises:
            if promise.meeting_id == self.meeting_id:
                self.recorded.addItem(_("Promise: {text} ({owner})").format(
                    text=promise.text, owner=promise.owner))

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
        self._save_timer.stop()
        self._tick.stop()
        super().closeEvent(event)
        self.finished.emit(self.meeting_id)
        owner = self.parentWidget()
        if owner is not None:  # back to the main window, keyboard and all
            owner.window().activateWindow()
