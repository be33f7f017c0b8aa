"""Plan a story-sharing session: who facilitates, when and where (in person or online), the
support offered (a quiet room, breaks, a support person, a counsellor), notes, and the people
taking part with whether they came.

The details are kept when the person presses Save. Participants and their attendance are
recorded as they change (the list is often kept during the session itself).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.story_rules import SessionAttendance, SessionMode, SessionSupport
from advocate_app.i18n import _, mid_sentence
from advocate_app.services.errors import ConcurrentEditError, ServiceError
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.board_editor import name_buttons, say_errors, zone_combo
from advocate_app.ui.dialogs.record_lists import records_table, whole_rows_model
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row, selected_id
from advocate_app.ui.widgets.checks import checkbox_grid
from advocate_app.ui.widgets.dates import prepare_date_edit
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import readable_columns

P_NAME, P_ATTENDANCE = range(2)


def labelled(text: str, widget: QWidget) -> QLabel:
    """A label for ``widget`` (its Alt key moves there); the widget is named by its words."""
    label = QLabel(text)
    label.setBuddy(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(text.replace("&", "").rstrip(":").strip())
    return label



def session_as_input(view):
    """A stored session as the editor's input, to compare with what the editor holds."""
    from advocate_app.domain.board_views import zone
    from advocate_app.domain.story_views import StorySessionInput

    return StorySessionInput(
        view.title, view.starts_at.astimezone(zone(view.timezone)).replace(tzinfo=None),
        view.duration_minutes, view.timezone, view.mode, view.place, view.online_link,
        view.support, view.notes, view.facilitator_id)

class MemberField(QWidget):
    """A member chosen with the member picker, or nobody: their name, Choose… and Clear."""

    def __init__(self, services, title: str, member_id: int | None, name: str,
                 none_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._title = title
        self._none_text = none_text
        self.member_id = member_id
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        self.choose_button = QPushButton(_("C&hoose…"))
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QPushButton(_("No&body"))
        self.clear_button.clicked.connect(lambda: self.set_member(None, ""))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose_button)
        self.set_member(member_id, name)

    def set_member(self, member_id: int | None, name: str) -> None:
        self.member_id = member_id
        shown = name if member_id is not None else self._none_text
        self.name_label.setText(shown)
        self.choose_button.setAccessibleName(
            _("Choose the {what} (now: {name})").format(what=mid_sentence(self._title), name=shown))
        self.clear_button.setAccessibleName(_("No {what}").format(what=mid_sentence(self._title)))
        self.clear_button.setEnabled(member_id is not None)

    def choose(self) -> None:
        chosen = board_editor.pick_member(self._services, self, _("Choose the {what}").format(
            what=mid_sentence(self._title)))
        if chosen is not None:
            self.set_member(*chosen)


