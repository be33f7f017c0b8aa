"""The Webinars page: the webinars on the left (upcoming first); on the right, in tabs, the
chosen webinar's details, its registrations with the access asked for, the attendance import
and review, and statistics (each tab a widget of its own)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.webinar_kinds import WebinarStatus
from advocate_app.i18n import _
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import Cell, Row, RowsModel, select_id, selected_id
from advocate_app.ui.pages.webinars.attendance_tab import AttendanceTab
from advocate_app.ui.pages.webinars.common import (
    Work,
    button,
    places_text,
    webinar_when,
)
from advocate_app.ui.pages.webinars.details_tab import DetailsTab
from advocate_app.ui.pages.webinars.followup_tab import FollowUpTab
from advocate_app.ui.pages.webinars.registrations_tab import RegistrationsTab
from advocate_app.ui.pages.webinars.statistics_tab import StatisticsTab
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import rows_table


def file_name(title: str, suffix: str) -> str:
    """A file name made of the title's letters and digits (no path separators)."""
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    stem = "-".join(cleaned.split())[:60] or _("webinar")
    return f"{stem}.{suffix}"


class WebinarsPage(QWidget):
    status_message = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._webinars: list = []
        # What the list was read at: the change marker and whether past ones were shown, and
        # the moment the first webinar listed as not over yet ends (it then moves among those
        # over, or leaves the list).
        self._read_at: tuple | None = None
        self._read_until: datetime | None = None
        self._quiet = False
        self.work = Work(self)
        self.heading = Heading(_("Webinars"))

        # Left: the webinars.
        self.model = RowsModel([_("When"), _("Webinar"), _("Status and places")])
        self.table = rows_table(self.model, _("Webinars"), main=(1,))
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: None if self._quiet else self._webinar_changed())
        self.table.doubleClicked.connect(lambda _index: self.edit_webinar())
        list_label = QLabel(_("&Webinars:"))
        list_label.setBuddy(self.table)
        self.past_check = QCheckBox(_("Show past and ca&ncelled webinars"))
        self.past_check.setAccessibleName(_("Show past and cancelled webinars"))
        self.past_check.toggled.connect(lambda _on: self.refresh())
        self.empty_label = QLabel(_("No webinars yet. Plan one with New webinar."))
        self.empty_label.setWordWrap(True)
        self.new_button = button(_("N&ew webinar…"), self.new_webinar, _("New webinar"))
        self.edit_button = button(_("Ed&it…"), self.edit_webinar, _("Edit the webinar"))
        self.cancel_button = button(_("&Cancel webinar…"), self.cancel_webinar,
                                    _("Cancel the webinar"))
        self.calendar_button = button(_("Calendar &file…"), self.calendar_file,
                                      _("Save a calendar file for the webinar"))
        self.feed_button = button(_("All &upcoming (calendar)…"), self.upcoming_feed,
                                  _("Save a calendar file of all upcoming webinars"))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(list_label)
        side_layout.addWidget(self.table, 1)
        side_layout.addWidget(self.empty_label)
        side_layout.addWidget(self.past_check)
        side_layout.addWidget(flow_of(self.new_button, self.edit_button, self.cancel_button,
                                      self.calendar_button, self.feed_button))

        # Right: the chosen webinar, a tab each.
        def run_dialog(dialog: QDialog) -> bool:
            return self._run_dialog(dialog)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("The chosen webinar"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.details_tab = DetailsTab(services)
        self.registrations_tab = RegistrationsTab(services, run_dialog)
        self.attendance_tab = AttendanceTab(services, run_dialog)
        self.statistics_tab = StatisticsTab(services)
        self.followup_tab = FollowUpTab(services)
        self.tabs.addTab(self.details_tab, _("&Details"))
        self.tabs.addTab(self.registrations_tab, _("&Registrations"))
        self.tabs.addTab(self.attendance_tab, _("&Attendance import"))
        self.tabs.addTab(self.statistics_tab, _("&Statistics"))
        self.tabs.addTab(self.followup_tab, _("Fo&llow-up"))
        from advocate_app.domain.feedback_views import EventKind
        from advocate_app.ui.widgets.feedback_panel import FeedbackPanel

        self.feedback_tab = FeedbackPanel(services, EventKind.WEBINAR)
        self.tabs.addTab(self.feedback_tab, _("Feed&back"))
        self.feedback_tab.status_message.connect(self.status_message)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_tab())
        for tab in (self.registrations_tab, self.attendance_tab, self.followup_tab):
            tab.status_message.connect(self.status_message)
            tab.changed.connect(self._records_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        # The list wide enough for its three columns without scrolling sideways.
        self.splitter.setSizes([max(430, self.fontMetrics().averageCharWidth() * 50), 800])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

    # --- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the webinars, read again only when something may have changed since they
        were read (a save anywhere in the app, or another program writing the file) or one
        listed as not over yet has ended since: a return visit shows them at once."""
        marker = (self._services.changes(), self.past_check.isChecked())
        if marker == self._read_at and self._read_until is not None \
                and datetime.now(UTC) < self._read_until:
            self._webinar_changed()
            return
        self._read_list()

    def _read_list(self) -> None:
        keep = self.webinar_id()
        show_all = self.past_check.isChecked()
        # Taken before reading: a save or an end meanwhile reads again.
        self._read_at = (self._services.changes(), show_all)
        now = datetime.now(UTC)
        # Those not over yet, soonest first; then those over, latest first.
        self._webinars = self._services.webinars.list(include_past=show_all,
                                                      include_cancelled=show_all)
        self._read_until = min((w.ends_at for w in self._webinars if w.ends_at >= now),
                               default=datetime.max.replace(tzinfo=UTC))
        self._quiet = True
        self.model.set_rows(self._row(w) for w in self._webinars)
        self._quiet = False
        self.empty_label.setVisible(not self._webinars)
        if self._webinars:
            select_id(self.table, keep, or_first=True)
        else:
            self.table.clearSelection()
        self._webinar_changed()

    @staticmethod
    def _row(webinar) -> Row:
        when = Cell(webinar_when(webinar.starts_at, webinar.timezone, two_lines=True),
                    sort_key=webinar.starts_at,
                    accessible=webinar_when(webinar.starts_at, webinar.timezone))
        places = webinar.status.label + "\n" + places_text(webinar)
        return Row(webinar.id, (when, webinar.title,
                                Cell(places, accessible=places.replace("\n", ", "))))

    def focus_first(self) -> None:
        if self._webinars:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.new_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def webinar_id(self) -> int | None:
        return selected_id(self.table)

    def webinar(self):
        chosen = self.webinar_id()
        return next((w for w in self._webinars if w.id == chosen), None)

    def select_webinar(self, webinar_id: int) -> None:
        if not any(w.id == webinar_id for w in self._webinars) and not \
                self.past_check.isChecked():
            self.past_check.setChecked(True)  # a past or cancelled one: show them all
        select_id(self.table, webinar_id, or_first=True)

    def _webinar_changed(self) -> None:
        webinar = self.webinar()
        chosen = webinar is not None
        self.edit_button.setEnabled(chosen)
        self.cancel_button.setEnabled(chosen and webinar.status is not WebinarStatus.CANCELLED)
        self.calendar_button.setEnabled(chosen)
        for tab in self._tabs():
            tab.show_webinar(webinar)
        self.feedback_tab.choose_event(webinar.id if webinar else None)
        self._refresh_tab()

    def _tabs(self) -> list:
        return [self.details_tab, self.registrations_tab, self.attendance_tab,
                self.statistics_tab, self.followup_tab]

    def _refresh_tab(self) -> None:
        """Read the records of the tab shown; the others are read when shown."""
        current = self.tabs.currentWidget()
        if current is self.details_tab:
            self.details_tab.show_webinar(self.webinar())
        else:
            current.refresh()

    def _records_changed(self) -> None:
        """Registrations changed: the places and waitlist in the list follow."""
        self._quiet = True
        found = {w.id: w for w in self._services.webinars.list(
            include_past=self.past_check.isChecked(),
            include_cancelled=self.past_check.isChecked())}
        self._webinars = [found.get(w.id, w) for w in self._webinars]
        self.model.set_rows(self._row(w) for w in self._webinars)
        self._quiet = False
        for tab in self._tabs():
            tab.show_webinar(self.webinar())

    def _run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog; tests replace this so no real modal loop runs."""
        return prompts.run_modal(dialog)

    # --- webinars ---------------------------------------------------------------------------

    def new_webinar(self) -> None:
        self._open_editor(None)

    def edit_webinar(self) -> None:
        if self.webinar_id() is not None:
            self._open_editor(self.webinar_id())

    def _open_editor(self, webinar_id: int | None) -> None:
        from advocate_app.ui.dialogs.webinar_editor import WebinarEditor

        try:
            dialog = WebinarEditor(self._services, webinar_id, self)
        except ServiceError as exc:
            prompts.error(self, _("Webinar"), str(exc))
            self._read_list()
            return
        if self._run_dialog(dialog) and dialog.saved_id is not None:
            self.refresh()
            self.select_webinar(dialog.saved_id)
            self.status_message.emit(_("Webinar “{title}” saved.").format(
                title=dialog.title_field.text().strip()))

    def cancel_webinar(self) -> None:
        webinar = self.webinar()
        if webinar is None:
            return
        title = _("Cancel webinar")
        if not prompts.confirm(self, title, _(
                "Cancel “{title}”? It stays in the list as cancelled, with its "
                "registrations; calendar files made from now on say it is cancelled.").format(
                title=webinar.title), destructive_label=_("Cancel the &webinar")):
            return
        try:
            self._services.webinars.set_status(webinar.id, WebinarStatus.CANCELLED)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
        else:
            self.status_message.emit(_("“{title}” is cancelled.").format(title=webinar.title))
        self._read_list()

    # --- calendar files (written in the background) -----------------------------------------

    def calendar_file(self) -> None:
        webinar = self.webinar()
        if webinar is None:
            return
        title = _("Calendar file")
        chosen = prompts.save_file(self, title, file_name(webinar.title, "ics"),
                                   _("Calendar file (*.ics)"), "calendar")
        if not chosen:
            return
        path = Path(chosen)
        webinars = self._services.webinars
        self._save(path, lambda: webinars.write_calendar(webinar.id, path), title)

    def upcoming_feed(self) -> None:
        title = _("All upcoming webinars")
        chosen = prompts.save_file(self, title, file_name(_("upcoming webinars"), "ics"),
                                   _("Calendar file (*.ics)"), "calendar")
        if not chosen:
            return
        path = Path(chosen)
        webinars = self._services.webinars
        self._save(path, lambda: webinars.write_upcoming_feed(path), title)

    def _save(self, path: Path, write, title: str) -> None:
        def failed(error: Exception) -> None:
            prompts.error(self, title, _("The calendar file could not be saved: {reason}")
                          .format(reason=str(error)))
            self.status_message.emit(_("{file} was not saved.").format(file=path.name))

        self.status_message.emit(_("Saving {file}…").format(file=path.name))
        self.work.start(lambda _progress, _cancel: write(),
                        lambda _result: self.status_message.emit(
                            _("Saved {file}.").format(file=path.name)), failed)

    def wait_for_work(self) -> None:
        """Let files being written and reports being read end (closing, tests)."""
        self.work.wait()
        self.attendance_tab.work.wait()
        self.followup_tab.work.wait()
        self.feedback_tab.wait()
