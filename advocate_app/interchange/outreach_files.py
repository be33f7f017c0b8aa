"""Reading an outreach item's file and the picture files it names, as hostile input.

A picture path must lead to a regular file (never a device such as ``/dev/zero``, a FIFO, a
socket or anything under ``/proc``), inside the folder the person chose (a symbolic link that
resolves outside it is refused), no larger than the limit; the file is checked with ``stat``
before it is opened, opened without waiting (a FIFO swapped in would otherwise hang), checked
again once open, and read with a bounded read. Each failure is one translated sentence
(:class:`~advocate_app.domain.outreach_pictures.PictureError`, or ContentError for the item).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from advocate_app.domain.outreach_content import ContentError
from advocate_app.domain.outreach_limits import MAX_FILE_CHARS
from advocate_app.domain.outreach_pictures import MAX_PICTURE_BYTES, PictureError
from advocate_app.i18n import _

#: Folders of the system's own pseudo-files: nothing in them is a picture or an item.
_SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
_CHUNK = 1 << 20


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # another drive (Windows)
        return False


def read_regular_file(path: Path, limit: int, error: type[Exception], *,
                      folder: Path | None, shown: str) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes inside ``folder``
    (when given) once every symbolic link is followed."""
    real = os.path.realpath(path)
    if any(_inside(real, system) for system in _SYSTEM_FOLDERS if os.name != "nt"):
        raise error(_("{path} is not a file Advocate can read (a device or a system "
                      "file).").format(path=shown))
    if folder is not None and not _inside(real, os.path.realpath(folder)):
        raise error(_("{path} leads outside the folder it was chosen in ({folder}); nothing "
                      "was read from it.").format(path=shown, folder=folder))
    try:
        before = os.stat(real)
    except FileNotFoundError as exc:
        raise error(_("There is no file at {path}.").format(path=shown)) from exc
    except OSError as exc:
        raise error(_("{path} cannot be read ({reason}).").format(
            path=shown, reason=exc.strerror or exc)) from exc
    if not stat.S_ISREG(before.st_mode):
        raise error(_("{path} is not a file Advocate can read (a folder, a device, a pipe or "
                      "a socket).").format(path=shown))
    if before.st_size > limit:
        raise error(_("{path} is larger than {limit} MB.").format(
            path=shown, limit=limit // 1_000_000))
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_BINARY", 0))
    try:
        descriptor = os.open(real, flags)
    except OSError as exc:
        raise error(_("{path} cannot be read ({reason}).").format(
            path=shown, reason=exc.strerror or exc)) from exc
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        after = os.fstat(handle.fileno())
        if not stat.S_ISREG(after.st_mode) or (after.st_dev, after.st_ino) != (
                before.st_dev, before.st_ino):
            raise error(_("{path} changed while it was being opened; nothing was read from "
                          "it.").format(path=shown))
        chunks, total = [], 0
        while total <= limit:
            chunk = handle.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:
        raise error(_("{path} is larger than {limit} MB.").format(
            path=shown, limit=limit // 1_000_000))
    return b"".join(chunks)


def read_picture_file(path: str | Path, folder: Path | None = None) -> bytes:
    """The bytes of the picture file at ``path``: relative to ``folder`` when relative, and
    never outside ``folder`` (the item file's folder; for a path typed or chosen in the
    editor, the folder it names). PictureError with the reason."""
    given = Path(str(path)).expanduser()
    if folder is not None and not given.is_absolute():
        given = folder / given
    chosen = folder if folder is not None else given.absolute().parent
    return read_regular_file(given, MAX_PICTURE_BYTES, PictureError, folder=chosen,
                         shown=str(path))


def read_item_file(path: str | Path) -> str:
    """The text of an outreach item's JSON file (UTF-8), bounded like the item itself."""
    path = Path(path)
    data = read_regular_file(path, MAX_FILE_CHARS, ContentError, folder=None, shown=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(_("{path} is not UTF-8 text (byte {at}): it is not an outreach "
                             "item’s JSON.").format(path=path, at=exc.start)) from exc
