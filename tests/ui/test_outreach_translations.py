"""The Translations window of the Outreach page: an office sees each language's state, makes a
translation, reads what changed, marks one reviewed, and sends files to a translator and back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.outreach_translation_views import TranslationState
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import board_editor, outreach_translations
from advocate_app.ui.dialogs.outreach_changes import ChangesDialog
from advocate_app.ui.dialogs.outreach_translation_note import TranslationNote
from advocate_app.ui.dialogs.outreach_translations import (
    LANGUAGE,
    STATE,
    TranslationsDialog,
)
from advocate_app.ui.pages import outreach
from advocate_app.ui.pages.outreach import OutreachPage

SOURCE = OutreachItem(ItemKind.LEAFLET, "Living with it", "en", (
    Block("heading", {"level": 1, "text": "Living with it"}),
    Block("paragraph", {"text": "Our helpline is open **every weekday** from nine."}),
))
NS = "{urn:oasis:names:tc:xliff:document:2.0}"


@pytest.fixture
def source(services):
    source_id = services.outreach.save(SOURCE)
    for given, language in (("Samira", "ar"), ("Omar", "ar"), ("Ana", "es"), ("Hans", "de")):
        services.members.create(MemberInput(given_name=given, family_name="Reader",
                                            preferred_language=language))
    arabic = services.outreach_translations.create(source_id, "ar", "Agency")
    services.outreach_translations.create(source_id, "de")
    services.outreach.save(replace(SOURCE, blocks=(
        SOURCE.blocks[0], Block("paragraph", {"text": "Our helpline is open **every day** "
                                                      "from nine."}))), source_id,
        services.outreach.version(source_id))
    services.outreach.save(replace(services.outreach.get(arabic), title="العيش معه"), arabic,
                           services.outreach.version(arabic))
    return source_id


@pytest.fixture
def dialog(qtbot, services, source):
    widget = TranslationsDialog(services, source, open_editor=lambda _id: None)
    qtbot.addWidget(widget, before_close_func=lambda d: d.wait())
    widget.resize(1366, 768)
    return widget


def _rows(dialog):
    model = dialog.model
    return [(model.cell(row, LANGUAGE).text, model.cell(row, STATE).text)
            for row in range(model.rowCount())]


def _choose(dialog, language):
    row = [text for text, _state in _rows(dialog)].index(language)
    dialog.table.selectRow(row)


def test_each_language_shows_its_state_and_the_missing_ones_their_readers(dialog, tmp_path):
    assert _rows(dialog) == [("Arabic", "Up to date"), ("German", "Stale since revision 2"),
                             ("Spanish", "Missing")]
    assert dialog.model.cell(0, 4).text == "2 members"
    assert "revision 2" in dialog.summary.text()
    _choose(dialog, "German")
    assert dialog.changes_button.isEnabled() and dialog.up_to_date_button.isEnabled()
    _choose(dialog, "Arabic")
    assert not dialog.changes_button.isEnabled()
    dialog.show()
    dialog.grab().save(str(tmp_path / "translations.png"))


def test_show_changes_opens_what_changed_since_the_translation(dialog, monkeypatch, qtbot):
    shown = []

    def opened(window):
        shown.append(window)
        return True

    monkeypatch.setattr(prompts, "run_modal", opened)
    _choose(dialog, "German")
    dialog.show_changes()
    changes = shown[0]
    assert isinstance(changes, ChangesDialog)
    qtbot.addWidget(changes)
    page = changes.browser.toPlainText()
    assert "Block 2: changed" in page
    assert "Before: Our helpline is open every weekday from nine." in page
    assert "Now: Our helpline is open every day from nine." in page
    assert "since revision 1" in changes.summary.text()


def test_new_translation_mark_reviewed_and_up_to_date(dialog, services, source, monkeypatch):
    _choose(dialog, "Spanish")
    dialog.new_translation()
    assert ("Spanish", "Up to date") in _rows(dialog)
    assert "Made a Spanish copy" in dialog.status.text()

    _choose(dialog, "German")
    dialog.mark_up_to_date()
    assert ("German", "Up to date") in _rows(dialog)

    samira = next(r.id for r in services.members.search("Samira"))
    monkeypatch.setattr(board_editor, "pick_member", lambda *a, **k: (samira, "Samira Reader"))
    _choose(dialog, "Arabic")
    dialog.mark_reviewed()
    view = services.outreach_translations.translation_set(source).of("ar")
    assert view.reviewed_by == "Samira Reader" and view.state is TranslationState.UP_TO_DATE
    assert "Samira Reader" in dialog.model.cell(0, 3).text


def test_a_file_goes_to_the_translator_and_comes_back(dialog, services, source, monkeypatch,
                                                      qtbot, tmp_path):
    target = tmp_path / "living-de.xlf"
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(target))
    _choose(dialog, "German")
    dialog.export_button.menu().actions()[0].trigger()
    qtbot.waitUntil(lambda: "Saved living" in dialog.status.text(), timeout=10_000)
    root = ET.fromstring(target.read_bytes())
    for unit in root.iter(NS + "unit"):
        segment = unit.find(NS + "segment")
        old = segment.find(NS + "target")
        if old is not None:
            segment.remove(old)
        ET.SubElement(segment, NS + "target").text = "DE " + "".join(
            segment.find(NS + "source").itertext())
    target.write_bytes(ET.tostring(root, encoding="utf-8"))
    monkeypatch.setattr(outreach_translations, "choose_translation_file",
                        lambda *a: str(target))
    dialog.import_file()
    qtbot.waitUntil(lambda: "Imported the German translation" in dialog.status.text(),
                    timeout=10_000)
    assert ("German", "Up to date") in _rows(dialog)

    # A file made from an older source: one sentence, nothing changed.
    services.outreach.save(replace(SOURCE, title="Living with it, today"), source,
                           services.outreach.version(source))
    errors = []
    monkeypatch.setattr(prompts, "error", lambda parent, title, text: errors.append(text))
    dialog.import_file()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "made from revision 2" in errors[0] and "nothing was imported" in errors[0]


def test_the_outreach_list_shows_translation_states_and_opens_them(qtbot, services, source,
                                                                   monkeypatch):
    page = OutreachPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.refresh()
    shown = page.table.model()
    states = {shown.data(shown.index(row, outreach.LANGUAGE)):
              shown.data(shown.index(row, outreach.TRANSLATIONS))
              for row in range(shown.rowCount())}
    assert states == {"English": "1 of 2 translations stale",
                      "Arabic": "Translation, up to date",
                      "German": "Translation, stale since revision 2"}
    opened = []
    monkeypatch.setattr(page, "_run_dialog", lambda dialog: opened.append(dialog) or False)
    page.select_item(source)
    page.translations_button.click()
    assert isinstance(opened[0], TranslationsDialog)


def test_the_editor_says_a_translation_is_stale_and_saving_it_brings_it_up_to_date(
        qtbot, services, source, monkeypatch):
    from advocate_app.ui.dialogs.outreach_editor import OutreachEditor

    german = services.outreach_translations.translation_set(source).of("de").item_id
    editor = OutreachEditor(services, services.outreach.get(german), german)
    qtbot.addWidget(editor, before_close_func=lambda d: d.preview.wait())
    note = editor.findChild(TranslationNote)
    assert not note.isHidden() and "stale since revision 2" in note.label.text()
    assert not note.changes_button.isHidden()
    shown = []
    monkeypatch.setattr(prompts, "run_modal", lambda dialog: shown.append(dialog) or True)
    note.show_changes()
    assert isinstance(shown[0], ChangesDialog)
    qtbot.addWidget(shown[0])
    editor.title_edit.setText("Damit leben")
    editor.save()
    editor.preview.wait()
    assert services.outreach_translations.translation_set(source).of(
        "de").state is TranslationState.UP_TO_DATE

    source_editor = OutreachEditor(services, services.outreach.get(source), source)
    qtbot.addWidget(source_editor, before_close_func=lambda d: d.preview.wait())
    note = source_editor.findChild(TranslationNote)
    assert "2 translations (0 stale)" in note.label.text()
    assert note.changes_button.isHidden()
