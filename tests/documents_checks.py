"""Project-owned checks of the tagged PDFs the documents package renders.

:func:`problems` reads a PDF with pikepdf and lists what breaks the machine-checkable rules of
PDF/UA-1 that the renderer promises (catalog entries, metadata, the structure tree and its
ParentTree, marked content around every drawing, embedded fonts with Unicode maps, link
annotations). An empty list means no problem was found. It does not depend on the checker in
``../shared/tools`` (:func:`shared_checker` finds that one when it is there), so the tests run on
machines without it.

The poppler helpers (:func:`struct_text`, :func:`pdftotext`) give an independent reader's view.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

import pikepdf
from pikepdf import Dictionary, Name

#: Operators that show text or paint; each must sit inside tagged content or an artifact.
#: ``re`` only builds a path: the operator that paints it is what counts.
PAINTING = frozenset({"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*",
                      "S", "s", "sh"})
TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})

_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


# -- poppler and the shared checker --------------------------------------------------------------

def struct_text(path: Path | str) -> str:
    """``pdfinfo -struct-text``: the structure tree with the text of each element."""
    return subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                          text=True, check=True, timeout=60).stdout


def pdftotext(path: Path | str, *extra: str) -> str:
    """The text poppler extracts (pages separated by form feeds)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def pdffonts(path: Path | str) -> list[dict[str, str]]:
    """``pdffonts`` rows as dicts with the keys name, type, emb, sub and uni."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        # name, type (one or two words), encoding, emb, sub, uni, object, generation
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def shared_checker() -> Path | None:
    """The outside checker ``../shared/tools/pdf_a11y_check.py`` when it is installed."""
    path = Path(__file__).resolve().parents[2] / "shared/tools/pdf_a11y_check.py"
    return path if path.is_file() else None


def assert_shared_checker_passes(path: Path) -> None:
    """Where the outside checker is installed, it passes ``path`` (nothing to ask otherwise)."""
    import json
    import subprocess
    import sys

    checker = shared_checker()
    if checker is None:
        return
    result = subprocess.run([sys.executable, str(checker), str(path), "--json"],
                            capture_output=True, text=True, timeout=120)
    report = json.loads(result.stdout)
    assert report["passed"], report["failed_checks"]


# -- reading the file ----------------------------------------------------------------------------

def _key(obj) -> tuple[int, int]:
    return obj.objgen if obj.is_indirect else (0, id(obj))


def _tag(elem) -> str:
    s = elem.get("/S")
    return str(s)[1:] if isinstance(s, Name) else ""


def _text(value) -> str:
    """A PDF text string as Python text (PDFDocEncoding or UTF-16BE with a byte-order mark)."""
    if isinstance(value, pikepdf.String):
        raw = bytes(value)
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be")
        return str(value)
    return str(value)


def _number_tree(node, out: dict[int, object], depth: int = 0) -> None:
    if depth > 32:
        return
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        _number_tree(kid, out, depth + 1)


def _properties(props, resources) -> Dictionary | None:
    if isinstance(props, Dictionary):
        return props
    if isinstance(props, Name) and resources is not None:
        found = resources.get("/Properties", Dictionary()).get(str(props))
        if isinstance(found, Dictionary):
            return found
    return None


@dataclass
class _Mark:
    tag: str
    mcid: int | None = None
    artifact: bool = False
    actual_text: str | None = None


@dataclass
class PageContent:
    """What one page's content stream holds, as far as the checks need it."""

    index: int
    mcids: list[int] = field(default_factory=list)
    untagged: list[str] = field(default_factory=list)      # painting operators outside marks
    mixed: list[str] = field(default_factory=list)          # Artifact in tagged content or back
    unbalanced: str = ""
    fonts_showing: set[str] = field(default_factory=set)    # resource names used to show text
    no_font: int = 0                                        # text shown with no Tf before
    actual_texts: list[tuple[int | None, str]] = field(default_factory=list)  # (MCID, text)
    sizes: list[tuple[float, bool]] = field(default_factory=list)  # (size pt, is content)


def _mul(m, n):
    a, b, c, d, e, f = m
    g, h, i, j, k, l_ = n
    return (a * g + b * i, a * h + b * j, c * g + d * i, c * h + d * j,
            e * g + f * i + k, e * h + f * j + l_)


def _num(value) -> float:
    return float(value)


