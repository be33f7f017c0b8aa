"""Feedback on one event (a webinar, a board meeting or a story-sharing session), for any page
that shows such an event: the summary in words, the answers, and what can be done with them
(add, edit, delete, import an online form's export, write the paper form, make a comment a
promise). Files are read and written through background tasks; the window renders nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.feedback_views import (
    RATING_MAX,
    RATING_WORDS,
    EventKind,
    FeedbackImportReport,
    FeedbackInput,
    FeedbackSummary,
    FeedbackTrendPoint,
    FeedbackView,
)
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_items, format_number
from advocate_app.services.errors import ConcurrentEditError, ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import Row, RowsModel, select_id, selected_id
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.tables import rows_table

# -- the questions the panel asks (tests replace these) -------------------------------------------


def ask_answer(services, parent: QWidget, answer: FeedbackView | None = None
               ) -> FeedbackInput | None:
    from advocate_app.ui.dialogs.feedback_editor import FeedbackDialog

    dialog = FeedbackDialog(services, parent, answer)
    accepted = dialog.exec() == FeedbackDialog.DialogCode.Accepted
    value = dialog.value() if accepted else None
    dialog.deleteLater()
    return value


def ask_paper_form(parent: QWidget) -> tuple[str, ProfileKey, str] | None:
    """(language, print profile, where to save) or None."""
    from advocate_app.ui.dialogs.feedback_editor import PaperFormDialog

    dialog = PaperFormDialog(parent)
    accepted = dialog.exec() == PaperFormDialog.DialogCode.Accepted
    language, profile = dialog.value()
    dialog.deleteLater()
    if not accepted:
        return None
    chosen = prompts.save_file(parent, _("Save the paper form"), _("feedback-form.pdf"),
                               _("PDF document (*.pdf)"), "documents")
    return (language, profile, chosen) if chosen else None


def ask_promise(parent: QWidget, you_said: str) -> tuple[str, str, Any] | None:
    from advocate_app.ui.dialogs.feedback_editor import PromiseDialog

    dialog = PromiseDialog(you_said, parent)
    accepted = dialog.exec() == PromiseDialog.DialogCode.Accepted
    value = dialog.value() if accepted else None
    dialog.deleteLater()
    return value


def ask_csv(parent: QWidget) -> str | None:
    from advocate_app.ui import file_dialogs

    return file_dialogs.open_file(parent, "feedback", _("Import feedback answers"),
                                  _("Form answers (*.csv *.txt *.xlsx);;All files (*)"))


# -- the words shown --------------------------------------------------------------------------


def summary_text(summary: FeedbackSummary) -> str:
    if not summary.count:
        return _("No feedback yet.")
    parts = [ngettext("{n} answer", "{n} answers", summary.count).format(n=summary.count)]
    if summary.average is not None:
        parts.append(ngettext("average rating {average} of {most} ({n} rated)",
                              "average rating {average} of {most} ({n} rated)",
                              summary.rated).format(average=format_number(round(summary.average, 1)),
                                                    most=RATING_MAX, n=summary.rated))
    parts.append(ngettext("{n} may be contacted", "{n} may be contacted",
                          summary.may_contact).format(n=summary.may_contact))
    lines = ["; ".join(parts) + "."]
    if summary.rated:
        lines.append(_("Ratings: {counts}.").format(counts=format_items(
            _("{words} {count}").format(words=_(RATING_WORDS[value]),
                                        count=summary.distribution.get(value, 0))
            for value in range(RATING_MAX, 0, -1))))
    return "\n".join(lines)


def trend_text(points: list[FeedbackTrendPoint], shown: int = 5) -> str:
    """The average rating of the latest events of this kind, oldest first; empty until two
    events have rated feedback."""
    rated = [p for p in points if p.average is not None][-shown:]
    if len(rated) < 2:
        return ""
    return _("Over time: {events}.").format(events="; ".join(
        _("{title} ({date}) {average}").format(title=p.title, date=format_date(p.held_on),
                                               average=format_number(round(p.average, 1)))
        for p in rated))


def rating_text(rating: int) -> str:
    return _("{number} – {words}").format(number=rating, words=_(RATING_WORDS[rating])) \
        if rating else _("None")


class FeedbackPanel(QWidget):
    status_message = Signal(str)
    changed = Signal()  # answers added, changed or removed

    def __init__(self, services, event_kind: EventKind, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._kind = EventKind(event_kind)
        self._event_id: int | None = None
        self._answers: list[FeedbackView] = []
        self._tasks: list = []
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table = rows_table(RowsModel([
            _("Received"), _("Rating"), _("From"), _("What worked"), _("What to change"),
            _("Comments"), _("May contact"), _("Promise")]), _("Feedback answers"),
            main=(3, 4, 5))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_answer())
        self.add_button = self._button(_("Add feedbac&k…"), self.add_answer)
        self.edit_button = self._button(_("Chan&ge…"), self.edit_answer, _("Edit the answer"))
        self.delete_button = self._button(_("Dele&te"), self.delete_answer,
                                          _("Delete the answer"))
        self.promise_button = self._button(_("Make a &promise…"), self.make_promise,
                                           _("Make the answer's comment a promise"))
        self.import_button = self._button(_("Import CS&V…"), self.import_csv,
                                          _("Import answers from an online form's export"))
        self.paper_button = self._button(_("Paper for&m…"), self.paper_form,
                                         _("Write the printable feedback form"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.cancel_button = self._button(_("Cancel"), self.cancel, _("Stop the import"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(progress_row)
        layout.addWidget(flow_of(self.add_button, self.edit_button, self.delete_button,
                                 self.promise_button, self.import_button, self.paper_button))
        self.update_buttons()

    @staticmethod
    def _button(text: str, slot: Callable[[], None], name: str | None = None) -> QPushButton:
        widget = QPushButton(text)
        widget.setAccessibleName(name or text.replace("&", "").rstrip("…"))
        widget.clicked.connect(slot)
        return widget

    # -- showing ----------------------------------------------------------------------------
    def set_event(self, event_id: int | None) -> None:
        """Show the feedback of the event ``event_id`` (None: no event chosen)."""
        self._event_id = event_id
        self.refresh()

    def choose_event(self, event_id: int | None) -> None:
        """Note the event without reading its feedback yet: for a page that reads a tab's
        records only when the tab is shown (it calls :meth:`refresh` then)."""
        self._event_id = event_id

    def event_id(self) -> int | None:
        return self._event_id

    def refresh(self) -> None:
        keep = selected_id(self.table)
        feedback = self._services.feedback
        if self._event_id is None:
            self._answers = []
            self.summary_label.setText(_("Choose an event to see its feedback."))
        else:
            self._answers = feedback.responses(self._kind, self._event_id)
            self.summary_label.setText("\n".join(filter(None, (
                summary_text(feedback.summary(self._kind, self._event_id)),
                trend_text(feedback.trend(self._kind))))))
        self.summary_label.setAccessibleName(self.summary_label.text())
        self.table.model().set_rows(
            Row(a.id, (format_date(a.received_on), rating_text(a.rating),
                       a.member_name or _("Anonymous"), a.worked, a.change, a.comments,
                       _("Yes") if a.may_contact else _("No"),
                       _("Made") if a.promise_id else ""))
            for a in self._answers)
        if keep is not None:
            select_id(self.table, keep, or_first=False)
        self.update_buttons()

    def answer(self) -> FeedbackView | None:
        chosen = selected_id(self.table)
        return next((a for a in self._answers if a.id == chosen), None)

    def update_buttons(self) -> None:
        has_event = self._event_id is not None
        answer = self.answer()
        busy = bool(self._tasks)
        for widget in (self.add_button, self.import_button, self.paper_button):
            widget.setEnabled(has_event and not busy)
        self.edit_button.setEnabled(answer is not None and not busy)
        self.delete_button.setEnabled(answer is not None and not busy)
        self.promise_button.setEnabled(answer is not None and not answer.promise_id
                                       and bool(answer.comment) and not busy)

    # -- answers ----------------------------------------------------------------------------
    def add_answer(self) -> None:
        if self._event_id is None:
            return
        data = ask_answer(self._services, self)
        if data is None:
            return
        try:
            answer_id = self._services.feedback.add(self._kind, self._event_id, data)
        except ServiceError as exc:
            prompts.error(self, _("Add feedback"), str(exc))
            return
        self._after_change(_("Feedback added."), answer_id)

    def edit_answer(self) -> None:
        answer = self.answer()
        if answer is None:
            return
        data = ask_answer(self._services, self, answer)
        if data is None:
            return
        version = answer.version
        while True:
            try:
                self._services.feedback.update(answer.id, data, version)
            except ConcurrentEditError as exc:
                version, data = self._keep_mine(exc, answer, data)
                if version is None:
                    self.refresh()  # theirs is shown
                    return
                continue
            except ServiceError as exc:
                prompts.error(self, _("Edit feedback"), str(exc))
                return
            break
        self._after_change(_("Feedback saved."), answer.id)

    def _keep_mine(self, error: ConcurrentEditError, answer, data) -> tuple[int | None, Any]:
        """Someone else saved the answer meanwhile: their changes to fields not edited here
        are kept without a question, a field both changed is shown side by side. The version
        to save over and what to save (mine with theirs where I changed nothing), or None
        when theirs is kept."""
        from advocate_app.domain.edit_conflicts import Choice
        from advocate_app.ui.dialogs.edit_conflict import settle_edits

        choice, merged = settle_edits(self, _("Edit feedback"), error, answer, data,
                                      lambda view: view, {
            "rating": _("Rating"), "worked": _("What worked"), "change": _("What to change"),
            "comments": _("Comments"), "may_contact": _("May be contacted"),
            "member_id": _("Who answered"), "received_on": _("Received on")})
        return (error.version, merged) if choice is Choice.MINE else (None, data)

    def delete_answer(self) -> None:
        answer = self.answer()
        if answer is None or not prompts.confirm(
                self, _("Delete feedback"), _("Delete this answer? It cannot be undone."),
                destructive_label=_("&Delete")):
            return
        try:
            self._services.feedback.delete(answer.id)
        except ServiceError as exc:
            prompts.error(self, _("Delete feedback"), str(exc))
            return
        self._after_change(_("Feedback deleted."))

    def make_promise(self) -> None:
        answer = self.answer()
        if answer is None:
            return
        chosen = ask_promise(self, answer.comment)
        if chosen is None:
            return
        text, owner, due = chosen
        try:
            self._services.feedback.make_promise(answer.id, text, owner_role=owner, due_on=due)
        except ServiceError as exc:
            prompts.error(self, _("Make a promise"), str(exc))
            return
        self._after_change(_("Promise made: it is listed with the board's promises and goes "
                             "into “You said, we did” once kept."), answer.id)

    def _after_change(self, message: str, keep: int | None = None) -> None:
        self.refresh()
        if keep is not None:
            select_id(self.table, keep, or_first=False)
        self.status_message.emit(message)
        self.changed.emit()

    # -- files, in the background ------------------------------------------------------------
    def import_csv(self) -> None:
        if self._event_id is None:
            return
        chosen = ask_csv(self)
        if not chosen:
            return
        kind, event_id, path = self._kind, self._event_id, Path(chosen)
        feedback = self._services.feedback
        self._start(lambda progress, cancel: feedback.import_csv(
            kind, event_id, path, dry_run=True, should_cancel=cancel),
            lambda report: self._confirm_import(report, kind, event_id, path),
            _("Import feedback"), _("Reading {name}…").format(name=path.name))

    def _confirm_import(self, report: FeedbackImportReport, kind: EventKind, event_id: int,
                        path: Path) -> None:
        text = import_text(report)
        if not report.added:
            prompts.information(self, _("Import feedback"), text)
            return
        if not prompts.confirm(self, _("Import feedback"), text,
                               destructive_label=_("&Import")):
            return
        feedback = self._services.feedback
        self._start(lambda progress, cancel: feedback.import_csv(
            kind, event_id, path, progress=progress, should_cancel=cancel),
            self._imported, _("Import feedback"), _("Importing {name}…").format(name=path.name))

    def _imported(self, report: FeedbackImportReport) -> None:
        self._after_change(ngettext("Imported {n} answer.", "Imported {n} answers.",
                                    report.added).format(n=report.added))

    def paper_form(self) -> None:
        if self._event_id is None:
            return
        chosen = ask_paper_form(self)
        if chosen is None:
            return
        language, profile, path = chosen
        kind, event_id = self._kind, self._event_id
        feedback = self._services.feedback
        self._start(lambda progress, cancel: feedback.write_paper_form(
            kind, event_id, path, language=language, profile=profile),
            lambda written: self.status_message.emit(_("Saved {path}.").format(path=written)),
            _("Paper feedback form"), _("Writing the paper form…"))

    def _start(self, work, done: Callable[[Any], None], title: str, message: str) -> None:
        from advocate_app.ui.tasks import run_in_background

        task = None

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._tasks.remove(task)
            self.progress.setVisible(bool(self._tasks))
            self.cancel_button.setVisible(bool(self._tasks))
            self.update_buttons()
            callback(value)

        def failed(error: Exception) -> None:
            if isinstance(error, ServiceError):
                prompts.error(self, title, str(error))
            else:
                prompts.error(self, title, _("This could not be done: {reason}").format(
                    reason=error))

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.status_message.emit(message)
        task = run_in_background(self, work, on_done=lambda value: finish(done, value),
                                 on_error=lambda error: finish(failed, error),
                                 on_progress=self._progressed)
        self._tasks.append(task)
        self.update_buttons()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def cancel(self) -> None:
        for task in self._tasks:
            task.cancel()

    def busy(self) -> bool:
        return bool(self._tasks)

    def wait(self) -> None:
        """Let the work under way end (closing, tests)."""
        for task in list(self._tasks):
            task.wait()


def import_text(report: FeedbackImportReport) -> str:
    """What an import would do, in words, before it is done."""
    lines = [ngettext("{name}: {n} answer to add.", "{name}: {n} answers to add.",
                      report.added).format(name=report.file_name, n=report.added)]
    if report.already_imported:
        lines.append(ngettext("{n} was imported before and is left as it is.",
                              "{n} were imported before and are left as they are.",
                              report.already_imported).format(n=report.already_imported))
    if report.matched_members:
        lines.append(ngettext("{n} answer is from a member (matched by email).",
                              "{n} answers are from members (matched by email).",
                              report.matched_members).format(n=report.matched_members))
    if report.unmatched_emails:
        lines.append(ngettext("{n} email address matches no member; that answer stays "
                              "anonymous.",
                              "{n} email addresses match no member; those answers stay "
                              "anonymous.", report.unmatched_emails).format(
                                  n=report.unmatched_emails))
    lines.extend(report.problems[:10])
    if len(report.problems) > 10:
        lines.append(ngettext("… and {n} more row left out.", "… and {n} more rows left out.",
                              len(report.problems) - 10).format(n=len(report.problems) - 10))
    return "\n".join(lines)
