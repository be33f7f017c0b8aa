"""XLIFF 2.0 for translators: one ``<file>`` for one item and target language, one ``<unit>``
per text (its id is the text's place in the item), the item and the source's content revision
recorded in the file's ``mda:`` metadata (and in its ``original`` attribute).

Inline markup stays intact: emphasis, strong and links become ``<pc>`` elements whose
``dataRefStart``/``dataRefEnd`` point at the markup kept in the unit's ``<originalData>``
(``**``, ``*``, ``[`` and ``](https://…)``), so a translator moves and keeps them but cannot
change a link's address. Reading a target back, each ``<pc>`` is matched by its id to the
current source's (never to the file's own ``originalData``), so a file cannot bring in a link
the source does not have.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.parsers import expat

from advocate_app.domain import inline_markup
from advocate_app.i18n import _
from advocate_app.interchange.translation_units import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    TranslationFile,
    TranslationUnit,
    refuse,
    take_unit,
)

NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
_X = "{" + NS + "}"
_M = "{" + MDA + "}"
ORIGINAL_PREFIX = "advocate-outreach:"


def _wrappers(run: inline_markup.Run) -> list[tuple[str, str, dict[str, str]]]:
    """The markup around a run, outermost first: (start, end, pc attributes)."""
    out = []
    if run.strong:
        out.append(("**", "**", {"type": "fmt", "subType": "xlf:b"}))
    if run.emphasis:
        out.append(("*", "*", {"type": "fmt", "subType": "xlf:i"}))
    if run.href:
        out.append(("[", f"]({run.href})", {"type": "link"}))
    return out


def pc_codes(text: str) -> dict[str, tuple[str, str]]:
    """The inline codes of a marked-up text by their ids: (start markup, end markup)."""
    codes: dict[str, tuple[str, str]] = {}
    for run in inline_markup.parse(text):
        for start, end, _attrs in _wrappers(run):
            codes[str(len(codes) + 1)] = (start, end)
    return codes


def _fill_markup(parent: ET.Element, text: str, data: ET.Element) -> None:
    """``text``'s runs as character data and nested ``<pc>`` in ``parent``."""
    number = 0
    last: ET.Element | None = None
    for run in inline_markup.parse(text):
        wrappers = _wrappers(run)
        if not wrappers:
            if last is None:
                parent.text = (parent.text or "") + run.text
            else:
                last.tail = (last.tail or "") + run.text
            continue
        holder = parent
        outer: ET.Element | None = None
        for start, end, attrs in wrappers:
            number += 1
            key = str(number)
            ET.SubElement(data, _X + "data", {"id": f"d{key}s"}).text = start
            ET.SubElement(data, _X + "data", {"id": f"d{key}e"}).text = end
            holder = ET.SubElement(holder, _X + "pc", {"id": key, "dataRefStart": f"d{key}s",
                                                       "dataRefEnd": f"d{key}e", **attrs})
            outer = outer if outer is not None else holder
        holder.text = run.text
        last = outer


def xliff_bytes(document: TranslationFile) -> bytes:
    ET.register_namespace("", NS)
    ET.register_namespace("mda", MDA)
    root = ET.Element(_X + "xliff", {"version": "2.0", "srcLang": document.source_language,
                                     "trgLang": document.target_language})
    file = ET.SubElement(root, _X + "file", {
        "id": f"item-{document.item_id}",
        "original": f"{ORIGINAL_PREFIX}{document.item_id}:{document.source_revision}"})
    group = ET.SubElement(ET.SubElement(file, _M + "metadata"), _M + "metaGroup",
                          {"category": "advocate"})
    for kind, value in (("item", str(document.item_id)),
                        ("source-revision", str(document.source_revision)),
                        ("title", document.title)):
        ET.SubElement(group, _M + "meta", {"type": kind}).text = value
    for unit in document.units:
        element = ET.SubElement(file, _X + "unit", {"id": unit.id})
        if unit.note:
            ET.SubElement(ET.SubElement(element, _X + "notes"), _X + "note").text = unit.note
        data = ET.Element(_X + "originalData")
        segment = ET.Element(_X + "segment")
        source = ET.SubElement(segment, _X + "source")
        target = ET.Element(_X + "target") if unit.target is not None else None
        if unit.markup:
            _fill_markup(source, unit.source, data)
            if target is not None:
                _fill_markup(target, unit.target or "", ET.Element("scratch"))
        else:
            source.text = unit.source
            if target is not None:
                target.text = unit.target
        if len(data):
            element.append(data)
        element.append(segment)
        if target is not None:
            segment.append(target)
    _indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


