"""A file the command line cannot read is said to be unreadable, one it cannot write to be
unwritable: the sentence follows the file that failed. Real processes of
``python -m advocate_app``."""

from __future__ import annotations

import pytest

from tests.integration.test_cli_failures import one_sentence, run_app


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("files") / "data"
    result = run_app("--data-dir", str(folder), "demo", "--members", "20")
    assert result.returncode == 0, result.stderr
    return folder


def test_a_file_that_cannot_be_read_is_not_said_to_be_unwritable(data, tmp_path):
    name = tmp_path / ("n" * 300 + ".csv")  # longer than any file system allows
    line = one_sentence(run_app("--data-dir", str(data), "import", "members", str(name)))
    assert "cannot be read: File name too long." in line
    assert "written" not in line


def test_a_file_that_cannot_be_written_is_named_as_typed(data, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("not a folder", encoding="utf-8")
    output = plain / "leaflet.json"  # inside a file: no folder can be made there
    line = one_sentence(run_app("--data-dir", str(data), "outreach", "export", "1",
                                "-o", str(output)))
    assert line.startswith(f"advocate-app: {output} cannot be written: "), line
    assert "read" not in line
