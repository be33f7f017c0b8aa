"""Importing a webinar's attendance or registration report (Zoom attendee or registration
report, Eventbrite attendee export) and the review of the people it could not place for sure.

Each person in the report is matched to a member:

- by email first, ignoring case, against every address a member has (main or other): a
  **matched** member; when the address is shared by someone with a clearly different given name
  (a family address), the match is left for **review** instead;
- else by a similar name (the duplicate rules' folding: case and accents aside, any script;
  rapidfuzz, at least ``NAME_MATCH``): **review**, with the candidate and the score kept as a
  review item;
- else, with an email: a **created** member (their consent for events granted from the
  registration, method "imported", the evidence naming the report), one per address however
  many rows the report has;
- else: **unmatched**, kept as a review item to be resolved by hand.

Matched and created members get their registration (registered, or walk-in when only the
attendee report knows them) and attendance (attended with the summed minutes, or no-show when
the report can tell) and timeline entries. Everything happens in one transaction: a damaged
report or a cancel changes nothing; a dry run computes the same result and writes nothing; the
same file (by its SHA-256) imported again is recognised and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.base import utcnow
from advocate_app.domain.people import Actor
from advocate_app.domain.text import fold
from advocate_app.domain.webinar_views import (
    AttendanceReport,
    ImportResult,
    ReportKind,
    ReportOutcome,
    ReportPerson,
    ReviewItemView,
)
from advocate_app.i18n import _
from advocate_app.services import webinar_report_writing as writing
from advocate_app.services.access import require
from advocate_app.services.audit import record
from advocate_app.services.duplicate_rules import NAME_MATCH, Known, PeopleIndex
from advocate_app.services.errors import NotFoundError, ServiceError, ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Action = ReportOutcome.Action


class ReportImportCancelled(ServiceError):
    """The person stopped the import; nothing was imported."""


@dataclass(frozen=True)
class _Contact:
    """What the duplicate rules read of a report's person."""

    given_name: str
    family_name: str
    email: str
    phone: str = ""
    postcode: str = ""


class _Members:
    """Every member (erased ones aside) with all their addresses, and their names to compare."""

    def __init__(self, session: Session):
        from sqlalchemy import select

        from advocate_app.domain.members import Member, MemberContact

        self.index = PeopleIndex()
        self.names: dict[int, str] = {}
        self.folded: list[str] = []
        self.sorted: list[str] = []  # their words in order, made when first needed
        self.compact: list[str] = []  # without spaces, made when first needed
        self.owners: list[int] = []
        others: dict[int, list[str]] = {}
        for member_id, value in session.execute(
                select(MemberContact.member_id, MemberContact.value)
                .where(MemberContact.kind == "email")):
            others.setdefault(member_id, []).append(value)
        for member_id, given, family, preferred, email in session.execute(
                select(Member.id, Member.given_name, Member.family_name, Member.preferred_name,
                       Member.email).where(Member.erased_at.is_(None))):
            self.add(member_id, given, family, preferred, [email, *others.get(member_id, ())])

    def add(self, member_id: int, given: str, family: str, preferred: str,
            emails: list[str]) -> None:
        from advocate_app.domain.people import member_display_name

        name = member_display_name(given, family, "")
        label = member_display_name(given, family, preferred) or (emails[0] if emails else "")
        self.names[member_id] = label
        self.index.add(Known(("db", member_id), fold(name), fold(given), label), emails, [], "")
        for variant in {fold(name), fold(member_display_name(preferred, family, ""))}:
            if variant:  # kept in step with the lists ``similar`` made, if made
                if self.sorted and len(self.sorted) == len(self.folded):
                    self.sorted.append(_sorted_words(variant))
                if self.compact and len(self.compact) == len(self.folded):
                    self.compact.append(variant.replace(" ", ""))
                self.folded.append(variant)
                self.owners.append(member_id)

    def by_email(self, person: ReportPerson) -> tuple[int | None, int | None]:
        """(the member with this address, a member sharing it under another given name)."""
        if not person.email:
            return None, None
        given, family = writing.split_name(_facts(person, ReportKind.ZOOM_ATTENDEE, True))
        same, shared = self.index.match(_Contact(given, family, person.email))
        return (same.key[1] if same else None), (shared.key[1] if shared else None)

    def similar(self, name: str) -> tuple[int | None, int]:
        """The member whose name is most like ``name`` (at least ``NAME_MATCH``, the duplicate
        rules' token-sort ratio) and the score. Names are folded (case and accents aside);
        a name in a script written without spaces (Chinese, Japanese, Korean, Thai …) is also
        compared with the spaces left out, so 山田太郎 meets 山田 太郎."""
        from rapidfuzz import fuzz, process

        folded = fold(name)
        if not folded or not self.folded:
            return None, 0
        if len(self.sorted) != len(self.folded):  # token-sort, once: then a plain ratio
            self.sorted = [_sorted_words(n) for n in self.folded]
        found = [process.extractOne(_sorted_words(folded), self.sorted, scorer=fuzz.ratio,
                                    score_cutoff=NAME_MATCH)]
        compact = folded.replace(" ", "")
        if len(compact) >= 2 and _unspaced_script(compact):
            if len(self.compact) != len(self.folded):
                self.compact = [n.replace(" ", "") for n in self.folded]
            found.append(process.extractOne(compact, self.compact, scorer=fuzz.ratio,
                                            score_cutoff=NAME_MATCH))
        chosen = max((b for b in found if b is not None), key=lambda b: b[1], default=None)
        if chosen is None:
            return None, 0
        return self.owners[chosen[2]], int(round(chosen[1]))

    def likeness(self, name: str, member_id: int) -> int:
        """How alike (0–100) ``name`` and the member's name are."""
        from rapidfuzz import fuzz

        return int(round(fuzz.token_sort_ratio(fold(name),
                                               fold(self.names.get(member_id, "")))))


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def _unspaced_script(text: str) -> bool:
    """Whether ``text`` has letters of a script usually written without spaces between
    words."""
    import unicodedata

    return any(unicodedata.name(ch, "").startswith(_UNSPACED) for ch in text if ord(ch) > 0x2E7F)


