"""A story or quote in an outreach item: let in only where its consent covers the item's
channel on the day of rendering, attributed by the engine at the consented level, every
rendering logged as a use, and refused once consent is withdrawn. Real SQLite; the story,
its quotes and consent are written as the stories service writes them."""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import (
    Block,
    ItemKind,
    OutreachItem,
    RenderError,
    item_from_json,
    story_channel_for,
)
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.domain.story_rules import StoryChannel
from advocate_app.i18n.formatting import format_date
from tests import documents_checks as checks

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext")),
    reason="poppler-utils (pdfinfo, pdftotext) is not installed")

TEXT = ("I waited seven years for a diagnosis.\n\nEvery appointment meant two trains and a bus, "
        "and a day off work I could not afford.")
QUOTE = "Every appointment meant two trains and a bus"
TODAY = date.today()


def _teller(services) -> int:
    return services.members.create(MemberInput(
        given_name="Amina", family_name="Haddad", region="Leeds",
        email="amina@example.org")).id


def _story(services, teller_id: int | None, *grants: tuple) -> tuple[int, int]:
    """A story with one approved quote; ``grants``: (channel, identification, expires_on)."""
    from advocate_app.domain.stories import Story, StoryConsent, StoryQuote

    with services.uow() as uow:
        story = Story(title="Seven years", text=TEXT, teller_id=teller_id, language="en")
        uow.session.add(story)
        uow.session.flush()
        quote = StoryQuote(story_id=story.id, text=QUOTE, approved_on=TODAY)
        uow.session.add(quote)
        for channel, identification, expires_on in grants:
            uow.session.add(StoryConsent(
                story_id=story.id, channel=channel.value, status="granted",
                identification=identification, effective_on=TODAY - timedelta(days=30),
                expires_on=expires_on))
        uow.commit()
        return story.id, quote.id


def _withdraw(services, story_id: int, channel: StoryChannel) -> None:
    """As the stories service withdraws: a withdrawn entry, and every use marked."""
    from sqlalchemy import update

    from advocate_app.domain.stories import StoryConsent, StoryUse

    with services.uow() as uow:
        uow.session.add(StoryConsent(story_id=story_id, channel=channel.value,
                                     status="withdrawn", identification="anonymous",
                                     effective_on=TODAY))
        uow.session.execute(update(StoryUse).where(
            StoryUse.story_id == story_id, StoryUse.channel == channel.value).values(
            do_not_reprint_at=datetime.now(UTC)))
        uow.commit()


def _item(story_id: int, quote_id: int | None = None, kind=ItemKind.LEAFLET,
          story_channel: str = "", language: str = "en") -> OutreachItem:
    return OutreachItem(kind, "Living with it", language, (
        Block("heading", {"level": 1, "text": "Living with it"}),
        Block("paragraph", {"text": "What members told us."}),
        Block("story", {"story_id": story_id, "quote_id": quote_id, "title": "Seven years"}),
    ), story_channel=story_channel)


def _uses(services) -> list[tuple]:
    return services.database.reader.rows(
        "SELECT story_id, quote_id, item_id, item_title, rendering_id, channel, "
        "identification FROM story_uses ORDER BY id")


def _renderings(services) -> list[tuple]:
    return services.database.reader.rows("SELECT id, item_id, output FROM outreach_renderings ORDER BY id")


# -- the channel an item is ------------------------------------------------------------------


def test_each_kind_has_a_story_channel_and_an_item_may_name_its_own():
    assert story_channel_for(ItemKind.LEAFLET) is StoryChannel.LEAFLET
    assert story_channel_for(ItemKind.POSTER) is StoryChannel.LEAFLET
    assert story_channel_for(ItemKind.NEWSLETTER) is StoryChannel.NEWSLETTER
    assert story_channel_for(ItemKind.LETTER) is StoryChannel.NEWSLETTER
    assert {story_channel_for(kind) for kind in ItemKind} <= set(StoryChannel)
    item = _item(3, story_channel="website")
    assert item.effective_story_channel is StoryChannel.WEBSITE
    again = item_from_json(item.to_json())
    assert again == item and again.blocks[2].data == {"story_id": 3, "quote_id": None,
                                                      "title": "Seven years"}


