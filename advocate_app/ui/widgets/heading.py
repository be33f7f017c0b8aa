"""A page heading whose size follows the user's text-size setting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
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
        self._align_to_start()
        _follow_application_font()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._align_to_start()

    def _align_to_start(self) -> None:
        """At the start of the line as the interface reads (the right in Arabic), whatever the
        script of the title: a label otherwise follows its text, and an English meeting title
        on an Arabic screen would sit on the left, away from everything else it heads."""
        start = (Qt.AlignmentFlag.AlignRight
                 if self.layoutDirection() == Qt.LayoutDirection.RightToLeft
                 else Qt.AlignmentFlag.AlignLeft)
        self.setAlignment(start | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setAccessibleName(text)

    def _apply_font(self) -> None:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * _FACTORS.get(self.level, 1.0))
        font.setBold(True)
        self.setFont(font)


def _follow_application_font() -> None:
    """Child widgets with their own font are not told when the application font changes; the
    application says so once, and every heading then re-sizes. (A filter on the application
    per heading ran Python for every event of the app, once for each heading.)"""
    app = QApplication.instance()
    if not getattr(app, "_advocate_headings_follow_font", False):
        app.fontChanged.connect(_resize_headings)
        app._advocate_headings_follow_font = True


def _resize_headings(_font: QFont) -> None:
    for widget in QApplication.allWidgets():
        if isinstance(widget, Heading):
            widget._apply_font()
