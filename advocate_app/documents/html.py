"""The accessible HTML companion of an outreach item.

The page is made from the same blocks as the printed version and follows the chosen print
profile: text size, line spacing, colours, face and line length go into an embedded style
sheet, so the page reads like the paper copy and still reflows, zooms and speaks. Everything
the person typed is escaped, so ``<b>`` or ``&`` in a leaflet shows as typed; only the simple
markup of :mod:`advocate_app.domain.inline_markup` becomes emphasis, strong text and links.

Merge fields (``{{name}}``, ``{{first_name}}``, ``{{salutation}}``, ``{{date}}``) are filled
from ``fields`` when given; a field with no value is left as typed so the gap is visible.
"""

from __future__ import annotations

import base64
import re
from html import escape

from advocate_app.documents import pictograms
from advocate_app.domain import inline_markup as inline
from advocate_app.domain.outreach_content import (
    UNCHECKED_STORY,
    Block,
    OutreachItem,
    RenderError,
    StoryText,
)
from advocate_app.domain.outreach_pictures import PICTURE_MISSING, Picture
from advocate_app.domain.print_profiles import PrintProfile
from advocate_app.i18n import N_, is_right_to_left, translator
from advocate_app.i18n.document_words import document_words

_FIELD = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_LEGIBLE_FACES = ('"Atkinson Hyperlegible", "Atkinson Hyperlegible Next", Verdana, Tahoma, '
                  'Arial, Helvetica, sans-serif')
