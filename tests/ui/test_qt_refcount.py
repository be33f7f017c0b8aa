"""Qt calls that return nothing must not lose references to Python's ``None``.

PySide6 6.12.0 drops one reference to ``None`` on every such call. On Python 3.11, where ``None``
is an ordinary object, the count reaches zero after some tens of thousands of calls and the
process aborts ("Fatal Python error: none_dealloc") — in the middle of a board meeting, since
minute-taking makes such calls several times a second. This test fails on any PySide6 release
with that fault, so a dependency update that brings it back is caught before it reaches anyone.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

CALLS = 2000


def _void_calls(qtbot):
    """(name, call) pairs: each a Qt method that returns nothing, as the app uses them."""
    timer = QTimer()
    label = QLabel()
    notes = QPlainTextEdit()
    widget = QWidget()
    for w in (label, notes, widget):
        qtbot.addWidget(w)
    return [
        ("QTimer.start", lambda: timer.start(1000)),
        ("QTimer.stop", timer.stop),
        ("QTimer.setInterval", lambda: timer.setInterval(500)),
        ("QLabel.setText", lambda: label.setText("Saved at 10:00:00")),
        ("QLabel.setStyleSheet", lambda: label.setStyleSheet("")),
        ("QPlainTextEdit.insertPlainText", lambda: notes.insertPlainText("a")),
        ("QWidget.update", widget.update),
        ("QWidget.setEnabled", lambda: widget.setEnabled(True)),
        ("QCoreApplication.processEvents", QCoreApplication.processEvents),
    ]


@pytest.mark.parametrize("index", range(9))
def test_a_void_qt_call_keeps_every_reference_to_none(qtbot, index):
    name, call = _void_calls(qtbot)[index]
    call()  # anything created on first use is created now, not counted below
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    lost = before - sys.getrefcount(None)
    # A faulty release loses exactly one reference a call (2,000 here); ordinary bookkeeping
    # moves the count by a handful at most.
    assert abs(lost) < CALLS // 20, (
        f"{name} changed the references to None by {-lost} over {CALLS} calls: this PySide6 "
        f"release would abort a long session; exclude it in pyproject.toml")
