"""Members at scale: import of 100,000 rows, search as you type, memory of the Members page.

    python benchmarks/members.py [--rows 100000]

Prints three figures against the goals: import of a 100,000-row CSV with 2% duplicates
(<= 20 s), search-as-you-type at the service layer over 100,000 members (p95 <= 30 ms per
keystroke), and the resident memory of the app with the Members page open on 100,000 members
(<= 300 MB). Works in a fresh temporary data folder each run.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GIVEN = ("Ana Zoë Kwame Li Mohammed Olga Priya Seán Yuki Mateo Hélène Jürgen Łucja Amina "
         "Chiamaka Søren Inês Dimitris Fatima Oluwaseun").split()
FAMILY = ("Núñez Okafor Wang Haddad Ivanova Sharma Murphy Tanaka García Smith Müller Diallo "
          "Papadopoulos Nowak Rossi Dubois Mensah Kowalski Andersen Silva").split()
TYPED = ["m", "mu", "mul", "mull", "o", "ok", "oka", "okaf", "a", "an", "ana", "ana n",
         "ana nu", "z", "zo", "zoe", "7700", "7700 9", "chi", "chiam", "sharma p", "l", "lu",
         "luc", "lucja", "ha", "had", "hadd", "s", "sø", "sor", "soren"]

MEMORY_PROBE = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from advocate_app.app import AppContext, open_services
from advocate_app.paths import AppPaths
from advocate_app.ui.application import create_application
from advocate_app.ui.main_window import MainWindow
from advocate_app.ui.settings import UiSettings
paths = AppPaths(Path(sys.argv[1]))
services = open_services(paths.default_database_url(), paths)
app = create_application([sys.argv[0]])
window = MainWindow(AppContext(paths, paths.default_database_url(), "en", services,
                               time.perf_counter()), UiSettings(paths.settings_file))
window.resize(1200, 800)
window.show()
page = window.show_section("members")
for _ in range(40):  # scroll through the list as a person would, then to the end and back
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().value() + 2000)
    app.processEvents()
page.table.scrollToBottom(); app.processEvents()
page.table.scrollToTop(); app.processEvents()
page.search_field.setText("ana"); page.refresh(); app.processEvents()
services.warm_up()
status = Path("/proc/self/status").read_text()
rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
print(rss // 1024)
"""


def make_csv(path: Path, rows: int, seed: int = 7) -> None:
    from advocate_app.domain.text import fold

    rng = random.Random(seed)
    unique = rows - rows // 50
    people = []
    for i in range(unique):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        email = f"{fold(given)}.{fold(family)}.{i}@example.org".replace(" ", "")
        mobile = f"+44 7{rng.randrange(1000):03d} {rng.randrange(1000000):06d}"  # UK mobiles
        people.append([given, family, email, mobile, "United Kingdom",
                       "en", rng.choice(["patient", "carer", "volunteer", "clinician"]),
                       rng.choice(["newsletter", "", "family day"])])
    duplicates = [list(people[rng.randrange(unique)]) for _ in range(rows - unique)]
    everyone = people + duplicates
    rng.shuffle(everyone)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "Email", "Phone", "Country", "Language",
                         "Role", "Tags"])
        writer.writerows(everyone)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="advocate-bench-"))
    source = work / "members.csv"
    make_csv(source, args.rows)
    data = work / "data"

    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "advocate_app", "--data-dir", str(data),
                             "import", "members", str(source)], capture_output=True, text=True,
                            env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    summary = [line for line in result.stdout.splitlines()[:5]]
    print(f"import of {args.rows:,} rows with 2% duplicates: {elapsed:.1f} s (goal <= 20 s)")
    for line in summary[1:5]:
        print(f"    {line}")

    from advocate_app.app import open_services
    from advocate_app.paths import AppPaths

    paths = AppPaths(data)
    services = open_services(paths.default_database_url(), paths)
    timings = []
    for _ in range(3):
        for text in TYPED:
            t = time.perf_counter()
            services.members.search(text, 50)
            timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"search as you type ({len(timings)} keystrokes, first page of 50): "
          f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms (goal p95 <= 30 ms)")
    services.close()

    probe = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(data)], capture_output=True,
                           text=True, env=env)
    if probe.returncode != 0:
        raise SystemExit(probe.stderr)
    print(f"memory with the Members page open on {args.rows - args.rows // 50:,} members: "
          f"{probe.stdout.strip()} MB resident (goal <= 300 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
