"""The type check passes: mypy, configured in pyproject.toml ([tool.mypy]: the shared vocabulary
in domain/ and i18n/, paths.py and the services), reports no error.

An editor and a type checker can follow the services container and the plain data objects the
layers pass each other; this keeps it so. The test extra installs mypy, so CI runs this; it takes
a few seconds (a fresh cache each run, so a stale one never hides an error).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_configured_modules_type_check(tmp_path, monkeypatch):
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e '.[test]')")
    monkeypatch.chdir(ROOT)  # the configured file list is relative to the project
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml"),
                                      "--cache-dir", str(tmp_path / "mypy_cache")])
    assert status == 0, f"mypy found type errors:\n{report}{errors}"
    assert report.startswith("Success: no issues found"), report
