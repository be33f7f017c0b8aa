"""Screenshots for the user guide, from the real app with the sample community, off screen.

    python packaging/guide_screenshots.py [--lang en fr …] [--out advocate_app/help]

Writes OUT/<language>/images/*.png: the pictures the guide's pages show (each page names them
in an <img> with its description). Each language runs in a process of its own, so the whole
interface is in that language. The PNGs are scaled to 1000 pixels wide and reduced to 256
colours (text and flat colours stay sharp), so the guide stays small.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", nargs="+", default=None,
                        help="languages (default: every language the guide is written in)")
    parser.add_argument("--out", type=Path, default=ROOT / "advocate_app" / "help")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.lang is None:
        from advocate_app.ui.help import GUIDE_LANGUAGES

        args.lang = list(GUIDE_LANGUAGES)
    if not args.one:
        for language in args.lang:
            subprocess.run([sys.executable, __file__, "--one", "--lang", language,
                            "--out", str(args.out)], check=True)
        return 0
    shoot(args.lang[0], args.out / args.lang[0] / "images")
    return 0


def save(widget, path: Path) -> None:
    """The widget as a small PNG: 1000 pixels wide, 256 colours, optimised."""
    from PIL import Image

    image = widget.grab().toImage()
    raw = Path(tempfile.mkstemp(suffix=".png")[1])
    image.save(str(raw))
    with Image.open(raw) as picture:
        picture = picture.convert("RGB")
        if picture.width > WIDTH:
            picture = picture.resize((WIDTH, round(picture.height * WIDTH / picture.width)),
                                     Image.Resampling.LANCZOS)
        small = picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        small.save(path, optimize=True)
    raw.unlink()
    print(f"{path} ({path.stat().st_size // 1024} KB)")


def shoot(language: str, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out.mkdir(parents=True, exist_ok=True)

    from advocate_app.app import AppContext, open_services
    from advocate_app.i18n import install_language
    from advocate_app.paths import AppPaths
    from advocate_app.services.demo import generate_demo

    data = AppPaths(Path(tempfile.mkdtemp(prefix="advocate-guide-")))
    data.ensure()
    language = install_language(language, data.locale_cache_dir)
    services = open_services(data.default_database_url(), data)
    generate_demo(services.uow, services.actor, members=300, seed=1)
    context = AppContext(data, data.default_database_url(), language, services,
                         time.perf_counter())

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from advocate_app.domain.outreach_content import ItemKind
    from advocate_app.domain.print_profiles import ProfileKey
    from advocate_app.ui.application import create_application, install_qt_translations
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings
    from advocate_app.ui.widgets.tables import select_row

    app = create_application([sys.argv[0]])
    from advocate_app.ui.script_fonts import add_script_faces

    add_script_faces()  # as the app does once its window shows: names in every script
    install_qt_translations(app, language)
    window = MainWindow(context, UiSettings(data.settings_file))
    window.resize(1200, 760)
    window.database_label.hide()  # the path of a scratch folder would only puzzle a reader
    window.show()

    def settle(seconds: float = 0.2) -> None:
        """Let Qt draw for a moment."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)

    def wait_for_preview(preview) -> None:
        deadline = time.monotonic() + 20
        while (preview.is_busy() or preview.document.pageCount() == 0) \
                and time.monotonic() < deadline:
            settle(0.05)
        settle(1.0)  # QPdfView draws its pages in a thread of its own

    # Members, and one member's consent.
    members = window.show_section("members")
    select_row(members.table, 3)
    settle()
    save(window, out / "members.png")

    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

    with_consent = next(row for row in range(members.table.model().rowCount())
                        if _has_consent(services, members, row))
    select_row(members.table, with_consent)
    editor = MemberEditorDialog(services, services.members.get(members.selected_member_id()),
                                window)
    editor.resize(1000, 720)
    editor.show()
    editor.tabs.setCurrentWidget(editor.tabs.widget(3))
    settle()
    save(editor, out / "member-consent.png")
    editor.done(0)

    from advocate_app.ui.dialogs.privacy_tools import PrivacyToolsDialog

    tools = PrivacyToolsDialog(services, window)
    tools.resize(900, 560)
    tools.show()
    tabs = tools.findChild(type(editor.tabs))
    tabs.setCurrentIndex(1)
    settle()
    save(tools, out / "trial-readiness.png")
    tools.done(0)

    _accounts_shots(services, window, members, language, out, settle)

    # Boards, and minute-taking on the meeting to come.
    boards = window.show_section("boards")
    upcoming = services.meetings.list_meetings(boards.board_id(), upcoming_only=True)[0]
    boards.select_meeting(upcoming.id)
    settle()
    save(window, out / "boards.png")

    from advocate_app.i18n import _
    from advocate_app.ui.dialogs.minutes_record import DECIDED_BY

    minutes = window.open_live_minutes(upcoming.id)
    minutes.resize(1200, 760)
    minutes.attendance.setCurrentIndex(minutes.attendance.model().index(0, 0))
    for _person in range(4):
        minutes.attendance_panel.mark(Qt.Key.Key_P)
    minutes.move_item(1)
    notes, decision = _sample_minutes(language)
    minutes.notes.setPlainText(notes)
    minutes.recorder.record(lambda: services.minutes.record_decision(
        upcoming.id, decision, agenda_item_id=minutes._current_id,
        decided_by=_(DECIDED_BY[0])))
    settle(1.2)
    save(minutes, out / "minutes.png")
    minutes.save_now()
    minutes.hide()

    # Outreach: the leaflet in this language, its editor and a print pack.
    outreach = window.show_section("outreach")
    leaflets = [(item_id, item) for item_id, item in _items(services)
                if item.kind == ItemKind.LEAFLET and not item.easy_read]
    # The leaflet in this language where the sample community has one, else the English one.
    leaflet_id, leaflet = next(
        (found for found in leaflets if found[1].language == language),
        next(found for found in leaflets if found[1].language == "en"))
    outreach.select_item(leaflet_id)
    wait_for_preview(outreach.preview)
    save(window, out / "outreach.png")

    from advocate_app.ui.dialogs.outreach_editor import OutreachEditor

    editor = OutreachEditor(services, leaflet, leaflet_id, window, ProfileKey.EASY_READ)
    editor.resize(1200, 760)
    editor.show()
    editor.block_list.setCurrentRow(1)
    wait_for_preview(editor.preview)
    save(editor, out / "outreach-editor.png")
    editor.preview.wait()
    editor.done(0)

    from advocate_app.ui.dialogs.print_pack import PrintPackDialog

    pack = PrintPackDialog(services, leaflet_id, leaflet.title, window)
    pack.show()
    settle(0.5)
    save(pack, out / "print-pack.png")
    pack.done(0)
    outreach.preview.wait()

    # Webinars: one coming up, the full one's registrations, and a Zoom report's review.
    webinars_page = window.show_section("webinars")
    planned = services.webinars.list(include_past=True, include_cancelled=True)
    open_one = next(w for w in planned if w.status.value == "open")
    webinars_page.select_webinar(open_one.id)
    webinars_page.tabs.setCurrentWidget(webinars_page.details_tab)
    settle()
    save(window, out / "webinars.png")

    full = max(planned, key=lambda w: (w.waitlisted, w.registered))
    webinars_page.select_webinar(full.id)
    webinars_page.tabs.setCurrentWidget(webinars_page.registrations_tab)
    settle()
    save(window, out / "webinar-registrations.png")

    from advocate_app.ui.dialogs.webinar_report_review import ReportReviewDialog

    held = next(w for w in sorted(planned, key=lambda w: w.starts_at, reverse=True)
                if w.status.value == "held")
    report = Path(tempfile.mkdtemp(prefix="advocate-guide-report-")) / "attendee-report.csv"
    report.write_text(_sample_zoom_report(services, held), encoding="utf-8")
    from advocate_app.ui.pages.webinars.attendance_tab import matched_names

    result = services.webinar_reports.import_report(held.id, report, dry_run=True)
    review = ReportReviewDialog(result, held.title, window, matched_names(services, result))
    review.resize(1000, 600)
    review.show()
    settle()
    save(review, out / "webinar-import-review.png")
    review.done(0)
    report.unlink()

    # Stories: a story with consent and uses, and a child's story's consent editor.
    stories = window.show_section("stories")
    told = services.stories.list()
    used = max(told, key=lambda s: (s.use_count, len(s.consents)))
    stories.stories_tab.select_story(used.id)
    detail = stories.stories_tab.detail
    detail.tabs.setCurrentIndex(2)  # Uses
    settle()
    save(window, out / "stories.png")

    from advocate_app.ui.dialogs.story_consent import StoryConsentEditor

    child = next((s for s in told if s.teller_is_child), used)
    consent = StoryConsentEditor(services, child.id, window)
    consent.resize(1200, 760)
    leaflets = next(iter(consent.rows.values()))  # ticked, named by first name: not recorded
    leaflets.grant.setChecked(True)
    leaflets.level.setCurrentIndex(1)
    consent.show()
    settle(0.5)
    save(consent, out / "story-consent.png")
    consent.done(0)

    services.close()


