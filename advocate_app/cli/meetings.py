"""``advocate-app meetings …`` and ``advocate-app minutes …``: board meetings listed and
written as calendar files; minutes exported as PDF or Word."""

from __future__ import annotations

from advocate_app.cli.arguments import Parser, positive_int
from advocate_app.i18n import _


def add_parsers(commands) -> None:
    meetings = commands.add_parser(
        "meetings", help=_("list board meetings and write them as calendar files"),
        description=_("Board meetings: list them, or write one meeting or all upcoming "
                      "meetings as an iCalendar (.ics) file."))
    what = meetings.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                   required=True)
    listing = what.add_parser("list", help=_("list the meetings, newest first"))
    listing.add_argument("--json", action="store_true",
                         help=_("print a JSON list (id, board, title, start, minutes_status)"))
    ics = what.add_parser("ics", help=_("write a calendar file: one meeting, or every "
                                        "upcoming meeting"))
    ics.add_argument("--meeting", type=positive_int, metavar=_("MEETING_ID"),
                     help=_("only this meeting (default: every upcoming meeting)"))
    ics.add_argument("-o", "--output", metavar=_("FILE.ics"), required=True)
    minutes = commands.add_parser(
        "minutes", help=_("export the minutes of a meeting"),
        description=_("The minutes of a meeting as an accessible PDF or a Word document."))
    what = minutes.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                  required=True)
    export = what.add_parser("export", help=_("write the minutes as PDF or DOCX"))
    export.add_argument("meeting", type=positive_int, metavar=_("MEETING_ID"))
    export.add_argument("--format", choices=("pdf", "docx"), required=True)
    export.add_argument("-o", "--output", metavar=_("FILE"), required=True)


def run_meetings(args, context) -> int:
    if args.what == "list":
        return _meetings_list(args, context)
    return _meetings_ics(args, context)


def _meetings_list(args, context) -> int:
    import json
    from datetime import UTC, datetime

    from advocate_app.domain.board_views import zone

    now = datetime.now(UTC)
    meetings = context.services.meetings.list_meetings()
    rows = []
    for meeting in meetings:
        local = meeting.starts_at.astimezone(zone(meeting.timezone))
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

    output = Path(args.output)
    count = context.services.board_documents.write_calendar(output, args.meeting)
    print(ngettext("Wrote {n} meeting to {path}.", "Wrote {n} meetings to {path}.", count)
          .format(n=count, path=output))
    return 0


def run_minutes(args, context) -> int:
    path = context.services.board_documents.export_minutes(args.meeting, args.format,
                                                           args.output)
    print(_("Wrote {path}.").format(path=path))
    return 0
