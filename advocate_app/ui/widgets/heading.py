"""A page heading whose size follows the user's text-size setting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

_FACTORS = {1: 1.6, 2: 1.3, 3: 1.1}


class Heading(QLabel):
    """A bold label, larger than body text by a fixed ratio, re-sized when the app font changes."""

    def __init__(self, text: str, level: int = 1, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.level = level
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(text)
        self._apply_font()
        # Child widgets with their own font are not told when the application font changes;
        # the application object is, so listen there.
        QApplication.instance().installEventFilter(self)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setAccessibleName(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ApplicationFontChange and watched is QApplication.instance():
            self._apply_font()
        return False

    def _apply_font(self) -> None:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * _FACTORS.get(self.level, 1.0))
        font.setBold(True)
        self.setFont(font)
