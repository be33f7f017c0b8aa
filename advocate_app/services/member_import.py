"""Importing members from the files small groups really have.

One call reads the file, maps its columns, checks every row, finds duplicates (within the file
and against the database) and writes everything in ONE transaction: all chosen rows land, or
none. The report says, row by row, what happened and why.

The work is split by feature: ``member_import_rows`` reads each row into a person,
``member_import_workers`` shares a big file between processes, ``member_import_matching``
finds who is already here, ``member_import_writing`` writes, and ``member_import_report``
holds the options and the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.base import utcnow
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.text import fold
from advocate_app.i18n import _
from advocate_app.i18n.formatting import format_items
from advocate_app.interchange import errors as interchange_errors

# What the import wizard names: the fields a column can fill, the numbered contact columns and
# the first guess at what each column holds (the service is the window's only door to them).
from advocate_app.interchange.member_columns import MORE_CONTACTS as MORE_CONTACTS
from advocate_app.interchange.member_columns import TARGETS as TARGETS
from advocate_app.interchange.member_columns import guess_mapping as guess_mapping
from advocate_app.interchange.tables import Table, detect_format, read_csv, read_xlsx
from advocate_app.services import timeline
from advocate_app.services.access import require
from advocate_app.services.audit import record
from advocate_app.services.duplicate_rules import Known
from advocate_app.services.duplicate_rules import values_of as contact_values
from advocate_app.services.errors import UnreadableFileError
from advocate_app.services.member_import_matching import describe, existing_index, member_id_of
from advocate_app.services.member_import_report import (
    ImportCancelled,
    ImportOptions,
    ImportReport,
    OnDuplicate,
    RowOutcome,
)
from advocate_app.services.member_import_rows import Person
from advocate_app.services.member_import_workers import ProcessStart, read_all
from advocate_app.services.member_import_writing import (
    fill,
    mailing_list_consent,
    record_newsletter,
    write,
)
from advocate_app.storage.unit_of_work import UnitOfWork, UnitOfWorkFactory

PROGRESS_EVERY = 1000


def read_member_file(path: Path, options: ImportOptions) -> Table:
    """The file's rows as a table; ``UnreadableFileError`` (one sentence) when it cannot be
    read as a file of people."""
    try:
        return _read_table(path, options)
    except interchange_errors.UnreadableFileError as error:
        raise UnreadableFileError(str(error)) from error


def _read_table(path: Path, options: ImportOptions) -> Table:
    if not path.exists():  # a folder, a FIFO or a device is refused by the reader
        raise UnreadableFileError(_("There is no file at {path}.").format(path=path))
    kind = detect_format(path) if options.format == "auto" else options.format
    if kind == "xlsx":
        return read_xlsx(path)
    if kind == "vcard":
        from advocate_app.interchange.vcard import read_vcards

        return read_vcards(path, options.encoding)
    if kind == "csv":
        return read_csv(path, options.encoding, options.delimiter)
    raise UnreadableFileError(_("“{format}” is not a format Advocate imports.").format(
        format=kind))


def import_members(uow: UnitOfWorkFactory, actor: Actor, path: Path,
                   options: ImportOptions | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None, *,
                   processes: ProcessStart = ProcessStart.SPAWN) -> ImportReport:
    """Import the members of the file at ``path`` as ``options`` say.

    A big file is read by several processes started as ``processes`` says: ``FORK`` from the
    command line, ``SPAWN`` (the default, safe everywhere) while the window is open.
    """
    require(actor, Permission.IMPORT_EXPORT)
    options = options if options is not None else ImportOptions()
    table = read_member_file(path, options)
    newsletter = mailing_list_consent(table.headers)
    mapping = options.mapping if options.mapping is not None else guess_mapping(table.headers)
    if not set(mapping.values()) & {"given_name", "family_name", "full_name", "email"}:
        raise UnreadableFileError(
            _("No column of this file holds names or email addresses (its columns are: "
              "{columns}); nothing was imported.").format(columns=format_items(table.headers)))
    report = ImportReport(
        file=str(path), format=table.format, encoding=table.encoding,
        delimiter={"\t": "tab"}.get(table.delimiter, table.delimiter),
        mapping={table.headers[i] if i < len(table.headers) else str(i): t
                 for i, t in sorted(mapping.items()) if t in TARGETS},
        unmapped=[h for i, h in enumerate(table.headers) if i not in mapping and h],
        dry_run=options.dry_run, newsletter=newsletter[0] if newsletter else "")
    total = len(table.rows)
    from advocate_app.storage.member_bulk import lock_for_new_members

    if progress is not None:
        progress(0, total)
    people = read_all(table, mapping, processes)
    with uow() as work:
        session = work.session
        # Another import at the same time waits here until this one ends (and then matches
        # its rows against the people this one brought in).
        lock_for_new_members(session)
        index = existing_index(session)
        new_people: list[Person] = []
        merges: dict[int, list[Person]] = {}  # existing member id -> people merged into it
        new_merges: dict[int, list[Person]] = {}  # new person index -> people merged into it
        for position, read in enumerate(people):
            if position % PROGRESS_EVERY == 0:
                _check(should_cancel, work)
                if progress is not None:
                    progress(position, total)
            if isinstance(read, RowOutcome):
                if read.outcome == "empty":
                    report.empty_rows += 1
                else:
                    report.rows.append(read)
                continue
            same, shared = index.match(read.contact)
            review = ""
            if shared is not None:
                review = _("Shares an email address with {other}, who looks like a different "
                           "person: check whether this is a family address.").format(
                    other=describe(shared, new_people))
            if same is not None and options.on_duplicate is OnDuplicate.SKIP:
                report.rows.append(RowOutcome(read.row, "skipped", read.name, member_id_of(same),
                                              reasons=(_("Already here: {other}.").format(
                                                  other=describe(same, new_people)),),
                                              warnings=tuple(read.warnings)))
                continue
            if same is not None and options.on_duplicate is OnDuplicate.MERGE:
                kind, key = same.key
                (merges if kind == "db" else new_merges).setdefault(key, []).append(read)
                report.rows.append(RowOutcome(
                    read.row, "merged", read.name, key if kind == "db" else None,
                    reasons=((_("Would be merged into {other}.") if options.dry_run
                              else _("Merged into {other}.")).format(
                        other=describe(same, new_people)),), warnings=tuple(read.warnings)))
                continue
            if same is not None:
                review = review or (
                    _("Possibly the same person as {other}; would be created anyway as asked.")
                    if options.dry_run else
                    _("Possibly the same person as {other}; created anyway as asked.")).format(
                    other=describe(same, new_people))
            elif not review and (namesake := index.namesake(read.contact)) is not None:
                review = _("Has the same name as {other}: check whether they are the same "
                           "person.").format(other=describe(namesake, new_people))
            contact = read.contact
            known = Known(("new", len(new_people)),
                           fold(member_display_name(contact.given_name,
                                                    contact.family_name, "")),
                           fold(contact.given_name), read.name)
            index.add(known, contact_values(contact, "email"), contact_values(contact, "phone"),
                      contact.postcode)
            new_people.append(read)
            report.rows.append(RowOutcome(read.row, "created", read.name,
                                          warnings=tuple(read.warnings), review=review))
        _check(should_cancel, work)
        for key, extra in new_merges.items():
            for person in extra:
                new_people[key].data = fill(new_people[key].data, person.data)
        report.started_at = utcnow()
        ids, changed = write(session, actor, new_people, merges)
        timeline.imported(session, actor, Path(path).name, ids.values(), changed)
        if newsletter is not None:
            merged = {person.row: member_id for member_id, extra in merges.items()
                      for person in extra}
            if newsletter[0] == "withdrawn":
                # A withdrawal is honoured even for people skipped as already here.
                merged.update({r.row: r.member_id for r in report.rows
                              if r.outcome == "skipped" and r.member_id is not None})
            report.consent_recorded = record_newsletter(
                session, actor, newsletter, table, path, ids, merged)
        report.rows = [replace(r, member_id=ids.get(r.row, r.member_id))
                       if r.outcome == "created" else r for r in report.rows]
        _check(should_cancel, work)
        if progress is not None:
            progress(total, total)
        if options.dry_run:
            work.rollback()
            report.rows = [replace(r, member_id=None) if r.outcome == "created" else r
                           for r in report.rows]
        else:
            record(session, actor, AuditAction.IMPORTED, AuditSubject.MEMBERS,
                   count=report.created + report.merged, detail=table.format)
            work.commit()
    return report


def _check(should_cancel: Callable[[], bool] | None, work: UnitOfWork) -> None:
    if should_cancel is not None and should_cancel():
        work.rollback()
        raise ImportCancelled()
