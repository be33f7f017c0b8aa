"""Stories: who told them (a member, or anonymous), the text, approved quotes word for word,
audio recordings and photos kept in the database (``services/story_files.py``), and consent
for each use.

Consent is a ledger per story and channel (``services/story_ledger.py``); every use of a story
by an outreach item is logged, so withdrawing consent lists exactly the items that used it and
marks each "do not reprint".
"""

from __future__ import annotations

import builtins
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.community import EngagementKind
from advocate_app.domain.members import Member
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.story_rules import (
    AttachmentKind,
    ChannelConsent,
    Identification,
    StoryChannel,
    StoryConsentState,
    StoryTheme,
    attribution,
    grant_refusal,
)
from advocate_app.domain.story_views import (
    AttachmentView,
    ConsentGrantInput,
    QuoteView,
    StoryConsentView,
    StoryInput,
    StoryUseView,
    StoryView,
    WithdrawalResult,
)
from advocate_app.i18n import _, mid_sentence
from advocate_app.services import audit, story_ledger, timeline, versions
from advocate_app.services.access import require
from advocate_app.services.board_common import as_date
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.stories import Story, StoryAttachment, StoryQuote

TITLE_LENGTH = 300
TEXT_LENGTH = 200_000
QUOTE_LENGTH = 5_000

_STORY_COLUMNS = (
    "s.id, s.teller_id, m.given_name, m.family_name, m.preferred_name, s.title, s.text, "
    "s.themes, s.language, s.teller_is_child, s.told_on, s.session_id, s.archived_at, "
    "s.version")


def words(text: str) -> str:
    """``text`` with every run of white space (line breaks, tabs, doubled spaces) one space."""
    return " ".join(text.split())


