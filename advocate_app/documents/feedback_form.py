"""The paper feedback form as a tagged, accessible PDF in a print profile.

Reading order and structure: the title (``H1``), the event, a word of introduction, then each
question as an ``H2``. A question's answers are a list (``L``): each ``LI`` holds its tick box
as a ``Figure`` inside the label (``Lbl``), with the text alternative "Empty tick box", and the
answer's words in the body (``LBody``). The ruled space to write on is a ``Figure`` too. The
form is printed to be filled in by hand: it has no fillable fields, so a screen reader reads
the questions and the answers to choose from, and the person fills it in on paper or asks for
another way to answer (the form says how). Backgrounds and page numbers are artifacts.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate

from advocate_app.documents import fonts
from advocate_app.documents.flowables import (
    Tagged,
    _absolute_box,
    draw_page_number,
)
from advocate_app.documents.paragraph import SpacedParagraph
from advocate_app.documents.rendering import text_styles
from advocate_app.documents.script_paragraph import ScriptParagraph, script_words
from advocate_app.documents.tagging import Node, Tagger, finish
from advocate_app.domain.feedback_views import PaperFormContent
from advocate_app.domain.outreach_content import ItemKind, RenderError
from advocate_app.domain.print_profiles import PROFILES, ProfileKey
from advocate_app.i18n import N_, _, is_right_to_left, translator

_PAGE = N_("Page {number}")


def _markup(text: str, family: str, bold: bool = False) -> str:
    return "".join(f'<font face="{name}">{escape(part)}</font>'
                   for name, part in fonts.runs(text, family, bold)) or "&nbsp;"


class TickChoice(Flowable):
    """A large empty tick box (a tagged figure) with the answer's words beside it."""

    def __init__(self, words: Flowable, box_node: Node, words_node: Node, tagger: Tagger,
                 box: float, gap: float, stroke: str, mirrored: bool = False):
        super().__init__()
        self.mirrored = mirrored  # right to left: the box on the right of the words
        self.words, self.box_node, self.words_node = words, box_node, words_node
        self.tagger, self.box, self.gap, self.stroke = tagger, box, gap, stroke

    def wrap(self, aw, ah):
        _w, h = self.words.wrap(aw - self.box - self.gap, ah)
        self._words_h = h
        self.width, self.height = aw, max(self.box, h)
        return self.width, self.height

    def getSpaceAfter(self):  # noqa: N802 (reportlab API)
        return self.box * 0.35

    def draw(self):
        canvas = self.canv
        top = self.height
        box_y = top - self.box
        box_x = self.width - self.box if self.mirrored else 0
        self.tagger.begin(canvas, self.box_node,
                          _absolute_box(canvas, box_x, box_y, self.box, self.box))
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(self.stroke))
        canvas.setLineWidth(1.6)
        canvas.rect(box_x + 1, box_y + 1, self.box - 2, self.box - 2, stroke=1, fill=0)
        canvas.restoreState()
        self.tagger.end(canvas)
        words_y = top - self._words_h - max(0.0, (self.box - self._words_h) / 2)
        x = 0 if self.mirrored else self.box + self.gap
        if isinstance(self.words, ScriptParagraph):  # it tags its own lines
            self.words.drawOn(canvas, x, words_y)
            return
        self.tagger.begin(canvas, self.words_node,
                          _absolute_box(canvas, x, words_y, self.width - self.box - self.gap,
                                        self._words_h))
        self.words.drawOn(canvas, x, words_y)
        self.tagger.end(canvas)


class WritingLines(Flowable):
    """Ruled lines to write an answer on, as a tagged figure with a text alternative."""

    def __init__(self, lines: int, spacing: float, node: Node, tagger: Tagger, stroke: str):
        super().__init__()
        self.lines, self.spacing, self.node, self.tagger = lines, spacing, node, tagger
        self.stroke = stroke

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.lines * self.spacing
        return self.width, self.height

    def getSpaceAfter(self):  # noqa: N802
        return self.spacing * 0.5

    def draw(self):
        canvas = self.canv
        self.tagger.begin(canvas, self.node,
                          _absolute_box(canvas, 0, 0, self.width, self.height))
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(self.stroke))
        canvas.setLineWidth(0.9)
        for index in range(self.lines):
            y = self.height - (index + 1) * self.spacing + 1
            canvas.line(0, y, self.width, y)
        canvas.restoreState()
        self.tagger.end(canvas)


