"""Reading a file of people as rows of text: CSV (any common encoding and delimiter) and XLSX.

Detection is a guess a user can override. A file whose bytes are invalid for the encoding it
declares (by a byte-order mark, or by the user) is refused, never silently re-read as another.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.reading import (
    line_of,
    open_input,
    read_input,
    refuse_mixed_encodings,
    refuse_nul,
)
from advocate_app.interchange.spreadsheet import SheetLimits, read_sheet

DELIMITERS = (",", ";", "\t", "|")
#: A file of people: a hundred thousand members and more, with room to spare.
MAX_BYTES = 50_000_000
#: The longest physical line of a text file (a cell is at most 32,767 characters, a row 500).
MAX_LINE = 2_000_000
MEMBER_SHEET = SheetLimits(rows=250_001, columns=500, unpacked=150_000_000, file_bytes=MAX_BYTES)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Table:
    """Rows of cells as text; ``row_numbers`` are the lines or spreadsheet rows people see."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    format: str
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)


def detect_format(path: Path) -> str:
    with open_input(path, MAX_BYTES) as handle:  # a regular file, not a FIFO nor a device
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = head.decode("latin-1", errors="replace").upper()
    stripped = text.lstrip("\ufeff\x00ÿþ \r\n\t").replace("\x00", "")
    if stripped.startswith("BEGIN:VCARD"):
        return "vcard"
    if path.suffix.lower() in (".vcf", ".vcard"):
        return "vcard"
    return "csv"


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding used. Refuses bytes invalid for that encoding,
    two encodings mixed in one file (never stored as garbled letters) and NUL characters."""
    text, used = _decode(data, encoding)
    refuse_nul(text)
    return text, used


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError as exc:
            raise UnreadableFileError(
                _("“{encoding}” is not a text encoding Advocate knows.").format(
                    encoding=encoding)) from exc
        if not codec.startswith("utf"):  # a one-byte encoding reads anything, even UTF-8
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                refuse_mixed_encodings(data, exc.start)
        return _strict(data, codec, declared=True), codec
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, declared=True), codec
    if _looks_like_utf16(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _strict(data, codec, declared=True), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        refuse_mixed_encodings(data, exc.start)
    try:  # what Excel writes on Windows in western Europe
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, codec: str, *, declared: bool) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            _("The file is not valid {encoding} text (a wrong byte on line {line}); nothing "
              "was imported. If you know its real encoding, choose it and try again.").format(
                encoding=codec, line=line_of(data, exc.start))) from exc


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    return max(even_zeros, odd_zeros) > 0.4 * half and min(even_zeros, odd_zeros) < 0.05 * half


def sniff_delimiter(text: str) -> str:
    sample_lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not sample_lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(sample_lines), delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        header = sample_lines[0]
        return max(DELIMITERS, key=header.count)


def read_csv(path: Path, encoding: str | None = None, delimiter: str | None = None) -> Table:
    data = read_input(path, MAX_BYTES)
    if b"\x00" in data[:4096] and not (_looks_like_utf16(data) or data[:2] in (
            codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not encoding:
        raise UnreadableFileError(_("This file is not a text or spreadsheet file Advocate can "
                                    "read; nothing was imported."))
    text, used = decode_text(data, encoding)
    if delimiter == "tab":
        delimiter = "\t"
    chosen = delimiter or sniff_delimiter(text)
    reader = csv.reader(_bounded_lines(text), delimiter=chosen)
    rows: list[list[str]] = []
    numbers: list[int] = []
    headers: list[str] | None = None
    previous_end = last_start = filled = 0  # physical lines: where the last record starts
    limits = MEMBER_SHEET
    try:
        # Rows are numbered as a spreadsheet shows them: a cell with line breaks is one row.
        for line, record in enumerate(reader, start=1):
            filled += sum(1 for cell in record if cell)
            if len(record) > limits.columns or line > limits.rows or filled > limits.cells:
                raise UnreadableFileError(_(
                    "The file is bigger than a file of people Advocate reads (at most {rows} "
                    "rows, {columns} columns and {cells} cells filled in); nothing was "
                    "imported.").format(rows=limits.rows, columns=limits.columns,
                                        cells=limits.cells))
            if headers is None:
                if any(cell.strip() for cell in record):
                    headers = [cell.strip() for cell in record]
                previous_end = reader.line_num
                continue
            rows.append(record)
            numbers.append(line)
            last_start = previous_end + 1
            previous_end = reader.line_num
    except csv.Error as exc:
        raise UnreadableFileError(
            _("Line {line} of the file cannot be read ({reason}); nothing was imported.").format(
                line=reader.line_num, reason=exc)) from exc
    if headers is None:
        raise UnreadableFileError(_("The file is empty; nothing was imported."))
    if rows:
        opened = unclosed_quote_line(text, chosen, last_start)
        if opened is not None:
            raise UnreadableFileError(
                _("A quoted cell that starts on line {line} is never closed (the file may be "
                  "cut short); nothing was imported.").format(line=opened))
    return Table(_trim_headers(headers), rows, numbers, "csv", used, chosen)


def _bounded_lines(text: str):
    """The physical lines of ``text``, refused past :data:`MAX_LINE` characters (the csv
    reader would otherwise make one row of millions of cells)."""
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if len(line) > MAX_LINE:
            raise UnreadableFileError(_("Line {line} is longer than {limit} characters; "
                                        "nothing was imported.").format(line=number,
                                                                       limit=MAX_LINE))
        yield line


def unclosed_quote_line(text: str, delimiter: str, from_line: int) -> int | None:
    """The physical line on which a quoted cell opens and never closes, or None.

    Python's csv reader (like a spreadsheet) takes everything after an unclosed quote, up to
    the end of the file, as one cell: so only the last record, from ``from_line``, is scanned.
    """
    if from_line > 1:
        lines = io.StringIO(text, newline="").readlines()
        tail = "".join(lines[from_line - 1:])
    else:
        tail = text
    if '"' not in tail:
        return None
    inside, field_start, opened_at, line = False, True, 0, from_line
    index, length = 0, len(tail)
    while index < length:
        ch = tail[index]
        if inside:
            if ch == '"':
                if index + 1 < length and tail[index + 1] == '"':
                    index += 2
                    continue
                inside = False
            elif ch == "\n" or (ch == "\r" and tail[index + 1:index + 2] != "\n"):
                line += 1
        elif ch == '"' and field_start:
            inside, field_start, opened_at = True, False, line
        elif ch == delimiter:
            field_start = True
        elif ch in "\r\n":
            field_start = True
            if ch == "\n" or tail[index + 1:index + 2] != "\n":
                line += 1
        else:
            field_start = False
        index += 1
    return opened_at if inside else None


def read_xlsx(path: Path) -> Table:
    sheet = read_sheet(path, MEMBER_SHEET, _cell_text)
    for at, cells in enumerate(sheet.rows):
        if any(c.strip() for c in cells):
            headers = [c.strip() for c in cells]
            del sheet.rows[:at + 1], sheet.numbers[:at + 1]
            return Table(_trim_headers(headers), sheet.rows, sheet.numbers, "xlsx")
    raise UnreadableFileError(_("The spreadsheet is empty; nothing was imported."))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else (
            value.isoformat(sep=" "))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _trim_headers(headers: list[str]) -> list[str]:
    while headers and not headers[-1]:
        headers.pop()  # a trailing delimiter on the header line
    return headers