def read_page(page, index: int) -> PageContent:
    """Walk one page's content: marked content, fonts, sizes and ActualText."""
    result = PageContent(index)
    resources = page.obj.get("/Resources")
    stack: list[_Mark] = []
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    graphics: list[tuple] = []
    tm = tlm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    font: str | None = None
    size = 0.0
    leading = 0.0
    try:
        instructions = pikepdf.parse_content_stream(page)
    except pikepdf.PdfError as exc:
        result.unbalanced = f"content cannot be parsed: {exc}"
        return result
    for instruction in instructions:
        op = str(instruction.operator)
        operands = list(instruction.operands)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])[1:] if operands else ""
            props = _properties(operands[1], resources) if op == "BDC" and len(operands) > 1 \
                else None
            mark = _Mark(tag)
            if tag == "Artifact":
                mark.artifact = True
                if any(m.mcid is not None for m in stack):
                    result.mixed.append("Artifact inside tagged content")
            if props is not None:
                if "/MCID" in props:
                    mark.mcid = int(props.MCID)
                    result.mcids.append(mark.mcid)
                    if any(m.artifact for m in stack):
                        result.mixed.append(f"MCID {mark.mcid} inside an Artifact")
                if "/ActualText" in props:
                    mark.actual_text = _text(props.ActualText)
                    owner = next((m.mcid for m in reversed(stack) if m.mcid is not None), None)
                    result.actual_texts.append((owner, mark.actual_text))
            stack.append(mark)
            continue
        if op == "EMC":
            if not stack:
                result.unbalanced = "EMC without BDC/BMC"
                continue
            stack.pop()
            continue
        if op == "q":
            graphics.append(ctm)
        elif op == "Q":
            if graphics:
                ctm = graphics.pop()
        elif op == "cm" and len(operands) == 6:
            ctm = _mul(tuple(_num(v) for v in operands), ctm)
        elif op == "BT":
            tm = tlm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        elif op == "Tm" and len(operands) == 6:
            tm = tlm = tuple(_num(v) for v in operands)
        elif op in ("Td", "TD") and len(operands) == 2:
            tx, ty = _num(operands[0]), _num(operands[1])
            if op == "TD":
                leading = -ty
            tlm = _mul((1.0, 0.0, 0.0, 1.0, tx, ty), tlm)
            tm = tlm
        elif op in ("T*", "'", '"'):
            tlm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -leading), tlm)
            tm = tlm
        elif op == "TL" and operands:
            leading = _num(operands[0])
        elif op == "Tf" and len(operands) == 2:
            font, size = str(operands[0]), _num(operands[1])
        if op in PAINTING:
            tagged = any(m.mcid is not None for m in stack)
            artifact = any(m.artifact for m in stack)
            if not (tagged or artifact):
                result.untagged.append(op)
            if op in TEXT_SHOWING:
                if font is None:
                    result.no_font += 1
                else:
                    result.fonts_showing.add(font)
                m = _mul(tm, ctm)
                vertical = math.hypot(m[2], m[3])
                result.sizes.append((round(size * vertical, 2), tagged and not artifact))
    if stack:
        result.unbalanced = f"{len(stack)} BDC/BMC without EMC"
    return result


def _walk(elem, parent, seen: set) -> Iterator[tuple[object, object]]:
    """Structure elements in reading order, each with the object its /P should be."""
    if _key(elem) in seen:
        return
    seen.add(_key(elem))
    yield elem, parent
    kids = elem.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, Dictionary) and "/S" in kid and kid.get("/Type") not in (
                Name.MCR, Name.OBJR):
            yield from _walk(kid, elem, seen)


def _content_refs(elem) -> Iterator[tuple[object | None, int | None, object | None]]:
    """(page, MCID, annotation) for each content item an element refers to directly."""
    kids = elem.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    default_page = elem.get("/Pg")
    for kid in kids:
        if isinstance(kid, int):  # pikepdf gives integer objects as Python ints
            yield default_page, int(kid), None
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            yield kid.get("/Pg", default_page), int(kid.MCID), None
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
            yield kid.get("/Pg", default_page), None, kid.get("/Obj")


# -- the checks ----------------------------------------------------------------------------------

def _metadata(pdf) -> tuple[str, str]:
    """(dc:title, pdfuaid:part) from the XMP packet; empty strings when missing."""
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return "", ""
    try:
        root = ET.fromstring(stream.read_bytes())
    except ET.ParseError:
        return "", ""
    title = ""
    node = root.find(".//dc:title", _NS)
    if node is not None:
        li = node.find(".//rdf:li", _NS)
        title = (li.text if li is not None else node.text) or ""
    part = ""
    node = root.find(".//pdfuaid:part", _NS)
    if node is not None:
        part = (node.text or "").strip()
    else:
        for desc in root.iter(f"{{{_NS['rdf']}}}Description"):
            value = desc.get(f"{{{_NS['pdfuaid']}}}part")
            if value:
                part = value.strip()
    return title.strip(), part


