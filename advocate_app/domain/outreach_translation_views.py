"""Translation sets as shown and passed between layers: an item's translations with their
state (up to date, stale since a revision of the source, missing for a language members read).
Plain vocabulary (no database)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from advocate_app.i18n import N_, _


class TranslationState(enum.StrEnum):
    UP_TO_DATE = "up_to_date"
    STALE = "stale"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return _(_STATE_LABELS[self.value])


_STATE_LABELS = {"up_to_date": N_("Up to date"), "stale": N_("Stale"),
                 "missing": N_("Missing")}


class TranslationFormat(enum.StrEnum):
    XLIFF = "xliff"
    PO = "po"

    @property
    def extension(self) -> str:
        return "xlf" if self is TranslationFormat.XLIFF else "po"


@dataclass(frozen=True)
class TranslationView:
    """One language of a translation set. ``item_id`` is None for a missing one."""

    language: str
    state: TranslationState
    item_id: int | None = None
    title: str = ""
    #: The source's revision it was made from (or last brought up to date with).
    source_revision: int = 0
    translated_by: str = ""
    reviewed_by_id: int | None = None
    reviewed_by: str = ""  # the reviewing member's name
    reviewed_on: date | None = None
    #: Members whose preferred language this is (they would be sent it).
    readers: int = 0
    version: int = 0

    @property
    def stale_since(self) -> int:
        """The source's first revision this translation does not have."""
        return self.source_revision + 1


@dataclass(frozen=True)
class TranslationSet:
    """A source item and its translations, one per language; missing languages last."""

    source_id: int
    source_title: str
    source_language: str
    revision: int  # the source's current content revision
    translations: tuple[TranslationView, ...] = ()

    def of(self, language: str) -> TranslationView | None:
        for view in self.translations:
            if view.language == language:
                return view
        return None


@dataclass(frozen=True)
class TranslationImport:
    """What an import did: the translation's item, its language, whether it was new."""

    item_id: int
    source_id: int
    language: str
    created: bool
    texts: int
