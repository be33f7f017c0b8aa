"""Pictures of outreach items, kept in the database.

When an item is imported or saved, :func:`take_in` reads each ``image`` block's picture (a file
named by ``"path"``, read as hostile input by ``interchange/outreach_files.py``, or an embedded
``"data"``), checks it is a real PNG or JPEG within the limits, and the block keeps only the
picture's SHA-256 ``"digest"``; :func:`store` adds the bytes to ``outreach_pictures`` in the
same transaction as the item. A rendering reads them back from there (:func:`resolve`, called
by the story gate every rendering passes), so no stored item carries a path that is read later.

Items saved before pictures were kept may still name a path: each rendering reads it with the
same checks (regular file, inside its folder, size, real picture) until the item is next saved,
which copies it in; when it cannot be read the block prints a plain "Picture missing" note and
the pre-flight check says why (:func:`problems`).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.documents.pictures import check_decodes
from advocate_app.documents.preflight import Problem
from advocate_app.domain.outreach_content import Block, ContentError, OutreachItem
from advocate_app.domain.outreach_pictures import (
    MAX_PICTURE_BYTES,
    Picture,
    PictureError,
    describe,
    is_digest,
)
from advocate_app.i18n import _
from advocate_app.interchange.outreach_files import read_picture_file
from advocate_app.storage.reader import Reader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_SPACES = re.compile(r"\s+")


def _pictured(block: Block) -> bool:
    return block.type == "image" and not block.data.get("pictogram") and any(
        block.data.get(key) for key in ("path", "data", "digest", "resolved"))


def _read(block: Block, number: int, folder: Path | None) -> Picture:
    """The picture a block names by ``"data"`` or ``"path"``; PictureError naming the block."""
    data = block.data
    try:
        if data.get("data"):
            encoded = _SPACES.sub("", str(data["data"]))
            if len(encoded) > (MAX_PICTURE_BYTES * 4) // 3 + 4:
                raise PictureError(_("The embedded picture is larger than {limit} MB.").format(
                    limit=MAX_PICTURE_BYTES // 1_000_000))
            try:
                raw = base64.b64decode(encoded, validate=True)
            except (binascii.Error, ValueError) as exc:
                raise PictureError(_("The embedded picture is not valid base64.")) from exc
            what = _("embedded in the item")
            picture = describe(raw, what)
        else:
            what = str(data["path"])
            picture = describe(read_picture_file(what, folder), what)
        check_decodes(picture, what)
        return picture
    except PictureError as exc:
        raise PictureError(_("Block {n} (image): {reason}").format(n=number, reason=exc)) \
            from exc


def take_in(item: OutreachItem, folder: Path | None = None
            ) -> tuple[OutreachItem, list[Picture]]:
    """``item`` with each picture named by its digest, and the pictures read (to store).
    ``folder``: where an item file's relative paths start (and which they may not leave)."""
    blocks, pictures = [], []
    for number, block in enumerate(item.blocks, start=1):
        if not _pictured(block) or (block.data.get("digest") and not (
                block.data.get("data") or block.data.get("path"))):
            blocks.append(block)
            continue
        resolved = block.data.get("resolved")
        picture = resolved if isinstance(resolved, Picture) else _read(block, number, folder)
        kept = {k: v for k, v in block.data.items() if k not in ("path", "data", "resolved")}
        blocks.append(Block("image", {**kept, "digest": picture.digest}, block.language))
        pictures.append(picture)
    return replace(item, blocks=tuple(blocks)), pictures


def in_memory(item: OutreachItem, folder: Path | None = None) -> OutreachItem:
    """``item`` (read from a file, not stored) with each picture read now and carried along
    for rendering; PictureError naming the block when one cannot be."""
    blocks = []
    for number, block in enumerate(item.blocks, start=1):
        if _pictured(block) and (block.data.get("data") or block.data.get("path")):
            picture = _read(block, number, folder)
            kept = {k: v for k, v in block.data.items() if k not in ("path", "data")}
            block = Block("image", {**kept, "digest": picture.digest, "resolved": picture},
                          block.language)
        blocks.append(block)
    return replace(item, blocks=tuple(blocks))


