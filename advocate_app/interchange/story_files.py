"""A story's audio recordings and photos, copied into the data folder.

The file chosen is treated as hostile: its kind is read from its first bytes (a name ending in
.mp3 proves nothing), its size is bounded, and the copy is named by the app (a random id and the
extension of the kind found), never by the name or any path the file carries. The copy is
written beside its final place and moved there only once it is whole; a refused file leaves
nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from advocate_app.domain.story_rules import AttachmentKind
from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError

#: The largest recording or photo kept with a story.
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
_CHUNK = 1024 * 1024
_HEAD = 64

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
class CopiedFile:
    kind: AttachmentKind
    stored_name: str  # inside the attachments folder
    original_name: str
    size: int
    sha256: str


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


def copy_attachment(source: Path | str, folder: Path,
                    max_bytes: int | None = None) -> CopiedFile:
    """Copy ``source`` into ``folder`` under a name made here; UnreadableFileError (one
    sentence) when it is not a supported recording or photo, is larger than ``max_bytes``
    (:data:`MAX_ATTACHMENT_BYTES` by default) or cannot be read."""
    source = Path(source)
    max_bytes = MAX_ATTACHMENT_BYTES if max_bytes is None else max_bytes
    shown = _shown_name(source.name)
    try:
        with source.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > max_bytes:
                raise UnreadableFileError(_too_big(shown, max_bytes))
            head = handle.read(_HEAD)
            extension = sniff(head)
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
            stored_name = f"{secrets.token_hex(16)}.{extension}"
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                size, digest = _copy(handle, head, folder, stored_name, shown, max_bytes)
            except OSError as exc:
                if exc.filename is not None and Path(exc.filename) == source:
                    raise
                raise UnreadableFileError(_(
                    "“{name}” could not be copied into the data folder {folder}: {reason}"
                    ).format(name=shown, folder=folder, reason=exc.strerror or exc)) from exc
    except OSError as exc:
        raise UnreadableFileError(_("“{name}” cannot be read: {reason}").format(
            name=shown, reason=exc.strerror or exc)) from exc
    return CopiedFile(FORMATS[extension][0], stored_name, shown, size, digest)


def _copy(handle, head: bytes, folder: Path, stored_name: str, shown: str,
          max_bytes: int) -> tuple[int, str]:
    digest, size = hashlib.sha256(head), len(head)
    descriptor, temporary = tempfile.mkstemp(prefix=".copy-", dir=folder)  # 0600: private
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(head)
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:  # the file grew while it was copied
                    raise UnreadableFileError(_too_big(shown, max_bytes))
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, folder / stored_name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return size, digest.hexdigest()


def stored_path(folder: Path, stored_name: str) -> Path:
    """Where a kept file is; ValueError for a name the app did not make (a path, "..")."""
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


def _too_big(name: str, max_bytes: int) -> str:
    return _("“{name}” is larger than {limit} MB: nothing was added.").format(
        name=name, limit=max_bytes // (1024 * 1024))
