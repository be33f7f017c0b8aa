"""The command line: the same services as the window, for scripted and batch work.

Global options come before a subcommand: ``advocate-app --data-dir D demo --members 500``.
Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from advocate_app.i18n import _


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one translated sentence, not a usage dump."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        self.exit(2, _("{prog}: {problem}. Try “{prog} --help”.").format(
            prog=self.prog, problem=message) + "\n")


def peek_option(argv: Sequence[str], option: str) -> str | None:
    """A global option's value before the arguments are parsed.

    The language and the data folder are needed to translate the parser's own help and errors.
    """
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg == option and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(option + "="):
            return arg.split("=", 1)[1]
        if arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            break  # the subcommand: its own options (``outreach render --lang``) are its own
    return None


_VALUE_OPTIONS = ("--data-dir", "--database-url", "--lang")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="advocate-app",
        description=_("Advocate: community, boards, webinars, stories and outreach for patient "
                      "advocacy groups. Without a command, opens the window."),
    )
    parser.add_argument("--version", action="store_true", help=_("print the version and exit"))
    parser.add_argument(
        "--data-dir", metavar=_("DIR"),
        help=_("folder for everything Advocate writes (default: your user data folder; "
               "or set ADVOCATE_DATA_DIR)"),
    )
    parser.add_argument(
        "--database-url", metavar=_("URL"),
        help=_("use this database instead of the built-in file, e.g. "
               "postgresql+psycopg://user@host/advocate (or set ADVOCATE_DATABASE_URL)"),
    )
    parser.add_argument("--lang", metavar=_("CODE"),
                        help=_("language of the interface, e.g. en or fr"))
    parser.add_argument(
        "--smoke-test", action="store_true",
        help=_("open the window with the Members page, print the start-up time and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    demo = commands.add_parser(
        "demo", help=_("fill the database with a realistic sample community"),
        description=_("Fill the database with a realistic, repeatable sample community."),
    )
    demo.add_argument("--members", type=_positive_int, default=300, metavar="N",
                      help=_("how many members to create (default: 300)"))
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help=_("the same seed always gives the same community (default: 1)"))
    importer = commands.add_parser(
        "import", help=_("bring people in from a CSV, XLSX or vCard file"),
        description=_("Bring people in from a file. Everything lands in one go, or nothing "
                      "does; the report says what happened to every row."))
    what = importer.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser,
                                   required=True)
    members = what.add_parser("members", help=_("import members"),
                              description=_("Import members from a file."))
    members.add_argument("file", metavar=_("FILE"))
    members.add_argument("--format", choices=("auto", "csv", "xlsx", "vcard"), default="auto",
                         help=_("the file's format (default: recognised from its content)"))
    members.add_argument("--encoding", metavar=_("ENCODING"),
                         help=_("the text encoding of a CSV or vCard file, e.g. utf-8, "
                                "utf-16 or cp1252 (default: detected)"))
    members.add_argument("--delimiter", metavar=_("CHARACTER"),
                         help=_("the CSV delimiter: , ; | or tab (default: detected)"))
    members.add_argument("--on-duplicate", choices=("skip", "merge", "create"), default="skip",
                         help=_("what to do with someone who is already here (default: skip)"))
    members.add_argument("--dry-run", action="store_true",
                         help=_("check everything and report, but change nothing"))
    members.add_argument("--json", action="store_true",
                         help=_("print the report as JSON, with every row's outcome"))
    exporter = commands.add_parser(
        "export", help=_("write members to a CSV, XLSX, vCard or JSON file"),
        description=_("Write members to a file. Health details are left out unless you ask "
                      "for them with --include-sensitive."))
    what = exporter.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser,
                                   required=True)
    members = what.add_parser("members", help=_("export members"),
                              description=_("Export members to a file."))
    members.add_argument("--format", choices=("csv", "xlsx", "vcard", "json"), required=True)
    members.add_argument("--segment", metavar=_("NAME"),
                         help=_("only the members of this saved segment (default: everyone "
                                "not archived)"))
    members.add_argument("--include-sensitive", action="store_true",
                         help=_("include health details: conditions, access needs, age"))
    members.add_argument("-o", "--output", metavar=_("FILE"), required=True,
                         help=_("the file to write"))
    privacy = commands.add_parser(
        "privacy", help=_("privacy rights: what we hold, erasure, retention"),
        description=_("Privacy rights of members."))
    what = privacy.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser,
                                  required=True)
    report = what.add_parser("report", help=_("everything we hold about one member"))
    report.add_argument("member", type=_positive_int, metavar=_("MEMBER"))
    report.add_argument("--format", choices=("html", "json"), default="html")
    report.add_argument("-o", "--output", metavar=_("FILE"), required=True)
    erase = what.add_parser("erase", help=_("erase what identifies one member"))
    erase.add_argument("member", type=_positive_int, metavar=_("MEMBER"))
    erase.add_argument("--yes", action="store_true",
                       help=_("confirm: this cannot be undone"))
    retention = what.add_parser(
        "retention", help=_("members unchanged for YEARS with no valid consent"),
        description=_("List (or, with --apply, erase) members with no valid consent for "
                      "anything who have not changed for the given number of years."))
    retention.add_argument("--years", type=_positive_int, required=True)
    retention.add_argument("--apply", action="store_true",
                           help=_("erase them (without this, only list them)"))
    members_cmd = commands.add_parser("members", help=_("find and merge duplicate members"),
                                      description=_("Duplicate members."))
    what = members_cmd.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser,
                                      required=True)
    duplicates = what.add_parser("duplicates", help=_("list records that look like the same "
                                                      "person"))
    duplicates.add_argument("--json", action="store_true", help=_("print as JSON"))
    merge = what.add_parser("merge", help=_("merge the second record into the first"))
    merge.add_argument("keep", type=_positive_int, metavar=_("KEEP"))
    merge.add_argument("other", type=_positive_int, metavar=_("OTHER"))
    readiness = commands.add_parser(
        "trial-readiness", help=_("counts a trial sponsor may see: no names, small cells "
                                  "hidden"),
        description=_("People who agreed to research contact, counted by condition and region. "
                      "Counts below 5 are shown as “<5”; no names are included."))
    readiness.add_argument("--format", choices=("csv", "json"), default="csv")
    readiness.add_argument("-o", "--output", metavar=_("FILE"), required=True)
    _add_outreach(commands)
    _add_meetings(commands)
    return parser


_PROFILE_CHOICES = ("standard", "clear", "large", "easy-read", "dyslexia", "high-contrast")


def _add_outreach(commands) -> None:
    outreach = commands.add_parser(
        "outreach", help=_("list, export, render and print outreach items"),
        description=_("Leaflets, posters, lay summaries, newsletters, invitations, letters and "
                      "address labels: as accessible PDF, and as print packs per member."))
    what = outreach.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser,
                                   required=True)
    listing = what.add_parser("list", help=_("list the stored items"))
    listing.add_argument("--json", action="store_true",
                         help=_("print a JSON list (id, kind, title, language, group)"))
    export = what.add_parser("export", help=_("write an item in its JSON form"))
    export.add_argument("item", type=_positive_int, metavar=_("ITEM_ID"))
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
    render.add_argument("--labels", choices=("L7160", "L7163", "5160"), default="L7160",
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
    pack.add_argument("item", type=_positive_int, metavar=_("ITEM_ID"))
    pack.add_argument("--segment", metavar=_("NAME"),
                      help=_("the members of this saved segment (default: every member)"))
    pack.add_argument("--labels", choices=("L7160", "L7163", "5160"), default="L7160")
    pack.add_argument("-o", "--output", metavar=_("DIR"), required=True)


def _add_meetings(commands) -> None:
    meetings = commands.add_parser(
        "meetings", help=_("list board meetings and write them as calendar files"),
        description=_("Board meetings: list them, or write one meeting or all upcoming "
                      "meetings as an iCalendar (.ics) file."))
    what = meetings.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser,
                                   required=True)
    listing = what.add_parser("list", help=_("list the meetings, newest first"))
    listing.add_argument("--json", action="store_true",
                         help=_("print a JSON list (id, board, title, start, minutes_status)"))
    ics = what.add_parser("ics", help=_("write a calendar file: one meeting, or every "
                                        "upcoming meeting"))
    ics.add_argument("--meeting", type=_positive_int, metavar=_("MEETING_ID"),
                     help=_("only this meeting (default: every upcoming meeting)"))
    ics.add_argument("-o", "--output", metavar=_("FILE.ics"), required=True)
    minutes = commands.add_parser(
        "minutes", help=_("export the minutes of a meeting"),
        description=_("The minutes of a meeting as an accessible PDF or a Word document."))
    what = minutes.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser,
                                  required=True)
    export = what.add_parser("export", help=_("write the minutes as PDF or DOCX"))
    export.add_argument("meeting", type=_positive_int, metavar=_("MEETING_ID"))
    export.add_argument("--format", choices=("pdf", "docx"), required=True)
    export.add_argument("-o", "--output", metavar=_("FILE"), required=True)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(_("“{value}” is not a whole number of 0 or more").format(
            value=value))
    return number


def run_command(args: argparse.Namespace, context) -> int:
    handlers = {"demo": _run_demo, "import": _run_import, "export": _run_export,
                "privacy": _run_privacy, "trial-readiness": _run_trial_readiness,
                "members": _run_members, "outreach": _run_outreach,
                "meetings": _run_meetings, "minutes": _run_minutes}
    return handlers[args.command](args, context)


def _run_import(args: argparse.Namespace, context) -> int:
    from pathlib import Path

    from advocate_app.interchange.errors import UnreadableFileError
    from advocate_app.services.member_import import ImportOptions, OnDuplicate, import_members

    options = ImportOptions(format=args.format, encoding=args.encoding,
                            delimiter=args.delimiter, on_duplicate=OnDuplicate(args.on_duplicate),
                            dry_run=args.dry_run)
    try:
        report = import_members(context.services.uow, context.services.actor, Path(args.file),
                                options)
    except UnreadableFileError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(report.to_json())
        return 0
    from advocate_app.interchange.report_text import report_lines

    for line in report_lines(report):
        print(line)
    return 0


def _run_export(args: argparse.Namespace, context) -> int:
    from pathlib import Path

    from advocate_app.i18n import ngettext
    from advocate_app.services.errors import NotFoundError
    from advocate_app.services.member_data import MemberQuery
    from advocate_app.services.member_export import export_members

    query = MemberQuery()
    if args.segment:
        try:
            query = context.services.segments.get(args.segment).query
        except NotFoundError as exc:
            print(f"advocate-app: {exc}", file=sys.stderr)
            return 1
    output = Path(args.output)
    try:
        count = export_members(context.services, output, args.format, query,
                               args.include_sensitive)
    except OSError as exc:
        print("advocate-app: " + _("{path} cannot be written: {reason}.").format(
            path=output, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(ngettext("Wrote {n} member to {path}.", "Wrote {n} members to {path}.", count)
          .format(n=count, path=output))
    return 0


def _run_privacy(args: argparse.Namespace, context) -> int:
    from pathlib import Path

    from advocate_app.i18n import ngettext
    from advocate_app.services.errors import ServiceError

    privacy = context.services.privacy
    try:
        if args.what == "report":
            from advocate_app.interchange.subject_access import write_subject_access

            write_subject_access(privacy.everything_we_hold(args.member), Path(args.output),
                                 args.format)
            print(_("Wrote {path}.").format(path=args.output))
        elif args.what == "erase":
            if not args.yes:
                print("advocate-app: " + _("Erasing cannot be undone; add --yes to confirm."),
                      file=sys.stderr)
                return 1
            privacy.erase(args.member)
            print(_("Member {id} erased.").format(id=args.member))
        else:
            candidates = privacy.retention_candidates(args.years)
            for candidate in candidates:
                print(f"{candidate.id}\t{candidate.name}\t"
                      f"{candidate.last_changed.date() if candidate.last_changed else ''}")
            if args.apply:
                erased = privacy.apply_retention(args.years)
                print(ngettext("{n} member erased.", "{n} members erased.", erased).format(
                    n=erased))
            else:
                print(ngettext("{n} member would be erased (nothing changed; add --apply).",
                               "{n} members would be erased (nothing changed; add --apply).",
                               len(candidates)).format(n=len(candidates)))
    except ServiceError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    return 0


def _run_trial_readiness(args: argparse.Namespace, context) -> int:
    import csv
    import json
    from pathlib import Path

    from advocate_app.services.trial_readiness import TrialReadinessService

    report = TrialReadinessService(context.services).sponsor_report()
    path = Path(args.output)
    if args.format == "json":
        path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2),
                        encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([_("Condition"), *report.regions, _("Total")])
            for condition, counts, total in report.rows:
                writer.writerow([condition, *counts, total])
            writer.writerow([_("Total"), *report.totals, report.total])
    print(_("Wrote {path}.").format(path=path))
    return 0


def _run_members(args: argparse.Namespace, context) -> int:
    import json
    from dataclasses import asdict

    from advocate_app.services.errors import ServiceError

    duplicates = context.services.duplicates
    if args.what == "duplicates":
        pairs = duplicates.find()
        if args.json:
            print(json.dumps([asdict(p) for p in pairs], ensure_ascii=False, indent=2))
        else:
            for pair in pairs:
                print(_("{first} ({first_id}) and {second} ({second_id}): {reason}").format(
                    first=pair.first_name, first_id=pair.first_id, second=pair.second_name,
                    second_id=pair.second_id, reason=pair.reason))
        return 0
    try:
        duplicates.merge(args.keep, args.other)
    except ServiceError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    print(_("Member {other} merged into member {keep}.").format(other=args.other,
                                                                keep=args.keep))
    return 0


def _run_outreach(args: argparse.Namespace, context) -> int:
    from advocate_app.documents.content import ContentError
    from advocate_app.services.errors import ServiceError

    try:
        return _OUTREACH[args.what](args, context)
    except (ContentError, ServiceError) as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print("advocate-app: " + _("{path} cannot be written: {reason}.").format(
            path=exc.filename or args.output, reason=exc.strerror or exc), file=sys.stderr)
        return 1


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

    from advocate_app.interchange.files import write_atomically

    write_atomically(Path(args.output),
                      context.services.outreach.export_json(args.item).encode("utf-8"))
    print(_("Wrote {path}.").format(path=args.output))
    return 0


def _outreach_import(args, context) -> int:
    from pathlib import Path

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print("advocate-app: " + _("{path} cannot be read: {reason}.").format(
            path=path, reason=getattr(exc, "strerror", None) or exc), file=sys.stderr)
        return 1
    item_id = context.services.outreach.import_json(text)
    print(_("Added outreach item {id}.").format(id=item_id))
    return 0


def _outreach_item(args, context):
    """The item named on the command line: a stored id or a JSON file."""
    from pathlib import Path

    from advocate_app.documents.content import item_from_json

    outreach = context.services.outreach
    if args.item.isdigit():
        item_id = int(args.item)
        item = outreach.get(item_id)
        if args.item_lang and item.language != args.item_lang:
            for other_id, other in outreach.versions(item):
                if other.language == args.item_lang and other.easy_read == item.easy_read:
                    return other_id, other
            from advocate_app.services.errors import NotFoundError

            raise NotFoundError(_("Item {id} has no version in “{lang}”.").format(
                id=item_id, lang=args.item_lang))
        return item_id, item
    path = Path(args.item)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        from advocate_app.documents.content import ContentError

        raise ContentError(_("{path} cannot be read: {reason}.").format(
            path=path, reason=getattr(exc, "strerror", None) or exc)) from exc
    item = item_from_json(text)
    if args.item_lang and item.language != args.item_lang:
        from dataclasses import replace

        item = replace(item, language=args.item_lang)
    return None, item


def _outreach_render(args, context) -> int:
    from pathlib import Path

    from advocate_app.documents.pdf import RenderError
    from advocate_app.documents.profiles import ProfileKey

    item_id, item = _outreach_item(args, context)
    profile = ProfileKey(args.profile)
    outreach = context.services.outreach
    output = Path(args.output)
    problems = outreach.preflight(item, profile)
    if problems and not args.force:
        print(_("The pre-flight check found problems for {profile}:").format(
            profile=profile.label), file=sys.stderr)
        for problem in problems:
            where = _(" (block {n})").format(n=problem.block) if problem.block else ""
            print(f"  - {problem.message}{where}", file=sys.stderr)
        print(_("Fix them, or add --force to render anyway (the override is recorded)."),
              file=sys.stderr)
        return 1
    try:
        if output.suffix.lower() in (".html", ".htm"):
            outreach.render_html(item, profile, output, item_id=item_id)
        else:
            outreach.render_pdf(item, profile, output, item_id=item_id, overridden=problems,
                                page_size=args.page_size, label_sheet=args.labels,
                                force=args.force)
    except RenderError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    print(_("Wrote {path}.").format(path=output))
    return 0


def _outreach_print_pack(args, context) -> int:
    from pathlib import Path

    from advocate_app.i18n import ngettext
    from advocate_app.services.member_data import MemberQuery

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
                                                  progress=progress, label_sheet=args.labels)
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
    print(ngettext("{n} member left out (see the summary).",
                   "{n} members left out (see the summary).", len(result.left_out)).format(
        n=len(result.left_out)))
    return 0


_OUTREACH = {"list": _outreach_list, "export": _outreach_export, "import": _outreach_import,
             "render": _outreach_render, "print-pack": _outreach_print_pack}


def _run_meetings(args: argparse.Namespace, context) -> int:
    from advocate_app.services.errors import ServiceError

    try:
        if args.what == "list":
            return _meetings_list(args, context)
        return _meetings_ics(args, context)
    except ServiceError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except OSError as exc:
        print("advocate-app: " + _("{path} cannot be written: {reason}.").format(
            path=exc.filename or getattr(args, "output", ""), reason=exc.strerror or exc),
            file=sys.stderr)
        return 1


def _meetings_list(args, context) -> int:
    import json
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from advocate_app.services.boards import valid_timezone

    now = datetime.now(UTC)
    meetings = context.services.boards.list_meetings()
    rows = []
    for meeting in meetings:
        zone = ZoneInfo(meeting.timezone if valid_timezone(meeting.timezone) else "UTC")
        local = meeting.starts_at.astimezone(zone)
        rows.append({**meeting.to_json(), "local_start": local.isoformat(),
                     "upcoming": meeting.starts_at >= now})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for meeting, row in zip(meetings, rows, strict=True):
        print(f"{meeting.id}\t{row['local_start'][:16].replace('T', ' ')}\t"
              f"{meeting.board_name}\t{meeting.title}\t{meeting.minutes_status.label}")
    return 0


def _meetings_ics(args, context) -> int:
    from pathlib import Path

    from advocate_app.i18n import ngettext
    from advocate_app.interchange.calendar import meeting_ics, meetings_feed
    from advocate_app.interchange.files import write_atomically

    boards = context.services.boards
    output = Path(args.output)
    if args.meeting is not None:
        data = meeting_ics(boards.get_meeting(args.meeting))
        count = 1
    else:
        summaries = sorted(boards.list_meetings(upcoming_only=True),
                           key=lambda m: (m.starts_at, m.id))
        data = meetings_feed([boards.get_meeting(m.id) for m in summaries],
                             _("Advocate: upcoming meetings"))
        count = len(summaries)
    write_atomically(output, data)
    print(ngettext("Wrote {n} meeting to {path}.", "Wrote {n} meetings to {path}.", count)
          .format(n=count, path=output))
    return 0


def _run_minutes(args: argparse.Namespace, context) -> int:
    from advocate_app.services.errors import ServiceError
    from advocate_app.services.minutes import export_minutes

    try:
        path = export_minutes(context.services, args.meeting, args.format, args.output)
    except ServiceError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except OSError as exc:
        print("advocate-app: " + _("{path} cannot be written: {reason}.").format(
            path=exc.filename or args.output, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(_("Wrote {path}.").format(path=path))
    return 0


def print_quietly_to_a_closed_pipe() -> None:
    """``advocate-app … | head`` closes the pipe early; that is not an error to report."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _run_demo(args: argparse.Namespace, context) -> int:
    import time

    from advocate_app.i18n import ngettext
    from advocate_app.services.demo import generate_demo

    started = time.perf_counter()
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive and total:
            sys.stderr.write("\r" + _("Creating members: {done} of {total}").format(
                done=done, total=total))
            sys.stderr.flush()

    summary = generate_demo(context.services.uow, context.services.actor,
                            members=args.members, seed=args.seed, progress=progress)
    if interactive:
        sys.stderr.write("\n")
    seconds = time.perf_counter() - started
    print(ngettext("Created {n} member in {seconds:.1f} s.",
                   "Created {n} members in {seconds:.1f} s.", summary.members).format(
        n=summary.members, seconds=seconds))
    if summary.outreach_items:
        print(ngettext("Added {n} sample outreach item (see “outreach list”).",
                       "Added {n} sample outreach items (see “outreach list”).",
                       summary.outreach_items).format(n=summary.outreach_items))
    if summary.boards:
        print(_("Added {n} boards and {m} meetings.").format(n=summary.boards,
                                                              m=summary.meetings))
    return 0
