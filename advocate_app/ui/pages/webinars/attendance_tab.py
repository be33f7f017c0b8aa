"""The Attendance import tab: read a Zoom or Eventbrite report, check what it would do, then
apply it (both in the background, with progress and cancel); and decide, one by one, about
the people in reports whose match to a member was uncertain."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _, ngettext
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.models.rows import Cell, Row, RowsModel, select_id, selected_id
from advocate_app.ui.pages.webinars.common import (
    Work,
    button,
    minutes_text,
    reading_label,
    set_reading,
)
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import rows_table


def choose_report(parent: QWidget | None, title: str) -> str | None:
    """The report file the person chooses (tests replace this)."""
    from advocate_app.ui import file_dialogs

    return file_dialogs.open_file(parent, "attendance-report", title,
                                  _("Attendance reports (*.csv *.txt);;All files (*)"))


def matched_names(services, result) -> dict[int, str]:
    """The names of the members a report's people were matched to, by member id (read in the
    background with the report; a member gone since is left out)."""
    from advocate_app.domain.webinar_views import ReportOutcome

    return services.members.names(sorted({
        outcome.member_id for outcome in result.outcomes
        if outcome.action is ReportOutcome.Action.MATCHED and outcome.member_id is not None}))


class AttendanceTab(QWidget):
    status_message = Signal(str)
    changed = Signal()  # an import or a decision changed registrations or members

    def __init__(self, services, run_dialog: Callable[[QDialog], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._run_dialog = run_dialog
        self._webinar = None
        self._items: list = []
        self.work = Work(self)
        self.work.progress.connect(self._progress)
        self.work.busy_changed.connect(self._busy)
        self.last_result = None  # the last import's result (dry run or applied)
        self.review_dialog = None  # the last review dialog shown

        intro = QLabel(_("Import the attendee or registration report Zoom writes, or "
                         "Eventbrite's attendee export. You see what it would do before "
                         "anything changes; importing the same file again changes nothing."))
        intro.setWordWrap(True)
        self.zone_combo = board_editor.zone_combo("Europe/London",
                                                  _("Time zone of the times in the report"))
        zone_label = QLabel(_("Times in the report are in &zone:"))
        zone_label.setBuddy(self.zone_combo)
        self.import_button = button(_("Imp&ort report…"), self.import_report,
                                    _("Import an attendance or registration report"))
        self.cancel_button = button(_("Stop readin&g"), self.work.cancel,
                                    _("Stop reading the report"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Report import progress"))
        self.state_label = reading_label()
        # The label goes above the list of zones when the tab is narrow.
        zone_row = QFormLayout()
        zone_row.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        zone_row.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        zone_row.addRow(zone_label, self.zone_combo)

        self.review_heading = Heading(_("People to review"), level=3)
        self.review_model = RowsModel([_("In the report"), _("Came"), _("Perhaps"),
                                       _("Alike")])
        self.review_table = rows_table(self.review_model, _("People to review"),
                                       main=(0, 2))
        self.review_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.update_buttons())
        review_label = QLabel(_("Matches to decide:"))
        review_label.setBuddy(self.review_table)
        self.review_empty = QLabel(_("No one is waiting for review."))
        self.review_empty.setWordWrap(True)
        self.this_member_button = button(_("It is t&his member"), self.resolve_candidate,
                                         _("It is the member suggested"))
        self.other_member_button = button(_("Another &member…"), self.resolve_other,
                                          _("It is another member"))
        self.new_member_button = button(_("Ma&ke a new member"), self.resolve_new,
                                        _("Make them a new member"))
        self.leave_out_button = button(_("Lea&ve out"), self.resolve_leave_out,
                                       _("Leave them out"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(zone_row)
        layout.addWidget(flow_of(self.import_button, self.cancel_button))
        layout.addWidget(self.progress)
        layout.addWidget(self.state_label)
        layout.addWidget(self.review_heading)
        layout.addWidget(review_label)
        layout.addWidget(self.review_empty)
        layout.addWidget(self.review_table, 1)
        layout.addWidget(flow_of(self.this_member_button, self.other_member_button,
                                 self.new_member_button, self.leave_out_button))
        self._busy(False)
        self.state_label.setVisible(False)

    # --- the webinar and its review list ----------------------------------------------------

    def show_webinar(self, webinar) -> None:
        self._webinar = webinar
        if webinar is not None:
            self.zone_combo.setCurrentText(webinar.timezone)

    def refresh(self) -> None:
        webinar = self._webinar
        reports = self._services.webinar_reports
        self._items = reports.review_items(webinar.id) if webinar is not None else []
        self.review_model.set_rows(self._row(item) for item in self._items)
        self.review_empty.setVisible(not self._items)
        if self._items and selected_id(self.review_table) is None:
            select_id(self.review_table, None, or_first=True)
        self.update_buttons()

    @staticmethod
    def _row(item) -> Row:
        who = "\n".join(part for part in (item.name, item.email) if part)
        came = (minutes_text(item.minutes_attended) if item.attended
                else _("Registered, did not come") if item.registered else _("No"))
        perhaps = item.candidate_name or _("No likely member")
        score = Cell(f"{item.score}\u00a0%", sort_key=item.score,
                     accessible=_("{score} per cent alike").format(score=item.score)) \
            if item.candidate_member_id and item.score > 0 else ""
        return Row(item.id, (who, came, perhaps, score))

    def item(self):
        chosen = selected_id(self.review_table)
        return next((i for i in self._items if i.id == chosen), None)

    def update_buttons(self) -> None:
        busy = self.work.busy()
        self.import_button.setEnabled(self._webinar is not None and not busy)
        item = self.item()
        for widget in (self.other_member_button, self.new_member_button,
                       self.leave_out_button):
            widget.setEnabled(item is not None)
        self.this_member_button.setEnabled(item is not None
                                           and item.candidate_member_id is not None)

    # --- importing --------------------------------------------------------------------------

    def import_report(self) -> None:
        webinar = self._webinar
        if webinar is None or self.work.busy():
            return
        chosen = choose_report(self, _("Import an attendance report"))
        if not chosen:
            return
        self.check_report(Path(chosen))

    def check_report(self, path: Path) -> None:
        """Read ``path`` without changing anything, then show what it would do."""
        webinar = self._webinar
        if webinar is None:
            return
        services = self._services
        zone = self.zone_combo.currentText().strip() or None

        def check(progress, cancel):
            result = services.webinar_reports.import_report(
                webinar.id, path, dry_run=True, report_timezone=zone, progress=progress,
                should_cancel=cancel)
            return result, matched_names(services, result)

        self._say(_("Reading {file}…").format(file=path.name))
        self.work.start(
            check, lambda checked: self._checked(webinar, path, zone, *checked),
            lambda error: self._failed(_("Import an attendance report"), error))

    def _checked(self, webinar, path: Path, zone: str | None, result,
                 names: dict[int, str]) -> None:
        from advocate_app.ui.dialogs.webinar_report_review import ReportReviewDialog

        self.last_result = result
        self._say(_("{file} read; nothing has changed yet.").format(file=path.name))
        dialog = ReportReviewDialog(result, webinar.title, self, names)
        self.review_dialog = dialog
        if not self._run_dialog(dialog):
            self._say(_("{file} was not imported; nothing was changed.").format(
                file=path.name))
            return
        reports = self._services.webinar_reports
        self._say(_("Importing {file}…").format(file=path.name))
        self.work.start(
            lambda progress, cancel: reports.import_report(
                webinar.id, path, dry_run=False, report_timezone=zone, progress=progress,
                should_cancel=cancel),
            lambda applied: self._applied(path, applied),
            lambda error: self._failed(_("Import an attendance report"), error))

    def _applied(self, path: Path, result) -> None:
        from advocate_app.domain.webinar_views import ReportOutcome

        self.last_result = result
        review = result.count(ReportOutcome.Action.REVIEW)
        text = _("{file} imported: {attended} came, {no_show} did not.").format(
            file=path.name,
            attended=ngettext("{n} person", "{n} people", result.attendees).format(
                n=result.attendees),
            no_show=ngettext("{n} person", "{n} people", result.no_shows).format(
                n=result.no_shows))
        if review:
            text += " " + ngettext("{n} match waits for you below.",
                                   "{n} matches wait for you below.", review).format(n=review)
        self._say(text)
        self.status_message.emit(text)
        self.changed.emit()
        self.refresh()

    def _failed(self, title: str, error: Exception) -> None:
        from advocate_app.services.webinar_reports import ReportImportCancelled

        if isinstance(error, ReportImportCancelled):  # asked for: said, not shown in a box
            self._say(str(error))
            return
        if isinstance(error, ServiceError):
            text = str(error)
        else:
            text = _("The report could not be imported because of an unexpected problem "
                     "({problem}); nothing was changed.").format(problem=error)
        self._say(text)
        prompts.error(self, title, text)

    def _say(self, text: str) -> None:
        set_reading(self.state_label, text)
        self.state_label.setVisible(bool(text))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0 if busy else 1)  # moving until the first figures come
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.update_buttons()

    # --- deciding about a match -------------------------------------------------------------

    def _resolve(self, done: Callable[[str], str], **how) -> None:
        item = self.item()
        if item is None:
            return
        try:
            self._services.webinar_reports.resolve_review(item.id, **how)
        except ServiceError as exc:
            prompts.error(self, _("Review a match"), str(exc))
            self.refresh()
            return
        self.status_message.emit(done(item.name or item.email))
        self.changed.emit()
        self.refresh()

    def resolve_candidate(self) -> None:
        item = self.item()
        if item is None or item.candidate_member_id is None:
            return
        self._resolve(lambda name: _("{name} is {member}; their attendance is recorded.")
                      .format(name=name, member=item.candidate_name),
                      member_id=item.candidate_member_id)

    def resolve_other(self) -> None:
        item = self.item()
        if item is None:
            return
        chosen = board_editor.pick_member(self._services, self,
                                          _("Which member is {name}?").format(
                                              name=item.name or item.email))
        if chosen is None:
            return
        self._resolve(lambda name: _("{name} is {member}; their attendance is recorded.")
                      .format(name=name, member=chosen[1]), member_id=chosen[0])

    def resolve_new(self) -> None:
        self._resolve(lambda name: _("{name} is now a member; their attendance is recorded.")
                      .format(name=name), create=True)

    def resolve_leave_out(self) -> None:
        self._resolve(lambda name: _("{name} is left out of the attendance.").format(
            name=name), leave_out=True)
