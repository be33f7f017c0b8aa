"""A story or quote in a tagged PDF: the teller's words as a ``BlockQuote`` with a ``P`` for
each paragraph and the attribution as its last ``P``, a rule down the left side.

The words and the attribution come resolved by the outreach service (a
:class:`~advocate_app.domain.outreach_content.StoryText`, which it makes only once the story's
consent covers the item's channel on the day of rendering); a block that was not resolved is
refused, so no path through the engine prints a story nobody checked.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from advocate_app.documents.flowables import QuoteBar
from advocate_app.domain.outreach_content import UNCHECKED_STORY, Block, RenderError, StoryText
from advocate_app.i18n import _


def story_flowables(builder: Any, block: Block) -> list[Flowable]:
    """The flowables of a story block for ``builder`` (a ``pdf_blocks.BlockBuilder``)."""
    story = block.data.get("resolved")
    if not isinstance(story, StoryText):
        raise RenderError(_(UNCHECKED_STORY))
    styles = builder.styles
    quote = builder.node("BlockQuote", block)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", story.text) if p.strip()]
    lines = [(_escaped(p), False) for p in paragraphs]
    lines.append((_escaped("— " + story.attribution), True))
    indent, gap = styles.body_pt * 1.4, styles.body_pt * 0.5
    color = colors.HexColor(styles.accent)
    style = ParagraphStyle("quote", parent=styles.body, spaceAfter=0)
    flows: list[Flowable] = []
    for number, (text, last) in enumerate(lines, start=1):
        # The attribution is in the item's language, the words in the teller's.
        node = quote.add("P", lang=builder.item.language) if last and block.language \
            else quote.add("P")
        # merge=False: a teller's "{{name}}" is printed as they wrote it.
        flow = builder.paragraph(text, style, node, bold=last,
                                 lang="" if last else block.language, merge=False)
        flows.append(QuoteBar(flow, indent, color, builder.tagger,
                              styles.body_pt if number == len(lines) else 0, gap))
    return flows


def _escaped(text: str) -> str:
    """The words as typed: the characters of the simple markup are not markup here."""
    return re.sub(r"([\\*\[\]()_])", r"\\\1", text)
