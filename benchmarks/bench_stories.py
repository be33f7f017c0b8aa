"""Stories at a large community's scale: the list, the Stories page, consent at rendering.

    python benchmarks/bench_stories.py [--members 100000] [--stories 5000] [--runs 15]
                                       [--platform offscreen]

Copies the sample community (``startup.py`` builds it in ``benchmarks/.cache/``) into a
temporary folder and adds ``--stories`` stories through ``services.stories`` (tellers among the
members, one in ten anonymous; themes; an approved quote each; consent for one to four
channels, one in twenty expired; one in ten used by an item; one in twenty-five withdrawn; see
``scale_community.py``). Then prints median and p95 of:

1. ``services.stories.list`` (every story with its consent per channel, quotes, attachments);
2. the consent checks a rendering makes for an outreach item with 20 story blocks (ten whole
   stories, ten approved quotes): ``services.stories.check_use`` for each, the item's pre-flight
   (``services.outreach.preflight``, which asks the same consent gate) and resolving the blocks
   as a rendering does (``StoryGate.resolve``);
3. in a fresh process, the real main window off screen at 1366 x 768: the Stories page's first
   visit; choosing a theme (each in turn, then Every theme) until the list is painted; search
   as you type, each keystroke until the list is painted.

Goal: p95 at most 100 ms for what the window waits for.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from interactions import p95, settle  # noqa: E402
from scale_community import add_stories, open_services_at, prepare, qt_environment  # noqa: E402

GOAL_MS = 100.0
WINDOW_SIZE = (1366, 768)
TYPED = ("travel", "cost of", "diagnosis took", "story 12", "hospitals", "zz")


def series(values: list[float]) -> str:
    return f"median {statistics.median(values):7.1f} ms   p95 {p95(values):7.1f} ms"


def timed(call, runs: int) -> list[float]:
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def line(name: str, values: list[float], width: int = 46) -> str:
    flag = "  <-- over 100 ms" if p95(values) > GOAL_MS and len(values) > 1 else ""
    return f"  {name:<{width}} {series(values)}   ({len(values)} runs){flag}"


def rendering_figures(services, story_ids: list[int], runs: int) -> None:
    from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
    from advocate_app.domain.print_profiles import ProfileKey
    from advocate_app.domain.story_rules import StoryChannel
    from advocate_app.services.outreach_stories import StoryGate

    usable = [s for s in services.stories.list()
              if any(c.channel is StoryChannel.NEWSLETTER and c.usable for c in s.consents)
              and s.quotes]
    chosen = usable[:20]
    blocks = [Block("heading", {"text": "Stories from our members", "level": 1})]
    for n, story in enumerate(chosen):
        data = {"story_id": story.id}
        if n % 2:
            data["quote_id"] = story.quotes[0].id
        blocks.append(Block("story", data))
    item = OutreachItem(ItemKind.NEWSLETTER, "Winter newsletter", "en", tuple(blocks))
    print()
    print(f"consent at rendering: a newsletter with {len(chosen)} story blocks "
          f"({len(chosen) // 2} approved quotes):")
    print(line("check_use for each block (20 calls)", timed(
        lambda: [services.stories.check_use(s.id, StoryChannel.NEWSLETTER) for s in chosen],
        runs)))
    print(line("outreach.preflight (the consent gate included)", timed(
        lambda: services.outreach.preflight(item, ProfileKey.STANDARD), runs)))
    reader = services.outreach._reader
    print(line("StoryGate.resolve (as a rendering does)", timed(
        lambda: StoryGate(reader).resolve(item, None), runs)))


# --- the window ------------------------------------------------------------------------------


def window_figures(data_dir: Path, runs: int) -> dict[str, list[float]]:
    from interactions import open_window

    app, window, context = open_window(data_dir)
    window.resize(*WINDOW_SIZE)
    times: dict[str, list[float]] = {}
    started = time.perf_counter()
    page = window.show_section("stories")
    settle(app, window)
    times["first visit: stories"] = [(time.perf_counter() - started) * 1000]
    context.services.warm_up()
    tab = page.stories_tab
    times["(rows shown)"] = [float(tab.table.model().rowCount())]
    for _ in range(max(1, runs // 5)):
        window.show_section("dashboard")
        settle(app, window)
        started = time.perf_counter()
        window.show_section("stories")
        settle(app, window)
        times.setdefault("return visit: stories", []).append(
            (time.perf_counter() - started) * 1000)
    combo = tab.theme_combo
    for _ in range(max(1, runs // combo.count())):
        for index in list(range(1, combo.count())) + [0]:
            started = time.perf_counter()
            combo.setCurrentIndex(index)
            settle(app, tab.table)
            times.setdefault("choose a theme (list painted)", []).append(
                (time.perf_counter() - started) * 1000)
    field = tab.search_field
    for _ in range(max(1, runs // 5)):
        for text in TYPED:
            for letter in text:
                started = time.perf_counter()
                field.insert(letter)
                settle(app, tab.table)
                times.setdefault("search: keystroke (list painted)", []).append(
                    (time.perf_counter() - started) * 1000)
            field.clear()
            settle(app, window)
    window.close()
    return times


def child(args) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(window_figures(Path(args.data_dir), args.runs)))
    sys.stdout.flush()
    os._exit(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", help="Qt platform plugin, e.g. xcb, wayland, offscreen")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
    env, platform = qt_environment(args.platform)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="advocate-bench-stories-") as scratch:
        data_dir = prepare(args.members, Path(scratch) / "data", env)
        services = open_services_at(data_dir)
        started = time.perf_counter()
        story_ids = add_stories(services, data_dir, stories=args.stories)
        print(f"members {args.members:,}; stories {len(services.stories.list()):,} "
              f"(added in {time.perf_counter() - started:.0f} s)")
        print()
        print("services.stories:")
        print(line("list (every story, consent per channel)",
                   timed(lambda: services.stories.list(), args.runs)))
        rendering_figures(services, story_ids, args.runs)
        services.close()
        result = subprocess.run([sys.executable, __file__, "--child", "--data-dir",
                                 str(data_dir), "--runs", str(args.runs)],
                                capture_output=True, text=True, env=env, timeout=1800)
        if result.returncode != 0:
            raise SystemExit(f"the window measurement failed:\n{result.stdout}{result.stderr}")
        for text in (result.stdout + result.stderr).splitlines():
            if text.strip() and not text.startswith("{"):
                print(f"note: {text}")
        times = json.loads([t for t in result.stdout.splitlines() if t.startswith("{")][-1])
    print()
    print(f"the window (Qt {platform}, {WINDOW_SIZE[0]} x {WINDOW_SIZE[1]}), "
          f"{int(times.pop('(rows shown)')[0]):,} stories listed:")
    for name, values in times.items():
        print(line(name, values, 40))
    print(f"(measured in {time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
