"""Spreadsheets built to hurt: a small file that unpacks to millions of rows, a sheet that
declares the whole grid, a cell far to the right, a damaged archive or sheet, a workbook named
.csv and a CSV named .xlsx. Each is refused (or read for what it really holds) within seconds
and a bounded amount of memory, with one sentence and nothing imported."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from advocate_app.interchange import tables
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.feedback_forms import read_answers
from advocate_app.services.errors import UnreadableFileError as ServiceUnreadable
from advocate_app.services.member_import import ImportOptions, import_members

HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>First name</t></is></c>'
          '<c r="B1" t="inlineStr"><is><t>Last name</t></is></c>'
          '<c r="C1" t="inlineStr"><is><t>Email</t></is></c></row>')
PEOPLE = ('<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c>'
          '<c r="B2" t="inlineStr"><is><t>Lovelace</t></is></c>'
          '<c r="C2" t="inlineStr"><is><t>ada@example.org</t></is></c></row>'
          '<row r="3"><c r="A3" t="inlineStr"><is><t>Alan</t></is></c>'
          '<c r="B3" t="inlineStr"><is><t>Turing</t></is></c>'
          '<c r="C3" t="inlineStr"><is><t>alan@example.org</t></is></c></row>')
SHEET = "xl/worksheets/sheet1.xml"
OPEN = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def workbook(path: Path, rows, *, dimension: str | None = None, strings=None) -> Path:
    """A real workbook whose first sheet holds ``rows`` (XML text, or an iterable of chunks
    streamed into the archive so that even a huge sheet is never held in memory), with a
    table of shared ``strings`` (chunks of <si> elements) when given."""
    from openpyxl import Workbook

    template = io.BytesIO()
    Workbook().save(template)
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if strings is not None and item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", SHARED_RELATION + b"</Relationships>")
            if strings is not None and item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", SHARED_TYPE + b"</Types>")
            if item.filename != SHEET:
                target.writestr(item, data)
        if strings is not None:
            with target.open("xl/sharedStrings.xml", "w") as table:
                table.write(OPEN.replace("worksheet", "sst").encode())
                for chunk in strings:
                    table.write(chunk.encode())
                table.write(b"</sst>")
        with target.open(SHEET, "w") as sheet:
            sheet.write(OPEN.encode())
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for chunk in ([rows] if isinstance(rows, str) else rows):
                sheet.write(chunk.encode())
            sheet.write(b"</sheetData></worksheet>")
    return path


SHARED_RELATION = (
    b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>')
SHARED_TYPE = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
               b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


def many_strings(count: int):
    """Shared strings all different (so they pack only ten times smaller), each kept in
    memory at several times its size when the workbook opens."""
    for start in range(0, count, 10_000):
        yield "".join(f"<si><t>{n:x}</t></si>" for n in range(start, start + 10_000))


def identical_rows(count: int):
    """Rows without numbers, all alike: they pack a thousand times smaller."""
    block = '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 10_000
    yield HEADER
    for _ in range(count // 10_000):
        yield block


def numbered_rows(count: int):
    """Rows that pack only ten or twenty times smaller, so the archive looks ordinary and the
    limit on rows must stop the reading."""
    yield HEADER
    for start in range(2, count + 2, 10_000):
        yield "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>'
                      for n in range(start, start + 10_000))


def people_rows(count: int):
    yield HEADER
    yield "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Given{n}</t></is></c>'
                  f'<c r="B{n}" t="inlineStr"><is><t>Family{n}</t></is></c>'
                  f'<c r="C{n}" t="inlineStr"><is><t>p{n}@example.org</t></is></c></row>'
                  for n in range(2, count + 2))


def run_measured(args: list[str], tmp_path: Path) -> dict:
    """The command line in a child process: its exit status, its message, how long it took and
    its peak memory (resource.getrusage, measured by a parent that runs nothing else)."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "child = subprocess.run([sys.executable, '-m', 'advocate_app', *sys.argv[1:]],\n"
        "                       capture_output=True, text=True, timeout=120)\n"
        "seconds = time.perf_counter() - started\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "peak_mb = peak / 1e6 if sys.platform == 'darwin' else peak / 1e3\n"
        "print(json.dumps({'code': child.returncode, 'out': child.stdout,\n"
        "                  'err': child.stderr, 'seconds': seconds, 'peak_mb': peak_mb}))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}

    def cap_memory():  # if the limits ever fail, fail the test rather than the machine
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3_000_000_000, 3_000_000_000))

    result = subprocess.run([sys.executable, "-c", probe, "--data-dir", str(tmp_path / "data"),
                             *args], capture_output=True, text=True, env=env, timeout=180,
                            preexec_fn=cap_memory if sys.platform != "win32" else None)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    print(args[-1], {k: report[k] for k in ("code", "seconds", "peak_mb")})
    return report


