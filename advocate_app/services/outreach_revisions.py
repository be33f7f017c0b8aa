"""An outreach item's content revisions, inside the transaction that saves it.

A save that changes the words (the title, or any text a translator would translate, or the
blocks themselves) is a new content revision: counted on the item (``content_revision``, not
the ``version`` that guards against two people saving at once) and kept whole in
``outreach_revisions``, so a translation made from an older revision can be shown what changed.
Saving a translation with new words brings it up to date with its source's current revision.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from advocate_app.domain.outreach_content import OutreachItem, item_from_json
from advocate_app.domain.outreach_segments import segments

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.domain.outreach import OutreachRecord


def words(item: OutreachItem) -> list[object]:
    """What a content revision is made of: the blocks' kinds and every text."""
    return [b.type for b in item.blocks] + [(s.id, s.text) for s in segments(item)]


def previous_item(record: OutreachRecord) -> OutreachItem | None:
    """The item as ``record`` holds it before a save (None when it is new or unreadable)."""
    if not record.content:
        return None
    try:
        return item_from_json(record.content)
    except ValueError:
        return None


def write(session: Session, record: OutreachRecord, item: OutreachItem, content: str,
          account_id: int | None, previous: OutreachItem | None, is_new: bool) -> bool:
    """Put ``item`` (its JSON form ``content``) in ``record``; count and keep a new content
    revision when its words changed (always for a new item). True when they changed."""
    from advocate_app.domain.outreach import OutreachRevision, OutreachTranslation

    changed = is_new or previous is None or words(previous) != words(item)
    previous_content = (record.title, record.content)
    now = datetime.now(UTC)
    record.kind = item.kind.value
    record.title = item.title.strip()
    record.language = item.language
    record.group_name = item.group
    record.content = content
    record.updated_at = now
    record.updated_by = account_id
    if not changed:
        return False
    if is_new:
        record.content_revision = 1
        session.flush()  # its id, for the revision
    else:
        keep(session, record, previous_content)
        record.content_revision = (record.content_revision or 1) + 1
    session.add(OutreachRevision(item_id=record.id, revision=record.content_revision,
                                 title=record.title, content=content, created_at=now,
                                 created_by=account_id))
    if not is_new:
        link = session.query(OutreachTranslation).filter_by(item_id=record.id).one_or_none()
        if link is not None:  # a translation saved with new words: against today's source
            bring_up_to_date(session, link)
    return True


def keep(session: Session, record: OutreachRecord,
         words_now: tuple[str, str] | None = None) -> None:
    """Keep ``record``'s current revision (its title and content ``words_now``, else as the
    record holds them) unless it is kept already: an item added by another way than a save
    (sample data, a follow-up letter) has none until then."""
    from advocate_app.domain.outreach import OutreachRevision

    revision = record.content_revision or 1
    if session.query(OutreachRevision.id).filter_by(item_id=record.id,
                                                    revision=revision).first() is not None:
        return
    title, content = words_now or (record.title, record.content)
    session.add(OutreachRevision(item_id=record.id, revision=revision, title=title,
                                 content=content, created_at=record.updated_at,
                                 created_by=record.updated_by))


def bring_up_to_date(session: Session, link: object) -> None:
    """Record translation ``link`` as made from its source's current revision."""
    from advocate_app.domain.outreach import OutreachRecord, OutreachTranslation

    assert isinstance(link, OutreachTranslation)
    source = session.get(OutreachRecord, link.source_id)
    if source is not None:
        link.source_revision = source.content_revision
        link.updated_at = datetime.now(UTC)


def revision_item(session: Session, item_id: int, revision: int) -> OutreachItem | None:
    """Item ``item_id`` as it was at content revision ``revision`` (None if not kept)."""
    from advocate_app.domain.outreach import OutreachRevision

    found = session.query(OutreachRevision).filter_by(item_id=item_id,
                                                      revision=revision).one_or_none()
    if found is None:
        return None
    try:
        return item_from_json(found.content)
    except ValueError:
        return None


def link_group(session: Session, records: list[OutreachRecord]) -> int:
    """Make translation sets of items added together that share a group (sample data), as
    migration 0015 does for a database of an earlier version: in each group, the first
    item is the source (separately for Easy Read), the first in each other language its
    translation. Each item's words are kept as its revision 1. The links made."""
    from advocate_app.domain.outreach import OutreachTranslation

    session.flush()
    sets: dict[tuple[str, bool], list[tuple[OutreachRecord, OutreachItem]]] = {}
    for record in records:
        keep(session, record)
        item = previous_item(record)
        if record.group_name and item is not None:
            sets.setdefault((record.group_name, item.easy_read), []).append((record, item))
    made = 0
    for members in sets.values():
        source = members[0][0]
        languages = {source.language.lower()}
        for record, _item in members[1:]:
            if record.language.lower() in languages:
                continue
            languages.add(record.language.lower())
            session.add(OutreachTranslation(item_id=record.id, source_id=source.id,
                                            source_revision=source.content_revision or 1))
            made += 1
    return made
