"""The Registrations tab: who registered for the chosen webinar, the waitlist in order, the
access they asked for (totalled above the list, so the organiser books the interpreter), and
who came."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from advocate_app.domain.webinar_kinds import (
    AttendanceOutcome,
    RegistrationStatus,
    WebinarAccess,
    WebinarStatus,
)
from advocate_app.i18n import _
from advocate_app.i18n.formatting import language_name
from advocate_app.services.errors import ConcurrentEditError, ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.edit_conflict import keep_mine
from advocate_app.ui.models.rows import Cell, Row, RowsModel, select_id, selected_id
from advocate_app.ui.pages.webinars.common import (
    button,
    minutes_text,
    needs_totals_text,
    reading_label,
    set_reading,
)
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import rows_table

NAME, STATUS, WAITLIST, NEEDS, ATTENDANCE = range(5)
#: How many webinars' registrations are kept, to be shown again at once when chosen again.
KEPT_WEBINARS = 4


class _Read(NamedTuple):
    """A webinar's registrations as read at ``marker``, their rows and the needs totals."""

    marker: tuple
    registrations: list
    rows: list
    needs: str


_NOTHING = _Read((), [], [], "")


def needs_cell(registration) -> str:
    parts = []
    for access in WebinarAccess:
        if access not in registration.needs:
            continue
        if access is WebinarAccess.INTERPRETATION and registration.interpretation_language:
            code = registration.interpretation_language
            parts.append(_("{access} ({language})").format(
                access=access.label, language=language_name(code) or code))
        else:
            parts.append(access.label)
    if registration.needs_notes:
        parts.append(registration.needs_notes)
    return "; ".join(parts)


