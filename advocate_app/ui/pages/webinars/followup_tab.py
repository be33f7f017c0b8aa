"""The Follow-up tab: who gets which letter after the chosen webinar (those who came the
recording, slides and a feedback request; registered no-shows "sorry we missed you"), who is
left out for want of consent for events, and "Send follow-up…", run in the background with
progress and cancel; letters for members who want post go into a print pack in a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_number
from advocate_app.services.errors import ServiceError
from advocate_app.services.webinar_followup_letters import plan_lines, result_lines
from advocate_app.ui import prompts
from advocate_app.ui.pages.webinars.common import Work, button, reading_label, set_reading
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str | None:
    """The folder for the print pack; None if the person cancels (tests replace this)."""
    from advocate_app.ui import file_dialogs

    return file_dialogs.choose_folder(parent, "print-pack", title, start)


def open_folder(path: Path) -> None:
    """Show the folder in the system's file manager (tests replace this)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FollowUpTab(QWidget):
    status_message = Signal(str)
    changed = Signal()  # a follow-up was sent (registrations changed)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._webinar_id: int | None = None
        self.plan = None
        self.last_result = None
        self.work = Work(self)
        self.work.progress.connect(self._progress)
        self.work.busy_changed.connect(self._busy)

        heading = Heading(_("Follow-up by attendance"), level=3)
        intro = QLabel(_("After the webinar, people who came get the recording, the slides "
                         "and a request for feedback; people who registered and did not come "
                         "get “sorry we missed you” with the recording. Each letter is in "
                         "the member's language and print format; members without consent "
                         "for events are left out."))
        intro.setWordWrap(True)
        self.plan_label = reading_label()
        self.folder_field = QLineEdit()
        self.folder_field.setAccessibleName(_("Folder for the print pack"))
        self.folder_field.textChanged.connect(lambda _text: self.update_buttons())
        self.folder_label = QLabel(_("Folder for the print pac&k:"))
        self.folder_label.setBuddy(self.folder_field)
        self.browse_button = button(_("C&hoose…"), self.browse,
                                    _("Choose the folder for the print pack"))
        self.send_button = button(_("Send follow-u&p…"), self.send,
                                  _("Send the follow-up"))
        self.stop_button = button(_("Stop sendin&g"), self.work.cancel,
                                  _("Stop sending the follow-up"))
        self.open_button = button(_("&Open folder"), self.open_pack_folder,
                                  _("Open the print pack's folder"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Follow-up progress"))
        self.result_label = reading_label()

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label)
        folder_row.addWidget(self.folder_field, 1)
        folder_row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.plan_label)
        layout.addLayout(folder_row)
        layout.addWidget(flow_of(self.send_button, self.stop_button, self.open_button))
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.result_label.setVisible(False)
        self.open_button.setVisible(False)
        self._busy(False)

    # --- the webinar ------------------------------------------------------------------------

    def set_webinar(self, webinar_id: int | None) -> None:
        if webinar_id != self._webinar_id:
            self.result_label.setVisible(False)
            self.open_button.setVisible(False)
        self._webinar_id = webinar_id
        self.refresh()

    def show_webinar(self, webinar) -> None:
        """The page's way of choosing: a webinar view (or None); the plan is read by
        :meth:`refresh` when the tab is shown."""
        webinar_id = None if webinar is None else webinar.id
        if webinar_id != self._webinar_id:
            self.result_label.setVisible(False)
            self.open_button.setVisible(False)
            self.plan = None
        self._webinar_id = webinar_id
        self.update_buttons()

    def refresh(self) -> None:
        self.plan = None
        if self._webinar_id is not None:
            try:
                self.plan = self._services.webinar_followup.plan(self._webinar_id)
            except ServiceError as exc:
                set_reading(self.plan_label, str(exc))
        if self.plan is not None:
            set_reading(self.plan_label, "\n".join(plan_lines(self.plan)))
        elif self._webinar_id is None:
            set_reading(self.plan_label, _("Choose a webinar to see who gets which letter."))
        self.update_buttons()

    def _pending(self) -> int:
        return 0 if self.plan is None else len(self.plan.attendees) + len(self.plan.no_shows)

    def update_buttons(self) -> None:
        busy = self.work.busy()
        post = bool(self.plan and self.plan.by_post)
        for widget in (self.folder_label, self.folder_field, self.browse_button):
            widget.setEnabled(post and not busy)
        ready = self._pending() > 0 and (not post or bool(self.folder_field.text().strip()))
        self.send_button.setEnabled(ready and not busy)
        self.stop_button.setEnabled(busy)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.stop_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self.update_buttons()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    # --- sending ----------------------------------------------------------------------------

    def browse(self) -> None:
        chosen = choose_folder(self, _("Folder for the print pack"), self.folder_field.text())
        if chosen:
            self.folder_field.setText(chosen)

    def send(self) -> None:
        if self._webinar_id is None or self.plan is None or not self._pending():
            return
        folder_text = self.folder_field.text().strip()
        if self.plan.by_post and not folder_text:
            self.folder_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        title = _("Send follow-up")
        count = self._pending()
        if not prompts.confirm(self, title, ngettext(
                "Send the follow-up letter to {n} member? Each is recorded on the member's "
                "timeline and is sent only once.",
                "Send the follow-up letters to {n} members? Each is recorded on the member's "
                "timeline and is sent only once.", count).format(n=format_number(count)),
                destructive_label=_("&Send")):
            return
        webinar_id = self._webinar_id
        folder = Path(folder_text) if self.plan.by_post else None
        followup = self._services.webinar_followup

        def work(progress, should_cancel):
            from advocate_app.services.print_packs import Cancelled

            try:
                return followup.send(webinar_id, folder=folder, progress=progress,
                                     should_cancel=should_cancel)
            except Cancelled:
                return None

        self.result_label.setVisible(False)
        self.open_button.setVisible(False)
        self.status_message.emit(_("Sending the follow-up…"))
        self.work.start(work, self._done, self._failed)

    def _done(self, result) -> None:
        if result is None:
            set_reading(self.result_label, _("Stopped: nothing was sent and no file was "
                                             "written."))
            self.status_message.emit(_("The follow-up was stopped; nothing was sent."))
        else:
            self.last_result = result
            set_reading(self.result_label, "\n".join(result_lines(result)))
            self.open_button.setVisible(result.folder is not None and bool(result.files))
            self.status_message.emit(ngettext(
                "Follow-up sent to {n} member.", "Follow-up sent to {n} members.",
                result.sent).format(n=format_number(result.sent)))
            if result.sent:
                self.changed.emit()
        self.result_label.setVisible(True)
        self.refresh()
        self.result_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: Exception) -> None:
        prompts.error(self, _("Send follow-up"), _(
            "The follow-up was not sent: {reason}").format(reason=str(error)))
        self.status_message.emit(_("The follow-up was not sent."))
        self.refresh()

    def open_pack_folder(self) -> None:
        if self.last_result is not None and self.last_result.folder is not None:
            open_folder(self.last_result.folder)
