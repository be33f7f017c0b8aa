"""Follow-up after a webinar, by attendance.

People who came get the recording, the slides and a request for feedback; people who
registered and did not come get "sorry we missed you" with the recording. Each letter is an
outreach item, one per message and language, in the member's language; members who want post
get their letter, personalised and in their print format, in a print pack written to a folder.
Members without valid consent for events are left out and counted; a member is sent a
follow-up once (sending again sends nothing new).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.community import Channel, ConsentPurpose, EngagementKind
from advocate_app.domain.outreach_content import OutreachItem
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.domain.webinar_kinds import AttendanceOutcome, RegistrationStatus, WebinarStatus
from advocate_app.domain.webinar_views import FollowUpLetter, FollowUpPlan, FollowUpResult
from advocate_app.i18n import _, current_language
from advocate_app.interchange.files import make_scratch_folder, remove_scratch_folder
from advocate_app.services import audit
from advocate_app.services.access import require
from advocate_app.services.consent import valid_consent_sql
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.webinar_followup_letters import Message, WebinarFacts, letter
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.documents.preflight import Choices, Problem
    from advocate_app.services.feedback import FeedbackService
    from advocate_app.services.outreach import OutreachService
    from advocate_app.services.print_packs import PrintPackResult

#: Where each message's print pack goes inside the chosen folder.
_PACK_FOLDERS = {Message.ATTENDED: "thank-you", Message.MISSED: "sorry-we-missed-you"}


@dataclass(frozen=True)
class _Person:
    registration_id: int
    member_id: int
    name: str
    message: Message | None  # None: neither attended nor a registered no-show
    language: str  # the letter's language
    print_format: str
    consented: bool
    by_post: bool
    sent: bool


@dataclass(frozen=True)
class FollowUpDue:
    """A held webinar whose follow-up has not been sent to everyone it should reach."""

    webinar_id: int
    title: str
    starts_at: datetime  # UTC
    members: int


class WebinarFollowUpService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor,
                 outreach: Callable[[], OutreachService],
                 feedback: Callable[[], FeedbackService] | None = None):
        self._uow = uow
        self._reader = reader
        self._actor = actor
        # Made on first use: only a print pack needs them (the feedback service writes the
        # paper feedback forms posted with the thank-you letters).
        self._outreach = outreach
        self._feedback = feedback

    # -- who gets what ---------------------------------------------------------------------------
    def plan(self, webinar_id: int, today: date | None = None) -> FollowUpPlan:
        """Who would be sent which letter now, who is left out for want of consent for
        events, and who was sent theirs already."""
        require(self._actor, Permission.RUN_EVENTS)
        self._webinar(webinar_id)
        return _plan(webinar_id, self._people(webinar_id, today or date.today()))

    def due(self, today: date | None = None) -> list[FollowUpDue]:
        """Held webinars with attendees or registered no-shows (with consent for events) not
        sent a follow-up yet, the latest first."""
        require(self._actor, Permission.RUN_EVENTS)
        # Read from the webinars to their registrations to the members (CROSS JOIN keeps
        # SQLite to that order): starting from 100,000 members and their consent took
        # 0.6 s, on the dashboard's every visit.
        rows = self._reader.rows(
            "SELECT w.id, w.title, w.starts_at, count(*) FROM webinars w "
            "CROSS JOIN webinar_registrations r CROSS JOIN members m "
            "WHERE r.webinar_id = w.id AND m.id = r.member_id "
            "AND w.status = :held AND r.followup_sent_at IS NULL "
            "AND m.erased_at IS NULL AND m.archived_at IS NULL "
            "AND ((r.attendance = :attended AND r.status <> :cancelled) "
            "OR (r.attendance = :no_show AND r.status = :registered)) "
            f"AND {valid_consent_sql()} "
            "GROUP BY w.id, w.title, w.starts_at ORDER BY w.starts_at DESC, w.id DESC",
            {"held": WebinarStatus.HELD.value, "attended": AttendanceOutcome.ATTENDED.value,
             "no_show": AttendanceOutcome.NO_SHOW.value,
             "cancelled": RegistrationStatus.CANCELLED.value,
             "registered": RegistrationStatus.REGISTERED.value,
             "consent_purpose": ConsentPurpose.EVENTS.value,
             "consent_today": (today or date.today()).isoformat()})
        return [FollowUpDue(row[0], row[1], as_utc(row[2]) or datetime.now(UTC), int(row[3]))
                for row in rows]

    # -- sending ---------------------------------------------------------------------------------
    def send(self, webinar_id: int, *, folder: Path | str | None = None,
             progress: Callable[[int, int], None] | None = None,
             should_cancel: Callable[[], bool] | None = None,
             label_sheet: str = "L7160", today: date | None = None) -> FollowUpResult:
        """Make the letters and send them to everyone in :meth:`plan` not sent one yet.

        The letters are outreach items, one per message and language. Members who want post
        get theirs in a print pack (one per message) in ``folder``, which is needed then;
        the others are to be emailed their letter. Each member's registration records the
        letter and when, with a line on their timeline; all of it in one transaction, and
        the print pack's files are moved into ``folder`` only once it is saved. A cancel
        (``should_cancel``) or a failure changes nothing and leaves no file."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.services.print_packs import Cancelled

        today = today or date.today()
        webinar = self._webinar(webinar_id)
        people = self._people(webinar_id, today)
        plan = _plan(webinar_id, people)
        chosen = set(plan.attendees) | set(plan.no_shows)
        pending = [p for p in people if p.member_id in chosen]
        nothing = FollowUpResult(webinar_id, without_consent=plan.without_consent,
                                 already_sent=plan.already_sent)
        if not pending:
            return nothing
        if not webinar.recording_link.strip():
            raise ValidationError({"recording_link": _(
                "Add the recording's link to the webinar before sending the follow-up: "
                "every letter points to it.")})
        post = [p for p in pending if p.by_post]
        target = Path(folder) if folder else None
        if post and target is None:
            raise ValidationError({"folder": _(
                "Choose a folder for the print pack: some of these members want post.")})
        letters = {_key(p): letter(webinar, *_key(p)) for p in pending}

        def cancelled() -> bool:
            return bool(should_cancel and should_cancel())

        staging = _staging(target) if post and target is not None else None
        try:
            packs = self._print(letters, post, staging, progress, cancelled, label_sheet, today)
            forms = self._feedback_forms(webinar.id, packs, staging)
            if cancelled():
                raise Cancelled()
            left_out = [entry for pack in packs.values() for entry in pack.left_out]
            missing = {member_id for member_id, _name, _reason in left_out}
            sending = [p for p in pending if p.member_id not in missing]
            ids, sent = self._record(webinar, letters, sending, packs)
            files = _move(staging, target) if staging is not None and target else ()
        finally:
            if staging is not None:
                remove_scratch_folder(staging)
        if progress:
            progress(max(1, len(post)), max(1, len(post)))
        counts: dict[int, int] = {}
        for p in sent:
            item_id = ids[_key(p)]
            counts[item_id] = counts.get(item_id, 0) + 1
        made = tuple(FollowUpLetter(ids[key], key[0].value, key[1], item.title,
                                    counts[ids[key]])
                     for key, item in sorted(letters.items())
                     if key in ids and counts.get(ids[key]))
        return FollowUpResult(
            webinar_id, made,
            attendees=tuple(p.member_id for p in sent if p.message is Message.ATTENDED),
            no_shows=tuple(p.member_id for p in sent if p.message is Message.MISSED),
            by_post=tuple(p.member_id for p in sent if p.by_post),
            by_email=tuple(p.member_id for p in sent if not p.by_post),
            without_consent=plan.without_consent, already_sent=plan.already_sent,
            left_out=tuple(left_out), folder=target if post else None, files=files,
            feedback_forms=forms)

    def _print(self, letters: dict[tuple[Message, str], OutreachItem], post: list[_Person],
               staging: Path | None, progress: Callable[[int, int], None] | None,
               cancelled: Callable[[], bool], label_sheet: str, today: date
               ) -> dict[Message, PrintPackResult]:
        """A print pack per message for the members who want post, in ``staging``; nothing
        is logged (the caller does, in its transaction)."""
        from advocate_app.services.print_packs import PrintPackMaker

        packs: dict[Message, PrintPackResult] = {}
        if staging is None:
            return packs
        total, offset = len(post), 0
        for message in Message:
            members = [p.member_id for p in post if p.message is message]
            if not members:
                continue
            versions = [(number, item) for number, (key, item) in
                        enumerate(sorted(letters.items()), start=1) if key[0] is message]
            source = _Letters(versions, self._outreach())

            def step(done: int, _total: int, offset: int = offset) -> bool:
                if progress:
                    progress(min(offset + done, total), total)
                return not cancelled()

            maker = PrintPackMaker(self._uow, self._reader, self._actor, source)
            notes = [_(
                "Put a paper feedback form in each envelope with the letter: beside each "
                "file of letters is the form in the same language and format "
                "(feedback-form-….pdf).")] if (
                message is Message.ATTENDED and self._feedback is not None) else []
            packs[message] = maker.make(source.default_id(), members,
                                        staging / _PACK_FOLDERS[message], progress=step,
                                        label_sheet=label_sheet, today=today, log=False,
                                        notes=notes)
            offset += len(members)
        return packs

    def _feedback_forms(self, webinar_id: int, packs: dict[Message, PrintPackResult],
                        staging: Path | None) -> int:
        """The paper feedback form beside each file of thank-you letters, in its language and
        print format; returns how many copies to print."""
        from advocate_app.domain.feedback_views import EventKind

        pack = packs.get(Message.ATTENDED)
        if pack is None or staging is None or self._feedback is None:
            return 0
        copies = 0
        for rendered in pack.files:
            name = f"feedback-form-{rendered.language}-{rendered.profile.value}.pdf"
            self._feedback().write_paper_form(
                EventKind.WEBINAR, webinar_id, staging / _PACK_FOLDERS[Message.ATTENDED] / name,
                language=rendered.language, profile=rendered.profile)
            copies += rendered.copies
        return copies

    def _record(self, webinar: WebinarFacts, letters: dict[tuple[Message, str], OutreachItem],
                sending: Sequence[_Person], packs: dict[Message, PrintPackResult]
                ) -> tuple[dict[tuple[Message, str], int], list[_Person]]:
        """The letters stored (or found from an earlier send), each registration marked, the
        print packs in the rendering log and a line on each member's timeline: one
        transaction. Returns the letters' ids and who was sent one now."""
        from sqlalchemy import select

        from advocate_app.domain.webinars import WebinarRegistration
        from advocate_app.services import timeline
        from advocate_app.services.print_packs import add_rendering

        now = datetime.now(UTC)
        with self._uow() as uow:
            session = uow.session
            needed = {_key(p) for p in sending}
            ids = {key: _store(session, self._actor, item, now)
                   for key, item in letters.items() if key in needed}
            by_id = {p.registration_id: p for p in sending}
            records = session.scalars(select(WebinarRegistration).where(
                WebinarRegistration.id.in_(list(by_id)),
                WebinarRegistration.followup_sent_at.is_(None))).all()
            sent = []
            for record in records:
                person = by_id[record.id]
                record.followup_sent_at = now
                record.followup_item_id = ids[_key(person)]
                sent.append(person)
            sent.sort(key=lambda p: p.member_id)
            for message, pack in packs.items():
                for rendered in pack.files:
                    key = (message, rendered.language)
                    add_rendering(session, self._actor, ids.get(key), letters[key],
                                  "print_pack", rendered.profile, rendered.copies, ())
            timeline.write(session, EngagementKind.EVENT, (
                (p.member_id, _timeline_text(webinar, letters[_key(p)], p)) for p in sent),
                recorded_by=self._actor.account_id)
            audit.record(session, self._actor, AuditAction.PRINTED, AuditSubject.WEBINAR,
                         webinar.id, count=len(sent), detail="follow-up letters")
            uow.commit()
        return ids, sent

    # -- reading -------------------------------------------------------------------------------
    def _webinar(self, webinar_id: int) -> WebinarFacts:
        rows = self._reader.rows(
            "SELECT id, title, starts_at, timezone, recording_link, slides_link "
            "FROM webinars WHERE id = :id", {"id": webinar_id})
        if not rows:
            raise NotFoundError(_("There is no webinar {id}.").format(id=webinar_id))
        row = rows[0]
        return WebinarFacts(row[0], row[1], as_utc(row[2]) or datetime.now(UTC), row[3] or "UTC",
                            row[4] or "", row[5] or "")

    def _people(self, webinar_id: int, today: date) -> list[_Person]:
        from advocate_app.i18n.catalogs import available_languages

        rows = self._reader.rows(
            "SELECT r.id, r.member_id, r.status, r.attendance, r.followup_sent_at, "
            "m.given_name, m.family_name, m.preferred_name, m.preferred_language, "
            "m.print_format, m.email, "
            f"CASE WHEN {valid_consent_sql()} THEN 1 ELSE 0 END, "
            "EXISTS (SELECT 1 FROM member_channels c WHERE c.member_id = m.id "
            "AND c.channel = :post), "
            "EXISTS (SELECT 1 FROM member_channels c WHERE c.member_id = m.id "
            "AND c.channel = :email), "
            "EXISTS (SELECT 1 FROM member_contacts k WHERE k.member_id = m.id "
            "AND k.kind = 'email') "
            "FROM webinar_registrations r JOIN members m ON m.id = r.member_id "
            "WHERE r.webinar_id = :webinar AND m.erased_at IS NULL "
            "AND m.archived_at IS NULL ORDER BY m.id",
            {"webinar": webinar_id, "post": Channel.POST.value, "email": Channel.EMAIL.value,
             "consent_purpose": ConsentPurpose.EVENTS.value,
             "consent_today": today.isoformat()})
        languages = set(available_languages())
        fallback = _base(current_language()) if _base(current_language()) in languages else "en"
        people = []
        for (registration_id, member_id, status, attendance, sent_at, given, family, preferred,
             language, print_format, email, consented, post, by_email, other_email) in rows:
            base = _base(language or "")
            has_email = bool((email or "").strip()) or bool(other_email)
            people.append(_Person(
                registration_id, member_id, member_display_name(given, family, preferred),
                _message(status, attendance), base if base in languages else fallback,
                print_format or "", bool(consented),
                (bool(post) and not by_email) or not has_email, sent_at is not None))
        return people