def store(session: Session, pictures: list[Picture]) -> None:
    """Add each picture not kept yet (the caller commits with the item)."""
    from advocate_app.domain.outreach import OutreachPicture

    for picture in {p.digest: p for p in pictures}.values():
        if session.get(OutreachPicture, picture.digest) is None:
            session.add(OutreachPicture(
                digest=picture.digest, media_type=picture.media_type, width=picture.width,
                height=picture.height, size=picture.size, data=picture.data,
                created_at=datetime.now(UTC)))


def load(reader: Reader, digest: str) -> Picture | None:
    if not is_digest(digest):
        return None
    rows = reader.rows("SELECT media_type, width, height, data FROM outreach_pictures "
                       "WHERE digest = :digest", {"digest": digest})
    if not rows:
        return None
    media_type, width, height, data = rows[0]
    return Picture(digest, media_type, int(width), int(height), bytes(data))


def check_known(reader: Reader, item: OutreachItem, taken_in: list[Picture]) -> None:
    """Refuse an item naming a picture by a digest this database does not hold (and that is
    not among the pictures ``taken_in`` with it)."""
    arriving = {picture.digest for picture in taken_in}
    for number, block in enumerate(item.blocks, start=1):
        digest = block.data.get("digest") if _pictured(block) else None
        if digest and digest not in arriving and load(reader, str(digest)) is None:
            raise PictureError(_("Block {n} (image) names a picture this database does not "
                                 "hold: import the item with the picture inside it.").format(
                n=number))


def _looked_up(reader: Reader, block: Block, number: int) -> tuple[Picture | None, str]:
    """The picture for a block to render, or None and why it is missing."""
    data = block.data
    if isinstance(data.get("resolved"), Picture):
        return data["resolved"], ""
    if data.get("digest"):
        found = load(reader, str(data["digest"]))
        if found is not None:
            return found, ""
        if not (data.get("path") or data.get("data")):
            return None, _("Block {n} (image): its picture is no longer in the database.") \
                .format(n=number)
    try:
        return _read(block, number, None), ""
    except ContentError as exc:
        return None, str(exc)


def resolve(reader: Reader, item: OutreachItem) -> OutreachItem:
    """``item`` with each picture's bytes (``"resolved"``: a Picture, or None for a picture
    missing), ready for the renderer, which never reads a file."""
    if not any(_pictured(block) for block in item.blocks):
        return item
    blocks = []
    for number, block in enumerate(item.blocks, start=1):
        if _pictured(block):
            picture, _reason = _looked_up(reader, block, number)
            kept = {k: v for k, v in block.data.items() if k not in ("path", "data")}
            block = Block("image", {**kept, "resolved": picture}, block.language)
        blocks.append(block)
    return replace(item, blocks=tuple(blocks))


def problems(reader: Reader, item: OutreachItem) -> list[Problem]:
    """A pre-flight problem for each picture that cannot be printed (it would show as a
    "Picture missing" note), with the reason."""
    out = []
    for number, block in enumerate(item.blocks, start=1):
        if _pictured(block):
            picture, reason = _looked_up(reader, block, number)
            if picture is None:
                out.append(Problem("picture-missing", reason, number))
    return out


def embedded(reader: Reader, item: OutreachItem) -> OutreachItem:
    """``item`` with each kept picture inside it (base64 ``"data"``), for an export another
    database can import."""
    blocks = []
    for block in item.blocks:
        digest = block.data.get("digest") if _pictured(block) else None
        picture = load(reader, str(digest)) if digest else None
        if picture is not None:
            block = Block("image", {**block.data, "data": base64.b64encode(
                picture.data).decode("ascii")}, block.language)
        blocks.append(block)
    return replace(item, blocks=tuple(blocks))
