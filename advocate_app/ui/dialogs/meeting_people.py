"""The meeting editor's People and needs tab: who is invited, their attendance recorded as it
changes (often during the meeting itself), and beneath it the quorum and what the people
invited need, as the meeting editor words them.

The people are rows of the rows model (their member ids kept in the model); each person's
attendance and way of taking part is chosen in the row itself, in two lists placed over the
row's last two cells and reached with Tab, as a keyboard user always has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.governance import AttendanceMode, AttendanceStatus
from advocate_app.i18n import _
from advocate_app.ui.dialogs.record_lists import records_table, whole_rows_model
from advocate_app.ui.models.rows import Row
from advocate_app.ui.widgets.heading import Heading

P_NAME, P_ROLE, P_STATUS, P_MODE = range(4)


def _selectable_label() -> QLabel:
    """Plain text that wraps and that the keyboard reaches and reads."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


class PeopleTab(QWidget):
    """The people invited to one meeting; with ``read_only`` nothing changes."""

    #: A person's attendance or way of taking part was chosen: their member id.
    attendance_chosen = Signal(int)

    def __init__(self, read_only: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._read_only = read_only
        self.note = QLabel(_("The board's members are invited when the meeting is saved; then "
                             "you can record who came here."))
        self.note.setWordWrap(True)
        self.model = whole_rows_model([_("Name"), _("Role"), _("Attendance"),
                                       _("Taking part")], self)
        self.table = records_table(self.model, _("People invited"), P_NAME)
        people_label = QLabel(_("People &invited:"))
        people_label.setBuddy(self.table)
        self.invite_button = QPushButton(_("Invite someone &else…"))
        self.invite_button.setAccessibleName(_("Invite someone else"))
        self.quorum_label = _selectable_label()
        self.needs_heading = Heading(_("What the people invited need"), level=3)
        self.needs_label = _selectable_label()
        self.status_combos: dict[int, QComboBox] = {}
        self.mode_combos: dict[int, QComboBox] = {}

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(people_label)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.invite_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.quorum_label)
        layout.addWidget(self.needs_heading)
        layout.addWidget(self.needs_label)

    def show_people(self, attendees, saved: bool) -> None:
        """List ``attendees`` (AttendeeView) of a ``saved`` meeting; none before it is."""
        self.note.setVisible(not saved)
        self.invite_button.setEnabled(saved and not self._read_only)
        self.status_combos.clear()
        self.mode_combos.clear()
        # The two lists of each row are chosen in the row itself, reached with Tab.
        self.model.set_rows(Row(person.member_id, (person.name, person.role.label))
                            for person in attendees)
        for row, person in enumerate(attendees):
            status = QComboBox()
            for value in AttendanceStatus:
                status.addItem(value.label, value.value)
            status.setCurrentIndex(status.findData(person.status.value))
            status.setAccessibleName(_("Attendance of {name}").format(name=person.name))
            mode = QComboBox()
            for value in AttendanceMode:
                mode.addItem(value.label, value.value)
            mode.setCurrentIndex(mode.findData(person.mode.value))
            mode.setAccessibleName(_("How {name} takes part").format(name=person.name))
            for combo in (status, mode):
                combo.setEnabled(not self._read_only)
                combo.currentIndexChanged.connect(
                    lambda _i, m=person.member_id: self.attendance_chosen.emit(m))
            self.table.setIndexWidget(self.model.index(row, P_STATUS), status)
            self.table.setIndexWidget(self.model.index(row, P_MODE), mode)
            self.status_combos[person.member_id] = status
            self.mode_combos[person.member_id] = mode

    def attendance(self, member_id: int) -> tuple[AttendanceStatus, AttendanceMode]:
        """The attendance and way of taking part chosen for ``member_id``."""
        return (AttendanceStatus(self.status_combos[member_id].currentData()),
                AttendanceMode(self.mode_combos[member_id].currentData()))

    def show_texts(self, quorum: str, needs: str) -> None:
        """The quorum and the needs, as words (read whole by a screen reader too)."""
        for label, text in ((self.quorum_label, quorum), (self.needs_label, needs)):
            label.setText(text)
            label.setAccessibleName(text)
