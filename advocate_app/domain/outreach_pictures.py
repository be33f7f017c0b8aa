"""Pictures in outreach items: what a picture must be, and how an item names one.

A picture (an ``image`` block's photo or drawing) is copied into the database when the item is
imported or saved, and the block then names it by the SHA-256 digest of its bytes
(``{"type": "image", "digest": "…"}``); no stored item carries a path that is read later. A
picture is a PNG or a JPEG of at most :data:`MAX_PICTURE_BYTES`, whose header says so and
gives dimensions within :data:`MAX_SIDE` and :data:`MAX_PIXELS`: :func:`describe` checks the
bytes. Plain vocabulary: no I/O (reading a file is ``interchange/outreach_files.py``).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from advocate_app.domain.outreach_content import ContentError
from advocate_app.i18n import N_, _

#: What a document prints where a picture cannot be (not in the database, or unreadable).
PICTURE_MISSING = N_("Picture missing")

MAX_PICTURE_BYTES = 20_000_000
MAX_SIDE = 12_000
MAX_PIXELS = 50_000_000

PNG, JPEG = "image/png", "image/jpeg"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: JPEG markers that start a frame and carry its size (SOF0-3, 5-7, 9-11, 13-15).
_JPEG_FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF})


class PictureError(ContentError):
    """A picture that cannot be taken in; the message is one translated sentence."""


@dataclass(frozen=True)
class Picture:
    """A picture as kept in the database, and as handed to the renderer."""

    digest: str
    media_type: str
    width: int
    height: int
    data: bytes = b""

    @property
    def size(self) -> int:
        return len(self.data)


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_digest(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(
        ch in "0123456789abcdef" for ch in value)


def describe(data: bytes, what: str) -> Picture:
    """``data`` as a Picture when it is a PNG or JPEG within the limits; PictureError naming
    ``what`` (the file, or "the embedded picture") otherwise."""
    if not data:
        raise PictureError(_("The picture {what} is empty.").format(what=what))
    if len(data) > MAX_PICTURE_BYTES:
        raise PictureError(_("The picture {what} is larger than {limit} MB.").format(
            what=what, limit=MAX_PICTURE_BYTES // 1_000_000))
    if data.startswith(_PNG_SIGNATURE):
        media_type, size = PNG, _png_size(data)
    elif data.startswith(b"\xff\xd8\xff"):
        media_type, size = JPEG, _jpeg_size(data)
    else:
        raise PictureError(_("The picture {what} is not a PNG or JPEG.").format(what=what))
    if size is None:
        raise PictureError(_("The picture {what} is damaged: its size cannot be read.").format(
            what=what))
    width, height = size
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE) or width * height > MAX_PIXELS:
        raise PictureError(_("The picture {what} is {width} × {height} pixels; at most "
                             "{limit} pixels a side and {pixels} million in all.").format(
            what=what, width=width, height=height, limit=MAX_SIDE,
            pixels=MAX_PIXELS // 1_000_000))
    return Picture(digest_of(data), media_type, width, height, data)


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The frame size of a JPEG, read from its markers (each segment is skipped by its
    length, so this reads only the headers)."""
    at, end = 2, len(data)
    while at + 4 <= end:
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length follows
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or the picture's data: no frame seen
            return None
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if length < 2:
            return None
        if marker in _JPEG_FRAMES:
            if at + 9 > end:
                return None
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None
