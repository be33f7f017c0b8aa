"""Translation sets: an outreach item (the source) and its translations, each made from one of
the source's content revisions; stale while the source has a newer one, with what changed
since; new translations, review by a member who reads the language, and the languages the
community reads that have none. Files for translators are :mod:`.outreach_translation_files`.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.outreach_content import OutreachItem, item_from_json
from advocate_app.domain.outreach_diff import Change, changes
from advocate_app.domain.outreach_translation_views import (
    TranslationFormat,
    TranslationImport,
    TranslationSet,
)
from advocate_app.domain.people import Actor
from advocate_app.i18n import _
from advocate_app.services import audit, outreach_revisions, versions
from advocate_app.services.access import require
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.translation_sets import base_language, read_set, source_of
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWork, UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.domain.outreach import OutreachTranslation


class OutreachTranslationService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def translation_set(self, item_id: int) -> TranslationSet:
        """The translation set item ``item_id`` belongs to: the source, each translation with
        its state, and the languages members read that have none (with how many read each)."""
        require(self._actor, Permission.PRINT)
        return read_set(self._reader, item_id)

    def changes(self, item_id: int) -> builtins.list[Change]:
        """What changed in the source since translation ``item_id`` was made (or last brought
        up to date): text by text, added, removed or changed."""
        require(self._actor, Permission.PRINT)
        from advocate_app.domain.outreach import OutreachRecord, OutreachTranslation

        with self._uow() as uow:
            link = uow.session.query(OutreachTranslation).filter_by(
                item_id=item_id).one_or_none()
            if link is None:
                raise NotFoundError(_("Outreach item {id} is not a translation.").format(
                    id=item_id))
            source = uow.session.get(OutreachRecord, link.source_id)
            assert source is not None
            old = outreach_revisions.revision_item(uow.session, source.id,
                                                   link.source_revision)
            if old is None:
                raise NotFoundError(_("Revision {revision} of the source is not kept, so what "
                                      "changed since cannot be shown.").format(
                    revision=link.source_revision))
            return changes(old, item_from_json(source.content))

    def create(self, source_id: int, language: str, translated_by: str = "") -> int:
        """A new translation of ``source_id`` in ``language``: a copy of the source's words
        to translate, made from its current revision; its id."""
        require(self._actor, Permission.EDIT_OUTREACH)
        from advocate_app.domain.outreach import OutreachRecord, OutreachTranslation

        language = language.strip().replace("_", "-")
        translation_set = read_set(self._reader, source_id, with_missing=False)
        if translation_set.source_id != source_id:
            raise ValidationError({"source": _(
                "Item {id} is itself a translation: translate its source instead.").format(
                id=source_id)})
        if not language or base_language(language) == base_language(
                translation_set.source_language):
            raise ValidationError({"language": _(
                "Choose a language other than the source's own.")})
        if any(base_language(v.language) == base_language(language)
               for v in translation_set.translations):
            raise ValidationError({"language": _(
                "This item already has a translation in this language.")})
        with self._uow() as uow:
            source = uow.session.get(OutreachRecord, source_id)
            assert source is not None
            outreach_revisions.keep(uow.session, source)  # what "changed since" starts from
            item = replace(item_from_json(source.content), language=language)
            record = OutreachRecord(created_by=self._actor.account_id,
                                    created_at=datetime.now(UTC))
            uow.session.add(record)
            outreach_revisions.write(uow.session, record, item, item.to_json(),
                                     self._actor.account_id, None, True)
            uow.session.add(OutreachTranslation(
                item_id=record.id, source_id=source_id,
                source_revision=source.content_revision,
                translated_by=translated_by.strip()[:200],
                translated_by_account=None if translated_by.strip()
                else self._actor.account_id))
            uow.commit()
            return record.id

    def mark_up_to_date(self, item_id: int) -> None:
        """Translation ``item_id`` reviewed against the source's current revision: no
        longer stale."""
        require(self._actor, Permission.EDIT_OUTREACH)
        self._change(item_id, lambda uow, link: outreach_revisions.bring_up_to_date(
            uow.session, link))

    def mark_reviewed(self, item_id: int, member_id: int, on: date | None = None,
                      *, up_to_date: bool = True) -> None:
        """Translation ``item_id`` reviewed by member ``member_id`` (ideally one who reads
        its language) on ``on`` (today); with ``up_to_date``, against the source's current
        revision."""
        require(self._actor, Permission.EDIT_OUTREACH)
        from advocate_app.domain.members import Member

        def review(uow: UnitOfWork, link: OutreachTranslation) -> None:
            member = uow.session.get(Member, member_id)
            if member is None or member.erased_at is not None:
                raise NotFoundError(_("This member no longer exists."))
            link.reviewed_by = member_id
            link.reviewed_on = on or date.today()
            if up_to_date:
                outreach_revisions.bring_up_to_date(uow.session, link)

        self._change(item_id, review)

    def set_translator(self, item_id: int, name: str) -> None:
        """Who translated ``item_id`` (free text: a person, an agency)."""
        require(self._actor, Permission.EDIT_OUTREACH)

        def named(_uow: UnitOfWork, link: OutreachTranslation) -> None:
            link.translated_by = name.strip()[:200]
            link.translated_by_account = None if name.strip() else self._actor.account_id

        self._change(item_id, named)

    def _change(self, item_id: int,
                change: Callable[[UnitOfWork, OutreachTranslation], None]) -> None:
        from advocate_app.domain.outreach import OutreachTranslation as Link

        with self._uow() as uow:
            link = uow.session.query(Link).filter_by(item_id=item_id).one_or_none()
            if link is None:
                raise NotFoundError(_("Outreach item {id} is not a translation.").format(
                    id=item_id))
            change(uow, link)
            link.updated_at = datetime.now(UTC)
            versions.commit(uow)

    def export_file(self, item_id: int, language: str, fmt: TranslationFormat,
                    path: Path | str) -> Path:
        """Write the file a translator fills in (XLIFF 2.0 or PO) for ``item_id``'s source
        in ``language``, made from its current revision; texts the translation in that
        language already has, unchanged since, come filled in."""
        require(self._actor, Permission.EDIT_OUTREACH)
        from advocate_app.interchange.files import write_atomically
        from advocate_app.services.outreach_translation_files import export_bytes

        path = Path(path)
        data = export_bytes(self._uow, self._reader, item_id, language, fmt)
        write_atomically(path, data)
        audit.record_alone(self._uow, self._actor, AuditAction.EXPORTED,
                           AuditSubject.OUTREACH_ITEM, source_of(self._reader, item_id),
                           detail=f"translation {fmt.value} {language}")
        return path

    def import_file(self, path: Path | str, *, item_id: int | None = None,
                    language: str | None = None) -> TranslationImport:
        """Read a translator's file back: the translation it holds is created or updated,
        up to date with the source; refused whole (one sentence, nothing changed) when made
        from an older revision of the source, for another item or language, or with a text
        unknown, missing or untranslated."""
        require(self._actor, Permission.EDIT_OUTREACH)  # before the file is even read
        from advocate_app.services.outreach_translation_files import import_file

        return import_file(self._uow, self._reader, self._actor, path, item_id=item_id,
                           language=language)

    def file_name(self, item_id: int, language: str, fmt: TranslationFormat) -> str:
        """A name to suggest for the translator's file ("welcome-ar.xlf")."""
        require(self._actor, Permission.PRINT)
        from advocate_app.interchange.files import file_stem

        rows = self._reader.rows("SELECT title FROM outreach_items WHERE id = :id",
                                 {"id": source_of(self._reader, item_id)})
        stem = file_stem(rows[0][0]) if rows else f"item-{item_id}"
        return f"{stem}-{language}.{fmt.extension}"

    def source_item(self, item_id: int) -> tuple[int, OutreachItem]:
        """The source of ``item_id``'s set and its item as it is now."""
        require(self._actor, Permission.PRINT)
        source_id = source_of(self._reader, item_id)
        rows = self._reader.rows("SELECT content FROM outreach_items WHERE id = :id",
                                 {"id": source_id})
        if not rows:
            raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
        return source_id, item_from_json(rows[0][0])
