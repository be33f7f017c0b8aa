"""A story's audio recordings and photos: read from the file chosen, to be kept in the database.

The file chosen is treated as hostile: only a regular file is read (checked before it is
opened, and opened without waiting, so a FIFO or a device is refused at once), its size is
bounded, and its kind is read from its first bytes (a name ending in .mp3 proves nothing). The
bytes are kept in the database (so encryption, backups and erasure cover them), never in a
file of the data folder; a copy to open or play is written to a private scratch folder
outside it, removed at the next start.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from advocate_app.domain.story_rules import AttachmentKind
from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.files import make_scratch_folder, remove_scratch_folder
from advocate_app.interchange.outreach_files import read_regular_file

#: The largest recording or photo kept with a story.
MAX_ATTACHMENT_BYTES = 100_000_000  # 100 MB, as the refusal says
_HEAD = 64
#: The scratch folders opened copies are written in.
OPENED_PREFIX = ".attachment-"
#: Stored name -> the scratch folders this program wrote copies of it in, to open it.
_OPENED: dict[str, list[Path]] = {}
_OPENED_LOCK = threading.Lock()

#: Extension -> (kind, the format's name for people).
FORMATS: dict[str, tuple[AttachmentKind, str]] = {
    "mp3": (AttachmentKind.AUDIO, "MP3"), "m4a": (AttachmentKind.AUDIO, "M4A"),
    "wav": (AttachmentKind.AUDIO, "WAV"), "ogg": (AttachmentKind.AUDIO, "Ogg"),
    "flac": (AttachmentKind.AUDIO, "FLAC"), "jpg": (AttachmentKind.PHOTO, "JPEG"),
    "png": (AttachmentKind.PHOTO, "PNG"), "webp": (AttachmentKind.PHOTO, "WebP"),
    "heic": (AttachmentKind.PHOTO, "HEIC")}
#: Other names people give the same formats.
_SUFFIX_ALIASES = {"jpeg": "jpg", "jpe": "jpg", "heif": "heic", "oga": "ogg", "opus": "ogg",
                   "mp4a": "m4a", "aac": "m4a", "wave": "wav"}
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"mp42", b"mp41", b"isom", b"iso2", b"MSNV", b"dash"}
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z0-9]{2,5}$")


@dataclass(frozen=True)
class ReadAttachment:
    kind: AttachmentKind
    stored_name: str  # made here: the name of a copy opened to play
    original_name: str
    size: int
    sha256: str
    data: bytes


def sniff(head: bytes) -> str | None:
    """The extension of the supported format ``head`` (a file's first bytes) begins, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIC_BRANDS:
            return "heic"
        if brand in _AUDIO_BRANDS:
            return "m4a"
        return None
    if head.startswith(b"ID3") and len(head) >= 10 and head[3] < 5:
        return "mp3"
    if _mpeg_frame(head):
        return "mp3"
    return None


def _mpeg_frame(head: bytes) -> bool:
    """An MPEG audio frame header (an MP3 without ID3 tags): sync bits, a real version,
    layer, bit rate and sample rate."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 3, (head[1] >> 1) & 3
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 3
    return version != 1 and layer != 0 and bitrate not in (0, 15) and rate != 3


def accepted_formats() -> str:
    return ", ".join(sorted({name for _kind, name in FORMATS.values()}))


def read_attachment(source: Path | str, max_bytes: int | None = None,
                    folder: Path | None = None) -> ReadAttachment:
    """The recording or photo at ``source``; UnreadableFileError (one sentence) when it is not
    a regular file (a FIFO, a device, a folder), not a supported recording or photo, larger
    than ``max_bytes`` (:data:`MAX_ATTACHMENT_BYTES` by default) or cannot be read. With
    ``folder``, a link leading outside it is refused too."""
    source = Path(source)
    max_bytes = MAX_ATTACHMENT_BYTES if max_bytes is None else max_bytes
    shown = _shown_name(source.name)
    data = read_regular_file(source, max_bytes, UnreadableFileError, folder=folder,
                             shown=str(source))
    extension = sniff(data[:_HEAD])
    if extension is None:
        raise UnreadableFileError(_(
            "“{name}” is not an audio recording or a photo Advocate can keep "
            "(accepted: {formats}).").format(name=shown, formats=accepted_formats()))
    claimed = _suffix(source.name)
    if claimed in FORMATS and claimed != extension:
        raise UnreadableFileError(_(
            "“{name}” is named as a {claimed} file but holds {found}: nothing was "
            "added.").format(name=shown, claimed=FORMATS[claimed][1],
                             found=FORMATS[extension][1]))
    return ReadAttachment(FORMATS[extension][0], f"{secrets.token_hex(16)}.{extension}", shown,
                          len(data), hashlib.sha256(data).hexdigest(), data)


def opened_copy(stored_name: str, data: bytes) -> Path:
    """A private copy of an attachment to open or play (its own 0700 folder in the system's
    temporary folder, never the data folder), removed at the next start."""
    if not _STORED_NAME.match(stored_name):
        raise ValueError(f"not a stored attachment name: {stored_name!r}")
    folder = make_scratch_folder(OPENED_PREFIX, Path(tempfile.gettempdir()))
    path = folder / stored_name
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
    except BaseException:
        remove_scratch_folder(folder)
        raise
    with _OPENED_LOCK:
        _OPENED.setdefault(stored_name, []).append(folder)
    return path


def opened_copies(stored_name: str) -> list[Path]:
    """The copies of an attachment this program wrote to open it, still there."""
    with _OPENED_LOCK:
        folders = list(_OPENED.get(stored_name, ()))
    return [folder / stored_name for folder in folders if (folder / stored_name).exists()]


def remove_opened_copies(stored_name: str) -> None:
    """Remove the copies of an attachment written to open it (the attachment went); those
    another program wrote are removed at the next start."""
    with _OPENED_LOCK:
        folders = _OPENED.pop(stored_name, [])
    for folder in folders:
        remove_scratch_folder(folder)


def read_kept_file(path: Path, folder: Path) -> bytes:
    """The bytes of a file an earlier version kept in ``folder`` (checked as any other)."""
    return read_regular_file(path, MAX_ATTACHMENT_BYTES, UnreadableFileError, folder=folder,
                             shown=str(path))


def made_here(name: str) -> bool:
    """Whether ``name`` is one an earlier version gave a kept file or its copy in progress."""
    return bool(_STORED_NAME.match(name)) or name.startswith(".copy-")


def stored_path(folder: Path, stored_name: str) -> Path:
    """Where an earlier version kept an attachment's file; ValueError for a name the app did not make (a path, "..")."""
    if not _STORED_NAME.match(stored_name):
        raise ValueError(f"not a stored attachment name: {stored_name!r}")
    return folder / stored_name


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    return _SUFFIX_ALIASES.get(suffix, suffix)


def _shown_name(name: str) -> str:
    """The file's name as people may see it: no control characters, at most 300 characters."""
    cleaned = "".join(ch for ch in name if ch.isprintable()).strip() or "file"
    return cleaned[-300:]
