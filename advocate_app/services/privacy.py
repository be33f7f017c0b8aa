"""Privacy rights: everything we hold about a member, erasure, and a retention rule.

Erasure removes what identifies a person everywhere and keeps what only counts (roles, country,
age band, conditions' codes, consent answers without their evidence, webinar registrations and
attendance, session participations, feedback ratings), so the group's anonymous figures stay
right; the stories they told lose their words, files and every consent
(``services/privacy_events.py``). Who erased, and when, is recorded on the member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.people import Actor
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_list
from advocate_app.services.access import require
from advocate_app.services.audit import record, record_alone
from advocate_app.services.errors import NotFoundError, ServiceError
from advocate_app.services.name_order import name_order
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.services.consent import ConsentService
    from advocate_app.services.members import MemberService
    from advocate_app.services.timeline import TimelineService

_ERASED_TEXT = ("given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
                "address", "postcode", "region", "notes", "contact_times", "sign_language",
                "barrier_notes")


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure did, in plain sentences."""

    member_id: int
    sentences: tuple[str, ...]

    @property
    def summary(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class RetentionCandidate:
    id: int
    name: str
    last_changed: datetime | None


class PrivacyService:
    def __init__(self, uow: UnitOfWorkFactory, actor: Actor, members: MemberService,
                 consent: ConsentService, timeline: TimelineService,
                 files_dir: Path | None = None, backup_dir: Path | None = None) -> None:
        self._uow = uow
        #: Where stories' recordings and photos are kept (erasure deletes the teller's).
        self._files_dir = files_dir
        #: Where copies of the database are kept (erasure names those that still hold them).
        self._backup_dir = backup_dir
        self._actor = actor
        self._members = members
        self._consent = consent
        self._timeline = timeline

    def everything_we_hold(self, member_id: int) -> dict:
        """All data about the member, health details included, ready for JSON (a subject
        access request: administrators only, written to the audit log)."""
        require(self._actor, Permission.PRIVACY)
        data = self._everything(member_id)
        record_alone(self._uow, self._actor, AuditAction.SUBJECT_ACCESS_REPORT,
                     AuditSubject.MEMBER, member_id)
        return data

    def merge_snapshot(self, member_id: int) -> dict:
        """Everything held about a record a merge is about to remove, kept with the merge
        (see ``DuplicateService.merge``): for those who may merge members."""
        require(self._actor, Permission.EDIT_MEMBERS)
        return self._everything(member_id)

    def _everything(self, member_id: int) -> dict:
        from advocate_app.interchange.member_export import COLUMNS, as_plain
        from advocate_app.services import member_changes

        member = member_changes.get(self._uow, member_id)
        data = {column: as_plain(member, column) for column in COLUMNS}
        data["consent_history"] = [
            {"purpose": r.purpose.value, "answer": r.status.value, "method": r.method.value,
             "date": r.effective_on.isoformat(),
             "expires_on": r.expires_on.isoformat() if r.expires_on else None,
             "evidence": r.evidence, "recorded_at": r.recorded_at.isoformat(),
             "recorded_by": r.recorded_by}
            for r in self._consent.history(member_id)]
        data["timeline"] = [
            {"date": e.occurred_on.isoformat(), "kind": e.kind.value, "summary": e.summary,
             "recorded_by": e.recorded_by} for e in self._timeline.timeline(member_id)]
        data["relationships"] = [r.label for r in self._timeline.relationships(member_id)]
        from advocate_app.services import privacy_events, privacy_traces

        data.update(privacy_events.held(self._members.reader, member_id))
        data.update(privacy_traces.held(self._members.reader, member_id))
        data["merged_records"] = privacy_events.merged_records(self._members.reader, member_id)
        data["prepared_on"] = date.today().isoformat()
        return data

    def write_everything_we_hold(self, member_id: int, path: Path, kind: str = "html", *,
                                 json_beside: bool = False) -> list[Path]:
        """Write everything we hold about the member to ``path``: a readable web page
        (``kind="html"``) or JSON; with ``json_beside`` the JSON too, next to the page (same
        name, ``.json``), both from one reading. Returns the files written."""
        require(self._actor, Permission.PRIVACY)
        from advocate_app.interchange.subject_access import write_subject_access

        data = self._everything(member_id)
        write_subject_access(data, path, kind)
        written = [path]
        if json_beside:
            written.append(path.with_suffix(".json"))
            write_subject_access(data, written[-1], "json")
        record_alone(self._uow, self._actor, AuditAction.SUBJECT_ACCESS_REPORT,
                     AuditSubject.MEMBER, member_id, count=len(written), detail=kind)
        return written

    def erase(self, member_id: int) -> ErasureResult:
        """Remove everything that identifies the member; keep what only counts; then clear
        the old copies the database file keeps. Says what was done, in plain sentences (and
        which backups still hold the person)."""
        result = self._erase(member_id)
        return ErasureResult(member_id, (*result.sentences, *self._clear_old_copies()))

    def _erase(self, member_id: int) -> ErasureResult:
        require(self._actor, Permission.PRIVACY)
        from sqlalchemy import update

        from advocate_app.domain.base import utcnow
        from advocate_app.domain.consent import ConsentRecord
        from advocate_app.domain.engagement import Engagement
        from advocate_app.domain.members import Member
        from advocate_app.domain.merges import MemberMerge
        from advocate_app.services import privacy_events, privacy_traces

        with self._uow() as uow:
            member = uow.session.get(Member, member_id)
            if member is None:
                raise NotFoundError(_("This member no longer exists."))
            label = _("Erased member {id}").format(id=member_id)
            names, namesake = privacy_traces.names_of(uow.session, member_id)
            now = utcnow()
            for name in _ERASED_TEXT:
                setattr(member, name, "")
            member.preferred_name = label
            member.date_of_birth = None
            member.tags = []
            member.contacts = []  # every email address and phone number, not just the first
            member.channels = []
            # A condition's code still counts; a free-text name may identify someone.
            member.conditions = [c for c in member.conditions if c.orpha_code]
            for condition in member.conditions:
                condition.name = f"ORPHA:{condition.orpha_code}"
            member.archived_at = member.archived_at or now
            member.erased_at = now
            member.erased_by = self._actor.account_id
            member.updated_at = now
            member.updated_by = self._actor.account_id
            member.refresh_derived()
            uow.session.execute(update(ConsentRecord).where(
                ConsentRecord.member_id == member_id).values(evidence=""))
            uow.session.execute(update(Engagement).where(
                Engagement.member_id == member_id).values(summary=""))
            # A record merged into theirs was the same person: its copy goes too.
            uow.session.execute(update(MemberMerge).where(
                MemberMerge.kept_id == member_id).values(merged_snapshot="{}"))
            events = privacy_events.erase(uow.session, self._actor, member_id, self._files_dir)
            record(uow.session, self._actor, AuditAction.ERASED, AuditSubject.MEMBER, member_id)
            boards = privacy_traces.erase(uow.session, member_id, label)
            uow.session.flush()
            named = privacy_traces.replace_names(uow.session, names, label)
            uow.commit()
        for copy in events.files:  # only once the erasure is saved
            copy.unlink(missing_ok=True)
        said = [_("Name, contact details, notes and health details removed; only anonymous "
                  "counts remain."), *events.sentences(), *boards]
        if named:
            said.append(ngettext(
                "Their name or contact details, written in {n} other record (minutes, an "
                "agenda, an outreach item …), replaced by “{label}”.",
                "Their name or contact details, written in {n} other records (minutes, "
                "agendas, outreach items …), replaced by “{label}”.", named).format(
                n=named, label=label))
        if namesake:
            said.append(_("Another member has the same name, so where it is written (minutes, "
                          "notes …) it was left as it is: check those by hand."))
        return ErasureResult(member_id, tuple(said))

    def _clear_old_copies(self) -> list[str]:
        """After erasing: no old copy left in the database file or its write-ahead log;
        the backups made before (which still hold the person) named, with how to remove
        them."""
        from advocate_app.storage.scrub import ScrubError, clear_old_copies

        said = []
        try:
            clear_old_copies(self._uow.engine)
        except ScrubError:
            said.append(_("The database file could not be cleared of old copies just now "
                          "(another program is using it): erase again later to finish."))
        warning = self.backup_warning()
        if warning:
            said.append(warning)
        return said

    def backup_warning(self) -> str | None:
        """A plain warning naming the backups made before the latest erasure; None when
        there are none."""
        require(self._actor, Permission.PRIVACY)
        held = self.backups_before_erasure()
        if held:
            return ngettext(
                "{n} backup made before this erasure still holds the person: {names}. "
                "Remove it with “advocate-app privacy purge-backups --yes”, or in the window: "
                "Members, More, Retention and research…, Old backups.",
                "{n} backups made before this erasure still hold the person: {names}. "
                "Remove them with “advocate-app privacy purge-backups --yes”, or in the "
                "window: Members, More, Retention and research…, Old backups.", len(held)).format(
                n=len(held), names=format_list(p.name for p in held))
        return None

    def backups_before_erasure(self) -> list[Path]:
        """The backup files (upgrade and automatic backups alike) made before the latest
        erasure: they may still hold the people erased. Oldest first."""
        require(self._actor, Permission.PRIVACY)
        from advocate_app.storage.reader import as_utc

        if self._backup_dir is None or not self._backup_dir.is_dir():
            return []
        latest = as_utc(self._members.reader.rows("SELECT max(erased_at) FROM members")[0][0])
        if latest is None:
            return []
        found = []
        for path in self._backup_dir.rglob("*"):
            if path.is_symlink() or not path.is_file():
                continue
            made = _made_at(path)
            if made < latest:
                found.append((made, path))
        return [path for _made, path in sorted(found)]

    def purge_backups(self) -> list[Path]:
        """Delete the backups made before the latest erasure (see
        :meth:`backups_before_erasure`); the files removed."""
        require(self._actor, Permission.PRIVACY)
        removed = []
        for path in self.backups_before_erasure():
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise ServiceError(_("The backup {path} cannot be deleted: {reason}.").format(
                    path=path, reason=exc.strerror or exc)) from exc
            removed.append(path)
        return removed

    def retention_candidates(self, years: int, today: date | None = None
                             ) -> list[RetentionCandidate]:
        """Members unchanged and not engaged for ``years``, with no valid consent for
        anything, no place on a webinar still to come and no story whose consent is in force
        (erasing would withdraw it without them asking): a dry run."""
        require(self._actor, Permission.PRIVACY)
        today = today or date.today()
        cutoff = datetime.combine(today - timedelta(days=round(365.25 * years)),
                                  datetime.min.time())
        sql = ("SELECT m.id, m.given_name, m.family_name, m.preferred_name, m.updated_at "
               "FROM members m WHERE m.erased_at IS NULL AND m.updated_at < :cutoff "
               "AND NOT EXISTS (SELECT 1 FROM engagements e WHERE e.member_id = m.id "
               "AND e.occurred_on >= :cutoff_day) "
               f"AND NOT {valid_consent_sql_any()} AND NOT {_events_ahead_sql()} "
               f"ORDER BY {name_order(self._members.reader, large=True)}, m.id")
        rows = self._members.reader.rows(sql, {"cutoff": cutoff.isoformat(sep=" "),
                                                "cutoff_day": cutoff.date().isoformat(),
                                                "consent_today": today.isoformat()})
        from advocate_app.domain.people import member_display_name
        from advocate_app.storage.reader import as_utc

        return [RetentionCandidate(i, member_display_name(g, f, p), as_utc(u))
                for i, g, f, p, u in rows]

    def apply_retention(self, years: int, today: date | None = None) -> int:
        require(self._actor, Permission.PRIVACY)
        return self.erase_all([c.id for c in self.retention_candidates(years, today)])

    def erase_all(self, member_ids: list[int]) -> int:
        """Erase each member (see :meth:`erase`), clearing the database file's old copies
        once at the end; how many were erased."""
        require(self._actor, Permission.PRIVACY)
        for member_id in member_ids:
            self._erase(member_id)
        if member_ids:
            self._clear_old_copies()
        return len(member_ids)


def _made_at(path: Path) -> datetime:
    """When a backup's data was taken: the time in its name (``advocate-YYYYmmdd-HHMMSS-ffffff-
    …``, local time; a file converted or copied since keeps it) or its file's time, whichever
    is earlier."""
    from datetime import UTC

    made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    parts = path.name.split("-")
    if len(parts) >= 4:
        try:
            named = datetime.strptime("-".join(parts[1:4]), "%Y%m%d-%H%M%S-%f").astimezone(UTC)
        except ValueError:
            return made
        return min(made, named)
    return made


def valid_consent_sql_any() -> str:
    """SQL condition on members ``m``: valid consent today for at least one purpose."""
    return (
        "EXISTS (SELECT 1 FROM consent_records c WHERE c.member_id = m.id "
        "AND c.status = 'granted' AND (c.expires_on IS NULL OR c.expires_on >= :consent_today) "
        "AND NOT EXISTS (SELECT 1 FROM consent_records n WHERE n.member_id = c.member_id "
        "AND n.purpose = c.purpose AND (n.effective_on > c.effective_on "
        "OR (n.effective_on = c.effective_on AND n.id > c.id))))"
    )


def _events_ahead_sql() -> str:
    """SQL condition on members ``m``: registered (or waiting) for, or presenting, a webinar
    still to come; taking part in or leading a story-sharing session still to come; or the
    teller of a story consented for some use today."""
    return (
        "(EXISTS (SELECT 1 FROM webinar_registrations r JOIN webinars w ON w.id = r.webinar_id "
        "WHERE r.member_id = m.id AND r.status IN ('registered', 'waitlisted') "
        "AND w.status <> 'cancelled' AND w.starts_at >= :consent_today) "
        "OR EXISTS (SELECT 1 FROM webinar_presenters p JOIN webinars w ON w.id = p.webinar_id "
        "WHERE p.member_id = m.id AND w.status <> 'cancelled' "
        "AND w.starts_at >= :consent_today) "
        "OR EXISTS (SELECT 1 FROM story_sessions ss WHERE ss.cancelled_at IS NULL "
        "AND ss.starts_at >= :consent_today AND (ss.facilitator_id = m.id OR EXISTS ("
        "SELECT 1 FROM story_session_participants sp WHERE sp.session_id = ss.id "
        "AND sp.member_id = m.id))) "
        "OR EXISTS (SELECT 1 FROM stories s JOIN story_consents c ON c.story_id = s.id "
        "WHERE s.teller_id = m.id AND s.archived_at IS NULL AND c.status = 'granted' "
        "AND c.effective_on <= :consent_today "
        "AND (c.expires_on IS NULL OR c.expires_on >= :consent_today) "
        "AND NOT EXISTS (SELECT 1 FROM story_consents n WHERE n.story_id = c.story_id "
        "AND n.channel = c.channel AND n.effective_on <= :consent_today "
        "AND (n.effective_on > c.effective_on OR (n.effective_on = c.effective_on "
        "AND n.id > c.id)))))"
    )
