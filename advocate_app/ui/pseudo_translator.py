"""Qt's own words (standard buttons, the wizard's Back and Next, a tab bar's scroll buttons …)
in a pseudo-language too, so that a word left in plain English in pseudo mode is always one of
Advocate's that was never marked for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from advocate_app.i18n.pseudo import ACCENTED, accented, canonical, mirrored

#: Contexts whose words are keys, not text: key names in shortcuts must stay as Qt knows them.
_UNTOUCHED = frozenset({"QShortcut", "QKeySequence", "QAccessibleActionInterface"})


class PseudoTranslator(QTranslator):
    def __init__(self, parent, language: str) -> None:
        super().__init__(parent)
        self._transform = accented if canonical(language) == ACCENTED else mirrored

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if not source or context in _UNTOUCHED:
            return ""  # "" means: no translation, Qt keeps its own text
        return self._transform(source)


def install_pseudo_translator(app: QCoreApplication, language: str) -> QTranslator:
    translator = PseudoTranslator(app, language)
    app.installTranslator(translator)
    return translator
