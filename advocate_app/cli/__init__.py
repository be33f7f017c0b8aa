"""The command line: the same services as the window, for scripted and batch work.

Global options come before a subcommand: ``advocate-app --data-dir D demo --members 500``.
Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from advocate_app.cli.arguments import Parser, os_failure, own_files_refusal, positive_int
from advocate_app.i18n import _


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


_VALUE_OPTIONS = ("--data-dir", "--database-url", "--lang", "--user")


def names_a_command(argv: Sequence[str]) -> bool:
    """True unless ``argv`` holds global options alone (the window opens): a word that is not
    an option's value, or a request for help, needs every command's parser."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return True
    return False


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the whole command line; given ``argv`` without a command (the window),
    the global options alone, so start-up does not build every command's parser."""
    parser = Parser(
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
        "--user", metavar=_("NAME"),
        help=_("act as this account once accounts exist (password from ADVOCATE_PASSWORD "
               "or asked)"))
    parser.add_argument(
        "--smoke-test", action="store_true",
        help=_("open the window with the Members page, print the start-up time and exit"),
    )
    if argv is not None and not names_a_command(argv):
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    demo = commands.add_parser(
        "demo", help=_("fill the database with a realistic sample community"),
        description=_("Fill the database with a realistic, repeatable sample community."),
    )
    demo.add_argument("--members", type=positive_int, default=300, metavar="N",
                      help=_("how many members to create (default: 300)"))
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help=_("the same seed always gives the same community (default: 1)"))
    importer = commands.add_parser(
        "import", help=_("bring people in from a CSV, XLSX or vCard file"),
        description=_("Bring people in from a file. Everything lands in one go, or nothing "
                      "does; the report says what happened to every row."))
    what = importer.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
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
    what = exporter.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
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
    what = privacy.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                  required=True)
    report = what.add_parser("report", help=_("everything we hold about one member"))
    report.add_argument("member", type=positive_int, metavar=_("MEMBER"))
    report.add_argument("--format", choices=("html", "json"), default="html")
    report.add_argument("-o", "--output", metavar=_("FILE"), required=True)
    erase = what.add_parser("erase", help=_("erase what identifies one member"))
    erase.add_argument("member", type=positive_int, metavar=_("MEMBER"))
    erase.add_argument("--yes", action="store_true",
                       help=_("confirm: this cannot be undone"))
    retention = what.add_parser(
        "retention", help=_("members unchanged for YEARS with no valid consent"),
        description=_("List (or, with --apply, erase) members with no valid consent for "
                      "anything who have not changed for the given number of years."))
    retention.add_argument("--years", type=positive_int, required=True)
    retention.add_argument("--apply", action="store_true",
                           help=_("erase them (without this, only list them)"))
    purge = what.add_parser(
        "purge-backups", help=_("delete the backups made before the latest erasure"),
        description=_("Backups made before an erasure still hold the people erased. List "
                      "them (or, with --yes, delete them)."))
    purge.add_argument("--yes", action="store_true",
                       help=_("delete them (without this, only list them)"))
    members_cmd = commands.add_parser("members", help=_("find and merge duplicate members"),
                                      description=_("Duplicate members."))
    what = members_cmd.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                      required=True)
    duplicates = what.add_parser("duplicates", help=_("list records that look like the same "
                                                      "person"))
    duplicates.add_argument("--json", action="store_true", help=_("print as JSON"))
    merge = what.add_parser("merge", help=_("merge the second record into the first"))
    merge.add_argument("keep", type=positive_int, metavar=_("KEEP"))
    merge.add_argument("other", type=positive_int, metavar=_("OTHER"))
    readiness = commands.add_parser(
        "trial-readiness", help=_("counts a trial sponsor may see: no names, small cells "
                                  "hidden"),
        description=_("People who agreed to research contact, counted by condition and region. "
                      "Counts below 5 are shown as “<5”; no names are included."))
    readiness.add_argument("--format", choices=("csv", "json"), default="csv")
    readiness.add_argument("-o", "--output", metavar=_("FILE"), required=True)
    from advocate_app.cli import feedback, meetings, outreach, stories, webinars

    outreach.add_parser(commands)
    meetings.add_parsers(commands)
    feedback.add_parsers(commands)
    stories.add_parsers(commands)
    webinars.add_parsers(commands)
    for module in _command_modules():
        module.add_parsers(commands)
    return parser


#: Modules that each add commands: ``add_parsers(commands)`` and ``HANDLERS`` (name -> run).
COMMAND_MODULES: tuple[str, ...] = ("backups", "accounts", "security", "audit")


def _command_modules() -> list:
    import importlib

    return [importlib.import_module(f"advocate_app.cli.{name}") for name in COMMAND_MODULES]


