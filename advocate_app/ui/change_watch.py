"""Colleagues' changes appear without restarting: a light look at the change marker.

Every few seconds, while the window is the active one and no dialog is open over it, the
window asks ``services.changes()`` (on SQLite one tiny PRAGMA, on PostgreSQL the
notifications already heard: no query). When the marker moved since the last look, someone
saved something (a colleague, another program, or this window itself) and the page shown is
refreshed. Pages refresh in place: the rows chosen stay chosen and the list stays where it
was scrolled; what a person is typing lives in dialogs, and nothing is refreshed while one is
open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

#: How often the window looks, in milliseconds.
INTERVAL_MS = 3000


class ChangeWatch(QObject):
    def __init__(self, window: QWidget, changes: Callable[[], object],
                 current_page: Callable[[], QWidget | None]):
        super().__init__(window)
        self._window = window
        self._changes = changes
        self._current_page = current_page
        self._seen: object = None
        self.refreshes = 0  # pages refreshed because the marker moved
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()
        QTimer.singleShot(0, self, self._baseline)  # once the window has read its first page

    def _baseline(self) -> None:
        if self._seen is None:
            try:
                self._seen = self._changes()
            except Exception:  # noqa: BLE001 - a database out of reach: the first look sets it
                pass

    def look(self) -> None:
        """Refresh the page shown if what is stored moved since the last look."""
        if not self._window.isActiveWindow() or QApplication.activeModalWidget() is not None:
            return
        try:
            marker = self._changes()
        except Exception:  # noqa: BLE001 - a database out of reach: look again later
            return
        if self._seen is None or marker == self._seen:
            self._seen = marker
            return
        self._seen = marker
        page = self._current_page()
        if page is None or not hasattr(page, "refresh"):
            return
        # Each list stays where it was scrolled (the pages keep the rows chosen themselves).
        where = [(area, area.verticalScrollBar().value(), area.horizontalScrollBar().value())
                 for area in page.findChildren(QAbstractScrollArea) if area.isVisible()]
        self.refreshes += 1
        page.refresh()
        for area, down, across in where:
            area.verticalScrollBar().setValue(down)
            area.horizontalScrollBar().setValue(across)
