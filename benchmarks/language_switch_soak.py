"""Switching language all day: View > Language through every shipped language, many times.

    python benchmarks/language_switch_soak.py [--switches 200] [--every 20] [--members 400]
                                              [--platform offscreen]

Opens the main window on a sample community (``advocate-app demo`` data in a temporary folder),
then, inside the running event loop as a person would, chooses the next language in
View > Language (every shipped one in turn, English, Arabic and Urdu among them) and opens the
next section after each switch (so every page is built again in every language). Every
``--every`` switches it prints the process's memory (resident set), the Python objects alive
after a collection, the QObjects under the main window, the widgets of the whole application,
and the time a switch took (median and slowest of that stretch: choosing the language until
the window is rebuilt, plus the section opened next). Memory that keeps growing from one
stretch to the next is a leak; the last line compares the second stretch with the last (the
first stretch builds caches once: catalogs, locale data, fonts).

Qt draws offscreen unless a display is available or ``--platform`` names one.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def resident_mib() -> float:
    """The process's resident memory now (Linux), or its peak elsewhere."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        pages = int(statm.read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 2**10)


def objects_under(root) -> int:
    """The QObjects under ``root``, counted through ``children()``: PySide's ``findChildren``
    would tie a wrapper of each to ``root`` for good and be a leak of the measuring itself."""
    count, stack = 0, list(root.children())
    while stack:
        each = stack.pop()
        count += 1
        stack.extend(each.children())
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=200)
    parser.add_argument("--every", type=int, default=20, help="print figures every N switches")
    parser.add_argument("--members", type=int, default=400)
    parser.add_argument("--platform", help="Qt platform plugin, e.g. xcb, wayland, offscreen")
    parser.add_argument("--types", action="store_true",
                        help="also list the kinds of Python object that grew the most")
    args = parser.parse_args()
    if args.switches < 1 or args.every < 1:
        parser.error("--switches and --every must be at least 1")
    if args.platform:
        os.environ["QT_QPA_PLATFORM"] = args.platform
    elif not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from advocate_app.app import AppContext, open_services
    from advocate_app.i18n import install_language
    from advocate_app.i18n.catalogs import available_languages
    from advocate_app.paths import AppPaths
    from advocate_app.services.demo import generate_demo

    data = AppPaths(Path(tempfile.mkdtemp(prefix="advocate-language-soak-")))
    data.ensure()
    language = install_language("en", data.locale_cache_dir)
    services = open_services(data.default_database_url(), data)
    generate_demo(services.uow, services.actor, members=args.members, seed=1)
    context = AppContext(data, data.default_database_url(), language, services,
                         time.perf_counter())

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from advocate_app.ui.application import create_application, install_qt_translations
    from advocate_app.ui.language_menu import language_actions
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings
    from advocate_app.ui.tasks import BackgroundTask

    app = create_application([sys.argv[0]])
    install_qt_translations(app, language)
    window = MainWindow(context, UiSettings(data.settings_file))
    window.resize(1200, 760)
    window.show()
    window.show_section("dashboard")

    codes = [code for code in available_languages() if code != "en"] + ["en"]
    keys = [section.key for section in window.sections]
    print(f"languages  {len(codes)}: {' '.join(codes)}")
    print(f"sections   {len(keys)}: {' '.join(keys)}")
    print(f"platform   {os.environ.get('QT_QPA_PLATFORM', 'default')}; "
          f"{args.members} members; {args.switches} switches")
    print(f"{'switches':>8} {'RSS MiB':>8} {'py objects':>11} {'QObjects':>9} {'widgets':>8} "
          f"{'median ms':>10} {'max ms':>7}")

    timings: list[float] = []
    rows: list[tuple[int, float, int, int, int]] = []
    kinds: list[Counter[str]] = []
    state = {"done": 0}

    def measure() -> None:
        gc.collect()
        figures = (state["done"], resident_mib(), len(gc.get_objects()),
                   objects_under(window), len(QApplication.allWidgets()))
        rows.append(figures)
        if args.types:
            kinds.append(Counter(type(each).__qualname__ for each in gc.get_objects()))
        stretch = timings[-args.every:] or [0.0]
        print(f"{figures[0]:>8} {figures[1]:>8.1f} {figures[2]:>11,} {figures[3]:>9,} "
              f"{figures[4]:>8,} {statistics.median(stretch) * 1000:>10.0f} "
              f"{max(stretch) * 1000:>7.0f}", flush=True)

    def switch() -> None:
        done = state["done"]
        if done >= args.switches:
            for task in app.findChildren(BackgroundTask):  # (a preview still drawing)
                task.wait()
            app.quit()
            return
        code = codes[done % len(codes)]
        started = time.perf_counter()
        action = next(a for a in language_actions(window) if a.data() == code)
        action.trigger()  # View > Language > (that language)
        window.show_section(keys[done % len(keys)])
        timings.append(time.perf_counter() - started)
        state["done"] = done + 1
        if state["done"] % args.every == 0:
            QTimer.singleShot(0, measure)  # once the old pages' deletions have run
        QTimer.singleShot(0, switch)

    measure()
    QTimer.singleShot(0, switch)
    app.exec()
    services.close()

    if len(rows) >= 3:
        second, last = rows[1], rows[-1]
        stretches = (last[0] - second[0]) / args.every
        print(f"from switch {second[0]} to {last[0]}: RSS {last[1] - second[1]:+.1f} MiB "
              f"({(last[1] - second[1]) / stretches:+.2f} per {args.every}), Python objects "
              f"{last[2] - second[2]:+,}, QObjects under the window {last[3] - second[3]:+,}, "
              f"widgets {last[4] - second[4]:+,}")
    if args.types and len(kinds) >= 3:
        grown = kinds[-1] - kinds[1]
        print("grew most: " + ", ".join(f"{name} +{n}" for name, n in grown.most_common(12)))
    print(f"time per switch: median {statistics.median(timings) * 1000:.0f} ms, "
          f"slowest {max(timings) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