def test_old_items_load_and_a_story_block_never_takes_words_from_the_file():
    old = ('{"format": "advocate-outreach/1", "kind": "leaflet", "title": "Old", '
           '"blocks": [{"type": "paragraph", "text": "Hello"}]}')
    assert item_from_json(old).story_channel == ""
    forged = ('{"format": "advocate-outreach/1", "kind": "leaflet", "title": "Forged", '
              '"blocks": [{"type": "story", "story_id": 4, "text": "Words nobody said", '
              '"attribution": "Amina Haddad, Leeds", "resolved": {"text": "x"}}]}')
    block = item_from_json(forged).blocks[0]
    assert block.data == {"story_id": 4, "quote_id": None, "title": ""}
    from advocate_app.domain.outreach_content import ContentError

    for bad in ('"story_id": "4"', '"story_id": 0', '"story_id": 4, "quote_id": "x"'):
        with pytest.raises(ContentError, match="Block 1"):
            item_from_json('{"format": "advocate-outreach/1", "kind": "leaflet", "title": '
                           f'"T", "blocks": [{{"type": "story", {bad}}}]}}')
    with pytest.raises(ContentError, match="use of a story"):
        item_from_json('{"format": "advocate-outreach/1", "kind": "leaflet", "title": "T", '
                       '"story_channel": "carrier pigeon", "blocks": []}')


def test_the_documents_engine_refuses_a_story_block_nobody_checked():
    from advocate_app.documents.html import item_to_html
    from advocate_app.documents.pdf import render
    from advocate_app.domain.print_profiles import PROFILES

    item = _item(1)
    with pytest.raises(RenderError, match="consent"):
        render(item)
    with pytest.raises(RenderError, match="consent"):
        item_to_html(item, PROFILES[ProfileKey.STANDARD])


# -- the consent gate ------------------------------------------------------------------------


def test_a_story_consented_for_the_newsletter_only_is_refused_in_a_leaflet(services, tmp_path):
    story_id, _quote = _story(services, _teller(services),
                              (StoryChannel.NEWSLETTER, "first_name", None))
    leaflet = _item(story_id)
    item_id = services.outreach.save(leaflet)
    with pytest.raises(RenderError) as refused:
        services.outreach.render_pdf(leaflet, ProfileKey.STANDARD, tmp_path / "l.pdf",
                                     item_id=item_id)
    assert str(refused.value) == ("The story “Seven years” may not be used in leaflets: its "
                                  "teller has not consented to that use.")
    with pytest.raises(RenderError, match="may not be used in leaflets"):
        services.outreach.render_html(leaflet, ProfileKey.STANDARD, tmp_path / "l.html")
    with pytest.raises(RenderError, match="may not be used in leaflets"):
        services.outreach.preview_pdf(leaflet, ProfileKey.STANDARD)
    assert not (tmp_path / "l.pdf").exists() and not (tmp_path / "l.html").exists()
    assert _renderings(services) == [] and _uses(services) == []
    # The pre-flight check says so too, on the block, and printing anyway cannot pass it.
    problems = services.outreach.preflight(leaflet, ProfileKey.STANDARD, item_id=item_id)
    story_problems = [p for p in problems if p.code == "story-consent"]
    assert [(p.block, p.blocking) for p in story_problems] == [(3, True)]
    # The same story in a newsletter is let in.
    newsletter = replace(leaflet, kind=ItemKind.NEWSLETTER)
    services.outreach.render_pdf(newsletter, ProfileKey.STANDARD, tmp_path / "n.pdf")
    assert [u[5] for u in _uses(services)] == ["newsletter"]
    # An item that names the newsletter as its channel is let in whatever its kind.
    services.outreach.render_html(replace(leaflet, story_channel="newsletter"),
                                  ProfileKey.STANDARD, tmp_path / "l.html")
    assert (tmp_path / "l.html").exists()


