"""The cells of an attendance or registration report, read safely, and the dates written in them.

A report is read as rows of text cells, whatever its format (CSV in UTF-8, UTF-8 with a BOM,
UTF-16 as Zoom sometimes writes, or cp1252 as Excel re-saves it; or an XLSX workbook's first
sheet). Everything is bounded: the file's size, the rows, the columns, each cell's length and
the time spent (``should_cancel`` is asked every few hundred rows).

Dates: Zoom writes US dates (``12/03/2026 10:02:15 AM``), Eventbrite writes the organiser's
locale (``03/12/2026 10:02`` in the UK, ``12/03/2026 10:02 AM`` or ``Dec 3, 2026 10:02 AM`` in
the US), and a re-saved file may hold ISO dates. Whether a numeric date is day or month first
is decided once for the whole report, from every date in it, never row by row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.reading import open_input, read_input

MAX_BYTES = 20_000_000
MAX_ROWS = 50_000
MAX_COLUMNS = 300
MAX_CELL = 4_000
CHECK_EVERY = 500


class ReadCancelled(Exception):
    """The person stopped the reading; nothing was read."""


@dataclass(frozen=True)
class Rows:
    """The report's rows (cells stripped) with the line or sheet row each starts on."""

    rows: list[list[str]]
    lines: list[int]
    digest: str  # SHA-256 of the file's bytes


def read_rows(path: Path, should_cancel: Callable[[], bool] | None = None) -> Rows:
    """Every row of the file at ``path``; one translated sentence if it cannot be read."""
    path = Path(path)
    with open_input(path, MAX_BYTES) as handle:
        head = handle.read(4)
    if head.startswith(b"PK\x03\x04"):
        # Read as a stream: a workbook's bytes are not all needed in memory at once.
        rows, lines = _xlsx_rows(path, should_cancel)
        with open_input(path, MAX_BYTES) as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        return Rows(rows, lines, digest)
    data = read_input(path, MAX_BYTES)
    if not data.strip():
        raise UnreadableFileError(_("The file is empty; nothing was imported."))
    rows, lines = _csv_rows(data, should_cancel)
    return Rows(rows, lines, hashlib.sha256(data).hexdigest())