def _font_problems(font, name: str, page: int) -> list[str]:
    out = []
    subtype = font.get("/Subtype")
    if subtype == Name.Type0:
        descendants = font.get("/DescendantFonts", [])
        descriptor = descendants[0].get("/FontDescriptor") if len(descendants) else None
    else:
        descriptor = font.get("/FontDescriptor")
    base = str(font.get("/BaseFont", name))
    if subtype == Name.Type3:
        out.append(f"page {page}: font {base} is a Type 3 font")
    elif descriptor is None or "/FontFile2" not in descriptor:
        out.append(f"page {page}: font {base} used for text is not embedded (no FontFile2)")
    if "/ToUnicode" not in font:
        out.append(f"page {page}: font {base} used for text has no ToUnicode map")
    return out


def problems(path: Path | str) -> list[str]:
    """Everything found wrong with the tagged PDF at ``path``; empty when it passes."""
    out: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        mark_info = root.get("/MarkInfo")
        if mark_info is None or not bool(mark_info.get("/Marked", False)):
            out.append("catalog: /MarkInfo /Marked is not true")
        lang = root.get("/Lang")
        if lang is None or not _text(lang).strip():
            out.append("catalog: /Lang is not set")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            out.append("catalog: /ViewerPreferences /DisplayDocTitle is not true")
        info_title = _text(pdf.docinfo.get("/Title", "")).strip() if pdf.docinfo else ""
        xmp_title, part = _metadata(pdf)
        if not info_title:
            out.append("Info /Title is empty")
        if not xmp_title:
            out.append("XMP dc:title is empty")
        if info_title and xmp_title and info_title != xmp_title:
            out.append(f"Info /Title {info_title!r} differs from XMP dc:title {xmp_title!r}")
        if part != "1":
            out.append(f"XMP pdfuaid:part is {part!r}, not '1'")

        pages = list(pdf.pages)
        page_index = {page.obj.objgen: i for i, page in enumerate(pages)}
        contents = [read_page(page, i) for i, page in enumerate(pages)]
        for i, (page, content) in enumerate(zip(pages, contents, strict=True), start=1):
            if page.obj.get("/Tabs") != Name.S:
                out.append(f"page {i}: /Tabs is not /S")
            if content.mcids and "/StructParents" not in page.obj:
                out.append(f"page {i}: has marked content but no /StructParents")
            if content.unbalanced:
                out.append(f"page {i}: {content.unbalanced}")
            if content.untagged:
                ops = sorted(set(content.untagged))
                out.append(f"page {i}: {len(content.untagged)} painting operators outside "
                           f"tagged content or an Artifact: {ops}")
            out += [f"page {i}: {m}" for m in sorted(set(content.mixed))]
            duplicates = {m for m in content.mcids if content.mcids.count(m) > 1}
            if duplicates:
                out.append(f"page {i}: MCIDs used twice: {sorted(duplicates)}")
            if content.no_font:
                out.append(f"page {i}: text shown before any Tf")
            fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
            for name in sorted(content.fonts_showing):
                font = fonts.get(name)
                if font is None:
                    out.append(f"page {i}: font {name} is not in the page resources")
                else:
                    out += _font_problems(font, name, i)

        struct_root = root.get("/StructTreeRoot")
        if struct_root is None:
            out.append("catalog: no /StructTreeRoot")
            return out
        parent_tree_obj = struct_root.get("/ParentTree")
        if parent_tree_obj is None:
            out.append("StructTreeRoot: no /ParentTree")
            parent_tree: dict[int, object] = {}
        else:
            parent_tree = {}
            _number_tree(parent_tree_obj, parent_tree)

        # Every MCID in the content must be claimed in the ParentTree.
        for i, (page, content) in enumerate(zip(pages, contents, strict=True), start=1):
            if not content.mcids or "/StructParents" not in page.obj:
                continue
            array = parent_tree.get(int(page.obj.StructParents))
            if not isinstance(array, pikepdf.Array):
                out.append(f"page {i}: ParentTree has no array for StructParents "
                           f"{int(page.obj.StructParents)}")
                continue
            for mcid in content.mcids:
                if mcid >= len(array) or not isinstance(array[mcid], Dictionary):
                    out.append(f"page {i}: MCID {mcid} is not in the ParentTree")

        heading_level = 0
        referenced: set[tuple[int, int]] = set()
        kids = struct_root.get("/K")
        tops = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids else []
        if not tops:
            out.append("StructTreeRoot has no elements")
        seen: set = set()
        for top in tops:
            for elem, parent in _walk(top, struct_root, seen):
                tag = _tag(elem)
                where = f"{tag or '?'} element {elem.objgen}"
                p = elem.get("/P")
                if p is None:
                    out.append(f"{where}: no /P")
                elif _key(p) != _key(parent):
                    out.append(f"{where}: /P is not its parent")
                if len(tag) == 2 and tag[0] == "H" and tag[1] in "123456":
                    level = int(tag[1])
                    if heading_level == 0 and level != 1:
                        out.append(f"first heading is {tag}, not H1")
                    elif level > heading_level + 1 and heading_level:
                        out.append(f"heading level skips from H{heading_level} to {tag}")
                    heading_level = level
                if tag in ("Figure", "Formula") and not (
                        _text(elem.get("/Alt", "")).strip()
                        or _text(elem.get("/ActualText", "")).strip()):
                    out.append(f"{where}: no /Alt")
                if tag == "TH":
                    attrs = elem.get("/A")
                    attr_list = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs]
                    if not any(isinstance(a, Dictionary) and "/Scope" in a for a in attr_list):
                        out.append(f"{where}: no /A /Scope")
                children = [k for k in _kids(elem) if isinstance(k, Dictionary) and "/S" in k]
                if tag == "L":
                    items = [k for k in children if _tag(k) == "LI"]
                    if not items:
                        out.append(f"{where}: list without LI")
                    others = [_tag(k) for k in children if _tag(k) not in ("LI", "Caption", "L")]
                    if others:
                        out.append(f"{where}: list holds {others}")
                if tag == "LI" and not any(_tag(k) == "LBody" for k in children):
                    out.append(f"{where}: LI without LBody")
                if tag == "Table" and not children:
                    out.append(f"{where}: table without rows")
                for page_obj, mcid, annot in _content_refs(elem):
                    if page_obj is None or page_obj.objgen not in page_index:
                        out.append(f"{where}: content reference without a page")
                        continue
                    index = page_index[page_obj.objgen]
                    if annot is not None:
                        if int(annot.get("/StructParent", -1)) < 0 or _key(parent_tree.get(
                                int(annot.get("/StructParent", -1)), Dictionary())) != _key(elem):
                            out.append(f"{where}: its annotation's /StructParent does not "
                                       f"lead back to it")
                        continue
                    referenced.add((index, mcid))
                    if mcid not in contents[index].mcids:
                        out.append(f"{where}: MCID {mcid} is not in page {index + 1}'s content")
                        continue
                    page = pages[index].obj
                    array = parent_tree.get(int(page.get("/StructParents", -1)))
                    if not isinstance(array, pikepdf.Array) or mcid >= len(array) \
                            or not isinstance(array[mcid], Dictionary) \
                            or _key(array[mcid]) != _key(elem):
                        out.append(f"{where}: ParentTree does not map page {index + 1} "
                                   f"MCID {mcid} back to it")
        for i, content in enumerate(contents):
            lost = sorted(set(content.mcids) - {m for p, m in referenced if p == i})
            if lost:
                out.append(f"page {i + 1}: MCIDs no element refers to: {lost}")

        for i, page in enumerate(pages, start=1):
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") != Name.Link:
                    continue
                if "/StructParent" not in annot:
                    out.append(f"page {i}: link annotation without /StructParent")
                if not _text(annot.get("/Contents", "")).strip():
                    out.append(f"page {i}: link annotation without /Contents")
    return out


