"""Files that are private: the data folder is its owner's alone (0700, files 0600) whatever
the umask, an older folder is tightened at start, scratch folders a killed app left behind are
removed at the next start, and no command writes into the data folder or over the database."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys

import pytest

from advocate_app.app import main
from advocate_app.paths import AppPaths

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows keeps the profile private")


@pytest.fixture
def loose_umask():
    """The umask many systems start with: files readable by everyone."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _modes(folder) -> dict[str, int]:
    return {str(p.relative_to(folder)): _mode(p) for p in [folder, *folder.rglob("*")]}


def test_everything_in_the_data_folder_is_private_whatever_the_umask(tmp_path, loose_umask,
                                                                     capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo", "--members", "20"]) == 0
    os.umask(0o022)
    member = "1"
    report, pack = tmp_path / "out" / "report.html", tmp_path / "out" / "pack"
    report.parent.mkdir()
    assert main(["--data-dir", str(data), "privacy", "report", member, "-o",
                 str(report)]) == 0
    os.umask(0o022)
    leaflet = next(line.split("\t")[0] for line in _outreach_list(data, capsys)
                   if "welcome" in line.lower())
    main(["--data-dir", str(data), "outreach", "print-pack", leaflet, "-o", str(pack)])
    modes = _modes(data)
    assert modes["."] == 0o700 and modes["advocate.sqlite3"] == 0o600
    assert modes["logs"] == 0o700 and modes["backups"] == 0o700
    # (the log is written where the process first started logging, once per process)
    assert modes.get("logs/advocate.log", 0o600) == 0o600
    loose = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert loose == {}
    assert _mode(report) == 0o600
    written = list(pack.iterdir())
    assert written and {_mode(p) for p in written} == {0o600}

    # While the app has the database open, its write-ahead log and shared memory too.
    from advocate_app.app import open_services
    from advocate_app.domain.member_views import MemberInput

    os.umask(0o022)
    paths = AppPaths(data)
    services = open_services(paths.default_database_url(), paths)
    try:
        services.members.create(MemberInput(given_name="Ada", family_name="Okafor"))
        for end in ("-wal", "-shm"):
            assert _mode(data / f"advocate.sqlite3{end}") == 0o600
    finally:
        services.close()


def _outreach_list(data, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["--data-dir", str(data), "outreach", "list"]) == 0
    return capsys.readouterr().out.splitlines()


def test_an_older_data_folder_readable_by_everyone_is_tightened_at_start(tmp_path,
                                                                         loose_umask):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo", "--members", "5"]) == 0
    # As an earlier version left it: everything readable by everyone.
    (data / "backups" / "advocate-20250101-upgrade.sqlite3").write_bytes(b"old copy")
    (data / "logs" / "advocate.log.1").write_text("older log", encoding="utf-8")
    (data / "story_files").mkdir()
    (data / "story_files" / "0f.jpg").write_bytes(b"photo")
    for path in [data, *data.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    mine = tmp_path / "data" / "my-notes.txt"  # not the app's: left as the person made it
    mine.write_text("mine", encoding="utf-8")
    os.chmod(mine, 0o644)

    assert main(["--data-dir", str(data), "outreach", "list"]) == 0

    modes = _modes(data)
    loose = {name: oct(mode) for name, mode in modes.items()
             if mode & 0o077 and name != "my-notes.txt"}
    assert loose == {}
    assert modes["story_files/0f.jpg"] == 0o600 and modes["story_files"] == 0o700
    assert _mode(mine) == 0o644


def test_the_atomic_writer_and_an_opened_attachment_make_private_files(tmp_path, loose_umask,
                                                                        monkeypatch):
    import tempfile

    from advocate_app.interchange.files import write_atomically
    from advocate_app.interchange.story_files import opened_copy, read_attachment

    written = write_atomically(tmp_path / "out" / "leaflet.pdf", b"%PDF-1.7")
    assert _mode(written) == 0o600
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    found = read_attachment(photo)
    copy = opened_copy(found.stored_name, found.data)
    assert _mode(copy) == 0o600
    assert _mode(copy.parent) == 0o700


_KILLED_MID_PACK = """
import os, signal, sys
from pathlib import Path
from advocate_app.interchange.files import keep_scratch_record, make_scratch_folder
keep_scratch_record(Path(sys.argv[1]))
folder = make_scratch_folder(".print-pack-", Path(sys.argv[2]))
(folder / "large-print.pdf").write_bytes(b"%PDF half written")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_scratch_folders_left_by_a_killed_app_are_removed_at_the_next_start(tmp_path):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "outreach", "list"]) == 0
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    record = AppPaths(data).scratch_record
    killed = subprocess.run([sys.executable, "-c", _KILLED_MID_PACK, str(record), str(chosen)],
                            check=False)
    assert killed.returncode == -signal.SIGKILL
    (leftover,) = chosen.glob(".print-pack-*")
    assert (leftover / "large-print.pdf").exists()
    # Never anything else: a folder named like one but not listed, and a listed folder
    # not named like one.
    decoy = chosen / ".print-pack-mine"
    decoy.mkdir()
    precious = tmp_path / "precious"
    precious.mkdir()
    with record.open("a", encoding="utf-8") as handle:
        handle.write(f"999999\t{precious}\n")

    assert main(["--data-dir", str(data), "outreach", "list"]) == 0

    assert not leftover.exists()
    assert decoy.is_dir() and precious.is_dir()
    assert not record.exists() or record.read_text(encoding="utf-8") == ""


def test_a_print_pack_that_finishes_leaves_no_scratch_folder_nor_record(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo", "--members", "10"]) == 0
    leaflet = next(line.split("\t")[0] for line in _outreach_list(data, capsys)
                   if "welcome" in line.lower())
    main(["--data-dir", str(data), "outreach", "print-pack", leaflet, "-o",
          str(tmp_path / "pack")])
    assert list(tmp_path.glob(".print-pack-*")) == []
    record = AppPaths(data).scratch_record
    assert not record.exists() or record.read_text(encoding="utf-8") == ""


def _members(database) -> int:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        connection.close()


def test_no_command_writes_into_the_data_folder_or_over_the_database(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo", "--members", "5"]) == 0
    database = data / "advocate.sqlite3"
    before = _members(database)
    link = tmp_path / "innocent.csv"
    link.symlink_to(database)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    attempts = {
        "the database": ["export", "members", "--format", "csv", "-o", str(database)],
        "through a link": ["export", "members", "--format", "csv", "-o", str(link)],
        "its log": ["export", "members", "--format", "json", "-o",
                    str(data / "advocate.sqlite3-wal")],
        "a backup": ["export", "members", "--format", "csv", "-o",
                     str(data / "backups" / "members.csv")],
        "a report": ["privacy", "report", "1", "-o", str(data / "report.html")],
        "a print pack": ["outreach", "print-pack", "1", "-o", str(data / "pack")],
        "the folder itself": ["trial-readiness", "-o", str(data)],
    }
    for what, command in attempts.items():
        capsys.readouterr()
        assert main(["--data-dir", str(data), *command]) == 1, what
        said = capsys.readouterr().err.strip()
        assert len(said.splitlines()) == 1 and ("data folder" in said or "database" in said), (
            what, said)
    assert _members(database) == before == 5
    assert not (data / "report.html").exists() and not (data / "pack").exists()
    assert not (data / "backups" / "members.csv").exists()
    # A database given by its address, outside the data folder, is refused too.
    assert main(["--data-dir", str(data), "--database-url", f"sqlite:///{elsewhere}",
                 "outreach", "list"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--database-url", f"sqlite:///{elsewhere}",
                 "export", "members", "--format", "csv", "-o", str(elsewhere)]) == 1
    assert "database" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "export", "members", "--format", "csv", "-o",
                 str(tmp_path / "members.csv")]) == 0