class StorySessionEditor(QDialog):
    """``session_id`` None plans a new session."""

    def __init__(self, services, session_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)
        self._services = services
        self.session_id = session_id
        self.saved_id: int | None = None
        session = services.story_sessions.get(session_id) if session_id else None
        #: The session's version this editor started from (a save from it may be refused).
        self.version = session.version if session else None
        #: The values it started from: a field differing from them is the person's edit.
        self._base = session_as_input(session) if session else None
        self.setWindowTitle(_("Edit story-sharing session") if session
                            else _("New story-sharing session"))
        self.heading = Heading(session.title if session else _("New story-sharing session"),
                               level=2)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Parts of the session"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.tabs.addTab(self._details_tab(session), _("&Details"))
        self.tabs.addTab(self._people_tab(), _("Pa&rticipants"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 820, 640)
        self.refresh_people()

    # --- details ---------------------------------------------------------------------------

    def _details_tab(self, session) -> QWidget:
        tab = QWidget()
        self.title_field = QLineEdit(session.title if session else "")
        self.title_field.setAccessibleName(_("Session title"))
        self.facilitator = MemberField(
            self._services, _("Facilitator"), session.facilitator_id if session else None,
            session.facilitator_name if session else "", _("Not chosen yet"))
        self.date_edit = QDateEdit()
        prepare_date_edit(self.date_edit)
        self.date_edit.setAccessibleName(_("Date"))
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(_("Start time"))
        if session is not None:
            local = session.local_start
            self.date_edit.setDate(QDate(local.year, local.month, local.day))
            self.time_edit.setTime(QTime(local.hour, local.minute))
        else:
            self.date_edit.setDate(QDate.currentDate().addDays(14))
            self.time_edit.setTime(QTime(14, 0))
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(15, 8 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(_(" minutes"))
        self.duration_spin.setAccessibleName(_("Length of the session in minutes"))
        self.duration_spin.setValue(session.duration_minutes if session else 90)
        self.timezone_combo = zone_combo(session.timezone if session else "Europe/London",
                                         _("Time zone of the start time"))
        self.mode_combo = QComboBox()
        for mode in SessionMode:
            self.mode_combo.addItem(mode.label, mode.value)
        if session is not None:
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(session.mode.value))
        self.place_field = QLineEdit(session.place if session else "")
        self.place_field.setPlaceholderText(_("Room and address"))
        self.link_field = QLineEdit(session.online_link if session else "")
        self.link_field.setPlaceholderText("https://")
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._mode_changed())

        support, self.support_checks = checkbox_grid(
            _("Support offered"), SessionSupport, chosen=session.support if session else ())
        self.notes_field = QPlainTextEdit(session.notes if session else "")
        self.notes_field.setTabChangesFocus(True)
        self.notes_field.setPlaceholderText(_("For example: tea at half time; the room is "
                                              "step-free; a counsellor is in the next room"))
        self.notes_field.setMaximumHeight(self.fontMetrics().height() * 5)

        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(labelled(_("&Starts at:"), self.time_edit))
        when.addWidget(self.time_edit)
        when.addWidget(labelled(_("&Lasts:"), self.duration_spin))
        when.addWidget(self.duration_spin)
        when.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(labelled(_("&Title:"), self.title_field), self.title_field)
        form.addRow(labelled(_("&Facilitator:"), self.facilitator), self.facilitator)
        date_label = QLabel(_("D&ate:"))
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, when)
        form.addRow(labelled(_("Time &zone:"), self.timezone_combo), self.timezone_combo)
        form.addRow(labelled(_("&In person or online:"), self.mode_combo), self.mode_combo)
        form.addRow(labelled(_("&Place:"), self.place_field), self.place_field)
        form.addRow(labelled(_("Online lin&k:"), self.link_field), self.link_field)
        notes_label = labelled(_("&Notes:"), self.notes_field)

        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(support)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_field)
        layout.addStretch(1)
        self._mode_changed()
        return tab

    def _mode_changed(self) -> None:
        """Online sessions are joined by their link; the place says where people meet."""
        online = self.mode_combo.currentData() == SessionMode.ONLINE.value
        self.place_field.setPlaceholderText(_("Optional for an online session") if online
                                            else _("Room and address"))
        self.link_field.setPlaceholderText("https://" if online
                                           else _("Optional for a session in person"))

    # --- participants ----------------------------------------------------------------------

    def _people_tab(self) -> QWidget:
        tab = QWidget()
        self.people_note = QLabel(_("Save the session first; then add the people taking "
                                    "part and, afterwards, whether they came."))
        self.people_note.setWordWrap(True)
        self.people_model = whole_rows_model([_("Name"), _("Attendance")], self)
        self.people_table = records_table(self.people_model, _("Participants"), P_NAME)
        # The attendance lists share the width with the names, so none is cut short.
        readable_columns(self.people_table, (P_NAME, P_ATTENDANCE))
        people_label = QLabel(_("Pe&ople taking part:"))
        people_label.setBuddy(self.people_table)
        self.add_person_button = QPushButton(_("&Add a participant…"))
        self.add_person_button.setAccessibleName(_("Add a participant"))
        self.add_person_button.clicked.connect(self.add_participant)
        self.remove_person_button = QPushButton(_("Remo&ve participant"))
        self.remove_person_button.setAccessibleName(_("Remove participant"))
        self.remove_person_button.clicked.connect(self.remove_participant)
        self.people_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_people_buttons())
        self.attendance_combos: dict[int, QComboBox] = {}
        layout = QVBoxLayout(tab)
        layout.addWidget(self.people_note)
        layout.addWidget(people_label)
        layout.addWidget(self.people_table, 1)
        layout.addWidget(flow_of(self.add_person_button, self.remove_person_button))
        return tab

    def refresh_people(self) -> None:
        saved = self.session_id is not None
        self.people_note.setVisible(not saved)
        people = self._services.story_sessions.participants(self.session_id) if saved else []
        self.attendance_combos.clear()
        self.people_model.set_rows(Row(person.member_id, (person.name,)) for person in people)
        for row, person in enumerate(people):
            combo = QComboBox()
            for value in SessionAttendance:
                combo.addItem(value.label, value.value)
            combo.setCurrentIndex(max(0, combo.findData(SessionAttendance(
                person.attendance).value)))
            combo.setAccessibleName(_("Attendance of {name}").format(name=person.name))
            combo.currentIndexChanged.connect(
                lambda _i, m=person.member_id: self._attendance_chosen(m))
            self.people_table.setIndexWidget(self.people_model.index(row, P_ATTENDANCE), combo)
            self.attendance_combos[person.member_id] = combo
        self._update_people_buttons()

    def _update_people_buttons(self) -> None:
        saved = self.session_id is not None
        self.add_person_button.setEnabled(saved)
        self.remove_person_button.setEnabled(saved and selected_id(self.people_table)
                                             is not None)

    def _attendance_chosen(self, member_id: int) -> None:
        value = SessionAttendance(self.attendance_combos[member_id].currentData())
        try:
            self._services.story_sessions.set_attendance(self.session_id, member_id, value)
        except ServiceError as exc:
            say_errors(self, _("Attendance"), exc)
            self.refresh_people()

    def add_participant(self) -> None:
        if self.session_id is None:
            return
        title = _("Add a participant")
        chosen = board_editor.pick_member(self._services, self, title,
                                          set(self.attendance_combos))
        if chosen is None:
            return
        try:
            self._services.story_sessions.add_participant(self.session_id, chosen[0])
        except ServiceError as exc:
            say_errors(self, title, exc)
            return
        self.refresh_people()

    def remove_participant(self) -> None:
        member_id = selected_id(self.people_table)
        if self.session_id is None or member_id is None:
            return
        try:
            self._services.story_sessions.remove_participant(self.session_id, member_id)
        except ServiceError as exc:
            say_errors(self, _("Remove participant"), exc)
            return
        self.refresh_people()

    # --- saving ----------------------------------------------------------------------------

    def session_input(self):
        from advocate_app.domain.story_views import StorySessionInput

        day, time = self.date_edit.date(), self.time_edit.time()
        return StorySessionInput(
            title=self.title_field.text(), facilitator_id=self.facilitator.member_id,
            starts_local=datetime(day.year(), day.month(), day.day(), time.hour(),
                                  time.minute()),
            duration_minutes=self.duration_spin.value(),
            timezone=self.timezone_combo.currentText().strip(),
            mode=SessionMode(self.mode_combo.currentData()), place=self.place_field.text(),
            online_link=self.link_field.text(),
            support=frozenset(s for s, check in self.support_checks.items()
                              if check.isChecked()),
            notes=self.notes_field.toPlainText().strip())

    def save(self, merged=None) -> None:
        """Save the form (or ``merged``: the form with a colleague's changes to the fields
        not edited here)."""
        try:
            data = merged or self.session_input()
            if self.session_id is None:
                self.session_id = self._services.story_sessions.create(data)
            else:
                self._services.story_sessions.update(self.session_id, data, self.version)
        except ConcurrentEditError as exc:
            self._someone_else_saved(exc, data)
            return
        except ServiceError as exc:
            say_errors(self, _("Save session"), exc)
            return
        self.saved_id = self.session_id
        self.accept()

    def _someone_else_saved(self, error: ConcurrentEditError, data) -> None:
        """Both versions side by side; mine saved over theirs, or theirs kept (the editor
        closes on them)."""
        from advocate_app.ui.dialogs.edit_conflict import settle_editor, settle_edits

        choice, merged = settle_edits(self, _("Save session"), error, self._base, data,
                                      session_as_input, {
            "title": _("Title"), "starts_local": _("Starts"),
            "duration_minutes": _("Minutes long"), "timezone": _("Time zone"),
            "mode": _("In person or online"), "place": _("Place"),
            "online_link": _("Online link"), "support": _("Support"), "notes": _("Notes"),
            "facilitator_id": _("Facilitator")})
        settle_editor(self, choice, merged, error.version)
