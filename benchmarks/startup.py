"""Start-up time: ``advocate-app --smoke-test`` on 100,000 members against a bare Qt window.

    python benchmarks/startup.py [--runs 7] [--members 100000] [--platform offscreen]
                                 [--no-encrypted]

Builds (once) a sample community in ``benchmarks/.cache/startup-100k/`` with
``advocate-app demo``, and an encrypted copy of it in ``startup-100k-encrypted/`` with
``advocate-app encrypt``; then times whole processes, alternating the app on the plain database,
the app on the encrypted one (its passphrase in ``ADVOCATE_PASSPHRASE``) and a bare PySide6
window (a label in a main window, shown and painted once) so all see the same machine
conditions. One warm-up run of each is discarded. Prints each median, the ratios app / bare, and
the median of the "ready in N ms" the app reports itself. The goal: the app within 3x the bare
window, encrypted or not.

Qt draws offscreen unless a display is available or ``--platform`` names one. Delete the cache
folder to rebuild the database.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
#: Written next to the database once it is complete; an interrupted build is started again.
BUILT_MARKER = "built-members.txt"
TIMEOUT_S = 120
#: The sample database's passphrase (it holds made-up people only).
PASSPHRASE = "benchmark sample passphrase"

#: The baseline: the least a PySide6 program does to put a painted window on screen.
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def quiet(mode, context, message):  # as the app does: this one says nothing off screen
    if not message.startswith("This plugin does not support propagateSizeHints"):
        print(message, file=sys.stderr)

qInstallMessageHandler(quiet)
app = QApplication(sys.argv[:1])

class Label(QLabel):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, app.quit)  # painted once: the window is on screen

window = QMainWindow()
window.setCentralWidget(Label("A bare window"))
window.resize(1100, 720)
window.show()
QTimer.singleShot(10_000, lambda: sys.exit(1))  # never painted
sys.exit(app.exec())
"""

READY = re.compile(r"^ready in (\d+) ms$")


def cache_folder(members: int) -> Path:
    name = f"{members // 1000}k" if members % 1000 == 0 else str(members)
    return CACHE / f"startup-{name}"


def ensure_database(data_dir: Path, members: int, env: dict[str, str]) -> None:
    """Build the sample database unless a complete one of that size is already there."""
    marker = data_dir / BUILT_MARKER
    if marker.exists() and marker.read_text(encoding="utf-8").strip() == str(members):
        return
    if data_dir.exists():
        shutil.rmtree(data_dir)
    print(f"building a {members:,}-member database in {data_dir} ...", flush=True)
    subprocess.run([sys.executable, "-m", "advocate_app", "--data-dir", str(data_dir), "demo",
                    "--members", str(members)], check=True, env=env)
    marker.write_text(f"{members}\n", encoding="utf-8")


