"""Text files built to hurt: a NUL character deep inside, UTF-8 and Windows-1252 mixed in one
file, a file the user may not read; and the trial-readiness spreadsheet a sponsor opens. Every
import reader refuses with one sentence naming the line, and nothing is stored garbled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from advocate_app.interchange.attendance_rows import read_rows
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.feedback_forms import read_answers
from advocate_app.interchange.tables import read_csv
from advocate_app.interchange.vcard import read_vcards

PEOPLE = "First name,Last name,Email\n" + "".join(
    f"Person{n},Family{n},p{n}@example.org\n" for n in range(400))  # well past 4 KB
FEEDBACK = "Timestamp,Rating,Comments\n" + "".join(
    f"2026-01-{n % 28 + 1:02d},4,Fine {n}\n" for n in range(400))
ZOOM = "Name (original name),User email,Join time,Leave time,Duration (minutes)\n" + "".join(
    f"Person {n},p{n}@example.org,03/12/2026 06:00:00 PM,03/12/2026 07:00:00 PM,60\n"
    for n in range(400))
VCARDS = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Family{n};Given{n};;;\r\nFN:Given{n} "
                 f"Family{n}\r\nEMAIL:p{n}@example.org\r\nEND:VCARD\r\n" for n in range(200))

READERS = {"members": (read_csv, PEOPLE), "feedback": (read_answers, FEEDBACK),
           "attendance": (read_rows, ZOOM), "vcard": (read_vcards, VCARDS)}


def _with_line(text: str, line: int, insert: str) -> str:
    lines = text.splitlines(keepends=True)
    lines[line - 1] = lines[line - 1][:3] + insert + lines[line - 1][3:]
    return "".join(lines)


@pytest.mark.parametrize("kind", list(READERS))
def test_a_nul_character_anywhere_is_refused_naming_its_line(tmp_path, kind):
    read, text = READERS[kind]
    path = tmp_path / f"{kind}.txt"
    path.write_text(_with_line(text, 300, "\x00"), encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="Line 300 holds a NUL character"):
        read(path)
    wide = tmp_path / f"{kind}-utf16.txt"  # in UTF-16 zero bytes are normal; U+0000 is not
    wide.write_text(_with_line(text, 250, "\x00"), encoding="utf-16")
    with pytest.raises(UnreadableFileError, match="NUL character"):
        read(wide)


def test_a_nul_hidden_in_a_quoted_printable_vcard_value_is_refused(tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lovelace;Ada\r\n"
                    "NOTE;ENCODING=QUOTED-PRINTABLE:before=00after\r\nEND:VCARD\r\n",
                    encoding="ascii")
    with pytest.raises(UnreadableFileError, match="Line 4 holds a NUL character"):
        read_vcards(path)


@pytest.mark.parametrize("kind", list(READERS))
def test_a_file_mixing_utf8_and_windows_1252_is_refused_naming_both_lines(tmp_path, kind):
    read, text = READERS[kind]
    lines = text.encode("utf-8").splitlines(keepends=True)
    lines[9] = lines[9][:3] + "Zoë".encode() + lines[9][3:]  # line 10 in UTF-8
    lines[199] = lines[199][:3] + "Hélène".encode("cp1252") + lines[199][3:]  # line 200
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(b"".join(lines))
    with pytest.raises(UnreadableFileError) as refused:
        read(path)
    message = str(refused.value)
    assert "line 10 is UTF-8 but line 200 is not" in message, message
    # The same file all in Windows-1252 is read, with its accents right.
    path.write_bytes(b"".join(lines).decode("utf-8", errors="surrogateescape").encode(
        "cp1252", errors="surrogateescape"))
    read(path)


def test_a_mixed_file_is_never_stored_garbled(tmp_path, services):
    from advocate_app.services.errors import UnreadableFileError as Refused
    from advocate_app.services.member_import import ImportOptions, import_members
    from advocate_app.services.member_import_workers import ProcessStart

    path = tmp_path / "members.csv"
    path.write_bytes("First name,Last name\nZoë,Núñez\n".encode()
                     + "Hélène,Dupré\n".encode("cp1252"))
    before = services.members.count()
    with pytest.raises(Refused, match="line 2 is UTF-8 but line 3 is not"):
        import_members(services.uow, services.actor, path, ImportOptions(),
                       processes=ProcessStart.FORK)
    # Naming its encoding does not make one of the two readable: still refused, not garbled.
    with pytest.raises(Refused, match="mixes two text encodings"):
        import_members(services.uow, services.actor, path, ImportOptions(encoding="cp1252"),
                       processes=ProcessStart.FORK)
    assert services.members.count() == before


@pytest.mark.parametrize("kind", list(READERS))
def test_a_file_you_may_not_read_says_it_cannot_be_read(tmp_path, kind, monkeypatch):
    read, text = READERS[kind]
    path = tmp_path / f"{kind}.txt"
    path.write_text(text, encoding="utf-8")
    real_open = os.open

    def forbidden(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", forbidden)
    with pytest.raises(UnreadableFileError, match="cannot be read"):
        read(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("kind", list(READERS))
def test_a_fifo_or_a_device_is_refused_without_waiting(tmp_path, kind):
    read, _text = READERS[kind]
    fifo = tmp_path / f"{kind}.csv"
    os.mkfifo(fifo)  # nothing ever writes to it: opening it blindly waits for ever
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(UnreadableFileError, match="not a file Advocate can import"):
            read(path)


def _unprivileged() -> list[str]:
    """A prefix that runs a command without root's power to read any file."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root, and setpriv is missing to drop the power to read all")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_command_line_says_a_file_cannot_be_read(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    path.chmod(0)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    result = subprocess.run([*_unprivileged(), sys.executable, "-m", "advocate_app",
                             "--data-dir", str(tmp_path / "data"), "import", "members",
                             str(path)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"advocate-app: {path} cannot be read: you are not allowed to open it; nothing was "
        "imported."]