_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR",
             "TIBETAN")


def _facts(person: ReportPerson, kind: ReportKind, known: bool) -> writing.Facts:
    return writing.Facts(
        name=person.name, email=person.email, registered=person.registered,
        attended=person.attended, minutes=person.minutes_attended, attendance_known=known,
        source=writing.SOURCES[kind.value], ticket_type=person.ticket_type,
        needs_text=person.needs_text, registered_at=person.registered_at,
        first_name=person.first_name, last_name=person.last_name)


def _valid_email(text: str) -> str:
    from advocate_app.domain.email import normalised_email

    return (normalised_email(text.strip()) or "") if text.strip() else ""


class WebinarReportService:
    """Import a report into a webinar; list, count and resolve what it left for review."""

    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    def import_report(self, webinar_id: int, path: Path, *, dry_run: bool = False,
                      report_timezone: str | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      should_cancel: Callable[[], bool] | None = None) -> ImportResult:
        """Read the report at ``path`` and write what it says into the webinar, all or nothing.

        ``report_timezone``: the zone the report's times are written in (default: the
        webinar's). ``progress(done, total)`` is called as people are matched; when
        ``should_cancel()`` turns true the import stops with :class:`ReportImportCancelled`
        and nothing is written. A damaged or unknown file raises ``UnreadableFileError`` (one
        translated sentence), an unknown webinar ``NotFoundError``. With ``dry_run`` the result
        is the same and nothing is written (created members have no id then). The same file
        imported again into the same webinar returns ``already_imported`` and changes nothing.
        """
        require(self._actor, Permission.RUN_EVENTS)
        webinar = self._webinar(webinar_id)
        report = self._read(Path(path), report_timezone or webinar[1], should_cancel)
        facts = writing.WebinarFacts(webinar_id, webinar[0], webinar[2])
        with self._uow() as uow:
            session = uow.session
            already = self._imported_before(session, webinar_id, report.digest)
            outcomes = self._apply(session, facts, report, Path(path).name, progress,
                                   should_cancel, write=not already)
            result = ImportResult(report.kind, Path(path).name, tuple(outcomes), dry_run,
                                  already_imported=already,
                                  attendance_known=report.attendance_known,
                                  panelists=report.panelists)
            if already or dry_run:
                uow.rollback()
                if dry_run and not already:
                    return _without_new_ids(result)
                return result
            from advocate_app.domain.webinars import WebinarReportImport

            session.add(WebinarReportImport(
                webinar_id=webinar_id, report_kind=report.kind.value,
                file_name=Path(path).name[:300], digest=report.digest,
                imported_by=self._actor.account_id))
            record(session, self._actor, AuditAction.IMPORTED, AuditSubject.WEBINAR, webinar_id,
                   count=len(outcomes), detail=report.kind.value)
            uow.commit()
        return result

    def review_items(self, webinar_id: int | None = None) -> list[ReviewItemView]:
        """The people of imported reports not yet resolved (for one webinar, or all), oldest
        first, each with the member they may be (``candidate_member_id``, name and score) when
        there is one."""
        require(self._actor, Permission.RUN_EVENTS)
        sql = ("SELECT r.id, r.webinar_id, w.title, r.report_kind, r.name, r.email, "
               "r.registered, r.attended, r.minutes_attended, r.candidate_member_id, "
               "m.given_name, m.family_name, m.preferred_name, r.score "
               "FROM webinar_review_items r JOIN webinars w ON w.id = r.webinar_id "
               "LEFT JOIN members m ON m.id = r.candidate_member_id "
               "WHERE r.resolved_at IS NULL")
        params: dict[str, object] = {}
        if webinar_id is not None:
            sql += " AND r.webinar_id = :webinar"
            params["webinar"] = webinar_id
        from advocate_app.domain.people import member_display_name

        return [ReviewItemView(
            id=row[0], webinar_id=row[1], webinar_title=row[2], report_kind=ReportKind(row[3]),
            name=row[4], email=row[5], registered=bool(row[6]), attended=bool(row[7]),
            minutes_attended=row[8], candidate_member_id=row[9],
            candidate_name=member_display_name(row[10] or "", row[11] or "", row[12] or ""),
            score=row[13]) for row in self._reader.rows(sql + " ORDER BY r.id", params)]

    def review_count(self) -> int:
        """How many people of imported reports wait for review (the dashboard's count)."""
        require(self._actor, Permission.RUN_EVENTS)
        return int(self._reader.rows(
            "SELECT COUNT(*) FROM webinar_review_items WHERE resolved_at IS NULL")[0][0])

    def resolve_review(self, item_id: int, *, member_id: int | None = None,
                       create: bool = False, leave_out: bool = False) -> ReportOutcome:
        """Settle one review item, exactly one way: ``member_id`` (this person is that
        member), ``create`` (a new member, with consent for events from the registration; needs
        a name or an email) or ``leave_out`` (nothing recorded). The chosen or new member gets
        the same registration, attendance and timeline writes as an import. Returns what was
        done (``MATCHED``, ``CREATED``, or ``UNMATCHED`` for left out)."""
        require(self._actor, Permission.RUN_EVENTS)
        if sum((member_id is not None, create, leave_out)) != 1:
            raise ValidationError({"resolution": _(
                "Choose one: the member this person is, a new member, or leave them out.")})
        from advocate_app.domain.members import Member
        from advocate_app.domain.webinars import Webinar, WebinarReviewItem

        with self._uow() as uow:
            session = uow.session
            item = session.get(WebinarReviewItem, item_id)
            if item is None:
                raise NotFoundError(_("This person is no longer waiting for review."))
            if item.resolved_at is not None:
                raise ValidationError({"resolution": _(
                    "This person was already dealt with.")})
            webinar = session.get(Webinar, item.webinar_id)
            assert webinar is not None  # the item goes with its webinar
            facts = writing.Facts(
                name=item.name, email=_valid_email(item.email), registered=item.registered,
                attended=item.attended, minutes=item.minutes_attended,
                attendance_known=item.attended or item.report_kind == "zoom_attendee",
                source=writing.SOURCES.get(item.report_kind, "typed"),
                ticket_type=item.ticket_type, needs_text=item.needs_text)
            about = writing.WebinarFacts(webinar.id, webinar.title,
                                         _held_on(webinar.starts_at))
            action = Action.UNMATCHED
            chosen: int | None = None
            if member_id is not None:
                if session.get(Member, member_id) is None:
                    raise NotFoundError(_("This member no longer exists."))
                chosen, action = member_id, Action.MATCHED
            elif create:
                if not (item.name.strip() or facts.email):
                    raise ValidationError({"resolution": _(
                        "A new member needs a name or an email address.")})
                chosen = writing.new_member(session, self._actor, about, facts,
                                            ReportKind(item.report_kind).label)
                action = Action.CREATED
            if chosen is not None:
                writing.record(session, self._actor, about, chosen, facts)
            item.resolved_at = utcnow()
            item.resolution = {Action.MATCHED: "matched", Action.CREATED: "created"}.get(
                action, "left_out")
            item.resolved_member_id = chosen
            uow.commit()
            return ReportOutcome(action, item.name, item.email, item.registered,
                                 item.attended, item.minutes_attended, member_id=chosen)

    # --- the import's steps --------------------------------------------------------------------

    def _webinar(self, webinar_id: int) -> tuple[str, str, date]:
        rows = self._reader.rows("SELECT title, timezone, starts_at FROM webinars WHERE id = :id",
                                 {"id": webinar_id})
        if not rows:
            raise NotFoundError(_("This webinar no longer exists."))
        title, zone, starts_at = rows[0]
        moment = as_utc(starts_at)
        return str(title), str(zone), moment.date() if moment else utcnow().date()

    @staticmethod
    def _read(path: Path, zone: str, should_cancel: Callable[[], bool] | None
              ) -> AttendanceReport:
        from advocate_app.interchange import attendance_reports
        from advocate_app.interchange.errors import UnreadableFileError as Unreadable
        from advocate_app.services.errors import UnreadableFileError

        try:
            return attendance_reports.read_report(path, should_cancel=should_cancel,
                                                  report_timezone=zone)
        except Unreadable as exc:
            raise UnreadableFileError(str(exc)) from exc
        except attendance_reports.ReadCancelled as exc:
            raise _cancelled() from exc

    @staticmethod
    def _imported_before(session: Session, webinar_id: int, digest: str) -> bool:
        from sqlalchemy import select

        from advocate_app.domain.webinars import WebinarReportImport

        return session.scalar(select(WebinarReportImport.id).where(
            WebinarReportImport.webinar_id == webinar_id,
            WebinarReportImport.digest == digest)) is not None

    def _apply(self, session: Session, webinar: writing.WebinarFacts, report: AttendanceReport,
               file_name: str, progress: Callable[[int, int], None] | None,
               should_cancel: Callable[[], bool] | None, *, write: bool
               ) -> list[ReportOutcome]:
        members = _Members(session)
        waiting, settled = _review_items(session, webinar.id)
        outcomes: list[ReportOutcome] = []
        total = len(report.people)
        for done, person in enumerate(report.people, start=1):
            if should_cancel is not None and should_cancel():
                raise _cancelled()
            email = _valid_email(person.email)
            clean = ReportPerson(**{**person.__dict__, "email": email})
            facts = _facts(clean, report.kind, report.attendance_known)
            action, member_id, candidate, score = _decide(members, settled, clean)
            if action is Action.MATCHED and member_id is not None:
                outcome = self._outcome(action, person, member_id)
                if write:
                    writing.record(session, self._actor, webinar, member_id, facts)
            elif action is Action.CREATED:
                new_id = writing.new_member(session, self._actor, webinar, facts,
                                            report.kind.label, file_name) if write else 0
                members.add(new_id, *writing.split_name(facts), "", [email])
                outcome = self._outcome(action, person, new_id or None)
                if write:
                    writing.record(session, self._actor, webinar, new_id, facts)
            else:
                outcome = self._outcome(action, person, None, candidate, members, score)
                if write and member_id is None and candidate != _LEFT_OUT:
                    _keep_for_review(session, webinar.id, report.kind, clean, candidate,
                                     score, waiting)
            outcomes.append(outcome)
            if progress is not None:
                progress(done, total)
        if write:
            session.flush()
        return outcomes

    @staticmethod
    def _outcome(action: ReportOutcome.Action, person: ReportPerson, member_id: int | None,
                 candidate: int | None = None, members: _Members | None = None,
                 score: int = 0) -> ReportOutcome:
        return ReportOutcome(
            action, person.name, person.email, person.registered, person.attended,
            person.minutes_attended, member_id=member_id,
            candidate_name=members.names.get(candidate, "") if members and candidate else "",
            score=score)


