"""Print packs: one outreach item for a group of members, ready to print and post.

Each member gets the item in their language and format, personalised; members who cannot be
sent it are left out and listed. The pack holds one PDF per language and format, address
labels in the same order and a summary sheet for the volunteer; each copy sent is logged (the
rendering log and the member's timeline) in one transaction. Made for
:meth:`advocate_app.services.outreach.OutreachService.print_pack`, which is its door.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from advocate_app.documents.preflight import Choices, Problem
from advocate_app.domain.community import PrintFormat
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import N_, _, ngettext
from advocate_app.interchange.files import (
    file_stem,
    make_scratch_folder,
    remove_scratch_folder,
)
from advocate_app.services.outreach_stories import StoryGate
from advocate_app.services.print_pack_languages import LanguageChooser, fallback_lines
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.outreach import OutreachRendering

R = TypeVar("R")

#: Greetings for letters, by the member's language (the item's language when it has none).
_SALUTATIONS = {"en": "Dear {name}", "fr": "Bonjour {name}", "de": "Hallo {name}",
                "es": "Hola {name}", "it": "Gentile {name}", "pt": "Olá {name}",
                "nl": "Beste {name}", "pl": "Dzień dobry {name}", "cy": "Annwyl {name}",
                "ga": "A chara {name}", "sv": "Hej {name}", "da": "Kære {name}",
                "ar": "عزيزنا {name}", "he": "שלום {name}", "tr": "Sayın {name}",
                "ro": "Bună ziua {name}", "el": "Αγαπητέ/ή {name}", "uk": "Вітаємо, {name}",
                "ru": "Здравствуйте, {name}", "ur": "محترم {name}", "hi": "प्रिय {name}"}


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
    #: Members not sent their own language, one line per language and reason.
    fallbacks: list[str] = field(default_factory=list)

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
    second_language: str = ""


class Items(Protocol):
    """What a print pack needs of the outreach service: items, their versions, the check."""

    def get(self, item_id: int) -> OutreachItem: ...

    def versions(self, item: OutreachItem) -> list[tuple[int, OutreachItem]]: ...

    def preflight(self, item: OutreachItem, profile: ProfileKey, choices: Choices = ...,
                  pages: int | None = None) -> list[Problem]: ...


#: (version id, profile): the members sent that version in that format.
Batch = tuple[int, ProfileKey]


@dataclass
class _Plan:
    """Who gets which version in which format, and what the pre-flight check said."""

    item_id: int
    item: OutreachItem
    versions: list[tuple[int, OutreachItem]]
    items: dict[int, OutreachItem]
    result: PrintPackResult = field(default_factory=PrintPackResult)
    batches: dict[Batch, list[Any]] = field(default_factory=dict)  # Recipient values
    addressed: dict[Batch, list[tuple[int, str]]] = field(default_factory=dict)
    problems: dict[Batch, list[str]] = field(default_factory=dict)
    stories: Any = None  # the StoryGate that let the versions' stories in
    languages: Any = None  # the LanguageChooser: who gets which language

    def in_order(self) -> list[Batch]:
        """Batches by language, then format: the order of files, labels and the log."""
        return sorted(self.batches, key=lambda k: (self.items[k[0]].language, k[1].value))


def add_rendering(session: Session, actor: Actor, item_id: int | None, item: OutreachItem,
                  output: str, profile: ProfileKey, copies: int,
                  overridden: Sequence[str]) -> OutreachRendering:
    """A line of the rendering log: ``item`` is the version printed (its language)."""
    from advocate_app.domain.outreach import OutreachRendering

    rendering = OutreachRendering(
        item_id=item_id, title=item.title[:300], output=output, profile=profile.value,
        language=item.language, copies=copies,
        overridden=json.dumps(list(overridden), ensure_ascii=False),
        created_by=actor.account_id)
    session.add(rendering)
    session.flush()
    return rendering


class PrintPackMaker:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor, items: Items):
        self._uow = uow
        self._reader = reader
        self._actor = actor
        self._items = items

    def make(self, item_id: int, member_ids: Sequence[int], out_dir: Path, *,
             progress: Callable[[int, int], bool] | None = None, label_sheet: str = "L7160",
             today: date | None = None, print_anyway: bool = False,
             log: bool = True, notes: Sequence[str] = (),
             translations: bool = False) -> PrintPackResult:
        """See :meth:`advocate_app.services.outreach.OutreachService.print_pack`. Without
        ``log`` nothing is recorded: the caller logs the pack in its own transaction.
        ``notes`` are said to the volunteer on the summary sheet (what else goes in the
        envelopes). With ``translations``, the item's translation set is read from the
        database (stored items: each member's language, their second, then the source)."""
        from advocate_app.services.translation_sets import read_set

        item = self._items.get(item_id)
        items: dict[int, OutreachItem] = dict(self._items.versions(item))
        items.setdefault(item_id, item)
        found = read_set(self._reader, item_id, with_missing=False) if translations else None
        for other in [found.source_id, *(v.item_id for v in found.translations)] if found else []:
            if other is not None and other not in items:
                items[other] = self._items.get(other)
        plan = _Plan(item_id, item, list(items.items()), items)
        plan.languages = LanguageChooser(plan.versions, item_id, found)
        plan.result.notes.extend(notes)
        self._sort(plan, self._members(member_ids, item.effective_purpose,
                                       today or date.today()))
        plan.stories = StoryGate(self._reader, today)  # refused: nothing written, the reason
        for version_id in {key[0] for key in plan.batches}:
            plan.items[version_id] = plan.stories.resolve(plan.items[version_id], version_id)
        self._check(plan, print_anyway)
        self._write(plan, out_dir, progress, label_sheet)
        if log:
            self._log(plan)
        return plan.result

    def _sort(self, plan: _Plan, members: list[_Member]) -> None:
        """Leave out who cannot be sent the item; batch the others by version and format."""
        from advocate_app.documents.pdf import Recipient

        purpose_label = _purpose_label(plan.item.effective_purpose)
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
                plan.result.left_out.append((member.id, member.name, reason))
                continue
            easy_read = member.print_format == PrintFormat.EASY_READ.value
            chosen_id = plan.languages.choose(member.language, member.second_language,
                                              easy_read)
            profile = (ProfileKey.EASY_READ if easy_read else ProfileKey.LARGE
                       if member.print_format == PrintFormat.LARGE_PRINT.value
                       else ProfileKey.STANDARD)
            language = plan.items[chosen_id].language
            plan.batches.setdefault((chosen_id, profile), []).append(
                _recipient(member, language, Recipient))
            plan.addressed.setdefault((chosen_id, profile), []).append((member.id, member.name))
        plan.result.fallbacks = fallback_lines(plan.languages.fallbacks, _language_name)

    def _check(self, plan: _Plan, print_anyway: bool) -> None:
        """Each version and format through the pre-flight check of its profile: refused
        (its members listed with the problems) unless ``print_anyway``."""
        for key in plan.in_order():
            found = [p.message for p in self._items.preflight(plan.items[key[0]], key[1])]
            if not found:
                continue
            version = plan.items[key[0]]
            if print_anyway:
                plan.problems[key] = found
                continue
            del plan.batches[key]
            plan.result.refused.append(RefusedFile(
                version.title, key[1], version.language, tuple(found),
                tuple(plan.addressed[key])))
            reason = _("Their copy ({format}, {language}) failed the pre-flight check").format(
                format=key[1].label, language=_language_name(version.language))
            plan.result.left_out.extend((member_id, name, reason)
                                        for member_id, name in plan.addressed[key])

    def _write(self, plan: _Plan, out_dir: Path,
               progress: Callable[[int, int], bool] | None, label_sheet: str) -> None:
        """Render every file in a scratch folder beside ``out_dir``, then move them in; a
        cancel (``progress`` returning False) leaves nothing behind."""
        from advocate_app.documents.pdf import Cancelled as RenderCancelled
        from advocate_app.documents.pdf import RenderOptions, render_many

        result = plan.result
        total = sum(len(r) for r in plan.batches.values())
        done = 0

        def tick(_n: int) -> bool:
            nonlocal done
            done += 1
            return progress(done, total) if progress else True

        try:
            staging = make_scratch_folder(".print-pack-", _existing_parent(out_dir))
        except OSError as exc:  # name the folder the person chose, not the scratch one
            raise OSError(exc.errno, exc.strerror, str(out_dir)) from exc
        try:
            stem = file_stem(plan.item.title)
            order: list[Any] = []
            for chosen_id, profile in plan.in_order():
                recipients = plan.batches[(chosen_id, profile)]
                version = plan.items[chosen_id]
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
                if (chosen_id, profile) in plan.problems:
                    result.overridden[name] = tuple(plan.problems[(chosen_id, profile)])
                result.files.append(RenderedFile(out_dir / name, profile, version.language,
                                                 len(recipients), version.title,
                                                 personalised))
                order.extend(recipients)
            if order:
                labels = OutreachItem(ItemKind.LABELS, _("Address labels: {title}").format(
                    title=plan.item.title), plan.item.language)
                (staging / "labels.pdf").write_bytes(render_many(
                    labels, order, RenderOptions(label_sheet=label_sheet)))
                result.labels = out_dir / "labels.pdf"
            summary = _summary_item(plan.item, result)
            (staging / "summary.pdf").write_bytes(render_many(summary, [None]))
            result.summary = out_dir / "summary.pdf"
            if progress and progress(total, total) is False:
                raise Cancelled()
            out_dir.mkdir(parents=True, exist_ok=True)
            for produced in staging.iterdir():
                os.replace(produced, out_dir / produced.name)
        finally:
            remove_scratch_folder(staging)

    def _log(self, plan: _Plan) -> None:
        """The rendering log (the language and format each file was printed in, with any
        problem printed anyway) and each member's timeline, in one transaction."""
        from advocate_app.domain.community import EngagementKind
        from advocate_app.services import timeline

        with self._uow() as uow:
            for key in plan.batches:
                version, profile = plan.items[key[0]], key[1]
                rendering = add_rendering(uow.session, self._actor, plan.item_id, version,
                                          "print_pack", profile, len(plan.batches[key]),
                                          plan.problems.get(key, ()))
                plan.stories.record(uow.session, rendering.id, key[0], version.title)
                text = _("Sent by post: “{title}” ({format}, {language}).").format(
                    title=version.title, format=profile.label,
                    language=_language_name(version.language))
                timeline.write(uow.session, EngagementKind.LETTER,
                               ((member_id, text) for member_id, _name in plan.addressed[key]),
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
                f"CASE WHEN {valid_consent_sql()} THEN 1 ELSE 0 END, m.second_language "
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
                                   row[7] or "", row[8] or "", bool(row[9]),
                                   row[10] or ""))
        return out


def is_personalised(item: OutreachItem) -> bool:
    """Whether copies differ per member: merge fields or an address block."""
    if item.kind in (ItemKind.LETTER, ItemKind.INVITATION):
        return True
    return any(b.type == "address" or (b.type != "story" and "{{" in json.dumps(
        b.data, ensure_ascii=False)) for b in item.blocks)


def _purpose_label(purpose: str) -> str:
    from advocate_app.domain.community import ConsentPurpose

    try:
        return ConsentPurpose(purpose).label
    except ValueError:
        return purpose


def _recipient(member: _Member, language: str, recipient_type: Callable[..., R]) -> R:
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
    if result.fallbacks:
        blocks.append(Block("heading", {"level": 2, "text": _("Not in their own language")}))
        blocks.append(Block("list", {"ordered": False, "items": list(result.fallbacks)}))
    blocks.extend(Block("paragraph", {"text": note}) for note in result.notes)
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
