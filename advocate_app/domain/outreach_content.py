"""Outreach items as data: the same form the app stores, exports and renders.

Plain vocabulary shared by every layer (services, documents, the window and the command line
name items, blocks and their kinds from here); the PDF and HTML engines in ``documents/`` only
draw them.

An item is JSON like::

    {"format": "advocate-outreach/1", "kind": "leaflet", "title": "…", "language": "en",
     "audience": "…", "channel": "leaflet", "purpose": "newsletter", "group": "welcome",
     "easy_read": false, "story_channel": "leaflet",
     "blocks": [{"type": "heading", "level": 1, "text": "…"},
                {"type": "paragraph", "text": "Plain text with *emphasis* and [a link](https://…)"},
                {"type": "list", "ordered": false, "items": ["…", "…"]},
                {"type": "table", "header": ["…"], "rows": [["…"]]},
                {"type": "image", "path": "…", "alt": "…", "decorative": false},
                {"type": "qr", "url": "https://…", "caption": "…"},
                {"type": "contact", "lines": ["…"]},
                {"type": "event", "title": "…", "when": "…", "where": "…", "details": "…"},
                {"type": "formats_notice"},
                {"type": "story", "story_id": 7, "quote_id": null, "title": "…"}]}

Blocks may carry ``"language"`` when they are in another language than the item.

Text in paragraphs, list items, table cells, contact lines and event details may use the
simple markup of :mod:`advocate_app.domain.inline_markup` (``*emphasis*``, ``**strong**``,
``[text](https://…)``). Letters and invitations may use merge fields, filled per member:
``{{name}}``, ``{{first_name}}``, ``{{salutation}}``, ``{{date}}``; an ``{"type": "address"}``
block prints the member's address block (a placeholder when not merging).

Pictures: an ``image`` block shows either a file (``"path"``), an embedded PNG or JPEG
(``"data"``, base64) or one of the built-in pictograms (``"pictogram": "calendar"``, named
in :data:`PICTOGRAMS`; :mod:`advocate_app.documents.pictograms` draws them), with ``"alt"`` or ``"decorative": true``.
Paragraphs and list blocks may carry ``"picture": "<pictogram>"`` and ``"picture_alt"``: the
picture sits on the left and the words on the right, as Easy Read asks.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from advocate_app.domain.outreach_limits import MAX_DEPTH, LimitError, check_item, check_text
from advocate_app.domain.story_rules import StoryChannel
from advocate_app.i18n import N_, _

FORMAT_ID = "advocate-outreach/1"


class ItemKind(enum.StrEnum):
    LEAFLET = "leaflet"
    POSTER = "poster"
    LAY_SUMMARY = "lay_summary"
    NEWSLETTER = "newsletter"
    INVITATION = "invitation"
    LETTER = "letter"
    LABELS = "labels"

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self.value])


_KIND_LABELS = {"leaflet": N_("Leaflet"), "poster": N_("Poster"),
                "lay_summary": N_("Lay summary"), "newsletter": N_("Newsletter"),
                "invitation": N_("Event invitation"), "letter": N_("Letter"),
                "labels": N_("Address labels")}

#: The built-in pictograms by name, with the description used as alt text when the person writes
#: none; the order is the order they are offered in.
PICTOGRAMS: dict[str, str] = {
    "calendar": N_("A calendar"), "clock": N_("A clock"), "place": N_("A map pin"),
    "phone": N_("A mobile phone"), "email": N_("An email sign"), "letter": N_("A letter"),
    "people": N_("A group of people"), "person": N_("A person"),
    "question": N_("A question mark"), "information": N_("Information"),
    "doctor": N_("A doctor"), "medicine": N_("Medicine"),
    "computer": N_("An online meeting on a computer"), "talk": N_("People talking"),
    "large_print": N_("Large print"), "wheelchair": N_("Wheelchair access"),
    "home": N_("A house"), "money": N_("Money"), "tick": N_("A tick"), "heart": N_("A heart"),
}


def pictogram_label(name: str, gettext: Callable[[str], str] | None = None) -> str:
    """The translated default description of a built-in pictogram (in the interface's
    language, or through ``gettext`` in a document's); KeyError for an unknown name."""
    if name not in PICTOGRAMS:
        raise KeyError(f"unknown pictogram {name!r}; known pictograms: "
                       f"{', '.join(PICTOGRAMS)}")
    return (gettext or _)(PICTOGRAMS[name])


BLOCK_TYPES = ("heading", "paragraph", "list", "table", "image", "qr", "contact", "event",
               "formats_notice", "address", "story")

#: The use of a story each kind of item is, when the item does not name one: consent for this
#: channel must cover a story the item prints. Leaflets, posters and lay summaries are printed
#: material handed out (leaflets); newsletters, and the letters and invitations posted to
#: members, are the group's own news to its members (newsletter). An HTML page is the
#: accessible companion of the same item, so it takes the item's channel; an item that goes on
#: the website, to the press or to a regulator names that channel itself.
STORY_CHANNEL_BY_KIND: dict[str, StoryChannel] = {
    "leaflet": StoryChannel.LEAFLET, "poster": StoryChannel.LEAFLET,
    "lay_summary": StoryChannel.LEAFLET, "labels": StoryChannel.LEAFLET,
    "newsletter": StoryChannel.NEWSLETTER, "letter": StoryChannel.NEWSLETTER,
    "invitation": StoryChannel.NEWSLETTER,
}


def story_channel_for(kind: ItemKind, chosen: str = "") -> StoryChannel:
    """The channel a story's consent must cover in an item of ``kind`` (``chosen`` when it is
    one, else the kind's own: :data:`STORY_CHANNEL_BY_KIND`)."""
    if chosen in StoryChannel._value2member_map_:
        return StoryChannel(chosen)
    return STORY_CHANNEL_BY_KIND[kind.value]


class ContentError(ValueError):
    """An item's JSON is not a valid outreach item; the message says where and why."""


class RenderError(ContentError):
    """The item cannot be rendered as given (a picture file that cannot be read …)."""


#: Said when a story block reaches the documents engine without the outreach service's check.
UNCHECKED_STORY = N_("A story or quote is printed only once its teller’s consent for this "
                     "item has been checked: render the item through Advocate’s outreach.")


@dataclass(frozen=True)
class StoryText:
    """A story block as the outreach service resolved it for one rendering: the teller's words
    (the whole story or one approved quote) and the attribution at the consented level."""

    text: str
    attribution: str
    language: str = ""


@dataclass(frozen=True)
class Block:
    type: str
    data: dict[str, Any] = field(default_factory=dict)
    language: str = ""

    def to_json(self) -> dict[str, Any]:
        out = {"type": self.type, **self.data}
        if self.language:
            out["language"] = self.language
        return out


@dataclass(frozen=True)
class OutreachItem:
    kind: ItemKind
    title: str
    language: str
    blocks: tuple[Block, ...] = ()
    audience: str = ""
    channel: str = ""
    #: The consent a member needs to be sent this (a ConsentPurpose value); see default_purpose.
    purpose: str = ""
    #: Items that are versions of one piece (languages, Easy Read) share a group name.
    group: str = ""
    #: Written in Easy Read (short sentences, a picture for each idea).
    easy_read: bool = False
    #: The use of a story this item is (a StoryChannel value); "" for the kind's own.
    story_channel: str = ""

    @property
    def effective_purpose(self) -> str:
        return self.purpose or ("events" if self.kind == ItemKind.INVITATION else "newsletter")

    @property
    def effective_story_channel(self) -> StoryChannel:
        return story_channel_for(self.kind, self.story_channel)

    def to_json(self) -> str:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["blocks"] = [b.to_json() for b in self.blocks]
        return json.dumps({"format": FORMAT_ID, **data}, ensure_ascii=False, indent=2)


_REQUIRED: dict[str, dict[str, type]] = {
    "heading": {"level": int, "text": str}, "paragraph": {"text": str},
    "list": {"items": list}, "table": {"rows": list}, "image": {},
    "qr": {"url": str}, "contact": {"lines": list}, "event": {"title": str},
    "formats_notice": {}, "address": {}, "story": {"story_id": int},
}


def item_from_json(text: str) -> OutreachItem:
    """Read an item, refusing anything malformed with a message that names the block: sizes,
    nesting and the kind of every field are checked here (:mod:`.outreach_limits`), so the
    renderer never meets a field of the wrong kind."""
    try:
        check_text(text)
        data = json.loads(text)
    except LimitError as exc:
        raise ContentError(str(exc)) from exc
    except RecursionError as exc:
        raise ContentError(_("Values in this item are nested too deeply (at most {limit} "
                             "levels).").format(limit=MAX_DEPTH)) from exc
    except json.JSONDecodeError as exc:
        raise ContentError(_("This is not JSON (line {line}): {reason}.").format(
            line=exc.lineno, reason=exc.msg)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise ContentError(_("This is not an Advocate outreach item (“format” must be "
                             "“{format}”).").format(format=FORMAT_ID))
    try:
        check_item(data)
    except LimitError as exc:
        raise ContentError(str(exc)) from exc
    try:
        kind = ItemKind(str(data.get("kind")))
    except ValueError as exc:
        raise ContentError(_("“{kind}” is not a kind of outreach item.").format(
            kind=data.get("kind"))) from exc
    blocks = []
    for number, raw in enumerate(data.get("blocks") or [], start=1):
        if not isinstance(raw, dict) or raw.get("type") not in BLOCK_TYPES:
            raise ContentError(_("Block {n} has no known type.").format(n=number))
        kind_of_block = raw["type"]
        for key, expected in _REQUIRED[kind_of_block].items():
            if not isinstance(raw.get(key), expected):
                raise ContentError(_("Block {n} ({type}) needs “{field}”.").format(
                    n=number, type=kind_of_block, field=key))
        if kind_of_block == "heading" and not 1 <= raw["level"] <= 6:
            raise ContentError(_("Block {n}: heading levels go from 1 to 6.").format(n=number))
        if kind_of_block == "story":
            raw = _story_block(raw, number)
        payload = {k: v for k, v in raw.items() if k not in ("type", "language")}
        blocks.append(Block(kind_of_block, payload, str(raw.get("language") or "")))
    title = str(data.get("title") or "").strip()
    if not title:
        raise ContentError(_("An outreach item needs a title."))
    return OutreachItem(kind, title, str(data.get("language") or "en"), tuple(blocks),
                        str(data.get("audience") or ""), str(data.get("channel") or ""),
                        str(data.get("purpose") or ""), str(data.get("group") or ""),
                        bool(data.get("easy_read")), _story_channel(data.get("story_channel")))


def _story_block(raw: dict, number: int) -> dict:
    """A story block keeps its story, its quote and its title; nothing else (the words and
    the attribution are never taken from the file)."""
    quote = raw.get("quote_id")
    if isinstance(raw["story_id"], bool) or raw["story_id"] < 1 or not (
            quote is None or (isinstance(quote, int) and not isinstance(quote, bool))):
        raise ContentError(_("Block {n} (story) names no story or quote it could "
                             "use.").format(n=number))
    return {"type": "story", "language": raw.get("language"), "story_id": raw["story_id"],
            "quote_id": quote, "title": str(raw.get("title") or "")[:300]}


def _story_channel(value: object) -> str:
    if value in (None, ""):
        return ""
    if value not in StoryChannel._value2member_map_:
        raise ContentError(_("“{channel}” is not a use of a story an item can be.").format(
            channel=value))
    return str(value)
