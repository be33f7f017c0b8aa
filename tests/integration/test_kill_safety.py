"""Killing the app with SIGKILL never leaves a corrupt database or a half-done change.

The real command line runs in processes of its own on a small sample community, and each of
four operations (an import, a merge, a backup and a print pack) is killed 20 times after a
random delay spread over how long it takes. After every kill the database passes SQLite's
integrity check, the change happened whole or not at all, and the app still opens. The four
operations run side by side, each on its own copy of the data folder.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from advocate_app.app import open_services
from advocate_app.domain.member_views import MemberQuery
from advocate_app.paths import AppPaths
from advocate_app.services.backups import BackupError
from advocate_app.services.demo import generate_demo
from advocate_app.services.member_export import export_members

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (Linux, macOS)"),
    pytest.mark.slow,
]

KILLS = 20
MEMBERS = 50


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env.update(QT_QPA_PLATFORM="offscreen")
    return env


def _rows(database: Path, sql: str, params=()) -> list[tuple]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _count(database: Path, table: str) -> int:
    return _rows(database, f"SELECT count(*) FROM {table}")[0][0]


@dataclass
class Operation:
    """One kind of operation: its command for a round, and what it changes."""

    name: str
    command: Callable[[int], list[str]]
    #: What the database holds that the operation changes (compared before and after).
    state: Callable[[Path, int], object]
    #: Given the state after a round that changed something: a problem, or None if the
    #: change is whole.
    whole: Callable[[object, int], str | None]
    #: Other checks after a round (files written …); returns a problem or None.
    extra: Callable[[Path, int], str | None] = lambda _data, _round: None
    problems: list[str] = field(default_factory=list)
    duration: float = 0.0
    outcomes: dict[str, int] = field(default_factory=dict)


def _run(data_dir: Path, command: list[str], kill_after: float | None) -> tuple[float, bool]:
    """Run the command (killed after ``kill_after`` seconds unless it ended first): how long
    it ran, and whether it ended by itself."""
    started = time.monotonic()
    ended = True
    process = subprocess.Popen(
        [sys.executable, "-m", "advocate_app", "--data-dir", str(data_dir), *command],
        env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        if kill_after is None:
            _out, err = process.communicate(timeout=120)
            if process.returncode not in (0, 1) or b"Traceback" in err:
                raise AssertionError(f"{command} failed: {err.decode(errors='replace')}")
        else:
            try:
                process.wait(timeout=kill_after)
            except subprocess.TimeoutExpired:
                ended = False
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    return time.monotonic() - started, ended


def _intact(data_dir: Path) -> str | None:
    database = data_dir / "advocate.sqlite3"
    verdict = _rows(database, "PRAGMA integrity_check")
    if verdict != [("ok",)]:
        return f"integrity check: {verdict[:3]}"
    paths = AppPaths(data_dir)
    services = open_services(paths.default_database_url(), paths)  # the app still opens
    try:
        services.database.reader.rows("SELECT count(*) FROM members")
    finally:
        services.close()
    return None


def _exercise(operation: Operation, data_dir: Path, seed: int) -> Operation:
    rng = random.Random(seed)
    database = data_dir / "advocate.sqlite3"
    # One run to the end: how long it takes, and what a whole change looks like.
    before = operation.state(database, 0)
    duration, _ended = _run(data_dir, operation.command(0), None)
    after = operation.state(database, 0)
    assert before != after, f"{operation.name}: a whole run changed nothing"
    for round_number in range(1, KILLS + 1):
        before = operation.state(database, round_number)
        # Most of a run is Python starting; the kills fall over the second half, where the
        # operation reads, writes and commits (a few land after it ended).
        took, ended = _run(data_dir, operation.command(round_number),
                           rng.uniform(0.45, 1.1) * duration)
        if ended:  # the machine is quicker now than it was: kill sooner
            duration = (duration + took) / 2
        problem = _intact(data_dir)
        now = operation.state(database, round_number)
        if problem is None and now != before:
            problem = operation.extra(data_dir, round_number) or operation.whole(
                now, round_number)
        elif problem is None:
            problem = operation.extra(data_dir, round_number)
        outcome = "unchanged" if now == before else "done"
        operation.outcomes[outcome] = operation.outcomes.get(outcome, 0) + 1
        if problem:
            operation.problems.append(f"kill {round_number}: {problem}")
    operation.duration = duration
    return operation


# --- the four operations -----------------------------------------------------------------

@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("kill-safety")
    data_dir = base / "prepared"
    paths = AppPaths(data_dir)
    paths.ensure()
    services = open_services(paths.default_database_url(), paths)
    try:
        generate_demo(services.uow, services.actor, members=MEMBERS, seed=5)
        csv_file = base / "people.csv"
        rows = export_members(services, csv_file, "csv", MemberQuery(), False)
        member_ids = [row[0] for row in services.database.reader.rows(
            "SELECT id FROM members ORDER BY id")]
        item_id = services.database.reader.rows(
            "SELECT min(id) FROM outreach_items WHERE kind = 'leaflet'")[0][0]
    finally:
        services.close()
    return {"base": base, "data_dir": data_dir, "csv": csv_file, "rows": rows,
            "members": member_ids, "item": item_id}


def _operations(prepared: dict, print_delta: tuple[int, int]) -> list[Operation]:
    base, rows, members = prepared["base"], prepared["rows"], prepared["members"]
    imported: dict[int, int] = {}

    def import_state(database: Path, round_number: int) -> int:
        count = _count(database, "members")
        imported.setdefault(round_number, count)
        return count

    def import_whole(now, round_number: int) -> str | None:
        expected = imported[round_number] + rows
        return None if now == expected else (
            f"{now} members, neither {imported[round_number]} (before) nor {expected} (after)")

    def pair(round_number: int) -> tuple[int, int]:
        return members[2 * round_number], members[2 * round_number + 1]

    def merge_state(database: Path, round_number: int):
        keep, other = pair(round_number)
        exists = _count_where(database, "members", "id", other)
        merged = _count_where(database, "member_merges", "merged_id", other)
        moved = _rows(database, "SELECT count(*) FROM engagements WHERE member_id = ?",
                      (other,))[0][0]
        kept = _rows(database, "SELECT updated_at FROM members WHERE id = ?", (keep,))
        return exists, merged, moved, kept

    def merge_whole(now, _round: int) -> str | None:
        exists, merged, moved, _kept = now
        if (exists, merged, moved) != (0, 1, 0):
            return f"a merge half done: other record {exists}, merge rows {merged}, " \
                   f"its timeline rows left {moved}"
        return None

    def backup_state(database: Path, round_number: int):
        return (base / "backup-out" / f"copy-{round_number}.sqlite3").exists()

    def backup_files(data_dir: Path, round_number: int) -> str | None:
        folder = base / "backup-out"
        paths = AppPaths(data_dir)
        services = open_services(paths.default_database_url(), paths)
        try:
            live = services.database.reader.rows("SELECT count(*) FROM members")[0][0]
            target = folder / f"copy-{round_number}.sqlite3"
            if target.exists():
                try:
                    services.backups.check(target)
                except BackupError as exc:
                    return f"the backup file is there but cannot be restored: {exc}"
                if _count(target, "members") != live:
                    return "the backup file does not hold the data"
            for leftover in folder.glob(f".copy-{round_number}.sqlite3.partial-*"):
                if leftover.name.endswith("-journal"):
                    continue
                try:
                    services.backups.check(leftover)
                except BackupError:
                    continue  # refused: nothing could be restored from it
                if _count(leftover, "members") != live:
                    return f"{leftover.name} would restore other data"
        finally:
            services.close()
        return None

    rendered: dict[int, tuple[int, int]] = {}

    def print_state(database: Path, round_number: int) -> tuple[int, int]:
        state = (_count(database, "outreach_renderings"), _count(database, "engagements"))
        rendered.setdefault(round_number, state)
        return state

    def print_whole(now, round_number: int) -> str | None:
        before = rendered[round_number]
        expected = (before[0] + print_delta[0], before[1] + print_delta[1])
        return None if now == expected else (
            f"renderings and timeline {now}, neither {before} nor {expected}")

    def print_command(round_number: int) -> list[str]:
        return ["outreach", "print-pack", str(prepared["item"]), "-o",
                str(base / "packs" / f"pack-{round_number}")]

    return [
        Operation("import", lambda _r: ["import", "members", str(prepared["csv"]),
                                        "--on-duplicate", "create"], import_state,
                  import_whole),
        Operation("merge", lambda r: ["members", "merge", *map(str, pair(r))], merge_state,
                  merge_whole),
        Operation("backup", lambda r: ["backup", "-o",
                                       str(base / "backup-out" / f"copy-{r}.sqlite3")],
                  backup_state, lambda _now, _round: None, backup_files),
        Operation("print pack", print_command, print_state, print_whole),
    ]


def _count_where(database: Path, table: str, column: str, value: int) -> int:
    return _rows(database, f"SELECT count(*) FROM {table} WHERE {column} = ?", (value,))[0][0]


@pytest.fixture(scope="module")
def killed(prepared) -> dict[str, Operation]:
    # The print pack's whole change, measured on a copy of its own.
    probe = prepared["base"] / "probe"
    shutil.copytree(prepared["data_dir"], probe)
    database = probe / "advocate.sqlite3"
    first = (_count(database, "outreach_renderings"), _count(database, "engagements"))
    _run(probe, ["outreach", "print-pack", str(prepared["item"]), "-o",
                 str(prepared["base"] / "probe-pack")], None)
    last = (_count(database, "outreach_renderings"), _count(database, "engagements"))
    operations = _operations(prepared, (last[0] - first[0], last[1] - first[1]))
    folders = []
    for number in range(len(operations)):
        folder = prepared["base"] / f"run-{number}"
        shutil.copytree(prepared["data_dir"], folder)
        folders.append(folder)
    with ThreadPoolExecutor(max_workers=len(operations)) as pool:
        done = list(pool.map(_exercise, operations, folders, range(len(operations))))
    return {operation.name: operation for operation in done}


@pytest.mark.parametrize("name", ["import", "merge", "backup", "print pack"])
def test_a_kill_leaves_the_database_whole_and_the_change_all_or_nothing(killed, name):
    operation = killed[name]
    assert not operation.problems, "\n".join(operation.problems)
    assert sum(operation.outcomes.values()) == KILLS
    print(f"{name}: {operation.outcomes} (a whole run lately: {operation.duration:.1f} s)")
