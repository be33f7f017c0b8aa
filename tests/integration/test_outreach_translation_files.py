"""Files for translators as an office exchanges them: XLIFF 2.0 and PO out, filled in by a
translator, read back into the translation (inline formatting and links intact); a file made
from an older source, for another item or language, incomplete, or hostile is refused in one
sentence and nothing changes."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from advocate_app.app import main
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.outreach_translation_views import TranslationFormat, TranslationState
from advocate_app.services.errors import UnreadableFileError

NS = "{urn:oasis:names:tc:xliff:document:2.0}"

SOURCE = OutreachItem(ItemKind.LEAFLET, "Our helpline", "en", (
    Block("heading", {"level": 1, "text": "Our helpline"}),
    Block("paragraph", {"text": "Call us **any weekday**, or [write to us](https://example.org/"
                                "write). A star: \\*."}),
    Block("list", {"ordered": False, "items": ["Free", "Private"]}),
    Block("image", {"pictogram": "phone", "alt": "A phone"}),
    Block("table", {"header": ["Day", "Hours"], "rows": [["Monday", "9-5"]]}),
))


@pytest.fixture
def services(any_services):
    return any_services


def _translate_xliff(path, words: dict[str, str] | None = None) -> None:
    """What a translator's tool does: a target for every source, inline codes kept (and,
    in the paragraph, moved: Spanish puts the link first)."""
    root = ET.fromstring(path.read_bytes())
    for unit in root.iter(NS + "unit"):
        segment = unit.find(NS + "segment")
        source = segment.find(NS + "source")
        old = segment.find(NS + "target")
        if old is not None:
            segment.remove(old)
        target = ET.SubElement(segment, NS + "target")
        if unit.get("id") == "b2.text":
            bold, link = list(source)
            target.text = "Escríbanos "
            link_copy = ET.SubElement(target, NS + "pc", dict(link.attrib))
            link_copy.text = "por escrito"
            link_copy.tail = " o llame "
            bold_copy = ET.SubElement(target, NS + "pc", dict(bold.attrib))
            bold_copy.text = "cualquier día"
            bold_copy.tail = ". Una estrella: *."
        else:
            target.text = (words or {}).get(unit.get("id"), "ES " + "".join(source.itertext()))
    path.write_bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def test_an_exported_xliff_round_trips_into_an_up_to_date_translation(services, tmp_path):
    source_id = services.outreach.save(SOURCE)
    out = services.outreach_translations.export_file(source_id, "es", TranslationFormat.XLIFF,
                                                     tmp_path / "helpline-es.xlf")
    root = ET.fromstring(out.read_bytes())
    assert root.tag == NS + "xliff" and root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "es")
    units = [u.get("id") for u in root.iter(NS + "unit")]
    assert units == ["title", "b1.text", "b2.text", "b3.items.0", "b3.items.1", "b4.alt",
                     "b5.header.0", "b5.header.1", "b5.rows.0.0", "b5.rows.0.1"]
    meta = {m.get("type"): m.text for m in root.iter(
        "{urn:oasis:names:tc:xliff:metadata:2.0}meta")}
    assert meta["item"] == str(source_id) and meta["source-revision"] == "1"

    _translate_xliff(out)
    result = services.outreach_translations.import_file(out)
    assert result.created and result.language == "es" and result.texts == 10
    spanish = services.outreach.get(result.item_id)
    assert spanish.language == "es" and spanish.title == "ES Our helpline"
    assert spanish.blocks[1].data["text"] == (
        "Escríbanos [por escrito](https://example.org/write) o llame **cualquier día**. Una "
        "estrella: \\*.")
    assert spanish.blocks[2].data["items"] == ["ES Free", "ES Private"]
    assert spanish.blocks[3].data == {"pictogram": "phone", "alt": "ES A phone"}
    assert spanish.blocks[4].data["rows"] == [["ES Monday", "ES 9-5"]]
    view = services.outreach_translations.translation_set(source_id).of("es")
    assert view.item_id == result.item_id and view.state is TranslationState.UP_TO_DATE

    # The source changes: the translation is stale; exported again, the unchanged texts come
    # filled in, the changed one empty; imported, up to date again (the same item).
    edited = replace(SOURCE, blocks=(SOURCE.blocks[0], SOURCE.blocks[1],
                                     Block("list", {"ordered": False,
                                                    "items": ["Free of charge", "Private"]}),
                                     *SOURCE.blocks[3:]))
    services.outreach.save(edited, source_id, services.outreach.version(source_id))
    assert services.outreach_translations.translation_set(source_id).of(
        "es").state is TranslationState.STALE
    again = services.outreach_translations.export_file(source_id, "es", TranslationFormat.XLIFF,
                                                       tmp_path / "again.xlf")
    targets = {u.get("id"): u.find(f"{NS}segment/{NS}target")
               for u in ET.fromstring(again.read_bytes()).iter(NS + "unit")}
    assert targets["b3.items.0"] is None and targets["b3.items.1"].text == "ES Private"
    _translate_xliff(again, {"b3.items.0": "Gratis"})
    second = services.outreach_translations.import_file(again, item_id=source_id, language="es")
    assert not second.created and second.item_id == result.item_id
    assert services.outreach.get(result.item_id).blocks[2].data["items"][0] == "Gratis"
    assert services.outreach_translations.translation_set(source_id).of(
        "es").state is TranslationState.UP_TO_DATE


def test_a_po_file_round_trips_with_its_markup_and_translator(services, tmp_path):
    from babel.messages.pofile import read_po, write_po

    source_id = services.outreach.save(SOURCE)
    out = services.outreach_translations.export_file(source_id, "de", TranslationFormat.PO,
                                                     tmp_path / "helpline-de.po")
    catalog = read_po(io.BytesIO(out.read_bytes()))
    assert catalog.project == f"advocate-outreach:{source_id}:en" and catalog.version == "1"
    for message in catalog:
        if message.id:
            message.string = (
                "Rufen Sie **jeden Werktag** an oder [schreiben Sie](https://example.org/write)."
                if message.context == "b2.text" else "DE " + message.id)
    catalog.last_translator = "Übersetzungsbüro Nord"
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    out.write_bytes(buffer.getvalue())
    result = services.outreach_translations.import_file(out)
    german = services.outreach.get(result.item_id)
    assert german.language == "de"
    assert german.blocks[1].data["text"] == (
        "Rufen Sie **jeden Werktag** an oder [schreiben Sie](https://example.org/write).")
    view = services.outreach_translations.translation_set(source_id).of("de")
    assert view.state is TranslationState.UP_TO_DATE
    assert view.translated_by == "Übersetzungsbüro Nord"


def _stored(services):
    with services.uow() as uow:
        from sqlalchemy import text
        return (uow.session.execute(text("SELECT id, content, version FROM outreach_items "
                                         "ORDER BY id")).all(),
                uow.session.execute(text("SELECT * FROM outreach_translations")).all())


def _one_sentence(message: str) -> None:
    assert "\n" not in message and message.endswith(".") and "nothing was imported" in message


def test_a_file_made_from_an_older_source_is_refused_and_changes_nothing(services, tmp_path):
    source_id = services.outreach.save(SOURCE)
    services.outreach_translations.create(source_id, "es")
    old = services.outreach_translations.export_file(source_id, "es", TranslationFormat.XLIFF,
                                                     tmp_path / "old.xlf")
    _translate_xliff(old)
    services.outreach.save(replace(SOURCE, title="Our helpline, now open daily"), source_id,
                           services.outreach.version(source_id))
    before = _stored(services)
    with pytest.raises(UnreadableFileError) as refused:
        services.outreach_translations.import_file(old)
    _one_sentence(str(refused.value))
    assert "revision 1" in str(refused.value) and "revision 2" in str(refused.value)
    assert _stored(services) == before
    assert services.outreach_translations.translation_set(source_id).of(
        "es").state is TranslationState.STALE


def test_a_file_for_another_item_language_or_with_wrong_texts_is_refused(services, tmp_path):
    source_id = services.outreach.save(SOURCE)
    other_id = services.outreach.save(replace(SOURCE, title="Another leaflet"))
    path = services.outreach_translations.export_file(source_id, "es", TranslationFormat.XLIFF,
                                                      tmp_path / "es.xlf")
    _translate_xliff(path)
    good = path.read_bytes()
    before = _stored(services)
    cases = {
        "not for the item chosen": (good, {"item_id": other_id}),
        "not into “fr”": (good, {"language": "fr"}),
        "the item does not have": (good.replace(b'id="b3.items.1"', b'id="b9.items.1"'), {}),
        "formatting the source does not have": (
            good.replace(b'<pc id="1"', b'<pc id="7"', 2), {}),
        "not translated yet": (good.replace(b"<target>ES Free</target>", b"<target/>"), {}),
        "not a well-formed XLIFF": (good[: len(good) // 2], {}),
    }
    for expected, (data, chosen) in cases.items():
        path.write_bytes(data)
        with pytest.raises(UnreadableFileError, match=expected) as refused:
            services.outreach_translations.import_file(path, **chosen)
        _one_sentence(str(refused.value))
    root = ET.fromstring(good)
    file = root.find(NS + "file")
    file.remove(file.findall(NS + "unit")[-1])
    path.write_bytes(ET.tostring(root, encoding="utf-8"))
    with pytest.raises(UnreadableFileError, match="lacks the text “b5.rows.0.1”"):
        services.outreach_translations.import_file(path)
    assert _stored(services) == before


HOSTILE = {
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY a "lol">'
        + "".join(f'<!ENTITY {name} "{("&" + previous + ";") * 10}">'
                  for previous, name in zip("abcdefghi", "bcdefghij", strict=True))
        + ']><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">&j;</xliff>'),
    "external entity": (
        '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">&secret;</xliff>'),
    "deep nesting": ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">'
                     + "<pc>" * 5000 + "</pc>" * 5000 + "</xliff>"),
}


@pytest.mark.parametrize("kind", [*HOSTILE, "huge"])
def test_a_hostile_xliff_is_refused_in_one_sentence(services, tmp_path, kind):
    services.outreach.save(SOURCE)
    path = tmp_path / "hostile.xlf"
    if kind == "huge":
        with path.open("wb") as handle:
            handle.write(b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">')
            handle.write(b"<!-- padding -->" * 400_000)
            handle.write(b"</xliff>")
    else:
        path.write_text(HOSTILE[kind], encoding="utf-8")
    before = _stored(services)
    with pytest.raises(UnreadableFileError) as refused:
        services.outreach_translations.import_file(path)
    message = str(refused.value)
    _one_sentence(message)
    assert {"billion laughs": "document type", "external entity": "document type",
            "deep nesting": "nested too deeply", "huge": "too big"}[kind] in message
    assert "root:" not in message and "lol" not in message
    assert _stored(services) == before


def test_the_command_line_exports_and_imports_a_translation(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "data")]
    item_file = tmp_path / "helpline.json"
    item_file.write_text(SOURCE.to_json(), encoding="utf-8")
    assert main([*data, "outreach", "import", str(item_file)]) == 0
    capsys.readouterr()
    out = tmp_path / "helpline-ar.xlf"
    assert main([*data, "outreach", "export-translation", "1", "--lang", "ar",
                 "--format", "xliff", str(out)]) == 0
    _translate_xliff(out)
    assert main([*data, "outreach", "import-translation", str(out), "--lang", "ur"]) == 1
    assert "not into “ur”" in capsys.readouterr().err
    assert main([*data, "outreach", "import-translation", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Added the translation into “ar” as outreach item 2 (10 texts)." in said
    po = tmp_path / "helpline-ar.po"
    assert main([*data, "outreach", "export-translation", "1", "--lang", "ar",
                 "--format", "po", str(po)]) == 0
    assert 'msgstr "ES Free"' in po.read_text(encoding="utf-8")  # translated and unchanged


def test_the_command_line_renders_a_translation_by_its_language(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "data")]
    item_file = tmp_path / "helpline.json"
    item_file.write_text(SOURCE.to_json(), encoding="utf-8")  # no group: a set alone
    assert main([*data, "outreach", "import", str(item_file)]) == 0
    out = tmp_path / "helpline-es.xlf"
    assert main([*data, "outreach", "export-translation", "1", "--lang", "es", str(out)]) == 0
    _translate_xliff(out)
    assert main([*data, "outreach", "import-translation", str(out)]) == 0
    pdf = tmp_path / "es.pdf"
    assert main([*data, "outreach", "render", "1", "--lang", "es", "-o", str(pdf)]) == 0
    assert main([*data, "outreach", "render", "2", "--lang", "en", "-o",
                 str(tmp_path / "en.pdf")]) == 0
    import subprocess

    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "ES Our helpline" in words