def _accounts_shots(services, window, members_page, language: str, out: Path, settle) -> None:
    """The sign-in dialog, and the two versions shown when a colleague saved the member being
    edited (their save made through the services, mine refused by the real editor)."""
    from dataclasses import replace

    from advocate_app.ui import prompts
    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog
    from advocate_app.ui.dialogs.sign_in import SignInDialog

    sign_in = SignInDialog(services, window)
    sign_in.name.setText("accueil" if language.startswith("fr") else "caseworker")
    sign_in.password.setText("correct horse battery")
    sign_in.show()
    settle()
    save(sign_in, out / "sign-in.png")
    sign_in.done(0)

    from advocate_app.ui.widgets.tables import select_row

    select_row(members_page.table, 5)
    member = services.members.get(members_page.selected_member_id())
    editor = MemberEditorDialog(services, member, window)
    editor.resize(1000, 720)
    editor.show()
    french = language.startswith("fr")
    theirs = replace(editor.current_input(), phone="01 23 45 67 89" if french else "0161 496 0321",
                     address=member.address + ("\n(bâtiment B)" if french else "\n(Flat 2)"))
    services.members.update(member.id, theirs, member.version)
    editor.phone.setText("06 12 34 56 78" if french else "07700 900 461")
    shown = []

    def look(dialog) -> bool:
        dialog.resize(900, 300)
        dialog.show()
        settle(0.5)
        save(dialog, out / "edit-conflict.png")
        shown.append(dialog)
        dialog.done(0)
        return False  # back to editing

    run_modal = prompts.run_modal
    prompts.run_modal = look
    try:
        editor.save()
    finally:
        prompts.run_modal = run_modal
    assert shown, "the editor did not show both versions"
    editor.done(0)