def _kids(elem) -> list:
    kids = elem.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


# -- facts the tests look at ---------------------------------------------------------------------

def language(path: Path | str) -> str:
    """The catalog's /Lang."""
    with pikepdf.open(path) as pdf:
        return _text(pdf.Root.get("/Lang", ""))


def structure_tags(path: Path | str) -> list[str]:
    """Every structure element's type, in reading order (``Document``, ``Part``, ``H1`` …)."""
    with pikepdf.open(path) as pdf:
        kids = pdf.Root.StructTreeRoot.get("/K")
        tops = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        seen: set = set()
        return [_tag(elem) for top in tops for elem, _p in _walk(top, None, seen)]


def element_languages(path: Path | str) -> list[tuple[str, str]]:
    """(type, /Lang) of every structure element that has its own /Lang, in reading order."""
    with pikepdf.open(path) as pdf:
        kids = pdf.Root.StructTreeRoot.get("/K")
        tops = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        seen: set = set()
        return [(_tag(elem), _text(elem.Lang)) for top in tops
                for elem, _p in _walk(top, None, seen) if "/Lang" in elem]


def top_level_tags(path: Path | str) -> list[str]:
    """The types of the Document element's children."""
    with pikepdf.open(path) as pdf:
        kids = pdf.Root.StructTreeRoot.get("/K")
        document = kids[0] if isinstance(kids, pikepdf.Array) else kids
        return [_tag(k) for k in _kids(document) if isinstance(k, Dictionary) and "/S" in k]


