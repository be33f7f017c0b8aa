"""Tagged PDF: the structure tree a screen reader follows, and the rest of PDF/UA-1's rules.

reportlab writes page content but no structure. While a document is drawn, every piece of
content is wrapped in marked content: either ``/Tag <</MCID n>> BDC … EMC``, recorded against a
:class:`Node` of the structure tree, or ``/Artifact BMC … EMC`` for decorations, backgrounds,
rules and page numbers. :func:`finish` then opens the file with pikepdf and writes the structure
tree, its ParentTree (built from the same record of MCIDs), link annotations inside ``Link``
elements, the document language and title, XMP metadata with the PDF/UA identifier and tab
order by structure.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class Node:
    """One structure element (``P``, ``H1``, ``Table`` …) and its kids in reading order."""

    tag: str
    parent: Node | None = None
    alt: str = ""
    lang: str = ""
    actual_text: str = ""
    scope: str = ""  # TH: "Column" or "Row"
    kids: list[Any] = field(default_factory=list)  # Node | MarkedContent
    #: The words of each link the element holds, by address (what a link's /Alt says).
    link_texts: dict[str, str] = field(default_factory=dict)

    def add(self, tag: str, **attrs: Any) -> Node:
        child = Node(tag, parent=self, **attrs)
        self.kids.append(child)
        return child


@dataclass
class MarkedContent:
    page: int          # 0-based page index
    mcid: int
    box: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1 in points


def pdf_text_string(text: str) -> str:
    """A PDF text string literal (UTF-16BE hex) for use inside a content stream."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Tagger:
    """Records marked content while a reportlab canvas draws."""

    def __init__(self, root_tag: str = "Document", lang: str = "") -> None:
        self.root = Node(root_tag, lang=lang)
        self._next_mcid: dict[int, int] = {}
        self.by_page: dict[int, list[tuple[int, Node]]] = {}
        self._open: list[str] = []
        self.enabled = True

    # -- content -------------------------------------------------------------------------------
    def begin(self, canvas, node: Node, box: tuple[float, float, float, float] | None = None,
              actual_text: str = "") -> None:
        if not self.enabled:
            self._open.append("")
            return
        page = canvas.getPageNumber() - 1
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        node.kids.append(MarkedContent(page, mcid, box))
        self.by_page.setdefault(page, []).append((mcid, node))
        extra = f" /ActualText {pdf_text_string(actual_text)}" if actual_text else ""
        canvas._code.append(f"/{_content_tag(node.tag)} <</MCID {mcid}{extra}>> BDC")
        self._open.append("tag")

    def end(self, canvas) -> None:
        if self._open.pop():
            canvas._code.append("EMC")

    def begin_artifact(self, canvas, kind: str = "Layout") -> None:
        if not self.enabled:
            self._open.append("")
            return
        canvas._code.append(f"/Artifact <</Type /{kind}>> BDC")
        self._open.append("artifact")

    def end_artifact(self, canvas) -> None:
        self.end(canvas)


def _content_tag(tag: str) -> str:
    return tag if tag.isalnum() else "Span"


# -- finishing the file --------------------------------------------------------------------------

