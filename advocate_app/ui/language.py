"""View > Language: the window in another language at once, without losing work.

Choosing a language installs its catalog and Qt's own, the default locale and the direction of
the whole interface (right to left for Arabic or Urdu), remembers the choice for the next start
(``settings.ini``; ``--lang`` still wins) and builds the main window's menus and pages again,
keeping the section shown, the record chosen on it and a search typed. A minute-taking window
that is open holds a meeting under way: it is left exactly as it is, direction included, and
takes the new language when it is opened again; the status bar says so.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from advocate_app.i18n import _, current_language, ngettext

#: The main window (typed loosely: naming its class here would make an import circle).
MainWindow = Any

#: What a page may say about the record chosen on it: (read it, choose it again), in the order
#: they are chosen again (a board before its meeting).
_CHOSEN = (("selected_member_id", "select_member"), ("board_id", "select_board"),
           ("meeting_id", "select_meeting"), ("webinar_id", "select_webinar"),
           ("selected_id", "select_item"))


def choose_language(window: MainWindow, code: str) -> None:
    """Show the whole window in ``code`` now, and at the next start."""
    from advocate_app.i18n import install_language
    from advocate_app.i18n.languages import language_name
    from advocate_app.ui.qt_language import install_qt_translations

    window._settings.language = code
    window._settings.sync()
    if code == current_language():
        return
    kept = minutes_windows(window)
    app = QApplication.instance()
    for kept_window in kept:  # its texts stay as they are: so does its direction
        kept_window.setLayoutDirection(kept_window.layoutDirection())
    context = window._context
    used = install_language(code, context.paths.locale_cache_dir)
    install_qt_translations(app, used)
    context.language = used
    rebuild_window(window)
    if "advocate_app.ui.help" in sys.modules:
        from advocate_app.ui.help import close_help_window

        if close_help_window(window):  # open with the window's keys: again, in its new words
            window.show_help()
    message = _("Advocate is now in {language}.").format(language=language_name(used))
    if kept:
        message = ngettext(
            "Advocate is now in {language}; the minute-taking window that is open keeps its "
            "language until it is opened again.",
            "Advocate is now in {language}; the {n} minute-taking windows that are open keep "
            "their language until they are opened again.", len(kept)).format(
            language=language_name(used), n=len(kept))
    window.statusBar().showMessage(message, 10_000)


def minutes_windows(window: MainWindow) -> list[QWidget]:
    """The minute-taking windows open beside ``window``."""
    if "advocate_app.ui.dialogs.live_minutes" not in sys.modules:
        return []
    from advocate_app.ui.dialogs.live_minutes import LiveMinutesWindow

    return [each for each in window.findChildren(QMainWindow)
            if isinstance(each, LiveMinutesWindow) and each.isVisible()]


def fill_navigation(window: MainWindow) -> None:
    """The window's sections and their list, in the interface language (at start, and again
    after View > Language)."""
    from advocate_app.ui.sections import sections

    window.sections = sections(window)
    navigation = window.navigation
    navigation.setAccessibleName(_("Sections"))
    navigation.setAccessibleDescription(
        _("Choose an area of Advocate; Control and a number jumps there directly."))
    navigation.blockSignals(True)
    navigation.clear()
    for section in window.sections:
        item = QListWidgetItem(section.title)
        item.setData(Qt.ItemDataRole.UserRole, section.key)
        navigation.addItem(item)
    navigation.blockSignals(False)


def rebuild_window(window: MainWindow) -> None:
    """Every text of the main window again, in the language just installed: the menus, the
    section list and the pages are built anew; the section shown, the record chosen on it, a
    search typed, the window's size and place stay. Windows of their own (minute-taking) are
    left as they are."""
    from advocate_app.ui.account_actions import signed_in_text

    key = window.current_section()
    pages = window._pages
    memory = PageMemory.of(pages.get(key))
    for page in pages.values():
        window.stack.removeWidget(page)
        retire(page)
    pages.clear()
    window.setWindowTitle(_("Advocate"))
    fill_navigation(window)
    window._fit_navigation()
    window.database_label.setText(window._database_description())
    window.database_label.setAccessibleName(_("Database"))
    window.account_label.setText(signed_in_text(window.services.actor))
    window.account_label.setAccessibleName(_("Signed in"))
    rebuild_menus(window)
    if key:
        memory.restore(window.show_section(key))


def rebuild_menus(window: MainWindow) -> None:
    """The menu bar again, in the interface language; the old menus and their commands go
    (their keys with them, so no key is claimed twice)."""
    from advocate_app.ui.menus import build_menus

    bar = window.menuBar()
    old_menus = [action.menu() for action in bar.actions() if action.menu() is not None]
    bar.clear()
    for menu in old_menus:
        _drop_menu(menu)
        _off_the_bar(menu)
    build_menus(window)


def _drop_menu(menu: QMenu) -> None:
    for action in menu.actions():
        if action.menu() is not None and action.menu() is not menu:
            _drop_menu(action.menu())
        action.setShortcuts([])
        action.setEnabled(False)
        menu.removeAction(action)
        if action.parent() is not menu:  # the window's commands; the menu takes its own
            action.deleteLater()
    menu.deleteLater()  # later: the language's own entry may be the one being triggered


def _off_the_bar(menu: QMenu) -> None:
    """A menu of the bar's, off it for PySide too: the bar's wrapper would otherwise keep
    every menu it ever made (and, through them, their commands) for as long as the window
    lives, one more set at each change of language. Held here until Qt has deleted it, so
    Python never does."""
    _dropped.difference_update([each for each in _dropped if not shiboken6.isValid(each)])
    _dropped.add(menu)
    menu.setParent(None)


#: Menus taken off the menu bar that Qt has not deleted yet (see ``_off_the_bar``).
_dropped: set[QMenu] = set()


def retire(page: QWidget) -> None:
    """A page replaced by its new-language twin: hidden at once, deleted once the documents
    it is writing in the background are written (their ends still report)."""
    import shiboken6

    from advocate_app.ui.tasks import BackgroundTask

    page.hide()

    def delete_when_idle() -> None:
        if not shiboken6.isValid(page):
            return
        if any(task.is_running() for task in page.findChildren(BackgroundTask)):
            QTimer.singleShot(500, page, delete_when_idle)
        else:
            page.deleteLater()

    delete_when_idle()


@dataclass
class PageMemory:
    """What a person set on a page that its rebuilt twin is given back."""

    chosen: list[tuple[str, Any]] = field(default_factory=list)
    search: str = ""
    tab: int = -1

    @classmethod
    def of(cls, page: QWidget | None) -> PageMemory:
        memory = cls()
        if page is None:
            return memory
        for getter, setter in _CHOSEN:
            read = getattr(page, getter, None)
            if callable(read) and callable(getattr(page, setter, None)):
                value = read()
                if value is not None:
                    memory.chosen.append((setter, value))
        search = getattr(page, "search_field", None)
        if isinstance(search, QLineEdit):
            memory.search = search.text()
        tabs = getattr(page, "tabs", None)
        if isinstance(tabs, QTabWidget):
            memory.tab = tabs.currentIndex()
        return memory

    def restore(self, page: QWidget) -> None:
        search = getattr(page, "search_field", None)
        if self.search and isinstance(search, QLineEdit):
            search.setText(self.search)
            filters = getattr(page, "filters", None)
            if filters is not None and hasattr(filters, "search_timer"):
                filters.search_timer.stop()  # the list follows now, before choosing in it
                filters.changed.emit()
        tabs = getattr(page, "tabs", None)
        if isinstance(tabs, QTabWidget) and 0 <= self.tab < tabs.count():
            tabs.setCurrentIndex(self.tab)
        for setter, value in self.chosen:
            getattr(page, setter)(value)