class _FormBuilder:
    def __init__(self, content: PaperFormContent, profile_key: ProfileKey, width: float):
        self.content = content
        self.profile = PROFILES[profile_key]
        self.styles = text_styles(self.profile, ItemKind.LEAFLET, None)
        self.family = self.styles.family
        self.tagger = Tagger("Document", lang=content.language)
        self.lang = content.language or "en"
        self.width = width
        body = self.styles.body_pt
        self.box = max(9 * mm, body * 1.9)
        self.line_gap = max(9 * mm, body * 2.1)
        self.stroke = self.profile.text_color
        self.story: list[Flowable] = []

    def text(self, text: str, style: ParagraphStyle, tag: str, parent: Node | None = None,
             bold: bool = False) -> Flowable:
        node = (parent or self.tagger.root).add(tag)
        shaped = script_words(text, style, self.family, self.tagger, node, self.lang, bold)
        if shaped is not None:
            return shaped
        return Tagged(SpacedParagraph(_markup(text, self.family, bold), style), node,
                      self.tagger)

    def choices(self, question: str, choices: tuple[str, ...]) -> None:
        heading = self.text(question, self.styles.headings[2], "H2")
        items = self.tagger.root.add("L")
        flows: list[Flowable] = [heading]
        for words in choices:
            item = items.add("LI")
            box = item.add("Lbl").add("Figure", alt=self.content.tick_box_alt)
            body = item.add("LBody")
            para = script_words(words, self.styles.body, self.family, self.tagger, body,
                                self.lang) or SpacedParagraph(_markup(words, self.family),
                                                              self.styles.body)
            flows.append(TickChoice(para, box, body, self.tagger, self.box, self.box * 0.6,
                                    self.stroke, mirrored=is_right_to_left(self.lang)))
        self.story.append(KeepTogether(flows))

    def writing(self, question: str, lines: int) -> None:
        heading = self.text(question, self.styles.headings[2], "H2")
        node = self.tagger.root.add("Figure", alt=self.content.writing_space_alt)
        self.story.append(KeepTogether([heading, WritingLines(lines, self.line_gap, node,
                                                              self.tagger, self.stroke)]))

    def build(self) -> list[Flowable]:
        c = self.content
        self.story.append(self.text(c.title, self.styles.headings[1], "H1"))
        self.story.append(self.text(c.event_line, self.styles.body, "P", bold=True))
        if c.member_line:
            self.story.append(self.text(c.member_line, self.styles.body, "P"))
        self.story.append(self.text(c.intro, self.styles.body, "P"))
        self.choices(c.rating_question, c.rating_choices)
        for question in c.text_questions:
            self.writing(question, c.writing_lines)
        self.choices(c.contact_question, c.contact_choices)
        if not c.member_line:
            self.writing(c.name_question, 1)
        self.story.append(self.text(c.return_heading, self.styles.headings[2], "H2"))
        self.story.append(self.text(c.return_text, self.styles.body, "P"))
        return self.story


def render_form(content: PaperFormContent, profile_key: ProfileKey = ProfileKey.STANDARD,
                page_size: str = "A4") -> bytes:
    """The paper form as tagged PDF bytes."""
    fonts.ensure_registered()
    profile = PROFILES[profile_key]
    page_w, page_h = LETTER if page_size.lower() == "letter" else A4
    margin = (25 if profile.chars_per_line or profile.picture_left else 20) * mm
    width = page_w - 2 * margin
    builder = _FormBuilder(content, profile_key, width)
    if profile.chars_per_line:
        sample = "the quick brown fox jumps over a lazy dog and then it rests"
        per_char = stringWidth(sample, fonts.Family(builder.family).name(),
                               builder.styles.body_pt) / len(sample)
        width = min(width, per_char * profile.chars_per_line[1])
        builder.width = width
    tagger = builder.tagger
    footer = profile.min_body_pt
    lang = content.language or "en"

    def on_page(canvas, doc):
        tagger.begin_artifact(canvas, "Background")
        canvas.saveState()
        if profile.background.lower() != "#ffffff":
            canvas.setFillColor(colors.HexColor(profile.background))
            canvas.rect(0, 0, page_w, page_h, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(builder.styles.accent))
        canvas.rect(0, page_h - 7 * mm, page_w, 7 * mm, stroke=0, fill=1)
        canvas.restoreState()
        tagger.end_artifact(canvas)

    def on_page_end(canvas, doc):
        draw_page_number(canvas, tagger,
                         translator(lang)(_PAGE).format(number=canvas.getPageNumber()),
                         family=builder.family, size=footer, right=page_w - margin,
                         baseline=margin * 0.6, color=profile.text_color, lang=lang)

    story = builder.build()
    buffer = io.BytesIO()
    bottom = margin + footer * 1.5
    top = margin + 6 * mm
    frame = Frame(margin, bottom, width, page_h - top - bottom, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc = BaseDocTemplate(
        buffer, pagesize=(page_w, page_h), title=content.title, author="",
        subject=content.event_line, creator="Advocate", lang=lang,
        initialFontName=fonts.Family(builder.family).name(), initialFontSize=footer,
        invariant=1, pageTemplates=[PageTemplate("page", [frame], onPage=on_page,
                                                 onPageEnd=on_page_end)])
    try:
        doc.build(story)
    except Exception as exc:  # reportlab's LayoutError: a part too big for a page
        if type(exc).__name__ != "LayoutError":
            raise
        raise RenderError(_("Part of the form is too big to fit on a page: {what}").format(
            what=str(exc)[:120])) from exc
    title = f"{content.title}: {content.event_line}"
    return finish(buffer.getvalue(), tagger, title=title, lang=lang, subject=content.event_line)
