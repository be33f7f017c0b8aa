"""The pre-flight check: every rule a document breaks for its profile, in plain words.

The person can fix each problem or knowingly override it (the override is recorded by the
caller with the rendering).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advocate_app.domain.inline_markup import plain
from advocate_app.domain.outreach_content import OutreachItem
from advocate_app.domain.print_profiles import PrintProfile, contrast_ratio
from advocate_app.i18n import _

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORD = re.compile(r"\w[\w'’-]*")
_EMPHASIS_ONLY = re.compile(r"^\s*(\*[^*]+\*|_[^_]+_)\s*$")


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    block: int | None = None  # 1-based block number; None for the whole document
    #: Cannot be printed anyway (a story without consent): the person must change the item.
    blocking: bool = False


@dataclass(frozen=True)
class Choices:
    """What the person chose beyond the profile (checked against its numbers)."""

    body_pt: float | None = None
    text_color: str | None = None
    background: str | None = None
    justified: bool = False


def _texts(block) -> list[str]:
    data = block.data
    if block.type in ("heading", "paragraph"):
        return [data.get("text", "")]
    if block.type == "list":
        return [str(item) for item in data.get("items", [])]
    if block.type == "table":
        return [str(cell) for row in data.get("rows", []) for cell in row]
    return []


def check(item: OutreachItem, profile: PrintProfile, choices: Choices = Choices()
          ) -> list[Problem]:
    problems: list[Problem] = []
    size = choices.body_pt or profile.body_pt
    if size < profile.min_body_pt:
        problems.append(Problem("text-too-small", _(
            "Body text of {size} pt is too small for {profile}: use at least {minimum} pt."
        ).format(size=size, profile=profile.key.label, minimum=profile.min_body_pt)))
    if profile.max_body_pt and size > profile.max_body_pt:
        problems.append(Problem("text-too-large", _(
            "Body text of {size} pt is larger than {profile} allows ({maximum} pt)."
        ).format(size=size, profile=profile.key.label, maximum=profile.max_body_pt)))
    ratio = contrast_ratio(choices.text_color or profile.text_color,
                           choices.background or profile.background)
    if ratio < profile.min_contrast:
        problems.append(Problem("contrast-too-low", _(
            "The text contrast is {ratio:.1f}:1; {profile} needs at least {minimum}:1."
        ).format(ratio=ratio, profile=profile.key.label, minimum=profile.min_contrast)))
    if choices.justified and profile.left_aligned_only:
        problems.append(Problem("justified", _(
            "{profile} text must be left-aligned, never justified.").format(
            profile=profile.key.label)))
    previous_level = 0
    has_image = False
    for number, block in enumerate(item.blocks, start=1):
        data = block.data
        if block.type == "heading":
            level = data["level"]
            if previous_level == 0 and level != 1:
                problems.append(Problem("heading-start", _(
                    "The first heading should be a level 1 heading."), number))
            elif level > previous_level + 1:
                problems.append(Problem("heading-skipped", _(
                    "Heading levels jump from {before} to {after}: do not skip a level."
                ).format(before=previous_level, after=level), number))
            previous_level = level
        if block.type == "image":
            has_image = True
            if not data.get("decorative") and not str(data.get("alt") or "").strip():
                problems.append(Problem("image-no-alt", _(
                    "This image has no alt text: describe it, or mark it as decorative."),
                    number))
        texts = [t for t in _texts(block)]
        if block.type in ("heading", "paragraph", "list") and not any(t.strip() for t in texts):
            problems.append(Problem("empty-block", _("This block is empty."), number))
        if profile.no_italic_underline_caps:
            for text in texts:
                words = _WORD.findall(text)
                if _EMPHASIS_ONLY.match(text) and len(words) > 3:
                    problems.append(Problem("italic-block", _(
                        "A whole passage in emphasis is hard to read in {profile}; emphasise "
                        "a few words at most.").format(profile=profile.key.label), number))
                    break
                capitals = [w for w in words if len(w) > 1 and w.isupper()]
                if len(words) >= 4 and len(capitals) >= 0.6 * len(words):
                    problems.append(Problem("capitals-block", _(
                        "Text in capitals is hard to read in {profile}.").format(
                        profile=profile.key.label), number))
                    break
        if profile.max_sentence_words:
            for text in texts:
                for sentence in _SENTENCE_END.split(plain(text)):  # the words as read
                    count = len(_WORD.findall(sentence))
                    if count > profile.max_sentence_words:
                        problems.append(Problem("sentence-too-long", _(
                            "A sentence of {count} words: Easy Read keeps to {limit} words and "
                            "one idea per sentence (“{start}…”).").format(
                            count=count, limit=profile.max_sentence_words,
                            start=" ".join(sentence.split()[:6])), number))
    if profile.picture_left and item.blocks and not has_image:
        problems.append(Problem("easy-read-pictures", _(
            "Easy Read puts a picture beside each idea; this document has no pictures.")))
    return problems
