"""Screenshots of the main window for the AppStream metadata and for reviewing the UI.

    python packaging/screenshots.py OUT_DIR [--lang en] [--scale 1.0]

Builds a sample community in a temporary data folder and saves the Dashboard, the Members page,
the Stories page and a story's consent editor, and the member editor (with a validation message
showing) as PNG files.
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

    app = create_application([sys.argv[0]])
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
    _story_shots(window, services, args.out, suffix, settle)
    members = window.page("members")
    members.table.selectRow(2)
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
