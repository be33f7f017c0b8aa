"""Help (F1): the keys of the screen you are on, read from the keys that really work there, and
the user guide shipped with the app."""

from __future__ import annotations

from datetime import datetime
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap, QShortcut, QTextDocument
from PySide6.QtWidgets import QApplication

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.governance import AttendanceStatus, BoardRole
from advocate_app.domain.member_views import MemberInput
from advocate_app.ui import help as help_module
from advocate_app.ui.help import HelpWindow, is_dedicated_key

F1 = Qt.Key.Key_F1


class _Swallow(QObject):
    """Records every shortcut Qt fires (and stops it, so pressing Ctrl+Q quits nothing), and
    stops plain key presses too, so a key that is no shortcut does nothing either."""

    def __init__(self):
        super().__init__()
        self.fired: list[str] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Shortcut:
            self.fired.append(event.key().toString(QKeySequence.SequenceFormat.NativeText))
            return True
        return event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def _every_key_the_app_knows() -> list[QKeySequence]:
    """Every key sequence given to any action or shortcut anywhere in the app."""
    sequences: dict[str, QKeySequence] = {}
    for top in QApplication.topLevelWidgets():
        objects = [*top.findChildren(QAction), *top.findChildren(QShortcut)]
        for thing in objects:
            keys = thing.shortcuts() if isinstance(thing, QAction) else thing.keys()
            for sequence in keys:
                if sequence.count() and not is_dedicated_key(sequence):
                    sequences[sequence.toString()] = sequence
    for extra in ("Ctrl+S", "Ctrl+E", "Ctrl+D", "Delete", "Return", "F1", "F6", "Esc"):
        sequences.setdefault(extra, QKeySequence(extra))
    return list(sequences.values())


def _keys_that_work(qtbot, screen) -> set[str]:
    """The keys that fire a shortcut on ``screen``: each key the app knows is pressed with the
    keyboard on the screen itself and on every control that has keys of its own."""
    places = [screen.focusWidget() or screen]
    places += [s.parent() for s in screen.findChildren(QShortcut)
               if s.context() == Qt.ShortcutContext.WidgetShortcut
               and s.parent().window() is screen and s.parent().isVisible()]
    swallow = _Swallow()
    QApplication.instance().installEventFilter(swallow)
    try:
        for place in places:
            place.setFocus(Qt.FocusReason.OtherFocusReason)
            for sequence in _every_key_the_app_knows():
                combination = sequence[0]
                qtbot.keyClick(place, combination.key(), combination.keyboardModifiers())
    finally:
        QApplication.instance().removeEventFilter(swallow)
    return set(swallow.fired)


def _press_f1(qtbot, screen) -> HelpWindow:
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=3000)
    qtbot.keyClick(screen, F1)
    window = help_module._help_window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def _shown(window: HelpWindow) -> list[tuple[str, str]]:
    """The keys and what they do, as the keys table shows them."""
    model = window.keys_table.model()
    return [(model.index(row, 0).data(), model.index(row, 1).data())
            for row in range(model.rowCount())]


def _help_keys(window: HelpWindow) -> set[str]:
    keys: set[str] = set()
    for shown, what in _shown(window):
        assert what, "every key says what it does"
        keys.update(shown.split(" or "))
    return keys


def _help_rows(window: HelpWindow) -> dict[str, str]:
    return dict(_shown(window))


def _close_help(qtbot, window: HelpWindow, screen) -> None:
    qtbot.keyClick(window.keys_table, Qt.Key.Key_Escape)
    assert not window.isVisible()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=3000)


@pytest.fixture
def meeting_id(services):
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    for given, family, role in (("Amina", "Haddad", BoardRole.CHAIR),
                                ("Sean", "Murphy", BoardRole.SECRETARY)):
        member_id = services.members.create(MemberInput(given_name=given,
                                                        family_name=family)).id
        boards.set_membership(board_id, member_id, role)
    now = datetime.now().replace(second=0, microsecond=0)
    return services.meetings.schedule_meeting(MeetingInput(board_id, "Spring meeting", now),
                                              [AgendaInput("Welcome", "Chair", 5)])


