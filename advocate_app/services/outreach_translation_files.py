"""Files for translators, out and back: one item in one target language as XLIFF 2.0 or PO,
made from the source's current revision; read back matched by id, refused whole (one sentence,
nothing changed) when made from another revision, for another item or language, with a text
unknown, missing or untranslated; otherwise the translation is created or updated in one
transaction, up to date with the source."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.outreach_content import ContentError, OutreachItem, item_from_json
from advocate_app.domain.outreach_segments import segments, with_texts
from advocate_app.domain.outreach_translation_views import (
    TranslationFormat,
    TranslationImport,
    TranslationSet,
)
from advocate_app.domain.people import Actor
from advocate_app.i18n import _
from advocate_app.interchange.translation_files import (
    TranslationFile,
    TranslationUnit,
    parse_translation,
    read_translation_bytes,
    write_translation_file,
)
from advocate_app.services import audit, outreach_revisions
from advocate_app.services.errors import NotFoundError, UnreadableFileError, ValidationError
from advocate_app.services.translation_sets import base_language, read_set
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

#: What Babel writes when nobody filled in the translator.
_PLACEHOLDER_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"


def translator_file(uow_factory: UnitOfWorkFactory, reader: Reader, item_id: int,
                    language: str) -> TranslationFile:
    """The source of ``item_id``'s set to translate into ``language``: every text, with the
    translation already made for each text the source has not changed since."""
    translation_set = read_set(reader, item_id, with_missing=False)
    language = language.strip().replace("_", "-")
    if not language or base_language(language) == base_language(
            translation_set.source_language):
        raise ValidationError({"language": _("Choose a language other than the source's "
                                             "own.")})
    source = _item(reader, translation_set.source_id)
    existing = translation_set.of(language) or next(
        (v for v in translation_set.translations
         if base_language(v.language) == base_language(language)), None)
    done: dict[str, str] = {}
    if existing is not None and existing.item_id is not None:
        with uow_factory() as uow:
            made_from = outreach_revisions.revision_item(
                uow.session, translation_set.source_id, existing.source_revision)
        translated = {s.id: s.text for s in segments(_item(reader, existing.item_id))}
        before = {s.id: s.text for s in segments(made_from)} if made_from else {}
        done = {s.id: translated[s.id] for s in segments(source)  # a copy is not done
                if s.id in translated and before.get(s.id) == s.text != translated[s.id]}
        language = existing.language
    units = tuple(TranslationUnit(s.id, s.text, done.get(s.id), s.where, s.markup)
                  for s in segments(source))
    return TranslationFile(translation_set.source_id, source.title,
                           translation_set.source_language, language,
                           translation_set.revision, units)


def export_bytes(uow_factory: UnitOfWorkFactory, reader: Reader, item_id: int, language: str,
                 fmt: TranslationFormat) -> bytes:
    return write_translation_file(translator_file(uow_factory, reader, item_id, language),
                                  fmt.value)


def import_file(uow_factory: UnitOfWorkFactory, reader: Reader, actor: Actor,
                path: Path | str, *, item_id: int | None = None,
                language: str | None = None) -> TranslationImport:
    """Read the translator's file at ``path`` back (see the module's description).
    ``item_id``/``language``: the item and language the person meant it for, when they said."""
    from advocate_app.interchange.errors import UnreadableFileError as Unreadable

    # Which texts carry markup is the current source's: read it once the file names it.
    try:
        data = read_translation_bytes(path)  # read once: the checks below are of these bytes
        first = parse_translation(data, {})
        translation_set = read_set(reader, first.item_id, with_missing=False)
        source = _item(reader, first.item_id)
        markup = {s.id: s.text for s in segments(source) if s.markup}
        document = parse_translation(data, markup) if markup else first
    except Unreadable as exc:
        raise UnreadableFileError(str(exc)) from exc
    except NotFoundError as exc:
        raise UnreadableFileError(_(
            "This file was made for outreach item {id}, which is not here; nothing was "
            "imported.").format(id=first.item_id)) from exc
    target = document.target_language.strip().replace("_", "-")
    _check(document, translation_set, item_id, language, target)
    texts = _texts(document, source)
    translated = with_texts(source, texts, target)
    try:
        translated = item_from_json(translated.to_json())  # the limits of any item
    except ContentError as exc:
        raise UnreadableFileError(str(exc)) from exc
    translator = "" if document.translator == _PLACEHOLDER_TRANSLATOR else document.translator
    existing = next((v for v in translation_set.translations
                     if base_language(v.language) == base_language(target)), None)
    return _store(uow_factory, actor, translation_set.source_id, document.source_revision,
                  translated, existing.item_id if existing else None, translator, len(texts))


def _check(document: TranslationFile, translation_set: TranslationSet, item_id: int | None,
           language: str | None, target: str) -> None:
    source_id = translation_set.source_id
    if document.item_id != source_id:
        raise UnreadableFileError(_(
            "This file was made for outreach item {file_item}, which is a translation, not "
            "a source; nothing was imported.").format(file_item=document.item_id))
    if item_id is not None and source_id != item_id and item_id not in {
            v.item_id for v in translation_set.translations}:
        raise UnreadableFileError(_(
            "This file is for “{title}” (item {file_item}), not for the item chosen; nothing "
            "was imported.").format(title=translation_set.source_title, file_item=source_id))
    if document.source_revision < translation_set.revision:
        raise UnreadableFileError(_(
            "This file was made from revision {file} of “{title}”, which has changed since "
            "(it is at revision {current}): export it again, so the translator sees the "
            "changes; nothing was imported.").format(
            file=document.source_revision, title=translation_set.source_title,
            current=translation_set.revision))
    if document.source_revision > translation_set.revision:
        raise UnreadableFileError(_(
            "This file was made from revision {file} of “{title}”, which this database does "
            "not have (it is at revision {current}); nothing was imported.").format(
            file=document.source_revision, title=translation_set.source_title,
            current=translation_set.revision))
    if not target or base_language(target) == base_language(translation_set.source_language):
        raise UnreadableFileError(_(
            "This file names no language to translate into, or the source's own; nothing "
            "was imported."))
    if language and base_language(language) != base_language(target):
        raise UnreadableFileError(_(
            "This file is a translation into “{file}”, not into “{chosen}”; nothing was "
            "imported.").format(file=target, chosen=language))


def _texts(document: TranslationFile, source: OutreachItem) -> dict[str, str]:
    wanted = {s.id for s in segments(source)}
    given = {u.id: u for u in document.units}
    unknown = sorted(set(given) - wanted)
    if unknown:
        raise UnreadableFileError(_(
            "This file has a text “{id}” the item does not have; nothing was imported.").format(
            id=unknown[0]))
    missing = [s.id for s in segments(source) if s.id not in given]
    if missing:
        raise UnreadableFileError(_(
            "This file lacks the text “{id}” of the item; nothing was imported.").format(
            id=missing[0]))
    untranslated = [s.id for s in segments(source)
                    if not (given[s.id].target or "").strip()]
    if untranslated:
        raise UnreadableFileError(_(
            "The text “{id}” is not translated yet in this file; nothing was "
            "imported.").format(id=untranslated[0]))
    return {unit_id: unit.target or "" for unit_id, unit in given.items()}


def _store(uow_factory: UnitOfWorkFactory, actor: Actor, source_id: int, revision: int,
           item: OutreachItem, existing_id: int | None, translator: str,
           count: int) -> TranslationImport:
    from advocate_app.domain.outreach import OutreachRecord, OutreachTranslation

    now = datetime.now(UTC)
    with uow_factory() as uow:
        source = uow.session.get(OutreachRecord, source_id)
        if source is None or source.content_revision != revision:  # changed meanwhile
            raise UnreadableFileError(_(
                "The source changed while the file was read; nothing was imported."))
        outreach_revisions.keep(uow.session, source)  # what "changed since" starts from
        if existing_id is None:
            record = OutreachRecord(created_by=actor.account_id, created_at=now)
            uow.session.add(record)
            previous = None
        else:
            found = uow.session.get(OutreachRecord, existing_id)
            assert found is not None
            record = found
            previous = outreach_revisions.previous_item(record)
        outreach_revisions.write(uow.session, record, item, item.to_json(), actor.account_id,
                                 previous, existing_id is None)
        link = uow.session.query(OutreachTranslation).filter_by(
            item_id=record.id).one_or_none()
        if link is None:
            link = OutreachTranslation(item_id=record.id, source_id=source_id)
            uow.session.add(link)
        link.source_revision = revision
        link.updated_at = now
        if translator:
            link.translated_by, link.translated_by_account = translator[:200], None
        elif not link.translated_by:
            link.translated_by_account = actor.account_id
        audit.record(uow.session, actor, AuditAction.IMPORTED, AuditSubject.OUTREACH_ITEM,
                     record.id, count=count, detail=f"translation {item.language}")
        uow.commit()
        return TranslationImport(record.id, source_id, item.language, existing_id is None,
                                 count)


def _item(reader: Reader, item_id: int) -> OutreachItem:
    rows = reader.rows("SELECT content FROM outreach_items WHERE id = :id", {"id": item_id})
    if not rows:
        raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
    return item_from_json(rows[0][0])
