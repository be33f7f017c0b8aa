"""The pre-flight message: plain words, blocks named by their first words, and "Go back and
fix" opening the block in the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.ui.pages.outreach import OutreachPage
from advocate_app.ui.pages.outreach_output import preflight_box

LONG = ("**Living** with a *rare* condition means that you and the people close to you "
        "learn many new things, [meet new doctors](https://example.org) and find new ways "
        "to do ordinary things every day.")


def _easy_read_item() -> OutreachItem:
    return OutreachItem(ItemKind.LEAFLET, "Living with it", "en", (
        Block("heading", {"level": 1, "text": "Living with it"}),
        Block("paragraph", {"text": LONG, "picture": "people", "picture_alt": "People"})),
        easy_read=True)


def test_problems_name_the_block_by_its_first_words_without_markup(qtbot, services):
    page = OutreachPage(services)
    qtbot.addWidget(page)
    found = page.output.problems_in_words(_easy_read_item(), ProfileKey.EASY_READ)
    words = [text for problem, text in found if problem.code == "sentence-too-long"]
    assert words and words[0].startswith("Paragraph “Living with a rare …”: A sentence of ")
    assert "*" not in words[0] and "](" not in words[0] and "Block" not in words[0]
    assert "(“Living with a rare condition means…”)" in words[0]
    page.preview.wait()


def test_the_message_shows_the_problems_as_plain_text(qtbot):
    box, fix, anyway = preflight_box(None, "Save as PDF",
                                     ["Paragraph “<b>Bold</b> words”: too long"])
    qtbot.addWidget(box)
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert informative.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Bold</b>" in informative.text()
    assert fix.text().replace("&", "") == "Go back and fix"
    assert box.defaultButton() is fix


def test_go_back_and_fix_opens_the_editor_at_that_block(qtbot, services, monkeypatch):
    from advocate_app.ui.pages import outreach_output

    item_id = services.outreach.save(_easy_read_item())
    page = OutreachPage(services)
    qtbot.addWidget(page)
    page.refresh()
    page.preview.profile_combo.setCurrentIndex(
        page.preview.profile_combo.findData(ProfileKey.EASY_READ.value))
    monkeypatch.setattr(outreach_output, "ask_save_anyway", lambda *a: False)
    seen = {}

    def run(dialog):
        seen["row"] = dialog.block_list.currentRow()
        seen["text"] = dialog.block_form.first_field().toPlainText()
        dialog.preview.wait()
        return False

    monkeypatch.setattr(page, "_run_dialog", run)
    page.table.selectRow(0)
    page.output.save_pdf()
    assert seen == {"row": 1, "text": LONG}
    assert services.outreach.renderings(item_id) == []
    page.preview.wait()
