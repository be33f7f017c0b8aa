"""Start-up time: ``advocate-app --smoke-test`` on 100,000 members against a bare Qt window.

    python benchmarks/startup.py [--runs 7] [--members 100000]

Builds (once) a sample community in ``benchmarks/.cache/``, then times whole processes,
alternating the app and a bare PySide6 window so both see the same machine conditions. Prints
each median and the ratio. The goal: the app within 3x the bare window.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("A bare window"))
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()

    env = dict(os.environ)
    # An installed app keeps its compiled bytecode; measure that, as a user would live it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    data_dir = HERE / ".cache" / f"startup-{args.members}"
    if not (data_dir / "advocate.sqlite3").exists():
        print(f"building a {args.members:,}-member database in {data_dir} …", flush=True)
        subprocess.run([sys.executable, "-m", "advocate_app", "--data-dir", str(data_dir),
                        "demo", "--members", str(args.members)], check=True, env=env)

    app = [sys.executable, "-m", "advocate_app", "--data-dir", str(data_dir), "--lang", "en",
           "--smoke-test"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    timed(app, env)  # warm the file cache and the compiled catalogs once
    timed(bare, env)
    app_times, bare_times, ready = [], [], []
    for _ in range(args.runs):
        elapsed, out = timed(app, env)
        app_times.append(elapsed)
        match = re.search(r"ready in (\d+) ms", out)
        if match:
            ready.append(int(match.group(1)))
        bare_times.append(timed(bare, env)[0])

    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    print(f"members in database      {args.members:,}")
    print(f"runs each                {args.runs} (alternating, after one warm-up each)")
    print(f"bare PySide6 window      median {bare_median * 1000:.0f} ms")
    print(f"advocate-app --smoke-test median {app_median * 1000:.0f} ms "
          f"(reports 'ready in {statistics.median(ready):.0f} ms')")
    print(f"ratio app / bare         {app_median / bare_median:.2f} (goal: at most 3.00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