def ensure_encrypted_copy(plain_dir: Path, members: int, env: dict[str, str]) -> Path:
    """An encrypted copy of the sample database (made once, by ``advocate-app encrypt``)."""
    data_dir = plain_dir.with_name(plain_dir.name + "-encrypted")
    marker = data_dir / BUILT_MARKER
    if marker.exists() and marker.read_text(encoding="utf-8").strip() == str(members):
        return data_dir
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    print(f"encrypting a copy of it in {data_dir} ...", flush=True)
    shutil.copyfile(plain_dir / "advocate.sqlite3", data_dir / "advocate.sqlite3")
    subprocess.run([sys.executable, "-m", "advocate_app", "--data-dir", str(data_dir),
                    "encrypt"], check=True, env={**env, "ADVOCATE_NEW_PASSPHRASE": PASSPHRASE})
    shutil.rmtree(data_dir / "backups", ignore_errors=True)  # an upgrade's: not needed here
    marker.write_text(f"{members}\n", encoding="utf-8")
    return data_dir


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    """Wall time of one whole process, with what it printed."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env,
                            timeout=TIMEOUT_S)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {result.returncode}:\n"
                         f"{result.stdout}{result.stderr}")
    return elapsed, result.stdout, result.stderr


def qt_environment(platform: str | None) -> tuple[dict[str, str], str]:
    env = dict(os.environ)
    # An installed app keeps its compiled bytecode; measure that, as a user would live it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    elif not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env, env.get("QT_QPA_PLATFORM", "default")


class Series:
    """The timings of one command, and anything unexpected it printed."""

    def __init__(self, command: list[str], expect_ready: bool,
                 extra_env: dict[str, str] | None = None):
        self.command = command
        self.expect_ready = expect_ready
        self.extra_env = extra_env or {}
        self.seconds: list[float] = []
        self.ready_ms: list[int] = []
        self.stray: list[str] = []

    def run(self, env: dict[str, str], *, keep: bool) -> None:
        elapsed, out, err = run_once(self.command, {**env, **self.extra_env})
        lines = [line for line in (out + err).splitlines() if line.strip()]
        ready = [int(m.group(1)) for line in lines if (m := READY.match(line.strip()))]
        for line in lines:
            if not READY.match(line.strip()) and line not in self.stray:
                self.stray.append(line)
        if not keep:
            return
        self.seconds.append(elapsed)
        self.ready_ms.extend(ready[:1])
        if self.expect_ready and not ready:
            self.stray.append("(no 'ready in N ms' line)")

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    def spread(self) -> str:
        return f"min {min(self.seconds) * 1000:.0f}, max {max(self.seconds) * 1000:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default: 7)")
    parser.add_argument("--members", type=int, default=100_000,
                        help="members in the sample database (default: 100000)")
    parser.add_argument("--platform", help="Qt platform plugin, e.g. xcb, wayland, offscreen")
    parser.add_argument("--no-encrypted", action="store_true",
                        help="time the plain database only")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    env, platform = qt_environment(args.platform)
    data_dir = cache_folder(args.members)
    ensure_database(data_dir, args.members, env)

    app = Series([sys.executable, "-m", "advocate_app", "--data-dir", str(data_dir),
                  "--smoke-test"], expect_ready=True)
    bare = Series([sys.executable, "-c", BARE_WINDOW], expect_ready=False)
    encrypted = None
    if not args.no_encrypted:
        app.run(env, keep=False)  # the plain database brought to this version's schema first
        encrypted_dir = ensure_encrypted_copy(data_dir, args.members, env)
        encrypted = Series([sys.executable, "-m", "advocate_app", "--data-dir",
                            str(encrypted_dir), "--smoke-test"], expect_ready=True,
                           extra_env={"ADVOCATE_PASSPHRASE": PASSPHRASE})
    for run in range(args.runs + 1):  # run 0 warms the file cache and compiled catalogs
        app.run(env, keep=run > 0)
        if encrypted is not None:
            encrypted.run(env, keep=run > 0)
        bare.run(env, keep=run > 0)

    print(f"members in database        {args.members:,} ({data_dir.relative_to(HERE.parent)})")
    print(f"Qt platform                {platform}")
    print(f"runs each                  {args.runs}, alternating, after one warm-up each")
    print(f"bare PySide6 window        median {bare.median_ms:.0f} ms ({bare.spread()})")
    print(f"advocate-app --smoke-test  median {app.median_ms:.0f} ms ({app.spread()})")
    if app.ready_ms:
        print(f"app reports                ready in {statistics.median(app.ready_ms):.0f} ms "
              "(median)")
    print(f"ratio app / bare           {app.median_ms / bare.median_ms:.2f} (goal: at most 3.00)")
    if encrypted is not None:
        print(f"encrypted database         median {encrypted.median_ms:.0f} ms "
              f"({encrypted.spread()})")
        if encrypted.ready_ms:
            print(f"encrypted reports          ready in "
                  f"{statistics.median(encrypted.ready_ms):.0f} ms (median)")
        print(f"ratio encrypted / bare     {encrypted.median_ms / bare.median_ms:.2f} "
              "(goal: at most 3.00)")
    for series, label in ((bare, "bare window"), (app, "app"), (encrypted, "encrypted app")):
        if series is None:
            continue
        for line in series.stray:
            print(f"note: the {label} printed: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
