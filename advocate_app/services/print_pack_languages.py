"""Which version of an item each member of a print pack gets, and the volunteer's lines about
those who do not get their own language.

Each member gets the item in their preferred language; where that translation is missing or
stale (its source changed since it was made), the language they named second; then the
source. A member who needs Easy Read gets an Easy Read version where one is up to date. Every
fallback is counted by the language wanted, the reason and what was given instead, and said
in one line each on the summary ("12 members who read Arabic get the English source: the
Arabic translation is stale since revision 4").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from advocate_app.domain.outreach_content import OutreachItem
from advocate_app.domain.outreach_translation_views import TranslationSet, TranslationState
from advocate_app.i18n import ngettext


def base(code: str) -> str:
    return (code or "").replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class Fallback:
    """Members who wanted ``wanted`` and got ``given`` instead (their second language, or the
    source); ``stale_since`` the revision the translation lacks (0: there is none)."""

    wanted: str
    given: str
    second: bool
    stale_since: int = 0


@dataclass
class LanguageChooser:
    versions: list[tuple[int, OutreachItem]]
    default_id: int
    translation_set: TranslationSet | None = None
    fallbacks: Counter[Fallback] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        found = self.translation_set
        self._stale = {v.item_id: v.stale_since for v in (found.translations if found else ())
                       if v.state is TranslationState.STALE and v.item_id is not None}
        self._usable = [v for v in self.versions if v[0] not in self._stale]
        ids = {v[0] for v in self.versions}
        self._source_id = (found.source_id if found is not None and found.source_id in ids
                           else self.default_id)

    def choose(self, preferred: str, second: str, easy_read: bool) -> int:
        """The version for a member reading ``preferred`` (then ``second``) who may need
        Easy Read; a fallback from their own language is counted."""
        wanted = base(preferred)
        if easy_read:
            chosen = self._easy_read(wanted)
            if chosen is not None:
                self._count(wanted, chosen, False)  # none in their language: said
                return chosen
        for language in (wanted, base(second)):
            chosen = self._in(language, easy_read) if language else None
            if chosen is not None:
                if language != wanted:
                    self._count(wanted, chosen, True)
                return chosen
        chosen = self._source(easy_read)
        if wanted:
            self._count(wanted, chosen, False)
        return chosen

    def _in(self, language: str, easy_read: bool) -> int | None:
        found = [v for v in self._usable if base(v[1].language) == language]
        if not found:
            return None
        return max(found, key=lambda v: (v[1].easy_read == easy_read, v[0] == self.default_id,
                                         v[0] == self._source_id))[0]

    def _easy_read(self, wanted: str) -> int | None:
        """An up-to-date Easy Read version: in the member's language if there is one."""
        easy = [v for v in self._usable if v[1].easy_read]
        if not easy:
            return None
        return max(easy, key=lambda v: (bool(wanted) and base(v[1].language) == wanted,
                                        v[0] == self.default_id))[0]

    def _source(self, easy_read: bool) -> int:
        source = dict(self.versions)[self._source_id]
        found = self._in(base(source.language), easy_read)
        return found if found is not None else self._source_id

    def _count(self, wanted: str, chosen: int, second: bool) -> None:
        if not wanted or wanted == base(dict(self.versions)[chosen].language):
            return  # an Easy Read version in their language, say: no fallback
        stale = next((since for item_id, since in self._stale.items()
                      if base(dict(self.versions)[item_id].language) == wanted), 0)
        self.fallbacks[Fallback(wanted, dict(self.versions)[chosen].language, second,
                                stale)] += 1


def fallback_lines(fallbacks: Counter[Fallback], name: Callable[[str], str]) -> list[str]:
    """One line per language wanted, reason and version given; ``name(code)`` names a
    language in the volunteer's language."""
    lines = []
    for fallback, count in sorted(fallbacks.items(), key=lambda e: (-e[1], e[0].wanted)):
        values = {"n": count, "language": name(fallback.wanted),
                  "given": name(fallback.given),
                  "revision": fallback.stale_since}
        if fallback.second and fallback.stale_since:
            line = ngettext(
                "{n} member who reads {language} gets the {given} version, the language they "
                "named second: the {language} translation is stale since revision {revision}.",
                "{n} members who read {language} get the {given} version, the language they "
                "named second: the {language} translation is stale since revision {revision}.",
                count)
        elif fallback.second:
            line = ngettext(
                "{n} member who reads {language} gets the {given} version, the language they "
                "named second: there is no {language} translation.",
                "{n} members who read {language} get the {given} version, the language they "
                "named second: there is no {language} translation.", count)
        elif fallback.stale_since:
            line = ngettext(
                "{n} member who reads {language} gets the {given} source: the {language} "
                "translation is stale since revision {revision}.",
                "{n} members who read {language} get the {given} source: the {language} "
                "translation is stale since revision {revision}.", count)
        else:
            line = ngettext(
                "{n} member who reads {language} gets the {given} source: there is no "
                "{language} translation.",
                "{n} members who read {language} get the {given} source: there is no "
                "{language} translation.", count)
        lines.append(line.format(**values))
    return lines