class _Letters:
    """The letters of one message, as a print pack reads items (in memory: they are stored
    in the same transaction that records the sending)."""

    def __init__(self, versions: list[tuple[int, OutreachItem]], outreach: OutreachService):
        self._versions = versions
        self._outreach = outreach

    def default_id(self) -> int:
        english = [number for number, item in self._versions if item.language == "en"]
        return (english or [self._versions[0][0]])[0]

    def get(self, item_id: int) -> OutreachItem:
        return dict(self._versions)[item_id]

    def versions(self, item: OutreachItem) -> list[tuple[int, OutreachItem]]:
        return list(self._versions)

    def preflight(self, item: OutreachItem, profile: ProfileKey, choices: Choices | None = None,
                  pages: int | None = None) -> list[Problem]:
        from advocate_app.documents.preflight import Choices

        return self._outreach.preflight(item, profile, choices or Choices(), pages)


def _plan(webinar_id: int, people: Iterable[_Person]) -> FollowUpPlan:
    attendees: list[int] = []
    no_shows: list[int] = []
    by_post: list[int] = []
    without: list[int] = []
    already: list[int] = []
    languages: set[str] = set()
    for person in people:
        if person.message is None:
            continue
        if person.sent:
            already.append(person.member_id)
        elif not person.consented:
            without.append(person.member_id)
        else:
            (attendees if person.message is Message.ATTENDED else no_shows).append(
                person.member_id)
            languages.add(person.language)
            if person.by_post:
                by_post.append(person.member_id)
    return FollowUpPlan(webinar_id, tuple(attendees), tuple(no_shows), tuple(by_post),
                        tuple(without), tuple(already), tuple(sorted(languages)))


