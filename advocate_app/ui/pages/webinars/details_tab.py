"""The Details tab: everything about the chosen webinar, to read (links can be followed)."""

from __future__ import annotations

import html
from datetime import timedelta

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from advocate_app.domain.webinar_kinds import WebinarAccess
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_list, format_time, language_name
from advocate_app.ui.pages.webinars.common import places_text, webinar_when


def _link(url: str) -> str:
    if not url:
        return html.escape(_("Not given"))
    safe = html.escape(url, quote=True)
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{safe}">{safe}</a>'
    return safe


def details_html(webinar, right_to_left: bool = False) -> str:
    """The webinar as a small page: a heading and one row per fact, in reading order (from the
    right, each fact's name first, in a right-to-left language: Qt lays a table's columns out
    left to right whatever the language, so they are given in the order they are seen)."""
    from advocate_app.domain.board_views import zone as time_zone

    local = webinar.starts_at.astimezone(time_zone(webinar.timezone))
    ends = local + timedelta(minutes=webinar.duration_minutes)
    presenters = [
        _("{name} ({organisation})").format(name=p.name, organisation=p.organisation)
        if p.organisation else p.name for p in webinar.presenters]
    access = [_("{access}: {language}").format(access=a.label, language=webinar.sign_language)
              if a is WebinarAccess.SIGN_LANGUAGE and webinar.sign_language else a.label
              for a in WebinarAccess if a in webinar.access_offered]
    languages = format_list(language_name(code) or code
                            for code in webinar.interpretation_languages)
    rows = [
        (_("Status"), html.escape(webinar.status.label)),
        (_("Starts"), html.escape(webinar_when(webinar.starts_at, webinar.timezone))),
        (_("Ends"), html.escape(format_time(ends, zone=True))),
        (_("Length"), html.escape(ngettext("{n} minute", "{n} minutes",
                                           webinar.duration_minutes).format(
            n=webinar.duration_minutes))),
        (_("Platform"), html.escape(webinar.platform.label)),
        (_("Join link"), _link(webinar.join_link)),
        (_("Places"), html.escape(places_text(webinar)).replace("\n", "<br>")),
        (_("Presenters"), html.escape("; ".join(presenters) or _("None named yet"))),
        (_("Accessibility offered"), "<br>".join(html.escape(a) for a in access)
         or html.escape(_("None recorded"))),
        (_("Interpretation into"), html.escape(languages or _("None"))),
        (_("Recording"), _link(webinar.recording_link)),
        (_("Slides"), _link(webinar.slides_link)),
    ]
    start = "right" if right_to_left else "left"  # (where a line starts, whatever its script)
    cells = [(f"<th align='{start}' valign='top'>{html.escape(label)}</th>",
              f"<td align='{start}' valign='top'>{value}</td>") for label, value in rows]
    body = "".join(f"<tr>{value}{label}</tr>" if right_to_left else f"<tr>{label}{value}</tr>"
                   for label, value in cells)
    description = html.escape(webinar.description).replace("\n", "<br>")
    about = html.escape(_("About this webinar"))
    table = f"<table cellspacing='0' cellpadding='4'{' align=right' if right_to_left else ''}>"
    return (f"<h2 align='{start}'>{html.escape(webinar.title)}</h2>{table}{body}</table>"
            + (f"<h3 align='{start}'>{about}</h3><p align='{start}'>{description}</p>"
               if description else ""))


class DetailsTab(QWidget):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(_("Webinar details"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)

    def show_webinar(self, webinar) -> None:
        if webinar is None:
            self.text.setPlainText(_("Choose a webinar, or plan one with New webinar."))
        else:
            self.text.setHtml(details_html(webinar, self.isRightToLeft()))

    def refresh(self) -> None:
        """The page passes each webinar as it is read; nothing more to read here."""
