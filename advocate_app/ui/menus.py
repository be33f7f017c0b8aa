"""The main window's menus: every command of the window with its keys and status tip."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from advocate_app.i18n import _
from advocate_app.ui.account_actions import add_account_actions
from advocate_app.ui.audit_actions import add_audit_action
from advocate_app.ui.backup_actions import add_backup_actions
from advocate_app.ui.language_menu import add_language_menu

#: The main window (typed loosely: naming its class here would make an import circle).
MainWindow = Any


def _action(window: MainWindow, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> None:
    """File, Edit, View and Help, each command with its keys; the actions are kept on the
    window (``window.find_action`` …) for tests and for the help window's list of keys."""
    menu_bar = window.menuBar()
    file_menu = menu_bar.addMenu(_("&File"))
    window.new_member_action = _action(
        window, _("&New member…"), window.new_member, [QKeySequence.StandardKey.New],
        _("Add a person to the community"))
    file_menu.addAction(window.new_member_action)
    window.import_action = _action(
        window, _("&Import members…"), window.import_members, ["Ctrl+I"],
        _("Bring people in from a spreadsheet or an address book"))
    file_menu.addAction(window.import_action)
    add_backup_actions(window, file_menu)
    add_account_actions(window, file_menu)
    add_audit_action(window, file_menu)
    file_menu.addSeparator()
    # Ctrl+Q by name: Qt's standard Quit key is empty on Windows and on some desktops.
    window.quit_action = _action(window, _("&Quit"), window.close, ["Ctrl+Q"])
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(window.quit_action)

    edit_menu = menu_bar.addMenu(_("&Edit"))
    window.find_action = _action(
        window, _("&Find member…"), window.find, [QKeySequence.StandardKey.Find],
        _("Search members by name, email, phone or tag"))
    edit_menu.addAction(window.find_action)

    view_menu = menu_bar.addMenu(_("&View"))
    window.section_actions: list[QAction] = []
    for number, section in enumerate(window.sections, start=1):
        # "&&": a single "&" would mark the next letter as the key instead of showing.
        action = _action(window, section.title.replace("&", "&&"),
                              lambda _c=False, k=section.key: window.show_section(k),
                              [f"Ctrl+{number}"],
                              _("Go to {section}").format(section=section.title))
        view_menu.addAction(action)
        window.section_actions.append(action)
    window.switch_focus_action = _action(
        window, _("Move between sections and page"), window.switch_focus_area, ["F6"])
    view_menu.addAction(window.switch_focus_action)
    view_menu.addSeparator()
    window.larger_text_action = _action(
        window, _("&Larger text"), lambda: window.change_text_size(1),
        [QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
    window.smaller_text_action = _action(
        window, _("&Smaller text"), lambda: window.change_text_size(-1),
        [QKeySequence.StandardKey.ZoomOut])
    window.reset_text_action = _action(
        window, _("&Normal text size"), lambda: window.set_text_scale(1.0), ["Ctrl+0"])
    for action in (window.larger_text_action, window.smaller_text_action,
                   window.reset_text_action):
        view_menu.addAction(action)
    view_menu.addSeparator()
    add_language_menu(window, view_menu)

    help_menu = menu_bar.addMenu(_("&Help"))
    window.help_action = _action(window, _("&Keyboard and help"), window.show_help,
                                    [QKeySequence.StandardKey.HelpContents],
                                    _("Help: the keys of this screen and the user guide"))
    help_menu.addAction(window.help_action)
    window.about_action = _action(window, _("&About Advocate"), window.show_about)
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(window.about_action)
