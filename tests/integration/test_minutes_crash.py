"""Live minutes survive the app being killed: the real app, in its own process, is typed into
and killed with SIGKILL at 20 random moments. After each kill no more than the last 2 seconds of
typing may be missing, the database must be intact, and the next start must carry on in the
same place (the same agenda item, after the text already there)."""

from __future__ import annotations

import errno
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime

import pytest

from advocate_app.app import open_services
from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.member_views import MemberInput
from advocate_app.paths import AppPaths

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "SIGKILL"),
                                reason="needs named pipes and SIGKILL (Linux, macOS)")

KILLS = 20
MAX_LOST_SECONDS = 2.0
WORDS = ("the board agreed to share the results with members before the summer "
         "recruitment is ahead of plan in Leeds and Cardiff; the nurse adviser will write "
         "a lay summary — café meetings continue every month").split()


def _prepare(data_dir) -> int:
    paths = AppPaths(data_dir)
    paths.ensure()
    services = open_services(paths.default_database_url(), paths)
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    member = services.members.create(MemberInput(given_name="Amina", family_name="Haddad"))
    boards.set_membership(board_id, member.id, boards_role())
    meeting_id = services.meetings.schedule_meeting(
        MeetingInput(board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30)),
        [AgendaInput("Welcome"), AgendaInput("Study update")])
    item_id = services.meetings.get_meeting(meeting_id).agenda[1].id
    services.minutes.start_minutes(meeting_id)
    services.minutes.set_current_item(meeting_id, item_id)
    services.close()
    return item_id


def boards_role():
    from advocate_app.domain.governance import BoardRole

    return BoardRole.CHAIR


def _open_writer(path, process, deadline: float) -> int:
    """Open the pipe for writing once the app has opened it for reading."""
    while True:
        try:
            return os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
        if process.poll() is not None:
            raise AssertionError(f"the app stopped before minute-taking opened: "
                                 f"{process.stderr.read().decode(errors='replace')}")
        if time.monotonic() > deadline:
            raise AssertionError("the minute-taking window did not open in time")
        time.sleep(0.02)


def _saved_notes(database, item_id) -> str:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute("SELECT notes FROM agenda_items WHERE id = ?",
                                  (item_id,)).fetchone()[0]
    finally:
        connection.close()


def test_killing_the_app_loses_at_most_the_last_two_seconds(tmp_path):
    data_dir = tmp_path / "data"
    item_id = _prepare(data_dir)
    database = data_dir / "advocate.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env.update(QT_QPA_PLATFORM="offscreen")
    rng = random.Random(20261126)
    document = ""   # what the minutes hold (after the last kill, what was saved)
    worst = 0.0
    for round_number in range(KILLS):
        pipe = tmp_path / f"keys-{round_number}"
        os.mkfifo(pipe)
        process = subprocess.Popen(
            [sys.executable, "-m", "advocate_app", "--data-dir", str(data_dir)],
            env={**env, "ADVOCATE_TYPE_FROM": str(pipe)}, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        try:
            writer = _open_writer(pipe, process, time.monotonic() + 60)
            os.set_blocking(writer, True)
            typed = document
            written_at: list[float] = []   # when each new character left this process
            stop_after = rng.uniform(0.4, 3.5)
            started = time.monotonic()
            while time.monotonic() - started < stop_after:
                word = rng.choice(WORDS)
                for ch in (word + ("\n" if rng.random() < 0.08 else " ")):
                    os.write(writer, ch.encode("utf-8"))
                    typed += ch
                    written_at.append(time.monotonic())
                    time.sleep(rng.uniform(0.02, 0.08))  # a quick typist, about 20 a second
            killed_at = time.monotonic()
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            os.close(writer)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stderr.close()

        saved = _saved_notes(database, item_id)
        assert typed.startswith(saved), (
            f"round {round_number}: the saved minutes are not what was typed "
            f"(saved {len(saved)} characters)")
        assert saved.startswith(document), f"round {round_number}: earlier minutes were lost"
        lost = len(typed) - len(saved)
        if lost:
            first_lost = written_at[len(saved) - len(document)]
            lost_seconds = killed_at - first_lost
            worst = max(worst, lost_seconds)
            assert lost_seconds <= MAX_LOST_SECONDS, (
                f"round {round_number}: {lost} characters lost, typed over the last "
                f"{lost_seconds:.2f} s before the kill")
        document = saved
    assert len(document) > 100  # the rounds did type and keep a fair amount
    print(f"worst loss over {KILLS} kills: {worst:.2f} s of typing")