class RegistrationsTab(QWidget):
    status_message = Signal(str)
    changed = Signal()  # registrations changed: the list's places and waitlist follow

    def __init__(self, services, run_dialog: Callable[[QDialog], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._run_dialog = run_dialog
        self._webinar = None
        self._registrations: list = []
        self._reads: OrderedDict[int, _Read] = OrderedDict()  # the webinars read last
        self._shown: _Read | None = None  # the read the list shows
        self.needs_heading = Heading(_("Access asked for"), level=3)
        self.needs_label = reading_label()
        self.model = RowsModel([_("Name"), _("Status"), _("Waitlist"), _("Access asked for"),
                                _("Attendance")])
        self.table = rows_table(self.model, _("Registrations"), main=(NAME, NEEDS))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        table_label = QLabel(_("Re&gistrations:"))
        table_label.setBuddy(self.table)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.register_button = button(_("Register &member…"), self.register_member,
                                      _("Register a member"))
        self.new_person_button = button(_("New pers&on…"), self.register_new_person,
                                        _("Register a new person"))
        self.cancel_button = button(_("Cancel regis&tration…"), self.cancel_registration,
                                    _("Cancel the chosen registration"))
        self.check_in_button = button(_("Chec&k in"), lambda: self.check_in(True),
                                      _("Check in: they came"))
        self.no_show_button = button(_("Mark no-s&how"), lambda: self.check_in(False),
                                     _("Mark as not come"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.needs_heading)
        layout.addWidget(self.needs_label)
        layout.addWidget(table_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(flow_of(self.register_button, self.new_person_button,
                                 self.cancel_button, self.check_in_button,
                                 self.no_show_button))
        self.update_buttons()

    # --- the list ---------------------------------------------------------------------------

    def show_webinar(self, webinar) -> None:
        self._webinar = webinar

    def refresh(self) -> None:
        """Show the chosen webinar's registrations. Those read before are shown again as they
        were while nothing was saved since (the same rows, not read or laid out again)."""
        webinar = self._webinar
        read = self._read_of(webinar) if webinar is not None else _NOTHING
        self._registrations = read.registrations
        if read is not self._shown:
            self._shown = read
            self.model.set_rows(read.rows)
        if webinar is None:
            set_reading(self.needs_label, "")
            self.empty_label.setText(_("Choose a webinar to see who registered."))
        else:
            set_reading(self.needs_label, read.needs)
            self.empty_label.setText(_("No one has registered yet. Register a member, or a "
                                       "new person."))
        self.empty_label.setVisible(not self._registrations)
        if self._registrations and selected_id(self.table) is None:
            select_id(self.table, None, or_first=True)
        self.update_buttons()

    def _read_of(self, webinar) -> _Read:
        """The webinar's registrations, rows and needs totals: those read before while nothing
        was saved since (``services.changes``), else read now."""
        marker = (self._services.changes(), webinar.sign_language)
        read = self._reads.get(webinar.id)
        if read is None or read.marker != marker:
            webinars = self._services.webinars
            registrations = webinars.registrations(webinar.id)
            # Those registered first, then the waitlist in order, then those who cancelled.
            order = {RegistrationStatus.REGISTERED: 0, RegistrationStatus.WALK_IN: 0,
                     RegistrationStatus.WAITLISTED: 1, RegistrationStatus.CANCELLED: 2}
            registrations.sort(key=lambda r: (order.get(r.status, 3),
                                              r.waitlist_position or 0, r.registered_at))
            labels: dict = {}
            read = _Read(marker, registrations, [self._row(r, labels) for r in registrations],
                         needs_totals_text(webinars.needs_totals(webinar.id),
                                           webinar.sign_language))
            self._reads[webinar.id] = read
            while len(self._reads) > KEPT_WEBINARS:
                self._reads.popitem(last=False)
        self._reads.move_to_end(webinar.id)
        return read

    @staticmethod
    def _row(registration, labels: dict) -> Row:
        """``labels`` keeps the texts of statuses, outcomes and needs met in earlier rows."""
        position = registration.waitlist_position
        waitlist = Cell(str(position), sort_key=position,
                        accessible=_("Place {n} on the waitlist").format(n=position)) \
            if position else Cell("")
        attendance = labels.get(registration.attendance)
        if attendance is None:
            attendance = labels[registration.attendance] = registration.attendance.label
        if registration.attendance is AttendanceOutcome.ATTENDED \
                and registration.minutes_attended:
            attendance = _("{attended}\n{minutes}").format(
                attended=attendance, minutes=minutes_text(registration.minutes_attended))
        status = labels.get(registration.status)
        if status is None:
            status = labels[registration.status] = registration.status.label
        asked = (registration.needs, registration.interpretation_language,
                 registration.needs_notes)
        needs = labels.get(asked)
        if needs is None:
            needs = labels[asked] = needs_cell(registration)
        return Row(registration.id, (Cell(registration.name), Cell(status), waitlist,
                                     Cell(needs), Cell(attendance)))

    def registration(self):
        chosen = selected_id(self.table)
        return next((r for r in self._registrations if r.id == chosen), None)

    def select_registration(self, registration_id: int) -> None:
        select_id(self.table, registration_id, or_first=True)

    def update_buttons(self) -> None:
        webinar = self._webinar
        open_ = webinar is not None and webinar.status is not WebinarStatus.CANCELLED
        chosen = self.registration()
        active = chosen is not None and chosen.status is not RegistrationStatus.CANCELLED
        self.register_button.setEnabled(open_)
        self.new_person_button.setEnabled(open_)
        self.cancel_button.setEnabled(active)
        came = chosen is not None and chosen.status in (RegistrationStatus.REGISTERED,
                                                        RegistrationStatus.WALK_IN)
        self.check_in_button.setEnabled(came and chosen.attendance
                                        is not AttendanceOutcome.ATTENDED)
        self.no_show_button.setEnabled(came and chosen.attendance
                                       is not AttendanceOutcome.NO_SHOW)

    # --- registering ------------------------------------------------------------------------

    def _done(self, registration, name: str) -> None:
        """Say where ``registration`` stands, and show it chosen in the list."""
        self.changed.emit()
        self.refresh()
        if registration is None:
            return
        registration_id = getattr(registration, "id", registration)
        self.select_registration(registration_id)
        chosen = self.registration()
        if chosen is not None and chosen.status is RegistrationStatus.WAITLISTED:
            self.status_message.emit(_(
                "The webinar is full: {name} is on the waitlist, place {n}.").format(
                name=chosen.name, n=chosen.waitlist_position or "?"))
        elif chosen is not None:
            self.status_message.emit(_("{name} is registered.").format(name=chosen.name))
        elif name:
            self.status_message.emit(_("{name} is registered.").format(name=name))

    def register_member(self) -> None:
        from advocate_app.ui.dialogs.webinar_registration import RegistrationDialog

        webinar = self._webinar
        if webinar is None:
            return
        title = _("Register a member")
        taken = {r.member_id for r in self._registrations
                 if r.status is not RegistrationStatus.CANCELLED}
        chosen = board_editor.pick_member(self._services, self, title, taken)
        if chosen is None:
            return
        member_id, name = chosen
        dialog = RegistrationDialog(webinar, name, self)
        if not self._run_dialog(dialog):
            return
        try:
            registration = self._services.webinars.register(webinar.id, member_id,
                                                            dialog.registration_input())
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            self.refresh()
            return
        self._done(registration, name)

    def register_new_person(self) -> None:
        from advocate_app.ui.dialogs.webinar_registration import NewPersonDialog

        webinar = self._webinar
        if webinar is None:
            return
        dialog = NewPersonDialog(self._services, webinar, self)
        if self._run_dialog(dialog) and dialog.registration is not None:
            self._done(dialog.registration, dialog.registered_name)

    def cancel_registration(self) -> None:
        chosen = self.registration()
        if chosen is None:
            return
        title = _("Cancel registration")
        if not prompts.confirm(self, title, _(
                "Cancel the registration of {name}? If someone is on the waitlist, the first "
                "of them takes the place.").format(name=chosen.name),
                destructive_label=_("Cancel the &registration")):
            return
        try:
            moved = self._cancel(chosen, title)
        except _TheirsKept:
            self.refresh()
            return
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            self.refresh()
            return
        if moved is not None:
            text = _("Registration of {name} cancelled; {moved} moved up from the waitlist "
                     "and is now registered.").format(name=chosen.name,
                                                      moved=getattr(moved, "name", ""))
        else:
            text = _("Registration of {name} cancelled.").format(name=chosen.name)
        self.changed.emit()
        self.refresh()
        self.status_message.emit(text)
        if moved is not None:
            prompts.information(self, title, text)

    def check_in(self, attended: bool) -> None:
        chosen = self.registration()
        if chosen is None:
            return
        try:
            self._check_in(chosen, attended)
        except _TheirsKept:
            pass
        except ServiceError as exc:
            prompts.error(self, _("Attendance"), str(exc))
        else:
            self.status_message.emit(
                (_("{name} checked in.") if attended else _("{name} marked as not come."))
                .format(name=chosen.name))
        self.changed.emit()
        self.refresh()

    def _cancel(self, chosen, title: str):
        """Cancel from the version shown; when a colleague changed the registration since:
        at once unless they changed its status too (both shown, the person chooses)."""
        webinars = self._services.webinars
        try:
            return webinars.cancel_registration(chosen.id, chosen.version)
        except ConcurrentEditError as exc:
            theirs = exc.theirs
            if theirs is not None and theirs.status is RegistrationStatus.CANCELLED:
                self.status_message.emit(_("{name}'s registration was cancelled already.")
                                         .format(name=chosen.name))
                raise _TheirsKept from exc
            version = exc.version
            if theirs is not None and theirs.status is not chosen.status:
                version = keep_mine(self, title, exc, {"status": RegistrationStatus.CANCELLED})
                if version is None:
                    raise _TheirsKept from exc
            return webinars.cancel_registration(chosen.id, version)

    def _check_in(self, chosen, attended: bool) -> None:
        """Check in from the version shown; when a colleague changed the registration since:
        at once unless they changed its attendance too (both shown, the person chooses)."""
        webinars = self._services.webinars
        try:
            webinars.check_in(chosen.id, attended, expected_version=chosen.version)
        except ConcurrentEditError as exc:
            version = exc.version
            theirs = exc.theirs
            if theirs is not None and theirs.attendance is not chosen.attendance:
                outcome = AttendanceOutcome.ATTENDED if attended else AttendanceOutcome.NO_SHOW
                version = keep_mine(self, _("Attendance"), exc, {"attendance": outcome})
                if version is None:
                    raise _TheirsKept from exc
            webinars.check_in(chosen.id, attended, expected_version=version)


class _TheirsKept(Exception):
    """A colleague's change was kept: nothing of mine was saved."""