def finish(data: bytes, tagger: Tagger, *, title: str, lang: str, subject: str = "",
           keywords: str = "") -> bytes:
    """Write the structure tree and PDF/UA metadata into a rendered PDF; returns the new bytes."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(data))
    pages = list(pdf.pages)
    root_elements: dict[int, pikepdf.Object] = {}
    parent_tree_nums: dict[int, Any] = {}
    struct_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    # Link annotations per page, matched to the element whose content box holds them.
    links_by_page: dict[int, list] = {}
    for index, page in enumerate(pages):
        for annot in page.obj.get("/Annots", Array()):
            if annot.get("/Subtype") == Name.Link:
                links_by_page.setdefault(index, []).append(annot)

    def build(node: Node, parent_obj) -> pikepdf.Object:
        elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.tag),
                                            P=parent_obj))
        if node.alt:
            elem.Alt = String(node.alt)
        if node.lang:
            elem.Lang = String(node.lang)
        if node.actual_text:
            elem.ActualText = String(node.actual_text)
        if node.scope:
            elem.A = Dictionary(O=Name.Table, Scope=Name("/" + node.scope))
        root_elements[id(node)] = elem
        kids = Array()
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(build(kid, elem))
            else:
                kids.append(Dictionary(Type=Name.MCR, Pg=pages[kid.page].obj, MCID=kid.mcid))
        elem.K = kids
        return elem

    document = build(tagger.root, struct_root)
    struct_root.K = Array([document])

    for index, page in enumerate(pages):
        entries = tagger.by_page.get(index, [])
        if not entries:
            continue
        array = Array([Name.Null] * (max(m for m, _n in entries) + 1))
        for mcid, node in entries:
            array[mcid] = root_elements[id(node)]
        page.obj.StructParents = index
        parent_tree_nums[index] = pdf.make_indirect(array)
    next_key = len(pages)

    marks = _marks_by_page(tagger) if links_by_page else {}
    links_of: dict[int, tuple[Any, list]] = {}  # element -> its links, added once at the end
    for index, annots in links_by_page.items():
        for annot in annots:
            owner = _owner_of(marks.get(index, []), [float(v) for v in annot.Rect])
            owner_elem = root_elements[id(owner)] if owner is not None else document
            uri = str(annot.get("/A", Dictionary()).get("/URI", ""))
            text = (owner.link_texts.get(uri, "") if owner is not None else "") or uri
            link = pdf.make_indirect(Dictionary(
                Type=Name.StructElem, S=Name.Link, P=owner_elem,
                K=Array([Dictionary(Type=Name.OBJR, Obj=annot, Pg=pages[index].obj)])))
            if text:
                link.Alt = String(text)
            links_of.setdefault(id(owner_elem), (owner_elem, []))[1].append(link)
            annot.StructParent = next_key
            annot.Contents = String(text or "Link")
            annot.F = 4  # printable
            parent_tree_nums[next_key] = link
            next_key += 1

    for owner_elem, links in links_of.values():
        owner_elem.K = Array([*owner_elem.K, *links])

    nums = Array()
    for key in sorted(parent_tree_nums):
        nums.append(key)
        nums.append(parent_tree_nums[key])
    struct_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    struct_root.ParentTreeNextKey = next_key

    _fix_unicode_maps(pdf)
    for page in pages:
        page.obj.Tabs = Name.S
    catalog = pdf.Root
    catalog.StructTreeRoot = struct_root
    catalog.MarkInfo = Dictionary(Marked=True)
    catalog.Lang = String(lang)
    catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.docinfo[Name.Title] = String(title)
    if subject:
        pdf.docinfo[Name.Subject] = String(subject)
    if keywords:
        pdf.docinfo[Name.Keywords] = String(keywords)
    pdf.docinfo[Name.Producer] = String("Advocate")
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:language"] = [lang]
        if subject:
            meta["dc:description"] = subject
        meta["pdfuaid:part"] = "1"
        meta["pdf:Producer"] = "Advocate"
    out = io.BytesIO()
    pdf.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


_PRIVATE_TARGET = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([Ff][0-9A-Fa-f]{4})>")


def _private_target(match: re.Match) -> bytes:
    """A glyph drawn under a private code (a joined Arabic form, a conjunct, a vowel sign
    that moved) maps to the characters it stands for."""
    from advocate_app.documents.shaping import unicode_of

    text = unicode_of(int(match.group(2), 16))
    if text is None:
        return match.group(0)
    return b"<" + match.group(1) + b"> <" + text.encode("utf-16-be").hex().upper().encode() \
        + b">"


_WIDE_TARGET = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


_PRESENTATION_TARGET = re.compile(rb"<([0-9A-Fa-f]{2,4})> <(F[B-Db-d][0-9A-Fa-f]{2}|"
                                  rb"F[Ee][7-9A-Fa-f][0-9A-Fa-f])>")


def _utf16_target(match: re.Match) -> bytes:
    char = chr(int(match.group(2), 16))
    return b"<" + match.group(1) + b"> <" + char.encode("utf-16-be").hex().upper().encode() + b">"


def _base_letters(match: re.Match) -> bytes:
    """Arabic letters are drawn in their joined forms (presentation forms); text taken from the
    PDF should be the letters themselves (ﻣ → م, ﻻ → لا)."""
    import unicodedata

    code = int(match.group(2), 16)
    if not (0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF):
        return match.group(0)
    letters = unicodedata.normalize("NFKC", chr(code))
    return b"<" + match.group(1) + b"> <" + letters.encode("utf-16-be").hex().upper().encode() \
        + b">"


def _fix_unicode_maps(pdf) -> None:
    """reportlab writes characters beyond U+FFFF (emoji) into ToUnicode maps as 5-digit hex;
    CMaps need UTF-16, so those become surrogate pairs; glyphs drawn under a private code map
    to the characters they stand for, and joined Arabic forms to their letters. Then the text
    copies correctly."""
    seen = set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for _name, font in fonts.items():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            data = cmap.read_bytes()
            fixed = _PRIVATE_TARGET.sub(_private_target, data)
            fixed = _WIDE_TARGET.sub(_utf16_target, fixed)
            fixed = _PRESENTATION_TARGET.sub(_base_letters, fixed)
            if fixed != data:
                cmap.write(fixed)


def _marks_by_page(tagger: Tagger) -> dict[int, list[tuple[int, tuple, Node]]]:
    """Each page's marked content with a box, in the order drawn: (MCID, box, element). One
    walk over the tree, so a paragraph running over many pages is not read again for each
    link it holds."""
    out: dict[int, list[tuple[int, tuple, Node]]] = {}
    stack = [tagger.root]
    while stack:
        node = stack.pop()
        for kid in node.kids:
            if isinstance(kid, Node):
                stack.append(kid)
            elif kid.box:
                out.setdefault(kid.page, []).append((kid.mcid, kid.box, node))
    for marks in out.values():
        marks.sort(key=lambda mark: mark[0])
    return out


def _owner_of(marks: list[tuple[int, tuple, Node]], rect: list[float]) -> Node | None:
    """The element whose marked content on the page (``marks``) holds the centre of
    ``rect``."""
    cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    best = None
    for _mcid, box, node in marks:
        if box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1:
            best = node
    return best
