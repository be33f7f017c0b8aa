"""Importing feedback from an online form's export: the file read by
``interchange/feedback_forms.py``, each answer matched to a member by email (any of their
addresses, case aside), and every new answer written in one transaction. Each answer carries a
digest of what it says, so importing the same file again adds nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.community import EngagementKind
from advocate_app.domain.feedback_views import (
    RATING_MAX,
    EventChoice,
    FeedbackImportReport,
    FeedbackSource,
)
from advocate_app.domain.people import Actor
from advocate_app.i18n import _, mid_sentence
from advocate_app.services import timeline
from advocate_app.services.audit import record
from advocate_app.services.errors import ServiceError, UnreadableFileError
from advocate_app.storage.reader import Reader
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

_BATCH = 400


def timeline_summary(event: EventChoice, rating: int) -> str:
    """The line a member's timeline gets for their feedback on ``event``."""
    if rating:
        return _("Gave feedback on {kind} “{title}” (rated {rating} of {most})").format(
            kind=mid_sentence(event.event_kind.label), title=event.title, rating=rating,
            most=RATING_MAX)
    return _("Gave feedback on {kind} “{title}”").format(kind=mid_sentence(event.event_kind.label),
                                                         title=event.title)



class ImportCancelled(ServiceError):
    """The person stopped the import; nothing was imported."""


def import_key(event: EventChoice, digest_text: str) -> str:
    text = f"{event.event_kind.value}\x1e{event.event_id}\x1e{digest_text}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def members_by_email(reader: Reader, emails: set[str]) -> dict[str, int]:
    """Lower-cased email -> member id, for addresses exactly one current member has (as their
    main address or any other)."""
    owners: dict[str, set[int]] = {}
    wanted = sorted(emails)
    for start in range(0, len(wanted), _BATCH):
        chunk = wanted[start:start + _BATCH]
        names = {f"e{i}": value for i, value in enumerate(chunk)}
        marks = ", ".join(f":{name}" for name in names)
        rows = reader.rows(
            f"SELECT id, lower(email) FROM members WHERE lower(email) IN ({marks}) "
            "AND archived_at IS NULL AND erased_at IS NULL "
            "UNION SELECT c.member_id, lower(c.value) FROM member_contacts c JOIN members m "
            f"ON m.id = c.member_id WHERE c.kind = 'email' AND lower(c.value) IN ({marks}) "
            "AND m.archived_at IS NULL AND m.erased_at IS NULL", names)
        for member_id, email in rows:
            owners.setdefault(email, set()).add(member_id)
    return {email: next(iter(ids)) for email, ids in owners.items() if len(ids) == 1}


def import_answers(uow_factory: UnitOfWorkFactory, reader: Reader, actor: Actor,
                   event: EventChoice, path: Path, *, dry_run: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> FeedbackImportReport:
    from advocate_app.interchange.errors import UnreadableFileError as Unreadable
    from advocate_app.interchange.feedback_forms import read_answers

    try:
        answers = read_answers(path)
    except Unreadable as exc:
        raise UnreadableFileError(str(exc)) from exc
    report = FeedbackImportReport(path.name, answers.form, rows=len(answers.rows)
                                  + answers.empty + len(answers.problems), empty=answers.empty,
                                  dry_run=dry_run, problems=list(answers.problems))
    emails = {row.email.lower() for row in answers.rows if row.email}
    owners = members_by_email(reader, emails) if emails else {}
    keys = [import_key(event, row.digest_text) for row in answers.rows]
    known = _known_keys(reader, set(keys))

    from advocate_app.domain.feedback import FeedbackResponse

    with uow_factory() as uow:
        entries: list[tuple[int, str]] = []
        total = len(answers.rows)
        for done, (row, key) in enumerate(zip(answers.rows, keys, strict=True), start=1):
            if should_cancel is not None and should_cancel():
                raise ImportCancelled(_("The import was stopped; nothing was imported."))
            if key in known:
                report.already_imported += 1
                continue
            known.add(key)  # the same answer twice in one file is one answer
            member_id = owners.get(row.email.lower()) if row.email else None
            if member_id is not None:
                report.matched_members += 1
            elif row.email:
                report.unmatched_emails += 1
            report.added += 1
            if dry_run:
                continue
            uow.session.add(FeedbackResponse(
                event_kind=event.event_kind.value, event_id=event.event_id,
                member_id=member_id, rating=row.rating, worked=row.worked, change=row.change,
                comments=row.comments, may_contact=row.may_contact,
                source=FeedbackSource.IMPORTED.value, received_on=row.received_on
                or event.held_on, import_key=key, recorded_by=actor.account_id))
            if member_id is not None:
                entries.append((member_id, timeline_summary(event, row.rating)))
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
        if dry_run:
            uow.rollback()
            return report
        timeline.write(uow.session, EngagementKind.EVENT, entries,
                       recorded_by=actor.account_id, occurred_on=event.held_on)
        record(uow.session, actor, AuditAction.IMPORTED, AuditSubject.FEEDBACK,
               event.event_id, count=report.added, detail=event.event_kind.value)
        uow.commit()
    return report


def _known_keys(reader: Reader, keys: set[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(keys)
    for start in range(0, len(wanted), _BATCH):
        chunk = wanted[start:start + _BATCH]
        names = {f"k{i}": value for i, value in enumerate(chunk)}
        marks = ", ".join(f":{name}" for name in names)
        found |= {r[0] for r in reader.rows(
            f"SELECT import_key FROM feedback_responses WHERE import_key IN ({marks})", names)}
    return found
