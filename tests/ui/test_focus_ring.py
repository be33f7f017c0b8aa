"""Keyboard focus is always plainly visible."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from advocate_app.ui.widgets.focus_ring import FocusRings


def test_the_ring_follows_the_focus_around_the_window(qtbot, main_window):
    rings = FocusRings(QApplication.instance())
    try:
        main_window.activateWindow()
        qtbot.waitActive(main_window)
        page = main_window.show_section("members")
        qtbot.waitUntil(page.search_field.hasFocus)
        ring = rings.ring_for(main_window)
        qtbot.waitUntil(ring.isVisible)
        assert ring.target is page.search_field
        field_rect = page.search_field.rect()
        field_rect.moveTopLeft(page.search_field.mapTo(main_window, QPoint(0, 0)))
        assert ring.geometry().contains(field_rect)
        qtbot.keyClick(page.search_field, Qt.Key.Key_Tab)
        assert ring.target is page.role_filter
        assert ring.geometry().contains(page.role_filter.mapTo(main_window, QPoint(2, 2)))
    finally:
        rings.stop()
        rings.deleteLater()