def test_the_trial_readiness_spreadsheet_neutralises_formulas(services, tmp_path):
    from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
    from advocate_app.domain.member_views import ConditionInput, MemberInput
    from advocate_app.services.consent import ConsentEntry

    for i in range(6):
        member = services.members.create(MemberInput(
            given_name=f"Person{i}", family_name="Rare", region="=HYPERLINK(\"http://x\")",
            conditions=(ConditionInput("@SUM(A1:A9)", ""),)))
        services.consent.record(member.id, ConsentEntry(
            ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER,
            date(2025, 1, 1)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    target = tmp_path / "sponsor.csv"
    result = subprocess.run([sys.executable, "-m", "advocate_app", "--data-dir",
                             str(services.paths.data_dir), "--database-url",
                             services.database.url, "trial-readiness", "-o", str(target)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    import csv

    cells = [cell for row in csv.reader(target.read_text(encoding="utf-8-sig").splitlines())
             for cell in row]
    assert "'@SUM(A1:A9)" in cells and "'=HYPERLINK(\"http://x\")" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]


def test_a_csv_is_bounded_in_line_length_rows_and_cells(tmp_path, monkeypatch):
    from advocate_app.interchange import tables
    from advocate_app.interchange.spreadsheet import SheetLimits

    path = tmp_path / "members.csv"
    path.write_text("First name,Email\n" + "," * 3_000_000 + "\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="Line 2 is longer than 2000000 characters"):
        read_csv(path)  # one row of three million cells, never made
    path.write_text(PEOPLE, encoding="utf-8")
    monkeypatch.setattr(tables, "MEMBER_SHEET", SheetLimits(rows=100, columns=10,
                                                            unpacked=0, file_bytes=10**8))
    with pytest.raises(UnreadableFileError, match="at most 100 rows, 10 columns"):
        read_csv(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_the_command_line_refuses_a_fifo_a_device_or_a_folder_at_once(tmp_path):
    fifo = tmp_path / "members.csv"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    for target, options in ((fifo, []), (Path("/dev/zero"), ["--format", "csv"]),
                            (tmp_path, [])):
        result = subprocess.run([sys.executable, "-m", "advocate_app", "--data-dir",
                                 str(tmp_path / "data"), "import", "members", str(target),
                                 *options], capture_output=True, text=True, env=env,
                                timeout=60)
        assert result.returncode == 1
        assert result.stderr.strip().splitlines() == [
            f"advocate-app: {target} is not a file Advocate can import (a folder or a "
            "device); nothing was imported."]


def test_a_vcard_value_not_in_the_charset_it_names_is_refused(tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
                    "Dupr=E9;H=E9l=E8ne\r\nEND:VCARD\r\n", encoding="ascii")  # cp1252 bytes
    with pytest.raises(UnreadableFileError, match="Line 3 is not UTF-8 text as the card says"):
        read_vcards(path)
    path.write_text(path.read_text().replace("CHARSET=UTF-8", "CHARSET=windows-1252"))
    assert read_vcards(path).rows[0][:2] == ["Hélène", "Dupré"]
