"""A PDF drawn as it will print, inside the window (QtPdf): a profile chooser, a status line
and the pages. Drawing happens in the background; only the newest request is shown."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.outreach_content import OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _, ngettext

#: Renders still running, kept here so none is destroyed while its thread runs, even when the
#: window that asked for it has closed.
_RUNNING: set = set()


#: How long after the last request a drawing starts.
START_DELAY_MS = 60


class PdfPreview(QWidget):
    """A profile chooser, a status line and the item drawn as its PDF will print.

    ``show_item`` asks for a new drawing; only the newest request is shown, and at most one
    drawing runs at a time.
    """

    rendered = Signal()
    profile_changed = Signal()
    #: True when a drawing starts, False when the last one has ended.
    busy_changed = Signal(bool)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.profile_combo = QComboBox()
        for key in ProfileKey:
            self.profile_combo.addItem(key.label, key.value)
        self.profile_combo.setAccessibleName(_("Print profile for the preview"))
        profile_label = QLabel(_("Print &profile:"))
        profile_label.setBuddy(self.profile_combo)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)

        self.status = QLabel(_("Choose an item to see it here."))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(_("Preview status"))

        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(_("Preview"))
        self.view.setAccessibleDescription(_(
            "The item as it will print. Use the arrow and Page keys to scroll."))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setMinimumSize(240, 240)

        # The caption above its choice: the preview shares a small screen with a list.
        top = QVBoxLayout()
        top.setSpacing(2)
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self._item: OutreachItem | None = None
        self._item_id: int | None = None  # the stored item's id: its "do not reprint" marks
        self._wanted = 0      # the number of the newest request
        self._running = None  # the drawing in progress
        self._next = False    # a newer request waits for it
        self._drawn: tuple[OutreachItem, ProfileKey, bytes] | None = None  # what is shown
        self.failed = False
        # A drawing starts a moment after it is asked for: the page around the preview paints
        # first (drawing holds Python's lock for long stretches), and arrowing through a list
        # draws only the item the person stops on.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(START_DELAY_MS)
        self._pending.timeout.connect(self._start_pending)

    def profile(self) -> ProfileKey:
        return ProfileKey(self.profile_combo.currentData())

    def set_profile(self, key: ProfileKey) -> None:
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(key.value))

    def item(self) -> OutreachItem | None:
        return self._item

    def is_busy(self) -> bool:
        return self._running is not None or self._pending.isActive()

    def drawing(self) -> tuple[OutreachItem, ProfileKey, bytes] | None:
        """What is shown now, fully drawn: the item, its profile and its PDF; None while a
        newer drawing is on its way, or when nothing is shown."""
        return self._drawn if self._running is None else None

    def show_drawing(self, drawing: tuple[OutreachItem, ProfileKey, bytes]) -> None:
        """Show an item already drawn (by another preview): nothing is drawn again."""
        item, profile, data = drawing
        if profile != self.profile():
            self._item = None  # choosing the profile draws nothing
            self.set_profile(profile)
        self._item = item
        self._wanted += 1
        self._next = False
        if self._pending.isActive():
            self._pending.stop()
            if self._running is None:
                self.busy_changed.emit(False)
        self._load(data)
        self.rendered.emit()

    def show_item(self, item: OutreachItem | None, profile: ProfileKey | None = None,
                  item_id: int | None = None) -> None:
        """Draw ``item`` (stored as ``item_id``), in ``profile`` when given (choosing it then
        draws nothing else)."""
        if profile is not None and profile != self.profile():
            self._item = None
            self.set_profile(profile)
        self._item, self._item_id = item, item_id
        self._wanted += 1
        if item is None:
            self._clear(_("Choose an item to see it here."))
            return
        self.status.setText(_("Rendering…"))
        if not self.is_busy():
            self.busy_changed.emit(True)
        self._pending.start()

    def _start_pending(self) -> None:
        if self._item is None:
            if self._running is None:
                self.busy_changed.emit(False)
        elif self._running is not None:
            self._next = True  # drawn as soon as the one in progress ends
        else:
            self._start()

    def show_message(self, text: str) -> None:
        """Empty the preview and say why (nothing to show, no such item …)."""
        self._item = None
        self._wanted += 1
        self._clear(text)

    def _profile_changed(self) -> None:
        self.profile_changed.emit()
        if self._item is not None:
            self.show_item(self._item, item_id=self._item_id)

    def _clear(self, text: str) -> None:
        if self._pending.isActive():
            self._pending.stop()
            if self._running is None:
                self.busy_changed.emit(False)
        self.document.close()
        self._buffer = None
        self._drawn = None
        self.status.setText(text)
        self.failed = False

    def _start(self) -> None:
        from advocate_app.ui.tasks import run_in_background

        item, profile, number = self._item, self.profile(), self._wanted
        outreach = self._services.outreach
        stored = {"item_id": self._item_id} if self._item_id is not None else {}
        self._next = False
        self.status.setText(_("Rendering…"))

        def work(_progress, _should_cancel):
            try:  # a story without consent today is refused, and the reason shown
                return number, outreach.preview_pdf(item, profile, **stored), ""
            except (ValueError, KeyError, OSError) as exc:  # ContentError is a ValueError
                return number, None, str(exc)

        task = run_in_background(QApplication.instance(), work, on_done=self._done,
                                 on_error=self._crashed)
        self._running = task
        _RUNNING.add(task)
        task.finished.connect(self._finished)
        # Let go even when this preview is gone by then (its page rebuilt in another language,
        # its window closed): the drawing, and the item it holds, would stay for good.
        task.finished.connect(lambda: QTimer.singleShot(0, lambda: _release(task)))
        self.busy_changed.emit(True)

    def _done(self, result) -> None:
        number, data, problem = result
        if number != self._wanted:
            return  # a newer drawing is on its way
        if data is None:
            self.document.close()
            self._buffer = None
            self._drawn = None
            self.failed = True
            self.status.setText(_("This item cannot be shown: {reason}").format(
                reason=problem or _("the document could not be drawn.")))
        else:
            self._load(data)
        self.rendered.emit()

    def _crashed(self, error: Exception) -> None:
        self.document.close()
        self._buffer = None
        self._drawn = None
        self.failed = True
        self.status.setText(_("This item cannot be shown: {reason}").format(reason=str(error)))
        self.rendered.emit()

    def _load(self, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        self._drawn = (self._item, self.profile(), data) if self._item is not None else None
        self.failed = False
        pages = self.document.pageCount()
        self.status.setText(ngettext("{profile}: {n} page.", "{profile}: {n} pages.",
                                     pages).format(profile=self.profile().label, n=pages))

    def _finished(self) -> None:
        self._running = None  # (the drawing is let go by the connection made in ``_start``)
        if self._next and self._item is not None:
            self._start()
        elif not self._pending.isActive():
            self.busy_changed.emit(False)

    def wait(self, milliseconds: int = 10_000) -> None:
        """Let any drawing asked for or in progress end (windows closing, tests)."""
        if self._pending.isActive():
            self._pending.stop()
            self._start_pending()
        if self._running is not None:
            self._running.wait(milliseconds)


def _release(task: QObject) -> None:
    """Forget a finished drawing once its thread has fully stopped."""
    if task not in _RUNNING:
        return
    task.wait()
    _RUNNING.discard(task)
    task.deleteLater()


