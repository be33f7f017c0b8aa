"""Plan a meeting: when and where, access arrangements, the agenda, and who comes.

The details and the agenda are kept when the person presses Save. Attendance is recorded as it
changes (it is taken at the meeting itself, often while the dialog is open on the secretary's
screen), and the quorum shown beside it follows at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.governance import (
    AccessArrangement,
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
)
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import date_edit_format, format_datetime
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.board_editor import (
    fit_to_screen,
    name_buttons,
    say_errors,
    zone_combo,
)
from advocate_app.ui.help import install_help_key
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import readable_columns

A_TITLE, A_PRESENTER, A_MINUTES = range(3)
P_NAME, P_ROLE, P_STATUS, P_MODE = range(4)


@dataclass
class _AgendaRow:
    item_id: int | None
    title: str
    presenter: str
    minutes: int
    papers: str


def quorum_text(quorum) -> str:
    """"Quorum: 3 of 4 needed present (not met yet)" in plain words."""
    text = _("Quorum: {present} of {needed} needed present").format(
        present=quorum.present, needed=quorum.needed)
    return text + " " + (_("(met)") if quorum.met else _("(not met yet)"))


def needs_text(needs: list[tuple[str, int]]) -> str:
    if not needs:
        return _("No access needs or barriers are recorded for the people invited.")
    return "\n".join("• " + text for text, _count in needs)


class MeetingEditor(QDialog):
    """``board`` is the BoardView the meeting belongs to; ``meeting_id`` None for a new one."""

    def __init__(self, services, board, meeting_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self._services = services
        self._board = board
        self.meeting_id = meeting_id
        self.saved_id: int | None = None
        meeting = services.meetings.get_meeting(meeting_id) if meeting_id else None
        self._meeting = meeting
        self.read_only = bool(meeting and meeting.read_only)
        self.setWindowTitle(_("Edit meeting") if meeting else _("New meeting"))
        self.heading = Heading(meeting.title if meeting else _("New meeting of {board}").format(
            board=board.name), level=2)

        self.read_only_label = QLabel()
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        if self.read_only:
            text = _("These minutes were approved on {when}. Nothing about this meeting can be "
                     "changed any more.").format(
                when=format_datetime(meeting.approved_at.astimezone(), "medium")
                if meeting.approved_at else "")
            self.read_only_label.setText(text)
            self.read_only_label.setAccessibleName(text)
        self.read_only_label.setVisible(self.read_only)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Parts of the meeting"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.tabs.addTab(self._details_tab(meeting), _("&Details"))
        self.tabs.addTab(self._agenda_tab(meeting), _("A&genda"))
        self.tabs.addTab(self._people_tab(), _("&People and needs"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if self.read_only:
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        name_buttons(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.read_only_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 860, 680)
        self._fill_agenda()
        self.refresh_people()
        if self.read_only:
            self._make_read_only()

    # --- details ---------------------------------------------------------------------------

    def _details_tab(self, meeting) -> QWidget:
        tab = QWidget()
        local = meeting.local_start if meeting else None
        self.title_field = QLineEdit(meeting.title if meeting else "")
        self.title_field.setAccessibleName(_("Meeting title"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_edit_format())
        self.date_edit.setAccessibleName(_("Date"))
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(_("Start time"))
        if local is not None:
            self.date_edit.setDate(QDate(local.year, local.month, local.day))
            self.time_edit.setTime(QTime(local.hour, local.minute))
        else:
            self.date_edit.setDate(QDate.currentDate().addDays(14))
            self.time_edit.setTime(QTime(18, 0))
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(_(" minutes"))
        self.duration_spin.setAccessibleName(_("Length of the meeting in minutes"))
        self.duration_spin.setValue(
            int((meeting.ends_at - meeting.starts_at).total_seconds() // 60) if meeting else 90)
        self.timezone_combo = zone_combo(meeting.timezone if meeting else self._board.timezone,
                                         _("Time zone of the start time"))
        self.place_field = QLineEdit(meeting.place if meeting else "")
        self.place_field.setAccessibleName(_("Place"))
        self.place_field.setPlaceholderText(_("Room and address, or “Online only”"))
        self.link_field = QLineEdit(meeting.online_link if meeting else "")
        self.link_field.setAccessibleName(_("Online link"))
        self.link_field.setPlaceholderText("https://")

        self.arrangement_checks: dict[AccessArrangement, QCheckBox] = {}
        arrangements = QGroupBox(_("Access arrangements"))
        grid = QGridLayout(arrangements)
        chosen = meeting.arrangements if meeting else frozenset()
        for index, arrangement in enumerate(AccessArrangement):
            check = QCheckBox(arrangement.label)
            check.setAccessibleName(arrangement.label)
            check.setChecked(arrangement in chosen)
            self.arrangement_checks[arrangement] = check
            grid.addWidget(check, index // 2, index % 2)
        self.notes_field = QPlainTextEdit(meeting.arrangements_notes if meeting else "")
        self.notes_field.setTabChangesFocus(True)
        self.notes_field.setAccessibleName(_("Notes on access arrangements"))
        self.notes_field.setPlaceholderText(_("For example: interpreter booked for 18:00; "
                                              "papers posted a week before"))
        self.notes_field.setMaximumHeight(self.fontMetrics().height() * 5)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        time_label = QLabel(_("&Starts at:"))
        time_label.setBuddy(self.time_edit)
        when.addWidget(time_label)
        when.addWidget(self.time_edit)
        length_label = QLabel(_("&Lasts:"))
        length_label.setBuddy(self.duration_spin)
        when.addWidget(length_label)
        when.addWidget(self.duration_spin)
        when.addStretch(1)
        for text, field in ((_("&Title:"), self.title_field), (_("D&ate:"), when),
                            (_("Time &zone:"), self.timezone_combo),
                            (_("&Place:"), self.place_field),
                            (_("Online lin&k:"), self.link_field)):
            label = QLabel(text)
            if isinstance(field, QWidget):
                label.setBuddy(field)
                form.addRow(label, field)
            else:
                label.setBuddy(self.date_edit)
                form.addRow(label, field)
        notes_label = QLabel(_("&Notes on arrangements:"))
        notes_label.setBuddy(self.notes_field)

        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(arrangements)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_field)
        layout.addStretch(1)
        return tab

    # --- agenda ----------------------------------------------------------------------------

    def _agenda_tab(self, meeting) -> QWidget:
        tab = QWidget()
        self._agenda = [_AgendaRow(item.id, item.title, item.presenter, item.minutes_allotted,
                                   item.papers) for item in (meeting.agenda if meeting else ())]
        self._original_agenda_ids = [row.item_id for row in self._agenda]
        self.agenda_table = QTableWidget(0, 3)
        self.agenda_table.setAccessibleName(_("Agenda"))
        self.agenda_table.setAccessibleDescription(_(
            "Press F2 or start typing to change a title, presenter or number of minutes."))
        self.agenda_table.setHorizontalHeaderLabels([_("Item"), _("Presenter"),
                                                     _("Time (min)")])
        self.agenda_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda_table.setTabKeyNavigation(False)
        self.agenda_table.verticalHeader().setVisible(False)
        self.agenda_table.horizontalHeader().setHighlightSections(False)
        readable_columns(self.agenda_table, A_TITLE)  # a long title wraps, whole
        self.agenda_table.itemChanged.connect(self._agenda_cell_changed)
        self.agenda_table.itemSelectionChanged.connect(self._agenda_selection_changed)
        agenda_label = QLabel(_("&Agenda items:"))
        agenda_label.setBuddy(self.agenda_table)

        self.add_item_button = QPushButton(_("Add &item…"))
        self.add_item_button.clicked.connect(self.add_agenda_item_asked)
        self.remove_item_button = QPushButton(_("&Remove item"))
        self.remove_item_button.clicked.connect(self.remove_agenda_item)
        self.up_button = QPushButton(_("Move &up"))
        self.up_button.clicked.connect(lambda: self.move_agenda_item(-1))
        self.down_button = QPushButton(_("Move do&wn"))
        self.down_button.clicked.connect(lambda: self.move_agenda_item(1))
        for button in (self.add_item_button, self.remove_item_button, self.up_button,
                       self.down_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.papers_field = QLineEdit()
        self.papers_field.setAccessibleName(_("Papers for the chosen agenda item"))
        self.papers_field.setPlaceholderText(_("Names or links of the papers to read before"))
        self.papers_field.textEdited.connect(self._papers_changed)
        papers_label = QLabel(_("Pape&rs for this item:"))
        papers_label.setBuddy(self.papers_field)
        self.agenda_total = QLabel()
        self.agenda_total.setAccessibleName(_("Agenda length"))

        layout = QVBoxLayout(tab)
        layout.addWidget(agenda_label)
        layout.addWidget(self.agenda_table, 1)
        row = QHBoxLayout()
        for button in (self.add_item_button, self.remove_item_button, self.up_button,
                       self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.agenda_total)
        layout.addLayout(row)
        papers_row = QHBoxLayout()
        papers_row.addWidget(papers_label)
        papers_row.addWidget(self.papers_field, 1)
        layout.addLayout(papers_row)
        return tab

    def _fill_agenda(self, select: int | None = None) -> None:
        table = self.agenda_table
        table.blockSignals(True)
        table.setRowCount(len(self._agenda))
        for row, entry in enumerate(self._agenda):
            for column, text in ((A_TITLE, entry.title), (A_PRESENTER, entry.presenter),
                                 (A_MINUTES, str(entry.minutes))):
                item = QTableWidgetItem(text)
                if column == A_MINUTES:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.blockSignals(False)
        if select is not None and 0 <= select < len(self._agenda):
            table.selectRow(select)
        self._agenda_selection_changed()
        total = sum(entry.minutes for entry in self._agenda)
        self.agenda_total.setText(_("{items}, {minutes} in all").format(
            items=ngettext("{n} item", "{n} items", len(self._agenda)).format(
                n=len(self._agenda)),
            minutes=ngettext("{n} minute", "{n} minutes", total).format(n=total)))

    def _agenda_row(self) -> int | None:
        rows = self.agenda_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _agenda_selection_changed(self) -> None:
        row = self._agenda_row()
        chosen = row is not None and not self.read_only
        for widget in (self.remove_item_button, self.papers_field):
            widget.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < len(self._agenda) - 1)
        self.papers_field.setText(self._agenda[row].papers if row is not None else "")

    def _agenda_cell_changed(self, item: QTableWidgetItem) -> None:
        entry = self._agenda[item.row()]
        text = item.text().strip()
        if item.column() == A_TITLE:
            if text:
                entry.title = text
            else:  # an item keeps a title
                self._fill_agenda(item.row())
        elif item.column() == A_PRESENTER:
            entry.presenter = text
        else:
            try:
                entry.minutes = max(1, int(text))
            except ValueError:
                pass
            self._fill_agenda(item.row())

    def _papers_changed(self, text: str) -> None:
        row = self._agenda_row()
        if row is not None:
            self._agenda[row].papers = text

    def add_agenda_item_asked(self) -> None:
        title = prompts.ask_text(self, _("Add an agenda item"), _("What is the item about?"))
        if title:
            self.add_agenda_item(title)
            self.agenda_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_agenda_item(self, title: str, presenter: str = "", minutes: int = 10,
                        papers: str = "") -> None:
        self._agenda.append(_AgendaRow(None, title.strip(), presenter, minutes, papers))
        self._fill_agenda(len(self._agenda) - 1)

    def remove_agenda_item(self) -> None:
        row = self._agenda_row()
        if row is not None:
            self._agenda.pop(row)
            self._fill_agenda(min(row, len(self._agenda) - 1))

    def move_agenda_item(self, offset: int) -> None:
        row = self._agenda_row()
        if row is None or not 0 <= row + offset < len(self._agenda):
            return
        self._agenda[row], self._agenda[row + offset] = self._agenda[row + offset], \
            self._agenda[row]
        self._fill_agenda(row + offset)

    # --- people ----------------------------------------------------------------------------

    def _people_tab(self) -> QWidget:
        tab = QWidget()
        self.people_note = QLabel(_("The board's members are invited when the meeting is "
                                    "saved; then you can record who came here."))
        self.people_note.setWordWrap(True)
        self.people_table = QTableWidget(0, 4)
        self.people_table.setAccessibleName(_("People invited"))
        self.people_table.setHorizontalHeaderLabels([_("Name"), _("Role"), _("Attendance"),
                                                     _("Taking part")])
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_table.setTabKeyNavigation(False)
        self.people_table.verticalHeader().setVisible(False)
        self.people_table.horizontalHeader().setHighlightSections(False)
        readable_columns(self.people_table, P_NAME)
        people_label = QLabel(_("People &invited:"))
        people_label.setBuddy(self.people_table)
        self.invite_button = QPushButton(_("Invite someone &else…"))
        self.invite_button.setAccessibleName(_("Invite someone else"))
        self.invite_button.clicked.connect(self.invite_someone)
        self.quorum_label = QLabel()
        self.quorum_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quorum_label.setWordWrap(True)
        self.quorum_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.quorum_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.needs_heading = Heading(_("What the people invited need"), level=3)
        self.needs_label = QLabel()
        self.needs_label.setTextFormat(Qt.TextFormat.PlainText)
        self.needs_label.setWordWrap(True)
        self.needs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.needs_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._status_combos: dict[int, QComboBox] = {}
        self._mode_combos: dict[int, QComboBox] = {}

        layout = QVBoxLayout(tab)
        layout.addWidget(self.people_note)
        layout.addWidget(people_label)
        layout.addWidget(self.people_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.invite_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.quorum_label)
        layout.addWidget(self.needs_heading)
        layout.addWidget(self.needs_label)
        return tab

    def refresh_people(self) -> None:
        """Re-read who is invited, the quorum and what people need."""
        saved = self.meeting_id is not None
        self.people_note.setVisible(not saved)
        self.invite_button.setEnabled(saved and not self.read_only)
        table = self.people_table
        self._status_combos.clear()
        self._mode_combos.clear()
        if not saved:
            table.setRowCount(0)
            self.quorum_label.setText(_("Quorum: counted once the meeting is saved."))
            self.quorum_label.setAccessibleName(self.quorum_label.text())
            self.needs_label.setText(_("Shown once the meeting is saved and people are "
                                       "invited."))
            self.needs_label.setAccessibleName(self.needs_label.text())
            return
        meeting = self._services.meetings.get_meeting(self.meeting_id)
        table.setRowCount(len(meeting.attendees))
        for row, person in enumerate(meeting.attendees):
            for column, text in ((P_NAME, person.name), (P_ROLE, person.role.label)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, person.member_id)
                table.setItem(row, column, item)
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
                combo.setEnabled(not self.read_only)
                combo.currentIndexChanged.connect(
                    lambda _i, m=person.member_id: self._attendance_changed(m))
            table.setCellWidget(row, P_STATUS, status)
            table.setCellWidget(row, P_MODE, mode)
            self._status_combos[person.member_id] = status
            self._mode_combos[person.member_id] = mode
        self._show_quorum()

    def _show_quorum(self) -> None:
        text = quorum_text(self._services.meetings.quorum(self.meeting_id))
        self.quorum_label.setText(text)
        self.quorum_label.setAccessibleName(text)
        needs = needs_text(self._services.meetings.invitee_needs(self.meeting_id))
        self.needs_label.setText(needs)
        self.needs_label.setAccessibleName(needs)

    def status_combo(self, member_id: int) -> QComboBox:
        return self._status_combos[member_id]

    def mode_combo(self, member_id: int) -> QComboBox:
        return self._mode_combos[member_id]

    def _attendance_changed(self, member_id: int) -> None:
        status = AttendanceStatus(self._status_combos[member_id].currentData())
        mode = AttendanceMode(self._mode_combos[member_id].currentData())
        try:
            self._services.meetings.set_attendance(self.meeting_id, member_id, status, mode)
        except ServiceError as exc:
            say_errors(self, _("Attendance"), exc)
            self.refresh_people()
            return
        self._show_quorum()

    def invite_someone(self) -> None:
        if self.meeting_id is None:
            return
        invited = set(self._status_combos)
        chosen = board_editor.pick_member(self._services, self, _("Invite someone else"),
                                          invited)
        if chosen is None:
            return
        try:
            self._services.meetings.invite(self.meeting_id, chosen[0], BoardRole.OBSERVER)
        except ServiceError as exc:
            say_errors(self, _("Invite someone else"), exc)
            return
        self.refresh_people()

    # --- read-only and saving --------------------------------------------------------------

    def _make_read_only(self) -> None:
        for field in (self.title_field, self.place_field, self.link_field, self.papers_field):
            field.setReadOnly(True)
        self.notes_field.setReadOnly(True)
        for widget in (self.date_edit, self.time_edit, self.duration_spin):
            widget.setReadOnly(True)
        for widget in (self.timezone_combo, *self.arrangement_checks.values(),
                       self.add_item_button, self.remove_item_button, self.up_button,
                       self.down_button, self.invite_button):
            widget.setEnabled(False)
        self.agenda_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def meeting_input(self):
        from advocate_app.domain.board_views import MeetingInput

        day, time = self.date_edit.date(), self.time_edit.time()
        starts = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        return MeetingInput(
            board_id=self._board.id, title=self.title_field.text(), starts_local=starts,
            duration_minutes=self.duration_spin.value(),
            timezone=self.timezone_combo.currentText().strip(), place=self.place_field.text(),
            online_link=self.link_field.text(),
            arrangements=frozenset(a for a, check in self.arrangement_checks.items()
                                   if check.isChecked()),
            arrangements_notes=self.notes_field.toPlainText().strip())

    def save(self) -> None:
        from advocate_app.domain.board_views import AgendaInput

        if self.read_only:
            self.reject()
            return
        try:
            data = self.meeting_input()
            entries = [AgendaInput(row.title, row.presenter, row.minutes, row.papers)
                       for row in self._agenda]
            if self.meeting_id is None:
                self.meeting_id = self._services.meetings.schedule_meeting(data, entries)
            else:
                self._services.meetings.update_meeting(self.meeting_id, data)
                self._save_agenda()
        except ServiceError as exc:
            say_errors(self, _("Save meeting"), exc)
            return
        self.saved_id = self.meeting_id
        self.accept()

    def _save_agenda(self) -> None:
        """Make the stored agenda what the table shows: removed, changed, added, in order."""
        from advocate_app.domain.board_views import AgendaInput

        kept = {row.item_id for row in self._agenda if row.item_id is not None}
        for item_id in self._original_agenda_ids:
            if item_id not in kept:
                self._services.meetings.remove_agenda_item(item_id)
        for row in self._agenda:
            entry = AgendaInput(row.title, row.presenter, row.minutes, row.papers)
            if row.item_id is None:
                row.item_id = self._services.meetings.add_agenda_item(self.meeting_id, entry)
            else:
                self._services.meetings.update_agenda_item(row.item_id, entry)
        self._original_agenda_ids = [row.item_id for row in self._agenda]
        wanted = list(self._original_agenda_ids)
        stored = [item.id for item in self._services.meetings.get_meeting(self.meeting_id).agenda]
        # Move each item up into its place, one step at a time, as a person would.
        for target, item_id in enumerate(wanted):
            position = stored.index(item_id)
            while position > target:
                self._services.meetings.move_agenda_item(item_id, -1)
                stored[position - 1], stored[position] = stored[position], stored[position - 1]
                position -= 1
