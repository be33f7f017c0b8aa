"""Writing members out as CSV, XLSX, vCard 4.0 or JSON.

Special-category fields (health: conditions, access needs, age) are left out unless the caller
asks for them. Cells a spreadsheet would run as a formula are neutralised. Files are written to
a temporary name and moved into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from advocate_app.domain.community import SPECIAL_CATEGORY_FIELDS
from advocate_app.interchange.files import replacing
from advocate_app.services.member_data import MemberDetails

FORMATS = ("csv", "xlsx", "vcard", "json")

#: Columns of a spreadsheet export, in order; special-category ones only when included.
COLUMNS = ("id", "given_name", "family_name", "preferred_name", "pronouns", "email", "phone",
           "address", "postcode", "region", "country", "preferred_language", "roles", "tags",
           "print_format", "channels", "contact_times", "barriers", "barrier_notes", "notes",
           "access_needs", "sign_language", "date_of_birth", "age_band", "conditions",
           "created_at", "updated_at", "archived_at")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A cell that would start a formula gets a leading apostrophe, shown as plain text."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def columns_for(include_sensitive: bool, chosen: Iterable[str] | None = None) -> list[str]:
    wanted = list(chosen) if chosen else list(COLUMNS)
    return [c for c in wanted if c in COLUMNS and (
        include_sensitive or c not in SPECIAL_CATEGORY_FIELDS)]


def as_plain(member: MemberDetails, column: str):
    """A field as JSON-ready data: lists stay lists, enums become their codes."""
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


def as_cell(member: MemberDetails, column: str) -> str:
    value = as_plain(member, column)
    if column == "conditions":
        return "; ".join(c["name"] + (f" (ORPHA:{c['orpha_code']})" if c["orpha_code"] else "")
                         for c in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def write_members(path: Path, kind: str, members: Iterable[MemberDetails],
                  columns: list[str], on_row: Callable[[], None] | None = None) -> int:
    writer = {"csv": _csv, "xlsx": _xlsx, "vcard": _vcard, "json": _json}[kind]
    with replacing(path.resolve(), prefix=".advocate-export-") as temporary:
        return writer(temporary, members, columns, on_row or (lambda: None))


def _csv(path: Path, members, columns, on_row) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow(columns)
        for member in members:
            writer.writerow([neutralise(as_cell(member, c)) for c in columns])
            count += 1
            on_row()
    return count


def _xlsx(path: Path, members, columns, on_row) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Members")
    sheet.append(columns)
    count = 0
    for member in members:
        row = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=neutralise(as_cell(member, column)))
            cell.data_type = "s"  # text, never a formula
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


def _vcard(path: Path, members, columns, on_row) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        for m in members:
            lines = ["BEGIN:VCARD", "VERSION:4.0",
                     f"FN:{_escape(m.display_name)}",
                     f"N:{_escape(m.family_name)};{_escape(m.given_name)};;;"]
            if m.preferred_name:
                lines.append(f"NICKNAME:{_escape(m.preferred_name)}")
            if m.email and "email" in columns:
                lines.append(f"EMAIL:{_escape(m.email)}")
            if m.phone and "phone" in columns:
                lines.append(f"TEL;VALUE=text:{_escape(m.phone)}")
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
