"""``advocate-app audit list`` and ``audit export``: the audit log, for administrators.

Each line says when, which account, what it did, to what kind of record (its number) and how
many; never a member's name or health details.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime

from advocate_app.cli.arguments import Parser, positive_int
from advocate_app.domain.audit_views import AuditAction, AuditEntry, AuditQuery
from advocate_app.domain.people import account_name
from advocate_app.i18n import _, ngettext

_ACTIONS = tuple(action.value for action in AuditAction)


def _since(value: str) -> datetime:
    """A date (the start of that day, UTC) or a date and time (UTC unless it says)."""
    try:
        moment = datetime.fromisoformat(value) if "T" in value or " " in value else (
            datetime.combine(date.fromisoformat(value), datetime.min.time()))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a date like 2026-12-31").format(value=value)) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_parsers(commands) -> None:
    audit = commands.add_parser(
        "audit", help=_("the audit log: who viewed, exported, changed or erased what"),
        description=_("The audit log (administrators only): who viewed a member's sensitive "
                      "details, exported, imported, changed, merged, erased, printed or "
                      "rendered what, and when. It holds no names of members and no health "
                      "details."))
    what = audit.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                required=True)
    listing = what.add_parser("list", help=_("list the audit log, newest first"))
    listing.add_argument("--json", action="store_true", help=_("print as JSON"))
    listing.add_argument("--since", type=_since, metavar=_("DATE"),
                         help=_("only what was done on or after DATE (YYYY-MM-DD)"))
    listing.add_argument("--action", choices=_ACTIONS, help=_("only this action"))
    listing.add_argument("--limit", type=positive_int, default=0, metavar=_("N"),
                         help=_("at most N lines (default: all)"))
    export = what.add_parser("export", help=_("write the audit log as CSV or JSON"))
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--since", type=_since, metavar=_("DATE"),
                        help=_("only what was done on or after DATE (YYYY-MM-DD)"))
    export.add_argument("--action", choices=_ACTIONS, help=_("only this action"))
    export.add_argument("-o", "--output", required=True, metavar=_("FILE"))


def run(args: argparse.Namespace, context) -> int:
    audit = context.services.audit
    action = AuditAction(args.action) if args.action else None
    if args.what == "export":
        count = audit.export(args.output, args.format, AuditQuery(since=args.since,
                                                                  action=action))
        print(ngettext("Wrote {path}: {n} line of the audit log.",
                       "Wrote {path}: {n} lines of the audit log.", count).format(
            path=args.output, n=count))
        return 0
    query = AuditQuery(since=args.since, action=action)
    limit = args.limit or audit.count(query)
    entries = audit.list(AuditQuery(since=args.since, action=action, limit=limit))
    if args.json:
        import json

        print(json.dumps([entry.as_dict() for entry in entries], ensure_ascii=False,
                         indent=2))
        return 0
    for entry in entries:
        print(_line(entry))
    if not entries:
        print(_("The audit log holds nothing of that kind."))
    return 0


def _line(entry: AuditEntry) -> str:
    subject = entry.subject_kind.label + (f" {entry.subject_id}"
                                          if entry.subject_id is not None else "")
    count = "" if entry.count is None else str(entry.count)
    return "\t".join((entry.at.isoformat(timespec="seconds"), account_name(entry.account_name),
                      entry.action.label, subject, count, entry.detail)).rstrip()


HANDLERS = {"audit": run}
