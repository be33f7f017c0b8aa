"""``advocate-app encrypt`` killed with SIGKILL at 20 random moments: each time the database
opens, plain or with the new passphrase, passes SQLite's integrity check and holds every row;
so does its backup. Run again, ``encrypt`` finishes the job (a leftover copy is cleared away,
and a backup still plain is encrypted with the database's passphrase)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advocate_app.app import open_services
from advocate_app.paths import AppPaths
from advocate_app.services.demo import generate_demo
from advocate_app.storage import cipher
from advocate_app.storage.backup import backup_sqlite

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
              pytest.mark.slow]

KILLS = 20
PASSPHRASE = "kill me softly"


def _command(data_dir: Path) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env.update(QT_QPA_PLATFORM="offscreen", ADVOCATE_DATA_DIR=str(data_dir),
               ADVOCATE_NEW_PASSPHRASE=PASSPHRASE)
    return [sys.executable, "-m", "advocate_app", "encrypt"], env


def _counts(database: Path) -> dict[str, int]:
    """Rows per table, opening the file plain or with the passphrase, after its check."""
    key = PASSPHRASE if cipher.is_encrypted(database) else None
    connection = cipher.connect(database, key)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
                for n in names}
    finally:
        connection.close()


def test_encrypt_killed_at_random_moments_leaves_a_whole_database(tmp_path):
    pristine = AppPaths(tmp_path / "pristine")
    pristine.ensure()
    services = open_services(pristine.default_database_url(), pristine)
    generate_demo(services.uow, services.actor, members=40, seed=5)
    services.close()
    backup_sqlite(pristine.database_file, pristine.backup_dir, "before-upgrade-0013")
    expected = _counts(pristine.database_file)
    (backup_name,) = [p.name for p in pristine.backup_dir.iterdir()]
    expected_backup = _counts(pristine.backup_dir / backup_name)

    data = tmp_path / "data"
    command, env = _command(data)
    shutil.copytree(pristine.data_dir, data)
    started = time.monotonic()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=60)
    whole_run = time.monotonic() - started
    rng = random.Random(12)
    outcomes = {"plain": 0, "encrypted": 0}
    for _kill in range(KILLS):
        if cipher.is_encrypted(data / "advocate.sqlite3"):
            shutil.rmtree(data)
            shutil.copytree(pristine.data_dir, data)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.05) * whole_run)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

        database = data / "advocate.sqlite3"
        outcomes["encrypted" if cipher.is_encrypted(database) else "plain"] += 1
        assert _counts(database) == expected
        assert _counts(data / "backups" / backup_name) == expected_backup

    assert all(outcomes.values()), f"the kills all fell on one side: {outcomes}"
    # Run to the end, the next encrypt finishes what a killed one began.
    finished = subprocess.run(command, env={**env, "ADVOCATE_PASSPHRASE": PASSPHRASE},
                              capture_output=True, text=True, timeout=60)
    if finished.returncode != 0:
        assert finished.stderr.strip() == "advocate-app: This database is already encrypted."
    assert cipher.is_encrypted(data / "advocate.sqlite3")
    assert cipher.is_encrypted(data / "backups" / backup_name)
    assert _counts(data / "advocate.sqlite3") == expected
    assert not list(data.glob("*" + cipher.CONVERTING_SUFFIX + "*"))