def actual_texts(path: Path | str) -> list[str]:
    """The /ActualText of marked content in the page content streams, in content order
    (UTF-16BE strings decoded)."""
    with pikepdf.open(path) as pdf:
        return [text for i, page in enumerate(pdf.pages)
                for _mcid, text in read_page(page, i).actual_texts]


def content_font_sizes(path: Path | str) -> list[float]:
    """Effective sizes (points) of text shown inside tagged, non-artifact marked content:
    ``Tf`` size × the vertical scale of text matrix × CTM."""
    with pikepdf.open(path) as pdf:
        return [size for i, page in enumerate(pdf.pages)
                for size, content in read_page(page, i).sizes if content]


def fonts_not_embedded(path: Path | str) -> list[str]:
    """Fonts in any page's resources that are not embedded or lack ToUnicode."""
    out: list[str] = []
    with pikepdf.open(path) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
            for name, font in fonts.items():
                out += _font_problems(font, name, i)
    return out


# -- the text of each element, read with pikepdf (no poppler needed) ------------------------------

def _to_unicode_map(font) -> dict[int, str]:
    """A simple font's ToUnicode map: one-byte code → text (bfchar and bfrange entries)."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = stream.read_bytes().decode("latin-1")
    out: dict[int, str] = {}

    def text(hexes: str) -> str:
        return bytes.fromhex(hexes).decode("utf-16-be")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(code, 16)] = text(target)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, target in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(target, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[code] = chr(first + offset)
    return out


def _mcid_texts(page, index: int) -> dict[int, str]:
    """Each MCID's text on one page, decoded through the fonts' ToUnicode maps; a space where
    a new text object or matrix starts a new line after text without one."""
    fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
    maps: dict[str, dict[int, str]] = {}
    out: dict[int, str] = {}
    stack: list[int | None] = []
    font_map: dict[int, str] = {}
    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator)
        operands = list(instruction.operands)
        if op in ("BDC", "BMC"):
            props = _properties(operands[1], page.obj.get("/Resources")) \
                if op == "BDC" and len(operands) > 1 else None
            stack.append(int(props.MCID) if props is not None and "/MCID" in props else None)
        elif op == "EMC" and stack:
            stack.pop()
        elif op == "Tf":
            name = str(operands[0])
            if name not in maps:
                font = fonts.get(name)
                maps[name] = _to_unicode_map(font) if font is not None else {}
            font_map = maps[name]
        elif op in ("Tj", "TJ", "'", '"'):
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is None:
                continue
            strings = operands[0] if op == "TJ" else [operands[-1]]
            pieces = [font_map.get(byte, "\ufffd") for item in strings
                      if isinstance(item, pikepdf.String) for byte in bytes(item)]
            out[mcid] = out.get(mcid, "") + "".join(pieces)
    return out


def element_texts(path: Path | str) -> list[tuple[str, str, str]]:
    """(type, /Lang or "", text) of every structure element in reading order, the text being
    what its marked content shows (its own and its kids'), read through ToUnicode."""
    with pikepdf.open(path) as pdf:
        pages = list(pdf.pages)
        page_index = {page.obj.objgen: i for i, page in enumerate(pages)}
        texts = {i: _mcid_texts(page, i) for i, page in enumerate(pages)}

        def text_of(elem) -> str:
            parts = []
            for kid in _kids(elem):
                if isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                    page = page_index.get(kid.Pg.objgen)
                    parts.append(texts.get(page, {}).get(int(kid.MCID), ""))
                elif isinstance(kid, Dictionary) and "/S" in kid:
                    parts.append(text_of(kid))
            return "".join(parts)

        kids = pdf.Root.StructTreeRoot.get("/K")
        tops = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        seen: set = set()
        return [(_tag(elem), _text(elem.get("/Lang", "")), text_of(elem))
                for top in tops for elem, _p in _walk(top, None, seen)]
