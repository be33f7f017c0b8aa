"""Switching language all day stays sound: what each switch replaces is let go (the soak of
``benchmarks/language_switch_soak.py`` in small)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from advocate_app.ui.application import install_qt_translations
from advocate_app.ui.language_menu import language_actions


def _switch(window, code: str) -> None:
    """View > Language > ``code``, and one turn of the event loop (deletions done)."""
    next(a for a in language_actions(window) if a.data() == code).trigger()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _menus_and_commands() -> int:
    gc.collect()
    return sum(isinstance(each, (QMenu, QAction)) for each in gc.get_objects())


def test_the_old_menus_and_their_commands_are_let_go_at_each_switch(main_window):
    try:
        for code in ("fr", "en", "fr", "en"):  # the first switches build what stays (caches)
            _switch(main_window, code)
        settled = _menus_and_commands()
        for code in ("de", "fr", "es", "en") * 2:
            _switch(main_window, code)
        assert _menus_and_commands() <= settled
    finally:
        install_qt_translations(QApplication.instance(), "en")


def test_qt_s_own_translators_do_not_pile_up_in_the_application(qapp):
    try:
        for code in ("fr", "ur", "de", "es", "ur", "it", "fr", "de"):  # (Qt has no Urdu)
            install_qt_translations(qapp, code)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert len(qapp.findChildren(QTranslator)) <= 1
    finally:
        install_qt_translations(qapp, "en")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
