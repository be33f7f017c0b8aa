"""A story's consent ledger and its use log, inside a unit of work's session.

The stories service calls these with its own session; the outreach engine may call
:func:`consent_for` and :func:`record_use` with the session that records a rendering, so the
use and the rendering are saved together (or neither). Entries of the ledger are only ever
added: the newest entry for a channel in force on a day is the story's consent for it
(``domain.story_rules.consent_on``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from advocate_app.domain.story_rules import (
    ChannelConsent,
    ConsentEntry,
    Identification,
    StoryChannel,
    StoryConsentState,
    consent_on,
    use_refusal,
)
from advocate_app.domain.story_views import AffectedItem, StoryConsentView, StoryUseView
from advocate_app.i18n import _
from advocate_app.services.board_common import as_date
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader, as_utc

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.stories import Story, StoryUse

_USE_COLUMNS = ("id, story_id, quote_id, item_id, item_title, rendering_id, channel, "
                "identification, used_at, do_not_reprint_at")


def story_row(session: Session, story_id: int) -> Story:
    from advocate_app.domain.stories import Story

    story = session.get(Story, story_id)
    if story is None:
        raise NotFoundError(_("There is no story {id}.").format(id=story_id))
    return story


def entries(session: Session, story_id: int) -> list[ConsentEntry]:
    """The story's ledger, as the rules read it."""
    from sqlalchemy import select

    from advocate_app.domain.stories import StoryConsent

    return [ConsentEntry(c.channel, c.status, c.identification, c.effective_on, c.expires_on,
                         c.id) for c in session.scalars(
        select(StoryConsent).where(StoryConsent.story_id == story_id))]


def consent_for(session: Session, story_id: int, channel: StoryChannel,
                on: date | None = None) -> ChannelConsent:
    """The story's consent for ``channel`` on ``on`` (today by default)."""
    story_row(session, story_id)
    return consent_on(entries(session, story_id), channel, on or date.today())


def record_use(session: Session, story_id: int, channel: StoryChannel, *,
               item_id: int | None, item_title: str, rendering_id: int | None = None,
               quote_id: int | None = None, on: date | None = None) -> StoryUse:
    """Record that an outreach item used the story (or its quote ``quote_id``) in a rendering.

    Refused (ValidationError, the reason in one sentence) unless the story's consent covers
    ``channel`` on ``on`` (today by default); the use is recorded at the identification level
    consented, which is the level the attribution must be written at. The caller commits."""
    from advocate_app.domain.stories import StoryQuote, StoryUse

    story = story_row(session, story_id)
    day = on or date.today()
    consent = consent_on(entries(session, story_id), channel, day)
    refused = use_refusal(story.title, consent, day)
    if refused:
        raise ValidationError({"consent": refused})
    if quote_id is not None:
        quote = session.get(StoryQuote, quote_id)
        if quote is None or quote.story_id != story_id:
            raise NotFoundError(_("This quote is not one of the story’s approved quotes."))
    use = StoryUse(story_id=story_id, quote_id=quote_id, item_id=item_id,
                   item_title=item_title[:300], rendering_id=rendering_id,
                   channel=channel.value, identification=consent.identification.value)
    session.add(use)
    session.flush()
    return use


def append(session: Session, story_id: int, channels: Iterable[StoryChannel], *,
           status: StoryConsentState, identification: Identification, effective_on: date,
           expires_on: date | None = None, method: str = "paper", guardian_name: str = "",
           evidence: str = "", recorded_by: int | None = None) -> None:
    """Add one ledger entry per channel."""
    from advocate_app.domain.stories import StoryConsent

    for channel in sorted(channels):
        session.add(StoryConsent(
            story_id=story_id, channel=channel.value, status=status.value,
            identification=identification.value, effective_on=effective_on,
            expires_on=expires_on, method=method, guardian_name=guardian_name.strip()[:200],
            evidence=evidence.strip(), recorded_by=recorded_by))


def mark_do_not_reprint(session: Session, story_id: int,
                        channels: Iterable[StoryChannel]) -> list[int]:
    """Mark every use of the story in ``channels`` "do not reprint" (those marked before keep
    their date); the ids of all those uses, from the use log."""
    from sqlalchemy import select, update

    from advocate_app.domain.stories import StoryUse

    values = [channel.value for channel in channels]
    in_channels = (StoryUse.story_id == story_id, StoryUse.channel.in_(values))
    session.execute(update(StoryUse).where(*in_channels, StoryUse.do_not_reprint_at.is_(None))
                    .values(do_not_reprint_at=datetime.now(UTC)))
    return list(session.scalars(select(StoryUse.id).where(*in_channels).order_by(StoryUse.id)))


