"""Showing a control only to an account that may use it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def shown_if(widget: QWidget, allowed: bool) -> None:
    """Hide ``widget`` unless ``allowed``. A widget not yet placed in a window is only ever
    hidden here, never shown: shown before it is laid out, it would open as a window of its
    own for a moment and take the keyboard away from the main window."""
    if widget.parentWidget() is None:
        if not allowed:
            widget.hide()
        return
    widget.setVisible(allowed)
