"""Screenshots for the user guide, from the real app with the sample community, off screen.

    python packaging/guide_screenshots.py [--lang en fr] [--out advocate_app/help]

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
    parser.add_argument("--lang", nargs="+", default=["en", "fr"])
    parser.add_argument("--out", type=Path, default=ROOT / "advocate_app" / "help")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
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

    app = create_application([sys.argv[0]])
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
    members.table.selectRow(3)
    settle()
    save(window, out / "members.png")

    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

    with_consent = next(row for row in range(members.table.model().rowCount())
                        if _has_consent(services, members, row))
    members.table.selectRow(with_consent)
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
    leaflet_id, leaflet = next(
        (item_id, item) for item_id, item in _items(services)
        if item.kind == ItemKind.LEAFLET and item.language == language and not item.easy_read)
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
    services.close()


def _has_consent(services, members_page, row: int) -> bool:
    members_page.table.selectRow(row)
    member_id = members_page.selected_member_id()
    return member_id is not None and len(services.consent.history(member_id)) >= 2


def _items(services):
    for summary in services.outreach.list():
        yield summary.id, services.outreach.get(summary.id)


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