def channels_touched(session: Session, story_id: int) -> frozenset[StoryChannel]:
    """The channels the story has ledger entries or uses in."""
    from sqlalchemy import select, union

    from advocate_app.domain.stories import StoryConsent, StoryUse

    found = session.scalars(union(
        select(StoryConsent.channel).where(StoryConsent.story_id == story_id),
        select(StoryUse.channel).where(StoryUse.story_id == story_id)))
    return frozenset(StoryChannel(value) for value in found
                     if value in StoryChannel._value2member_map_)


# -- reading (plain SQL through the reader) ---------------------------------------------------


def history(reader: Reader, story_id: int) -> list[StoryConsentView]:
    """The ledger, newest first."""
    rows = reader.rows(
        "SELECT c.id, c.story_id, c.channel, c.status, c.identification, c.effective_on, "
        "c.expires_on, c.method, c.guardian_name, c.evidence, c.recorded_at, "
        "coalesce(a.display_name, '') FROM story_consents c "
        "LEFT JOIN accounts a ON a.id = c.recorded_by WHERE c.story_id = :story "
        "ORDER BY c.effective_on DESC, c.id DESC", {"story": story_id})
    return [StoryConsentView(r[0], r[1], StoryChannel(r[2]), StoryConsentState(r[3]),
                             Identification(r[4]), _day(r[5]), as_date(r[6]), r[7], r[8], r[9],
                             _moment(r[10]), r[11]) for r in rows]


def ledgers(reader: Reader, where: str, params: dict) -> dict[int, list[ConsentEntry]]:
    """The ledgers of the stories ``where`` (a condition on ``s``) picks, by story."""
    out: dict[int, list[ConsentEntry]] = {}
    for r in reader.rows(
            "SELECT c.story_id, c.channel, c.status, c.identification, c.effective_on, "
            f"c.expires_on, c.id FROM story_consents c JOIN stories s ON s.id = c.story_id"
            f"{where}", params):
        out.setdefault(r[0], []).append(ConsentEntry(r[1], r[2], r[3], _day(r[4]),
                                                     as_date(r[5]), r[6]))
    return out


def channel_consents(ledger: Iterable[ConsentEntry], day: date) -> tuple[ChannelConsent, ...]:
    """The consent for every channel on ``day``; each channel's rule reads only its own
    entries (the stories list asks this of every story: 5,000 stories read in 0.3 s when
    each channel went through the whole ledger)."""
    by_channel: dict[str, list[ConsentEntry]] = {}
    for entry in ledger:
        by_channel.setdefault(entry.channel, []).append(entry)
    return tuple(consent_on(by_channel[value], channel, day) if value in by_channel
                 else _NOT_ASKED[value] for channel, value in _CHANNELS)


_CHANNELS = tuple((channel, channel.value) for channel in StoryChannel)
_NOT_ASKED = {value: ChannelConsent(channel, StoryConsentState.NONE)
              for channel, value in _CHANNELS}


def use_views(reader: Reader, condition: str, params: dict) -> list[StoryUseView]:
    """Uses picked by ``condition`` (on the use log's columns), oldest first."""
    rows = reader.rows(f"SELECT {_USE_COLUMNS} FROM story_uses WHERE {condition} "
                       "ORDER BY used_at, id", params)
    return [StoryUseView(r[0], r[1], r[2], r[3], r[4], r[5], StoryChannel(r[6]),
                         Identification(r[7]), _moment(r[8]), r[9] is not None, as_utc(r[9]))
            for r in rows]


def affected_items(uses: Iterable[StoryUseView]) -> tuple[AffectedItem, ...]:
    """The outreach items behind ``uses``, each once, in the order first used."""
    found: dict[tuple[int | None, str], tuple[set[StoryChannel], set[int | None]]] = {}
    for use in uses:
        key = (use.item_id, use.item_title if use.item_id is None else "")
        channels, renderings = found.setdefault(key, (set(), set()))
        channels.add(use.channel)
        renderings.add(use.rendering_id if use.rendering_id is not None else -use.id)
    titles = {use.item_id: use.item_title for use in uses}
    return tuple(AffectedItem(item_id, titles.get(item_id, "") if item_id is not None
                              else title, frozenset(channels), len(renderings))
                 for (item_id, title), (channels, renderings) in found.items())


def _day(value: object) -> date:
    day = as_date(value)
    if day is None:
        raise ValueError("a date that is never empty was empty")
    return day


def _moment(value: object) -> datetime:
    moment = as_utc(value)
    if moment is None:
        raise ValueError("a timestamp that is never empty was empty")
    return moment
