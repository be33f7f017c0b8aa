"""Address labels on the common sheets (A4 L7160 and L7163, US Letter 5160): one label a
recipient, or a sheet of the item's own text (return-address labels), each a paragraph of the
structure tree. An address in a script that must be shaped, runs right to left or is Chinese,
Japanese or Korean is laid out by :class:`ScriptParagraph`, shrunk like any other to fit."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from advocate_app.documents import fonts
from advocate_app.documents.flowables import FitParagraph, Tagged
from advocate_app.documents.rendering import (
    ADDRESS_PLACEHOLDER,
    Cancelled,
    Recipient,
    RenderOptions,
    text_styles,
)
from advocate_app.documents.script_paragraph import script_words
from advocate_app.documents.tagging import Tagger, finish
from advocate_app.domain import inline_markup as inline
from advocate_app.domain.outreach_content import ItemKind, OutreachItem
from advocate_app.domain.print_profiles import LABEL_SHEET_NAMES, PrintProfile
from advocate_app.i18n import _, translator


@dataclass(frozen=True)
class LabelSheet:
    key: str
    description: str
    page: tuple[float, float]
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


LABEL_SHEETS = {
    "L7160": LabelSheet("L7160", LABEL_SHEET_NAMES["L7160"], A4, 3, 7,
                        63.5 * mm, 38.1 * mm, 7.2 * mm, 15.15 * mm, 66.04 * mm, 38.1 * mm),
    "L7163": LabelSheet("L7163", LABEL_SHEET_NAMES["L7163"], A4, 2, 7,
                        99.1 * mm, 38.1 * mm, 4.65 * mm, 15.15 * mm, 101.6 * mm, 38.1 * mm),
    "5160": LabelSheet("5160", LABEL_SHEET_NAMES["5160"], LETTER, 3, 10,
                       66.675 * mm, 25.4 * mm, 4.7625 * mm, 12.7 * mm, 69.85 * mm, 25.4 * mm),
}


def render_labels(item: OutreachItem, recipients: Sequence[Recipient | None],
                   options: RenderOptions, profile: PrintProfile, tagger: Tagger,
                   progress: Callable[[int], bool] | None) -> bytes:
    from reportlab.platypus import FrameBreak

    sheet = LABEL_SHEETS.get(options.label_sheet) or LABEL_SHEETS["L7160"]
    styles = text_styles(profile, ItemKind.LEAFLET, options.body_pt)
    page_w, page_h = sheet.page
    pad = 4 * mm
    frames = []
    for row in range(sheet.rows):
        for column in range(sheet.columns):
            x = sheet.left + column * sheet.pitch_x
            y = page_h - sheet.top - row * sheet.pitch_y - sheet.height
            frames.append(Frame(x + pad, y + pad * 0.6, sheet.width - 2 * pad,
                                sheet.height - 1.2 * pad, leftPadding=0, rightPadding=0,
                                topPadding=0, bottomPadding=0))
    addresses: list[list[str]] = [r.address_lines for r in recipients if r and r.address_lines]
    if not addresses:
        # No one to address: a sheet of the item's own text (return-address labels).
        own = [inline.plain(str(b.data.get("text", ""))) for b in item.blocks
               if b.type == "paragraph"]
        lines = [line for text in own for line in text.split("\n") if line.strip()]
        addresses = [lines or [translator(item.language)(ADDRESS_PLACEHOLDER)]] * sheet.per_sheet
    size = min(max(styles.body_pt, 11), 16)
    style = ParagraphStyle("label", parent=styles.body, fontSize=size, leading=size * 1.2)
    story: list[Flowable] = []
    for index, lines in enumerate(addresses):
        node = tagger.root.add("P")
        kept = [ln for ln in lines if ln.strip()]
        minimum = min(profile.min_body_pt, size)
        if script_words("\n".join(kept), style, styles.family, tagger, node,
                        item.language or "en") is not None:
            story.append(FitScript(kept, style, styles.family, tagger, node,
                                   item.language or "en", minimum))
        else:
            story.append(Tagged(FitParagraph(kept, style, styles.family, minimum=minimum),
                                node, tagger))
        if index < len(addresses) - 1:
            story.append(FrameBreak())
        if progress is not None and progress(index + 1) is False:
            raise Cancelled()

    def on_page(canvas, doc):
        return None

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=sheet.page, title=item.title, creator="Advocate",
        lang=item.language or "en", initialFontName=fonts.Family(styles.family).name(),
        initialFontSize=size, invariant=1,
        pageTemplates=[PageTemplate("labels", frames, onPage=on_page)])
    doc.build(story)
    data = buffer.getvalue()
    if not options.tagged:
        return data
    return finish(data, tagger, title=item.title, lang=item.language or "en",
                  subject=_(sheet.description))


class FitScript(Flowable):
    """Address lines in any script that shrink (down to ``minimum``) until they fit their
    label; the paragraph tags its own lines."""

    def __init__(self, lines: list[str], style: ParagraphStyle, family: str, tagger: Tagger,
                 node, lang: str, minimum: float):
        super().__init__()
        self.lines, self.style, self.family = lines, style, family
        self.tagger, self.node, self.lang, self.minimum = tagger, node, lang, minimum

    def wrap(self, aw, ah):
        size = self.style.fontSize
        while True:
            style = ParagraphStyle("label", parent=self.style, fontSize=size,
                                   leading=size * 1.15, spaceAfter=0)
            self.para = script_words("\n".join(self.lines), style, self.family, self.tagger,
                                     self.node, self.lang)
            assert self.para is not None
            _w, h = self.para.wrap(aw, ah)
            if h <= ah or size <= self.minimum:
                break
            size -= 0.5
        self.width, self.height = aw, min(h, ah)
        return self.width, self.height

    def draw(self):
        self.para.drawOn(self.canv, 0, self.height - self.para.height)
