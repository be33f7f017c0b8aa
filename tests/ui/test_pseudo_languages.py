"""The pseudo-languages in the window: kept out of View → Language for users, listed for a
developer who asks, and chosen there like a real language (the mirrored one right to left)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advocate_app.i18n import install_language
from advocate_app.i18n.pseudo import CLOSE, OPEN, RLO
from advocate_app.ui.application import install_qt_translations
from advocate_app.ui.language_menu import language_actions


@pytest.fixture(autouse=True)
def back_to_english(tmp_path):
    yield
    install_language("en", tmp_path)
    install_qt_translations(QApplication.instance(), "en")


def _codes(window):
    return {action.data() for action in language_actions(window)}


def test_users_are_not_offered_the_pseudo_languages(monkeypatch, main_window):
    monkeypatch.delenv("ADVOCATE_PSEUDO_LANGUAGES", raising=False)
    codes = _codes(main_window)
    assert "fr" in codes and not {"en_XA", "ar_XB"} & codes


def test_a_developer_chooses_them_in_the_menu(monkeypatch, main_window):
    monkeypatch.setenv("ADVOCATE_PSEUDO_LANGUAGES", "1")
    assert {"en_XA", "ar_XB"} <= _codes(main_window)

    next(a for a in language_actions(main_window) if a.data() == "en_XA").trigger()
    title = main_window.navigation.item(0).text()
    assert title.startswith(OPEN) and title.endswith(CLOSE)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight

    next(a for a in language_actions(main_window) if a.data() == "ar_XB").trigger()
    assert RLO in main_window.navigation.item(0).text()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert main_window.isRightToLeft()
