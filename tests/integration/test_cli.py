"""The command line as a user or a script meets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from advocate_app import __version__
from advocate_app.app import main


def run_app(*args, env_extra=None, timeout=60):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env.update(QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "advocate_app", *args], capture_output=True,
                          text=True, env=env, timeout=timeout)


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"advocate-app {__version__}"


def test_unknown_option_is_one_clear_sentence(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["--colour"])
    assert raised.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "--colour" in err and "--help" in err and "Traceback" not in err


def test_unknown_option_in_french(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "--colour"])
    assert "Essayez" in capsys.readouterr().err


def test_unwritable_data_dir_is_reported_without_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_app("--data-dir", str(blocker / "data"), "demo", "--members", "1")
    assert result.returncode == 1
    assert "cannot be written" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_database_is_reported_without_traceback(tmp_path):
    result = run_app("--data-dir", str(tmp_path), "--database-url",
                     "postgresql+psycopg://nobody@127.0.0.1:1/advocate", "demo", "--members", "1")
    assert result.returncode == 1
    assert "cannot be opened" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unsupported_database_kind_is_named(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "--database-url", "mysql://x@localhost/db",
                 "demo"]) == 1
    assert "SQLite and PostgreSQL" in capsys.readouterr().err


def test_environment_variables_choose_data_dir_and_database(tmp_path):
    data = tmp_path / "from-env"
    result = run_app("demo", "--members", "3", env_extra={"ADVOCATE_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert (data / "advocate.sqlite3").is_file()
    assert (data / "logs" / "advocate.log").is_file()
    other = tmp_path / "elsewhere.sqlite3"
    result = run_app("--data-dir", str(data), "demo", "--members", "2",
                     env_extra={"ADVOCATE_DATABASE_URL": f"sqlite:///{other}"})
    assert result.returncode == 0, result.stderr
    assert other.is_file()


def test_command_line_work_never_imports_qt_or_heavy_libraries(tmp_path):
    probe = (
        "import sys, json\n"
        "from advocate_app.app import main\n"
        f"code = main(['--data-dir', {str(tmp_path)!r}, 'demo', '--members', '5'])\n"
        "heavy = [m for m in ('PySide6', 'reportlab', 'openpyxl', 'pikepdf', 'alembic')"
        " if m in sys.modules]\n"
        "print(json.dumps({'code': code, 'heavy': heavy}))\n"
    )
    # The first run creates the schema (Alembic is needed then); the second must not need it.
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}


@pytest.mark.postgresql
def test_a_shared_postgresql_database_is_created_and_used(tmp_path, postgres_url):
    result = run_app("--data-dir", str(tmp_path), "--database-url", postgres_url,
                     "demo", "--members", "25")
    assert result.returncode == 0, result.stderr
    assert "Created 25 members" in result.stdout
    assert not (tmp_path / "advocate.sqlite3").exists()
    from advocate_app.app import open_services
    from advocate_app.paths import AppPaths

    services = open_services(postgres_url, AppPaths(tmp_path))
    assert services.members.count() > 0
    services.close()