def run_command(args: argparse.Namespace, context) -> int:
    """Run the command; a mistake the person can act on is one translated line, exit 1."""
    from advocate_app.cli import feedback, meetings, outreach, stories, webinars
    from advocate_app.domain.outreach_content import ContentError
    from advocate_app.services.errors import ServiceError

    handlers = {"demo": _run_demo, "import": _run_import, "export": _run_export,
                "privacy": _run_privacy, "trial-readiness": _run_trial_readiness,
                "members": _run_members, "outreach": outreach.run,
                "meetings": meetings.run_meetings, "minutes": meetings.run_minutes,
                "stories": stories.run, "feedback": feedback.run,
                "webinars": webinars.run}
    for module in _command_modules():
        handlers.update(module.HANDLERS)
    database = getattr(context.services, "database", None)
    refused = own_files_refusal(args, context.paths.data_dir,
                                getattr(database, "sqlite_file", None))
    if refused:
        print(f"advocate-app: {refused}", file=sys.stderr)
        return 1
    try:
        return handlers[args.command](args, context)
    except (ContentError, ServiceError) as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
    except BrokenPipeError:
        raise
    except OSError as exc:
        print("advocate-app: " + os_failure(exc, args), file=sys.stderr)
    return 1


def _run_import(args: argparse.Namespace, context) -> int:
    from pathlib import Path

    from advocate_app.services.errors import UnreadableFileError
    from advocate_app.services.member_import import ImportOptions, OnDuplicate, import_members
    from advocate_app.services.member_import_workers import ProcessStart

    options = ImportOptions(format=args.format, encoding=args.encoding,
                            delimiter=args.delimiter, on_duplicate=OnDuplicate(args.on_duplicate),
                            dry_run=args.dry_run)
    try:
        # No window here: worker processes for a big file can be forked, which is quicker.
        report = import_members(context.services.uow, context.services.actor, Path(args.file),
                                options, processes=ProcessStart.FORK)
    except UnreadableFileError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(report.to_json())
        return 0
    for line in report.lines():
        print(line)
    return 0


def _run_export(args: argparse.Namespace, context) -> int:
    from pathlib import Path

    from advocate_app.domain.member_views import MemberQuery
    from advocate_app.i18n import ngettext
    from advocate_app.services.errors import NotFoundError
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
            privacy.write_everything_we_hold(args.member, Path(args.output), args.format)
            print(_("Wrote {path}.").format(path=args.output))
        elif args.what == "erase":
            if not args.yes:
                print("advocate-app: " + _("Erasing cannot be undone; add --yes to confirm."),
                      file=sys.stderr)
                return 1
            erased_member = privacy.erase(args.member)
            print(_("Member {id} erased.").format(id=args.member))
            for sentence in erased_member.sentences:
                print(sentence)
        elif args.what == "purge-backups":
            _purge_backups(privacy, args.yes)
        else:
            candidates = privacy.retention_candidates(args.years)
            for candidate in candidates:
                print(f"{candidate.id}\t{candidate.name}\t"
                      f"{candidate.last_changed.date() if candidate.last_changed else ''}")
            if args.apply:
                erased = privacy.apply_retention(args.years)
                print(ngettext("{n} member erased.", "{n} members erased.", erased).format(
                    n=erased))
                if erased and privacy.backup_warning():
                    print(privacy.backup_warning())
            else:
                print(ngettext("{n} member would be erased (nothing changed; add --apply).",
                               "{n} members would be erased (nothing changed; add --apply).",
                               len(candidates)).format(n=len(candidates)))
    except ServiceError as exc:
        print(f"advocate-app: {exc}", file=sys.stderr)
        return 1
    return 0


def _purge_backups(privacy, confirmed: bool) -> None:
    from advocate_app.i18n import ngettext

    held = privacy.purge_backups() if confirmed else privacy.backups_before_erasure()
    for path in held:
        print(path)
    if not held:
        print(_("No backup was made before the latest erasure: nothing to delete."))
    elif confirmed:
        print(ngettext("{n} backup deleted.", "{n} backups deleted.", len(held)).format(
            n=len(held)))
    else:
        print(ngettext("{n} backup would be deleted (nothing changed; add --yes).",
                       "{n} backups would be deleted (nothing changed; add --yes).",
                       len(held)).format(n=len(held)))


def _run_trial_readiness(args: argparse.Namespace, context) -> int:
    from pathlib import Path

    from advocate_app.services.trial_readiness import write_report

    path = Path(args.output)
    write_report(context.services, path, args.format)  # the legend follows the table
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
        print(_("Added {boards} and {meetings}.").format(
            boards=ngettext("{n} board", "{n} boards", summary.boards).format(n=summary.boards),
            meetings=ngettext("{n} meeting", "{n} meetings", summary.meetings).format(
                n=summary.meetings)))
    if summary.webinars:
        print(_("Added {webinars} with {registrations}.").format(
            webinars=ngettext("{n} webinar", "{n} webinars", summary.webinars).format(
                n=summary.webinars),
            registrations=ngettext("{n} registration", "{n} registrations",
                                   summary.registrations).format(n=summary.registrations)))
    if summary.story_sessions or summary.stories:
        print(_("Added {sessions} and {stories}.").format(
            sessions=ngettext("{n} story-sharing session", "{n} story-sharing sessions",
                              summary.story_sessions).format(n=summary.story_sessions),
            stories=ngettext("{n} story", "{n} stories", summary.stories).format(
                n=summary.stories)))
    if summary.feedback:
        print(ngettext("Added {n} answer to feedback forms.",
                       "Added {n} answers to feedback forms.", summary.feedback).format(
            n=summary.feedback))
    return 0
