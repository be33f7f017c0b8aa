"""``advocate-app outreach …``: outreach items listed, exchanged as JSON, rendered as tagged
PDF or HTML, and sent as print packs."""

from __future__ import annotations

import sys

from advocate_app.cli.arguments import Parser, positive_int
from advocate_app.domain.print_profiles import LABEL_SHEET_KEYS, ProfileKey
from advocate_app.i18n import _

_PROFILE_CHOICES = tuple(key.value for key in ProfileKey)


def add_parser(commands) -> None:
    outreach = commands.add_parser(
        "outreach", help=_("list, export, render and print outreach items"),
        description=_("Leaflets, posters, lay summaries, newsletters, invitations, letters and "
                      "address labels: as accessible PDF, and as print packs per member."))
    what = outreach.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                   required=True)
    listing = what.add_parser("list", help=_("list the stored items"))
    listing.add_argument("--json", action="store_true",
                         help=_("print a JSON list (id, kind, title, language, group)"))
    export = what.add_parser("export", help=_("write an item in its JSON form"))
    export.add_argument("item", type=positive_int, metavar=_("ITEM_ID"))
    export.add_argument("-o", "--output", metavar=_("FILE"), required=True)
    importer = what.add_parser("import", help=_("add an item from its JSON form"))
    importer.add_argument("file", metavar=_("ITEM.json"))
    render = what.add_parser(
        "render", help=_("render an item (stored, or a JSON file) as a tagged PDF or HTML"))
    render.add_argument("item", metavar=_("ITEM_ID|ITEM.json"))
    render.add_argument("--profile", choices=_PROFILE_CHOICES, default="standard",
                        help=_("print profile (default: standard)"))
    render.add_argument("--lang", dest="item_lang", metavar=_("CODE"),
                        help=_("render the stored version in this language"))
    render.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    render.add_argument("--labels", choices=LABEL_SHEET_KEYS, default="L7160",
                        help=_("label sheet for address labels (default: L7160)"))
    render.add_argument("--force", action="store_true",
                        help=_("render even if the pre-flight check finds problems (they "
                               "are recorded)"))
    render.add_argument("-o", "--output", metavar=_("OUT.pdf"), required=True,
                        help=_("the file to write; .html writes the accessible HTML "
                               "companion"))
    pack = what.add_parser(
        "print-pack", help=_("each member's copy in their language and format, with labels "
                             "and a summary sheet"))
    pack.add_argument("item", type=positive_int, metavar=_("ITEM_ID"))
    pack.add_argument("--segment", metavar=_("NAME"),
                      help=_("the members of this saved segment (default: every member)"))
    pack.add_argument("--labels", choices=LABEL_SHEET_KEYS, default="L7160")
    pack.add_argument("--force", action="store_true",
                      help=_("print a version or format even if the pre-flight check finds "
                             "problems (they are recorded)"))
    pack.add_argument("-o", "--output", metavar=_("DIR"), required=True)
    from advocate_app.cli import outreach_translations

    outreach_translations.add_parser(what)


def _outreach_list(args, context) -> int:
    import json

    items = context.services.outreach.list()
    if args.json:
        print(json.dumps([item.to_json() for item in items], ensure_ascii=False, indent=2))
        return 0
    for item in items:
        print(f"{item.id}\t{item.kind.label}\t{item.language}\t{item.title}")
    return 0


def _outreach_export(args, context) -> int:
    from pathlib import Path

    context.services.outreach.write_json(args.item, Path(args.output))
    print(_("Wrote {path}.").format(path=args.output))
    return 0


def _outreach_import(args, context) -> int:
    item_id = context.services.outreach.import_file(args.file)
    print(_("Added outreach item {id}.").format(id=item_id))
    return 0


def _outreach_item(args, context):
    """The item named on the command line: a stored id or a JSON file."""
    from pathlib import Path

    outreach = context.services.outreach
    if args.item.isdigit():
        item_id = int(args.item)
        item = outreach.get(item_id)
        if args.item_lang and item.language != args.item_lang:
            for other_id, other in outreach.versions(item):
                if other.language == args.item_lang and other.easy_read == item.easy_read:
                    return other_id, other
            found = context.services.outreach_translations.translation_set(item_id)
            for view in found.translations:  # its translations (and a translation's source)
                if view.language == args.item_lang and view.item_id is not None:
                    return view.item_id, outreach.get(view.item_id)
            if found.source_language == args.item_lang:
                return found.source_id, outreach.get(found.source_id)
            from advocate_app.services.errors import NotFoundError

            raise NotFoundError(_("Item {id} has no version in “{lang}”.").format(
                id=item_id, lang=args.item_lang))
        return item_id, item
    item = outreach.load_file(Path(args.item))
    if args.item_lang and item.language != args.item_lang:
        from dataclasses import replace

        item = replace(item, language=args.item_lang)
    return None, item


