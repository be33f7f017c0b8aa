"""Stories and quotes in outreach items: the consent gate every rendering passes.

A ``story`` block names a kept story and maybe one of its approved quotes. Before the documents
engine sees an item, :class:`StoryGate` resolves each such block on the day of rendering: the
story's consent for the item's channel (``domain.story_rules.consent_on``) must be granted, and
the item must not be marked "do not reprint" for the story (its consent was withdrawn after the
item used it). Otherwise the rendering is refused with the reason in one sentence
(:class:`~advocate_app.domain.outreach_content.RenderError`, or a blocking pre-flight problem).

A resolved block carries the words and the attribution at the consented identification level,
written here from the teller's member record (``domain.story_rules.attribution``); the item's
author never types it. A rendering records one use per story block (:meth:`StoryGate.record`),
in the transaction that records the rendering; the preview records nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from advocate_app.documents.preflight import Problem
from advocate_app.domain.outreach_content import Block, OutreachItem, RenderError, StoryText
from advocate_app.domain.story_rules import (
    ChannelConsent,
    Identification,
    StoryChannel,
    attribution,
    consent_on,
    use_refusal,
)
from advocate_app.i18n import N_, _, translator
from advocate_app.i18n.formatting import format_date
from advocate_app.services import outreach_pictures, story_ledger
from advocate_app.storage.reader import Reader, as_utc

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_ANONYMOUS = N_("Shared anonymously")  # the same words as domain.story_rules.attribution's


@dataclass(frozen=True)
class StoryBlockView:
    """What a story block will print in an item today, for the editor to show: the words, the
    attribution, and the consent for the item's channel (``refusal`` says why it cannot)."""

    story_id: int
    quote_id: int | None
    title: str
    teller_name: str  # "" for an anonymous teller
    text: str
    attribution: str
    consent: ChannelConsent | None
    refusal: str | None


@dataclass(frozen=True)
class _Use:
    story_id: int
    quote_id: int | None
    channel: StoryChannel


def has_stories(item: OutreachItem) -> bool:
    return any(block.type == "story" for block in item.blocks)


class StoryGate:
    """Resolves the story blocks of the items of one rendering, on one day, and remembers
    the uses to record."""

    def __init__(self, reader: Reader, day: date | None = None):
        self._reader = reader
        self.day = day or date.today()
        self._uses: dict[int | None, list[_Use]] = {}

    def resolve(self, item: OutreachItem, item_id: int | None = None) -> OutreachItem:
        """``item`` with each story block carrying its words and attribution; RenderError with
        the reason for the first story it may not use today. Every rendering passes here, so
        its pictures are read from the database here too (``outreach_pictures.resolve``)."""
        item = outreach_pictures.resolve(self._reader, item)
        if not has_stories(item):
            return item
        blocks, uses = [], []
        for block in item.blocks:
            if block.type != "story":
                blocks.append(block)
                continue
            view, language = self._look_up(item, item_id, block)
            if view.refusal:
                raise RenderError(view.refusal)
            blocks.append(Block("story", {**block.data, "resolved": StoryText(
                view.text, view.attribution, language)}, language))
            uses.append(_Use(view.story_id, view.quote_id, item.effective_story_channel))
        self._uses[item_id] = uses
        return replace(item, blocks=tuple(blocks))

    def problems(self, item: OutreachItem, item_id: int | None = None) -> list[Problem]:
        """Each story block the item may not print today, as a blocking pre-flight problem."""
        out = []
        for number, block in enumerate(item.blocks, start=1):
            if block.type == "story":
                refusal = self._look_up(item, item_id, block)[0].refusal
                if refusal:
                    out.append(Problem("story-consent", refusal, number, blocking=True))
        return out

    def view(self, item: OutreachItem, item_id: int | None, block: Block) -> StoryBlockView:
        return self._look_up(item, item_id, block)[0]

    def record(self, session: Session, rendering_id: int, item_id: int | None,
               item_title: str) -> None:
        """A use of each story the rendering of ``item_id`` printed (consent checked again
        inside the transaction); the caller commits with the rendering."""
        for use in self._uses.get(item_id, ()):
            story_ledger.record_use(session, use.story_id, use.channel, item_id=item_id,
                                    item_title=item_title, rendering_id=rendering_id,
                                    quote_id=use.quote_id, on=self.day)

    # -- looking a block up -------------------------------------------------------------------

    def _look_up(self, item: OutreachItem, item_id: int | None, block: Block
                 ) -> tuple[StoryBlockView, str]:
        story_id = int(block.data.get("story_id") or 0)
        quote_id = block.data.get("quote_id")
        rows = self._reader.rows(
            "SELECT s.title, s.text, s.language, s.teller_id, m.given_name, m.family_name, "
            "m.preferred_name, m.region FROM stories s LEFT JOIN members m "
            "ON m.id = s.teller_id WHERE s.id = :id", {"id": story_id})
        if not rows:
            missing = _("The story chosen for this block no longer exists: choose another.")
            return StoryBlockView(story_id, quote_id, "", "", "", "", None, missing), ""
        title, text, language, teller_id, given, family, preferred, town = rows[0]
        first = (preferred or given or "") if teller_id is not None else ""
        teller = " ".join(p for p in (first, family or "") if p) if teller_id else ""
        channel = item.effective_story_channel
        consent = consent_on(story_ledger.ledgers(self._reader, " WHERE s.id = :id",
                                                  {"id": story_id}).get(story_id, ()),
                             channel, self.day)
        if consent.identification is Identification.ANONYMOUS or not first:
            words = translator(item.language or "en")(_ANONYMOUS)
        else:
            words = attribution(consent.identification, first_name=first,
                                last_name=family or "", town=town or "")
        refusal = self._withdrawn(item, item_id, story_id, title) or use_refusal(
            title, consent, self.day)
        if quote_id is not None:
            found = self._reader.rows("SELECT text FROM story_quotes WHERE id = :quote AND "
                                      "story_id = :story", {"quote": quote_id,
                                                            "story": story_id})
            text = found[0][0] if found else ""
            if not found:
                refusal = refusal or _("The quote chosen from the story “{title}” is no longer "
                                       "one of its approved quotes: choose another.").format(
                    title=title)
        if not (text or "").strip():
            refusal = refusal or _("The story “{title}” has no words to print yet.").format(
                title=title)
        base = (language or "").split("-")[0].lower()
        own = "" if base == (item.language or "en").split("-")[0].lower() else language
        return StoryBlockView(story_id, quote_id, title, teller, text or "", words, consent,
                              refusal), own or block.language

    def _withdrawn(self, item: OutreachItem, item_id: int | None, story_id: int,
                   title: str) -> str | None:
        """The reason when the item used the story before its consent was withdrawn."""
        if item_id is None:
            return None
        rows = self._reader.rows(
            "SELECT min(do_not_reprint_at) FROM story_uses WHERE item_id = :item AND "
            "story_id = :story AND do_not_reprint_at IS NOT NULL",
            {"item": item_id, "story": story_id})
        marked = as_utc(rows[0][0]) if rows else None
        if marked is None:
            return None
        return _("“{item}” may not be printed again with the story “{title}” — do not "
                 "reprint: consent withdrawn on {day}.").format(
            item=item.title, title=title, day=format_date(marked))
