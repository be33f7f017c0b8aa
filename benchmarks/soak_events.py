"""A long session on the Webinars and Stories pages: memory should settle, not climb.

    python benchmarks/soak_events.py [--members 100000] [--cycles 300] [--every 25]
                                     [--platform offscreen]

Copies the sample community (``startup.py`` builds it in ``benchmarks/.cache/``), adds 20
webinars (one with 300 registrations) and 200 stories with consents (``scale_community.py``),
opens the real main window off screen at 1366 x 768 and goes round, ``--cycles`` times:

- Webinars: choose another webinar on the Registrations tab; register a member (the member
  picker and the registration dialog answered as a person would: the dialog is shown, then
  accepted); cancel that registration (confirmed); open the webinar editor and close it;
- Stories: type a search and clear it; choose another story; open the story editor and close
  it; open the consent editor and close it.

Every ``--every`` cycles (after a garbage collection) it prints the resident memory (RSS), the
widgets alive (``QApplication.allWidgets``), the dialogs alive and the Python objects tracked,
and at the end every Qt warning or error logged. Dialogs run through the pages' own modal loop
and are answered once they show; a dialog a page kept after it was closed would show as dialogs
alive climbing with the cycles.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from interactions import settle  # noqa: E402
from scale_community import (  # noqa: E402
    add_stories,
    add_webinars,
    member_ids,
    open_services_at,
    prepare,
    qt_environment,
    rss_mb,
)

WINDOW_SIZE = (1366, 768)


def soak(data_dir: Path, built: dict, cycles: int, every: int) -> int:
    from interactions import open_window
    from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QDialog

    from advocate_app.ui import prompts
    from advocate_app.ui.dialogs import board_editor

    logged: list[str] = []
    previous = None

    def handler(mode, context, message):
        if mode != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            logged.append(f"{mode.name}: {message}")
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    app, window, context = open_window(data_dir)
    window.resize(*WINDOW_SIZE)
    services = context.services
    services.warm_up()
    webinars = window.show_section("webinars")
    settle(app, window)
    stories = window.show_section("stories")
    settle(app, window)

    def answered(accept: bool, act) -> None:
        """Do ``act``; the dialog it opens runs for real (the page's own modal loop, which
        lets the dialog go once closed) and is answered as a person would, once it shows."""
        def close() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, close)
                return
            settle(app, dialog)
            dialog.accept() if accept else dialog.reject()

        QTimer.singleShot(10, close)
        act()

    prompts.confirm = lambda *_a, **_k: True
    prompts.information = lambda *_a, **_k: None
    prompts.error = lambda _parent, title, text: logged.append(f"error shown: {title}: {text}")
    webinar_ids = [built["big"], *built["upcoming"][1:4]]
    taken = {r.member_id for w in webinar_ids for r in services.webinars.registrations(w)}
    people = [m for m in member_ids(data_dir)[-1000:] if m not in taken][-400:]
    story_ids = [s.id for s in services.stories.list()[:40]]

    def report(cycle: int, started: float) -> None:
        gc.collect()
        app.processEvents()
        widgets = QApplication.allWidgets()
        dialogs = sum(1 for w in widgets if isinstance(w, QDialog))
        print(f"{cycle:>6} {rss_mb():>8.0f} {len(widgets):>8} {dialogs:>8} "
              f"{len(gc.get_objects()):>10} {time.perf_counter() - started:>8.0f}", flush=True)

    print(f"{'cycle':>6} {'RSS MB':>8} {'widgets':>8} {'dialogs':>8} {'objects':>10} "
          f"{'seconds':>8}")
    started = time.perf_counter()
    report(0, started)
    for cycle in range(1, cycles + 1):
        # Webinars: another webinar, register and cancel someone, the editor.
        window.show_section("webinars")
        webinars.tabs.setCurrentWidget(webinars.registrations_tab)
        webinars.select_webinar(webinar_ids[cycle % len(webinar_ids)])
        settle(app, window)
        tab = webinars.registrations_tab
        person = people[cycle % len(people)]
        board_editor.pick_member = lambda *_a, p=person, **_k: (p, f"Member {p}")
        answered(True, tab.register_member)
        settle(app, window)
        mine = next((r for r in tab._registrations if r.member_id == person
                     and r.status.value != "cancelled"), None)
        if mine is not None:
            tab.select_registration(mine.id)
            tab.cancel_registration()
            settle(app, window)
        answered(False, webinars.edit_webinar)
        settle(app, window)
        # Stories: search, another story, the story editor and the consent editor.
        window.show_section("stories")
        story_tab = stories.stories_tab
        story_tab.search_field.setText("travel")
        settle(app, window)
        story_tab.search_field.clear()
        story_tab.select_story(story_ids[cycle % len(story_ids)])
        settle(app, window)
        answered(False, story_tab.edit_story)
        settle(app, window)
        answered(False, story_tab.edit_consent)
        settle(app, window)
        if cycle % every == 0:
            report(cycle, started)
    window.close()
    print()
    problems = [line for line in logged if not line.startswith("QtInfoMsg")]
    print(f"Qt warnings and errors logged: {len(problems)}")
    for line in dict.fromkeys(problems):
        print(f"  {line} (x{problems.count(line)})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--every", type=int, default=25)
    parser.add_argument("--platform", help="Qt platform plugin, e.g. xcb, wayland, offscreen")
    args = parser.parse_args()
    env, platform = qt_environment(args.platform)
    os.environ.update(env)
    with tempfile.TemporaryDirectory(prefix="advocate-soak-") as scratch:
        data_dir = prepare(args.members, Path(scratch) / "data", env)
        services = open_services_at(data_dir)
        built = add_webinars(services, data_dir, webinars=20, big=300, others_each=20)
        add_stories(services, data_dir, stories=200)
        services.close()
        print(f"members {args.members:,}; 20 webinars (one with 300 registrations); "
              f"200 stories; Qt {platform}, {WINDOW_SIZE[0]} x {WINDOW_SIZE[1]}; "
              f"{args.cycles} cycles")
        code = soak(data_dir, built, args.cycles, args.every)
        sys.stdout.flush()
        os._exit(code)  # skip tearing Qt down: it is not what is measured


if __name__ == "__main__":
    raise SystemExit(main())