class StoryService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor, files_dir: Path):
        self._uow = uow
        self._reader = reader
        self._actor = actor
        self._files_dir = Path(files_dir)

    # -- the story ----------------------------------------------------------------------------

    def create(self, data: StoryInput) -> int:
        require(self._actor, Permission.STORIES)
        from advocate_app.domain.stories import Story

        with self._uow() as uow:
            self._check(uow.session, data)
            story = Story(created_by=self._actor.account_id)
            _fill(story, data)
            uow.session.add(story)
            uow.session.flush()
            if story.teller_id is not None:
                _shared(uow.session, story, self._actor)
            uow.commit()
            return story.id

    def update(self, story_id: int, data: StoryInput,
               expected_version: int | None = None) -> int:
        """Change the story; refused when its new text no longer holds an approved quote word
        for word (change or remove the quote first), or when someone saved it since
        ``expected_version`` (see services/versions.py). Returns its version now."""
        require(self._actor, Permission.STORIES)
        from sqlalchemy import select

        from advocate_app.domain.stories import StoryQuote

        with self._uow() as uow:
            story = story_ledger.story_row(uow.session, story_id)
            versions.expect_version(story, expected_version, lambda: self.get(story_id))
            self._check(uow.session, data)
            text = words(data.text)
            for quote in uow.session.scalars(select(StoryQuote).where(
                    StoryQuote.story_id == story_id).order_by(StoryQuote.position)):
                if words(quote.text) not in text:
                    raise ValidationError({"text": _(
                        "The approved quote “{quote}” is no longer in the story’s text: change "
                        "or remove the quote first.").format(quote=_short(quote.text))})
            new_teller = data.teller_id is not None and data.teller_id != story.teller_id
            _fill(story, data)
            story.updated_at = datetime.now(UTC)
            if new_teller:
                _shared(uow.session, story, self._actor)
            versions.commit(uow, lambda: self.get(story_id))
            return story.version

    def archive(self, story_id: int, archived: bool = True) -> None:
        """Archived stories leave the list (their consent and use log stay as they are)."""
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            story = story_ledger.story_row(uow.session, story_id)
            story.archived_at = datetime.now(UTC) if archived else None
            uow.commit()

    def get(self, story_id: int, on: date | None = None) -> StoryView:
        """The story, with its consent for every channel on ``on`` (today by default)."""
        require(self._actor, Permission.STORIES)
        found = self._views(" WHERE s.id = :id", {"id": story_id}, on)
        if not found:
            raise NotFoundError(_("There is no story {id}.").format(id=story_id))
        return found[0]

    def list(self, include_archived: bool = False, on: date | None = None) -> list[StoryView]:
        """Stories, newest told first, with their consent per channel on ``on``."""
        require(self._actor, Permission.STORIES)
        where = "" if include_archived else " WHERE s.archived_at IS NULL"
        return self._views(where, {}, on)

    # -- approved quotes ----------------------------------------------------------------------

    def add_quote(self, story_id: int, text: str, approved_on: date | None = None) -> int:
        """An excerpt the teller agreed to: refused unless it is in the story word for word."""
        require(self._actor, Permission.STORIES)
        from sqlalchemy import func, select

        from advocate_app.domain.stories import StoryQuote

        with self._uow() as uow:
            versions.lock_row(uow.session, "stories", story_id)  # one place per quote added
            story = story_ledger.story_row(uow.session, story_id)
            quote_text = _excerpt(story, text)
            last = uow.session.scalar(select(func.max(StoryQuote.position)).where(
                StoryQuote.story_id == story_id))
            quote = StoryQuote(story_id=story_id, text=quote_text,
                               approved_on=approved_on or date.today(),
                               position=(last if last is not None else -1) + 1)
            uow.session.add(quote)
            uow.commit()
            return quote.id

    def update_quote(self, quote_id: int, text: str, approved_on: date | None = None) -> None:
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            quote = _quote_row(uow.session, quote_id)
            quote.text = _excerpt(story_ledger.story_row(uow.session, quote.story_id), text)
            if approved_on is not None:
                quote.approved_on = approved_on
            uow.commit()

    def remove_quote(self, quote_id: int) -> None:
        """The quote goes; uses of it stay in the log (as uses of the story)."""
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            uow.session.delete(_quote_row(uow.session, quote_id))
            uow.commit()

    # -- recordings and photos ----------------------------------------------------------------

    def attach(self, story_id: int, path: Path | str, description: str = "") -> int:
        """Keep an audio recording (MP3, M4A, WAV, Ogg, FLAC) or a photo (JPEG, PNG, WebP,
        HEIC) with the story, its bytes in the database. The kind is read from the file's
        content; a file that is not one of these (a FIFO, a device), or over 100 MB, is
        refused with one sentence and nothing is kept."""
        require(self._actor, Permission.STORIES)
        from advocate_app.services import story_files

        with self._uow() as uow:
            story_ledger.story_row(uow.session, story_id)
        found = story_files.read(path)
        with self._uow() as uow:
            story_ledger.story_row(uow.session, story_id)
            attachment = story_files.keep(uow.session, story_id, found, description)
            uow.commit()
            return attachment.id

    def remove_attachment(self, attachment_id: int) -> None:
        """The attachment goes, and its bytes with it."""
        require(self._actor, Permission.STORIES)
        from advocate_app.services import story_files

        with self._uow() as uow:
            attachment = _attachment_row(uow.session, attachment_id)
            stored_name = attachment.stored_name
            uow.session.delete(attachment)
            uow.commit()
        story_files.remove_opened_copies(stored_name)

    def attachment_path(self, attachment_id: int) -> Path:
        """A private copy of the attachment to open or play, written outside the data folder
        (removed at the next start)."""
        require(self._actor, Permission.STORIES)
        from advocate_app.services import story_files

        with self._uow() as uow:
            return story_files.opened_copy(uow.session,
                                           _attachment_row(uow.session, attachment_id))

    # -- consent for each use -----------------------------------------------------------------

    def grant(self, story_id: int, channels: frozenset[StoryChannel],
              data: ConsentGrantInput) -> None:
        """The teller consents to the story's use in ``channels``, named at
        ``data.identification``, from ``data.effective_on`` (today) until ``data.expires_on``
        (if given). A child's story needs a guardian's co-signature."""
        require(self._actor, Permission.STORIES)
        effective = data.effective_on or date.today()
        errors: dict[str, str] = {}
        if not channels:
            errors["channels"] = _("Choose at least one use the teller consents to.")
        if data.expires_on is not None and data.expires_on <= effective:
            errors["expires_on"] = _("The consent must end after the day it starts.")
        with self._uow() as uow:
            story = story_ledger.story_row(uow.session, story_id)
            teller = (uow.session.get(Member, story.teller_id)
                      if story.teller_id is not None else None)
            if teller is not None and teller.erased_at is not None:
                # Erasure withdrew every use; nobody is left who could consent again.
                raise ValidationError({"channels": _(
                    "This story’s teller was erased: no consent can be recorded for it.")})
            refused = grant_refusal(story.teller_is_child, data.guardian_name)
            if refused:
                errors["guardian_name"] = refused
            if story.teller_id is None and data.identification is not Identification.ANONYMOUS:
                errors["identification"] = _(
                    "This story’s teller is anonymous: it can only be used anonymously.")
            if errors:
                raise ValidationError(errors)
            story_ledger.append(
                uow.session, story_id, channels, status=StoryConsentState.GRANTED,
                identification=data.identification, effective_on=effective,
                expires_on=data.expires_on, method=data.method.value,
                guardian_name=data.guardian_name, evidence=data.evidence,
                recorded_by=self._actor.account_id)
            if story.teller_id is not None:
                timeline.write(uow.session, EngagementKind.EVENT, [(story.teller_id, consent_text(
                    story.title, channels, withdrawn=False))],
                    recorded_by=self._actor.account_id, occurred_on=effective)
            audit.story_consent(uow.session, self._actor, story_id, "granted")
            uow.commit()

    def withdraw(self, story_id: int, channels: frozenset[StoryChannel] | None = None, *,
                 on: date | None = None) -> WithdrawalResult:
        """Withdraw consent for ``channels`` (when None: every channel the story was ever
        granted for or used in, or all of them if none) from ``on`` (today).
        Every use of the story in those channels is marked "do not reprint"; the result lists
        exactly those uses and their items, with the honest note that copies already printed
        or sent cannot be recalled."""
        require(self._actor, Permission.STORIES)
        if channels is not None and not channels:
            raise ValidationError({"channels": _("Choose at least one use to withdraw.")})
        day = on or date.today()
        with self._uow() as uow:
            story = story_ledger.story_row(uow.session, story_id)
            chosen = frozenset(channels) if channels is not None else (
                story_ledger.channels_touched(uow.session, story_id) or frozenset(StoryChannel))
            story_ledger.append(uow.session, story_id, chosen,
                                status=StoryConsentState.WITHDRAWN,
                                identification=Identification.ANONYMOUS, effective_on=day,
                                recorded_by=self._actor.account_id)
            marked = story_ledger.mark_do_not_reprint(uow.session, story_id, chosen)
            if story.teller_id is not None:
                timeline.write(uow.session, EngagementKind.EVENT, [(story.teller_id, consent_text(
                    story.title, chosen, withdrawn=True))],
                    recorded_by=self._actor.account_id, occurred_on=day)
            audit.story_consent(uow.session, self._actor, story_id, "withdrawn")
            uow.commit()
        uses = tuple(u for u in self.uses(story_id) if u.id in set(marked))
        note = _("Copies already printed, posted or published cannot be recalled; the items "
                 "listed are marked “do not reprint” and will not be rendered with this story "
                 "again.") if uses else _("No outreach item has used this story in these "
                                          "channels: nothing needs to be held back.")
        return WithdrawalResult(story_id, chosen, uses, story_ledger.affected_items(uses), note)

    def consent_history(self, story_id: int) -> builtins.list[StoryConsentView]:
        """Every entry of the story's consent ledger, newest first."""
        require(self._actor, Permission.STORIES)
        return story_ledger.history(self._reader, story_id)

    def uses(self, story_id: int) -> builtins.list[StoryUseView]:
        """Every use of the story by an outreach item, oldest first."""
        require(self._actor, Permission.STORIES)
        return story_ledger.use_views(self._reader, "story_id = :story", {"story": story_id})

    def check_use(self, story_id: int, channel: StoryChannel, on: date | None = None
                  ) -> ChannelConsent:
        """The story's consent for ``channel`` on ``on`` (today by default): ``usable`` says
        whether an outreach item may use it; ``domain.story_rules.use_refusal`` words why not.
        The outreach engine asks this before rendering a story or quote block."""
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            return story_ledger.consent_for(uow.session, story_id, channel, on)

    def record_use(self, story_id: int, channel: StoryChannel, *, item_id: int | None,
                   item_title: str, rendering_id: int | None = None,
                   quote_id: int | None = None, on: date | None = None) -> StoryUseView:
        """Log a use of the story (or of its quote) by an outreach item's rendering, at the
        consented identification level; refused with the reason unless consent covers
        ``channel`` on ``on``. (Inside a rendering's own transaction, call
        ``story_ledger.record_use`` with that session instead.)"""
        require(self._actor, Permission.STORIES)
        with self._uow() as uow:
            use = story_ledger.record_use(
                uow.session, story_id, channel, item_id=item_id, item_title=item_title,
                rendering_id=rendering_id, quote_id=quote_id, on=on)
            uow.commit()
            use_id = use.id
        return story_ledger.use_views(self._reader, "id = :id", {"id": use_id})[0]

    def blocked_uses(self, item_id: int) -> builtins.list[StoryUseView]:
        """Uses by the outreach item of stories whose consent was withdrawn since: while any is
        listed, the item is not to be rendered again with that story."""
        require(self._actor, Permission.STORIES)
        return story_ledger.use_views(
            self._reader, "item_id = :item AND do_not_reprint_at IS NOT NULL", {"item": item_id})

    def attribution(self, story_id: int, level: Identification) -> str:
        """The words naming the story's teller at ``level`` (never more than that): "Shared
        anonymously", a first name, "first name, town" (the member's town or region), or the
        full name."""
        require(self._actor, Permission.STORIES)
        rows = self._reader.rows(
            "SELECT m.given_name, m.family_name, m.preferred_name, m.region FROM stories s "
            "LEFT JOIN members m ON m.id = s.teller_id WHERE s.id = :id", {"id": story_id})
        if not rows:
            raise NotFoundError(_("There is no story {id}.").format(id=story_id))
        given, family, preferred, town = (value or "" for value in rows[0])
        return attribution(level, first_name=preferred or given, last_name=family, town=town)

    # -- helpers ------------------------------------------------------------------------------

    def _views(self, where: str, params: dict, on: date | None) -> builtins.list[StoryView]:
        day = on or date.today()
        rows = self._reader.rows(
            f"SELECT {_STORY_COLUMNS} FROM stories s LEFT JOIN members m ON m.id = s.teller_id"
            f"{where} ORDER BY coalesce(s.told_on, s.created_at) DESC, s.id DESC", params)
        if not rows:
            return []
        ledgers = story_ledger.ledgers(self._reader, where, params)
        quotes: dict[int, builtins.list[QuoteView]] = {}
        for q in self._reader.rows(
                "SELECT q.id, q.story_id, q.text, q.approved_on, q.position FROM story_quotes q "
                f"JOIN stories s ON s.id = q.story_id{where} ORDER BY q.position, q.id", params):
            quotes.setdefault(q[1], []).append(QuoteView(q[0], q[1], q[2], as_date(q[3]), q[4]))
        files: dict[int, builtins.list[AttachmentView]] = {}
        for a in self._reader.rows(
                "SELECT a.id, a.story_id, a.kind, a.original_name, a.size, a.sha256, "
                "a.description, a.added_at FROM story_attachments a "
                f"JOIN stories s ON s.id = a.story_id{where} ORDER BY a.id", params):
            files.setdefault(a[1], []).append(AttachmentView(
                a[0], a[1], AttachmentKind(a[2]), a[3], a[4], a[5], a[6],
                as_utc(a[7]) or datetime.now(UTC)))
        counts = dict(self._reader.rows(
            "SELECT u.story_id, count(*) FROM story_uses u JOIN stories s ON s.id = u.story_id"
            f"{where} GROUP BY u.story_id", params))
        return [StoryView(
            r[0], r[1], member_display_name(r[2] or "", r[3] or "", r[4] or "")
            if r[1] is not None else "", r[5], r[6],
            frozenset(StoryTheme(t) for t in (r[7] or "").split(",")
                      if t in StoryTheme._value2member_map_), r[8], bool(r[9]), as_date(r[10]),
            r[11], story_ledger.channel_consents(ledgers.get(r[0], ()), day),
            tuple(quotes.get(r[0], ())), tuple(files.get(r[0], ())), counts.get(r[0], 0),
            r[12] is not None, r[13]) for r in rows]

    def _check(self, session: Session, data: StoryInput) -> None:
        from advocate_app.domain.members import Member
        from advocate_app.domain.stories import StorySession

        errors: dict[str, str] = {}
        if not data.title.strip():
            errors["title"] = _("Give the story a title.")
        elif len(data.title.strip()) > TITLE_LENGTH:
            errors["title"] = _("This is too long: at most {limit} characters.").format(
                limit=TITLE_LENGTH)
        if len(data.text) > TEXT_LENGTH:
            errors["text"] = _("This is too long: at most {limit} characters.").format(
                limit=TEXT_LENGTH)
        language = data.language.strip()
        if not language or len(language) > 20:
            errors["language"] = _("Give the language the story was told in (for example "
                                   "en or fr).")
        if data.told_on is not None and data.told_on > date.today():
            errors["told_on"] = _("A story cannot be told in the future.")
        if data.teller_id is not None and session.get(Member, data.teller_id) is None:
            errors["teller"] = _("This member no longer exists.")
        if data.session_id is not None and session.get(StorySession, data.session_id) is None:
            errors["session"] = _("There is no story-sharing session {id}.").format(
                id=data.session_id)
        if errors:
            raise ValidationError(errors)


