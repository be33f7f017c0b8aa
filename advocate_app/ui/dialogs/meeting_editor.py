"""Plan a meeting: when and where, access arrangements, the agenda, and who comes.

The details and the agenda are kept when the person presses Save. Attendance is recorded as it
changes (it is taken at the meeting itself, often while the dialog is open on the secretary's
screen), and the quorum shown beside it follows at once.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.board_views import MeetingInput
from advocate_app.domain.governance import AccessArrangement, BoardRole
from advocate_app.i18n import _
from advocate_app.i18n.formatting import date_edit_format, format_datetime
from advocate_app.services.errors import ConcurrentEditError, ServiceError
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.board_editor import (
    fit_to_screen,
    name_buttons,
    say_errors,
    zone_combo,
)
from advocate_app.ui.dialogs.meeting_agenda import AgendaTab
from advocate_app.ui.dialogs.meeting_people import PeopleTab
from advocate_app.ui.help import install_help_key
from advocate_app.ui.widgets.checks import checkbox_grid
from advocate_app.ui.widgets.heading import Heading


def quorum_text(quorum) -> str:
    """"Quorum: 3 of 4 needed present (not met yet)" in plain words."""
    text = _("Quorum: {present} of {needed} needed present").format(
        present=quorum.present, needed=quorum.needed)
    return text + " " + (_("(met)") if quorum.met else _("(not met yet)"))


def needs_text(needs: list[tuple[str, int]]) -> str:
    if not needs:
        return _("No access needs or barriers are recorded for the people invited.")
    return "\n".join("• " + text for text, _count in needs)


def meeting_fields() -> dict[str, str]:
    """The meeting's fields compared when someone else saved it meanwhile."""
    return {"title": _("Title"), "starts_local": _("Starts"),
            "duration_minutes": _("Minutes long"), "timezone": _("Time zone"),
            "place": _("Place"), "online_link": _("Online link"),
            "arrangements": _("Access arrangements"),
            "arrangements_notes": _("About the arrangements")}


def meeting_as_input(view) -> MeetingInput:
    """A stored meeting as the editor's input, to compare with what the editor holds."""
    return MeetingInput(
        board_id=view.board_id, title=view.title,
        starts_local=view.local_start.replace(tzinfo=None),
        duration_minutes=int((view.ends_at - view.starts_at).total_seconds() // 60),
        timezone=view.timezone, place=view.place, online_link=view.online_link,
        arrangements=view.arrangements, arrangements_notes=view.arrangements_notes)


class MeetingEditor(QDialog):
    """``board`` is the BoardView the meeting belongs to; ``meeting_id`` None for a new one.

    The details are laid out here; the agenda (meeting_agenda) and the people invited
    (meeting_people) are tabs of their own. Whether anything can change is the meeting's to
    say (``MeetingView.read_only``); the quorum is the meetings service's."""

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
        #: The meeting's version this editor started from (a save from it may be refused).
        self.version = meeting.version if meeting else None
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

        self.agenda_tab = AgendaTab(meeting.agenda if meeting else (), self.read_only)
        self.agenda_table = self.agenda_tab.table
        self.agenda_total = self.agenda_tab.total
        self.add_item_button = self.agenda_tab.add_button
        self.people_tab = PeopleTab(self.read_only)
        self.people_table = self.people_tab.table
        self.invite_button = self.people_tab.invite_button
        self.quorum_label = self.people_tab.quorum_label
        self.needs_label = self.people_tab.needs_label
        self._status_combos = self.people_tab.status_combos
        self.invite_button.clicked.connect(self.invite_someone)
        self.people_tab.attendance_chosen.connect(self._attendance_changed)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Parts of the meeting"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.tabs.addTab(self._details_tab(meeting), _("&Details"))
        self.tabs.addTab(self.agenda_tab, _("A&genda"))
        self.tabs.addTab(self.people_tab, _("&People and needs"))

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
        self.agenda_tab.fill()
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

        arrangements, self.arrangement_checks = checkbox_grid(
            _("Access arrangements"), AccessArrangement,
            chosen=meeting.arrangements if meeting else ())
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

    def add_agenda_item_asked(self) -> None:
        self.agenda_tab.add_item_asked()

    def add_agenda_item(self, title: str, presenter: str = "", minutes: int = 10,
                        papers: str = "") -> None:
        self.agenda_tab.add_item(title, presenter, minutes, papers)

    def remove_agenda_item(self) -> None:
        self.agenda_tab.remove_item()

    def move_agenda_item(self, offset: int) -> None:
        self.agenda_tab.move_item(offset)

    # --- people ----------------------------------------------------------------------------

    def refresh_people(self) -> None:
        """Re-read who is invited, the quorum and what people need."""
        if self.meeting_id is None:
            self.people_tab.show_people((), saved=False)
            self.people_tab.show_texts(
                _("Quorum: counted once the meeting is saved."),
                _("Shown once the meeting is saved and people are invited."))
            return
        meeting = self._services.meetings.get_meeting(self.meeting_id)
        self.people_tab.show_people(meeting.attendees, saved=True)
        self._show_quorum()

    def _show_quorum(self) -> None:
        meetings = self._services.meetings
        self.people_tab.show_texts(quorum_text(meetings.quorum(self.meeting_id)),
                                   needs_text(meetings.invitee_needs(self.meeting_id)))

    def status_combo(self, member_id: int):
        return self.people_tab.status_combos[member_id]

    def mode_combo(self, member_id: int):
        return self.people_tab.mode_combos[member_id]

    def _attendance_changed(self, member_id: int) -> None:
        status, mode = self.people_tab.attendance(member_id)
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
        invited = set(self.people_tab.status_combos)
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
        for field in (self.title_field, self.place_field, self.link_field):
            field.setReadOnly(True)
        self.notes_field.setReadOnly(True)
        for widget in (self.date_edit, self.time_edit, self.duration_spin):
            widget.setReadOnly(True)
        for widget in (self.timezone_combo, *self.arrangement_checks.values(),
                       self.invite_button):
            widget.setEnabled(False)
        self.agenda_tab.make_read_only()

    def meeting_input(self) -> MeetingInput:
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

    def _someone_else_saved(self, error: ConcurrentEditError, data: MeetingInput) -> None:
        """Their changes to fields not edited here are kept without a question; a field both
        changed is shown side by side: mine saved over theirs, or theirs kept (the editor
        closes on them)."""
        from advocate_app.ui.dialogs.edit_conflict import settle_editor, settle_edits

        base = meeting_as_input(self._meeting) if self._meeting else None
        choice, merged = settle_edits(self, _("Save meeting"), error, base, data,
                                      meeting_as_input, meeting_fields())
        settle_editor(self, choice, merged, error.version)

    def save(self, merged: MeetingInput | None = None) -> None:
        """Save the form (or ``merged``: the form with a colleague's changes to the fields
        not edited here)."""
        if self.read_only:
            self.reject()
            return
        try:
            data = merged or self.meeting_input()
            if self.meeting_id is None:
                self.meeting_id = self._services.meetings.schedule_meeting(
                    data, self.agenda_tab.entries())
            else:
                self._services.meetings.update_meeting(self.meeting_id, data, self.version)
                self.agenda_tab.save(self._services.meetings, self.meeting_id)
        except ConcurrentEditError as exc:
            self._someone_else_saved(exc, data)
            return
        except ServiceError as exc:
            say_errors(self, _("Save meeting"), exc)
            return
        self.saved_id = self.meeting_id
        self.accept()
