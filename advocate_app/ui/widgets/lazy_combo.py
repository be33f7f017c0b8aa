"""A combo box that builds its long list of choices the first time someone reaches it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget


class LazyComboBox(QComboBox):
    """Starts with its first choice only; ``fill`` adds the rest on first focus or popup."""

    def __init__(self, fill: Callable[[QComboBox], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._fill = fill
        self._filled = False

    def ensure_filled(self) -> None:
        if not self._filled:
            self._filled = True
            self.blockSignals(True)
            current = self.currentIndex()
            self._fill(self)
            self.setCurrentIndex(current)
            self.blockSignals(False)

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.ensure_filled()
        super().showPopup()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.ensure_filled()
        super().focusInEvent(event)

    def findData(self, data, *args, **kwargs) -> int:  # noqa: N802 - Qt's name
        self.ensure_filled()
        return super().findData(data, *args, **kwargs)
