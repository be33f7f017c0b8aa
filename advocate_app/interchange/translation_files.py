"""Files for translators: one outreach item in one target language, as XLIFF 2.0
(:mod:`.translation_xliff`) or PO (:mod:`.translation_po`), written out and read back.

A file coming back is hostile input: a regular file of bounded size (:mod:`.reading`), and
for XML no document type at all (so no entity can be declared, expanded or fetched: billion
laughs and external entities are refused before any parsing), bounded nesting and a bounded
number of elements. Nothing inside the file is followed (no path, no link). A refusal is one
:class:`UnreadableFileError` sentence.
"""

from __future__ import annotations

from pathlib import Path

from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.reading import read_input
from advocate_app.interchange.translation_units import (
    MAX_BYTES,
    TranslationFile,
    TranslationUnit,
)

__all__ = ["TranslationFile", "TranslationUnit", "parse_translation",
           "read_translation_bytes", "write_translation_file"]

def write_translation_file(document: TranslationFile, fmt: str) -> bytes:
    """``document`` as the bytes of an XLIFF (``fmt`` "xliff") or PO ("po") file."""
    if fmt == "po":
        from advocate_app.interchange.translation_po import po_bytes

        return po_bytes(document)
    from advocate_app.interchange.translation_xliff import xliff_bytes

    return xliff_bytes(document)


def read_translation_bytes(path: Path | str) -> bytes:
    """The bytes of the translator's file at ``path``, read once (a regular file, bounded)."""
    data = read_input(path, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise UnreadableFileError(_("The file is too big to import (at most {size} MB); "
                                    "nothing was imported.").format(size=MAX_BYTES // 1_000_000))
    if b"\x00" in data:
        raise UnreadableFileError(_("This file holds NUL characters, which no translation "
                                    "file has; nothing was imported."))
    return data


def parse_translation(data: bytes, markup: dict[str, str]) -> TranslationFile:
    """A translator's file (XLIFF or PO, told apart by content). ``markup``: the current
    source's words by unit id, for the texts that carry inline markup (an XLIFF target's
    inline codes are matched to the source's by their ids)."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        from advocate_app.interchange.translation_xliff import read_xliff

        return read_xliff(data, markup)
    from advocate_app.interchange.translation_po import read_po_file

    return read_po_file(data)