_SANS_FACES = 'Arial, Helvetica, "Liberation Sans", "Noto Sans", sans-serif'
_SERIF_FACES = 'Georgia, "Times New Roman", "Noto Serif", serif'


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _base_language(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def is_rtl(language: str) -> bool:
    """Whether text in ``language`` (e.g. ``ar`` or ``he-IL``) runs right to left."""
    return is_right_to_left(_base_language(language) or "en")


def _lang_code(code: str) -> str:
    """A BCP 47 tag for ``lang=`` from a POSIX-style code such as ``pt_BR``."""
    return code.replace("_", "-")


def _safe_href(href: str) -> bool:
    return href.lower().startswith(("https://", "http://", "mailto:", "tel:"))


class _Writer:
    """Writes one item's blocks as HTML, keeping track of headings and ids."""

    def __init__(self, item: OutreachItem, profile: PrintProfile,
                 fields: dict[str, str] | None, address_lines: list[str] | None) -> None:
        self.item = item
        self.profile = profile
        self.fields = fields
        self.address_lines = address_lines
        self.last_level = 0
        self.ids = 0
        self.picture_px = 96 if profile.picture_left else 64
        self.t = translator(item.language)  # words the page prints itself
        self.words = document_words(item.language)

    def own(self, message: str) -> tuple[str, str]:
        """Words the page prints itself, escaped, and the ``lang``/``dir`` attributes they
        need: English where the item's language has no translation of them."""
        words, lang = self.words(message)
        if lang == (self.item.language or "en"):
            return escape(words, quote=False), ""
        attrs = f' lang="{_attr(_lang_code(lang))}"'
        if is_rtl(self.item.language or "en") and not is_rtl(lang):
            attrs += ' dir="ltr"'
        return escape(words, quote=False), attrs

    # --- text ---

    def merge(self, text: str) -> str:
        if self.fields is None:
            return text

        def fill(match: re.Match[str]) -> str:
            value = self.fields.get(match.group(1))
            return match.group(0) if value is None else str(value)

        return _FIELD.sub(fill, text)

    def plain(self, text: str) -> str:
        """Text without markup, merged and escaped; line breaks kept."""
        return escape(self.merge(str(text)), quote=False).replace("\n", "<br>")

    def runs(self, text: str) -> str:
        """Marked-up text as escaped HTML with emphasis, strong text and links."""
        out = []
        for run in inline.parse(str(text)):
            html = escape(self.merge(run.text), quote=False).replace("\n", "<br>")
            if run.strong:
                html = f"<strong>{html}</strong>"
            if run.emphasis:
                html = f"<em>{html}</em>"
            if run.href and _safe_href(run.href):
                html = f'<a href="{_attr(run.href)}">{html}</a>'
            out.append(html)
        return "".join(out)

    def new_id(self, prefix: str) -> str:
        self.ids += 1
        return f"{prefix}-{self.ids}"

    def sub_heading_level(self) -> int:
        """The level for a heading the page adds (contact box, event): never skips a level."""
        return min(self.last_level + 1, 2)

    def language_attrs(self, block: Block) -> str:
        if not block.language:
            return ""
        attrs = f' lang="{_attr(_lang_code(block.language))}"'
        if is_rtl(block.language) != is_rtl(self.item.language):
            attrs += ' dir="rtl"' if is_rtl(block.language) else ' dir="ltr"'
        return attrs

    # --- pictures ---

    def pictogram(self, name: str, alt: str | None, size: int) -> str:
        """An inline SVG pictogram; ``alt`` None or empty makes it decorative."""
        title = self.merge(alt) if alt else None
        return pictograms.to_svg(name, size, self.profile.text_color, title=title)

    def picture_for(self, block: Block) -> str | None:
        name = block.data.get("picture")
        if not name or name not in pictograms.NAMES:
            return None
        alt = block.data.get("picture_alt")
        if alt is None:
            alt = pictograms.label(name, self.t)
        return self.pictogram(name, alt, self.picture_px)

    def with_picture(self, block: Block, inner: str) -> str:
        """Picture on the left, words on the right, as Easy Read asks; or the words alone."""
        picture = self.picture_for(block)
        if picture is None:
            return inner
        return (f'<div class="pictured"{self.language_attrs(block)}>'
                f'<div class="picture">{picture}</div>'
                f'<div class="words">{inner}</div></div>')

    # --- blocks ---

    def block(self, block: Block) -> str:
        method = getattr(self, f"block_{block.type}", None)
        return method(block) if method else ""

    def block_heading(self, block: Block) -> str:
        level = max(1, min(6, int(block.data.get("level", 2))))
        self.last_level = level
        return f"<h{level}{self.language_attrs(block)}>{self.runs(block.data.get('text', ''))}</h{level}>"

    def block_paragraph(self, block: Block) -> str:
        lang = "" if block.data.get("picture") in pictograms.NAMES else self.language_attrs(block)
        inner = f"<p{lang}>{self.runs(block.data.get('text', ''))}</p>"
        return self.with_picture(block, inner)

    def block_list(self, block: Block) -> str:
        tag = "ol" if block.data.get("ordered") else "ul"
        lang = "" if block.data.get("picture") in pictograms.NAMES else self.language_attrs(block)
        items = "".join(f"<li>{self.runs(item)}</li>" for item in block.data.get("items", []))
        return self.with_picture(block, f"<{tag}{lang}>{items}</{tag}>")

    def block_table(self, block: Block) -> str:
        parts = [f"<table{self.language_attrs(block)}>"]
        if block.data.get("caption"):
            parts.append(f"<caption>{self.runs(block.data['caption'])}</caption>")
        header = block.data.get("header") or []
        if header:
            cells = "".join(f'<th scope="col">{self.runs(cell)}</th>' for cell in header)
            parts.append(f"<thead><tr>{cells}</tr></thead>")
        parts.append("<tbody>")
        for row in block.data.get("rows", []):
            cells = "".join(f"<td>{self.runs(cell)}</td>" for cell in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
        return "".join(parts)

    def block_image(self, block: Block) -> str:
        data = block.data
        decorative = bool(data.get("decorative"))
        alt = "" if decorative else self.merge(str(data.get("alt") or ""))
        lang = self.language_attrs(block)
        caption = data.get("caption")
        if data.get("pictogram"):
            name = str(data["pictogram"])
            if name not in pictograms.NAMES:
                return f'<p class="missing-picture"{lang}>{self.plain(alt)}</p>' if alt else ""
            picture = self.pictogram(name, None if decorative else alt or pictograms.label(name, self.t),
                                     self.picture_px)
        else:
            src = self.image_source(data)
            if src is None:
                if decorative:
                    return ""
                words, attrs = self.own(PICTURE_MISSING)
                alt_text = f": {self.plain(alt)}" if alt else ""
                return (f'<p class="missing-picture"{lang}><span{attrs}>{words}</span>'
                        f"{alt_text}</p>")
            role = ' role="presentation"' if decorative else ""
            picture = f'<img src="{_attr(src)}" alt="{_attr(alt)}"{role}>'
        if caption:
            return (f'<figure class="image"{lang}>{picture}'
                    f"<figcaption>{self.runs(caption)}</figcaption></figure>")
        return f'<div class="image"{lang}>{picture}</div>'

    @staticmethod
    def image_source(data: dict) -> str | None:
        """The picture inside the page (a data URI of the bytes the outreach service read from
        the database); the page never points at a file on this computer."""
        picture = data.get("resolved")
        if not isinstance(picture, Picture):
            return None
        encoded = base64.b64encode(picture.data).decode("ascii")
        return f"data:{picture.media_type};base64,{encoded}"

    def block_qr(self, block: Block) -> str:
        url = str(block.data.get("url", ""))
        link = (f'<a href="{_attr(url)}">{escape(url, quote=False)}</a>' if _safe_href(url)
                else escape(url, quote=False))
        caption = block.data.get("caption")
        words = f"{self.runs(caption)} " if caption else ""
        return f'<p class="qr"{self.language_attrs(block)}>{words}{link}</p>'

    def block_contact(self, block: Block) -> str:
        heading_id = self.new_id("contact")
        level = self.sub_heading_level()
        title, title_attrs = block.data.get("heading"), ""
        if title:
            title = self.plain(title)
        else:
            title, title_attrs = self.own(N_("Contact us"))
        lines = "<br>".join(self.runs(line) for line in block.data.get("lines", []))
        return (f'<aside class="contact" aria-labelledby="{heading_id}"'
                f'{self.language_attrs(block)}>'
                f'<h{level} id="{heading_id}"{title_attrs}>{title}</h{level}>'
                f"<p>{lines}</p></aside>")

    def block_event(self, block: Block) -> str:
        heading_id = self.new_id("event")
        level = self.sub_heading_level()
        data = block.data
        rows = []
        for key, term in (("when", N_("When")), ("where", N_("Where")),
                          ("details", N_("Details"))):
            if data.get(key):
                words, attrs = self.own(term)
                rows.append(f"<dt{attrs}>{words}</dt><dd>{self.runs(data[key])}</dd>")
        details = f"<dl>{''.join(rows)}</dl>" if rows else ""
        return (f'<section class="event" aria-labelledby="{heading_id}"'
                f'{self.language_attrs(block)}>'
                f'<h{level} id="{heading_id}">{self.runs(data.get("title", ""))}</h{level}>'
                f"{details}</section>")

    def block_formats_notice(self, block: Block) -> str:
        notice, attrs = self.own(N_(
            "This is available in large print, Easy Read and other languages — ask us."))
        if attrs:
            notice = f"<span{attrs}>{notice}</span>"
        return (f'<p class="formats-notice"{self.language_attrs(block)}>{notice}</p>')

    def block_story(self, block: Block) -> str:
        """The teller's words in a blockquote, the attribution (written by the outreach service
        at the consented level) as the figure's caption; never merged or marked up."""
        story = block.data.get("resolved")
        if not isinstance(story, StoryText):
            from advocate_app.i18n import _

            raise RenderError(_(UNCHECKED_STORY))
        paragraphs = "".join(
            f"<p>{escape(part.strip(), quote=False).replace(chr(10), '<br>')}</p>"
            for part in re.split(r"\n\s*\n", story.text) if part.strip())
        return (f'<figure class="story"><blockquote{self.language_attrs(block)}>{paragraphs}'
                f"</blockquote><figcaption>— {escape(story.attribution, quote=False)}"
                "</figcaption></figure>")

    def block_address(self, block: Block) -> str:
        if self.address_lines:
            lines = "<br>".join(escape(str(line), quote=False) for line in self.address_lines)
        else:
            lines = escape(self.t(N_("[Address]")), quote=False)
        return f'<p class="address"{self.language_attrs(block)}>{lines}</p>'


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def stylesheet(profile: PrintProfile) -> str:
    """The embedded CSS for ``profile``: size, spacing, colours, face and line length."""
    if profile.legible_face:
        faces = _LEGIBLE_FACES
    elif profile.sans_serif:
        faces = _SANS_FACES
    else:
        faces = _SERIF_FACES
    size_rem = profile.body_pt / 12  # 12 pt is the browser's 16 px, 1 rem
    measure = profile.chars_per_line[1] if profile.chars_per_line else 75
    heading_steps = []
    for level in range(1, 7):
        scale = max(1.0, profile.heading_scale - (profile.heading_scale - 1.05) * (level - 1) / 3)
        heading_steps.append(f"h{level} {{ font-size: {_number(scale)}em; }}")
    plain_emphasis = ("em { font-style: normal; font-weight: bold; }\n"
                      if profile.no_italic_underline_caps else "")
    color, background = profile.text_color, profile.background
    return f"""
html {{ background: {background}; }}
body {{
  margin: 0; padding: 1.5rem;
  font-family: {faces};
  font-size: {_number(size_rem)}rem;
  line-height: {_number(profile.line_spacing)};
  color: {color}; background: {background};
  text-align: left;
  overflow-wrap: anywhere;
}}
[dir="rtl"] {{ text-align: right; }}
[dir="ltr"] {{ text-align: left; }}
main {{ max-width: {measure}ch; }}
h1, h2, h3, h4, h5, h6 {{ line-height: 1.25; margin: 1.2em 0 0.5em; text-transform: none; }}
{chr(10).join(heading_steps)}
p, ul, ol, dl, table, figure {{ margin: 0 0 1em; }}
li {{ margin-bottom: 0.4em; }}
{plain_emphasis}a {{ color: {color}; text-decoration: underline; }}
a:focus {{ outline: 3px solid {color}; outline-offset: 2px; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid {color}; padding: 0.4em 0.6em; text-align: start;
  vertical-align: top; }}
th {{ font-weight: bold; }}
img {{ max-width: 100%; height: auto; }}
figure {{ margin-left: 0; margin-right: 0; }}
.pictured {{ display: flex; flex-direction: row; align-items: flex-start; gap: 1em;
  margin: 0 0 1em; }}
.pictured .picture {{ flex: 0 0 auto; }}
.pictured .words {{ flex: 1 1 auto; min-width: 0; }}
.pictured .words > :last-child {{ margin-bottom: 0; }}
.contact {{ border: 2px solid {color}; padding: 0.5em 1em; margin: 0 0 1em; }}
.contact h1, .contact h2 {{ margin-top: 0.3em; }}
dt {{ font-weight: bold; }}
dd {{ margin: 0 0 0.5em; }}
.formats-notice {{ font-weight: bold; }}
.story blockquote {{ margin: 0 0 0.5em; padding-left: 1em; border-left: 0.3em solid {color}; }}
.story figcaption {{ font-weight: bold; }}
.qr a {{ word-break: break-all; }}
"""


def item_to_html(item: OutreachItem, profile: PrintProfile, *,
                 fields: dict[str, str] | None = None,
                 address_lines: list[str] | None = None) -> str:
    """A complete, standalone HTML5 page for ``item`` in ``profile``'s style."""
    writer = _Writer(item, profile, fields, address_lines)
    language = item.language or "en"
    direction = ' dir="rtl"' if is_rtl(language) else ""
    body = "\n".join(part for part in (writer.block(block) for block in item.blocks) if part)
    title = escape(writer.merge(item.title), quote=False)
    return (f'<!DOCTYPE html>\n<html lang="{_attr(_lang_code(language))}"{direction}>\n'
            f"<head>\n<meta charset=\"utf-8\">\n"
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{stylesheet(profile)}</style>\n</head>\n"
            f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")
