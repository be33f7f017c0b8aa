"""What the member editor's tabs share: the editor form they add fields to, a scrolled page,
a grid of tick boxes, and the note a tab shows until a new member is saved. Each tab has its
module: ``member_tab_access``, ``member_tab_health``, ``member_tab_consent`` and
``member_tab_timeline``."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class EditorForm(Protocol):
    """What a tab needs of the editor that holds it: the main email and phone fields, and the
    editor's way of adding a labelled field whose errors it shows (the member editor dialog)."""

    email: QLineEdit
    phone: QLineEdit
    fields: dict[str, QWidget]
    errors: dict[str, QLabel]
    _labels: dict[str, str]

    def _add_row(self, form: QFormLayout, name: str, label_text: str,
                 field: QWidget) -> None: ...


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def explain_until_saved(layout: QVBoxLayout, text: str) -> None:
    """A tab that records history needs a saved member; until then it says so."""
    note = QLabel(text)
    note.setWordWrap(True)
    layout.addWidget(note)
    layout.addStretch(1)
