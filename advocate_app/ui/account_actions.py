"""Accounts… (File menu, administrators; also before the first account exists), Switch
account… (once signed in), who is signed in (status bar), and the File menu's entries hidden
from a role that may not use them. What a role may do is asked of the actor, never decided here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from advocate_app.domain.access import Permission
from advocate_app.domain.people import DEFAULT_ACCOUNT_ID, Actor
from advocate_app.i18n import _
from advocate_app.ui import prompts

#: The main window (typed loosely: naming its class here would make an import circle).
MainWindow = Any


def signed_in_text(actor: Actor) -> str:
    """Who is signed in, when accounts are in use (the built-in account: nothing)."""
    if actor.account_id == DEFAULT_ACCOUNT_ID:
        return ""
    return _("Signed in: {name} ({role})").format(name=actor.display_name,
                                                  role=actor.role.label)


def add_account_actions(window: MainWindow, menu) -> None:
    actor = window.services.actor
    for action, permission in ((window.new_member_action, Permission.EDIT_MEMBERS),
                               (window.import_action, Permission.IMPORT_EXPORT)):
        action.setVisible(actor.may(permission))
        action.setEnabled(actor.may(permission))
    menu.addSeparator()
    window.accounts_action = QAction(_("&Accounts…"), window)
    window.accounts_action.setStatusTip(_("Add accounts, change their roles and passwords"))
    window.accounts_action.triggered.connect(lambda: manage_accounts(window))
    window.accounts_action.setVisible(actor.may(Permission.MANAGE_ACCOUNTS))
    menu.addAction(window.accounts_action)
    window.switch_account_action = QAction(_("S&witch account…"), window)
    window.switch_account_action.setStatusTip(_("Sign out and let someone else sign in"))
    window.switch_account_action.triggered.connect(lambda: switch_account(window))
    window.switch_account_action.setVisible(actor.account_id != DEFAULT_ACCOUNT_ID)
    menu.addAction(window.switch_account_action)


def manage_accounts(window: MainWindow) -> None:
    from advocate_app.ui.dialogs.accounts import AccountsDialog

    prompts.run_modal(AccountsDialog(window.services, window))


def switch_account(window: MainWindow):
    """Hide this account's window, ask who signs in, and open the window again as them
    (returned); Cancel quits, so nobody's work stays on screen."""
    from advocate_app.ui.dialogs.sign_in import ask_to_sign_in

    app = QApplication.instance()
    app.setQuitOnLastWindowClosed(False)
    try:
        window.hide()
        services = ask_to_sign_in(window.services)
        if services is None:
            window.close()
            app.quit()
            return None
        context = window._context  # the window's own start-up wiring, handed on
        context.services = services
        replacement = type(window)(context, window._settings)
        replacement.restore_state()
        replacement.show()
        replacement.show_section("dashboard")
        app.replacement_window = replacement  # kept while it is open
        window.close()
        window.deleteLater()
        return replacement
    finally:
        app.setQuitOnLastWindowClosed(True)
