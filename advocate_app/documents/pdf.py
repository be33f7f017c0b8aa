"""Outreach items as tagged, accessible PDF (PDF/UA-1's machine-checkable rules).

The layout is built from reportlab's platypus flowables; every flowable that shows content is
wrapped in :class:`Tagged`, which opens marked content for its structure element while it
draws, and everything else (backgrounds, rules, page numbers, decorative pictures, repeated
table headers) is drawn as an artifact. :func:`advocate_app.documents.tagging.finish` writes the
structure tree afterwards.

Sizes, faces, colours and line spacing come from the print profile; the pre-flight check
(``preflight.py``) lists what a document breaks before it is rendered. Here: pages, margins,
background, page numbers and copies per recipient; the blocks are laid out by ``pdf_blocks.py``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
)

from advocate_app.documents import fonts
from advocate_app.documents.flowables import draw_page_number
from advocate_app.documents.pdf_blocks import LETTER_TOP, BlockBuilder
from advocate_app.documents.rendering import (
    POSTER_SCALES,
    Cancelled,
    Recipient,
    RenderOptions,
    text_styles,
)
from advocate_app.documents.tagging import Tagger, finish
from advocate_app.domain.outreach_content import ItemKind, OutreachItem, RenderError
from advocate_app.domain.print_profiles import PROFILES, PrintProfile
from advocate_app.i18n import N_, _, translator

_PAGE = N_("Page {number}")
_DEFAULT_OPTIONS = RenderOptions()


# -- pages ---------------------------------------------------------------------------------------

def _page_size(name: str):
    return LETTER if name.lower() == "letter" else A4


def _measure(profile: PrintProfile, family: str, size: float, available: float) -> float:
    """The text width: at most the profile's characters per line."""
    if not profile.chars_per_line:
        return available
    sample = "the quick brown fox jumps over a lazy dog and then it rests"
    per_char = stringWidth(sample, fonts.Family(family).name(), size) / len(sample)
    return min(available, per_char * profile.chars_per_line[1])


def render(item: OutreachItem, options: RenderOptions = _DEFAULT_OPTIONS, *,
           recipient: Recipient | None = None) -> bytes:
    """The item as a tagged PDF (bytes)."""
    return render_many(item, [recipient] if recipient else [None], options)


def render_many(item: OutreachItem, recipients: Sequence[Recipient | None],
                options: RenderOptions = _DEFAULT_OPTIONS,
                progress: Callable[[int], bool] | None = None) -> bytes:
    """One PDF with a copy per recipient (letters, invitations), each starting on a new page.

    ``progress(done)`` is called after each copy is laid out; returning False cancels
    (:class:`Cancelled`)."""
    if item.kind == ItemKind.POSTER and options.poster_scale is None:
        from dataclasses import replace

        for scale in POSTER_SCALES:
            data = render_many(item, recipients, replace(options, poster_scale=scale),
                               progress)
            if scale == POSTER_SCALES[-1] or page_count(data) <= len(recipients):
                return data
    profile = PROFILES[options.profile]
    fonts.ensure_registered()
    lang = item.language or "en"
    tagger = Tagger("Document", lang=lang)
    tagger.enabled = options.tagged
    page_w, page_h = _page_size(options.page_size)
    styles = text_styles(profile, item.kind, options.body_pt, options.poster_scale)
    margin = (25 if profile.chars_per_line or profile.picture_left else 20) * mm
    if item.kind == ItemKind.POSTER:
        margin = 18 * mm
    width = _measure(profile, styles.family, styles.body_pt, page_w - 2 * margin)
    top = LETTER_TOP if item.kind == ItemKind.LETTER else margin + 6 * mm
    bottom = margin + styles.small.leading
    date_text = options.date_text or _today(lang)
    opts = RenderOptions(options.profile, options.page_size, options.body_pt, options.tagged,
                         date_text, options.label_sheet, options.poster_scale)
    if item.kind == ItemKind.LABELS:
        from advocate_app.documents.labels import render_labels

        return render_labels(item, recipients, opts, profile, tagger, progress)

    footer_font = fonts.Family(styles.family).name()
    footer_size = profile.min_body_pt  # page numbers as readable as the text they number
    copy_start = [1]

    def on_page(canvas, doc):
        tagger.begin_artifact(canvas, "Background")
        canvas.saveState()
        if profile.background.lower() != "#ffffff":
            canvas.setFillColor(colors.HexColor(profile.background))
            canvas.rect(0, 0, page_w, page_h, stroke=0, fill=1)
        if item.kind != ItemKind.LETTER:
            canvas.setFillColor(colors.HexColor(styles.accent))
            canvas.rect(0, page_h - 7 * mm, page_w, 7 * mm, stroke=0, fill=1)
        canvas.restoreState()
        tagger.end_artifact(canvas)

    def on_page_end(canvas, doc):
        number = canvas.getPageNumber() - copy_start[0] + 1
        if item.kind == ItemKind.LETTER and number == 1:
            return
        draw_page_number(canvas, tagger, translator(lang)(_PAGE).format(number=number),
                         family=styles.family, size=footer_size, right=page_w - margin,
                         baseline=margin * 0.6, color=profile.text_color, lang=lang)

    class Marker(Flowable):
        """Notes where a copy starts, for page numbers that restart per copy."""

        def wrap(self, aw, ah):
            return 0, 0

        def draw(self):
            copy_start[0] = self.canv.getPageNumber()

    story: list[Flowable] = []
    multiple = len(recipients) > 1
    for index, recipient in enumerate(recipients):
        parent = tagger.root.add("Part") if multiple else None
        builder = BlockBuilder(item, profile, opts, tagger, width, recipient, parent)
        if index:
            story.append(PageBreak())
        story.append(Marker())
        story.extend(builder.build())
        if progress is not None and progress(index + 1) is False:
            raise Cancelled()
    if not story:
        story.append(Spacer(1, 1))

    buffer = io.BytesIO()
    frame = Frame((page_w - width) / 2 if item.kind == ItemKind.POSTER else margin, bottom,
                  width, page_h - top - bottom, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    doc = BaseDocTemplate(
        buffer, pagesize=(page_w, page_h), title=item.title, author="", subject=item.audience,
        creator="Advocate", lang=lang, initialFontName=footer_font,
        initialFontSize=styles.body_pt, invariant=1,
        pageTemplates=[PageTemplate("page", [frame], onPage=on_page, onPageEnd=on_page_end)])
    try:
        doc.build(story)
    except _LayoutError as exc:
        raise RenderError(_("Part of this item is too big to fit on a page: {what}").format(
            what=str(exc)[:120])) from exc
    data = buffer.getvalue()
    if not options.tagged:
        return data
    return finish(data, tagger, title=item.title, lang=lang, subject=item.audience)


def page_count(data: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as document:
        return len(document.pages)


def _today(lang: str) -> str:
    from babel.dates import format_date

    from advocate_app.i18n.formatting import date_locale

    return format_date(date.today(), format="long", locale=date_locale(lang))


try:
    from reportlab.platypus.doctemplate import LayoutError as _LayoutError
except ImportError:  # pragma: no cover
    _LayoutError = RuntimeError
