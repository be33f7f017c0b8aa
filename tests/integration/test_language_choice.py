"""Which language Advocate starts in: ``--lang`` (a language it lacks is one sentence, never a
silent English), the language chosen last in View > Language, the system's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from advocate_app.app import _asked_language
from advocate_app.i18n.catalogs import resolve_language, system_language
from advocate_app.i18n.languages import UnknownLanguageError, checked_language


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("ADVOCATE_DATA_DIR", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment.update({"QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", **env})
    return subprocess.run([sys.executable, "-m", "advocate_app", *args], capture_output=True,
                          text=True, env=environment, timeout=120)


def _remember(data_dir, code: str) -> None:
    from advocate_app.ui.settings import UiSettings

    data_dir.mkdir(parents=True, exist_ok=True)
    settings = UiSettings(data_dir / "settings.ini")
    settings.language = code
    settings.sync()


def test_a_language_advocate_does_not_have_is_one_sentence_naming_those_it_has(tmp_path):
    result = _run("--data-dir", str(tmp_path / "data"), "--lang", "xx")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "“xx”" in lines[0]
    for name in ("English (en)", "Français (fr)", "Deutsch (de)", "Polski (pl)",
                 "العربية (ar)", "اردو (ur)"):
        assert name in lines[0]
    # The same before a command: nothing runs in a language nobody asked for.
    command = _run("--data-dir", str(tmp_path / "data"), "--lang", "klingon", "demo")
    assert command.returncode == 2 and "“klingon”" in command.stderr
    assert not (tmp_path / "data" / "advocate.sqlite3").exists()


def test_a_regional_code_is_its_language():
    assert resolve_language("de_AT") == "de"
    assert resolve_language("pt-BR") == "pt"
    assert resolve_language("fr_FR.UTF-8") == "fr"
    assert resolve_language("en_GB") == "en"
    assert checked_language("pt-BR") == "pt-BR"
    with pytest.raises(UnknownLanguageError):
        checked_language("xx_YY")


def test_the_system_language_without_a_catalog_is_english_quietly(tmp_path):
    result = _run("--data-dir", str(tmp_path / "data"), "--help", LANG="xx_YY.UTF-8")
    assert result.returncode == 0
    assert "show this help message" in result.stdout and result.stderr == ""


def test_language_is_a_list_of_preferences_and_the_first_one_advocate_has_wins(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "xx:fr_CA:de")
    assert system_language() == "fr_CA"
    monkeypatch.setenv("LANGUAGE", "xx:yy")  # none of them: the next setting decides
    assert system_language() == "de_DE"


def test_the_language_chosen_in_the_window_is_the_next_starts_and_lang_wins(app_paths):
    assert _asked_language([], app_paths) is None
    _remember(app_paths.data_dir, "fr")
    assert _asked_language([], app_paths) == "fr"
    assert _asked_language(["--lang", "de"], app_paths) == "de"
    # The command line is the system's (or --lang's): a script's output does not change
    # because someone chose a language in the window.
    assert _asked_language(["members", "list"], app_paths) is None
    _remember(app_paths.data_dir, "xx")  # no longer shipped: the system's, and the window says so
    assert _asked_language([], app_paths) is None


def test_the_window_opens_in_the_remembered_language(tmp_path):
    data = tmp_path / "data"
    _remember(data, "fr")
    result = _run("--data-dir", str(data), "--smoke-test")
    assert result.returncode == 0, result.stderr
    log = (data / "logs" / "advocate.log").read_text(encoding="utf-8")
    assert "Started with language fr" in log
    overridden = _run("--data-dir", str(data), "--lang", "de", "--smoke-test")
    assert overridden.returncode == 0, overridden.stderr
    log = (data / "logs" / "advocate.log").read_text(encoding="utf-8")
    assert log.rstrip().splitlines()[-1].endswith("Started with language de on "
                                                  f"sqlite:///{data / 'advocate.sqlite3'}")