def test_an_expired_grant_is_refused_and_a_grant_ending_today_still_counts(any_services, tmp_path):
    services = any_services
    teller = _teller(services)
    expired, _q = _story(services, teller,
                         (StoryChannel.LEAFLET, "first_name", TODAY - timedelta(days=1)))
    with pytest.raises(RenderError) as refused:
        services.outreach.render_pdf(_item(expired), ProfileKey.STANDARD, tmp_path / "e.pdf")
    assert str(refused.value) == (
        "The story “Seven years” may not be used in leaflets: its teller’s consent ended on "
        f"{format_date(TODAY - timedelta(days=1))}.")
    ending, _q = _story(services, teller, (StoryChannel.LEAFLET, "first_name", TODAY))
    services.outreach.render_pdf(_item(ending), ProfileKey.STANDARD, tmp_path / "t.pdf")
    assert [u[0] for u in _uses(services)] == [ending]


@needs_poppler
@pytest.mark.parametrize(("level", "printed", "not_printed"), [
    ("anonymous", "Shared anonymously", ("Amina", "Haddad", "Leeds")),
    ("first_name", "Amina", ("Haddad", "Leeds", "anonymously")),
    ("first_name_town", "Amina, Leeds", ("Haddad", "anonymously")),
    ("full_name", "Amina Haddad", ("Leeds", "anonymously")),
])
def test_the_attribution_names_the_teller_at_the_consented_level_and_no_more(
        services, tmp_path, level, printed, not_printed):
    story_id, quote_id = _story(services, _teller(services),
                                (StoryChannel.LEAFLET, level, None))
    item = _item(story_id, quote_id)
    pdf = services.outreach.render_pdf(item, ProfileKey.STANDARD, tmp_path / "q.pdf")
    page = services.outreach.render_html(item, ProfileKey.STANDARD, tmp_path / "q.html")
    pdf_text = " ".join(checks.pdftotext(pdf).split())
    html_text = html.unescape(page.read_text(encoding="utf-8"))
    assert f"— {printed}" in pdf_text
    assert re.search(rf"<figcaption>— {re.escape(printed)}</figcaption>", html_text)
    assert QUOTE in pdf_text and f"<p>{QUOTE}</p>" in html_text
    assert "seven years for a diagnosis" not in pdf_text  # the quote, not the whole story
    for words in not_printed:
        assert words not in pdf_text and words not in html_text, words
    assert "amina@example.org" not in pdf_text + html_text
    assert [u[6] for u in _uses(services)] == [level, level]


def test_an_anonymous_teller_is_shared_anonymously_whatever_was_typed(services, tmp_path):
    story_id, _q = _story(services, None, (StoryChannel.LEAFLET, "anonymous", None))
    view = services.outreach.story_block(_item(story_id), _item(story_id).blocks[2])
    assert (view.attribution, view.teller_name, view.refusal) == ("Shared anonymously", "",
                                                                  None)


def test_the_preflight_check_reads_the_tellers_words_for_characters_it_cannot_print(
        services):
    from advocate_app.domain.stories import Story

    story_id, _q = _story(services, None, (StoryChannel.LEAFLET, "anonymous", None))
    item = _item(story_id)
    assert not [p for p in services.outreach.preflight(item, ProfileKey.STANDARD)
                if p.code == "unprintable"]
    with services.uow() as uow:
        uow.session.get(Story, story_id).text = "A day I will never forget \U00013000."
        uow.commit()
    found = [p for p in services.outreach.preflight(item, ProfileKey.STANDARD)
             if p.code == "unprintable"]
    assert len(found) == 1 and "\U00013000" in found[0].message


# -- uses --------------------------------------------------------------------------------------


