"""A section that is not built yet says plainly what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from advocate_app.ui.widgets.heading import Heading


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = Heading(title)
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                 | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.description.setAccessibleName(title)
        self.description.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.description)
        layout.addStretch(1)

    def focus_first(self) -> None:
        self.description.setFocus(Qt.FocusReason.OtherFocusReason)
