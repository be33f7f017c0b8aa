"""Audit log… (File menu): shown only to an account that may read the log (administrators);
what a role may do is asked of the actor, never decided here."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from advocate_app.domain.access import Permission
from advocate_app.i18n import _
from advocate_app.ui import prompts

#: The main window (typed loosely: naming its class here would make an import circle).
MainWindow = Any


def add_audit_action(window: MainWindow, menu) -> None:
    allowed = window.services.actor.may(Permission.VIEW_AUDIT)
    window.audit_action = QAction(_("Audit &log…"), window)
    window.audit_action.setStatusTip(
        _("Who viewed, exported, changed or erased members' data, and when"))
    window.audit_action.triggered.connect(lambda: open_audit_log(window))
    window.audit_action.setVisible(allowed)
    window.audit_action.setEnabled(allowed)
    menu.addAction(window.audit_action)


def open_audit_log(window: MainWindow) -> None:
    from advocate_app.ui.dialogs.audit_log import AuditLogDialog

    prompts.run_modal(AuditLogDialog(window.services, window))