@pytest.mark.parametrize("section", ["dashboard", "members", "outreach"])
def test_f1_on_the_main_window_lists_exactly_the_keys_that_work_there(qtbot, main_window,
                                                                       services, section):
    services.members.create(MemberInput(given_name="Amina", family_name="Haddad"))
    main_window.show_section(section)
    window = _press_f1(qtbot, main_window)
    assert window.tabs.currentIndex() == 0
    title = next(s.title for s in main_window.sections if s.key == section)
    assert title in window.keys_caption.text()
    assert window.keys_table.accessibleName() == window.keys_caption.text()
    rows = _help_rows(window)
    assert rows["Ctrl+N"] == "Add a person to the community"
    assert rows["F1"].startswith("Help")
    assert rows["Ctrl+Q"] == "Quit"  # on every system, as the README promises
    listed = _help_keys(window)
    _close_help(qtbot, window, main_window)
    assert listed == _keys_that_work(qtbot, main_window)
    # The lists of the Members and Outreach pages have keys of their own.
    assert ("Del" in listed) == (section in ("members", "outreach"))


def test_f1_again_brings_the_one_help_window_forward(qtbot, main_window):
    first = _press_f1(qtbot, main_window)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    assert _press_f1(qtbot, main_window) is first
    assert first.isActiveWindow() or QApplication.activeWindow() is first
    main_window.show_section("members")
    main_window.help_action.trigger()
    assert "Members" in first.keys_caption.text()
    assert [w for w in QApplication.topLevelWidgets()
            if isinstance(w, HelpWindow) and w.isVisible()] == [first]


def test_f1_on_the_member_editor_shows_its_keys_and_stays_usable_while_it_is_modal(
        qtbot, main_window, services):
    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

    editor = MemberEditorDialog(services, None, main_window)
    editor.setWindowModality(Qt.WindowModality.ApplicationModal)
    editor.show()
    qtbot.waitExposed(editor)
    window = _press_f1(qtbot, editor)
    assert "member" in window.keys_caption.text().lower()
    rows = _help_rows(window)
    assert rows["Ctrl+S"] == "Save the member"
    assert "Ctrl+N" not in rows  # the main window's keys do not work in the editor
    # A window of the modal editor, so the modal editor does not block it.
    assert window.parentWidget() is editor
    listed = _help_keys(window)
    _close_help(qtbot, window, editor)
    assert listed == _keys_that_work(qtbot, editor)

    # Help open when the editor closes: it goes back to the main window's keys.
    _press_f1(qtbot, editor)
    editor.reject()
    assert window.isVisible() and window.parentWidget() is main_window
    assert "Ctrl+N" in _help_rows(window)


def test_f1_on_the_minute_taking_window_shows_the_minute_keys(qtbot, main_window, services,
                                                              meeting_id):
    minutes = main_window.open_live_minutes(meeting_id)
    qtbot.waitExposed(minutes)
    window = _press_f1(qtbot, minutes)
    rows = _help_rows(window)
    assert rows["Ctrl+D"] == "Record a decision"
    assert rows["Ctrl+PgDown"] == "Next agenda item"
    assert rows["P"].startswith("Present")
    listed = _help_keys(window)
    attendance_keys = {"P", "A", "X", "R"}
    assert attendance_keys <= listed
    _close_help(qtbot, window, minutes)
    # Keys the attendance list handles itself are no shortcuts; every other one is.
    assert listed - attendance_keys == _keys_that_work(qtbot, minutes)

    # And the help's keys do what it says: Ctrl+3 then X marks the first person absent.
    qtbot.keyClick(minutes, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert minutes.attendance.hasFocus()
    qtbot.keyClick(minutes.attendance, Qt.Key.Key_X)
    first = services.meetings.get_meeting(meeting_id).attendees[0]
    assert first.status is AttendanceStatus.ABSENT
    minutes.close()


def test_f1_on_the_outreach_editor_shows_its_keys(qtbot, main_window, services):
    from advocate_app.services.demo_outreach import sample_items
    from advocate_app.ui.dialogs.outreach_editor import OutreachEditor

    item = sample_items()[0]
    editor = OutreachEditor(services, item, None, main_window)
    qtbot.addWidget(editor, before_close_func=lambda d: d.preview.wait())
    editor.show()
    qtbot.waitExposed(editor)
    window = _press_f1(qtbot, editor)
    rows = _help_rows(window)
    assert rows["Alt+Shift+Up"] == "Move the block up"
    assert rows["Ctrl+S"] == "Save the item"
    listed = _help_keys(window)
    _close_help(qtbot, window, editor)
    assert listed == _keys_that_work(qtbot, editor)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_help_window_fits_a_small_laptop_screen(qtbot, main_window, scale):
    window = _press_f1(qtbot, main_window)
    main_window.set_text_scale(scale)  # while it is open: its text follows
    for size in (window.size(), window.minimumSizeHint()):
        assert size.width() <= 1366 and size.height() <= 768 - 40
    size = QApplication.font().pointSizeF()
    qtbot.waitUntil(lambda: window.keys_table.font().pointSizeF() == pytest.approx(size))
    assert window.browser.document().defaultFont().pointSizeF() == pytest.approx(size)
    # A screenshot in the guide is no wider than the page it is on.
    window.tabs.setCurrentIndex(1)
    window.browser.setSource(QUrl("getting-around.html"))
    picture = window.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                                 QUrl("images/members.png"))
    assert 0 < picture.width() <= window.browser.viewport().width()


