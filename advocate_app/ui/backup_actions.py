"""Back up now…, Restore from backup… (File menu, administrators) and the automatic backup
taken quietly while the window is open.

Every backup and restore is one call to ``services.backups`` run through
``run_in_background``: the window never waits on the database file.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from advocate_app.domain.access import Permission
from advocate_app.i18n import _
from advocate_app.ui import prompts
from advocate_app.ui.tasks import run_in_background

log = logging.getLogger(__name__)

#: The main window (typed loosely: naming its class here would make an import circle).
MainWindow = Any

#: The first look for a due automatic backup after the window opens, then one an hour.
FIRST_CHECK_MS = 20_000
CHECK_EVERY_MS = 60 * 60 * 1000


def _filter() -> str:
    return _("Advocate backups (*.sqlite3)") + ";;" + _("All files (*)")


def add_backup_actions(window: MainWindow, menu) -> None:
    """"Back up now…" and "Restore from backup…" in ``menu``, for an account that may."""
    allowed = window.services.actor.may(Permission.BACKUP)
    window.backup_action = QAction(_("&Back up now…"), window)
    window.backup_action.setStatusTip(_("Save a copy of the whole database to a file"))
    window.backup_action.triggered.connect(lambda: back_up_now(window))
    window.restore_action = QAction(_("&Restore from backup…"), window)
    window.restore_action.setStatusTip(
        _("Replace everything in the database with a backup (checked first)"))
    window.restore_action.triggered.connect(lambda: restore_from_backup(window))
    menu.addSeparator()
    for action in (window.backup_action, window.restore_action):
        action.setVisible(allowed)
        action.setEnabled(allowed)
        menu.addAction(action)


def back_up_now(window: MainWindow) -> None:
    backups = window.services.backups
    suggested = f"advocate-backup-{date.today().isoformat()}.sqlite3"
    chosen = prompts.save_file(window, _("Back up the database"), suggested, _filter(),
                               kind="backups")
    if not chosen:
        return
    window.show_status(_("Backing up …"))

    def done(written) -> None:
        window.show_status(_("Backed up to {path}.").format(path=written.path))

    window.backup_task = run_in_background(
        window, lambda progress, _cancelled: backups.back_up(Path(chosen), progress),
        on_done=done, on_error=lambda exc: _failed(window, _("Back up"), exc),
        on_progress=lambda done_, total: _progress(window, _("Backing up …"), done_, total))


def restore_from_backup(window: MainWindow) -> None:
    from advocate_app.ui import file_dialogs

    backups = window.services.backups
    chosen = file_dialogs.open_file(window, "backups", _("Restore from backup"), _filter())
    if not chosen:
        return
    name = Path(chosen).name
    if not prompts.confirm(
            window, _("Restore from backup"),
            _("Replace everything in the database with {name}? The file is checked first, "
              "and the data as it is now is kept as a backup. Advocate then closes; start it "
              "again to work on the restored data.").format(name=name),
            destructive_label=_("Restore")):
        return
    window.show_status(_("Checking and restoring {name} …").format(name=name))

    def done(result) -> None:
        prompts.information(window, _("Restore from backup"), _(
            "{name} is restored; the data as it was is kept in {kept}. Advocate closes now: "
            "start it again to work on the restored data.").format(
            name=name, kept=result.kept_as)
            + (" " + result.erasures_sentence if result.erasures_sentence else ""))
        window.close()

    window.restore_task = run_in_background(
        window, lambda progress, _cancelled: backups.restore(Path(chosen), progress),
        on_done=done, on_error=lambda exc: _failed(window, _("Restore from backup"), exc),
        on_progress=lambda done_, total: _progress(
            window, _("Checking and restoring {name} …").format(name=name), done_, total))


def _progress(window: MainWindow, doing: str, done: int, total: int) -> None:
    """How far a backup or restore has gone, in the status bar (tables, on PostgreSQL)."""
    if total:
        from advocate_app.i18n.formatting import format_percent

        window.show_status(_("{doing} {percent}").format(
            doing=doing, percent=format_percent(done / total)))


def _failed(window: MainWindow, title: str, exc: Exception) -> None:
    from advocate_app.services.errors import ServiceError

    if not isinstance(exc, ServiceError):
        # The type alone: a database error's text may quote the rows it was writing.
        log.error("Backup or restore failed: %s", type(exc).__name__)
        prompts.error(window, title, _("It stopped on an unexpected error ({kind}); nothing "
                                       "was changed.").format(kind=type(exc).__name__))
        return
    prompts.error(window, title, str(exc))


class AutomaticBackups(QObject):
    """Takes the automatic backup in the background when one is due: shortly after the window
    opens, then every hour while it stays open. Quiet: a failure goes to the log."""

    def __init__(self, window: MainWindow, first_check_ms: int = FIRST_CHECK_MS):
        super().__init__(window)
        self._window = window
        self._task = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_now)
        self._timer.start()
        QTimer.singleShot(first_check_ms, self, self.check_now)

    def check_now(self) -> None:
        if self._task is not None and self._task.is_running():
            return
        backups = self._window.services.backups
        self._task = run_in_background(
            self, lambda _progress, _cancelled: backups.automatic(),
            on_done=self._done, on_error=self._failed)

    @property
    def task(self):
        return self._task

    def _done(self, written) -> None:
        if written is not None:
            self._window.show_status(_("Automatic backup saved."))

    def _failed(self, exc: Exception) -> None:
        from advocate_app.services.errors import ServiceError

        # A service's sentence names no member; any other error's text might quote rows.
        log.warning("The automatic backup failed: %s",
                    exc if isinstance(exc, ServiceError) else type(exc).__name__)