def _outreach_render(args, context) -> int:
    from pathlib import Path

    item_id, item = _outreach_item(args, context)
    profile = ProfileKey(args.profile)
    outreach = context.services.outreach
    output = Path(args.output)
    problems = outreach.preflight(item, profile, item_id=item_id)
    blocking = [problem for problem in problems if problem.blocking]
    if blocking:  # a story without consent: --force cannot print it
        for problem in blocking:
            print(problem.message, file=sys.stderr)
        return 1
    if problems and not args.force:
        print(_("The pre-flight check found problems for {profile}:").format(
            profile=profile.label), file=sys.stderr)
        for problem in problems:
            where = _(" (block {n})").format(n=problem.block) if problem.block else ""
            print(f"  - {problem.message}{where}", file=sys.stderr)
        print(_("Fix them, or add --force to render anyway (the override is recorded)."),
              file=sys.stderr)
        return 1
    if output.suffix.lower() in (".html", ".htm"):
        outreach.render_html(item, profile, output, item_id=item_id)
    else:
        outreach.render_pdf(item, profile, output, item_id=item_id, overridden=problems,
                            page_size=args.page_size, label_sheet=args.labels,
                            force=args.force)
    print(_("Wrote {path}.").format(path=output))
    return 0


def _outreach_print_pack(args, context) -> int:
    from pathlib import Path

    from advocate_app.domain.member_views import MemberQuery
    from advocate_app.i18n import ngettext

    query = MemberQuery()
    if args.segment:
        query = context.services.segments.get(args.segment).query
    members = context.services.members
    total = members.count(query)
    ids = [row.id for start in range(0, total, 1000)
           for row in members.list(query, start, 1000)]
    interactive = sys.stderr.isatty()

    def progress(done: int, count: int) -> bool:
        if interactive and count:
            sys.stderr.write("\r" + _("Preparing copies: {done} of {total}").format(
                done=done, total=count))
            sys.stderr.flush()
        return True

    result = context.services.outreach.print_pack(args.item, ids, Path(args.output),
                                                  progress=progress, label_sheet=args.labels,
                                                  print_anyway=args.force)
    if interactive:
        sys.stderr.write("\n")
    for rendered in result.files:
        if rendered.personalised:
            line = ngettext("{path}: {n} personalised copy ({profile}, {language})",
                            "{path}: {n} personalised copies ({profile}, {language})",
                            rendered.copies)
        else:
            line = ngettext("{path}: print once ({profile}, {language})",
                            "{path}: print {n} times ({profile}, {language})", rendered.copies)
        print(line.format(path=rendered.path, n=rendered.copies, profile=rendered.profile.label,
                          language=rendered.language))
    if result.labels:
        print(_("Address labels: {path}").format(path=result.labels))
    print(_("Summary for the volunteer: {path}").format(path=result.summary))
    for line in result.fallbacks:  # who does not get their own language, and why
        print(line)
    for refused in result.refused:
        print(ngettext("Not printed: “{title}” in {profile} ({language}) for {n} member; the "
                       "pre-flight check found:",
                       "Not printed: “{title}” in {profile} ({language}) for {n} members; the "
                       "pre-flight check found:", len(refused.members)).format(
            title=refused.title, profile=refused.profile.label, language=refused.language,
            n=len(refused.members)), file=sys.stderr)
        for problem in refused.problems:
            print(f"  - {problem}", file=sys.stderr)
    if result.refused:
        print(_("Fix them, or add --force to print anyway (the override is recorded)."),
              file=sys.stderr)
    print(ngettext("{n} member left out (see the summary).",
                   "{n} members left out (see the summary).", len(result.left_out)).format(
        n=len(result.left_out)))
    return 1 if result.refused else 0  # a script learns that not everything was printed


_HANDLERS = {"list": _outreach_list, "export": _outreach_export, "import": _outreach_import,
             "render": _outreach_render, "print-pack": _outreach_print_pack}


def run(args, context) -> int:
    from advocate_app.cli import outreach_translations

    handlers = {**_HANDLERS, **outreach_translations.HANDLERS}
    return handlers[args.what](args, context)
