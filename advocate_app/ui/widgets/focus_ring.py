"""A clearly visible ring around whichever control has keyboard focus.

Qt styles mark focus faintly, or not at all on some controls; people who use the keyboard, and
people with low vision, need to see it at a glance. One ring per window follows the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

RING_WIDTH = 3


class FocusRing(QWidget):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self._target: QWidget | None = None

    @property
    def target(self) -> QWidget | None:
        return self._target

    def follow(self, widget: QWidget | None) -> None:
        if self._target is not None:
            self._target.removeEventFilter(self)
        self._target = widget
        if widget is None:
            self.hide()
            return
        widget.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._target and event.type() in (
                QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._place()
        return False

    def _place(self) -> None:
        target = self._target
        window = self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        top_left = target.mapTo(window, target.rect().topLeft())
        margin = RING_WIDTH + 1
        self.setGeometry(QRect(top_left, target.size()).adjusted(-margin, -margin, margin,
                                                                  margin))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
        pen.setWidth(RING_WIDTH)
        painter.setPen(pen)
        half = RING_WIDTH // 2 + 1
        painter.drawRoundedRect(self.rect().adjusted(half, half, -half, -half), 3, 3)


class FocusRings(QObject):
    """Gives each top-level window its ring and moves it with the keyboard focus."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._rings: dict[int, FocusRing] = {}
        self._app = app
        app.focusChanged.connect(self._on_focus_changed)

    def stop(self) -> None:
        """Stop following the focus and remove every ring."""
        self._app.focusChanged.disconnect(self._on_focus_changed)
        for ring in self._rings.values():
            ring.follow(None)
            ring.deleteLater()
        self._rings.clear()

    def ring_for(self, window: QWidget) -> FocusRing:
        key = id(window)
        ring = self._rings.get(key)
        if ring is None:
            ring = FocusRing(window)
            self._rings[key] = ring
            window.destroyed.connect(lambda *_args: self._rings.pop(key, None))
        return ring

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and old.window() is not None:
            ring = self._rings.get(id(old.window()))
            if ring is not None and (new is None or new.window() is not old.window()):
                ring.follow(None)
        if new is None or new.window() is new or isinstance(new, FocusRing):
            return
        self.ring_for(new.window()).follow(new)
