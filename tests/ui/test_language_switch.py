"""View > Language: the window changes language at once without losing work, and Arabic
mirrors it (the catalogs are being translated: French, which is complete, for the texts;
Arabic for the direction)."""

from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.governance import BoardRole
from advocate_app.domain.member_views import MemberInput
from advocate_app.ui.application import install_qt_translations, note_language_gone
from advocate_app.ui.language_menu import language_actions
from advocate_app.ui.settings import UiSettings


@pytest.fixture(autouse=True)
def back_to_english():
    """Qt's translator and the direction are the application's: English again afterwards."""
    yield
    install_qt_translations(QApplication.instance(), "en")


@pytest.fixture
def meeting(services):
    board_id = services.boards.create_board(BoardInput("Patient Advisory Board"))
    for given, family, role in (("Amina", "Haddad", BoardRole.CHAIR),
                                ("Sean", "Murphy", BoardRole.SECRETARY)):
        member_id = services.members.create(MemberInput(given_name=given,
                                                        family_name=family)).id
        services.boards.set_membership(board_id, member_id, role)
    return services.meetings.schedule_meeting(
        MeetingInput(board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30)),
        [AgendaInput("Welcome", "Chair", 5), AgendaInput("Study update", "Nurse adviser", 20)])


def _choose(window, name: str) -> None:
    """Choose a language in View > Language as a person would: by its own name."""
    action = next(a for a in language_actions(window) if a.text() == name)
    action.trigger()


def _x(widget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).x()


def test_the_language_menu_names_each_language_in_its_own_words(main_window):
    names = [action.text() for action in language_actions(main_window)]
    assert {"English", "Français", "Deutsch", "Polski", "العربية", "اردو"} <= set(names)
    checked = [action.text() for action in language_actions(main_window) if action.isChecked()]
    assert checked == ["English"]
    view = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&View")
    assert main_window.language_menu.menuAction() in view.actions()


def test_choosing_french_changes_the_window_and_keeps_the_section_and_the_minutes_being_taken(
        qtbot, main_window, services, meeting, context):
    page = main_window.show_section("boards")
    page.select_meeting(meeting)
    live = main_window.open_live_minutes(meeting)
    qtbot.waitExposed(live)
    qtbot.keyClicks(live.notes, "Amina welcomed everyone; not yet saved")

    _choose(main_window, "Français")

    titles = [action.text() for action in main_window.menuBar().actions()]
    assert titles == ["&Fichier", "É&dition", "&Affichage", "Aid&e"]
    assert main_window.navigation.item(0).text() == "Tableau de bord"
    assert main_window.current_section() == "boards"
    rebuilt = main_window.stack.currentWidget()
    assert rebuilt is not page and rebuilt.isVisible()
    assert rebuilt.meeting_id() == meeting  # the meeting chosen stays chosen
    assert [a.text() for a in language_actions(main_window) if a.isChecked()] == ["Français"]
    # Qt's own words follow too.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text().replace("&", "") == "Annuler"
    # The minutes being taken are untouched: same window, same words typed, still open; the
    # status bar says it changes language when opened again.
    assert shiboken6.isValid(live) and live.isVisible()
    assert live.notes.toPlainText() == "Amina welcomed everyone; not yet saved"
    assert "prise de notes" in main_window.statusBar().currentMessage()  # said in French
    # Remembered for the next start.
    assert UiSettings(context.paths.settings_file).language == "fr"
    assert context.language == "fr"
    live.close()


def test_the_member_chosen_and_the_search_typed_stay_when_the_language_changes(
        qtbot, main_window, services):
    for given, family in (("Zoé", "Girard"), ("Sean", "Murphy"), ("Sean", "Mulligan")):
        services.members.create(MemberInput(given_name=given, family_name=family))
    page = main_window.show_section("members")
    page.search_field.setText("Sean")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    chosen = next(page.model.member_id(r) for r in range(2)
                  if "Mulligan" in page.model.member_row(r).display_name)
    assert page.select_member(chosen)

    _choose(main_window, "Français")

    again = main_window.stack.currentWidget()
    assert again is not page
    assert again.heading.text() == "Membres"
    assert again.search_field.text() == "Sean"
    assert again.model.rowCount() == 2
    assert again.selected_member_id() == chosen


