"""Reading the first sheet of an XLSX workbook, which may be hostile.

A workbook is a zip archive of XML parts, and a small one can unpack into gigabytes or declare
a sheet of 16,384 columns by 1,048,576 rows. So, before any XML is parsed, the archive's
central directory is checked: how many parts, how big they unpack (in total and against how
small they are packed). The zip reader never unpacks more than a part declares, so these
figures bound what follows. The sheet is then read as a stream (openpyxl's read-only mode),
its declared dimension ignored, with limits on rows, columns and the length of a cell, and a
caller's ``should_cancel`` asked every few hundred rows. Every refusal is one translated
sentence (``UnreadableFileError``); nothing half-read is returned.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.reading import open_input

#: Parts an ordinary workbook has (a sheet, its strings, styles, relations …) are counted in
#: tens; a few hundred allows for many sheets and pictures.
MAX_PARTS = 2_000
#: A part that unpacks to more than this is judged by how tightly it was packed: XML of real
#: data packs 5 to 30 times smaller, a zip bomb a thousand times.
RATIO_FLOOR = 5_000_000
MAX_RATIO = 100
#: An XML part other than a sheet (the shared strings, the styles …) is read whole into
#: memory, at several times its size: a workbook of 100,000 people needs a fraction of this.
MAX_OTHER_PART = 25_000_000
#: The longest text a spreadsheet program puts in one cell.
MAX_CELL = 32_767
#: Rows after the last one allowed that may still be read if they are empty (a sheet formatted
#: further down than it is filled).
EMPTY_TAIL = 1_000
CHECK_EVERY = 500


@dataclass(frozen=True)
class SheetLimits:
    rows: int  # rows read, the header included
    columns: int
    unpacked: int  # bytes, every part of the archive together
    file_bytes: int  # the workbook's own size
    cells: int = 2_500_000  # cells that hold something: what the rows cost in memory


@dataclass(frozen=True)
class Sheet:
    rows: list[list[str]]
    numbers: list[int]  # the row numbers the spreadsheet shows


class SheetCancelled(Exception):
    """The person stopped the reading; nothing was read."""


def damaged() -> str:
    return _("This file is not a spreadsheet Advocate can read (it may be damaged or "
             "incomplete); nothing was imported.")


def read_sheet(path: Path, limits: SheetLimits, text_of: Callable[[object], str],
               should_cancel: Callable[[], bool] | None = None) -> Sheet:
    """The first sheet's rows, each cell turned into text by ``text_of``; trailing empty cells
    are dropped. Whatever the file is called: it is known by its content."""
    with open_input(path, limits.file_bytes) as handle:
        check_archive(handle, limits)
        handle.seek(0)
        return _read(handle, limits, text_of, should_cancel)


def check_archive(handle: BinaryIO, limits: SheetLimits) -> None:
    """Refuse an archive whose central directory promises too much, before anything is
    unpacked."""
    try:
        with zipfile.ZipFile(handle) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UnreadableFileError(damaged()) from exc
    if len(parts) > MAX_PARTS:
        raise UnreadableFileError(_("This workbook has more than {count} parts inside; it is "
                                    "not a spreadsheet of people; nothing was imported.").format(
            count=MAX_PARTS))
    total = sum(part.file_size for part in parts)
    if total > limits.unpacked:
        raise UnreadableFileError(_("This workbook unpacks to more than {size} MB, more than "
                                    "Advocate reads; nothing was imported.").format(
            size=limits.unpacked // 1_000_000))
    for part in parts:
        if part.file_size > MAX_OTHER_PART and part.filename.endswith((".xml", ".rels")) and (
                not part.filename.startswith("xl/worksheets/")):
            raise UnreadableFileError(_("The part {part} of this workbook unpacks to more than "
                                        "{size} MB, more than Advocate reads; nothing was "
                                        "imported.").format(part=part.filename[:100],
                                                            size=MAX_OTHER_PART // 1_000_000))
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(
                part.compress_size, 1):
            raise UnreadableFileError(_("This workbook is packed so tightly that it would "
                                        "unpack to far more than it looks (a “zip bomb”); "
                                        "nothing was imported."))


def _read(handle: BinaryIO, limits: SheetLimits, text_of: Callable[[object], str],
          should_cancel: Callable[[], bool] | None) -> Sheet:
    import zlib
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # What a damaged archive or its XML raises while openpyxl reads it.
    broken = (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, IndexError,
              EOFError, OSError, SyntaxError, ParseError, InvalidFileException, AttributeError)
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except broken as exc:
        raise UnreadableFileError(damaged()) from exc
    rows: list[list[str]] = []
    numbers: list[int] = []
    try:
        try:
            sheets = workbook.worksheets
            if not sheets:
                raise UnreadableFileError(_("The spreadsheet is empty; nothing was imported."))
            sheet = sheets[0]
            sheet.reset_dimensions()  # never trust A1:XFD1048576 written in the file
            stream = iter(sheet.iter_rows(values_only=True))
        except broken as exc:
            raise UnreadableFileError(damaged()) from exc
        number = filled = 0
        while True:
            try:
                values = next(stream, None)
            except broken as exc:
                raise UnreadableFileError(damaged()) from exc
            if values is None:
                break
            number += 1
            if number % CHECK_EVERY == 0 and should_cancel is not None and should_cancel():
                raise SheetCancelled()
            cells = _row_text(values, number, limits, text_of)
            filled += sum(1 for cell in cells if cell)
            if filled > limits.cells:
                raise UnreadableFileError(_("The spreadsheet has more than {count} cells "
                                            "filled in; nothing was imported.").format(
                    count=limits.cells))
            if number > limits.rows and (cells or number > limits.rows + EMPTY_TAIL):
                raise UnreadableFileError(_("The spreadsheet has more than {count} rows; "
                                            "nothing was imported.").format(count=limits.rows))
            if number <= limits.rows:
                rows.append(cells)
                numbers.append(number)
    finally:
        workbook.close()
    while rows and not rows[-1]:  # rows a spreadsheet formatted but left empty
        rows.pop()
        numbers.pop()
    return Sheet(rows, numbers)


def _row_text(values: tuple, number: int, limits: SheetLimits,
              text_of: Callable[[object], str]) -> list[str]:
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    if end > limits.columns:
        raise UnreadableFileError(_("Row {row} of the spreadsheet has more than {count} "
                                    "columns; nothing was imported.").format(
            row=number, count=limits.columns))
    cells = [text_of(value) for value in values[:end]]
    for cell in cells:
        if len(cell) > MAX_CELL:
            raise UnreadableFileError(_("A cell on row {row} is longer than {limit} "
                                        "characters; nothing was imported.").format(
                row=number, limit=MAX_CELL))
        if "\x00" in cell:
            raise UnreadableFileError(_("Row {row} holds a NUL character, which no "
                                        "spreadsheet of people has (the file may be damaged); "
                                        "nothing was imported.").format(row=number))
    return cells
