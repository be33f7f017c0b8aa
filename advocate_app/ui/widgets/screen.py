"""Windows that open no larger than the screen they are on."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open ``dialog`` at about this size, or at the size its content asks for when larger,
    never larger than the screen it opens on (a dialog's content scrolls or wraps within)."""
    owner = dialog.parentWidget() or dialog
    room = owner.screen().availableGeometry()
    hint = dialog.sizeHint()
    dialog.resize(min(room.width() - 40, max(width, hint.width())),
                  min(room.height() - 60, max(height, hint.height())))