def test_arabic_mirrors_the_whole_window_and_english_puts_it_back(qtbot, main_window, meeting):
    assert _x(main_window.navigation) < _x(main_window.stack)

    _choose(main_window, "العربية")

    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert main_window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    page = main_window.stack.currentWidget()
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.waitUntil(lambda: _x(main_window.navigation) > _x(main_window.stack), timeout=3000)
    # The minute-taking screen opened now is mirrored, its wrapping row of buttons too: the
    # first button (Decision) sits at the right, the next ones to its left.
    live = main_window.open_live_minutes(meeting)
    qtbot.waitExposed(live)
    assert live.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.waitUntil(lambda: _x(live.decision_button) > _x(live.action_button)
                    > _x(live.promise_button), timeout=3000)
    assert _x(live.agenda_panel) > _x(live.notes) > _x(live.attendance_panel)
    # A heading written in Latin letters still starts where an Arabic line starts.
    assert live.title_label.alignment() & Qt.AlignmentFlag.AlignRight
    live.close()

    _choose(main_window, "English")

    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert main_window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    qtbot.waitUntil(lambda: _x(main_window.navigation) < _x(main_window.stack), timeout=3000)
    assert main_window.navigation.item(0).text() == "Dashboard"


def test_a_minute_taking_window_open_while_switching_keeps_its_direction(
        qtbot, main_window, meeting):
    live = main_window.open_live_minutes(meeting)
    qtbot.waitExposed(live)
    _choose(main_window, "العربية")
    assert live.layoutDirection() == Qt.LayoutDirection.LeftToRight  # its texts are English
    assert _x(live.agenda_panel) < _x(live.notes)
    live.close()


def test_a_remembered_language_no_longer_shipped_is_said_in_the_status_bar(
        main_window, context):
    main_window._settings.language = "xx"
    note_language_gone(main_window)
    message = main_window.statusBar().currentMessage()
    assert "“xx”" in message and "English" in message


def test_an_english_title_in_an_arabic_table_keeps_its_full_stop_at_its_end(
        qtbot, main_window):
    from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    _choose(main_window, "العربية")
    style = QApplication.style()

    def drawn(text: str, drawing_style) -> QImage:
        image = QImage(300, 30, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.rect = image.rect()
        option.direction = Qt.LayoutDirection.RightToLeft
        option.text = text
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        option.font = QApplication.font()
        option.fontMetrics = QFontMetrics(option.font)
        painter = QPainter(image)
        drawing_style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter)
        painter.end()
        return image

    base = style.baseStyle()
    shown = drawn("Caring for two.", style)
    # As the sentence reads on its own ("Caring for two." with the stop last), not as an
    # Arabic line would order it (".Caring for two").
    assert shown == drawn("\u2068Caring for two.\u2069", base)
    assert shown != drawn("Caring for two.", base)


def test_the_help_window_and_the_keys_follow_the_new_language(qtbot, main_window):
    main_window.show_help()
    qtbot.waitExposed(main_window.help_window)
    _choose(main_window, "Français")
    shown = main_window.help_window
    assert shown.isVisible() and shown.windowTitle() == "Aide d’Advocate"
    # The section keys of the rebuilt menus answer, once each (no key claimed twice).
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=3000)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_section() == "members"
    shown.close()


def test_a_webinars_details_read_from_the_right_in_arabic(qtbot, main_window, services):
    from datetime import timedelta

    from PySide6.QtGui import QTextCursor

    from advocate_app.domain.webinar_kinds import WebinarStatus
    from advocate_app.domain.webinar_views import WebinarInput
    from advocate_app.i18n import _

    services.webinars.create(WebinarInput(
        "Spring webinar", datetime.now().replace(microsecond=0) + timedelta(days=3), 75,
        "Europe/London", capacity=20, status=WebinarStatus.OPEN,
        join_link="https://zoom.us/j/81234567890"))

    def label_and_value_x() -> tuple[int, int]:
        browser = main_window.show_section("webinars").details_tab.text
        document = browser.document()
        xs = []
        for text in (_("Join link"), "https://zoom.us/j/81234567890"):
            found = document.find(text)
            assert not found.isNull(), text
            cursor = QTextCursor(document)
            cursor.setPosition(found.selectionStart())
            xs.append(browser.cursorRect(cursor).x())
        return xs[0], xs[1]

    label, value = label_and_value_x()
    assert label < value  # English: the name of the fact, then its value
    _choose(main_window, "العربية")
    label, value = label_and_value_x()
    assert label > value  # Arabic: the name on the right, its value to its left


def test_urdu_brings_a_face_for_its_letters(main_window):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    _choose(main_window, "اردو")
    assert "Noto Sans Arabic" in QFontDatabase.families()
    assert QFontMetrics(QFont("Noto Sans Arabic")).inFontUcs4(ord("ہ"))


def test_a_page_writing_a_document_in_the_background_finishes_it_before_it_goes(
        qtbot, main_window):
    import threading

    page = main_window.show_section("boards")
    release = threading.Event()
    finished: list[str] = []
    page.meetings_tab.work.start(lambda: release.wait(10) and "written",
                                 finished.append, lambda error: finished.append(repr(error)))

    _choose(main_window, "Français")

    assert main_window.stack.currentWidget() is not page
    assert shiboken6.isValid(page) and not page.isVisible()  # kept while the work goes on
    release.set()
    qtbot.waitUntil(lambda: finished == ["written"], timeout=5000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=5000)  # then it goes
