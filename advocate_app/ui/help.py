"""The help window (F1): the keys of the screen you are on, and the user guide.

The keys are read from the screen itself: every QAction and QShortcut of that window that is
active where you are (the current page of the main window, the open dialog), with the text the
screen gave it (an action's what's-this, status tip or name; a shortcut's what's-this). Keys a
screen handles itself (for example P, A, X and R in the attendance list) come from its
``help_keys()``, the same list its key handling uses. So the help cannot disagree with the keys.

The guide is plain HTML shipped in ``advocate_app/help/<language>/`` (it opens in a web
browser too); it is shown in a QTextBrowser with its own contents page, links and pictures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _, current_language
from advocate_app.ui.models.rows import Row, RowsModel

GUIDE_DIR = Path(__file__).resolve().parent.parent / "help"
GUIDE_LANGUAGES = ("ar", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "ur")


@dataclass(frozen=True)
class KeyRow:
    """One line of "Keys for this screen"."""

    keys: str  # as shown, in the platform's own notation: "Ctrl+D", "Ctrl++ or Ctrl+="
    what: str
    where: str = ""  # "" for the whole window, otherwise the accessible name of the control


def is_dedicated_key(sequence: QKeySequence) -> bool:
    """A key of its own that few keyboards have (Help, Save, Zoom In …), which Qt's standard
    shortcuts add beside the usual combination; the help does not list those."""
    if sequence.count() != 1:
        return False
    combination = sequence[0]
    return combination.keyboardModifiers() == Qt.KeyboardModifier.NoModifier and (
        combination.key() == Qt.Key.Key_Help or combination.key().value >= Qt.Key.Key_Back.value)


def key_text(sequences) -> str:
    """The key sequences as shown in the table, joined by "or"."""
    texts: list[str] = []
    for sequence in sequences:
        sequence = QKeySequence(sequence)
        if is_dedicated_key(sequence):
            continue
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in texts:
            texts.append(text)
    return (" " + _("or") + " ").join(texts)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _active_in(owner: QObject | None, window: QWidget) -> bool:
    """``owner`` belongs to ``window`` itself (not to a window opened from it) and is shown
    there (a page of the main window that is not the current one is not)."""
    if not isinstance(owner, QWidget):
        return False
    if owner.window() is not window:
        return False
    return owner is window or owner.isVisibleTo(window)


def _where(shortcut: QShortcut) -> str:
    if shortcut.context() in (Qt.ShortcutContext.WidgetShortcut,
                              Qt.ShortcutContext.WidgetWithChildrenShortcut):
        return shortcut.parent().accessibleName()
    return ""


def screen_keys(screen: QWidget) -> list[KeyRow]:
    """Every key that does something on the window of ``screen`` right now."""
    window = screen.window()
    rows: list[KeyRow] = []
    for action in window.findChildren(QAction):
        if not action.shortcuts() or not action.isEnabled() or not action.isVisible() \
                or not _active_in(action.parent(), window):
            continue
        what = action.whatsThis() or action.statusTip() or _plain(action.text())
        rows.append(KeyRow(key_text(action.shortcuts()), what))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.isEnabled() or not _active_in(shortcut.parent(), window):
            continue
        rows.append(KeyRow(key_text(shortcut.keys()), shortcut.whatsThis(), _where(shortcut)))
    extra = getattr(window, "help_keys", None)
    if callable(extra):
        rows.extend(extra())
    return _merged([row for row in rows if row.keys])  # a standard key this system lacks


def _merged(rows: list[KeyRow]) -> list[KeyRow]:
    """One line for keys that do the same thing in the same place (Return and Enter)."""
    merged: dict[tuple[str, str], KeyRow] = {}
    for row in rows:
        same = merged.get((row.what, row.where))
        if same is None:
            merged[(row.what, row.where)] = row
        else:
            merged[(row.what, row.where)] = KeyRow(same.keys + " " + _("or") + " " + row.keys,
                                                   row.what, row.where)
    return list(merged.values())


def install_help_key(screen: QWidget) -> QShortcut:
    """F1 on ``screen`` (a dialog or a window of its own) opens the help for it."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), screen)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.setWhatsThis(_("Help: the keys of this screen and the user guide"))
    # Through the shortcut's parent, not ``screen``: a closure over the screen would keep a
    # closed dialog alive.
    shortcut.activated.connect(lambda: show_help(shortcut.parent()))
    return shortcut


def guide_language(language: str | None = None) -> str:
    language = (language or current_language() or "en").split("_")[0].split("-")[0]
    return language if language in GUIDE_LANGUAGES else "en"


