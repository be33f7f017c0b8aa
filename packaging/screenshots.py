"""Screenshots of the main window for the AppStream metadata and for reviewing the UI.

    python packaging/screenshots.py OUT_DIR [--lang en] [--scale 1.0]

Builds a sample community in a temporary data folder and saves the Dashboard, the Members page,
the Outreach page, the Webinars page (a webinar's registrations with the totals of needs, and the
review of an attendance report), the Stories page and a story's consent editor, and the member
editor (with a validation message showing) as PNG files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--members", type=int, default=400)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)

    from advocate_app.app import AppContext, open_services
    from advocate_app.i18n import install_language
    from advocate_app.paths import AppPaths
    from advocate_app.services.demo import generate_demo

    data = AppPaths(Path(tempfile.mkdtemp(prefix="advocate-shots-")))
    data.ensure()
    language = install_language(args.lang, data.locale_cache_dir)
    services = open_services(data.default_database_url(), data)
    generate_demo(services.uow, services.actor, members=args.members, seed=1)
    context = AppContext(data, data.default_database_url(), language, services,
                         time.perf_counter())

    from PySide6.QtWidgets import QApplication

    from advocate_app.ui.application import create_application, install_qt_translations
    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings
    from advocate_app.ui.widgets.tables import select_row

    app = create_application([sys.argv[0]])
    from advocate_app.ui.script_fonts import add_script_faces

    add_script_faces()  # as the app does once its window shows: names in every script
    install_qt_translations(app, language)
    window = MainWindow(context, UiSettings(data.settings_file))
    window.set_text_scale(args.scale)
    window.resize(1200, 760)
    window.show()
    suffix = f"{language}" + ("" if args.scale == 1.0 else f"-x{args.scale:g}")

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()

    for key in ("dashboard", "members", "outreach"):
        window.show_section(key)
        settle()
        if key == "outreach":  # the preview is drawn in the background
            deadline = time.monotonic() + 10
            while window.page(key).preview.document.pageCount() == 0 \
                    and time.monotonic() < deadline:
                QApplication.processEvents()
                time.sleep(0.02)
            for _ in range(50):  # QPdfView draws its pages in a thread of its own
                QApplication.processEvents()
                time.sleep(0.02)
        window.grab().save(str(args.out / f"{key}-{suffix}.png"))
    _webinar_shots(window, services, args.out, suffix, settle)
    _story_shots(window, services, args.out, suffix, settle)
    members = window.page("members")
    select_row(members.table, 2)
    editor = MemberEditorDialog(services, services.members.get(members.selected_member_id()),
                                window)
    editor.show()
    editor.email.setText("not-an-address")
    editor.save()
    settle()
    editor.grab().save(str(args.out / f"editor-{suffix}.png"))
    editor.done(0)
    services.close()
    print(f"screenshots in {args.out}")
    return 0


#: A Zoom attendee report as Zoom writes it, for the review shown in the screenshots.
SAMPLE_ZOOM_REPORT = """\
Attendee Report
Report Generated:,"Dec 13, 2026 08:10 PM"
Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,\
Unique Viewers,Total Users,Max Concurrent Views
{title},812 3456 7890,"Dec 13, 2026 06:28 PM",80,3,0,3,4,3
Host Details
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),\
Is Guest,Country/Region Name
Yes,Organiser,host@example.org,"Dec 13, 2026 06:20 PM","Dec 13, 2026 07:50 PM",90,No,\
United Kingdom
Attendee Details
Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,\
Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
{rows}
"""


def _webinar_shots(window, services, out: Path, suffix: str, settle) -> None:
    """The Webinars page on a webinar with registrations, and an attendance report's review."""
    from advocate_app.domain.webinar_kinds import RegistrationStatus, WebinarAccess
    from advocate_app.domain.webinar_views import RegistrationInput
    from advocate_app.ui.dialogs.webinar_report_review import ReportReviewDialog
    from advocate_app.ui.pages.webinars.attendance_tab import matched_names

    webinars = services.webinars
    found = webinars.list(include_past=True, include_cancelled=True)
    if not found:
        print("the sample community has no webinars: no webinar screenshots")
        return
    webinar = max(found, key=lambda w: (w.registered + w.waitlisted, w.starts_at))
    if not webinar.registered:  # a few registrations, with the access they ask for
        asked = [frozenset({WebinarAccess.CAPTIONS}), frozenset(),
                 frozenset({WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE})]
        for number, row in enumerate(services.members.search("", 6)):
            webinars.register(webinar.id, row.id, RegistrationInput(asked[number % 3]))
    page = window.show_section("webinars")
    page.select_webinar(webinar.id)
    page.tabs.setCurrentWidget(page.registrations_tab)
    settle()
    window.grab().save(str(out / f"webinars-{suffix}.png"))

    people = [r for r in webinars.registrations(webinar.id)
              if r.status is RegistrationStatus.REGISTERED and r.email][:4]
    rows = []
    for number, person in enumerate(people):
        came = number != 1
        first, _space, last = person.name.partition(" ")
        rows.append(",".join([
            "Yes" if came else "No", person.name, first, last,
            person.email.upper() if number == 0 else person.email,
            '"Dec 01, 2026 10:00 AM"', "approved",
            '"Dec 13, 2026 06:30 PM"' if came else "--",
            '"Dec 13, 2026 07:30 PM"' if came else "--", "60" if came else "--",
            "No" if came else "--", "United Kingdom" if came else "--"]))
    rows.append('Yes,Sam (iPhone),Sam,,,"Dec 13, 2026 06:35 PM",approved,'
                '"Dec 13, 2026 06:35 PM","Dec 13, 2026 07:05 PM",30,Yes,United Kingdom')
    report = out / "zoom-attendee-report.csv"
    report.write_text(SAMPLE_ZOOM_REPORT.format(title=webinar.title, rows="\n".join(rows)),
                      encoding="utf-8")
    try:
        result = services.webinar_reports.import_report(webinar.id, report, dry_run=True,
                                                         report_timezone=webinar.timezone)
    finally:
        report.unlink()
    dialog = ReportReviewDialog(result, webinar.title, window, matched_names(services, result))
    dialog.show()
    settle()
    dialog.grab().save(str(out / f"webinar-report-review-{suffix}.png"))
    dialog.done(0)


def _story_shots(window, services, out: Path, suffix: str, settle) -> None:
    """The Stories page on a story with consent and uses, and that story's consent editor."""
    from advocate_app.ui.dialogs.story_consent import StoryConsentEditor

    page = window.show_section("stories")
    told = [s for s in services.stories.list() if s.teller_id is not None]
    if not told:
        print("the sample community has no stories: no story screenshots")
        return
    story = max(told, key=lambda s: (s.use_count, len(s.quotes)))
    page.stories_tab.select_story(story.id)
    settle()
    window.grab().save(str(out / f"stories-{suffix}.png"))
    editor = StoryConsentEditor(services, story.id, window)
    editor.show()
    settle()
    editor.grab().save(str(out / f"story-consent-{suffix}.png"))
    editor.done(0)


if __name__ == "__main__":
    raise SystemExit(main())
