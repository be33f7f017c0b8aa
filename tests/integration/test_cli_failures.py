"""Every way a command can fail on a real machine is one sentence and a non-zero exit: a
read-only database or log, a database with damaged pages, a full disk, another program's SQLite
file (left untouched), a failing statement (its values never shown), a bug (its traceback in
the log). Real processes of ``python -m advocate_app``, on a real sample database."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and limits")


def run_app(*args, prefix=(), preexec_fn=None, timeout=180):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([*prefix, sys.executable, "-m", "advocate_app", *args],
                          capture_output=True, text=True, env=env, timeout=timeout,
                          preexec_fn=preexec_fn)


def one_sentence(result) -> str:
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("advocate-app: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def unprivileged() -> list[str]:
    """A prefix that runs a command without root's power to write any file."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root, and setpriv is missing to drop the power to write all")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    result = run_app("--data-dir", str(folder), "demo", "--members", "300")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def data(demo_folder, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo_folder, copy)
    return copy


def members_in(folder: Path) -> int:
    connection = sqlite3.connect(folder / "advocate.sqlite3")
    try:
        return connection.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@posix_only
def test_a_read_only_database_file(data):
    database = data / "advocate.sqlite3"
    database.chmod(0o444)
    before = digest(database)
    line = one_sentence(run_app("--data-dir", str(data), "demo", "--members", "2",
                                prefix=unprivileged()))
    assert f"The database {database} cannot be written: it is read-only" in line
    assert digest(database) == before


@posix_only
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_log(data, what):
    log = data / "logs" / "advocate.log"
    if what == "file":
        log.chmod(0o444)
    else:
        log.unlink()
        log.parent.chmod(0o555)
    try:
        line = one_sentence(run_app("--data-dir", str(data), "members", "duplicates",
                                    prefix=unprivileged()))
    finally:
        log.parent.chmod(0o755)
    assert f"The log {log} cannot be written" in line


def _damage_pages_holding_members(database: Path) -> list[str]:
    """Overwrite, in the middle of the file, the pages that hold members' email addresses
    (found by their bytes, as any program could): the header and the schema stay whole.
    Returns some of the names whose pages were damaged."""
    connection = sqlite3.connect(database)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    rows = connection.execute("SELECT email, given_name, family_name FROM members "
                              "WHERE email != '' ORDER BY id").fetchall()
    connection.close()
    raw = database.read_bytes()
    pages = sorted({raw.find(email.encode()) // page_size for email, _g, _f in rows
                    if raw.find(email.encode()) > 0})
    assert len(pages) >= 4 and min(pages) > 2
    damaged = pages[len(pages) // 3: len(pages) // 3 + 3]
    with database.open("r+b") as handle:
        for page in damaged:
            handle.seek(page * page_size + 8)
            handle.write(os.urandom(page_size - 16))
    return [f"{given} {family}" for _e, given, family in rows[:50]]


def test_a_database_with_damaged_pages(data):
    database = data / "advocate.sqlite3"
    names = _damage_pages_holding_members(database)
    output = data.parent / "members.csv"
    for command in (["export", "members", "--format", "csv", "-o", str(output)],
                    ["members", "duplicates"]):
        result = run_app("--data-dir", str(data), *command)
        line = one_sentence(result)
        assert f"The database {database} is damaged" in line and "backup" in line
        assert not any(name in result.stderr + result.stdout for name in names)
    assert not output.exists()
    log = (data / "logs" / "advocate.log").read_text(encoding="utf-8")
    assert "database failure: damaged" in log and "SQLITE_CORRUPT" in log


def test_a_damaged_page_read_at_start_up(data):
    database = data / "advocate.sqlite3"
    connection = sqlite3.connect(database)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(  # every command asks first whether anyone must sign in
        "SELECT rootpage FROM sqlite_master WHERE name = 'accounts'").fetchone()[0]
    connection.close()
    with database.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(os.urandom(page_size))
    line = one_sentence(run_app("--data-dir", str(data), "meetings", "list"))
    assert f"The database {database} is damaged" in line


@posix_only
def test_a_full_disk(data):
    import resource
    import signal

    database = data / "advocate.sqlite3"
    limit = database.stat().st_size + 64 * 1024

    def full_disk():  # writing past the limit fails with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    before = members_in(data)
    line = one_sentence(run_app("--data-dir", str(data), "demo", "--members", "3000",
                                preexec_fn=full_disk))
    assert "could not be written: the disk is full" in line
    assert members_in(data) == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    other = tmp_path / "recipes.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    connection.execute("INSERT INTO recipes (title) VALUES ('Bread')")
    connection.commit()
    connection.close()
    before = digest(other)
    for command in (["meetings", "list"], ["demo", "--members", "2"]):
        line = one_sentence(run_app("--data-dir", str(tmp_path / "data"), "--database-url",
                                    f"sqlite:///{other}", *command))
        assert f"{other} is another program's database, not Advocate's" in line
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "recipes.db"]


def test_a_failing_statement_never_shows_what_it_was_writing(data):
    connection = sqlite3.connect(data / "advocate.sqlite3")
    connection.execute("CREATE TRIGGER hand_made BEFORE INSERT ON feedback_responses "
                       "BEGIN SELECT RAISE(ABORT, 'a rule someone added'); END")
    webinar = connection.execute("SELECT min(id) FROM webinars").fetchone()[0]
    connection.commit()
    connection.close()
    private = "Only my sister knows about my diagnosis"
    result = run_app("--data-dir", str(data), "feedback", "add", "webinar", str(webinar),
                     "--rating", "4", "--comments", private)
    line = one_sentence(result)
    assert "reported a problem" in line and "advocate.log" in line
    assert private not in result.stderr + result.stdout
    log = (data / "logs" / "advocate.log").read_text(encoding="utf-8")
    assert "database failure: other" in log and private not in log


def test_an_unexpected_error_is_one_sentence_and_a_traceback_in_the_log(data):
    probe = (
        "import sys\n"
        "from advocate_app.services.duplicates import DuplicateService\n"
        "def broken(self, *args, **kwargs):\n"
        "    raise RuntimeError('a bug in finding duplicates')\n"
        "DuplicateService.find = broken\n"
        "from advocate_app.app import main\n"
        f"sys.exit(main(['--data-dir', {str(data)!r}, 'members', 'duplicates']))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120)
    line = one_sentence(result)
    assert "did not expect" in line and str(data / "logs" / "advocate.log") in line
    log = (data / "logs" / "advocate.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: a bug in finding duplicates" in log


@pytest.mark.postgresql
def test_another_programs_postgresql_database_is_refused_untouched(postgres_url, tmp_path):
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE recipes (id serial PRIMARY KEY, title text)"))
        connection.execute(text("INSERT INTO recipes (title) VALUES ('Bread')"))
    line = one_sentence(run_app("--data-dir", str(tmp_path / "data"), "--database-url",
                                postgres_url, "meetings", "list"))
    assert "another program's tables, not Advocate's" in line
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["recipes"]
        assert connection.execute(text("SELECT title FROM recipes")).scalars().all() == [
            "Bread"]
    engine.dispose()
