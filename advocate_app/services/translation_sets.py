"""Reading a translation set in plain SQL: the source, each translation with its state (up
to date, or stale since a revision of the source), and the languages members read that have
none. Shared by the translations service, the translator's files and the print packs."""

from __future__ import annotations

from datetime import date

from advocate_app.domain.outreach_translation_views import (
    TranslationSet,
    TranslationState,
    TranslationView,
)
from advocate_app.domain.people import member_display_name
from advocate_app.i18n import _
from advocate_app.services.errors import NotFoundError
from advocate_app.storage.reader import Reader


def base_language(code: str) -> str:
    return (code or "").replace("_", "-").split("-")[0].lower()


def community_languages(reader: Reader) -> dict[str, int]:
    """The languages members prefer (their base code), with how many prefer each."""
    counts: dict[str, int] = {}
    for language, count in reader.rows(
            "SELECT preferred_language, count(*) FROM members WHERE archived_at IS NULL "
            "AND erased_at IS NULL AND preferred_language <> '' GROUP BY preferred_language"):
        key = base_language(language)
        counts[key] = counts.get(key, 0) + int(count)
    return counts


def source_of(reader: Reader, item_id: int) -> int:
    """The source of item ``item_id``'s translation set (itself when it is no translation)."""
    rows = reader.rows("SELECT source_id FROM outreach_translations WHERE item_id = :id",
                       {"id": item_id})
    return int(rows[0][0]) if rows else item_id


def read_set(reader: Reader, item_id: int, *, with_missing: bool = True) -> TranslationSet:
    """Item ``item_id``'s translation set (the set of its source when it is a translation)."""
    source_id = source_of(reader, item_id)
    found = reader.rows("SELECT title, language, content_revision FROM outreach_items "
                        "WHERE id = :id", {"id": source_id})
    if not found:
        raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
    title, language, revision = found[0]
    readers = community_languages(reader)
    views = []
    for row in reader.rows(
            "SELECT t.item_id, i.language, i.title, t.source_revision, t.translated_by, "
            "coalesce(a.display_name, ''), t.reviewed_by, m.given_name, m.family_name, "
            "m.preferred_name, t.reviewed_on, t.version FROM outreach_translations t "
            "JOIN outreach_items i ON i.id = t.item_id "
            "LEFT JOIN accounts a ON a.id = t.translated_by_account "
            "LEFT JOIN members m ON m.id = t.reviewed_by "
            "WHERE t.source_id = :id AND i.archived_at IS NULL ORDER BY i.language, t.item_id",
            {"id": source_id}):
        made_from = int(row[3])
        reviewed_on = row[10]
        if isinstance(reviewed_on, str):
            reviewed_on = date.fromisoformat(reviewed_on[:10])
        views.append(TranslationView(
            row[1], TranslationState.UP_TO_DATE if made_from >= int(revision)
            else TranslationState.STALE, int(row[0]), row[2], made_from,
            row[4] or row[5] or "", row[6],
            member_display_name(row[7] or "", row[8] or "", row[9] or "") if row[6] else "",
            reviewed_on, readers.get(base_language(row[1]), 0), int(row[11])))
    if with_missing:
        have = {base_language(language)} | {base_language(v.language) for v in views}
        for code, count in sorted(readers.items(), key=lambda e: (-e[1], e[0])):
            if code not in have:
                views.append(TranslationView(code, TranslationState.MISSING, readers=count))
    return TranslationSet(source_id, title, language, int(revision), tuple(views))
