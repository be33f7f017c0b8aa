"""Outreach items: stored, exchanged as JSON, checked, rendered, and sent as print packs (made
by :mod:`advocate_app.services.print_packs`).

Rendering pulls in reportlab and pikepdf, so everything that renders imports them when called;
listing items is plain SQL through the reader, like the Members page.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.documents.preflight import Choices, Problem, check
from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.outreach_content import (
    Block,
    ContentError,
    ItemKind,
    OutreachItem,
    StoryText,
    item_from_json,
)
from advocate_app.domain.people import Actor
from advocate_app.domain.print_profiles import PROFILES, ProfileKey
from advocate_app.i18n import _
from advocate_app.interchange.files import file_stem, write_atomically
from advocate_app.interchange.outreach_files import read_item_file
from advocate_app.services import audit, outreach_pictures, outreach_revisions, versions
from advocate_app.services.access import require
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.outreach_stories import StoryBlockView, StoryGate, has_stories
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:  # print packs are made on first use (the Outreach page opens sooner)
    from advocate_app.services.print_packs import PrintPackResult


@dataclass(frozen=True)
class ItemSummary:
    id: int
    kind: ItemKind
    title: str
    language: str
    group: str
    updated_at: datetime | None
    #: A translation: its source, and the source's revision it lacks first (None: up to date).
    source_id: int | None = None
    stale_since: int | None = None
    #: A source: its translations, and how many of them are stale.
    translations: int = 0
    stale: int = 0

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind.value, "title": self.title,
                "language": self.language, "group": self.group,
                "updated_at": self.updated_at.isoformat() if self.updated_at else None}


@dataclass(frozen=True)
class StoredItem:
    """An item as stored, with its version (what a refused save carries as theirs)."""

    item: OutreachItem
    version: int


class OutreachService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    # -- store ---------------------------------------------------------------------------------
    def list(self, include_archived: bool = False) -> builtins.list[ItemSummary]:
        require(self._actor, Permission.PRINT)
        where = "" if include_archived else " WHERE i.archived_at IS NULL"
        translations = ("SELECT count(*) FROM outreach_translations x JOIN outreach_items xi "
                        "ON xi.id = x.item_id WHERE x.source_id = i.id AND xi.archived_at IS NULL")
        rows = self._reader.rows(
            "SELECT i.id, i.kind, i.title, i.language, i.group_name, i.updated_at, "
            f"t.source_id, t.source_revision, s.content_revision, ({translations}), "
            f"({translations} AND x.source_revision < i.content_revision) "
            "FROM outreach_items i LEFT JOIN outreach_translations t ON t.item_id = i.id "
            "LEFT JOIN outreach_items s ON s.id = t.source_id"
            f"{where} ORDER BY lower(i.title), i.language, i.id")
        return [ItemSummary(row[0], ItemKind(row[1]), row[2], row[3], row[4], as_utc(row[5]),
                            row[6], row[7] + 1 if row[6] and row[7] < row[8] else None,
                            int(row[9]), int(row[10]))
                for row in rows]

    def get(self, item_id: int) -> OutreachItem:
        require(self._actor, Permission.PRINT)
        rows = self._reader.rows("SELECT content FROM outreach_items WHERE id = :id",
                                 {"id": item_id})
        if not rows:
            raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
        return item_from_json(rows[0][0])

    def version(self, item_id: int) -> int:
        """Item ``item_id``'s version (its saves so far): the one an editor starts from."""
        require(self._actor, Permission.PRINT)
        rows = self._reader.rows("SELECT version FROM outreach_items WHERE id = :id",
                                 {"id": item_id})
        if not rows:
            raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
        return int(rows[0][0])

    def save(self, item: OutreachItem, item_id: int | None = None,
             expected_version: int | None = None, *, folder: Path | None = None) -> int:
        """Store a new item, or replace item ``item_id``; returns its id. ``expected_version``:
        the version the person started from; when someone saved the item since,
        ConcurrentEditError carries theirs (see services/versions.py). Its pictures are
        copied into the database with it (relative paths start at ``folder``, which they
        may not leave); PictureError says which block's picture cannot be."""
        require(self._actor, Permission.EDIT_OUTREACH)
        from advocate_app.domain.outreach import OutreachRecord

        if not item.title.strip():
            raise ValidationError({"title": _("An outreach item needs a title.")})
        item, pictures = outreach_pictures.take_in(item, folder)
        outreach_pictures.check_known(self._reader, item, pictures)
        content = item.to_json()
        now = datetime.now(UTC)
        with self._uow() as uow:
            if item_id is None:
                record = OutreachRecord(created_by=self._actor.account_id, created_at=now)
                uow.session.add(record)
            else:
                found = uow.session.get(OutreachRecord, item_id)
                if found is None:
                    raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
                record = found
                versions.expect_version(record, expected_version,
                                        lambda: self._stored(item_id))
            outreach_revisions.write(uow.session, record, item, content,
                                     self._actor.account_id,
                                     outreach_revisions.previous_item(record), item_id is None)
            # After the record is filled in: looking up a picture flushes the session, and a
            # new record flushed before then has no title or kind.
            outreach_pictures.store(uow.session, pictures)
            versions.commit(uow, None if item_id is None else lambda: self._stored(item_id))
            return record.id

    def _stored(self, item_id: int) -> StoredItem:
        return StoredItem(self.get(item_id), self.version(item_id))

    def import_json(self, text: str, folder: Path | None = None) -> int:
        """Add an item from its JSON form; ContentError says what is wrong with it."""
        require(self._actor, Permission.EDIT_OUTREACH)
        return self.save(item_from_json(text), folder=folder)

    def import_file(self, path: Path | str) -> int:
        """Add the item in the JSON file at ``path`` (read as hostile input), its pictures
        from its own folder copied in."""
        require(self._actor, Permission.EDIT_OUTREACH)  # before the file is even read
        path = Path(path)
        return self.import_json(read_item_file(path), path.absolute().parent)

    def load_file(self, path: Path | str) -> OutreachItem:
        """The item in the JSON file at ``path``, to render without storing it: its pictures
        are read now (from its own folder) and carried along."""
        require(self._actor, Permission.PRINT)
        path = Path(path)
        return outreach_pictures.in_memory(item_from_json(read_item_file(path)),
                                           path.absolute().parent)

    def export_json(self, item_id: int) -> str:
        """The item's JSON form, with its pictures inside it (base64), for another database."""
        require(self._actor, Permission.EDIT_OUTREACH)
        return outreach_pictures.embedded(self._reader, self.get(item_id)).to_json()

    def write_json(self, item_id: int, path: Path | str) -> Path:
        """Write item ``item_id`` in its JSON form to ``path`` (atomically)."""
        require(self._actor, Permission.EDIT_OUTREACH)
        path = Path(path)
        write_atomically(path, self.export_json(item_id).encode("utf-8"))
        return path

    @staticmethod
    def file_name(title: str, extension: str, profile: ProfileKey | None = None) -> str:
        """A file name to suggest for an item: its title in plain letters, the profile's key
        when given, and the extension ("living-with-it-large.pdf")."""
        stem = file_stem(title)
        return f"{stem}-{profile.value}.{extension}" if profile else f"{stem}.{extension}"

    def archive(self, item_id: int) -> None:
        require(self._actor, Permission.EDIT_OUTREACH)
        from advocate_app.domain.outreach import OutreachRecord

        with self._uow() as uow:
            record = uow.session.get(OutreachRecord, item_id)
            if record is None:
                raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
            record.archived_at = datetime.now(UTC)
            uow.commit()

    def versions(self, item: OutreachItem) -> builtins.list[tuple[int, OutreachItem]]:
        """Every stored version of the same piece (other languages, Easy Read)."""
        require(self._actor, Permission.PRINT)
        if not item.group:
            return []
        rows = self._reader.rows(
            "SELECT id, content FROM outreach_items WHERE group_name = :group "
            "AND archived_at IS NULL ORDER BY id", {"group": item.group})
        out = []
        for item_id, content in rows:
            try:
                out.append((item_id, item_from_json(content)))
            except ContentError:
                continue
        return out

    # -- check and render -----------------------------------------------------------------------
    def preflight(self, item: OutreachItem, profile: ProfileKey, choices: Choices = Choices(),
                  pages: int | None = None, *, item_id: int | None = None
                  ) -> builtins.list[Problem]:
        """Every rule the item breaks for the profile; with ``pages`` (of a rendering), also
        the profile's page limit. Characters no bundled font can print are listed too, and
        each story or quote it may not print today (``blocking``: no printing anyway)."""
        require(self._actor, Permission.PRINT)
        problems = check(item, PROFILES[profile], choices)
        problems += outreach_pictures.problems(self._reader, item)
        printed = item
        if has_stories(item):
            gate = StoryGate(self._reader)
            refused = gate.problems(item, item_id)
            problems += refused
            printed = item if refused else gate.resolve(item, item_id)  # the teller's words
        problems += unprintable_characters(printed)
        limit = PROFILES[profile].max_pages
        if pages is not None and limit and pages > limit:
            problems.append(Problem("too-many-pages", _(
                "This runs to {pages} pages; {profile} keeps to {limit} at most.").format(
                pages=pages, profile=profile.label, limit=limit)))
        return problems

    def preview_pdf(self, item: OutreachItem, profile: ProfileKey, *,
                    item_id: int | None = None) -> bytes:
        """The item drawn as its PDF will print in ``profile``, to show (nothing is written or
        recorded, not even a use of a story). ContentError (RenderError) when it cannot be
        drawn as given, or uses a story it may not print today."""
        require(self._actor, Permission.PRINT)
        from advocate_app.documents.pdf import RenderOptions, render

        return render(StoryGate(self._reader).resolve(item, item_id),
                      RenderOptions(profile=profile))

    def story_block(self, item: OutreachItem, block: Block, item_id: int | None = None
                    ) -> StoryBlockView:
        """What a story block prints in ``item`` today: the words, the attribution at the
        consented level, and the consent for the item's channel (or why it may not)."""
        require(self._actor, Permission.PRINT)
        return StoryGate(self._reader).view(item, item_id, block)

    def render_pdf(self, item: OutreachItem, profile: ProfileKey, path: Path, *,
                   item_id: int | None = None, overridden: Sequence[Problem] = (),
                   page_size: str = "A4", label_sheet: str = "L7160",
                   force: bool = False) -> Path:
        """Write the item as a tagged PDF (atomically) and record the rendering.

        ``overridden`` are the pre-flight problems the person chose to print anyway; a
        profile's page limit is checked on the rendering itself and stops the export unless
        ``force`` (then it is recorded with the others)."""
        require(self._actor, Permission.PRINT)
        from advocate_app.documents.pdf import RenderOptions, render

        gate = StoryGate(self._reader)
        data = render(gate.resolve(item, item_id), RenderOptions(
            profile, page_size=page_size, label_sheet=label_sheet))
        limit = PROFILES[profile].max_pages
        if limit:
            from advocate_app.documents.pdf import page_count

            pages = page_count(data)
            if pages > limit:
                too_long = self.preflight(item, profile, pages=pages)[-1]
                if not force:
                    raise ValidationError({"pages": too_long.message})
                overridden = [*overridden, too_long]
        self._record(item_id, item, "pdf", profile, 1, overridden, gate,
                     lambda: write_atomically(path, data))
        return path

    def render_html(self, item: OutreachItem, profile: ProfileKey, path: Path, *,
                    item_id: int | None = None) -> Path:
        require(self._actor, Permission.PRINT)
        from advocate_app.documents.html import item_to_html

        gate = StoryGate(self._reader)
        page = item_to_html(gate.resolve(item, item_id), PROFILES[profile]).encode("utf-8")
        self._record(item_id, item, "html", profile, 1, (), gate,
                     lambda: write_atomically(path, page))
        return path

    def record_printing(self, item: OutreachItem, profile: ProfileKey, *,
                        item_id: int | None = None) -> None:
        """Log that the item, as previewed, is being sent to a printer: its stories are checked
        again today (RenderError with the reason: do not print) and each use recorded."""
        require(self._actor, Permission.PRINT)
        gate = StoryGate(self._reader)
        gate.resolve(item, item_id)
        self._record(item_id, item, "print", profile, 1, (), gate, lambda: None)

    def renderings(self, item_id: int) -> builtins.list[dict]:
        require(self._actor, Permission.PRINT)
        rows = self._reader.rows(
            "SELECT r.output, r.profile, r.language, r.copies, r.overridden, r.created_at, "
            "coalesce(a.display_name, '') FROM outreach_renderings r "
            "LEFT JOIN accounts a ON a.id = r.created_by WHERE r.item_id = :id "
            "ORDER BY r.created_at DESC, r.id DESC", {"id": item_id})
        return [{"output": r[0], "profile": r[1], "language": r[2], "copies": r[3],
                 "overridden": json.loads(r[4] or "[]"), "at": as_utc(r[5]), "by": r[6]}
                for r in rows]

    def _record(self, item_id: int | None, item: OutreachItem, output: str,
                profile: ProfileKey, copies: int, overridden: Sequence[Problem],
                gate: StoryGate, write: Callable[[], object]) -> None:
        """The rendering and each use of a story it printed, in one transaction; the file is
        written inside it, so a use is never missing from the log of a file written."""
        from advocate_app.services.print_packs import add_rendering

        with self._uow() as uow:
            rendering = add_rendering(uow.session, self._actor, item_id, item, output, profile,
                                      copies, [p.message for p in overridden])
            gate.record(uow.session, rendering.id, item_id, item.title)
            audit.record(uow.session, self._actor, AuditAction.PRINTED if output == "print"
                         else AuditAction.RENDERED, AuditSubject.OUTREACH_ITEM, item_id,
                         count=copies, detail=f"{output} {profile.value}")
            write()
            uow.commit()

    # -- print packs ----------------------------------------------------------------------------
    def print_pack(self, item_id: int, member_ids: Sequence[int], out_dir: Path, *,
                   progress: Callable[[int, int], bool] | None = None,
                   label_sheet: str = "L7160", today: date | None = None,
                   print_anyway: bool = False) -> PrintPackResult:
        """For each member, the item in their language and format, personalised.

        Members without valid consent for the item's purpose, without a postal address, or
        who need a format that cannot be printed here are left out and listed. Each version
        and format is put through the pre-flight check of its profile: one that breaks its
        rules is not printed (its members are listed with the problems) unless
        ``print_anyway``, and then the problems are recorded as overridden. One PDF per
        language and format, address labels in the same order, and a summary sheet for the
        volunteer. Each member sent a copy gets a line on their timeline, in the same
        transaction as the rendering log. ``progress(done, total)`` returning False
        cancels (:class:`~advocate_app.services.print_packs.Cancelled`); nothing is written
        then.
        """
        require(self._actor, Permission.PRINT)
        from advocate_app.services.print_packs import PrintPackMaker

        maker = PrintPackMaker(self._uow, self._reader, self._actor, self)
        result = maker.make(item_id, member_ids, out_dir, progress=progress,
                            label_sheet=label_sheet, today=today, print_anyway=print_anyway,
                            translations=True)
        audit.record_alone(self._uow, self._actor, AuditAction.PRINTED,
                           AuditSubject.OUTREACH_ITEM, item_id, count=result.copies,
                           detail="print pack")
        return result


def unprintable_characters(item: OutreachItem) -> list[Problem]:
    """Characters none of the bundled fonts has (they would print as a replacement mark)."""
    from advocate_app.documents import fonts

    text = item.title + "".join(str(v) for b in item.blocks for v in _strings(b.data))
    missing = sorted(fonts.missing(text))
    if not missing:
        return []
    shown = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
    return [Problem("unprintable", _(
        "Some characters cannot be printed with the fonts Advocate has, and would show as "
        "“�”: {characters}").format(characters=shown))]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, StoryText):
        return [value.text, value.attribution]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []
