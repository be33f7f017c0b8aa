"""Outreach items: stored, exchanged as JSON, checked, rendered, and sent as print packs.

Rendering pulls in reportlab and pikepdf, so everything that renders imports them when called;
listing items is plain SQL through the reader, like the Members page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from advocate_app.documents.preflight import Choices, Problem, check
from advocate_app.domain.community import PrintFormat
from advocate_app.domain.outreach_content import (
    ContentError,
    ItemKind,
    OutreachItem,
    item_from_json,
)
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.print_profiles import PROFILES, ProfileKey
from advocate_app.i18n import N_, _, ngettext
from advocate_app.interchange.files import file_stem, write_atomically
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

#: Greetings for letters, by the member's language (the item's language when it has none).
_SALUTATIONS = {"en": "Dear {name}", "fr": "Bonjour {name}", "de": "Hallo {name}",
                "es": "Hola {name}", "it": "Gentile {name}", "pt": "Olá {name}",
                "nl": "Beste {name}", "pl": "Dzień dobry {name}", "cy": "Annwyl {name}",
                "ga": "A chara {name}", "sv": "Hej {name}", "da": "Kære {name}",
                "ar": "عزيزنا {name}", "he": "שלום {name}", "tr": "Sayın {name}",
                "ro": "Bună ziua {name}", "el": "Αγαπητέ/ή {name}", "uk": "Вітаємо, {name}",
                "ru": "Здравствуйте, {name}", "ur": "محترم {name}", "hi": "प्रिय {name}"}


@dataclass(frozen=True)
class ItemSummary:
    id: int
    kind: ItemKind
    title: str
    language: str
    group: str
    updated_at: datetime | None

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind.value, "title": self.title,
                "language": self.language, "group": self.group,
                "updated_at": self.updated_at.isoformat() if self.updated_at else None}


@dataclass(frozen=True)
class RenderedFile:
    path: Path
    profile: ProfileKey
    language: str
    copies: int
    title: str
    #: One page set per member (letters); otherwise one copy to print ``copies`` times.
    personalised: bool = True


@dataclass(frozen=True)
class RefusedFile:
    """Copies the pre-flight check stopped: this version in this format breaks its rules."""

    title: str
    profile: ProfileKey
    language: str
    problems: tuple[str, ...]
    members: tuple[tuple[int, str], ...]  # id, name


@dataclass
class PrintPackResult:
    files: list[RenderedFile] = field(default_factory=list)
    summary: Path | None = None
    labels: Path | None = None
    left_out: list[tuple[int, str, str]] = field(default_factory=list)  # id, name, reason
    notes: list[str] = field(default_factory=list)
    #: Versions and formats not printed because the pre-flight check refused them.
    refused: list[RefusedFile] = field(default_factory=list)
    #: Problems printed anyway (the person chose to), by the file they are in.
    overridden: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def copies(self) -> int:
        return sum(f.copies for f in self.files)


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


_LEFT_OUT_REASONS = {
    "consent": N_("No valid consent for “{purpose}”"),
    "address": N_("No postal address"),
    "digital": N_("Prefers digital only"),
    "braille": N_("Needs braille: order a transcription"),
    "audio": N_("Needs audio: arrange a recording"),
}


@dataclass(frozen=True)
class _Member:
    id: int
    name: str
    given: str
    address: str
    postcode: str
    country: str
    language: str
    print_format: str
    consented: bool


class OutreachService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    # -- store ---------------------------------------------------------------------------------
    def list(self, include_archived: bool = False) -> list[ItemSummary]:
        where = "" if include_archived else " WHERE archived_at IS NULL"
        rows = self._reader.rows(
            "SELECT id, kind, title, language, group_name, updated_at FROM outreach_items"
            f"{where} ORDER BY lower(title), language, id")
        return [ItemSummary(row[0], ItemKind(row[1]), row[2], row[3], row[4], as_utc(row[5]))
                for row in rows]

    def get(self, item_id: int) -> OutreachItem:
        rows = self._reader.rows("SELECT content FROM outreach_items WHERE id = :id",
                                 {"id": item_id})
        if not rows:
            raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
        return item_from_json(rows[0][0])

    def save(self, item: OutreachItem, item_id: int | None = None) -> int:
        """Store a new item, or replace item ``item_id``; returns its id."""
        from advocate_app.domain.outreach import OutreachRecord

        if not item.title.strip():
            raise ValidationError({"title": _("An outreach item needs a title.")})
        content = item.to_json()
        now = datetime.now(UTC)
        with self._uow() as uow:
            if item_id is None:
                record = OutreachRecord(created_by=self._actor.account_id, created_at=now)
                uow.session.add(record)
            else:
                record = uow.session.get(OutreachRecord, item_id)
                if record is None:
                    raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
            record.kind = item.kind.value
            record.title = item.title.strip()
            record.language = item.language
            record.group_name = item.group
            record.content = content
            record.updated_at = now
            record.updated_by = self._actor.account_id
            uow.commit()
            return record.id

    def import_json(self, text: str) -> int:
        """Add an item from its JSON form; ContentError says what is wrong with it."""
        return self.save(item_from_json(text))

    def export_json(self, item_id: int) -> str:
        return self.get(item_id).to_json()

    def write_json(self, item_id: int, path: Path | str) -> Path:
        """Write item ``item_id`` in its JSON form to ``path`` (atomically)."""
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
        from advocate_app.domain.outreach import OutreachRecord

        with self._uow() as uow:
            record = uow.session.get(OutreachRecord, item_id)
            if record is None:
                raise NotFoundError(_("There is no outreach item {id}.").format(id=item_id))
            record.archived_at = datetime.now(UTC)
            uow.commit()

    def versions(self, item: OutreachItem) -> list[tuple[int, OutreachItem]]:
        """Every stored version of the same piece (other languages, Easy Read)."""
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
    def preflight(self, item: OutreachItem, profile: ProfileKey,
                  choices: Choices = Choices(), pages: int | None = None) -> list[Problem]:
        """Every rule the item breaks for the profile; with ``pages`` (of a rendering), also
        the profile's page limit. Characters no bundled font can print are listed too."""
        problems = check(item, PROFILES[profile], choices)
        problems += unprintable_characters(item)
        limit = PROFILES[profile].max_pages
        if pages is not None and limit and pages > limit:
            problems.append(Problem("too-many-pages", _(
                "This runs to {pages} pages; {profile} keeps to {limit} at most.").format(
                pages=pages, profile=profile.label, limit=limit)))
        return problems

    def preview_pdf(self, item: OutreachItem, profile: ProfileKey) -> bytes:
        """The item drawn as its PDF will print in ``profile``, to show (nothing is written or
        recorded). ContentError (RenderError) when it cannot be drawn as given."""
        from advocate_app.documents.pdf import RenderOptions, render

        return render(item, RenderOptions(profile=profile))

    def render_pdf(self, item: OutreachItem, profile: ProfileKey, path: Path, *,
                   item_id: int | None = None, overridden: Sequence[Problem] = (),
                   page_size: str = "A4", label_sheet: str = "L7160",
                   force: bool = False) -> Path:
        """Write the item as a tagged PDF (atomically) and record the rendering.

        ``overridden`` are the pre-flight problems the person chose to print anyway; a
        profile's page limit is checked on the rendering itself and stops the export unless
        ``force`` (then it is recorded with the others)."""
        from advocate_app.documents.pdf import RenderOptions, render

        data = render(item, RenderOptions(profile, page_size=page_size,
                                          label_sheet=label_sheet))
        limit = PROFILES[profile].max_pages
        if limit:
            from advocate_app.documents.pdf import page_count

            pages = page_count(data)
            if pages > limit:
                too_long = self.preflight(item, profile, pages=pages)[-1]
                if not force:
                    raise ValidationError({"pages": too_long.message})
                overridden = [*overridden, too_long]
        write_atomically(path, data)
        self._record(item_id, item, "pdf", profile, 1, overridden)
        return path

    def render_html(self, item: OutreachItem, profile: ProfileKey, path: Path, *,
                    item_id: int | None = None) -> Path:
        from advocate_app.documents.html import item_to_html

        write_atomically(path, item_to_html(item, PROFILES[profile]).encode("utf-8"))
        self._record(item_id, item, "html", profile, 1, ())
        return path

    def renderings(self, item_id: int) -> list[dict]:
        rows = self._reader.rows(
            "SELECT r.output, r.profile, r.language, r.copies, r.overridden, r.created_at, "
            "coalesce(a.display_name, '') FROM outreach_renderings r "
            "LEFT JOIN accounts a ON a.id = r.created_by WHERE r.item_id = :id "
            "ORDER BY r.created_at DESC, r.id DESC", {"id": item_id})
        return [{"output": r[0], "profile": r[1], "language": r[2], "copies": r[3],
                 "overridden": json.loads(r[4] or "[]"), "at": as_utc(r[5]), "by": r[6]}
                for r in rows]

    def _record(self, item_id: int | None, item: OutreachItem, output: str,
                profile: ProfileKey, copies: int, overridden: Sequence[Problem]) -> None:
        with self._uow() as uow:
            self._add_rendering(uow.session, item_id, item, output, profile, copies,
                                [p.message for p in overridden])
            uow.commit()

    def _add_rendering(self, session, item_id: int | None, item: OutreachItem, output: str,
                       profile: ProfileKey, copies: int, overridden: Sequence[str]) -> None:
        """A line of the rendering log: ``item`` is the version printed (its language)."""
        from advocate_app.domain.outreach import OutreachRendering

        session.add(OutreachRendering(
            item_id=item_id, title=item.title[:300], output=output, profile=profile.value,
            language=item.language, copies=copies,
            overridden=json.dumps(list(overridden), ensure_ascii=False),
            created_by=self._actor.account_id))

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
        cancels; nothing is written then.
        """
        from advocate_app.documents.pdf import Cancelled as RenderCancelled
        from advocate_app.documents.pdf import Recipient, RenderOptions, render_many

        item = self.get(item_id)
        versions = self.versions(item) or [(item_id, item)]
        members = self._members(member_ids, item.effective_purpose, today or date.today())
        result = PrintPackResult()
        batches: dict[tuple[int, ProfileKey], list[Recipient]] = {}
        addressed: dict[tuple[int, ProfileKey], list[tuple[int, str]]] = {}
        batch_items: dict[int, OutreachItem] = dict(versions)
        batch_items.setdefault(item_id, item)
        purpose_label = _purpose_label(item.effective_purpose)
        for member in members:
            reason = None
            if not member.consented:
                reason = _(_LEFT_OUT_REASONS["consent"]).format(purpose=purpose_label)
            elif member.print_format == PrintFormat.DIGITAL.value:
                reason = _(_LEFT_OUT_REASONS["digital"])
            elif member.print_format == PrintFormat.BRAILLE.value:
                reason = _(_LEFT_OUT_REASONS["braille"])
            elif member.print_format == PrintFormat.AUDIO.value:
                reason = _(_LEFT_OUT_REASONS["audio"])
            elif not (member.address.strip() or member.postcode.strip()):
                reason = _(_LEFT_OUT_REASONS["address"])
            if reason:
                result.left_out.append((member.id, member.name, reason))
                continue
            easy_read = member.print_format == PrintFormat.EASY_READ.value
            chosen_id = _choose_version(versions, item_id, member.language, easy_read)
            profile = (ProfileKey.EASY_READ if easy_read else ProfileKey.LARGE
                       if member.print_format == PrintFormat.LARGE_PRINT.value
                       else ProfileKey.STANDARD)
            language = batch_items[chosen_id].language
            batches.setdefault((chosen_id, profile), []).append(
                _recipient(member, language, Recipient))
            addressed.setdefault((chosen_id, profile), []).append((member.id, member.name))
        problems: dict[tuple[int, ProfileKey], list[str]] = {}
        for key in sorted(batches, key=lambda k: (batch_items[k[0]].language, k[1].value)):
            found = [p.message for p in self.preflight(batch_items[key[0]], key[1])]
            if not found:
                continue
            version = batch_items[key[0]]
            if print_anyway:
                problems[key] = found
                continue
            del batches[key]
            refusal = RefusedFile(version.title, key[1], version.language, tuple(found),
                                  tuple(addressed[key]))
            result.refused.append(refusal)
            reason = _("Their copy ({format}, {language}) failed the pre-flight check").format(
                format=key[1].label, language=_language_name(version.language))
            result.left_out.extend((member_id, name, reason)
                                   for member_id, name in addressed[key])
        total = sum(len(r) for r in batches.values())
        done = 0

        def tick(_n: int) -> bool:
            nonlocal done
            done += 1
            return progress(done, total) if progress else True

        try:
            staging = Path(tempfile.mkdtemp(prefix=".print-pack-",
                                            dir=_existing_parent(out_dir)))
        except OSError as exc:  # name the folder the person chose, not the scratch one
            raise OSError(exc.errno, exc.strerror, str(out_dir)) from exc
        try:
            stem = file_stem(item.title)
            order: list[Recipient] = []
            for (chosen_id, profile), recipients in sorted(
                    batches.items(), key=lambda kv: (batch_items[kv[0][0]].language,
                                                     kv[0][1].value)):
                version = batch_items[chosen_id]
                if profile == ProfileKey.EASY_READ and not version.easy_read:
                    result.notes.append(ngettext(
                        "There is no Easy Read version in {language}: {count} member gets "
                        "this item laid out for Easy Read instead.",
                        "There is no Easy Read version in {language}: {count} members get "
                        "this item laid out for Easy Read instead.", len(recipients)).format(
                        language=version.language, count=len(recipients)))
                personalised = is_personalised(version)
                try:
                    if personalised:
                        data = render_many(version, recipients, RenderOptions(profile),
                                           progress=tick)
                    else:  # the same for everyone: one copy, printed as many times
                        data = render_many(version, [None], RenderOptions(profile))
                        for _member in recipients:
                            if not tick(0):
                                raise RenderCancelled()
                except RenderCancelled as exc:
                    raise Cancelled() from exc
                name = f"{stem}-{version.language}-{profile.value}.pdf"
                (staging / name).write_bytes(data)
                if (chosen_id, profile) in problems:
                    result.overridden[name] = tuple(problems[(chosen_id, profile)])
                result.files.append(RenderedFile(out_dir / name, profile, version.language,
                                                 len(recipients), version.title,
                                                 personalised))
                order.extend(recipients)
            if order:
                labels = OutreachItem(ItemKind.LABELS, _("Address labels: {title}").format(
                    title=item.title), item.language)
                (staging / "labels.pdf").write_bytes(render_many(
                    labels, order, RenderOptions(label_sheet=label_sheet)))
                result.labels = out_dir / "labels.pdf"
            summary = _summary_item(item, result)
            (staging / "summary.pdf").write_bytes(render_many(summary, [None]))
            result.summary = out_dir / "summary.pdf"
            if progress and progress(total, total) is False:
                raise Cancelled()
            out_dir.mkdir(parents=True, exist_ok=True)
            for produced in staging.iterdir():
                os.replace(produced, out_dir / produced.name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self._log_pack(item_id, batch_items, batches, addressed, problems)
        return result

    def _log_pack(self, item_id: int, versions: dict[int, OutreachItem], batches: dict,
                  addressed: dict, problems: dict) -> None:
        """The rendering log (the language and format each file was printed in, with any
        problem printed anyway) and each member's timeline, in one transaction."""
        from advocate_app.domain.community import EngagementKind
        from advocate_app.services import timeline

        with self._uow() as uow:
            for key in batches:
                version, profile = versions[key[0]], key[1]
                self._add_rendering(uow.session, item_id, version, "print_pack", profile,
                                    len(batches[key]), problems.get(key, ()))
                text = _("Sent by post: “{title}” ({format}, {language}).").format(
                    title=version.title, format=profile.label,
                    language=_language_name(version.language))
                timeline.write(uow.session, EngagementKind.LETTER,
                               ((member_id, text) for member_id, _name in addressed[key]),
                               recorded_by=self._actor.account_id)
            uow.commit()

    def _members(self, member_ids: Sequence[int], purpose: str, today: date) -> list[_Member]:
        from advocate_app.services.consent import valid_consent_sql

        out: list[_Member] = []
        ids = list(dict.fromkeys(member_ids))
        for start in range(0, len(ids), 500):
            batch = ids[start:start + 500]
            names = {f"id{i}": value for i, value in enumerate(batch)}
            placeholders = ", ".join(f":{key}" for key in names)
            rows = self._reader.rows(
                "SELECT m.id, m.given_name, m.family_name, m.preferred_name, m.address, "
                "m.postcode, m.country, m.preferred_language, m.print_format, "
                f"CASE WHEN {valid_consent_sql()} THEN 1 ELSE 0 END "
                f"FROM members m WHERE m.id IN ({placeholders}) AND m.erased_at IS NULL "
                "AND m.archived_at IS NULL",
                {**names, "consent_purpose": purpose, "consent_today": today.isoformat()})
            found = {row[0]: row for row in rows}
            for member_id in batch:
                row = found.get(member_id)
                if row is None:
                    continue
                out.append(_Member(row[0], member_display_name(row[1], row[2], row[3]),
                                   row[3] or row[1], row[4] or "", row[5] or "", row[6] or "",
                                   row[7] or "", row[8] or "", bool(row[9])))
        return out


def is_personalised(item: OutreachItem) -> bool:
    """Whether copies differ per member: merge fields or an address block."""
    if item.kind in (ItemKind.LETTER, ItemKind.INVITATION):
        return True
    return any(b.type == "address" or "{{" in json.dumps(b.data, ensure_ascii=False)
               for b in item.blocks)


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


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _purpose_label(purpose: str) -> str:
    from advocate_app.domain.community import ConsentPurpose

    try:
        return ConsentPurpose(purpose).label
    except ValueError:
        return purpose


def _choose_version(versions: list[tuple[int, OutreachItem]], default_id: int, language: str,
                    easy_read: bool) -> int:
    """The version for a member: Easy Read if they asked for it and one exists, in their
    language if there is one, else the item that was chosen."""
    base = (language or "").split("-")[0].lower()

    def score(entry: tuple[int, OutreachItem]) -> tuple[int, int, int]:
        item_id, item = entry
        same_language = bool(base) and item.language.split("-")[0].lower() == base
        return (int(item.easy_read == easy_read), int(same_language), int(item_id == default_id))

    if easy_read:
        return max(versions, key=score)[0]
    plain = [v for v in versions if not v[1].easy_read] or versions
    return max(plain, key=lambda e: score(e)[1:])[0]


def _recipient(member: _Member, language: str, recipient_type):
    from babel import Locale

    base = language.split("-")[0]
    greeting = _SALUTATIONS.get(base, _SALUTATIONS["en"])
    lines = [member.name]
    lines += [line.strip() for line in re.split(r"[\n;]", member.address) if line.strip()]
    if member.postcode and member.postcode not in member.address:
        lines.append(member.postcode)
    if member.country and member.country.upper() != "GB":
        try:
            lines.append(Locale.parse(base).territories.get(member.country.upper(),
                                                            member.country))
        except Exception:  # noqa: BLE001 (an unknown language: the code itself)
            lines.append(member.country)
    return recipient_type({"name": member.name, "first_name": member.given or member.name,
                           "salutation": greeting.format(name=member.name)}, lines)


def _summary_item(item: OutreachItem, result: PrintPackResult) -> OutreachItem:
    from advocate_app.domain.outreach_content import Block
    from advocate_app.i18n import ngettext

    blocks = [Block("heading", {"level": 1, "text": _("Print pack: {title}").format(
        title=item.title)}),
        Block("paragraph", {"text": " ".join((
            ngettext("{n} copy to print and post.", "{n} copies to print and post.",
                     result.copies).format(n=result.copies),
            ngettext("{n} member left out (listed below).",
                     "{n} members left out (listed below).",
                     len(result.left_out)).format(n=len(result.left_out))))})]
    if result.files:
        blocks.append(Block("heading", {"level": 2, "text": _("Files to print")}))
        blocks.append(Block("table", {
            "header": [_("File"), _("Format"), _("Language"), _("Copies")],
            "rows": [[f.path.name, f.profile.label, _language_name(f.language),
                      _copies_text(f)]
                     for f in result.files]}))
        blocks.append(Block("paragraph", {"text": _(
            "The address labels (labels.pdf) follow the same order as the letters in the "
            "files above.")}))
    for note in result.notes:
        blocks.append(Block("paragraph", {"text": note}))
    if result.refused:
        blocks.append(Block("heading", {"level": 2, "text": _(
            "Not printed: the pre-flight check refused")}))
        for refused in result.refused:
            blocks.append(Block("paragraph", {"text": ngettext(
                "“{title}” in {format}, {language} ({n} member, listed under Left out):",
                "“{title}” in {format}, {language} ({n} members, listed under Left out):",
                len(refused.members)).format(
                title=refused.title, format=refused.profile.label,
                language=_language_name(refused.language), n=len(refused.members))}))
            blocks.append(Block("list", {"ordered": False, "items": list(refused.problems)}))
        blocks.append(Block("paragraph", {"text": _(
            "Fix the item (or add a version for this format), or make the pack again "
            "choosing to print anyway; that choice is recorded.")}))
    if result.overridden:
        blocks.append(Block("heading", {"level": 2, "text": _(
            "Printed anyway despite the pre-flight check")}))
        for name, problems in result.overridden.items():
            blocks.append(Block("paragraph", {"text": _("{file}:").format(file=name)}))
            blocks.append(Block("list", {"ordered": False, "items": list(problems)}))
    if result.left_out:
        blocks.append(Block("heading", {"level": 2, "text": _("Left out")}))
        blocks.append(Block("table", {
            "header": [_("Member"), _("Reason")],
            "rows": [[f"{name} (#{member_id})", reason]
                     for member_id, name, reason in result.left_out]}))
    from advocate_app.i18n import current_language

    return OutreachItem(ItemKind.LEAFLET, _("Print pack: {title}").format(title=item.title),
                        current_language() or "en", tuple(blocks))


def _copies_text(rendered: RenderedFile) -> str:
    from advocate_app.i18n import ngettext

    if rendered.personalised:
        return ngettext("{n}: one for each member, in label order",
                        "{n}: one for each member, in label order",
                        rendered.copies).format(n=rendered.copies)
    return ngettext("Print this file once", "Print this file {n} times",
                    rendered.copies).format(n=rendered.copies)


def _language_name(code: str) -> str:
    from babel import Locale

    from advocate_app.i18n import current_language

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(
            current_language() or "en") or code
    except Exception:  # noqa: BLE001 (an unknown code is shown as it is)
        return code


def _existing_parent(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return Path.cwd()