def _has_consent(services, members_page, row: int) -> bool:
    from advocate_app.ui.widgets.tables import select_row

    select_row(members_page.table, row)
    member_id = members_page.selected_member_id()
    return member_id is not None and len(services.consent.history(member_id)) >= 2


def _items(services):
    for summary in services.outreach.list():
        yield summary.id, services.outreach.get(summary.id)


def _sample_zoom_report(services, webinar) -> str:
    """A Zoom attendee report for ``webinar`` as Zoom writes it: the preamble and host table,
    then people registered (one email in capitals, one who re-joined, one who did not come),
    a member under another address and a device name with no email."""
    from advocate_app.domain.board_views import zone

    day = webinar.starts_at.astimezone(zone(webinar.timezone))

    def at(minutes: int) -> str:
        from datetime import timedelta

        return (day + timedelta(minutes=minutes)).strftime("%m/%d/%Y %I:%M:%S %p")

    def row(*cells: str) -> str:
        return ",".join(f'"{cell}"' for cell in cells)

    registered = services.webinars.registrations(webinar.id)
    people = [r for r in registered if r.status.value == "registered" and r.email][:4]
    rows = []
    for number, person in enumerate(people):
        first, _space, last = person.name.partition(" ")
        email = person.email.upper() if number == 0 else person.email
        if number == 1:  # did not come
            rows.append(row("No", person.name, first, last, email, at(-9000), "approved",
                            "--", "--", "--", "--"))
            continue
        rows.append(row("Yes", person.name, first, last, email, at(-9000), "approved", at(0),
                        at(40), "40", "No"))
        if number == 0:  # re-joined after a dropped connection
            rows.append(row("Yes", person.name, first, last, email, at(-9000), "approved",
                            at(45), at(75), "30", "No"))
    taken = {r.member_id for r in registered}
    others = [m for m in services.members.search("", 40) if m.id not in taken]
    if others:  # a member, under an address the group does not have
        name = others[-1].display_name
        first, _space, last = name.partition(" ")
        rows.append(row("Yes", name, first, last, f"{last.lower() or 'someone'}.home@example.net",
                        "", "", at(5), at(70), "65", "No"))
    rows.append(row("Yes", "iPhone", "", "", "", "", "", at(10), at(30), "20", "Yes"))
    return ("Attendee Report\n"
            f'Report Generated:,"{at(24 * 60)}"\n'
            "Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered\n"
            + row(webinar.title, "812 3456 7890", at(0), "75", str(webinar.registered)) + "\n"
            "Host Details\n"
            "Attended,User Name (Original Name),Email,Join Time,Leave Time,"
            "Time in Session (minutes),Is Guest\n"
            + row("Yes", "Webinars team", "webinars@example.org", at(-15), at(80), "95", "No")
            + "\n"
            "Attendee Details\n"
            "Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,"
            "Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest\n" + "\n".join(rows) + "\n")


def _sample_minutes(language: str) -> tuple[str, str]:
    """Notes for the item on approving the last minutes, and the decision taken."""
    if language.startswith("fr"):
        return ("Le compte rendu de la réunion d'hiver a été relu.\n"
                "Correction : une personne notée absente était présente à distance.",
                "Compte rendu de la réunion d'hiver approuvé avec une correction")
    return ("The minutes of the winter meeting were read.\n"
            "Correction: one person recorded as absent had joined remotely.",
            "Minutes of the winter meeting approved with one correction")


if __name__ == "__main__":
    raise SystemExit(main())
