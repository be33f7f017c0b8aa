"""Words: counts agree with their nouns, menus show "&", every name is translated."""

from __future__ import annotations

import gettext

import pytest
from PySide6.QtGui import QKeySequence

from advocate_app.domain.member_views import MemberInput
from advocate_app.i18n import current_language, set_translations


def test_the_view_menu_shows_boards_and_meetings_with_its_ampersand(main_window):
    action = next(a for a in main_window.section_actions if "meetings" in a.text())
    assert action.text().replace("&&", "&") == "Boards & meetings"
    assert QKeySequence.mnemonic(action.text()).isEmpty()  # no letter eaten as a shortcut


def test_one_outreach_item_of_several_is_counted_in_words(qtbot, services):
    from advocate_app.services.demo_outreach import sample_items
    from advocate_app.ui.pages.outreach import OutreachPage

    services.outreach.save(sample_items()[0])
    page = OutreachPage(services)
    qtbot.addWidget(page)
    page.refresh()
    assert page.count_label.text() == "1 item"
    page.filter_field.setText("nothing has this title")
    assert page.count_label.text() == "0 of 1 item"
    page.preview.wait()


def test_an_agenda_of_one_item_reads_as_one_item(qtbot, services):
    from advocate_app.domain.board_views import BoardInput
    from advocate_app.ui.dialogs.meeting_editor import MeetingEditor

    board = services.boards.get_board(services.boards.create_board(BoardInput("Patient council")))
    editor = MeetingEditor(services, board, None)
    qtbot.addWidget(editor)
    editor.add_agenda_item("Welcome", minutes=1)
    assert "1 item, 1 minute in all" in editor.agenda_total.text()


def test_import_finished_message_counts_in_words(main_window, monkeypatch):
    from advocate_app.services.member_import import ImportReport, RowOutcome

    report = ImportReport("people.csv", "csv", "utf-8", ",", {}, [], False,
                          rows=[RowOutcome(2, "created", "")])

    def run(wizard):
        wizard.report = report

    monkeypatch.setattr(main_window, "_run_wizard", run)
    main_window.import_members()
    assert main_window.statusBar().currentMessage() == (
        "Import finished: 1 member created, 0 merged.")


class _French(gettext.NullTranslations):
    def gettext(self, message):
        return {"Local user": "Utilisateur local"}.get(message, message)


@pytest.fixture
def local_user_in_french():
    language = current_language()
    set_translations(_French(), "fr")
    yield
    set_translations(gettext.NullTranslations(), language)


def test_the_built_in_account_is_named_in_the_interface_language(services, local_user_in_french):
    from datetime import date

    from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
    from advocate_app.services.consent import ConsentEntry

    member = services.members.create(MemberInput(given_name="Li", family_name="Wei"))
    services.consent.record(member.id, ConsentEntry(ConsentPurpose.NEWSLETTER,
                                                    ConsentStatus.GRANTED, ConsentMethod.PAPER,
                                                    date.today()))
    assert services.consent.history(member.id)[0].recorded_by == "Utilisateur local"
    assert services.timeline.timeline(member.id)[0].recorded_by == "Utilisateur local"


@pytest.mark.parametrize("language", ["fr", "fr_BE"])
def test_qts_own_buttons_speak_the_chosen_language(qapp, language):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from advocate_app.ui.application import install_qt_translations

    translator = install_qt_translations(qapp, language)
    try:
        assert translator is not None  # Qt's catalog ships with PySide6: it must be found
        box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        texts = {button.text().replace("&", "") for button in box.buttons()}
        assert texts == {"Oui", "Annuler"}
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        install_qt_translations(qapp, "en")