# -- the user guide --------------------------------------------------------------------------

class _Page(HTMLParser):
    """What a guide page holds: its language, headings, ids, links and pictures."""

    def __init__(self):
        super().__init__()
        self.lang = ""
        self.title = ""
        self.headings: list[int] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[tuple[str, str | None]] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang", "")
        if tag == "title":
            self._in_title = True
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag in ("a", "link") and "href" in attributes:
            self.links.append(attributes["href"])
        if tag == "img":
            self.images.append((attributes.get("src", ""), attributes.get("alt")))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


GUIDE = help_module.GUIDE_DIR


@pytest.mark.parametrize("language", help_module.GUIDE_LANGUAGES)
def test_every_link_and_picture_of_the_guide_resolves(language):
    folder = GUIDE / language
    pages = {path.name: _read(path) for path in sorted(folder.glob("*.html"))}
    assert "index.html" in pages
    reached = {"index.html"}
    for name, page in pages.items():
        assert page.lang == language, f"{name}: lang"
        assert page.title.strip(), f"{name}: title"
        assert page.headings.count(1) == 1 and page.headings[0] == 1, f"{name}: one h1 first"
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{name}: a heading level is skipped"
        for href in page.links:
            target = urlparse(href)
            if target.scheme in ("http", "https", "mailto"):
                continue
            assert not target.scheme, f"{name}: {href}"
            file = (folder / target.path).resolve() if target.path else folder / name
            assert file.is_file(), f"{name}: {href} leads nowhere"
            if target.fragment:
                assert target.fragment in _read(file).ids, f"{name}: no #{target.fragment}"
            if file.parent == folder and file.suffix == ".html":
                reached.add(file.name)
        for source, alt in page.images:
            assert (folder / source).is_file(), f"{name}: picture {source} is missing"
            assert alt and alt.strip(), f"{name}: picture {source} has no description"
    assert reached == set(pages), "every page can be reached from the contents"


def test_the_guide_has_the_same_pages_and_pictures_in_every_language():
    def shape(language):
        folder = GUIDE / language
        return ({p.name: [src for src, _alt in _read(p).images] for p in folder.glob("*.html")},
                {p.name for p in (folder / "images").glob("*.png")})

    english = shape("en")
    for language in help_module.GUIDE_LANGUAGES:
        assert shape(language) == english, language
    # Every screenshot is shown somewhere, and each language's guide stays small.
    assert english[1] == {Path(src).name for srcs in english[0].values() for src in srcs}
    for language in help_module.GUIDE_LANGUAGES:
        size = sum(p.stat().st_size for p in (GUIDE / language).rglob("*") if p.is_file())
        assert size < 1_200_000, language


def test_the_guide_is_installed_with_the_package():
    """pip install . carries every file of the guide (pyproject's package data)."""
    import tomllib

    settings = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    patterns = settings["tool"]["setuptools"]["package-data"]["advocate_app"]
    package = GUIDE.parent
    for path in GUIDE.rglob("*"):
        if path.is_file():
            relative = path.relative_to(package).as_posix()
            assert any(fnmatch(relative, pattern) and relative.count("/") == pattern.count("/")
                       for pattern in patterns), f"{relative} would not be installed"


@pytest.mark.parametrize("language", help_module.GUIDE_LANGUAGES)
def test_the_help_window_shows_the_guide_in_the_language_of_the_app(qtbot, language):
    from advocate_app.i18n import install_language

    install_language(language)
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show()
    index = GUIDE / language / "index.html"
    assert window.browser.source().toLocalFile() == str(index)
    assert window.browser.documentTitle() == _read(index).title
    # Every page opens, with its pictures drawn.
    for path in sorted((GUIDE / language).glob("*.html")):
        window.browser.setSource(QUrl.fromLocalFile(str(path)))
        assert window.browser.documentTitle() == _read(path).title
        for source, _alt in _read(path).images:
            picture = window.browser.document().resource(
                QTextDocument.ResourceType.ImageResource, QUrl(source))
            assert isinstance(picture, QImage | QPixmap) and not picture.isNull(), source
    # Links between pages are followed, and Back returns.
    window.contents_button.click()
    assert window.browser.source().fileName() == "index.html"
    window.browser.setSource(QUrl("boards.html#minutes"))
    assert window.browser.source().fileName() == "boards.html"
    window.back_button.click()
    assert window.browser.source().fileName() == "index.html"


