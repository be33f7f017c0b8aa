"""``advocate-app --smoke-test``: the real GUI start-up path, in a separate process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

PROBE = """
import json, sys
from advocate_app.app import main
code = main(sys.argv[1:])
heavy = sorted(m for m in ('reportlab', 'openpyxl', 'pikepdf', 'alembic', 'docx', 'rapidfuzz',
                            'sqlalchemy', 'email_validator', 'phonenumbers')
               if m in sys.modules)
babel_locales = sorted(getattr(sys.modules.get('babel.localedata'), '_cache', {}) or {})
print(json.dumps({'code': code, 'heavy': heavy, 'locales': babel_locales}))
"""


def _run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ADVOCATE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_smoke_test_opens_an_empty_new_database(tmp_path):
    result = _run("--data-dir", str(tmp_path / "fresh"), "--smoke-test")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^ready in \d+ ms$", result.stdout, re.MULTILINE)
    assert (tmp_path / "fresh" / "advocate.sqlite3").is_file()


def test_start_up_path_loads_no_heavy_modules_and_only_the_ui_locale(tmp_path):
    data = str(tmp_path / "data")
    assert _run("--data-dir", data, "demo", "--members", "20").returncode == 0
    result = _run("--data-dir", data, "--lang", "fr", "--smoke-test")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert report["heavy"] == []
    assert set(report["locales"]) <= {"root", "fr", "en"}