#: A person left out on an earlier review: neither matched nor asked about again.
_LEFT_OUT = -1


def _decide(members: _Members, settled: dict[tuple[str, str], int | None],
            person: ReportPerson) -> tuple[ReportOutcome.Action, int | None, int | None, int]:
    """(what to do, the member, the candidate for review, its score) for one person."""
    same, shared = members.by_email(person)
    key = (person.email.casefold(), fold(person.name))
    if same is None and key in settled:  # settled on an earlier review: the same answer
        earlier = settled[key]
        if earlier is None:
            return Action.UNMATCHED, None, _LEFT_OUT, 0
        same = earlier
    if same is not None:
        return Action.MATCHED, same, None, 0
    if shared is not None:  # a shared (family) address under another given name
        return Action.REVIEW, None, shared, members.likeness(person.name, shared)
    candidate, score = members.similar(person.name)
    if candidate is not None:
        return Action.REVIEW, None, candidate, score
    if person.email:
        return Action.CREATED, None, None, 0
    return Action.UNMATCHED, None, None, 0


def _held_on(starts_at: datetime) -> date:
    return starts_at.date()


def _cancelled() -> ReportImportCancelled:
    return ReportImportCancelled(_("The import was stopped; nothing was imported."))


def _without_new_ids(result: ImportResult) -> ImportResult:
    from dataclasses import replace

    return replace(result, outcomes=tuple(
        replace(o, member_id=None) if o.action is Action.CREATED else o
        for o in result.outcomes))


