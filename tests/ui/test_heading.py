"""Headings follow the text size without costing anything on the app's other events."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from advocate_app.ui.widgets.heading import Heading


def test_headings_follow_the_text_size_without_watching_every_event(qtbot, monkeypatch):
    app = QApplication.instance()
    filters = []
    monkeypatch.setattr(app, "installEventFilter", filters.append)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    headings = [Heading(f"Heading {n}", level=1 + n % 3) for n in range(30)]
    for heading in headings:
        layout.addWidget(heading)
    window.show()
    # Every event the app handles went through each heading before: 30 headings, 30 filters.
    assert filters == []

    base = QApplication.font()
    before = [heading.font().pointSizeF() for heading in headings]
    bigger = QApplication.font()
    bigger.setPointSizeF(base.pointSizeF() * 1.5)
    try:
        QApplication.setFont(bigger)
        after = [heading.font().pointSizeF() for heading in headings]
    finally:
        QApplication.setFont(base)
    assert all(new > old * 1.4 for old, new in zip(before, after, strict=True))
    assert [heading.font().pointSizeF() for heading in headings] == before
    assert all(heading.font().bold() for heading in headings)