def test_every_rendering_records_a_use_and_the_preview_records_none(any_services, tmp_path):
    services = any_services
    story_id, quote_id = _story(services, _teller(services),
                                (StoryChannel.LEAFLET, "first_name", None))
    item = replace(_item(story_id), blocks=(*_item(story_id).blocks,
                                            Block("story", {"story_id": story_id,
                                                            "quote_id": quote_id})))
    item_id = services.outreach.save(item)
    services.outreach.preview_pdf(item, ProfileKey.LARGE, item_id=item_id)
    services.outreach.preflight(item, ProfileKey.LARGE, item_id=item_id)
    services.outreach.story_block(item, item.blocks[2], item_id)
    assert _uses(services) == [] and _renderings(services) == []

    services.outreach.render_pdf(item, ProfileKey.LARGE, tmp_path / "a.pdf", item_id=item_id)
    services.outreach.render_html(item, ProfileKey.STANDARD, tmp_path / "a.html",
                                  item_id=item_id)
    renderings = _renderings(services)
    assert [r[2] for r in renderings] == ["pdf", "html"]
    assert _uses(services) == [
        (story_id, None, item_id, "Living with it", renderings[0][0], "leaflet", "first_name"),
        (story_id, quote_id, item_id, "Living with it", renderings[0][0], "leaflet",
         "first_name"),
        (story_id, None, item_id, "Living with it", renderings[1][0], "leaflet", "first_name"),
        (story_id, quote_id, item_id, "Living with it", renderings[1][0], "leaflet",
         "first_name")]


def test_a_print_pack_records_a_use_per_file_in_the_same_transaction(services, tmp_path):
    from advocate_app.domain.community import (
        ConsentMethod,
        ConsentPurpose,
        ConsentStatus,
        PrintFormat,
    )
    from advocate_app.services.consent import ConsentEntry

    story_id, _q = _story(services, _teller(services),
                          (StoryChannel.LEAFLET, "first_name", None))
    item_id = services.outreach.save(_item(story_id))
    reader = services.members.create(MemberInput(
        given_name="Tomas", family_name="Berg", address="1 High Street", postcode="LS1 1AA",
        country="GB", print_format=PrintFormat.LARGE_PRINT))
    services.consent.record(reader.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER, TODAY))
    result = services.outreach.print_pack(item_id, [reader.id], tmp_path / "pack")
    assert result.copies == 1
    rendering = services.database.reader.rows("SELECT id FROM outreach_renderings WHERE output = "
                                     "'print_pack'")[0][0]
    assert _uses(services) == [(story_id, None, item_id, "Living with it", rendering,
                                "leaflet", "first_name")]


def test_a_print_pack_with_a_refused_story_writes_and_logs_nothing(services, tmp_path):
    from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
    from advocate_app.services.consent import ConsentEntry

    story_id, _q = _story(services, _teller(services),
                          (StoryChannel.NEWSLETTER, "first_name", None))
    item_id = services.outreach.save(_item(story_id))
    reader = services.members.create(MemberInput(
        given_name="Tomas", family_name="Berg", address="1 High Street", postcode="LS1 1AA",
        country="GB"))
    services.consent.record(reader.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER, TODAY))
    with pytest.raises(RenderError, match="may not be used in leaflets"):
        services.outreach.print_pack(item_id, [reader.id], tmp_path / "pack",
                                     print_anyway=True)
    assert [path.name for path in tmp_path.iterdir()] == ["data"]  # no pack, no scratch
    assert _renderings(services) == [] and _uses(services) == []


# -- withdrawal ----------------------------------------------------------------------------


