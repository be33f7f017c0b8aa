"""Writing members out as CSV, XLSX, vCard 4.0 or JSON.

Special-category fields (health: conditions, access needs, age) are left out unless the caller
asks for them. Cells a spreadsheet would run as a formula are neutralised. Files are written to
a temporary name and moved into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from advocate_app.domain.community import SPECIAL_CATEGORY_FIELDS
from advocate_app.domain.member_views import MemberDetails
from advocate_app.domain.people import contact_label_text
from advocate_app.i18n import N_, _
from advocate_app.interchange.files import replacing

FORMATS = ("csv", "xlsx", "vcard", "json")

#: Fields of an export, in order; special-category ones only when included. ``emails`` and
#: ``phones`` (every address and number, with labels) are lists in JSON; a spreadsheet has
#: numbered columns for them instead ("Email 2", "Email 2 label" …).
COLUMNS = ("id", "given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
           "emails", "phones",
           "address", "postcode", "region", "country", "preferred_language",
           "second_language", "roles", "tags",
           "print_format", "channels", "contact_times", "barriers", "barrier_notes", "notes",
           "access_needs", "sign_language", "date_of_birth", "age_band", "conditions",
           "created_at", "updated_at", "archived_at")

#: Column headings of a spreadsheet, for people, in the interface language.
HEADERS = {
    "id": N_("Member number"), "given_name": N_("First name"), "family_name": N_("Last name"),
    "preferred_name": N_("Preferred name"), "pronouns": N_("Pronouns"), "email": N_("Email"),
    "email_label": N_("Email label"), "phone": N_("Phone"), "phone_label": N_("Phone label"),
    "address": N_("Address"), "postcode": N_("Postcode"), "region": N_("Region"),
    "country": N_("Country"), "preferred_language": N_("Language"),
    "second_language": N_("Second language"), "roles": N_("Roles"),
    "tags": N_("Tags"), "print_format": N_("Print format"),
    "channels": N_("Ways to contact"), "contact_times": N_("Best times to contact"),
    "barriers": N_("What makes taking part hard"), "barrier_notes": N_("Notes on barriers"),
    "notes": N_("Notes"), "access_needs": N_("Access needs"),
    "sign_language": N_("Sign language"), "date_of_birth": N_("Date of birth"),
    "age_band": N_("Age band"), "conditions": N_("Conditions"),
    "created_at": N_("Added on"), "updated_at": N_("Last changed on"),
    "archived_at": N_("Archived on"),
}
_NUMBERED = {"email": N_("Email {n}"), "email_label": N_("Email {n} label"),
             "phone": N_("Phone {n}"), "phone_label": N_("Phone {n} label")}
_NUMBERED_COLUMN = re.compile(r"^(email|phone)_(\d+)(_label)?$")


def header(column: str, gettext=None) -> str:
    """A spreadsheet column's heading in the interface language (or ``gettext``'s)."""
    translate = gettext or _
    numbered = _NUMBERED_COLUMN.match(column)
    if numbered:
        kind, n, label = numbered.groups()
        return translate(_NUMBERED[kind + (label or "")]).format(n=n)
    return translate(HEADERS[column]) if column in HEADERS else column


def spreadsheet_columns(columns: list[str], slots: dict[str, int] | None = None) -> list[str]:
    """Spreadsheet columns for export ``columns``: each address and number gets a column
    and a label column beside it (``slots``: how many emails and phones at most)."""
    slots = slots or {}
    out: list[str] = []
    for column in columns:
        if column in ("emails", "phones"):
            continue
        out.append(column)
        if column in ("email", "phone"):
            out.append(f"{column}_label")
            for n in range(2, slots.get(column, 1) + 1):
                out.extend((f"{column}_{n}", f"{column}_{n}_label"))
    return out

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A cell that would start a formula gets a leading apostrophe, shown as plain text."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def columns_for(include_sensitive: bool, chosen: Iterable[str] | None = None) -> list[str]:
    wanted = list(chosen) if chosen else list(COLUMNS)
    return [c for c in wanted if c in COLUMNS and (
        include_sensitive or c not in SPECIAL_CATEGORY_FIELDS)]


def _contacts(member: MemberDetails, kind: str) -> list[tuple[str, str]]:
    """(value, label) of every address or number, the primary first."""
    found = [(c.value, c.label) for c in member.contacts if c.kind == kind]
    primary = getattr(member, kind)
    return found or ([(primary, "")] if primary else [])


def as_plain(member: MemberDetails, column: str):
    """A field as JSON-ready data: lists stay lists, enums become their codes."""
    if column in ("emails", "phones"):
        key = "address" if column == "emails" else "number"
        return [{key: value, "label": label, "primary": index == 0}
                for index, (value, label) in enumerate(_contacts(member, column[:-1]))]
    value = getattr(member, column)
    if column == "conditions":
        return [{"name": c.name, "orpha_code": c.orpha_code,
                 "diagnosis_confirmed": c.diagnosis_confirmed,
                 "genetic_test_done": c.genetic_test_done} for c in value]
    if isinstance(value, frozenset | set):
        return sorted(getattr(v, "value", v) for v in value)
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def as_value(member: MemberDetails, column: str):
    """A spreadsheet cell, for people: words in the interface language, dates as dates,
    numbers as numbers, everything else as text."""
    numbered = _NUMBERED_COLUMN.match(column)
    if numbered or column in ("email_label", "phone_label"):
        kind, n, label = numbered.groups() if numbered else (column[:5], "1", "_label")
        found = _contacts(member, kind)
        index = int(n) - 1
        if index >= len(found):
            return ""
        return contact_label_text(found[index][1]) if label else found[index][0]
    value = getattr(member, column)
    if column == "conditions":
        return "; ".join(c.name + (f" (ORPHA:{c.orpha_code})" if c.orpha_code else "")
                         for c in value)
    if column == "id" or hasattr(value, "isoformat"):
        return value
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(getattr(v, "label", str(v)) for v in value))
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "label"):
        return value.label
    return "" if value is None else str(value)


def as_cell(member: MemberDetails, column: str) -> str:
    """A CSV cell: as :func:`as_value`, dates written the ISO way (2026-12-03 09:15)."""
    value = as_value(member, column)
    if isinstance(value, datetime):
        return _local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _local(value: datetime) -> datetime:
    """A stored (UTC) time as the computer's local time, without a zone (for spreadsheets)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().replace(tzinfo=None)


