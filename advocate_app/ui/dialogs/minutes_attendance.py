"""Minute-taking's attendance: the register on the right, kept with one key per person.

P, A, X and R mark the chosen person present (in the room), sending apologies, absent, or
switch them between in person and remote, each saved at once; then the next person is chosen,
as on a paper register.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from advocate_app.domain.governance import AttendanceMode, AttendanceStatus, BoardRole
from advocate_app.i18n import N_, _
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.record_lists import whole_rows_model
from advocate_app.ui.help import KeyRow, key_text
from advocate_app.ui.models.rows import Row

#: The keys of the attendance list (its event filter and the help both read this).
ATTENDANCE_KEYS = {
    Qt.Key.Key_P: N_("Present in the room; on to the next person"),
    Qt.Key.Key_A: N_("Sent apologies; on to the next person"),
    Qt.Key.Key_X: N_("Absent; on to the next person"),
    Qt.Key.Key_R: N_("Switch between in person and remote; on to the next person"),
}


def attendance_change(attendee, key) -> tuple[AttendanceStatus, AttendanceMode | None]:
    """The status and mode ``key`` gives ``attendee`` (None: the mode stays as it is)."""
    if key == Qt.Key.Key_P:  # present in the room: no longer remote
        return AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON
    if key == Qt.Key.Key_A:
        return AttendanceStatus.APOLOGIES, None
    if key == Qt.Key.Key_X:
        return AttendanceStatus.ABSENT, None
    return AttendanceStatus.PRESENT, (
        AttendanceMode.IN_PERSON if attendee.mode is AttendanceMode.REMOTE
        else AttendanceMode.REMOTE)


def attendee_text(attendee) -> str:
    """"Amina Haddad (Chair): Present, In person"."""
    values = {"name": attendee.name, "role": attendee.role.label,
              "status": attendee.status.label, "mode": attendee.mode.label}
    # Whole sentences, so that a language orders them its own way and a right-to-left one
    # keeps an English name in its place.
    if attendee.status is AttendanceStatus.PRESENT:
        if attendee.role is BoardRole.MEMBER:
            return _("{name}: {status}, {mode}").format(**values)
        return _("{name} ({role}): {status}, {mode}").format(**values)
    if attendee.role is BoardRole.MEMBER:
        return _("{name}: {status}").format(**values)
    return _("{name} ({role}): {status}").format(**values)


class AttendancePanel(QWidget):
    """The register of one meeting: its label, the list of the people invited and the hint of
    its keys; ``add_below`` puts more (End the meeting) underneath."""

    #: Attendance was saved: the meeting as it is now (MeetingView), and the changed line.
    changed = Signal(object, str)

    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._meeting_id = meeting_id
        self._attendees: tuple = ()
        self.model = whole_rows_model([""], self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.model.keep_selection_of(self.view)  # the chosen person stays chosen
        self.view.setAccessibleName(_("Attendance"))
        self.view.setAccessibleDescription(_(
            "P present, A apologies, X absent, R switches between in person and remote."))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)  # long names and roles wrap, never scroll sideways
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.installEventFilter(self)
        label = QLabel(_("Attendance (Ctrl+&3)"))
        label.setBuddy(self.view)
        hint = QLabel(_("P present · A apologies · X absent · R remote"))
        hint.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(label)
        self._layout.addWidget(self.view, 1)
        self._layout.addWidget(hint)

    def add_below(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)

    def show_attendees(self, attendees) -> None:
        """List ``attendees`` (AttendeeView), keeping the chosen row."""
        self._attendees = tuple(attendees)
        self.model.set_rows(Row(attendee.member_id, (attendee_text(attendee),))
                            for attendee in self._attendees)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def help_keys(self) -> list[KeyRow]:
        """The keys the attendance list handles itself, for the help (F1)."""
        return [KeyRow(key_text([key]), _(what), self.view.accessibleName())
                for key, what in ATTENDANCE_KEYS.items()]

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.KeyPress \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            key = event.key()
            if key in ATTENDANCE_KEYS:
                self.mark(key)
                return True
        return super().eventFilter(watched, event)

    def mark(self, key) -> None:
        """What ``key`` (one of ATTENDANCE_KEYS) says of the chosen person, saved; then on to
        the next person."""
        current = self.view.currentIndex()
        if not current.isValid():
            return
        member_id = self.model.row_id(current)
        attendee = next(a for a in self._attendees if a.member_id == member_id)
        status, mode = attendance_change(attendee, key)
        window = self.window()
        try:
            self._services.meetings.set_attendance(self._meeting_id, member_id, status, mode)
        except ServiceError as exc:
            prompts.error(window, window.windowTitle(), str(exc))
            return
        meeting = self._services.meetings.get_meeting(self._meeting_id)
        self.show_attendees(meeting.attendees)
        row = self.view.currentIndex().row()
        self.changed.emit(meeting, self.model.cell(row, 0).text)
        if row + 1 < self.model.rowCount():  # on to the next person, as on a register
            self.view.setCurrentIndex(self.model.index(row + 1, 0))
