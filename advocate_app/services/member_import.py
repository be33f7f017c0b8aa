"""Importing members from the files small groups really have.

One call reads the file, maps its columns, checks every row, finds duplicates (within the file
and against the database) and writes everything in ONE transaction: all chosen rows land, or
none. The report says, row by row, what happened and why.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path

from advocate_app.domain.base import utcnow
from advocate_app.domain.community import AccessNeed, AgeBand, Barrier, Channel, PrintFormat
from advocate_app.domain.member_views import ConditionInput, ContactInput, MemberInput
from advocate_app.domain.people import (
    Actor,
    Role,
    member_display_name,
    member_search_text,
    member_sort_key,
)
from advocate_app.domain.text import fold
from advocate_app.i18n import _
from advocate_app.interchange import member_values as values
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.member_columns import MORE_CONTACTS, TARGETS, guess_mapping
from advocate_app.interchange.tables import Table, detect_format, read_csv, read_xlsx
from advocate_app.services import timeline
from advocate_app.services.duplicate_rules import Known as _Known
from advocate_app.services.duplicate_rules import PeopleIndex as _Index
from advocate_app.services.duplicate_rules import values_of as _values
from advocate_app.services.errors import ValidationError
from advocate_app.services.member_validation import arrange_contacts, clean_member_input
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

PROGRESS_EVERY = 1000
PARALLEL_FROM = 5000  # rows; smaller files are read in this process


class OnDuplicate(enum.StrEnum):
    SKIP = "skip"
    MERGE = "merge"
    CREATE = "create"


class ImportCancelled(Exception):
    """The import was cancelled; nothing was written."""


@dataclass(frozen=True)
class ImportOptions:
    format: str = "auto"
    encoding: str | None = None
    delimiter: str | None = None
    on_duplicate: OnDuplicate = OnDuplicate.SKIP
    dry_run: bool = False
    mapping: dict[int, str] | None = None  # column index -> field; guessed when None


@dataclass(frozen=True)
class RowOutcome:
    row: int
    outcome: str  # created | merged | skipped | invalid
    name: str = ""
    member_id: int | None = None
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    review: str = ""


@dataclass
class ImportReport:
    file: str
    format: str
    encoding: str
    delimiter: str
    mapping: dict[str, str]
    unmapped: list[str]
    dry_run: bool
    rows: list[RowOutcome] = field(default_factory=list)
    empty_rows: int = 0
    #: When the import wrote: every member it created or changed was updated at or after it.
    started_at: datetime | None = None
    #: A mailing-list export: "granted" or "withdrawn" (newsletter), and for how many members
    #: that answer was recorded (none when their newest answer already said so).
    newsletter: str = ""
    consent_recorded: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def created(self) -> int:
        return self.count("created")

    @property
    def merged(self) -> int:
        return self.count("merged")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def invalid(self) -> int:
        return self.count("invalid")

    @property
    def flagged(self) -> int:
        return sum(1 for row in self.rows if row.review)

    @property
    def warnings(self) -> int:
        return sum(len(row.warnings) for row in self.rows)

    def to_json(self) -> str:
        data = {
            "file": self.file, "format": self.format, "encoding": self.encoding,
            "delimiter": self.delimiter, "dry_run": self.dry_run,
            "counts": {"created": self.created, "merged": self.merged,
                       "skipped": self.skipped, "invalid": self.invalid,
                       "flagged_for_review": self.flagged, "warnings": self.warnings,
                       "empty_rows": self.empty_rows},
            "newsletter_consent": {"answer": self.newsletter,
                                   "recorded_for": self.consent_recorded},
            "mapping": self.mapping, "unmapped_columns": self.unmapped,
            "rows": [asdict(row) for row in self.rows],
        }
        return json.dumps(data, ensure_ascii=False, indent=2, default=list)


def read_member_file(path: Path, options: ImportOptions) -> Table:
    if not path.is_file():
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


# --- one row ------------------------------------------------------------------------------


class _Person:
    """A row read into a member. From a worker it arrives packed (plain tuples); the full
    ``MemberInput`` is only built if something needs it (a merge), not for every row."""

    def __init__(self, row: int, data: MemberInput | None, warnings: list[str],
                 derived: tuple[str, str] | None = None, packed: tuple | None = None):
        self.row = row
        self._data = data
        self._packed = packed
        self.warnings = warnings
        self.derived = derived  # (sort_name, search_text)
        self._contact = None

    @property
    def data(self) -> MemberInput:
        if self._data is None:
            self._data = _unpack_input(self._packed)
            self._packed = None
        return self._data

    @data.setter
    def data(self, value: MemberInput) -> None:
        self._data, self._packed, self.derived = value, None, None

    @property
    def contact(self):
        """Name and contact details, enough to look for duplicates."""
        if self._packed is not None:
            if self._contact is None:
                self._contact = _Contact(*(self._packed[i] for i in _CONTACT_POSITIONS))
            return self._contact
        return self._data

    def field(self, name: str):
        """One field as the database stores it (enums as codes)."""
        if self._packed is not None:
            return self._packed[_POSITION[name]]
        value = getattr(self._data, name)
        return value.value if hasattr(value, "value") else value

    @property
    def name(self) -> str:
        contact = self.contact
        return member_display_name(contact.given_name, contact.family_name,
                                   contact.preferred_name)

    def sort_and_search(self) -> tuple[str, str]:
        if self.derived is None:
            d = self.data
            self.derived = (member_sort_key(d.given_name, d.family_name, d.preferred_name),
                            member_search_text(d.given_name, d.family_name, d.preferred_name,
                                               d.email, d.phone, d.tags,
                                               d.values_of("email")[1:],
                                               d.values_of("phone")[1:]))
        return self.derived


def _read_row(number: int, cells: dict[str, str]) -> _Person | RowOutcome:
    given, family = cells.get("given_name", ""), cells.get("family_name", "")
    full = cells.get("full_name", "")
    why_not = values.not_a_person(cells.get("kind", ""), given, family, full,
                                  cells.get("organisation", ""))
    label = full or " ".join(p for p in (given, family) if p) or cells.get("organisation", "")
    if why_not:
        reason = (_("An organisation, not a person: not imported as a member.")
                  if why_not == "organisation"
                  else _("A household, not one person: not imported as a member."))
        return RowOutcome(number, "skipped", label, reasons=(reason,))
    if not (given or family) and full:
        given, family = values.split_full_name(full)
    if not (given or family or cells.get("preferred_name") or cells.get("email")):
        return RowOutcome(number, "invalid", label, reasons=(
            _("No name and no email address: add the person's name in the file and import "
              "it again."),))
    warnings: list[str] = []
    country = values.country_code(cells.get("country", ""))
    if country is None:
        warnings.append(_("“{value}” is not a country Advocate knows; the country was not "
                          "stored.").format(value=cells["country"]))
        country = ""
    language = values.language_code(cells.get("preferred_language", ""))
    if language is None:
        warnings.append(_("“{value}” is not a language Advocate knows; the language was not "
                          "stored.").format(value=cells["preferred_language"]))
        language = ""
    contacts: list[ContactInput] = []
    for column, label_column, default_label in _CONTACT_COLUMNS:
        cell = cells.get(column)
        if not cell:
            continue
        kind = "email" if column.startswith("email") else "phone"
        found = values.split_values(cell)
        labels = values.split_values(cells.get(label_column, "")) if label_column else []
        for position, raw in enumerate(found):
            if not raw:
                continue
            label = values.contact_label(labels[min(position, len(labels) - 1)]) if labels \
                else default_label
            if kind == "email":
                value = values.clean_email(raw)
                if value is None:
                    warnings.append(_("“{value}” is not an email address; it was not "
                                      "stored.").format(value=raw))
                    continue
            else:
                value, understood = values.clean_phone(raw, country)
                if not understood:
                    warnings.append(_("“{value}” does not look like a phone number; it was "
                                      "kept as written.").format(value=value))
            contacts.append(ContactInput(kind, value, label))
    email = next((c.value for c in contacts if c.kind == "email"), "")
    phone = next((c.value for c in contacts if c.kind == "phone"), "")
    born = None
    if cells.get("date_of_birth"):
        born = values.parse_date(cells["date_of_birth"])
        if born is None:
            warnings.append(_("“{value}” is not a date; the date of birth was not stored.")
                            .format(value=cells["date_of_birth"]))
    roles, unknown = values.parse_roles(cells.get("roles", ""))
    if unknown:
        warnings.append(_("Not a role Advocate knows, so not stored: {words}.").format(
            words=", ".join(unknown)))
    address = "\n".join(p for p in (cells.get("address", ""), cells.get("address2", ""),
                                    cells.get("locality", "")) if p)
    data = MemberInput(
        given_name=given, family_name=family, preferred_name=cells.get("preferred_name", ""),
        pronouns=cells.get("pronouns", ""), email=email, phone=phone, address=address,
        postcode=cells.get("postcode", ""), country=country, preferred_language=language,
        roles=frozenset(roles), tags=tuple(values.parse_tags(cells.get("tags", ""))),
        notes=cells.get("notes", ""), region=cells.get("region", ""), date_of_birth=born,
        contacts=tuple(contacts))
    try:
        data = clean_member_input(data, email_checked=True)
    except ValidationError as exc:
        if "given_name" in exc.errors:
            return RowOutcome(number, "invalid", label or cells.get("email", ""),
                              reasons=(exc.errors["given_name"],))
        blanks = {name: type(getattr(data, name))() if name != "date_of_birth" else None
                  for name in exc.errors if hasattr(data, name)}
        warnings.extend(f"{message}" for message in exc.errors.values())
        data = clean_member_input(replace(data, **blanks), email_checked=True)
    return _Person(number, data, warnings)


#: (column, its label column, the label when there is none): where addresses and numbers are.
_CONTACT_COLUMNS = (
    ("email", "email_label", ""),
    *((f"email_{n}", f"email_{n}_label", "") for n in MORE_CONTACTS),
    ("phone", "phone_label", ""),
    ("mobile", "", "mobile"),
    ("work_phone", "", "work"),
    *((f"phone_{n}", f"phone_{n}_label", "") for n in MORE_CONTACTS),
)


def _read_chunk(numbers: list[int], rows: list[list[str]], mapping: dict[int, str],
                language: tuple[str, object] | None = None) -> list[_Person | RowOutcome]:
    """Read rows into people (or outcomes); also runs in a worker process for big files."""
    if language is not None:
        from advocate_app.i18n import install_language

        install_language(*language)
    read: list[_Person | RowOutcome] = []
    for number, row in zip(numbers, rows, strict=True):
        cells = {target: row[i].strip() for i, target in mapping.items()
                 if i < len(row) and row[i].strip()}
        empty = not cells and not any(cell.strip() for cell in row)
        read.append(RowOutcome(number, "empty") if empty else _read_row(number, cells))
    return read


_SHARED: tuple[Table, dict[int, str]] | None = None  # what forked workers read (never pickled)


def _read_shared_chunk(start: int, end: int) -> list:
    table, mapping = _SHARED
    return [_pack(item) for item in _read_chunk(table.row_numbers[start:end],
                                                table.rows[start:end], mapping)]


_ENUM_SETS = {"roles": Role, "channels": Channel, "access_needs": AccessNeed,
              "barriers": Barrier}
_ENUMS = {"age_band": AgeBand, "print_format": PrintFormat}
_FIELDS = [f.name for f in fields(MemberInput)]


def _pack(item):
    """A read row as plain tuples and strings: several times quicker to send between
    processes than dataclasses holding enums."""
    if isinstance(item, RowOutcome):
        return item
    values = []
    for name in _FIELDS:
        value = getattr(item.data, name)
        if name in _ENUM_SETS:
            value = tuple(v.value for v in value)
        elif name in _ENUMS:
            value = value.value if value is not None else None
        elif name == "conditions":
            value = tuple(tuple(asdict(c).values()) for c in value)
        elif name == "contacts":
            value = tuple(tuple(c) for c in value)
        values.append(value)
    return (item.row, tuple(values), tuple(item.warnings), item.sort_and_search())


@dataclass(frozen=True)
class _Contact:
    given_name: str
    family_name: str
    preferred_name: str
    email: str
    phone: str
    postcode: str
    contacts: tuple = ()


_POSITION = {name: index for index, name in enumerate(_FIELDS)}
_CONTACT_POSITIONS = [_POSITION[f.name] for f in fields(_Contact)]


def _unpack(packed) -> _Person | RowOutcome:
    if isinstance(packed, RowOutcome):
        return packed
    row, values, warnings, derived = packed
    return _Person(row, None, list(warnings), derived, values)


def _unpack_input(values: tuple) -> MemberInput:
    data = {}
    for name, value in zip(_FIELDS, values, strict=True):
        if name in _ENUM_SETS:
            value = frozenset(_ENUM_SETS[name](v) for v in value)
        elif name in _ENUMS:
            value = _ENUMS[name](value) if value is not None else None
        elif name == "conditions":
            value = tuple(ConditionInput(*c) for c in value)
        elif name == "contacts":
            value = tuple(ContactInput(*c) for c in value)
        data[name] = value
    return MemberInput(**data)


def _qt_running() -> bool:
    """A Qt application object exists (its threads make forking unsafe)."""
    import sys

    core = sys.modules.get("PySide6.QtCore")
    return core is not None and core.QCoreApplication.instance() is not None


def _read_all(table: Table, mapping: dict[int, str]) -> list[_Person | RowOutcome]:
    """Every row read; a big file is split between processes, one per core (at most 4).

    From the command line the workers are forked and read the table from memory; while the
    window is open they are spawned, which is safe with Qt, and the rows are sent to them.
    """
    import os

    global _SHARED
    workers = min(4, os.cpu_count() or 1)
    if len(table.rows) < PARALLEL_FROM or workers < 2:
        return _read_chunk(table.row_numbers, table.rows, mapping)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from advocate_app.i18n import language_setup

    size = -(-len(table.rows) // workers)
    bounds = [(start, start + size) for start in range(0, len(table.rows), size)]
    fork = not _qt_running() and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        _SHARED = (table, mapping)
        values.prepare()  # forked workers inherit the name tables instead of each building them
    try:
        with ProcessPoolExecutor(max_workers=len(bounds), mp_context=context) as pool:
            if fork:
                futures = [pool.submit(_read_shared_chunk, a, b) for a, b in bounds]
                return [_unpack(item) for future in futures for item in future.result()]
            futures = [pool.submit(_read_chunk, table.row_numbers[a:b], table.rows[a:b],
                                   mapping, language_setup()) for a, b in bounds]
            return [item for future in futures for item in future.result()]
    finally:
        _SHARED = None


# --- duplicates ---------------------------------------------------------------------------


def _existing_index(session) -> _Index:
    from sqlalchemy import select

    from advocate_app.domain.members import Member, MemberContact

    index = _Index()
    others: dict[tuple[int, str], list[str]] = {}
    for member_id, kind, value in session.execute(
            select(MemberContact.member_id, MemberContact.kind, MemberContact.value)
            .where(MemberContact.is_primary.is_(False))):
        others.setdefault((member_id, kind), []).append(value)
    statement = select(Member.id, Member.given_name, Member.family_name, Member.preferred_name,
                       Member.email, Member.phone, Member.postcode)
    for member_id, given, family, preferred, email, phone, postcode in session.execute(
            statement):
        label = member_display_name(given, family, preferred) or email
        index.add(_Known(("db", member_id), fold(member_display_name(given, family, "")),
                         fold(given), label),
                  [email, *others.get((member_id, "email"), ())],
                  [phone, *others.get((member_id, "phone"), ())], postcode)
    return index


# --- the whole import ---------------------------------------------------------------------


def import_members(uow: UnitOfWorkFactory, actor: Actor, path: Path,
                   options: ImportOptions = ImportOptions(),
                   progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> ImportReport:
    table = read_member_file(path, options)
    newsletter = mailing_list_consent(table.headers)
    mapping = options.mapping if options.mapping is not None else guess_mapping(table.headers)
    if not set(mapping.values()) & {"given_name", "family_name", "full_name", "email"}:
        raise UnreadableFileError(
            _("No column of this file holds names or email addresses (its columns are: "
              "{columns}); nothing was imported.").format(columns=", ".join(table.headers)))
    report = ImportReport(
        file=str(path), format=table.format, encoding=table.encoding,
        delimiter={"\t": "tab"}.get(table.delimiter, table.delimiter),
        mapping={table.headers[i] if i < len(table.headers) else str(i): t
                 for i, t in sorted(mapping.items()) if t in TARGETS},
        unmapped=[h for i, h in enumerate(table.headers) if i not in mapping and h],
        dry_run=options.dry_run, newsletter=newsletter[0] if newsletter else "")
    total = len(table.rows)
    with uow() as work:
        session = work.session
        index = _existing_index(session)
        new_people: list[_Person] = []
        merges: dict[int, list[_Person]] = {}  # existing member id -> people merged into it
        new_merges: dict[int, list[_Person]] = {}  # new person index -> people merged into it
        if progress is not None:
            progress(0, total)
        people = _read_all(table, mapping)
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
                    other=_describe(shared, new_people))
            if same is not None and options.on_duplicate is OnDuplicate.SKIP:
                report.rows.append(RowOutcome(read.row, "skipped", read.name, _member_id(same),
                                              reasons=(_("Already here: {other}.").format(
                                                  other=_describe(same, new_people)),),
                                              warnings=tuple(read.warnings)))
                continue
            if same is not None and options.on_duplicate is OnDuplicate.MERGE:
                kind, key = same.key
                (merges if kind == "db" else new_merges).setdefault(key, []).append(read)
                report.rows.append(RowOutcome(
                    read.row, "merged", read.name, key if kind == "db" else None,
                    reasons=((_("Would be merged into {other}.") if options.dry_run
                              else _("Merged into {other}.")).format(
                        other=_describe(same, new_people)),), warnings=tuple(read.warnings)))
                continue
            if same is not None:
                review = review or (
                    _("Possibly the same person as {other}; would be created anyway as asked.")
                    if options.dry_run else
                    _("Possibly the same person as {other}; created anyway as asked.")).format(
                    other=_describe(same, new_people))
            elif not review and (namesake := index.namesake(read.contact)) is not None:
                review = _("Has the same name as {other}: check whether they are the same "
                           "person.").format(other=_describe(namesake, new_people))
            contact = read.contact
            known = _Known(("new", len(new_people)),
                           fold(member_display_name(contact.given_name,
                                                    contact.family_name, "")),
                           fold(contact.given_name), read.name)
            index.add(known, _values(contact, "email"), _values(contact, "phone"),
                      contact.postcode)
            new_people.append(read)
            report.rows.append(RowOutcome(read.row, "created", read.name,
                                          warnings=tuple(read.warnings), review=review))
        _check(should_cancel, work)
        for key, extra in new_merges.items():
            for person in extra:
                new_people[key].data = _fill(new_people[key].data, person.data)
        report.started_at = utcnow()
        ids, changed = _write(session, actor, new_people, merges)
        timeline.imported(session, actor, Path(path).name, ids.values(), changed)
        if newsletter is not None:
            known = {person.row: member_id for member_id, extra in merges.items()
                     for person in extra}
            if newsletter[0] == "withdrawn":
                # A withdrawal is honoured even for people skipped as already here.
                known.update({r.row: r.member_id for r in report.rows
                              if r.outcome == "skipped" and r.member_id is not None})
            report.consent_recorded = _record_newsletter(
                session, actor, newsletter, table, path, ids, known)
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
            work.commit()
    return report


# --- mailing lists ------------------------------------------------------------------------

#: Mailchimp's columns: (the answer its export means, the columns giving its date).
_MAILING_LISTS = (
    ("withdrawn", ("unsub time", "unsub campaign title"), ("unsub time",)),
    ("withdrawn", ("clean time", "clean campaign title"), ("clean time",)),
    ("granted", ("optin time", "confirm time", "member rating", "leid", "euid"),
     ("confirm time", "optin time")),
)


def mailing_list_consent(headers: list[str]) -> tuple[str, int | None] | None:
    """For a mailing-list export (Mailchimp's subscribed, unsubscribed or cleaned lists):
    the newsletter answer it means and the column holding its date; None for other files."""
    from advocate_app.interchange.member_columns import normalise_header

    keys = [normalise_header(h).replace("_", " ") for h in headers]
    for answer, marks, dates in _MAILING_LISTS:
        if sum(mark in keys for mark in marks) >= min(2, len(marks)):
            column = next((keys.index(d) for d in dates if d in keys), None)
            return answer, column
    return None


def _record_newsletter(session, actor: Actor, newsletter: tuple[str, int | None], table: Table,
                       path: Path, created: dict[int, int], merged: dict[int, int]) -> int:
    """Newsletter consent as the list says, for each member imported or merged from it,
    unless their newest newsletter answer already says the same (importing twice adds
    nothing)."""
    from datetime import date

    from sqlalchemy import select

    from advocate_app.domain.consent import ConsentRecord
    from advocate_app.storage.member_bulk import insert_rows

    answer, column = newsletter
    by_row = {**merged, **created}
    if not by_row:
        return 0
    latest: dict[int, str] = {}
    wanted = sorted(set(merged.values()))
    for start in range(0, len(wanted), 1000):
        for member_id, status in session.execute(
                select(ConsentRecord.member_id, ConsentRecord.status)
                .where(ConsentRecord.member_id.in_(wanted[start:start + 1000]),
                       ConsentRecord.purpose == "newsletter")
                .order_by(ConsentRecord.effective_on, ConsentRecord.id)):
            latest[member_id] = status
    evidence = (_("Subscribed in the mailing-list export {file}.") if answer == "granted"
                else _("Unsubscribed or removed in the mailing-list export {file}.")).format(
        file=Path(path).name)
    today, now = date.today(), utcnow()
    rows, done = [], set()
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        member_id = by_row.get(number)
        if member_id is None or member_id in done or latest.get(member_id) == answer:
            continue
        done.add(member_id)
        when = values.parse_date(cells[column][:10]) if column is not None and column < len(
            cells) and cells[column] else None
        rows.append({"member_id": member_id, "purpose": "newsletter", "status": answer,
                     "method": "imported", "effective_on": min(when or today, today),
                     "expires_on": None, "evidence": evidence, "recorded_at": now,
                     "recorded_by": actor.account_id})
    insert_rows(session, "consent_records", rows)
    return len(rows)


def _check(should_cancel, work) -> None:
    if should_cancel is not None and should_cancel():
        work.rollback()
        raise ImportCancelled()


def _member_id(known: _Known) -> int | None:
    return known.key[1] if known.key[0] == "db" else None


def _describe(known: _Known, new_people: list[_Person]) -> str:
    kind, key = known.key
    if kind == "db":
        return _("{name} (member {id})").format(name=known.label, id=key)
    return _("{name} (row {row} of this file)").format(name=known.label,
                                                      row=new_people[key].row)


def _fill(base: MemberInput, extra: MemberInput) -> MemberInput:
    """``base`` with its empty fields filled from ``extra``, roles and tags combined."""
    changes = {}
    for name in ("given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
                 "address", "postcode", "country", "preferred_language", "region", "notes"):
        if not getattr(base, name) and getattr(extra, name):
            changes[name] = getattr(extra, name)
    if base.date_of_birth is None and extra.date_of_birth is not None:
        changes["date_of_birth"] = extra.date_of_birth
        changes["age_band"] = extra.age_band
    changes["roles"] = base.roles | extra.roles
    changes["tags"] = tuple(dict.fromkeys((*base.tags, *extra.tags)))
    # Every address and number is kept; the ones already here stay first (and primary).
    changes["contacts"] = (*_all_contacts(base), *_all_contacts(extra))
    return arrange_contacts(replace(base, **changes))


def _all_contacts(data: MemberInput) -> tuple[ContactInput, ...]:
    primaries = tuple(ContactInput(kind, getattr(data, kind)) for kind in ("email", "phone")
                      if getattr(data, kind) and not any(c.kind == kind for c in data.contacts))
    return (*primaries, *data.contacts)


#: Member columns an import fills directly from the file.
_STORED_FIELDS = ("given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
                  "address", "postcode", "country", "preferred_language", "notes", "region",
                  "date_of_birth", "age_band")


def _codes(values) -> list[str]:
    return [getattr(v, "value", v) for v in values]


def _write(session, actor: Actor, people: list[_Person],
           merges: dict[int, list[_Person]]) -> tuple[dict[int, int], list[int]]:
    """Insert new people in bulk and fill in existing members; returns (row -> new member
    id, the existing members that something new was added to)."""
    from advocate_app.services import member_changes
    from advocate_app.storage.member_bulk import (
        insert_members,
        next_member_id,
        reset_member_sequence,
    )

    now = utcnow()
    first = next_member_id(session)
    rows, roles, tags, contacts, ids = [], [], [], [], {}
    role_order = {role.value: index for index, role in enumerate(Role)}
    for offset, person in enumerate(people):
        member_id = first + offset
        ids[person.row] = member_id
        row = {name: person.field(name) for name in _STORED_FIELDS}
        row["age_band"] = row["age_band"] or ""
        sort_name, search_text = person.sort_and_search()
        row.update(id=member_id, sort_name=sort_name, search_text=search_text, created_at=now,
                   updated_at=now, created_by=actor.account_id, updated_by=actor.account_id,
                   version=1)
        rows.append(row)
        roles.extend({"member_id": member_id, "role": role}
                     for role in sorted(_codes(person.field("roles")), key=role_order.get))
        tags.extend({"member_id": member_id, "tag": tag} for tag in person.field("tags"))
        positions = {"email": 0, "phone": 0}
        for kind, value, label in person.field("contacts"):
            position = positions[kind]
            positions[kind] = position + 1
            if position or label:  # an unlabelled primary comes from the member's columns
                contacts.append({"member_id": member_id, "kind": kind, "value": value,
                                 "label": label, "is_primary": position == 0,
                                 "position": position})
    insert_members(session, rows, roles, tags, contacts)
    if rows:
        reset_member_sequence(session)
    changed = [member_id for member_id, extra in merges.items()
               if member_changes.fill_in(session, actor, member_id,
                                         [person.data for person in extra], _fill)]
    return ids, changed
