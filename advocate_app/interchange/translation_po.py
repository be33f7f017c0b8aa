"""PO for translators (Babel's ``pofile``), the alternative to XLIFF: one message per text, its
``msgctxt`` the text's id in the item, the source's words (inline markup as Advocate writes it:
``*emphasis*``, ``**strong**``, ``[words](https://…)``, kept as they are in the translation) as
``msgid``. The item and the source's content revision are the ``Project-Id-Version`` header
(``advocate-outreach:12:en 4``: item 12, written in English, revision 4); the target language
is the ``Language`` header."""

from __future__ import annotations

import io
import re

from advocate_app.i18n import _
from advocate_app.interchange.translation_units import (
    TranslationFile,
    TranslationUnit,
    refuse,
    take_unit,
)

_PROJECT = re.compile(r"^advocate-outreach:(\d+):([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)$")


def po_bytes(document: TranslationFile) -> bytes:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(locale=document.target_language.replace("-", "_"),
                      project=f"advocate-outreach:{document.item_id}:"
                              f"{document.source_language}",
                      version=str(document.source_revision), charset="utf-8",
                      fuzzy=False, header_comment=(
                          f"# {document.title}\n"
                          "# Translate each msgstr; keep *, ** and [words](address) around "
                          "the same words."))
    for unit in document.units:
        catalog.add(unit.source, unit.target or "", context=unit.id,
                    auto_comments=[unit.note] if unit.note else ())
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    return out.getvalue()


def read_po_file(data: bytes) -> TranslationFile:
    from babel.core import UnknownLocaleError
    from babel.messages.pofile import PoFileError, read_po

    try:
        data.decode("utf-8")
        catalog = read_po(io.BytesIO(data), abort_invalid=True, charset="utf-8")
    except (PoFileError, UnicodeDecodeError, UnknownLocaleError, ValueError) as exc:
        raise refuse(_("This is neither an XLIFF nor a PO file Advocate can read; nothing "
                       "was imported.")) from exc
    match = _PROJECT.match(str(catalog.project or ""))
    version = str(catalog.version or "")
    if match is None or not version.isdigit():
        raise refuse(_("This PO file does not say which Advocate item and revision it was "
                       "made from (export it from Advocate); nothing was imported."))
    units = []
    seen: set[str] = set()
    for message in catalog:
        if not message.id:
            continue  # the header
        unit_id = str(message.context or "")
        take_unit(unit_id, seen)
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        units.append(TranslationUnit(unit_id, source, target or None))
    language = str(catalog.locale_identifier or "").replace("_", "-")
    return TranslationFile(int(match.group(1)), "", match.group(2), language, int(version),
                           tuple(units), translator=str(catalog.last_translator or ""))
