"""``advocate-app outreach export-translation ITEM --lang xx --format xliff|po OUT`` and
``outreach import-translation FILE``: files for translators, out and back; the same service
methods as the Translations window."""

from __future__ import annotations

from advocate_app.cli.arguments import positive_int
from advocate_app.i18n import _, ngettext


def add_parser(what) -> None:
    export = what.add_parser(
        "export-translation", help=_("write an item's words for a translator (XLIFF 2 or PO)"),
        description=_("Write the file a translator fills in: every text of the item (the "
                      "source of its translation set), made from its current revision, to "
                      "translate into one language. Texts already translated and unchanged "
                      "since come filled in."))
    export.add_argument("item", type=positive_int, metavar=_("ITEM_ID"))
    export.add_argument("--lang", dest="target_lang", required=True, metavar=_("CODE"),
                        help=_("the language to translate into (ar, de, es …)"))
    export.add_argument("--format", dest="file_format", choices=("xliff", "po"),
                        default="xliff", help=_("XLIFF 2.0 (default) or PO"))
    export.add_argument("output", metavar=_("OUT"))
    importer = what.add_parser(
        "import-translation", help=_("read a translator's file back (XLIFF 2 or PO)"),
        description=_("Create or update the translation a translator's file holds, matched "
                      "by id. A file made from an older revision of the source, for another "
                      "item, or with a text unknown, missing or untranslated is refused and "
                      "nothing changes."))
    importer.add_argument("file", metavar=_("FILE"))
    importer.add_argument("--item", dest="for_item", type=positive_int, metavar=_("ITEM_ID"),
                          help=_("refuse the file unless it is for this item"))
    importer.add_argument("--lang", dest="target_lang", metavar=_("CODE"),
                          help=_("refuse the file unless it translates into this language"))


def _export(args, context) -> int:
    from pathlib import Path

    from advocate_app.domain.outreach_translation_views import TranslationFormat

    path = context.services.outreach_translations.export_file(
        args.item, args.target_lang, TranslationFormat(args.file_format), Path(args.output))
    print(_("Wrote {path}.").format(path=path))
    return 0


def _import(args, context) -> int:
    result = context.services.outreach_translations.import_file(
        args.file, item_id=args.for_item, language=args.target_lang)
    line = ngettext(
        "Added the translation into “{language}” as outreach item {id} ({n} text).",
        "Added the translation into “{language}” as outreach item {id} ({n} texts).",
        result.texts) if result.created else ngettext(
        "Updated the translation into “{language}”, outreach item {id} ({n} text); it is up "
        "to date with its source.",
        "Updated the translation into “{language}”, outreach item {id} ({n} texts); it is "
        "up to date with its source.", result.texts)
    print(line.format(language=result.language, id=result.item_id, n=result.texts))
    return 0


HANDLERS = {"export-translation": _export, "import-translation": _import}