def _fill(story: Story, data: StoryInput) -> None:
    story.title, story.text = data.title.strip(), data.text.strip()
    story.teller_id, story.session_id = data.teller_id, data.session_id
    story.themes = ",".join(sorted(theme.value for theme in data.themes))
    story.language, story.teller_is_child = data.language.strip(), data.teller_is_child
    story.told_on = data.told_on


def _shared(session: Session, story: Story, actor: Actor) -> None:
    """The teller's timeline says they shared the story."""
    if story.teller_id is None:
        return
    timeline.write(session, EngagementKind.EVENT, [(story.teller_id, shared_text(story.title))],
                   recorded_by=actor.account_id, occurred_on=story.told_on)


def shared_text(title: str) -> str:
    """What the teller's timeline says of a story they told (the demo writes it too)."""
    return _("Shared a story: “{title}”.").format(title=title)


def consent_text(title: str, channels: frozenset[StoryChannel], *, withdrawn: bool) -> str:
    """What the teller's timeline says of consent given or withdrawn for a story."""
    if withdrawn:
        return _("Withdrew consent to use the story “{title}”: {channels}.").format(
            title=title, channels=_channel_list(channels))
    return _("Gave consent to use the story “{title}”: {channels}.").format(
        title=title, channels=_channel_list(channels))


