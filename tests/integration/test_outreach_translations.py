"""Translation sets as an office keeps them: a source item and its translations, stale when the
source's words change (with what changed shown), brought up to date by a save or a review,
the languages members read that have none; and the revision that brings them to existing
databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from advocate_app.app import open_services
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.outreach_diff import ChangeKind, PieceKind
from advocate_app.domain.outreach_translation_views import TranslationState
from advocate_app.services.errors import ValidationError
from advocate_app.storage.engine import create_app_engine


@pytest.fixture
def services(any_services):
    return any_services


SOURCE = OutreachItem(ItemKind.LEAFLET, "Living with it", "en", (
    Block("heading", {"level": 1, "text": "Living with it"}),
    Block("paragraph", {"text": "Our helpline is open **every weekday** from nine."}),
    Block("list", {"ordered": False, "items": ["Talk to us", "Meet others"]}),
    Block("image", {"pictogram": "phone", "alt": "A phone"}),
), group="living")


def _states(services, source_id):
    return {v.language: v.state for v in
            services.outreach_translations.translation_set(source_id).translations}


def test_editing_the_source_marks_its_translations_stale_and_shows_what_changed(services):
    source_id = services.outreach.save(SOURCE)
    german = services.outreach_translations.create(source_id, "de", "Translation agency")
    arabic = services.outreach_translations.create(source_id, "ar")
    assert _states(services, source_id) == {"de": TranslationState.UP_TO_DATE,
                                            "ar": TranslationState.UP_TO_DATE}

    # A save that changes no words (who it is for) is no new revision: nothing goes stale.
    services.outreach.save(replace(SOURCE, audience="Families"), source_id,
                           services.outreach.version(source_id))
    assert services.outreach_translations.translation_set(source_id).revision == 1
    assert set(_states(services, source_id).values()) == {TranslationState.UP_TO_DATE}

    edited = replace(SOURCE, blocks=(
        SOURCE.blocks[0],
        Block("paragraph", {"text": "Our helpline is open **every day** from nine."}),
        Block("list", {"ordered": False, "items": ["Talk to us", "Meet others",
                                                    "Read our stories"]}),
    ))
    services.outreach.save(edited, source_id, services.outreach.version(source_id))

    found = services.outreach_translations.translation_set(source_id)
    assert found.revision == 2
    german_view = found.of("de")
    assert german_view.state is TranslationState.STALE and german_view.stale_since == 2
    assert german_view.translated_by == "Translation agency"
    assert found.of("ar").state is TranslationState.STALE

    changes = services.outreach_translations.changes(german)
    described = [(c.kind, c.where, c.old, c.new) for c in changes]
    assert (ChangeKind.CHANGED, "Block 2", "Our helpline is open every weekday from nine.",
            "Our helpline is open every day from nine.") in described
    assert (ChangeKind.ADDED, "Block 3, line 3", "", "Read our stories") in described
    assert (ChangeKind.REMOVED, "Block 4, picture description", "A phone", "") in described
    changed = next(c for c in changes if c.kind is ChangeKind.CHANGED)
    assert (PieceKind.REMOVED, "weekday") in changed.pieces
    assert (PieceKind.ADDED, "day") in changed.pieces

    # Saving the translation with its words updated brings it up to date with revision 2.
    translated = replace(services.outreach.get(german), title="Damit leben")
    services.outreach.save(translated, german, services.outreach.version(german))
    assert _states(services, source_id)["de"] is TranslationState.UP_TO_DATE
    assert _states(services, source_id)["ar"] is TranslationState.STALE

    # Arabic: reviewed by a member who reads it, which records it as up to date.
    reader = services.members.create(MemberInput(given_name="Samira", family_name="Haddad",
                                                 preferred_language="ar"))
    services.outreach_translations.mark_reviewed(arabic, reader.id, date(2026, 11, 30))
    arabic_view = services.outreach_translations.translation_set(source_id).of("ar")
    assert arabic_view.state is TranslationState.UP_TO_DATE
    assert arabic_view.reviewed_by == "Samira Haddad"
    assert arabic_view.reviewed_on == date(2026, 11, 30)


def test_a_translation_set_lists_languages_members_read_that_have_none(services):
    source_id = services.outreach.save(SOURCE)
    for given, language, second in (("Ana", "es", "en"), ("Luis", "es-MX", ""),
                                    ("Jan", "pl", "de"), ("Eve", "en", ""),
                                    ("Omar", "ar", "fr")):
        services.members.create(MemberInput(given_name=given, preferred_language=language,
                                            second_language=second))
    services.outreach_translations.create(source_id, "ar")
    found = services.outreach_translations.translation_set(source_id)
    missing = [(v.language, v.readers) for v in found.translations
               if v.state is TranslationState.MISSING]
    assert missing == [("es", 2), ("pl", 1)]  # English is the source's own
    assert found.of("ar").readers == 1
    with pytest.raises(ValidationError, match="already has a translation"):
        services.outreach_translations.create(source_id, "ar")
    with pytest.raises(ValidationError, match="other than the source"):
        services.outreach_translations.create(source_id, "en-GB")


def test_a_member_keeps_the_language_they_named_second(services, tmp_path):
    import csv

    from advocate_app.services.member_export import export_members
    from advocate_app.services.member_import import ImportOptions, import_members

    member = services.members.create(MemberInput(given_name="Jan", preferred_language="pl",
                                                 second_language="de"))
    assert services.members.get(member.id).second_language == "de"
    with pytest.raises(ValidationError):
        services.members.create(MemberInput(given_name="X", second_language="not a language"))
    # A spreadsheet's "Second language" column is read, and written by an export.
    people = tmp_path / "people.csv"
    people.write_text("First name,Last name,Language,Second language\n"
                      "Amira,Saleh,Arabic,French\n", encoding="utf-8")
    report = import_members(services.uow, services.actor, people, ImportOptions())
    assert report.created == 1
    amira = next(r for r in services.members.list() if r.display_name == "Amira Saleh")
    assert services.members.get(amira.id).second_language == "fr"
    out = tmp_path / "export.csv"
    export_members(services, out, "csv")
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["First name"]: row["Second language"] for row in rows} == {"Jan": "de",
                                                                          "Amira": "fr"}


def test_an_existing_database_gets_translation_sets_from_its_groups(app_paths):
    from alembic import command

    from advocate_app.storage.migrate import alembic_config

    services = open_services(app_paths.default_database_url(), app_paths)
    services.close()
    engine = create_app_engine(app_paths.default_database_url())
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0014")
        for item_id, language, easy, group in ((1, "en", False, "welcome"),
                                               (2, "fr", False, "welcome"),
                                               (3, "ar", False, "welcome"),
                                               (4, "en", True, "welcome"),
                                               (5, "ar", True, "welcome"),
                                               (6, "fr", False, "welcome"),
                                               (7, "de", False, "")):
            item = OutreachItem(ItemKind.LEAFLET, f"Item {item_id}", language,
                                (Block("paragraph", {"text": "Words"}),), group=group,
                                easy_read=easy)
            connection.execute(text(
                "INSERT INTO outreach_items (id, kind, title, language, group_name, content, "
                "created_at, updated_at, version) VALUES (:id, 'leaflet', :title, :language, "
                ":grp, :content, '2025-01-01', '2025-01-01', 1)"),
                {"id": item_id, "title": item.title, "language": language, "grp": group,
                 "content": item.to_json()})
    engine.dispose()
    services = open_services(app_paths.default_database_url(), app_paths)
    try:
        plain = services.outreach_translations.translation_set(2)
        assert plain.source_id == 1 and plain.revision == 1
        assert [(v.item_id, v.language, v.state) for v in plain.translations] == [
            (3, "ar", TranslationState.UP_TO_DATE), (2, "fr", TranslationState.UP_TO_DATE)]
        easy = services.outreach_translations.translation_set(5)
        assert easy.source_id == 4 and [v.item_id for v in easy.translations] == [5]
        assert services.outreach_translations.translation_set(7).translations == ()
        # The second French copy stays a version of the group; the item's words are revision
        # 1, so editing the source now marks its translations stale.
        assert services.outreach_translations.translation_set(6).source_id == 6
        source = services.outreach.get(1)
        services.outreach.save(replace(source, title="Welcome, again"), 1,
                               services.outreach.version(1))
        assert {v.state for v in services.outreach_translations.translation_set(1)
                .translations} == {TranslationState.STALE}
        assert services.outreach_translations.changes(2)[0].new == "Welcome, again"
    finally:
        services.close()


def test_a_print_pack_gives_each_member_their_language_and_lists_each_fallback(services,
                                                                               tmp_path):
    import subprocess

    from advocate_app.domain.community import (
        ConsentMethod,
        ConsentPurpose,
        ConsentStatus,
    )
    from advocate_app.services.consent import ConsentEntry

    source_id = services.outreach.save(SOURCE)
    titles = {"en": "Living with it", "ar": "العيش معه", "de": "Damit leben",
              "fr": "Vivre avec", "ur": "اس کے ساتھ جینا"}

    def translate(language: str) -> int:
        item_id = services.outreach_translations.create(source_id, language)
        services.outreach.save(replace(services.outreach.get(item_id), title=titles[language]),
                               item_id, services.outreach.version(item_id))
        return item_id

    translate("ar")
    services.outreach.save(replace(SOURCE, blocks=SOURCE.blocks[:3]), source_id,
                           services.outreach.version(source_id))  # Arabic is now stale
    for language in ("de", "fr", "ur"):
        translate(language)
    # Six languages members read: es has no translation, ar's is stale.
    people = {"Eve": ("en", ""), "Tom": ("en-GB", ""), "Hans": ("de", ""),
              "Zoé": ("fr", ""), "Omar": ("ar", ""), "Layla": ("ar", "fr"),
              "Imran": ("ur", ""), "Ana": ("es", ""), "Luis": ("es-MX", ""),
              "Jorge": ("es", "de")}
    ids = {}
    for given, (language, second) in people.items():
        member = services.members.create(MemberInput(
            given_name=given, family_name="Reader", address="1 High Street\nLeeds",
            postcode="LS1 1AA", country="GB", preferred_language=language,
            second_language=second))
        services.consent.record(member.id, ConsentEntry(
            ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER,
            date(2025, 1, 3)))
        ids[given] = member.id

    result = services.outreach.print_pack(source_id, list(ids.values()), tmp_path / "pack")

    assert not result.left_out and not result.refused
    assert sorted((f.language, f.copies) for f in result.files) == [
        ("de", 2), ("en", 5), ("fr", 2), ("ur", 1)]
    with services.uow() as uow:
        sent = dict(uow.session.execute(text(
            "SELECT member_id, summary FROM engagements WHERE kind = 'letter'")).all())
    expected = {"Eve": "en", "Tom": "en", "Hans": "de", "Zoé": "fr", "Omar": "en",
                "Layla": "fr", "Imran": "ur", "Ana": "en", "Luis": "en", "Jorge": "de"}
    for given, language in expected.items():
        assert f"“{titles[language]}”" in sent[ids[given]], given
    assert result.fallbacks == [
        "2 members who read Spanish get the English source: there is no Spanish translation.",
        "1 member who reads Arabic gets the English source: the Arabic translation is stale "
        "since revision 2.",
        "1 member who reads Arabic gets the French version, the language they named second: "
        "the Arabic translation is stale since revision 2.",
        "1 member who reads Spanish gets the German version, the language they named "
        "second: there is no Spanish translation.",
    ]
    summary = " ".join(subprocess.run(["pdftotext", str(result.summary), "-"],
                                      capture_output=True, text=True, check=True).stdout.split())
    assert "Not in their own language" in summary
    assert ("2 members who read Spanish get the English source: there is no Spanish "
            "translation.") in summary
    assert "the Arabic translation is stale since revision 2." in summary


def test_an_item_made_without_a_save_still_shows_what_changed(services):
    """Sample data and follow-up letters add items directly: the revision a translation is
    made from is kept when the translation is made."""
    from advocate_app.domain.outreach import OutreachRecord

    with services.uow() as uow:
        record = OutreachRecord(kind="leaflet", title=SOURCE.title, language="en",
                                group_name="", content=SOURCE.to_json())
        uow.session.add(record)
        uow.commit()
        source_id = record.id
    german = services.outreach_translations.create(source_id, "de")
    services.outreach.save(replace(SOURCE, title="Living with it, every day"), source_id,
                           services.outreach.version(source_id))
    assert [(c.kind, c.old, c.new) for c in services.outreach_translations.changes(german)] == [
        (ChangeKind.CHANGED, "Living with it", "Living with it, every day")]


def test_the_sample_community_has_translation_sets(services):
    from advocate_app.services.demo import generate_demo

    generate_demo(services.uow, services.actor, members=30, seed=5)
    items = {(s.title[:20], s.language): s for s in services.outreach.list()}
    french = next(s for (title, language), s in items.items()
                  if language == "fr" and title.startswith("Vivre avec"))
    found = services.outreach_translations.translation_set(french.id)
    assert found.source_language == "en" and found.of("fr").item_id == french.id
    assert found.of("fr").state is TranslationState.UP_TO_DATE
    # Editing the English leaflet now marks its French translation stale.
    source = services.outreach.get(found.source_id)
    services.outreach.save(replace(source, title=source.title + "!"), found.source_id,
                           services.outreach.version(found.source_id))
    assert services.outreach_translations.translation_set(french.id).of(
        "fr").state is TranslationState.STALE


def test_everything_we_hold_lists_the_translations_a_member_reviewed(services, tmp_path):
    source_id = services.outreach.save(SOURCE)
    arabic = services.outreach_translations.create(source_id, "ar")
    reader = services.members.create(MemberInput(given_name="Samira", family_name="Haddad",
                                                 preferred_language="ar",
                                                 second_language="fr"))
    services.outreach_translations.mark_reviewed(arabic, reader.id, date(2026, 11, 30))

    data = services.privacy.everything_we_hold(reader.id)
    assert data["translations_reviewed"] == [
        {"title": services.outreach.get(arabic).title, "language": "ar", "date": "2026-11-30"}]
    page = tmp_path / "held.html"
    services.privacy.write_everything_we_hold(reader.id, page)
    shown = page.read_text(encoding="utf-8")
    assert "Translations you reviewed" in shown and "2026-11-30" in shown
    assert "Second language" in shown