def test_find_in_the_guide_from_the_keyboard(qtbot):
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.browser.setSource(QUrl("boards.html"))
    qtbot.keyClick(window.keys_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1 and window.find_edit.hasFocus()
    qtbot.keyClicks(window.find_edit, "quorum")
    qtbot.keyClick(window.find_edit, Qt.Key.Key_Return)
    assert window.browser.textCursor().selectedText().lower() == "quorum"
    qtbot.keyClicks(window.find_edit, "xyzzy")
    qtbot.keyClick(window.find_edit, Qt.Key.Key_Return)
    assert window.find_status.text() == "Not found"


def _dialogs(services, main_window, meeting_id):
    """Every other dialog, as it is opened from the app (name, maker)."""
    from advocate_app.services.demo_outreach import sample_items
    from advocate_app.ui.dialogs.board_editor import BoardEditor
    from advocate_app.ui.dialogs.duplicates import DuplicatesDialog
    from advocate_app.ui.dialogs.import_wizard import ImportWizard
    from advocate_app.ui.dialogs.meeting_editor import MeetingEditor
    from advocate_app.ui.dialogs.print_pack import PrintPackDialog
    from advocate_app.ui.dialogs.privacy_tools import PrivacyToolsDialog
    from advocate_app.ui.dialogs.raci_editor import RaciEditor

    board = services.boards.get_board(services.meetings.get_meeting(meeting_id).board_id)
    item_id = services.outreach.save(sample_items()[0])
    return {
        "board": lambda: BoardEditor(services, board, main_window),
        "meeting": lambda: MeetingEditor(services, board, meeting_id, main_window),
        "roles matrix": lambda: RaciEditor(services, board, main_window),
        "print pack": lambda: PrintPackDialog(services, item_id, "Leaflet", main_window),
        "privacy": lambda: PrivacyToolsDialog(services, main_window),
        "duplicates": lambda: DuplicatesDialog(services, main_window),
        "import": lambda: ImportWizard(services, main_window._context.paths.settings_file,
                                       main_window),
    }


def test_f1_works_on_every_other_dialog_too(qtbot, main_window, services, meeting_id):
    for name, make in _dialogs(services, main_window, meeting_id).items():
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        window = _press_f1(qtbot, dialog)
        assert window.parentWidget() is dialog, name
        listed = _help_keys(window)
        assert "F1" in listed, name
        extra = {k for row in getattr(dialog, "help_keys", list)()
                 for k in row.keys.split(" or ")}
        _close_help(qtbot, window, dialog)
        assert listed - extra == _keys_that_work(qtbot, dialog), name
        dialog.done(0)
        if hasattr(dialog, "wait_for_work"):
            dialog.wait_for_work()


def test_the_roles_matrix_keys_in_the_help_do_what_they_say(qtbot, main_window, services,
                                                            meeting_id):
    from advocate_app.ui.dialogs.raci_editor import RaciEditor

    boards = services.boards
    board_id = services.meetings.get_meeting(meeting_id).board_id
    services.roles.add_raci_activity(board_id, "Approve lay summaries")
    services.roles.add_raci_party(board_id, "Research team")
    dialog = RaciEditor(services, boards.get_board(board_id), main_window)
    dialog.show()
    qtbot.waitExposed(dialog)
    help_window = _press_f1(qtbot, dialog)
    rows = _help_rows(help_window)
    assert rows["R"].startswith("Responsible") and rows["Space"] == "The next letter in turn"
    assert rows["Del or Backspace"] == "Empty the cell"
    _close_help(qtbot, help_window, dialog)
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    assert dialog.table.model().index(0, 0).data() == "R"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.model().index(0, 0).data() == "A"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.table.model().index(0, 0).data() == ""
    dialog.done(0)


def test_a_language_the_guide_is_not_written_in_says_so_and_shows_english(qtbot):
    from advocate_app.i18n import install_language

    install_language("fr")
    try:
        window = HelpWindow()
        qtbot.addWidget(window)
        window.show()
        assert window.guide_note.isHidden()
        window.load_guide("ja")
        assert not window.guide_note.isHidden()
        assert "japonais" in window.guide_note.text()  # the language named in French
        assert window.browser.source().toLocalFile() == str(GUIDE / "en" / "index.html")
        window.load_guide("fr")
        assert window.guide_note.isHidden()
    finally:
        install_language("en")