def _review_items(session: Session, webinar_id: int
                  ) -> tuple[dict[tuple[str, str], object], dict[tuple[str, str], int | None]]:
    """The webinar's review items by (email, folded name): those waiting (a person met again
    in another report updates their item rather than adding one), and those settled (the
    member chosen or made, None when left out), so nobody is asked about twice."""
    from sqlalchemy import select

    from advocate_app.domain.webinars import WebinarReviewItem

    waiting: dict[tuple[str, str], object] = {}
    settled: dict[tuple[str, str], int | None] = {}
    for item in session.scalars(select(WebinarReviewItem).where(
            WebinarReviewItem.webinar_id == webinar_id).order_by(WebinarReviewItem.id)):
        key = (item.email.casefold(), fold(item.name))
        if item.resolved_at is None:
            waiting[key] = item
        elif item.resolution == "left_out":
            settled[key] = None
        elif item.resolved_member_id is not None:
            settled[key] = item.resolved_member_id
    return waiting, settled


def _keep_for_review(session: Session, webinar_id: int, kind: ReportKind, person: ReportPerson,
                     candidate: int | None, score: int, waiting: dict) -> None:
    from advocate_app.domain.webinars import WebinarReviewItem

    key = (person.email.casefold(), fold(person.name))
    item = waiting.get(key)
    if item is None:
        item = waiting[key] = WebinarReviewItem(
            webinar_id=webinar_id, report_kind=kind.value, name=person.name[:300],
            email=person.email[:320], registered=False, attended=False, minutes_attended=0,
            ticket_type=person.ticket_type[:100], needs_text=person.needs_text,
            candidate_member_id=candidate, score=score)
        session.add(item)
    item.registered = item.registered or person.registered
    item.attended = item.attended or person.attended
    item.minutes_attended = max(item.minutes_attended or 0, person.minutes_attended)
    if kind is ReportKind.ZOOM_ATTENDEE:
        item.report_kind = kind.value
    if not item.needs_text and person.needs_text:
        item.needs_text = person.needs_text
