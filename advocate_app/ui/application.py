"""Starting the window: QApplication, Qt's own translations, the main window, smoke test."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from advocate_app.paths import APP_NAME, bundled_dir
from advocate_app.ui.qt_language import install_qt_translations

__all__ = ["create_application", "install_qt_translations", "note_language_gone", "run_gui"]

_QT_LOG = logging.getLogger("advocate_app.qt")
#: Messages of Qt's that say nothing to a user (the off-screen platform has no window manager).
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints",
                      "This plugin does not support raise")


def _qt_message(kind: QtMsgType, _context, message: str) -> None:
    """Qt's own diagnostics go to the log file, not to the user's terminal."""
    if any(message.startswith(quiet) for quiet in _QUIET_QT_MESSAGES):
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    _QT_LOG.log(level, "%s", message)


def create_application(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None:
        qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    if not hasattr(app, "_advocate_focus_rings"):
        from advocate_app.ui.widgets.focus_ring import FocusRings

        app._advocate_focus_rings = FocusRings(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("advocate-app")
    icons = bundled_dir("resources")
    if icons is not None and (icons / "icons" / "advocate.svg").is_file():
        app.setWindowIcon(QIcon(str(icons / "icons" / "advocate.svg")))
    return app


def run_gui(context, *, smoke_test: bool = False) -> int:
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    app = create_application()
    if not hasattr(app, "_advocate_qt_translator"):  # (the passphrase dialog may have done it)
        install_qt_translations(app, context.language)
    from advocate_app.ui.dialogs.sign_in import signed_in

    services = signed_in(context.services)  # once accounts exist: who is this?
    if services is None:
        return 0  # Cancel: quit
    context.services = services
    settings = UiSettings(context.paths.settings_file)
    window = MainWindow(context, settings)
    window.restore_state()
    from advocate_app.ui.script_fonts import add_after_first_paint

    add_after_first_paint(window)  # every script's face, once the window is on screen
    if smoke_test:
        return _smoke(app, window, context.started_at)
    window.show()
    section = settings.last_section
    window.show_section(section if section in {s.key for s in window.sections} else "dashboard")
    note_language_gone(window)
    # Minutes that were being taken when the app or the computer stopped: back to them.
    QTimer.singleShot(0, window.resume_minutes)
    # The database layer for saving is loaded once the window is up, not while the user waits.
    QTimer.singleShot(1500, context.services.warm_up)
    # A backup is taken in the background when the last automatic one is a day old.
    from advocate_app.ui.backup_actions import AutomaticBackups

    window.automatic_backups = AutomaticBackups(window)
    return app.exec()


def note_language_gone(window) -> None:
    """At start: the language chosen last time is no longer shipped (the window opened in the
    system's language instead); say so rather than change language without a word."""
    from advocate_app.i18n import _, current_language
    from advocate_app.i18n.catalogs import resolve_language
    from advocate_app.i18n.languages import language_name
    from advocate_app.i18n.pseudo import is_pseudo

    chosen = window._settings.language
    if not chosen or is_pseudo(chosen) or resolve_language(chosen) is not None:
        return
    window.statusBar().showMessage(_(
        "The language chosen before (“{code}”) is no longer available; Advocate is shown in "
        "{language}. View, Language chooses another.").format(
        code=chosen, language=language_name(current_language())), 15_000)


def _smoke(app: QApplication, window, started_at: float) -> int:
    """Show the Members page with rows on screen, print the time it took, and quit."""
    window.show()
    page = window.show_section("members")
    outcome = {"code": 1}

    def finish() -> None:
        model = page.model
        if model.rowCount() > 0:
            model.data(model.index(0, 0))  # make sure the first page of rows is really fetched
        page.table.viewport().repaint()
        elapsed = (time.perf_counter() - started_at) * 1000
        print(f"ready in {elapsed:.0f} ms", flush=True)
        outcome["code"] = 0
        app.quit()

    QTimer.singleShot(0, finish)
    app.exec()
    return outcome["code"]
