"""What a translator's file holds, whatever its format (XLIFF or PO), and the limits a file
coming back is held to; see :mod:`.translation_files`."""

from __future__ import annotations

from dataclasses import dataclass

from advocate_app.interchange.errors import UnreadableFileError

#: A translator's file is small: one item's words.
MAX_BYTES = 5_000_000
#: XLIFF nests a handful of levels (xliff, file, unit, segment, target, inline codes).
MAX_DEPTH = 24
MAX_ELEMENTS = 200_000
MAX_UNITS = 20_000


@dataclass(frozen=True)
class TranslationUnit:
    """One text: its id in the item (``title``, ``b3.text`` …), the source's words, the
    translation (None when not translated yet)."""

    id: str
    source: str
    target: str | None = None
    note: str = ""  # where the text sits, for the translator
    markup: bool = False  # the words carry inline markup (emphasis, strong, links)


@dataclass(frozen=True)
class TranslationFile:
    item_id: int
    title: str
    source_language: str
    target_language: str
    source_revision: int
    units: tuple[TranslationUnit, ...]
    translator: str = ""


def refuse(reason: str) -> UnreadableFileError:
    return UnreadableFileError(reason)


def take_unit(unit_id: str, seen: set[str]) -> None:
    """Note ``unit_id`` as read; refuse a text given twice or one too many."""
    from advocate_app.i18n import _

    if unit_id in seen:
        raise refuse(_("The text “{id}” is in this file twice; nothing was "
                       "imported.").format(id=unit_id))
    if len(seen) >= MAX_UNITS:
        raise refuse(_("This translation file has too many texts (at most {limit}); "
                       "nothing was imported.").format(limit=MAX_UNITS))
    seen.add(unit_id)
