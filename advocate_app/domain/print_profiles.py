"""Print profiles and the numbers they enforce (UKAAF, RNIB, British Dyslexia Association,
UK Easy Read guidance, WCAG). Every profile: text contrast at least 4.5:1.

Plain data, shared by every layer; the sheets of address labels are named here too (their
measurements are the PDF engine's, in ``documents/labels.py``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from advocate_app.i18n import N_, _


class ProfileKey(enum.StrEnum):
    STANDARD = "standard"
    CLEAR = "clear"
    LARGE = "large"
    EASY_READ = "easy-read"
    DYSLEXIA = "dyslexia"
    HIGH_CONTRAST = "high-contrast"

    @property
    def label(self) -> str:
        return _(_LABELS[self.value])


_LABELS = {"standard": N_("Standard print"), "clear": N_("Clear print"),
           "large": N_("Large print"), "easy-read": N_("Easy Read"),
           "dyslexia": N_("Dyslexia-friendly"), "high-contrast": N_("High contrast")}


@dataclass(frozen=True)
class PrintProfile:
    key: ProfileKey
    body_pt: float             # the size used unless the person chooses another
    min_body_pt: float
    max_body_pt: float | None = None
    heading_scale: float = 1.5  # the first heading level against body text
    line_spacing: float = 1.3   # line height / font size
    min_contrast: float = 4.5
    text_color: str = "#1a1a1a"
    background: str = "#ffffff"
    left_aligned_only: bool = False
    no_italic_underline_caps: bool = False
    chars_per_line: tuple[int, int] | None = None
    max_sentence_words: int | None = None
    max_pages: int | None = None
    picture_left: bool = False
    legible_face: bool = False  # a face designed for legibility (clear and large print)
    sans_serif: bool = True


PROFILES: dict[ProfileKey, PrintProfile] = {
    ProfileKey.STANDARD: PrintProfile(ProfileKey.STANDARD, 12, 12),
    ProfileKey.CLEAR: PrintProfile(
        ProfileKey.CLEAR, 14, 14, heading_scale=1.4, line_spacing=1.4, left_aligned_only=True,
        no_italic_underline_caps=True, chars_per_line=(60, 70), legible_face=True),
    ProfileKey.LARGE: PrintProfile(
        ProfileKey.LARGE, 18, 16, heading_scale=1.4, line_spacing=1.4, left_aligned_only=True,
        no_italic_underline_caps=True, chars_per_line=(60, 70), legible_face=True),
    ProfileKey.EASY_READ: PrintProfile(
        ProfileKey.EASY_READ, 16, 14, heading_scale=1.3, line_spacing=1.5,
        left_aligned_only=True, no_italic_underline_caps=True, max_sentence_words=15,
        max_pages=24, picture_left=True, legible_face=True),
    ProfileKey.DYSLEXIA: PrintProfile(
        ProfileKey.DYSLEXIA, 13, 12, max_body_pt=14, line_spacing=1.5,
        background="#fdf6e3", left_aligned_only=True, no_italic_underline_caps=True),
    ProfileKey.HIGH_CONTRAST: PrintProfile(
        ProfileKey.HIGH_CONTRAST, 14, 12, min_contrast=7.0, text_color="#000000",
        background="#ffffff", left_aligned_only=True),
}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


#: The sheets of address labels, by key, described for a person choosing one.
LABEL_SHEET_NAMES: dict[str, str] = {
    "L7160": N_("A4, 21 labels (L7160, 63.5 × 38.1 mm)"),
    "L7163": N_("A4, 14 labels (L7163, 99.1 × 38.1 mm)"),
    "5160": N_("US Letter, 30 labels (5160, 2⅝ × 1 in)"),
}
LABEL_SHEET_KEYS: tuple[str, ...] = tuple(LABEL_SHEET_NAMES)