def write_members(path: Path, kind: str, members: Iterable[MemberDetails],
                  columns: list[str], on_row: Callable[[], None] | None = None,
                  slots: dict[str, int] | None = None) -> int:
    """Write ``members``; ``slots``: at most how many emails and phones one member has (the
    numbered columns of a spreadsheet)."""
    writer = {"csv": _csv, "xlsx": _xlsx, "vcard": _vcard, "json": _json}[kind]
    if kind in ("csv", "xlsx"):
        columns = spreadsheet_columns(columns, slots)
    with replacing(path.resolve(), prefix=".advocate-export-") as temporary:
        return writer(temporary, members, columns, on_row or (lambda: None))


def _csv(path: Path, members, columns, on_row) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow([header(c) for c in columns])
        for member in members:
            writer.writerow([neutralise(as_cell(member, c)) for c in columns])
            count += 1
            on_row()
    return count


def _xlsx(path: Path, members, columns, on_row) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Members")[:31])
    bold = Font(bold=True)
    headings = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=header(column))
        cell.font = bold
        headings.append(cell)
    sheet.append(headings)
    sheet.freeze_panes = "A2"
    count = 0
    for member in members:
        row = []
        for column in columns:
            value = as_value(member, column)
            if isinstance(value, datetime):
                cell = WriteOnlyCell(sheet, value=_local(value))
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, int):
                cell = WriteOnlyCell(sheet, value=value)
            else:
                cell = WriteOnlyCell(sheet, value="" if value is None else str(value))
                cell.data_type = "s"  # text as typed, never a formula (no apostrophe needed)
            row.append(cell)
        sheet.append(row)
        count += 1
        on_row()
    book.save(path)
    return count


def _json(path: Path, members, columns, on_row) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for member in members:
            handle.write(",\n" if count else "\n")
            json.dump({c: as_plain(member, c) for c in columns}, handle, ensure_ascii=False)
            count += 1
            on_row()
        handle.write("\n]\n")
    return count


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold_line(line: str) -> str:
    """RFC 6350: lines of at most 75 octets, continued with a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


_VCARD_TYPES = {"home": "home", "work": "work", "mobile": "cell", "fax": "fax",
               "other": "x-other"}


def _param(label: str) -> str:
    """A free label as a vCard parameter value (letters, digits and dashes)."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", label).strip("-") or "other"


def _vcard(path: Path, members, columns, on_row) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        for m in members:
            lines = ["BEGIN:VCARD", "VERSION:4.0",
                     f"FN:{_escape(m.display_name)}",
                     f"N:{_escape(m.family_name)};{_escape(m.given_name)};;;"]
            if m.preferred_name:
                lines.append(f"NICKNAME:{_escape(m.preferred_name)}")
            for kind, name, extra in (("email", "EMAIL", ""), ("phone", "TEL", ";VALUE=text")):
                if kind not in columns:
                    continue
                for index, (value, label) in enumerate(_contacts(m, kind)):
                    params = extra + (f";TYPE={_VCARD_TYPES.get(label, 'x-' + _param(label))}"
                                      if label else "") + (";PREF=1" if index == 0 else "")
                    lines.append(f"{name}{params}:{_escape(value)}")
            if "address" in columns and (m.address or m.postcode or m.country):
                street = _escape(m.address.replace("\n", ", "))
                lines.append(f"ADR:;;{street};;{_escape(m.region)};{_escape(m.postcode)};"
                             f"{_escape(m.country)}")
            if m.preferred_language and "preferred_language" in columns:
                lines.append(f"LANG:{m.preferred_language}")
            if m.tags and "tags" in columns:
                lines.append("CATEGORIES:" + ",".join(_escape(t) for t in m.tags))
            if m.notes and "notes" in columns:
                lines.append(f"NOTE:{_escape(m.notes)}")
            if m.date_of_birth and "date_of_birth" in columns:
                lines.append(f"BDAY:{m.date_of_birth.strftime('%Y%m%d')}")
            lines.append("END:VCARD")
            handle.write("\r\n".join(_fold_line(line) for line in lines) + "\r\n")
            count += 1
            on_row()
    return count