@pytest.mark.parametrize("rows, expected", [
    (lambda: identical_rows(3_000_000), "zip bomb"),  # 3 million rows in a few hundred KB
    (lambda: numbered_rows(400_000), "more than 250001 rows"),  # an ordinary-looking archive
], ids=["packed-tight", "many-rows"])
def test_a_small_file_that_unpacks_to_huge_is_refused_in_seconds_and_little_memory(
        tmp_path, rows, expected):
    bomb = workbook(tmp_path / "members.xlsx", rows())
    assert bomb.stat().st_size < 6_000_000
    report = run_measured(["import", "members", str(bomb)], tmp_path)
    assert report["code"] == 1
    assert expected in report["err"] and "nothing was imported" in report["err"]
    assert len(report["err"].strip().splitlines()) == 1, report["err"]
    assert report["seconds"] < 30
    assert report["peak_mb"] < 300


def test_a_table_of_shared_strings_too_big_to_hold_is_refused_before_it_is_read(tmp_path):
    # Read whole, 1.4 million strings (30 MB unpacked) took 250 MB; 6.5 million took 1 GB.
    bomb = workbook(tmp_path / "members.xlsx", HEADER, strings=many_strings(1_500_000))
    assert bomb.stat().st_size < 6_000_000
    report = run_measured(["import", "members", str(bomb)], tmp_path)
    assert report["code"] == 1
    assert "xl/sharedStrings.xml of this workbook unpacks to more than 25 MB" in report["err"]
    assert report["seconds"] < 30 and report["peak_mb"] < 300


def test_a_sheet_declaring_the_whole_grid_is_read_for_what_it_holds(tmp_path):
    # Believed, "A1:XFD1048576" makes every row 16,384 cells wide: 80 million for these.
    sheet = workbook(tmp_path / "members.xlsx", people_rows(5_000), dimension="A1:XFD1048576")
    report = run_measured(["import", "members", str(sheet), "--dry-run", "--json"], tmp_path)
    assert report["code"] == 0, report["err"]
    assert json.loads(report["out"])["counts"]["created"] == 5_000
    assert report["seconds"] < 30 and report["peak_mb"] < 300


def test_a_row_far_down_or_a_cell_far_right_is_refused_at_once(tmp_path):
    far_down = workbook(tmp_path / "down.xlsx", HEADER + PEOPLE + (
        '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'))
    with pytest.raises(UnreadableFileError, match="more than 250001 rows"):
        tables.read_xlsx(far_down)
    far_right = workbook(tmp_path / "right.xlsx", HEADER + (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c>'
        '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>'))
    with pytest.raises(UnreadableFileError, match="Row 2 of the spreadsheet has more than 500"):
        tables.read_xlsx(far_right)


