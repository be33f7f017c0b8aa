"""What the PDF engine and the label sheets share: the options of a rendering, whom a copy is
for, the text styles a print profile gives, and the exception a cancelled rendering raises.

A module of its own so that ``pdf.py`` (which hands label items to ``labels.py``) and
``labels.py`` (which lays out its sheets with the same styles) both import it, not each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from advocate_app.documents import fonts
from advocate_app.domain.outreach_content import ItemKind
from advocate_app.domain.print_profiles import PrintProfile, ProfileKey
from advocate_app.i18n import N_

ACCENT = "#0b4f9c"       # 8.6:1 on white
ACCENT_SOFT = "#e8f0fa"  # box backgrounds
ADDRESS_PLACEHOLDER = N_("[Name and address]")


@dataclass(frozen=True)
class RenderOptions:
    profile: ProfileKey = ProfileKey.STANDARD
    page_size: str = "A4"                 # "A4" or "Letter"
    body_pt: float | None = None          # the person's choice, checked by the pre-flight
    tagged: bool = True                   # False only to measure what tagging costs
    date_text: str = ""                   # {{date}}; today in the item's language by default
    label_sheet: str = "L7160"            # address labels: a key of LABEL_SHEETS
    poster_scale: float | None = None     # posters: chosen to fill one page (POSTER_SCALES)


#: Posters print their text this much larger than the profile's body size: the largest that
#: keeps the poster on one page (never below the profile's own size).
POSTER_SCALES = (1.6, 1.45, 1.3, 1.15, 1.0)


@dataclass
class Recipient:
    """Whom a personalised copy is for (mail merge)."""

    fields: dict[str, str] = field(default_factory=dict)  # name, first_name, salutation …
    address_lines: list[str] = field(default_factory=list)


class Cancelled(Exception):
    """The person cancelled a long rendering."""


@dataclass
class TextStyles:
    """The paragraph styles and colours a print profile gives an item."""

    body: ParagraphStyle
    headings: dict[int, ParagraphStyle]
    small: ParagraphStyle
    box_title: ParagraphStyle
    family: str
    text_color: str
    accent: str
    box_background: str
    body_pt: float


def text_styles(profile: PrintProfile, kind: ItemKind, body_pt: float | None,
                poster_scale: float | None = None) -> TextStyles:
    family = fonts.family(profile.legible_face).key
    size = body_pt or profile.body_pt
    if kind == ItemKind.POSTER:
        size *= poster_scale or POSTER_SCALES[0]
    text_color = profile.text_color
    high_contrast = profile.key == ProfileKey.HIGH_CONTRAST
    accent = "#000000" if high_contrast else ACCENT
    body = ParagraphStyle(
        "body", fontName=fonts.Family(family).name(), fontSize=size,
        leading=size * profile.line_spacing, textColor=colors.HexColor(text_color),
        alignment=TA_LEFT, spaceAfter=size * 0.6, splitLongWords=1, allowWidows=0,
        allowOrphans=0)
    scales = {1: profile.heading_scale + 0.45, 2: profile.heading_scale,
              3: 1 + (profile.heading_scale - 1) * 0.6, 4: 1.1, 5: 1.05, 6: 1.0}
    headings = {}
    for level, scale in scales.items():
        hsize = size * scale
        headings[level] = ParagraphStyle(
            f"h{level}", parent=body, fontName=fonts.Family(family).name(bold=True),
            fontSize=hsize, leading=hsize * 1.25, spaceBefore=size * (0.9 if level > 1 else 0),
            spaceAfter=size * 0.45, textColor=colors.HexColor(accent if level <= 2
                                                              else text_color),
            keepWithNext=1)
    small = ParagraphStyle("small", parent=body, fontSize=max(size * 0.8, profile.min_body_pt
                                                              * 0.8),
                           leading=max(size * 0.8, 9) * 1.3)
    box_title = ParagraphStyle("box_title", parent=body,
                               fontName=fonts.Family(family).name(bold=True), keepWithNext=1,
                               spaceAfter=size * 0.3)
    return TextStyles(body, headings, small, box_title, family, text_color, accent,
                      "#ffffff" if high_contrast else ACCENT_SOFT, size)
