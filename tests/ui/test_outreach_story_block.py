"""The outreach editor's story or quote block: picked from the stories with their consent for
the item's channel, showing the consent and the attribution that will print, which follow the
item's channel; the words cannot be typed."""

from __future__ import annotations

from datetime import date, timedelta

from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.story_rules import StoryChannel
from advocate_app.ui.dialogs import outreach_story_block
from advocate_app.ui.dialogs.outreach_editor import OutreachEditor
from advocate_app.ui.dialogs.outreach_story_block import StoryPicker

TEXT = "I waited seven years for a diagnosis. Every appointment meant two trains and a bus."
QUOTE = "Every appointment meant two trains and a bus."


def _story(services) -> tuple[int, int]:
    """A story told by a member, consented for the newsletter (first name and town)."""
    from advocate_app.domain.stories import Story, StoryConsent, StoryQuote

    teller = services.members.create(MemberInput(given_name="Amina", family_name="Haddad",
                                                 region="Leeds")).id
    with services.uow() as uow:
        story = Story(title="Seven years", text=TEXT, teller_id=teller)
        uow.session.add(story)
        uow.session.flush()
        quote = StoryQuote(story_id=story.id, text=QUOTE, approved_on=date.today())
        uow.session.add(quote)
        uow.session.add(StoryConsent(story_id=story.id, channel="newsletter", status="granted",
                                     identification="first_name_town",
                                     effective_on=date.today() - timedelta(days=3)))
        uow.commit()
        return story.id, quote.id


def _editor(qtbot, services, item, item_id=None):
    dialog = OutreachEditor(services, item, item_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.preview.wait())
    return dialog


def test_the_picker_lists_stories_with_teller_and_consent_for_the_channel(qtbot, services):
    story_id, quote_id = _story(services)
    picker = StoryPicker(services, StoryChannel.LEAFLET)
    qtbot.addWidget(picker)
    assert picker.story_list.item(0).text() == (
        "Seven years — told by Amina Haddad — Leaflets: the teller has not been asked.")
    assert [picker.quote_list.item(r).text() for r in range(picker.quote_list.count())] == [
        "The whole story", f"Quote: “{QUOTE}”"]
    picker.quote_list.setCurrentRow(1)
    assert picker.chosen() == {"story_id": story_id, "quote_id": quote_id,
                               "title": "Seven years"}
    newsletter = StoryPicker(services, StoryChannel.NEWSLETTER)
    qtbot.addWidget(newsletter)
    assert newsletter.story_list.item(0).text().endswith(
        "Newsletter: consent granted today (named: first name and town).")


def test_a_story_block_shows_consent_and_attribution_for_the_items_channel(
        qtbot, services, monkeypatch):
    story_id, quote_id = _story(services)
    dialog = _editor(qtbot, services, OutreachItem(ItemKind.NEWSLETTER, "Spring news", "en"))
    monkeypatch.setattr(outreach_story_block, "choose_story", lambda *a: {
        "story_id": story_id, "quote_id": quote_id, "title": "Seven years"})
    dialog.add_block("story")
    page = dialog.block_form.story_page
    assert dialog.block_list.item(0).text() == "Story or quote: Seven years"
    assert dialog.current_item().blocks == (Block("story", {
        "story_id": story_id, "quote_id": quote_id, "title": "Seven years"}),)
    assert page.consent_label.text() == (
        "Newsletter: consent granted today (named: first name and town).")
    assert page.attribution_label.text() == "— Amina, Leeds"
    assert page.words.toPlainText() == QUOTE and page.words.isReadOnly()

    # Printed as a leaflet instead, the story is refused, and the editor says why.
    dialog.story_channel_combo.setCurrentIndex(
        dialog.story_channel_combo.findData(StoryChannel.LEAFLET.value))
    assert dialog.current_item().story_channel == "leaflet"
    assert page.consent_label.text() == ("The story “Seven years” may not be used in leaflets: "
                                         "its teller has not consented to that use.")
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: "may not be used in leaflets" in " ".join(dialog.problem_texts()),
                    timeout=5_000)
    qtbot.waitUntil(lambda: dialog.preview.failed, timeout=20_000)
    assert "may not be used in leaflets" in dialog.preview.status.text()

    # The whole story instead of the quote.
    page.quote_combo.setCurrentIndex(0)
    assert dialog.current_item().blocks[0].data["quote_id"] is None
    assert page.words.toPlainText() == TEXT


def test_choosing_no_story_adds_no_block(qtbot, services, monkeypatch):
    dialog = _editor(qtbot, services, OutreachItem(ItemKind.LEAFLET, "Leaflet", "en"))
    monkeypatch.setattr(outreach_story_block, "choose_story", lambda *a: None)
    dialog.add_block("story")
    assert dialog.current_item().blocks == ()


def test_printing_an_item_with_a_story_logs_the_use_and_a_refused_one_prints_nothing(
        qtbot, services, monkeypatch):
    from advocate_app.ui import prompts
    from advocate_app.ui.pages import outreach_output
    from advocate_app.ui.pages.outreach import OutreachPage

    story_id, _quote = _story(services)
    item = OutreachItem(ItemKind.NEWSLETTER, "Spring news", "en", (
        Block("story", {"story_id": story_id, "quote_id": None, "title": "Seven years"}),))
    item_id = services.outreach.save(item)
    page = OutreachPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.preview.document.pageCount() > 0
                    and not page.preview.is_busy(), timeout=20_000)
    printed, errors = [], []
    monkeypatch.setattr(outreach_output, "ask_printer", lambda *a: "printer")
    monkeypatch.setattr(outreach_output, "print_document",
                        lambda document, printer: printed.append(printer) or 1)
    monkeypatch.setattr(prompts, "error", lambda *a: errors.append(a[-1]))
    page.output.print_item()
    qtbot.waitUntil(lambda: printed == ["printer"], timeout=5_000)
    uses = services.database.reader.rows(
        "SELECT u.item_id, r.output, u.channel FROM story_uses u "
        "JOIN outreach_renderings r ON r.id = u.rendering_id")
    assert uses == [(item_id, "print", "newsletter")]

    # Consent withdrawn since the preview was drawn: nothing goes to the printer.
    from advocate_app.domain.stories import StoryConsent

    with services.uow() as uow:
        uow.session.add(StoryConsent(story_id=story_id, channel="newsletter",
                                     status="withdrawn", effective_on=date.today()))
        uow.commit()
    page.output.print_item()
    qtbot.waitUntil(lambda: errors != [], timeout=5_000)
    assert printed == ["printer"] and "withdrew consent" in errors[0]