def _csv_rows(data: bytes, should_cancel) -> tuple[list[list[str]], list[int]]:
    from advocate_app.interchange.tables import _looks_like_utf16, decode_text, unclosed_quote_line

    if b"\x00" in data[:4096] and not _looks_like_utf16(data) and not data.startswith(
            (b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFileError(_("This file is not a text or spreadsheet file Advocate can "
                                    "read; nothing was imported."))
    text, _encoding = decode_text(data)
    text = text.lstrip("\ufeff")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for record in reader:
            _check(len(rows), should_cancel)
            rows.append(_cells(record, start))
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UnreadableFileError(_(
            "Line {line} of the file cannot be read ({reason}); nothing was imported.").format(
            line=reader.line_num, reason=exc)) from exc
    if lines and unclosed_quote_line(text, delimiter, lines[-1]) is not None:
        raise UnreadableFileError(_(
            "A quoted cell that starts on line {line} is never closed (the file may be cut "
            "short); nothing was imported.").format(line=lines[-1]))
    return rows, lines


def _delimiter(text: str) -> str:
    """The delimiter most used in the first lines (a report's preamble has few)."""
    head = "\n".join(text.splitlines()[:60])
    counts = {d: head.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _xlsx_rows(path: Path, should_cancel) -> tuple[list[list[str]], list[int]]:
    from advocate_app.interchange.spreadsheet import SheetCancelled, SheetLimits, read_sheet

    limits = SheetLimits(rows=MAX_ROWS, columns=MAX_COLUMNS, unpacked=10 * MAX_BYTES,
                         file_bytes=MAX_BYTES)
    try:
        sheet = read_sheet(path, limits, _xlsx_text, should_cancel)
    except SheetCancelled as exc:
        raise ReadCancelled() from exc
    rows = [_cells(cells, number) for cells, number in zip(sheet.rows, sheet.numbers,
                                                           strict=True)]
    return rows, sheet.numbers


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check(count: int, should_cancel) -> None:
    if count >= MAX_ROWS:
        raise UnreadableFileError(_("The file has more than {count} rows; nothing was "
                                    "imported.").format(count=MAX_ROWS))
    if should_cancel is not None and count % CHECK_EVERY == 0 and should_cancel():
        raise ReadCancelled()


def _cells(record: list[str], line: int) -> list[str]:
    if len(record) > MAX_COLUMNS:
        raise UnreadableFileError(_("Line {line} has more than {count} columns: this is not an "
                                    "attendance report; nothing was imported.").format(
            line=line, count=MAX_COLUMNS))
    cells = [cell.strip() for cell in record]
    if any(len(cell) > MAX_CELL for cell in cells):
        raise UnreadableFileError(_("A cell on line {line} is longer than {limit} characters; "
                                    "nothing was imported.").format(line=line, limit=MAX_CELL))
    return cells


# --- dates and times ---------------------------------------------------------------------------

_NUMERIC = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})"
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$")
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$")
_NAMED = re.compile(
    r"^(?:[A-Za-z]{3,9},?\s+)?(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]{3,9})\.?)"
    r",?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$")
#: A zone written after the time ("GMT", "BST", "GMT+1"): the report's zone is used instead.
_ZONE_WORD = re.compile(
    r"\s+(?:(?!(?:AM|PM)$)[A-Z]{2,5}|GMT[+-]\d{1,2}(?::\d{2})?|UTC[+-]\d{1,2})$")
_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
#: Cells meaning "no time": Zoom writes "--" for someone who never joined.
_BLANK = {"", "--", "-", "n/a", "na"}


def is_blank_time(text: str) -> bool:
    return text.strip().lower() in _BLANK


def day_first(values: Iterable[str], *, default: bool) -> bool:
    """Whether the report's numeric dates are day first: a first number above 12 anywhere says
    day first, a second number above 12 says month first; otherwise ``default``."""
    says_day = says_month = False
    for value in values:
        found = _NUMERIC.match(_ZONE_WORD.sub("", value.strip()))
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            says_day = says_day or first > 12
            says_month = says_month or second > 12
    if says_day and says_month:
        raise UnreadableFileError(_("The dates in this report are written both day first and "
                                    "month first; nothing was imported."))
    return says_day or (default and not says_month)


def parse_time(text: str, zone: ZoneInfo, *, day_is_first: bool) -> datetime | None:
    """The moment ``text`` names, in UTC (a time without a zone is in ``zone``); None when the
    cell is blank or cannot be read."""
    value = " ".join(text.split())
    if value.lower() in _BLANK:
        return None
    value = _ZONE_WORD.sub("", value)
    moment = _numeric(value, day_is_first) or _iso(value) or _named(value)
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def _clock(hour: str | None, minute: str | None, second: str | None,
           half: str | None) -> tuple[int, int, int] | None:
    h, m, s = int(hour or 0), int(minute or 0), int(second or 0)
    if half:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if half.lower().startswith("p") else 0)
    return (h, m, s) if h < 24 and m < 60 and s < 60 else None


def _build(year: int, month: int, day: int, clock) -> datetime | None:
    if clock is None:
        return None
    try:
        return datetime(year, month, day, *clock)
    except ValueError:
        return None


def _numeric(value: str, day_is_first: bool) -> datetime | None:
    found = _NUMERIC.match(value)
    if not found:
        return None
    first, second, year = int(found.group(1)), int(found.group(2)), int(found.group(3))
    year += 2000 if year < 100 else 0
    day, month = (first, second) if day_is_first else (second, first)
    return _build(year, month, day, _clock(*found.group(4, 5, 6, 7)))


def _iso(value: str) -> datetime | None:
    found = _ISO.match(value)
    if not found:
        return None
    moment = _build(int(found.group(1)), int(found.group(2)), int(found.group(3)),
                    _clock(found.group(4), found.group(5), found.group(6), None))
    offset = found.group(7)
    if moment is None or not offset:
        return moment
    try:
        return datetime.fromisoformat(moment.isoformat() + (
            "+00:00" if offset == "Z" else offset if ":" in offset
            else offset[:3] + ":" + offset[3:]))
    except ValueError:
        return None


def _named(value: str) -> datetime | None:
    found = _NAMED.match(value)
    if not found:
        return None
    month_name = (found.group(1) or found.group(4)).lower()
    day = int(found.group(2) or found.group(3))
    month = _MONTHS.get(month_name)
    if month is None:
        return None
    return _build(int(found.group(5)), month, day, _clock(*found.group(6, 7, 8, 9)))


def zone_named(name: str) -> ZoneInfo:
    """The time zone called ``name``; one sentence when there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnreadableFileError(_("“{zone}” is not a time zone Advocate knows.").format(
            zone=name)) from exc