def _message(status: str, attendance: str) -> Message | None:
    if attendance == AttendanceOutcome.ATTENDED.value and \
            status != RegistrationStatus.CANCELLED.value:
        return Message.ATTENDED
    if attendance == AttendanceOutcome.NO_SHOW.value and \
            status == RegistrationStatus.REGISTERED.value:
        return Message.MISSED
    return None


def _key(person: _Person) -> tuple[Message, str]:
    """The letter a person planned for is sent: its message and language."""
    if person.message is None:
        raise ValueError(f"registration {person.registration_id} gets no follow-up")
    return person.message, person.language


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].strip().lower()


def _store(session: Session, actor: Actor, item: OutreachItem, now: datetime) -> int:
    """The letter's id: the one an earlier send stored for this message and language, or a
    new outreach item."""
    from sqlalchemy import select

    from advocate_app.domain.outreach import OutreachRecord

    found = session.scalar(select(OutreachRecord.id).where(
        OutreachRecord.group_name == item.group, OutreachRecord.language == item.language,
        OutreachRecord.archived_at.is_(None)).order_by(OutreachRecord.id).limit(1))
    if found is not None:
        return found
    record = OutreachRecord(kind=item.kind.value, title=item.title[:300],
                            language=item.language, group_name=item.group,
                            content=item.to_json(), created_at=now, updated_at=now,
                            created_by=actor.account_id, updated_by=actor.account_id)
    session.add(record)
    session.flush()
    return record.id


def _timeline_text(webinar: WebinarFacts, item: OutreachItem, person: _Person) -> str:
    if person.by_post:
        return _("Sent the follow-up to the webinar “{webinar}” by post: “{letter}”.").format(
            webinar=webinar.title, letter=item.title)
    return _("Follow-up to the webinar “{webinar}” made, to email: “{letter}”.").format(
        webinar=webinar.title, letter=item.title)


def _staging(target: Path) -> Path:
    """A scratch folder beside ``target`` (same disk, so the files move in at once)."""
    parent = next((p for p in (target, *target.parents) if p.is_dir()), Path.cwd())
    try:
        return make_scratch_folder(".follow-up-", parent)
    except OSError as exc:  # name the folder the person chose, not the scratch one
        raise OSError(exc.errno, exc.strerror, str(target)) from exc


def _move(staging: Path, target: Path) -> tuple[Path, ...]:
    moved = []
    for folder in sorted(p for p in staging.iterdir() if p.is_dir()):
        destination = target / folder.name
        destination.mkdir(parents=True, exist_ok=True)
        for produced in sorted(folder.iterdir()):
            produced.replace(destination / produced.name)
            moved.append(destination / produced.name)
    return tuple(moved)
