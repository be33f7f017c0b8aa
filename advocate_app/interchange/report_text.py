"""The import report as plain text for people (the command line and the wizard's summary)."""

from __future__ import annotations

from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_items


def report_lines(report) -> list[str]:
    lines = []
    if report.dry_run:
        lines.append(_("Trial run: nothing was changed."))
    details = report.format.upper()
    if report.encoding:
        details += f", {report.encoding}"
    if report.delimiter:
        details += ", " + _("delimiter “{d}”").format(d=report.delimiter)
    lines.append(_("{file} ({details})").format(file=report.file, details=details))
    if report.dry_run:
        lines.append(ngettext("{n} member would be created", "{n} members would be created",
                              report.created).format(n=report.created))
        lines.append(ngettext("{n} would be merged into an existing member",
                              "{n} would be merged into existing members",
                              report.merged).format(n=report.merged))
        lines.append(ngettext("{n} row would be skipped", "{n} rows would be skipped",
                              report.skipped).format(n=report.skipped))
    else:
        lines.append(ngettext("{n} member created", "{n} members created",
                              report.created).format(n=report.created))
        lines.append(ngettext("{n} merged into an existing member",
                              "{n} merged into existing members", report.merged).format(
            n=report.merged))
        lines.append(ngettext("{n} row skipped", "{n} rows skipped", report.skipped).format(
            n=report.skipped))
    lines.append(ngettext("{n} row invalid", "{n} rows invalid", report.invalid).format(
        n=report.invalid))
    if getattr(report, "newsletter", ""):
        counted = report.consent_recorded
        if report.dry_run and report.newsletter == "granted":
            lines.append(ngettext(
                "A mailing list of subscribers: newsletter consent would be recorded for {n} "
                "member.",
                "A mailing list of subscribers: newsletter consent would be recorded for {n} "
                "members.", counted).format(n=counted))
        elif report.dry_run:
            lines.append(ngettext(
                "A list of unsubscribed or removed addresses: newsletter consent would be "
                "withdrawn for {n} member.",
                "A list of unsubscribed or removed addresses: newsletter consent would be "
                "withdrawn for {n} members.", counted).format(n=counted))
        elif report.newsletter == "granted":
            lines.append(ngettext(
                "A mailing list of subscribers: newsletter consent recorded for {n} member.",
                "A mailing list of subscribers: newsletter consent recorded for {n} members.",
                counted).format(n=counted))
        else:
            lines.append(ngettext(
                "A list of unsubscribed or removed addresses: newsletter consent withdrawn "
                "for {n} member, who will not be mailed.",
                "A list of unsubscribed or removed addresses: newsletter consent withdrawn "
                "for {n} members, who will not be mailed.", counted).format(n=counted))
    if report.flagged:
        lines.append(ngettext("{n} member to review", "{n} members to review",
                              report.flagged).format(n=report.flagged))
    if report.unmapped:
        lines.append(_("Columns not imported: {columns}").format(
            columns=format_items(report.unmapped)))
    for row in report.rows:
        notes = [*row.reasons, *row.warnings] + ([row.review] if row.review else [])
        if row.outcome == "created" and not notes:
            continue
        for note in notes:
            lines.append(_("Row {row} ({name}): {note}").format(row=row.row,
                                                                 name=row.name or "—",
                                                                 note=note))
    return lines
