"""'Everything we hold about you' as a readable, accessible HTML page (and JSON beside it)."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import Path

from advocate_app.i18n import _, current_language
from advocate_app.i18n.formatting import format_date, format_datetime, format_items


def _labels() -> dict[str, str]:
    return {
        "id": _("Member number"), "given_name": _("Given name"),
        "family_name": _("Family name"), "preferred_name": _("Preferred name"),
        "pronouns": _("Pronouns"), "email": _("Email"), "phone": _("Phone"),
        "emails": _("Every email address"), "phones": _("Every phone number"),
        "address": _("Address"), "postcode": _("Postcode"), "region": _("Region"),
        "country": _("Country"), "preferred_language": _("Language"),
        "second_language": _("Second language"), "roles": _("Roles"),
        "tags": _("Tags"), "print_format": _("Printed material in"),
        "channels": _("Happy to be contacted by"), "contact_times": _("Best times to contact"),
        "barriers": _("What makes taking part hard"), "barrier_notes": _("More about this"),
        "notes": _("Notes"), "access_needs": _("Access needs"),
        "sign_language": _("Sign language"), "date_of_birth": _("Date of birth"),
        "age_band": _("Age band"), "conditions": _("Conditions"),
        "created_at": _("First recorded"), "updated_at": _("Last changed"),
        "archived_at": _("Archived"),
    }


def _contact_text(item: dict) -> str:
    from advocate_app.domain.people import contact_label_text

    value = item.get("address") or item.get("number") or ""
    notes = [contact_label_text(item["label"])] if item.get("label") else []
    if item.get("primary"):
        notes.append(_("main"))
    return f"{value} ({', '.join(notes)})" if notes else value


def _text(value) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, list) and value and isinstance(value[0], dict) and (
            "address" in value[0] or "number" in value[0]):
        return ", ".join(_contact_text(v) for v in value)
    if isinstance(value, list):
        return format_items(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, str) and _ISO_MOMENT.fullmatch(value):
        # Dates and times written as the reader's language writes them, not "2026-12-03".
        moment = datetime.fromisoformat(value)
        return format_date(moment) if len(value) == 10 else format_datetime(moment)
    return str(value)


_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?")


def render_html(data: dict, organisation: str = "") -> str:
    from advocate_app.interchange.subject_access_events import (
        render_event_sections,
        render_merged_records,
    )

    language = current_language().replace("_", "-")
    title = _("Everything we hold about you")
    rows = "\n".join(
        f"<dt>{html.escape(label)}</dt><dd>{html.escape(_text(data.get(key)))}</dd>"
        for key, label in _labels().items())
    history = data.get("consent_history", [])
    if history:
        consent = "<table>\n<caption>{}</caption>\n<tr>{}</tr>\n{}\n</table>".format(
            html.escape(_("Your consent, newest first")),
            "".join(f'<th scope="col">{html.escape(h)}</th>' for h in (
                _("Purpose"), _("Answer"), _("Date"), _("How"), _("Recorded by"))),
            "\n".join("<tr>" + "".join(f"<td>{html.escape(_text(r.get(k)))}</td>" for k in (
                "purpose", "answer", "date", "method", "recorded_by")) + "</tr>"
                      for r in history))
    else:
        nothing = _("No consent has been recorded.")
        consent = f"<p>{html.escape(nothing)}</p>"
    # Translated before the template: message extraction does not look inside f-strings.
    prepared = _("Prepared on {date}. This is every detail we keep about you, including "
                 "health details.").format(date=_text(data.get("prepared_on", "")))
    details_heading = _("Your details")
    consent_heading = _("Consent")
    events = render_event_sections(data) + render_merged_records(data)
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}">
<head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;font-size:1.1rem;line-height:1.5;max-width:45em;margin:2em auto;padding:0 1em}}
dt{{font-weight:bold;margin-top:.6em}}dd{{margin-left:0}}table{{border-collapse:collapse}}
th,td{{border:1px solid #555;padding:.3em .6em;text-align:left;vertical-align:top}}
caption{{text-align:left;font-weight:bold;margin:.6em 0}}blockquote{{margin:.6em 1.5em}}</style></head>
<body><main>
<h1>{html.escape(title)}</h1>
<p>{html.escape(prepared)}</p>
<h2>{html.escape(details_heading)}</h2>
<dl>
{rows}
</dl>
<h2>{html.escape(consent_heading)}</h2>
{consent}
{events}
</main></body></html>
"""


def write_subject_access(data: dict, path: Path, kind: str) -> None:
    if kind == "json":
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        path.write_text(render_html(data), encoding="utf-8")