#: Elements whose content is words (whitespace in them counts): never indented.
_WORDS = {_X + "source", _X + "target", _X + "data", _X + "note", _M + "meta"}


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the structure for a person reading the file, leaving every text as it is
    (``ET.indent`` would replace the spaces between inline codes)."""
    if element.tag in _WORDS or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _check_shape(data: bytes) -> None:
    """Refuse a document type (so no entity of any kind), deep nesting and too many
    elements, before the tree is built."""
    parser = expat.ParserCreate()
    state = {"depth": 0, "elements": 0}

    def no_dtd(*_args: object) -> None:
        raise refuse(_("This translation file declares a document type or entities, which "
                       "a translation file never needs (and which can hide an attack); "
                       "nothing was imported."))

    def start(*_args: object) -> None:
        state["depth"] += 1
        state["elements"] += 1
        if state["depth"] > MAX_DEPTH:
            raise refuse(_("This translation file is nested too deeply (at most {limit} "
                           "levels); nothing was imported.").format(limit=MAX_DEPTH))
        if state["elements"] > MAX_ELEMENTS:
            raise refuse(_("This translation file has too many elements (at most {limit}); "
                           "nothing was imported.").format(limit=MAX_ELEMENTS))

    def end(*_args: object) -> None:
        state["depth"] -= 1

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    parser.UnparsedEntityDeclHandler = no_dtd
    parser.ExternalEntityRefHandler = no_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise refuse(_("This is not a well-formed XLIFF file (line {line}); nothing was "
                       "imported.").format(line=exc.lineno)) from exc


def read_xliff(data: bytes, markup: dict[str, str]) -> TranslationFile:
    _check_shape(data)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise refuse(_("This is not a well-formed XLIFF file; nothing was imported.")) from exc
    if root.tag != _X + "xliff" or not str(root.get("version", "")).startswith("2."):
        raise refuse(_("This is not an XLIFF 2 file; nothing was imported."))
    files = root.findall(_X + "file")
    if len(files) != 1:
        raise refuse(_("This XLIFF file holds {n} files; Advocate writes one item in one "
                       "language per file; nothing was imported.").format(n=len(files)))
    file = files[0]
    item_id, revision, title = _identity(file)
    units: list[TranslationUnit] = []
    seen: set[str] = set()
    for element in file.iter(_X + "unit"):
        unit_id = str(element.get("id") or "")
        take_unit(unit_id, seen)
        sources, targets = [], []
        for segment in element.iter(_X + "segment"):
            source = segment.find(_X + "source")
            target = segment.find(_X + "target")
            sources.append("".join(source.itertext()) if source is not None else "")
            if target is not None:
                targets.append(_target_text(target, unit_id, markup.get(unit_id)))
        units.append(TranslationUnit(unit_id, "".join(sources),
                                     "".join(targets) if targets else None,
                                     markup=unit_id in markup))
    return TranslationFile(item_id, title, str(root.get("srcLang") or ""),
                           str(root.get("trgLang") or ""), revision, tuple(units))


def _identity(file: ET.Element) -> tuple[int, int, str]:
    """The item and the source revision the file was made from."""
    meta = {str(m.get("type")): (m.text or "") for m in file.iter(_M + "meta")}
    item, revision = meta.get("item", ""), meta.get("source-revision", "")
    original = str(file.get("original") or "")
    if (not item or not revision) and original.startswith(ORIGINAL_PREFIX):
        item, _sep, revision = original[len(ORIGINAL_PREFIX):].partition(":")
    if not (item.strip().isdigit() and revision.strip().isdigit()):
        raise refuse(_("This XLIFF file does not say which Advocate item and revision it was "
                       "made from (export it from Advocate); nothing was imported."))
    return int(item), int(revision), meta.get("title", "")


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\*[]" else ch for ch in text)


def _target_text(target: ET.Element, unit_id: str, source: str | None) -> str:
    """A target's words; with inline markup put back where the source has it."""
    if source is None:
        return "".join(target.itertext())
    codes = pc_codes(source)

    def walk(element: ET.Element, in_link: bool) -> str:
        out = [_plain(element.text or "", in_link)]
        for child in element:
            tag = child.tag
            if tag == _X + "pc":
                code = codes.get(str(child.get("id") or ""))
                if code is None:
                    raise refuse(_("The translation of “{id}” has formatting the source does "
                                   "not have; nothing was imported.").format(id=unit_id))
                link = code[0] == "["
                out.append(code[0] + walk(child, in_link or link) + code[1])
            elif tag == _X + "mrk":  # an annotation: its words count
                out.append(walk(child, in_link))
            else:
                raise refuse(_("The translation of “{id}” holds markup Advocate does not "
                               "know; nothing was imported.").format(id=unit_id))
            out.append(_plain(child.tail or "", in_link))
        return "".join(out)

    return walk(target, False)


def _plain(text: str, in_link: bool) -> str:
    # A link's words are kept as typed (no escapes there), but cannot close the link early.
    return text.replace("]", ")").replace("\n", " ") if in_link else _escape(text)
