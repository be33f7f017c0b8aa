"""Minute-taking's quick records: a decision (Ctrl+D), an action item (Ctrl+T) or a promise to
the community (Ctrl+P), each a small form typed without the mouse (type, Tab, Enter), and the
list of what was recorded for the item being minuted.

Text chosen in the notes starts the form's first field; whatever the answer, the keyboard goes
back to the notes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import N_, _
from advocate_app.i18n.formatting import format_date
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.widgets.heading import Heading

DECIDED_BY = (N_("All members present"), N_("Majority vote"), N_("The chair"),
              N_("By consensus"))
_ROLES = (N_("Chair"), N_("Secretary"), N_("Charity staff"), N_("Research team"),
          N_("Trial sponsor"))


class QuickEntry(QDialog):
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


def recorded_lines(meeting, item_id: int | None) -> list[str]:
    """What was recorded for the agenda item ``item_id`` of ``meeting`` (a MeetingView), one
    line each: its decisions, its action items, then the meeting's promises."""
    lines = []
    for decision in meeting.decisions:
        if decision.agenda_item_id == item_id:
            dissent = _(" (dissent: {dissent})").format(dissent=decision.dissent) \
                if decision.dissent else ""
            lines.append(_("Decision: {text}").format(text=decision.text) + dissent)
    for action in meeting.actions:
        if action.agenda_item_id == item_id:
            due = format_date(action.due_on)  # as dates read everywhere
            lines.append(_("Action: {text} ({owner}, {due})").format(
                text=action.text, owner=action.owner, due=due))
    for promise in meeting.promises:
        if promise.meeting_id == meeting.id:
            lines.append(_("Promise: {text} ({owner})").format(text=promise.text,
                                                               owner=promise.owner))
    return lines


class QuickRecorder(QObject):
    """Asks for a decision, an action item or a promise and records it at the meeting of the
    minute-taking ``window`` (LiveMinutesWindow), for the agenda item ``current_item()``."""

    def __init__(self, window, services, current_item: Callable[[], int | None]):
        super().__init__(window)
        self._window = window
        self._services = services
        self._current_item = current_item

    def _selected_notes(self) -> str:
        return self._window.notes.textCursor().selectedText().replace("\u2029", "\n").strip()

    def _ask(self, dialog: QuickEntry) -> bool:
        """Show a quick entry; the keyboard comes back to the notes whatever the answer."""
        accepted = prompts.run_modal(dialog)
        self._window.activateWindow()
        self._window.focus_notes()
        return accepted

    def record(self, call: Callable[[], object]) -> None:
        """Save the notes, then ``call`` the service; the window shows what it recorded."""
        window = self._window
        window.save_now()
        try:
            call()
        except ServiceError as exc:
            prompts.error(window, window.windowTitle(), str(exc))
            return
        window.show_recorded()
        window.status.showMessage(_("Recorded."))
        window.focus_notes()

    def record_decision(self) -> None:
        dialog = self.decision_dialog()
        if not self._ask(dialog):
            return
        self.record(lambda: self._services.minutes.record_decision(
            self._window.meeting_id, dialog.text.text(), agenda_item_id=self._current_item(),
            decided_by=dialog.decided_by.currentText(), dissent=dialog.dissent.text()))

    def decision_dialog(self) -> QuickEntry:
        dialog = QuickEntry(_("Record a decision"), self._window)
        dialog.text = dialog.add(_("&Decision:"), QLineEdit(self._selected_notes()),
                                 _("What was decided"))
        decided_by = QComboBox()
        decided_by.setEditable(True)
        decided_by.addItems([_(text) for text in DECIDED_BY])
        dialog.decided_by = dialog.add(_("Decided &by:"), decided_by, _("Who decided"))
        dialog.dissent = dialog.add(_("D&issent:"), QLineEdit(), _(
            "Dissent, if any: who disagreed and why"))
        dialog.dissent.setPlaceholderText(_("Leave empty if nobody disagreed"))
        dialog.check = lambda: None if dialog.text.text().strip() else _(
            "Write down what was decided.")
        return dialog

    def record_action(self) -> None:
        dialog = self.action_dialog()
        if not self._ask(dialog):
            return
        member_id, role = _owner_of(dialog.owner)
        due = dialog.due.date().toPython()
        self.record(lambda: self._services.actions.add_action(
            dialog.text.text(), meeting_id=self._window.meeting_id,
            agenda_item_id=self._current_item(), owner_member_id=member_id, owner_role=role,
            due_on=due))

    def action_dialog(self) -> QuickEntry:
        dialog = QuickEntry(_("Record an action item"), self._window)
        dialog.text = dialog.add(_("&Action:"), QLineEdit(self._selected_notes()),
                                 _("What is to be done"))
        dialog.owner = dialog.add(_("&Owner:"), _owner_combo(self._window.meeting.attendees),
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
        self.record(lambda: self._services.actions.add_promise(
            dialog.text.text(), you_said=dialog.you_said.text(),
            meeting_id=self._window.meeting_id, owner_member_id=member_id, owner_role=role,
            audience=dialog.audience.text(), due_on=due))

    def promise_dialog(self) -> QuickEntry:
        dialog = QuickEntry(_("Record a promise to the community"), self._window)
        dialog.you_said = dialog.add(_("&You said:"), QLineEdit(self._selected_notes()),
                                     _("What the community said or asked for"))
        dialog.text = dialog.add(_("&We will:"), QLineEdit(), _("What we promise to do"))
        dialog.owner = dialog.add(_("&Owner:"), _owner_combo(self._window.meeting.attendees),
                                  _("Who will keep the promise: a person or a role"))
        dialog.audience = dialog.add(_("&For:"), QLineEdit(_("All members")),
                                     _("Who the promise is made to"))
        dialog.due = dialog.add(_("D&ue by:"), _due_edit(60), _("Due date"))
        dialog.check = lambda: (
            _("Write down what was promised.") if not dialog.text.text().strip()
            else _("Say who will keep the promise: a person or a role.")
            if not dialog.owner.currentText().strip() else None)
        return dialog
