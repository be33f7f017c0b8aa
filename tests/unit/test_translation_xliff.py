"""XLIFF for translators without a database: inline formatting goes out as <pc> codes and
comes back as the same markup, wherever the translator moved it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from advocate_app.domain import inline_markup
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.translation_files import (
    TranslationFile,
    TranslationUnit,
    parse_translation,
    write_translation_file,
)

NS = "{urn:oasis:names:tc:xliff:document:2.0}"
MARKED = ("Plain, ***both***, **[a strong link](https://example.org/a)** and *a \\* star*; "
          "an escaped \\[bracket\\].")


def _file(target: str | None) -> TranslationFile:
    return TranslationFile(7, "Title", "en", "fr", 3, (
        TranslationUnit("title", "Title", "Titre"),
        TranslationUnit("b1.text", MARKED, target, "Block 1", markup=True)))


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_marked_up_words_survive_the_round_trip(fmt):
    data = write_translation_file(_file(MARKED), fmt)
    back = parse_translation(data, {"b1.text": MARKED})
    assert (back.item_id, back.source_revision, back.target_language) == (7, 3, "fr")
    target = {u.id: u.target for u in back.units}["b1.text"]
    assert inline_markup.parse(target) == inline_markup.parse(MARKED)


def _with_target(data: bytes, fill) -> bytes:
    root = ET.fromstring(data)
    unit = next(u for u in root.iter(NS + "unit") if u.get("id") == "b1.text")
    segment = unit.find(NS + "segment")
    fill(segment.find(NS + "source"), ET.SubElement(segment, NS + "target"))
    return ET.tostring(root, encoding="utf-8")


def test_a_translator_may_move_the_codes_but_not_add_a_link():
    data = write_translation_file(_file(None), "xliff")
    assert b'dataRefStart="d1s"' in data and b"](https://example.org/a)" in data

    def moved(source, target):  # the codes in another order, the words around them changed
        target.text = "D'abord "
        for code in reversed(list(source)):
            copy = ET.SubElement(target, code.tag, dict(code.attrib))
            copy.text = code.text
            for inner in code:
                copy.append(inner)
            copy.tail = " puis "

    back = parse_translation(_with_target(data, moved), {"b1.text": MARKED})
    words = {u.id: u.target for u in back.units}["b1.text"]
    runs = inline_markup.parse(words)
    assert runs[0] == inline_markup.Run("D'abord ")
    assert inline_markup.Run("a * star", emphasis=True) in runs
    assert inline_markup.Run("a strong link", strong=True,
                             href="https://example.org/a") in runs

    def forged(_source, target):
        ET.SubElement(target, NS + "pc", {"id": "9", "type": "link"}).text = "x"

    with pytest.raises(UnreadableFileError, match="formatting the source does not have"):
        parse_translation(_with_target(data, forged), {"b1.text": MARKED})


@pytest.mark.parametrize(("data", "said"), [
    (b"\xff\xfe\x00 not text", "NUL characters|neither an XLIFF nor a PO file"),
    (b"\xff\xfe not text", "neither an XLIFF nor a PO file"),
    (b'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgctxt "title"\nmsgid "A"\nmsgstr "B"\n',
     "does not say which Advocate item"),
    (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" trgLang="fr">'
     b'<file id="f"><unit id="title"><segment><source>A</source></segment></unit></file>'
     b"</xliff>", "does not say which Advocate item"),
    (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>', "not an XLIFF 2"),
])
def test_a_file_that_is_not_one_advocate_wrote_is_refused_in_one_sentence(data, said):
    with pytest.raises(UnreadableFileError, match=said) as refused:
        parse_translation(data, {})
    assert "\n" not in str(refused.value) and str(refused.value).endswith("imported.")
