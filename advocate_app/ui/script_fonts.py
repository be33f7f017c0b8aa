"""Every script a member writes in, drawn on screen even where the computer has no face for it.

A bare Linux desktop may have only DejaVu: a Chinese, Hindi or Tamil name would show as empty
boxes. The faces bundled for the documents (``resources/fonts``, see its README) are made
available to Qt as application fonts; Qt reaches for them wherever the interface's own font has
no glyph for a character (fontconfig on Linux; Qt's own fallback list, which takes every family
that supports the script, elsewhere). The interface's font itself does not change.

Start-up does not wait for them: they are added once the main window has painted for the first
time (about 30 ms, mostly the three CJK faces), then the open windows are laid out and drawn
again, so a name on the first page shown appears in its script a moment later. The face of the
interface language's own script (Arabic for Arabic or Urdu) is added before the window is built
(``ui/qt_language.py``); ``load_face`` adds each face once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["SCRIPT_FACES", "add_script_faces", "add_after_first_paint", "load_face"]

#: The bundled faces by the scripts they give the interface, in the order they are added.
#: Chinese (and kana) with Droid Sans Fallback, Japanese with IPAGothic, Korean with NanumGothic,
#: as the documents print them.
SCRIPT_FACES: dict[str, tuple[str, ...]] = {
    "Arabic, Urdu": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "Hebrew": ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    "Devanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    "Bengali": ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
    "Gurmukhi": ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"),
    "Tamil": ("NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf"),
    "Chinese": ("DroidSansFallbackFull.ttf",),
    "Japanese": ("ipag.ttf",),
    "Korean": ("NanumGothic.ttf", "NanumGothicBold.ttf"),
}
#: Greek and Cyrillic: every desktop's interface font has them; added only where none does.
_GREEK_CYRILLIC = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")

#: Font files added so far (file name -> the families Qt read from it).
_loaded: dict[str, list[str]] = {}


def load_face(file_name: str) -> list[str]:
    """Add one bundled font file to the interface (once); the families it holds, or ``[]``
    when the file is not there (a build without ``resources``)."""
    if file_name in _loaded:
        return _loaded[file_name]
    from advocate_app.paths import bundled_dir

    resources = bundled_dir("resources")
    path = resources / "fonts" / file_name if resources is not None else None
    families: list[str] = []
    if path is not None and path.is_file():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = list(QFontDatabase.applicationFontFamilies(font_id))
    _loaded[file_name] = families
    return families


def add_script_faces(files: Iterable[str] | None = None) -> list[str]:
    """Add the bundled faces of every script (or just ``files``); the open windows are laid out
    and drawn again when one is new. The families added."""
    if files is None:
        files = [name for names in SCRIPT_FACES.values() for name in names]
        Script = QFontDatabase.WritingSystem
        if not QFontDatabase.families(Script.Greek) or not QFontDatabase.families(
                Script.Cyrillic):
            files.extend(_GREEK_CYRILLIC)
    new = [name for name in files if name not in _loaded]
    families = [family for name in new for family in load_face(name)]
    if families:
        _refresh_windows()
    return families


def _refresh_windows() -> None:
    """Text measured and drawn before the faces came (empty boxes are narrower than the
    characters): every widget of the open windows measures it again and paints it anew."""
    app = QApplication.instance()
    if app is None:
        return
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        for widget in (window, *window.findChildren(QWidget)):
            QApplication.sendEvent(widget, QEvent(QEvent.Type.FontChange))
        window.update()


class _FirstPaint(QObject):
    """Adds the faces once ``window`` has painted (or after ``latest_ms`` at the latest)."""

    def __init__(self, window: QWidget, latest_ms: int):
        super().__init__(window)
        self._window = window
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._add)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self._done:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._add)  # after this paint, not during it
        return False

    def _add(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        add_script_faces()


def add_after_first_paint(window: QWidget, *, latest_ms: int = 2000) -> QObject:
    """Add the bundled script faces just after ``window`` first appears (start-up does not
    wait for them). The watcher is returned (it belongs to ``window``)."""
    return _FirstPaint(window, latest_ms)
