"""The bytes of stories' recordings and photos, kept in the database.

An attachment's bytes are a ``story_attachment_data`` row beside its ``story_attachments`` row,
written in the same transaction, so an encrypted database encrypts them, a backup holds them,
a restore brings them back and an erasure (or removing the attachment or its story) removes
them, with nothing in the data folder to forget. Opening one writes a private copy outside the
data folder (``interchange/story_files.py``).

Earlier versions copied them into ``story_files/`` in the data folder: :func:`take_in_folder`
moves such files into the database at start-up and removes them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.interchange import errors as interchange_errors
from advocate_app.interchange import story_files
from advocate_app.services.errors import NotFoundError, UnreadableFileError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.stories import StoryAttachment
    from advocate_app.storage.unit_of_work import UnitOfWorkFactory

log = logging.getLogger(__name__)


def read(path: Path | str) -> story_files.ReadAttachment:
    """The file chosen, read as hostile input (see ``interchange/story_files.py``)."""
    try:
        return story_files.read_attachment(path)
    except interchange_errors.UnreadableFileError as error:
        raise UnreadableFileError(str(error)) from error


def keep(session: Session, story_id: int, found: story_files.ReadAttachment,
         description: str) -> StoryAttachment:
    """The attachment and its bytes, added to ``session`` (committed by the caller)."""
    from advocate_app.domain.stories import StoryAttachment, StoryAttachmentData

    attachment = StoryAttachment(
        story_id=story_id, kind=found.kind.value, original_name=found.original_name,
        stored_name=found.stored_name, size=found.size, sha256=found.sha256,
        description=description.strip())
    session.add(attachment)
    session.flush()
    session.add(StoryAttachmentData(attachment_id=attachment.id, data=found.data))
    return attachment


def opened_copy(session: Session, attachment: StoryAttachment) -> Path:
    """A private copy of ``attachment`` to open or play, outside the data folder."""
    from advocate_app.domain.stories import StoryAttachmentData
    from advocate_app.i18n import _

    kept = session.get(StoryAttachmentData, attachment.id)
    if kept is None:
        raise NotFoundError(_("The file of attachment {id} is missing.").format(
            id=attachment.id))
    try:
        return story_files.opened_copy(attachment.stored_name, kept.data)
    except OSError as exc:
        raise UnreadableFileError(_("“{name}” could not be written to open it: {reason}").format(
            name=attachment.original_name, reason=exc.strerror or exc)) from exc


def remove_opened_copies(stored_name: str) -> None:
    """The copies written to open an attachment that is gone (see interchange)."""
    story_files.remove_opened_copies(stored_name)


def take_in_folder(uow: UnitOfWorkFactory, folder: Path) -> int:
    """Move the files an earlier version kept in ``folder`` into the database, each with its
    attachment in one transaction, then delete them; files no attachment names (a copy cut
    short) are deleted. Returns how many were taken in; a file that cannot be read is left
    and logged (the next start tries again)."""
    from sqlalchemy import select

    from advocate_app.domain.stories import StoryAttachment, StoryAttachmentData

    taken = 0
    with uow() as work:
        named = {row.stored_name: row.id for row in work.session.execute(
            select(StoryAttachment.stored_name, StoryAttachment.id))}
        kept = set(work.session.scalars(select(StoryAttachmentData.attachment_id)))
    for entry in sorted(folder.iterdir()):
        attachment_id = named.get(entry.name)
        if attachment_id is not None and attachment_id not in kept:
            try:
                data = story_files.read_kept_file(entry, folder)
            except interchange_errors.UnreadableFileError as exc:
                log.warning("A story attachment's file could not be taken in: %s", exc)
                continue
            with uow() as work:
                work.session.add(StoryAttachmentData(attachment_id=attachment_id, data=data))
                work.commit()
            taken += 1
        if story_files.made_here(entry.name) and (entry.is_file() or entry.is_symlink()):
            entry.unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass  # something else is in it: left alone
    return taken
