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

DELIMITERS = (",", ";", "\t", "|")
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
    head = path.read_bytes()[:4096]
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
    """The text of ``data`` and the encoding used. Refuses bytes invalid for that encoding."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError as exc:
            raise UnreadableFileError(
                _("“{encoding}” is not a text encoding Advocate knows.").format(
                    encoding=encoding)) from exc
        return _strict(data, codec, declared=True), codec
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, declared=True), codec
    if _looks_like_utf16(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _strict(data, codec, declared=True), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:  # what Excel writes on Windows in western Europe
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, codec: str, *, declared: bool) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            _("The file is not valid {encoding} text (a wrong byte at position {position}); "
              "nothing was imported. If you know its real encoding, choose it and try "
              "again.").format(encoding=codec, position=exc.start)) from exc


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
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not (_looks_like_utf16(data) or data[:2] in (
            codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not encoding:
        raise UnreadableFileError(_("This file is not a text or spreadsheet file Advocate can "
                                    "read; nothing was imported."))
    text, used = decode_text(data, encoding)
    if delimiter == "tab":
        delimiter = "\t"
    chosen = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=chosen)
    rows: list[list[str]] = []
    numbers: list[int] = []
    headers: list[str] | None = None
    previous_end = last_start = 0  # physical lines: where the last record starts
    try:
        # Rows are numbered as a spreadsheet shows them: a cell with line breaks is one row.
        for line, record in enumerate(reader, start=1):
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
    import zipfile
    import zlib

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFileError(
            _("This file is not a spreadsheet Advocate can read (it may be damaged or "
              "incomplete); nothing was imported.")) from exc
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] | None = None
        rows: list[list[str]] = []
        numbers: list[int] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if headers is None:
                if any(c.strip() for c in cells):
                    headers = [c.strip() for c in cells]
                continue
            rows.append(cells)
            numbers.append(number)
    except (zipfile.BadZipFile, zlib.error, SyntaxError, KeyError, ValueError,
            EOFError, OSError) as exc:
        # The parts of the workbook open, but a sheet inside is cut short or corrupt.
        raise UnreadableFileError(
            _("This file is not a spreadsheet Advocate can read (it may be damaged or "
              "incomplete); nothing was imported.")) from exc
    finally:
        workbook.close()
    if headers is None:
        raise UnreadableFileError(_("The spreadsheet is empty; nothing was imported."))
    return Table(_trim_headers(headers), rows, numbers, "xlsx")


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
