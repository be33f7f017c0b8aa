"""Opening a file from outside to read it, and checking its text, with one sentence for each
way that fails: not there, a folder, not allowed to read it, too big, a NUL character, two
text encodings mixed in one file.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError

#: A well-formed multi-byte UTF-8 character: text Windows-1252 almost never holds by chance.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


@contextmanager
def open_input(path: Path | str, max_bytes: int) -> Iterator[BinaryIO]:
    """The file at ``path`` opened for reading, once it is known to be a regular file no
    bigger than ``max_bytes``."""
    path = Path(path)
    try:
        # Without waiting: opening a FIFO for reading would block until something writes.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise UnreadableFileError(_("There is no file at {path}.").format(path=path)) from exc
    except PermissionError as exc:
        raise UnreadableFileError(cannot_read(path)) from exc
    except OSError as exc:
        raise UnreadableFileError(_("{path} cannot be read ({reason}); nothing was "
                                    "imported.").format(path=path,
                                                       reason=exc.strerror or exc)) from exc
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(_("{path} is not a file Advocate can import (a folder or "
                                        "a device); nothing was imported.").format(path=path))
        if info.st_size > max_bytes:
            raise UnreadableFileError(_("The file is too big to import (at most {size} MB); "
                                        "nothing was imported.").format(
                size=max_bytes // 1_000_000))
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        yield handle


def read_input(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of the file at ``path`` (see ``open_input``)."""
    with open_input(path, max_bytes) as handle:
        try:
            return handle.read(max_bytes + 1)
        except OSError as exc:
            raise UnreadableFileError(cannot_read(Path(path))) from exc


def cannot_read(path: Path) -> str:
    return _("{path} cannot be read: you are not allowed to open it; nothing was "
             "imported.").format(path=path)


def refuse_nul(text: str) -> None:
    """One sentence naming the line of the first NUL character in ``text``."""
    at = text.find("\x00")
    if at >= 0:
        raise UnreadableFileError(_(
            "Line {line} holds a NUL character, which no text file of people has (the file "
            "may be damaged, or not text); nothing was imported.").format(
            line=line_of(text, at)))


def line_of(text: str | bytes, position: int) -> int:
    newline = "\n" if isinstance(text, str) else b"\n"
    return text.count(newline, 0, position) + 1  # type: ignore[arg-type]


def refuse_mixed_encodings(data: bytes, first_bad: int) -> None:
    """Refuse ``data`` when it holds well-formed UTF-8 characters and also, at ``first_bad``,
    bytes that are not UTF-8: two encodings in one file, which no single one reads right."""
    found = _UTF8_SEQUENCE.search(data)
    if found is None:
        return
    raise UnreadableFileError(_(
        "The file mixes two text encodings: line {utf8} is UTF-8 but line {line} is not "
        "(perhaps Windows-1252), so one of them would be read wrongly; nothing was imported. "
        "Save the whole file as UTF-8 and try again.").format(
        utf8=line_of(data, found.start()), line=line_of(data, first_bad)))