def _language_name(code: str) -> str:
    """``code``'s name in the interface language ("German", "allemand")."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name(current_language()) or code
    except (UnknownLocaleError, ValueError):
        return code


def guide_index(language: str | None = None) -> Path:
    return GUIDE_DIR / guide_language(language) / "index.html"


_help_window: HelpWindow | None = None


def show_help(screen: QWidget) -> HelpWindow:
    """Open the help window (or bring the open one forward) with the keys of ``screen``."""
    global _help_window
    window = _help_window
    if window is None or not _is_valid(window):
        window = _help_window = HelpWindow()
    window.show_for(screen.window())
    return window


def close_help_window(screen: QWidget) -> bool:
    """The help window goes, so the next F1 builds it again (in another language, after View >
    Language); True when it was showing ``screen``'s keys. Showing another window's keys (a
    minute-taking window, left in its own language), it stays."""
    global _help_window
    window = _help_window
    if window is None or not _is_valid(window):
        return False
    shown_for_screen = window.isVisible() and window.parentWidget() is screen
    if window.isVisible() and not shown_for_screen:
        return False
    _help_window = None
    window.close()
    window.deleteLater()
    return shown_for_screen


def _section_title(screen: QWidget) -> str:
    """The title of the main window's current section ("" on other screens)."""
    current = getattr(screen, "current_section", None)
    if not callable(current):
        return ""
    key = current()
    return next((s.title for s in getattr(screen, "sections", ()) if s.key == key), "")


def _is_valid(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


class GuideBrowser(QTextBrowser):
    """Shows the guide's pages; a screenshot wider than the page is scaled down smoothly to
    fit (Qt's own scaling for ``max-width`` is coarse and blurs the text in it)."""

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt's name
        resource = super().loadResource(kind, name)
        if kind != QTextDocument.ResourceType.ImageResource.value or resource is None:
            return resource
        image = resource if isinstance(resource, QImage) else QImage.fromData(resource)
        room = self.viewport().width() - 2 * round(self.document().documentMargin()) - 8
        if image.isNull() or room < 200 or image.width() <= room:
            return resource
        return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)