def test_rows_are_counted_while_streaming(tmp_path, monkeypatch):
    from advocate_app.interchange.spreadsheet import SheetLimits

    monkeypatch.setattr(tables, "MEMBER_SHEET", SheetLimits(rows=50, columns=10,
                                                            unpacked=10**8, file_bytes=10**8))
    sheet = workbook(tmp_path / "members.xlsx", numbered_rows(10_000))
    with pytest.raises(UnreadableFileError, match="more than 50 rows"):
        tables.read_xlsx(sheet)
    # What the rows cost in memory is bounded too: the cells that hold something.
    monkeypatch.setattr(tables, "MEMBER_SHEET", SheetLimits(
        rows=1_000, columns=10, unpacked=10**8, file_bytes=10**8, cells=500))
    wide = workbook(tmp_path / "wide.xlsx", HEADER + "".join(
        f'<row r="{n}">' + "".join(f"<c><v>{n * 10 + c}</v></c>" for c in range(10))
        + "</row>" for n in range(2, 100)))
    with pytest.raises(UnreadableFileError, match="more than 500 cells filled in"):
        tables.read_xlsx(wide)


def damaged_files(tmp_path: Path) -> dict[str, Path]:
    whole = workbook(tmp_path / "whole.xlsx", HEADER + PEOPLE).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    bad_xml = workbook(tmp_path / "bad-xml.xlsx", HEADER + '<row r="2"><c r="A2" t="inlin')
    bad_cells = workbook(tmp_path / "bad-cells.xlsx", HEADER + (
        '<row r="2"><c r="A2" t="n"><v>not a number</v></c><c r="??"><v>1</v></c></row>'))
    return {"cut": cut, "bad-xml": bad_xml, "bad-cells": bad_cells}


@pytest.mark.parametrize("kind", ["cut", "bad-xml", "bad-cells"])
def test_a_damaged_workbook_is_one_sentence_for_every_reader(tmp_path, kind, services):
    from advocate_app.interchange.attendance_rows import read_rows

    path = damaged_files(tmp_path)[kind]
    for read in (tables.read_xlsx, read_answers, read_rows):
        with pytest.raises(UnreadableFileError) as refused:
            read(path)
        message = str(refused.value)
        assert "\n" not in message and "nothing was imported" in message, (read, message)
    before = services.members.count()
    with pytest.raises(ServiceUnreadable):
        import_members(services.uow, services.actor, path, ImportOptions(),
                       processes=_fork())
    assert services.members.count() == before


def _fork():
    from advocate_app.services.member_import_workers import ProcessStart

    return ProcessStart.FORK


def test_a_workbook_named_csv_and_a_csv_named_xlsx(tmp_path):
    from advocate_app.interchange.attendance_rows import read_rows

    named_csv = workbook(tmp_path / "people.csv", HEADER + PEOPLE)
    assert [r[0] for r in tables.read_xlsx(named_csv).rows] == ["Ada", "Alan"]
    assert len(read_rows(named_csv).rows) == 3
    report = run_measured(["import", "members", str(named_csv), "--format", "xlsx",
                           "--dry-run", "--json"], tmp_path)
    assert report["code"] == 0, report["err"]
    assert json.loads(report["out"])["counts"]["created"] == 2
    report = run_measured(["import", "members", str(named_csv), "--format", "csv"], tmp_path)
    assert report["code"] == 1 and len(report["err"].strip().splitlines()) == 1
    assert "Traceback" not in report["err"]

    named_xlsx = tmp_path / "people.xlsx"
    named_xlsx.write_text("First name,Last name,Email\nAda,Lovelace,ada@example.org\n",
                          encoding="utf-8")
    report = run_measured(["import", "members", str(named_xlsx), "--dry-run", "--json"],
                          tmp_path)
    assert report["code"] == 0 and json.loads(report["out"])["counts"]["created"] == 1
    report = run_measured(["import", "members", str(named_xlsx), "--format", "xlsx"], tmp_path)
    assert report["code"] == 1, report
    assert "not a spreadsheet Advocate can read" in report["err"]
    assert len(report["err"].strip().splitlines()) == 1