def test_after_withdrawal_the_item_is_not_rendered_again(any_services, tmp_path):
    services = any_services
    story_id, _q = _story(services, _teller(services),
                          (StoryChannel.LEAFLET, "first_name", None),
                          (StoryChannel.NEWSLETTER, "first_name", None))
    item = _item(story_id)
    item_id = services.outreach.save(item)
    services.outreach.render_pdf(item, ProfileKey.STANDARD, tmp_path / "1.pdf",
                                 item_id=item_id)
    _withdraw(services, story_id, StoryChannel.LEAFLET)
    for render in (lambda: services.outreach.render_pdf(item, ProfileKey.STANDARD,
                                                        tmp_path / "2.pdf", item_id=item_id),
                   lambda: services.outreach.render_html(item, ProfileKey.STANDARD,
                                                         tmp_path / "2.html", item_id=item_id),
                   lambda: services.outreach.preview_pdf(item, ProfileKey.STANDARD,
                                                         item_id=item_id)):
        with pytest.raises(RenderError) as refused:
            render()
        assert str(refused.value) == (
            "“Living with it” may not be printed again with the story “Seven years” — do not "
            f"reprint: consent withdrawn on {format_date(datetime.now(UTC))}.")
    # Even were the item moved to a channel the teller still consents to, it stays held back.
    moved = replace(item, story_channel="newsletter")
    with pytest.raises(RenderError, match="do not reprint"):
        services.outreach.render_pdf(moved, ProfileKey.STANDARD, tmp_path / "3.pdf",
                                     item_id=item_id)
    # A new item may use the story in the newsletter, where consent still stands.
    services.outreach.render_pdf(moved, ProfileKey.STANDARD, tmp_path / "4.pdf")
    assert len(_uses(services)) == 2
    assert not (tmp_path / "2.pdf").exists() and not (tmp_path / "3.pdf").exists()


def test_withdrawing_through_the_stories_service_lists_the_item_and_blocks_it(services,
                                                                             tmp_path):
    story_id, _q = _story(services, _teller(services),
                          (StoryChannel.LEAFLET, "full_name", None))
    item = _item(story_id)
    item_id = services.outreach.save(item)
    services.outreach.render_pdf(item, ProfileKey.STANDARD, tmp_path / "1.pdf",
                                 item_id=item_id)
    withdrawn = services.stories.withdraw(story_id, frozenset({StoryChannel.LEAFLET}))
    assert [i.item_id for i in withdrawn.items] == [item_id]
    with pytest.raises(RenderError, match="do not reprint"):
        services.outreach.render_pdf(item, ProfileKey.STANDARD, tmp_path / "2.pdf",
                                     item_id=item_id)


# -- the tagged PDF ---------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("profile", list(ProfileKey), ids=[p.value for p in ProfileKey])
def test_the_story_is_a_tagged_blockquote_in_every_profile(services, tmp_path, profile):
    story_id, _q = _story(services, _teller(services),
                          (StoryChannel.LEAFLET, "first_name_town", None))
    item = _item(story_id)
    path = services.outreach.render_pdf(item, profile, tmp_path / f"{profile.value}.pdf",
                                        force=True)
    assert checks.problems(path) == []
    tags = checks.structure_tags(path)
    assert "BlockQuote" in tags
    structure = checks.struct_text(path)
    quote = structure[structure.index("BlockQuote"):]
    squashed = re.sub(r"\s+", "", quote)
    assert re.sub(r"\s+", "", "I waited seven years for a diagnosis.") in squashed
    assert re.sub(r"\s+", "", "— Amina, Leeds") in squashed
    if checks.shared_checker() is not None:
        import json
        import subprocess
        import sys

        result = subprocess.run([sys.executable, str(checks.shared_checker()), str(path),
                                 "--json"], capture_output=True, text=True, timeout=120)
        report = json.loads(result.stdout)
        assert report["passed"], report["failed_checks"]


def test_the_command_line_refuses_a_story_without_consent_even_with_force(
        services, app_paths, tmp_path, capsys):
    from advocate_app.app import main

    story_id, _q = _story(services, _teller(services),
                          (StoryChannel.NEWSLETTER, "first_name", None))
    item_file = tmp_path / "leaflet.json"
    item_file.write_text(_item(story_id).to_json(), encoding="utf-8")
    data = ["--data-dir", str(app_paths.data_dir)]
    out = tmp_path / "leaflet.pdf"
    assert main([*data, "outreach", "render", str(item_file), "--force", "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == (
        "The story “Seven years” may not be used in leaflets: its teller has not consented to "
        "that use.")
    assert not out.exists()
    newsletter = tmp_path / "newsletter.json"
    newsletter.write_text(_item(story_id, story_channel="newsletter").to_json(),
                          encoding="utf-8")
    assert main([*data, "outreach", "render", str(newsletter), "-o", str(out)]) == 0
    assert [u[5] for u in _uses(services)] == ["newsletter"]
