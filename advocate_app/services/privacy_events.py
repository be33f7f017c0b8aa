"""A member's webinars, story sessions, stories and feedback, for the privacy rights: what we
hold (read for 'everything we hold about you') and what erasure removes.

Erasure keeps what only counts (a registration and whether the person came, a participation,
a rating) and removes what identifies or tells about the person (notes on their access needs,
their words in feedback, the stories they told, with every channel's consent withdrawn and
every use marked "do not reprint", and the recordings and photos deleted from disk).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from advocate_app.domain.people import Actor
from advocate_app.i18n import _, ngettext
from advocate_app.services.board_common import as_date
from advocate_app.storage.reader import Reader, as_utc

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _day(moment: object, timezone: str = "UTC") -> str | None:
    found = as_utc(moment)
    if found is None:
        return None
    try:
        zone = ZoneInfo(timezone or "UTC")
    except (ValueError, KeyError):
        zone = ZoneInfo("UTC")
    return found.astimezone(zone).date().isoformat()


def _iso(moment: object) -> str | None:
    found = as_utc(moment)
    return found.isoformat() if found is not None else None


def _date(value: object) -> str | None:
    found = as_date(value)
    return found.isoformat() if found is not None else None


def _keys(text: str | None) -> list[str]:
    return [key for key in (text or "").split(",") if key]


def held(reader: Reader, member_id: int) -> dict[str, list[dict[str, Any]]]:
    """Everything about the member's part in webinars, story sessions, stories and
    feedback, as plain values ready for JSON (keys of the app's vocabulary, ISO dates)."""
    return {"webinar_registrations": _registrations(reader, member_id),
            "webinars_presented": [
                {"webinar": title, "date": _day(starts, zone)} for title, starts, zone in
                reader.rows("SELECT w.title, w.starts_at, w.timezone FROM webinar_presenters p "
                            "JOIN webinars w ON w.id = p.webinar_id WHERE p.member_id = :m "
                            "ORDER BY w.starts_at, w.id", {"m": member_id})],
            "story_sessions": _sessions(reader, member_id),
            "stories_told": _stories(reader, member_id),
            "feedback_given": _feedback(reader, member_id),
            "translations_reviewed": [
                {"title": title, "language": language,
                 "date": str(reviewed_on)[:10] if reviewed_on else None}
                for title, language, reviewed_on in reader.rows(
                    "SELECT i.title, i.language, t.reviewed_on FROM outreach_translations t "
                    "JOIN outreach_items i ON i.id = t.item_id WHERE t.reviewed_by = :m "
                    "ORDER BY t.reviewed_on, t.id", {"m": member_id})]}


def merged_records(reader: Reader, member_id: int) -> list[dict[str, Any]]:
    """The duplicate records merged into the member's, each with what it held then."""
    import json

    found = []
    for merged_id, merged_at, snapshot in reader.rows(
            "SELECT merged_id, merged_at, merged_snapshot FROM member_merges "
            "WHERE kept_id = :m ORDER BY merged_at, id", {"m": member_id}):
        try:
            held_then = json.loads(snapshot or "{}")
        except ValueError:
            held_then = {}
        found.append({"record": merged_id, "merged_on": _day(merged_at),
                      "held": held_then if isinstance(held_then, dict) else {}})
    return found


def _registrations(reader: Reader, member_id: int) -> list[dict[str, Any]]:
    rows = reader.rows(
        "SELECT w.title, w.starts_at, w.timezone, r.status, r.needs, "
        "r.interpretation_language, r.needs_notes, r.attendance, r.minutes_attended, "
        "r.registered_at, r.cancelled_at, r.source, r.ticket_type FROM webinar_registrations r "
        "JOIN webinars w ON w.id = r.webinar_id WHERE r.member_id = :m "
        "ORDER BY w.starts_at, w.id", {"m": member_id})
    return [{"webinar": r[0], "date": _day(r[1], r[2]), "status": r[3],
             "access_asked": _keys(r[4]), "interpretation_language": r[5],
             "access_notes": r[6], "attendance": r[7] or "", "minutes_attended": r[8],
             "registered_at": _iso(r[9]), "cancelled_at": _iso(r[10]), "source": r[11],
             "ticket_type": r[12]} for r in rows]


def _sessions(reader: Reader, member_id: int) -> list[dict[str, Any]]:
    rows = reader.rows(
        "SELECT s.title, s.starts_at, s.timezone, 'participant', p.attendance, "
        "p.support_notes FROM story_session_participants p "
        "JOIN story_sessions s ON s.id = p.session_id WHERE p.member_id = :m "
        "UNION ALL SELECT s.title, s.starts_at, s.timezone, 'facilitator', '', '' "
        "FROM story_sessions s WHERE s.facilitator_id = :m ORDER BY 2", {"m": member_id})
    return [{"session": r[0], "date": _day(r[1], r[2]), "role": r[3],
             "attendance": r[4] or "", "support_notes": r[5]} for r in rows]


def _stories(reader: Reader, member_id: int) -> list[dict[str, Any]]:
    stories = reader.rows(
        "SELECT id, title, text, themes, language, told_on, archived_at FROM stories "
        "WHERE teller_id = :m ORDER BY coalesce(told_on, created_at), id", {"m": member_id})
    if not stories:
        return []
    ids = {"m": member_id}
    of_teller = "story_id IN (SELECT id FROM stories WHERE teller_id = :m)"
    quotes: dict[int, list[str]] = {}
    for story_id, text in reader.rows(
            f"SELECT story_id, text FROM story_quotes WHERE {of_teller} "
            "ORDER BY position, id", ids):
        quotes.setdefault(story_id, []).append(text)
    files: dict[int, list[dict[str, Any]]] = {}
    for story_id, kind, name, description in reader.rows(
            "SELECT story_id, kind, original_name, description FROM story_attachments "
            f"WHERE {of_teller} ORDER BY id", ids):
        files.setdefault(story_id, []).append(
            {"kind": kind, "file": name, "description": description})
    consent: dict[int, list[dict[str, Any]]] = {}
    for r in reader.rows(
            "SELECT story_id, channel, status, identification, effective_on, expires_on, "
            f"method, guardian_name, evidence FROM story_consents WHERE {of_teller} "
            "ORDER BY effective_on DESC, id DESC", ids):
        consent.setdefault(r[0], []).append(
            {"channel": r[1], "answer": r[2], "identification": r[3], "date": _date(r[4]),
             "expires_on": _date(r[5]), "method": r[6], "guardian": r[7], "evidence": r[8]})
    uses: dict[int, list[dict[str, Any]]] = {}
    for r in reader.rows(
            "SELECT story_id, item_title, channel, identification, used_at, do_not_reprint_at "
            f"FROM story_uses WHERE {of_teller} ORDER BY used_at, id", ids):
        uses.setdefault(r[0], []).append(
            {"item": r[1], "channel": r[2], "identification": r[3], "used_at": _iso(r[4]),
             "do_not_reprint": r[5] is not None, "do_not_reprint_since": _iso(r[5])})
    return [{"title": s[1], "text": s[2], "themes": _keys(s[3]), "language": s[4],
             "told_on": _date(s[5]), "archived": s[6] is not None,
             "quotes": quotes.get(s[0], []), "attachments": files.get(s[0], []),
             "consent_history": consent.get(s[0], []), "uses": uses.get(s[0], [])}
            for s in stories]


def _feedback(reader: Reader, member_id: int) -> list[dict[str, Any]]:
    rows = reader.rows(
        "SELECT f.event_kind, coalesce(w.title, mt.title, s.title, ''), f.received_on, "
        "f.rating, f.worked, f.change, f.comments, f.may_contact, f.source "
        "FROM feedback_responses f "
        "LEFT JOIN webinars w ON f.event_kind = 'webinar' AND w.id = f.event_id "
        "LEFT JOIN meetings mt ON f.event_kind = 'meeting' AND mt.id = f.event_id "
        "LEFT JOIN story_sessions s ON f.event_kind = 'story_session' AND s.id = f.event_id "
        "WHERE f.member_id = :m ORDER BY f.received_on, f.id", {"m": member_id})
    return [{"event_kind": r[0], "event": r[1], "date": _date(r[2]), "rating": r[3] or None,
             "worked": r[4], "change": r[5], "comments": r[6], "may_contact": bool(r[7]),
             "source": r[8]} for r in rows]


# -- erasure ----------------------------------------------------------------------------------


@dataclass
class ErasedEvents:
    """What erasing a member did to their webinars, sessions, stories and feedback."""

    registrations: int = 0
    participations: int = 0
    feedback: int = 0
    stories: int = 0
    uses_held_back: int = 0
    files: list[Path] = field(default_factory=list)  # to delete once the erasure is saved

    def sentences(self) -> list[str]:
        said: list[str] = []
        if self.registrations:
            said.append(ngettext(
                "{n} webinar registration kept for the figures, its notes removed.",
                "{n} webinar registrations kept for the figures, their notes removed.",
                self.registrations).format(n=self.registrations))
        if self.participations:
            said.append(ngettext(
                "{n} story-sharing session kept for the figures, support notes removed.",
                "{n} story-sharing sessions kept for the figures, support notes removed.",
                self.participations).format(n=self.participations))
        if self.feedback:
            said.append(ngettext(
                "{n} feedback answer kept without their words or their name; its rating "
                "stays.", "{n} feedback answers kept without their words or their name; "
                "their ratings stay.", self.feedback).format(n=self.feedback))
        if self.stories:
            said.append(ngettext(
                "{n} story they told: consent withdrawn for every use; its text, quotes, "
                "recordings and photos removed; the story archived.",
                "{n} stories they told: consent withdrawn for every use; their text, quotes, "
                "recordings and photos removed; the stories archived.",
                self.stories).format(n=self.stories))
        if self.uses_held_back:
            said.append(ngettext(
                "{n} use of their stories in outreach is marked “do not reprint”; copies "
                "already printed or sent cannot be recalled.",
                "{n} uses of their stories in outreach are marked “do not reprint”; copies "
                "already printed or sent cannot be recalled.",
                self.uses_held_back).format(n=self.uses_held_back))
        return said


def erase(session: Session, actor: Actor, member_id: int, files_dir: Path | None
          ) -> ErasedEvents:
    """Inside the erasure's transaction: keep the counts, remove the person's words and
    stories. The files to delete are returned, deleted by the caller once it has committed."""
    from sqlalchemy import func, select, update

    from advocate_app.domain.boards import Promise
    from advocate_app.domain.feedback import FeedbackResponse
    from advocate_app.domain.stories import StorySessionParticipant
    from advocate_app.domain.webinars import WebinarRegistration, WebinarReviewItem

    done = ErasedEvents()
    count = select(func.count())
    done.registrations = session.scalar(count.select_from(WebinarRegistration).where(
        WebinarRegistration.member_id == member_id)) or 0
    session.execute(update(WebinarRegistration).where(
        WebinarRegistration.member_id == member_id).values(needs_notes="", ticket_type=""))
    # A report's line settled as being them named them and gave their address; a line still
    # to review stays (it may be someone else) but no longer proposes the erased record.
    session.execute(update(WebinarReviewItem).where(
        WebinarReviewItem.resolved_member_id == member_id).values(
        name="", email="", needs_text=""))
    session.execute(update(WebinarReviewItem).where(
        WebinarReviewItem.candidate_member_id == member_id,
        WebinarReviewItem.resolved_at.is_(None)).values(candidate_member_id=None, score=0))
    done.participations = session.scalar(count.select_from(StorySessionParticipant).where(
        StorySessionParticipant.member_id == member_id)) or 0
    session.execute(update(StorySessionParticipant).where(
        StorySessionParticipant.member_id == member_id).values(support_notes=""))
    done.feedback = session.scalar(count.select_from(FeedbackResponse).where(
        FeedbackResponse.member_id == member_id)) or 0
    # A promise made from their comment keeps what was promised, not what they said.
    session.execute(update(Promise).where(Promise.id.in_(
        select(FeedbackResponse.promise_id).where(FeedbackResponse.member_id == member_id,
                                                  FeedbackResponse.promise_id.is_not(None))))
        .values(you_said=""))
    session.execute(update(FeedbackResponse).where(FeedbackResponse.member_id == member_id)
                    .values(worked="", change="", comments="", may_contact=False,
                            member_id=None))
    _erase_stories(session, actor, member_id, files_dir, done)
    return done


def _erase_stories(session: Session, actor: Actor, member_id: int, files_dir: Path | None,
                   done: ErasedEvents) -> None:
    from sqlalchemy import delete, select, update

    from advocate_app.domain.stories import Story, StoryAttachment, StoryConsent, StoryQuote
    from advocate_app.domain.story_rules import Identification, StoryChannel, StoryConsentState
    from advocate_app.interchange.story_files import opened_copies, stored_path
    from advocate_app.services import story_ledger

    now = datetime.now(UTC)
    for story in session.scalars(select(Story).where(Story.teller_id == member_id)):
        done.stories += 1
        # Withdrawn for every channel, as the stories service's withdrawal does, so no item
        # can use the story again, and every item that used it is held back.
        channels = frozenset(StoryChannel)
        # Earlier entries keep their answers (the figures) but not a guardian's name or
        # the evidence written down, as for the member's own consent.
        session.execute(update(StoryConsent).where(StoryConsent.story_id == story.id)
                        .values(guardian_name="", evidence=""))
        story_ledger.append(session, story.id, channels, status=StoryConsentState.WITHDRAWN,
                            identification=Identification.ANONYMOUS,
                            effective_on=now.date(), recorded_by=actor.account_id,
                            evidence=_("Erased at the teller’s request."))
        done.uses_held_back += len(story_ledger.mark_do_not_reprint(session, story.id,
                                                                     channels))
        for attachment in session.scalars(select(StoryAttachment).where(
                StoryAttachment.story_id == story.id)):
            done.files.extend(opened_copies(attachment.stored_name))  # copies opened to play
            if files_dir is not None:
                try:
                    done.files.append(stored_path(files_dir, attachment.stored_name))
                except ValueError:  # not a name the app made: nothing of ours to delete
                    pass
        session.execute(delete(StoryAttachment).where(StoryAttachment.story_id == story.id))
        session.execute(delete(StoryQuote).where(StoryQuote.story_id == story.id))
        # The title may name or describe the person as much as the text does.
        story.title = _("Erased story {id}").format(id=story.id)
        story.text = ""
        story.archived_at = story.archived_at or now
        story.updated_at = now
