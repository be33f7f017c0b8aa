"""The words of an outreach item's blocks as paragraphs: merge fields filled, the simple markup
turned into reportlab's, and the paragraph chosen by what the words need (reportlab's for
Latin, Greek and Cyrillic; :class:`ScriptParagraph` for anything shaped, right to left,
Chinese, Japanese or Korean, or holding a passage in another language).

:class:`BlockText` is the part of ``pdf_blocks.BlockBuilder`` that writes words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from advocate_app.documents import fonts
from advocate_app.documents.flowables import Tagged
from advocate_app.documents.paragraph import SpacedParagraph
from advocate_app.documents.script_paragraph import ScriptParagraph
from advocate_app.documents.scripts import foreign_spans, needs_layout
from advocate_app.documents.tagging import Node
from advocate_app.domain import inline_markup as inline
from advocate_app.domain.outreach_content import Block
from advocate_app.i18n import N_, is_right_to_left

_MERGE_FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
#: What a merge field shows in a preview (no recipient yet).
FIELD_LABELS = {"name": N_("Name"), "first_name": N_("First name"),
                "salutation": N_("Dear …"), "date": N_("Date")}


class BlockText:
    """Words as paragraphs, for a builder that has ``item``, ``profile``, ``options``,
    ``styles``, ``tagger``, ``recipient``, ``t`` and ``words``."""

    def fill(self, text: str) -> str:
        values = dict(self.recipient.fields) if self.recipient else {}
        values.setdefault("date", self.options.date_text)
        if values.get("name"):
            values.setdefault("first_name", values["name"])
            values.setdefault("salutation", values["name"])

        def replace(match: re.Match) -> str:
            key = match.group(1)
            if key in values and values[key]:
                return escape_markup(values[key])
            if self.recipient is None:
                label = FIELD_LABELS.get(key)
                return escape_markup(f"[{self.t(label)}]") if label else match.group(0)
            return ""
        return _MERGE_FIELD.sub(replace, text)

    def markup(self, text: str, bold: bool = False, merge: bool = True
               ) -> tuple[str, list[tuple[str, str]]]:
        """Paragraph markup for ``text`` (inline markup parsed, everything else escaped)."""
        out, links = [], []
        no_italic = self.profile.no_italic_underline_caps
        for run in inline.parse(self.fill(text) if merge else text):
            strong = bold or run.strong or (run.emphasis and no_italic)
            italic = run.emphasis and not no_italic
            pieces = "".join(f'<font face="{name}">{escape(part)}</font>'
                             for name, part in fonts.runs(run.text, self.styles.family,
                                                          strong, italic))
            if run.href:
                links.append((run.href, run.text))
                color = self.styles.accent
                pieces = (f'<a href="{escape(run.href, {chr(34): "&quot;"})}" '
                          f'color="{color}"><u>{pieces}</u></a>')
            out.append(pieces)
        return "".join(out).replace("\n", "<br/>"), links

    def paragraph(self, text: str, style: ParagraphStyle, node: Node, bold: bool = False,
                  lang: str = "", merge: bool = True,
                  spans: Sequence[tuple[int, int, str]] = ()) -> Flowable:
        """``merge`` False: merge fields are left as written (a teller's own words).
        ``spans``: (start, end, language) of passages of the words as read (markup removed) in
        another language; passages in another script are found by themselves."""
        source = self.fill(text) if merge else text
        plain = inline.plain(source)
        # The block's language lays the paragraph out (right to left, on the right); the
        # words' own language (English words the document prints itself) tags them.
        layout = lang or self.item.language or "en"
        lang = lang or node.lang or self.item.language or "en"
        found = [span for span in spans if span[2] != lang]
        found += [span for span in foreign_spans(plain, lang)
                  if not any(s < span[1] and span[0] < e for s, e, _l in found)]
        found.sort()
        if found or needs_layout(plain) or is_right_to_left(layout):
            no_italic = self.profile.no_italic_underline_caps
            bold = bold or style.fontName.endswith("-Bold")
            runs = inline.parse(source)
            pieces = [(run.text, bold or run.strong or (run.emphasis and no_italic),
                       run.emphasis and not no_italic, run.href or "") for run in runs]
            node.link_texts = _link_texts([(run.href, run.text) for run in runs if run.href])
            if "".join(piece[0] for piece in pieces) != plain:
                pieces = [(plain, bold, False, "")]
            # A right-to-left language's paragraph reads right to left when it has a letter of
            # such a script; one without (a telephone number, an address in Latin letters)
            # keeps its own order, but still stands on the right.
            rtl_language = is_right_to_left(layout)
            rtl = True if rtl_language and _has_right_to_left(plain) else None
            return ScriptParagraph(pieces, style, self.styles.family, self.tagger, node, lang,
                                   rtl, found, align_right=rtl_language)
        body, links = self.markup(text, bold, merge)
        node.link_texts = _link_texts(links)
        return Tagged(SpacedParagraph(body or "&nbsp;", style), node, self.tagger)

    def mirrored(self, block: Block | None = None) -> bool:
        """Right to left: pictures and list labels stand on the right of their words."""
        return is_right_to_left((block.language if block is not None else "")
                                or self.item.language or "en")

    def own_words(self, message: str) -> tuple[str, str]:
        """Words the document prints itself and their language ("" when it is the item's)."""
        words, lang = self.words(message)
        return words, ("" if lang == (self.item.language or "en") else lang)



def _has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _link_texts(links: list[tuple[str, str]], limit: int = 300) -> dict[str, str]:
    """Each address's link words (the different words linking to it, joined; at most
    ``limit`` characters): what each link annotation's /Alt says, so a paragraph with
    thousands of links does not give every one of them all their words."""
    words: dict[str, dict[str, None]] = {}
    for href, text in links:
        words.setdefault(href, {})[text] = None
    return {href: " ".join(texts)[:limit] for href, texts in words.items()}




def escape_markup(text: str) -> str:
    return re.sub(r"([\\*\[\]()_])", r"\\\1", text)