class HelpWindow(QWidget):
    """Non-modal; one for the whole app. It is kept as a window of whichever screen asked for
    it, so it stays usable while that screen is a modal dialog, and moves back to the window
    beneath when that screen closes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("HelpWindow")
        self.setWindowTitle(_("Advocate help"))
        self.setAccessibleName(_("Advocate help"))
        self._screen: QWidget | None = None

        # -- keys for this screen
        self.keys_caption = QLabel()
        self.keys_caption.setObjectName("keys-caption")
        self.keys_caption.setWordWrap(True)
        self.keys_model = RowsModel([_("Keys"), _("What they do"), _("Where")],
                                    alignment=None, tooltip_after=None)
        self.keys_table = QTableView()
        self.keys_table.setModel(self.keys_model)
        self.keys_table.setObjectName("keys-table")
        self.keys_table.verticalHeader().setVisible(False)
        self.keys_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys_table.setWordWrap(True)
        self.keys_table.setTabKeyNavigation(False)
        header = self.keys_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.keys_caption.setBuddy(self.keys_table)
        self.keys_note = QLabel(_(
            "Everywhere: Tab and Shift+Tab move between controls; Alt and an underlined letter "
            "goes to that control; Esc closes a dialog (and this window)."))
        self.keys_note.setWordWrap(True)
        keys_page = QWidget()
        keys_layout = QVBoxLayout(keys_page)
        keys_layout.addWidget(self.keys_caption)
        keys_layout.addWidget(self.keys_table, 1)
        keys_layout.addWidget(self.keys_note)

        # -- the guide
        self.browser = GuideBrowser()
        self.browser.setObjectName("guide")
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        self.browser.sourceChanged.connect(self._source_changed)
        self.back_button = QPushButton(_("&Back"))
        self.back_button.setAccessibleName(_("Back to the previous page"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.contents_button = QPushButton(_("&Contents"))
        self.contents_button.setAccessibleName(_("Contents of the user guide"))
        self.contents_button.clicked.connect(self.browser.home)
        self.find_label = QLabel(_("F&ind in page:"))
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(_("Find in page"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.find_edit.returnPressed.connect(lambda: self.find(forward=True))
        self.find_next_button = QPushButton(_("&Next"))
        self.find_next_button.setAccessibleName(_("Find the next match"))
        self.find_next_button.clicked.connect(lambda: self.find(forward=True))
        self.find_status = QLabel()
        self.find_status.setAccessibleName(_("Find result"))
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.contents_button)
        bar.addStretch(1)
        bar.addWidget(self.find_label)
        bar.addWidget(self.find_edit, 1)
        bar.addWidget(self.find_next_button)
        bar.addWidget(self.find_status)
        guide_page = QWidget()
        guide_layout = QVBoxLayout(guide_page)
        guide_layout.addLayout(bar)
        #: Says so when the guide is not written in the interface language (it opens in English).
        self.guide_note = QLabel()
        self.guide_note.setObjectName("guide_note")
        self.guide_note.setWordWrap(True)
        self.guide_note.hide()
        guide_layout.addWidget(self.guide_note)
        guide_layout.addWidget(self.browser, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Help"))
        self.tabs.addTab(keys_page, _("&Keys for this screen"))
        self.tabs.addTab(guide_page, _("&User guide"))
        self.close_button = QPushButton(_("Close"))
        self.close_button.setAccessibleName(_("Close the help"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        for keys, slot, what in (
                (QKeySequence(Qt.Key.Key_Escape), self.close, _("Close the help")),
                (QKeySequence(QKeySequence.StandardKey.Find), self.start_find,
                 _("Find in the user guide")),
                (QKeySequence(QKeySequence.StandardKey.FindNext),
                 lambda: self.find(forward=True), _("Find the next match")),
                (QKeySequence(QKeySequence.StandardKey.FindPrevious),
                 lambda: self.find(forward=False), _("Find the previous match"))):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setWhatsThis(what)
            shortcut.activated.connect(slot)

        for first, second in ((self.tabs, self.keys_table), (self.keys_table, self.back_button),
                              (self.back_button, self.contents_button),
                              (self.contents_button, self.find_edit),
                              (self.find_edit, self.find_next_button),
                              (self.find_next_button, self.browser),
                              (self.browser, self.close_button)):
            QWidget.setTabOrder(first, second)

        self.load_guide()
        self._fit_to_screen()

    # -- the screen it is for --------------------------------------------------------------
    def show_for(self, screen: QWidget) -> None:
        """Show the keys of ``screen`` (a top-level window) and bring this window forward."""
        if self.parentWidget() is not screen:
            self._move_to(screen)
        self._watch(screen)
        self.show_keys(screen)
        self.show()
        self.raise_()
        self.activateWindow()
        self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        if self.tabs.currentIndex() == 0:
            self.keys_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move_to(self, screen: QWidget | None) -> None:
        geometry, visible = self.geometry(), self.isVisible()
        self.setParent(screen, Qt.WindowType.Window)
        if visible:  # stays where the person put it
            self.setGeometry(geometry)
            self.show()
        else:  # not shown yet: the window manager places it, title bar on screen
            self.resize(geometry.size())

    def _watch(self, screen: QWidget) -> None:
        if self._screen is not None and _is_valid(self._screen):
            self._screen.removeEventFilter(self)
        self._screen = screen
        screen.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._screen and event.type() == QEvent.Type.Hide:
            self._screen_closed(watched)
        return False

    def _screen_closed(self, screen: QWidget) -> None:
        """The screen it was showing closed: back to the window beneath it (or away)."""
        screen.removeEventFilter(self)
        self._screen = None
        beneath = screen.parentWidget().window() if screen.parentWidget() is not None else None
        if beneath is None or not beneath.isVisible():
            self.hide()
            self._move_to(None)
            return
        self._move_to(beneath)
        self._watch(beneath)
        self.show_keys(beneath)

    def show_keys(self, screen: QWidget) -> None:
        title = _plain(screen.windowTitle()) or _("Advocate")
        section = _section_title(screen)
        if section:
            title = _("{window}, {section}").format(window=title, section=section)
        caption = _("Keys for this screen: {screen}").format(screen=title)
        self.keys_caption.setText(caption)
        self.keys_table.setAccessibleName(caption)
        rows = screen_keys(screen)
        self.keys = rows
        self.keys_model.set_rows(Row(number, (row.keys, row.what,
                                              row.where or _("whole window")))
                                 for number, row in enumerate(rows))
        self.keys_table.resizeRowsToContents()
        if rows:
            self.keys_table.setCurrentIndex(self.keys_model.index(0, 0))

    # -- the guide -------------------------------------------------------------------------
    def load_guide(self, language: str | None = None) -> None:
        wanted = (language or current_language() or "en").split("_")[0].split("-")[0]
        shown = guide_language(language)
        if shown != wanted:
            self.guide_note.setText(_(
                "The user guide has not been written in {language} yet: it is shown in "
                "English.").format(language=_language_name(wanted)))
        self.guide_note.setVisible(shown != wanted)
        # The English guide reads left to right, whatever the direction of the interface.
        self.browser.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight if shown == "en" and wanted != "en"
            else self.layoutDirection())
        index = guide_index(language)
        if not index.is_file():
            self.browser.setPlainText(_("The user guide is not installed with this copy of "
                                        "Advocate ({path} is missing).").format(path=index))
            return
        self.browser.setSearchPaths([str(index.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(index)))
        self.browser.clearHistory()
        self.back_button.setEnabled(False)

    def _source_changed(self, url: QUrl) -> None:
        title = self.browser.documentTitle()
        self.browser.setAccessibleDescription(title)
        self.find_status.clear()

    def start_find(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def find(self, *, forward: bool = True) -> bool:
        text = self.find_edit.text()
        if not text:
            return False
        self.tabs.setCurrentIndex(1)
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        found = self.browser.find(text, flags)
        if not found:  # from the other end of the page
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start if forward
                                else cursor.MoveOperation.End)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.find_status.setText("" if found else _("Not found"))
        return found

    # -- size ------------------------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        width, height = 900, 660
        if available is not None:
            width = min(width, available.width() - 40)
            height = min(height, available.height() - 60)
        self.resize(width, height)
