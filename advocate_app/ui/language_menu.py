"""View > Language: every language Advocate has, each by its own name, the one shown checked.
Choosing one emits the main window's ``language_chosen``; ``ui/language.py`` does the rest."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from advocate_app.i18n import _, current_language

#: The main window (typed loosely: naming its class here would make an import circle).
MainWindow = Any


def add_language_menu(window: MainWindow, view_menu: QMenu) -> QMenu:
    """View > Language, its languages listed when it first opens (naming each language in its
    own words reads that language's locale data, which start-up does not need)."""
    menu = view_menu.addMenu(_("Lan&guage"))
    menu.setObjectName("languageMenu")
    menu.menuAction().setStatusTip(_("Show Advocate in another language"))
    menu.aboutToShow.connect(lambda: language_actions(window))
    window.language_menu = menu
    return menu


def language_actions(window: MainWindow) -> list[QAction]:
    """The Language menu's entries (made the first time), the language shown checked."""
    from advocate_app.i18n.catalogs import available_languages, resolve_language
    from advocate_app.i18n.languages import language_name

    menu: QMenu = window.language_menu
    if not menu.actions():
        group = QActionGroup(menu)
        group.setExclusive(True)
        from advocate_app.i18n.pseudo import offered_languages

        named = sorted(((language_name(code), code)  # pseudo ones for developers only
                        for code in (*available_languages(), *offered_languages())),
                       key=lambda pair: pair[0].casefold())
        for name, code in named:
            action = QAction(name.replace("&", "&&"), menu)
            action.setCheckable(True)
            action.setData(code)
            action.setStatusTip(_("Show Advocate in {language}").format(language=name))
            action.triggered.connect(  # the window changes language (ui/language.py)
                lambda _checked=False, c=code: window.language_chosen.emit(c))
            group.addAction(action)
            menu.addAction(action)
    shown = resolve_language(current_language())
    for action in menu.actions():
        action.setChecked(action.data() == shown)
    return menu.actions()
