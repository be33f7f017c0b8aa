"""``advocate-app webinars import-report ID FILE [--dry-run] [--json]``: a Zoom attendee or
registration report, or an Eventbrite attendee export, imported into a webinar; prints whom it
matched, created, left for review and could not match, with the registrants, attendees and
no-shows. The same service method as the Webinars page's import."""

from __future__ import annotations

from advocate_app.cli.arguments import positive_int
from advocate_app.i18n import _, ngettext


def add_parser(webinar_subcommands) -> None:
    report = webinar_subcommands.add_parser(
        "import-report", help=_("import a Zoom or Eventbrite attendance or registration report"),
        description=_("Import a Zoom webinar attendee or registration report (CSV), or an "
                      "Eventbrite attendee export (CSV or XLSX), into a webinar: people are "
                      "matched to members by email, then by name (uncertain ones are left for "
                      "review); new people become members with their consent for events. "
                      "Everything lands in one go, or nothing does."))
    report.add_argument("webinar", type=positive_int, metavar=_("ID"))
    report.add_argument("file", metavar=_("FILE"))
    report.add_argument("--timezone", metavar=_("TZ"),
                        help=_("the time zone the report's times are written in (default: the "
                               "webinar's)"))
    report.add_argument("--dry-run", action="store_true",
                        help=_("check everything and report, but change nothing"))
    report.add_argument("--json", action="store_true",
                        help=_("print the result as JSON, with every person's outcome"))


def run(args, context) -> int:
    import json
    from pathlib import Path

    result = context.services.webinar_reports.import_report(
        args.webinar, Path(args.file), dry_run=args.dry_run, report_timezone=args.timezone)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    for line in result_lines(result):
        print(line)
    return 0


def result_lines(result) -> list[str]:
    """The import's result in plain, translated lines."""
    from advocate_app.domain.webinar_views import ReportOutcome

    Action = ReportOutcome.Action
    lines = []
    if result.dry_run:
        lines.append(_("Trial run: nothing was changed."))
    if result.already_imported:
        lines.append(_("This file was imported into the webinar before; nothing was changed."))
    lines.append(_("{kind} “{file}”").format(kind=result.kind.label, file=result.file_name))
    for outcome in result.outcomes:
        lines.append(_person_line(outcome, Action))
    matched, created = result.count(Action.MATCHED), result.count(Action.CREATED)
    review, unmatched = result.count(Action.REVIEW), result.count(Action.UNMATCHED)
    lines.append(", ".join((
        ngettext("{n} matched to a member", "{n} matched to members", matched).format(
            n=matched),
        ngettext("{n} new member", "{n} new members", created).format(n=created),
        ngettext("{n} to review", "{n} to review", review).format(n=review),
        ngettext("{n} not matched", "{n} not matched", unmatched).format(n=unmatched))) + ".")
    counts = [ngettext("{n} registrant", "{n} registrants", result.registrants).format(
        n=result.registrants)]
    if result.attendance_known:
        counts.append(ngettext("{n} attendee", "{n} attendees", result.attendees).format(
            n=result.attendees))
        counts.append(ngettext("{n} no-show", "{n} no-shows", result.no_shows).format(
            n=result.no_shows))
    lines.append(", ".join(counts) + ".")
    if not result.attendance_known:
        lines.append(_("The report does not say who came: nobody was marked as not coming."))
    if result.panelists:
        lines.append(ngettext("{n} host or panelist was left out.",
                              "{n} hosts and panelists were left out.",
                              result.panelists).format(n=result.panelists))
    return lines


def _person_line(outcome, Action) -> str:
    who = outcome.name or outcome.email
    if outcome.email and outcome.name:
        who = f"{outcome.name} <{outcome.email}>"
    if outcome.action is Action.MATCHED:
        return _("Matched: {who} (member {id})").format(who=who, id=outcome.member_id)
    if outcome.action is Action.CREATED:
        if outcome.member_id is None:
            return _("New member: {who}").format(who=who)
        return _("New member: {who} (member {id})").format(who=who, id=outcome.member_id)
    if outcome.action is Action.REVIEW:
        return _("To review: {who}, perhaps {candidate} ({score}% alike)").format(
            who=who, candidate=outcome.candidate_name, score=outcome.score)
    return _("Not matched: {who}").format(who=who)
