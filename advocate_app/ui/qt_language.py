"""The interface language as Qt sees it: its own strings (standard buttons and dialogs), the
default locale and the direction of the whole interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from advocate_app.i18n import is_right_to_left


def install_qt_translations(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own strings (standard buttons, dialogs), the default locale and the direction of
    the whole interface in the UI language; the translator installed before is taken out, so
    this runs again when the language changes (View > Language).

    Qt ships no catalog for some languages (Urdu): its few words stay English then. A
    pseudo-language (``en_XA``, ``ar_XB``) transforms Qt's English as it does Advocate's."""
    from advocate_app.i18n.pseudo import is_pseudo

    base = language.replace("-", "_").split("_")[0]
    QLocale.setDefault(QLocale(language))
    add_script_fonts(language)
    if is_right_to_left(language):
        from advocate_app.ui.bidi import isolate_cell_text

        isolate_cell_text(app)  # an English title in an Arabic table keeps its own order
        QGuiApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    previous = getattr(app, "_advocate_qt_translator", None)
    if previous is not None:
        QCoreApplication.removeTranslator(previous)
        previous.deleteLater()  # (the application's child: kept for good otherwise)
    app._advocate_qt_translator = None
    if is_pseudo(language):  # Qt's own words made pseudo too (ui/pseudo_translator.py)
        from advocate_app.ui.pseudo_translator import install_pseudo_translator

        app._advocate_qt_translator = install_pseudo_translator(app, language)
        return app._advocate_qt_translator
    if base == "en":
        return None
    translator = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # By locale, so Portuguese finds Qt's pt_BR and de_AT Qt's de.
    if translator.load(QLocale(language), "qtbase", "_", directory) or translator.load(
            QLocale(base), "qtbase", "_", directory):
        app.installTranslator(translator)
        app._advocate_qt_translator = translator
        return translator
    translator.deleteLater()  # (none for this language: not kept as the application's child)
    return None


#: The bundled faces (``resources/fonts``, shared with the documents) of the scripts a computer
#: may lack a face for, by the script's ISO 15924 code.
_SCRIPT_FACES = {"Arab": "NotoSansArabic", "Hebr": "NotoSansHebrew", "Deva": "NotoSansDevanagari",
                 "Beng": "NotoSansBengali", "Guru": "NotoSansGurmukhi", "Taml": "NotoSansTamil"}


def add_script_fonts(language: str) -> None:
    """Make the bundled face of ``language``'s script available to the whole interface, so a
    computer without one (a bare Linux desktop lacks Urdu's ہ and ے) shows no empty boxes; Qt
    reaches for it where the interface's own font has no such letter."""
    base = language.replace("-", "_").split("_")[0].lower()
    if base == "en":
        return  # (Latin letters: every computer has them; start-up stays quick)
    from babel.core import get_global

    from advocate_app.paths import bundled_dir

    likely = str(get_global("likely_subtags").get(base, ""))
    face = _SCRIPT_FACES.get(likely.split("_")[1] if likely.count("_") == 2 else "")
    fonts = bundled_dir("resources")
    if face is None or fonts is None or face in _added:
        return
    _added.add(face)
    from advocate_app.ui.script_fonts import load_face

    for weight in ("Regular", "Bold"):  # (each file once: ui/script_fonts.py adds the rest)
        load_face(f"{face}-{weight}.ttf")


_added: set[str] = set()
