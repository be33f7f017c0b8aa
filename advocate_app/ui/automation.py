"""Typing into the running app from outside, for the crash test of live minute-taking.

When ``ADVOCATE_TYPE_FROM`` names a file (normally a named pipe), a thread reads text from it
and each character is delivered to the widget with keyboard focus as a key press and release,
through Qt's event loop like a keyboard's. Nothing happens without the variable.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

ENVIRONMENT_VARIABLE = "ADVOCATE_TYPE_FROM"


class _Typist(QObject):
    typed = Signal(str)

    def __init__(self, path: str):
        super().__init__(QApplication.instance())
        self.typed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._path = path
        threading.Thread(target=self._read, name="advocate-typist", daemon=True).start()

    def _read(self) -> None:
        with open(self._path, encoding="utf-8") as source:
            while True:
                text = source.read(1)
                if not text:
                    return
                self.typed.emit(text)

    @staticmethod
    def _deliver(text: str) -> None:
        target = QApplication.focusWidget()
        if target is None:
            return
        key = Qt.Key.Key_Return if text == "\n" else Qt.Key.Key_unknown
        typed = "\r" if text == "\n" else text
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     typed))


def start_from_environment() -> None:
    path = os.environ.get(ENVIRONMENT_VARIABLE)
    if path:
        app = QApplication.instance()
        if not hasattr(app, "_advocate_typist"):
            app._advocate_typist = _Typist(path)