def _excerpt(story: Story, text: str) -> str:
    quote = words(text)
    if not quote:
        raise ValidationError({"quote": _("Type the words of the quote.")})
    if len(quote) > QUOTE_LENGTH:
        raise ValidationError({"quote": _("This is too long: at most {limit} characters."
                                          ).format(limit=QUOTE_LENGTH)})
    if quote not in words(story.text):
        raise ValidationError({"quote": _(
            "A quote must be the teller’s words exactly as in the story, and “{quote}” is not "
            "in it word for word.").format(quote=_short(quote))})
    return quote


def _quote_row(session: Session, quote_id: int) -> StoryQuote:
    from advocate_app.domain.stories import StoryQuote

    quote = session.get(StoryQuote, quote_id)
    if quote is None:
        raise NotFoundError(_("There is no quote {id}.").format(id=quote_id))
    return quote


def _attachment_row(session: Session, attachment_id: int) -> StoryAttachment:
    from advocate_app.domain.stories import StoryAttachment

    attachment = session.get(StoryAttachment, attachment_id)
    if attachment is None:
        raise NotFoundError(_("There is no attachment {id}.").format(id=attachment_id))
    return attachment


def _channel_list(channels: frozenset[StoryChannel]) -> str:
    from advocate_app.i18n.formatting import format_list

    return format_list(mid_sentence(channel.label) for channel in StoryChannel if channel in channels)


def _short(text: str, limit: int = 60) -> str:
    text = words(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
