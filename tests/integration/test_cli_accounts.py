"""``advocate-app accounts …`` and ``--user``: accounts from the command line, and every command
refused without ``--user`` once accounts exist."""

from __future__ import annotations

import io
import json

import pytest

from advocate_app.app import main
from tests.conftest import copy_sqlite_template

PASSWORD = "correct horse battery"


@pytest.fixture
def data_dir(app_paths, sqlite_template, monkeypatch):
    copy_sqlite_template(sqlite_template, app_paths)
    for name in ("ADVOCATE_PASSWORD", "ADVOCATE_NEW_PASSWORD", "ADVOCATE_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: nothing is asked
    return str(app_paths.data_dir)


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_accounts_add_and_list_and_then_every_command_needs_user(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("ADVOCATE_NEW_PASSWORD", PASSWORD)
    code, out, _err = _run(capsys, "--data-dir", data_dir, "accounts", "add", "ada",
                           "--role", "staff")
    assert code == 0
    assert "Account ada added as Administrator." in out
    assert "The first account is always an administrator." in out

    code, _out, err = _run(capsys, "--data-dir", data_dir, "accounts", "list")
    assert code == 1
    assert err.strip() == ("advocate-app: Accounts are in use: add --user NAME before the "
                           "command to say who you are.")

    monkeypatch.setenv("ADVOCATE_PASSWORD", PASSWORD)
    code, out, _err = _run(capsys, "--data-dir", data_dir, "--user", "ada", "accounts", "add",
                           "vic", "--role", "volunteer", "--display-name", "Vic Example")
    assert code == 0 and "Account vic added as Volunteer." in out
    code, out, _err = _run(capsys, "--data-dir", data_dir, "--user", "ada", "accounts", "list",
                           "--json")
    assert code == 0
    listed = {a["name"]: a for a in json.loads(out)}
    assert listed["ada"]["role"] == "admin" and listed["vic"]["role"] == "volunteer"
    assert listed["vic"]["display_name"] == "Vic Example"
    assert listed["ada"]["last_signed_in_at"] is not None


def test_a_volunteer_cannot_manage_accounts_from_the_command_line(data_dir, capsys,
                                                                   monkeypatch):
    monkeypatch.setenv("ADVOCATE_NEW_PASSWORD", PASSWORD)
    monkeypatch.setenv("ADVOCATE_PASSWORD", PASSWORD)
    assert _run(capsys, "--data-dir", data_dir, "accounts", "add", "ada", "--role",
                "admin")[0] == 0
    assert _run(capsys, "--data-dir", data_dir, "--user", "ada", "accounts", "add", "vic",
                "--role", "volunteer")[0] == 0
    code, _out, err = _run(capsys, "--data-dir", data_dir, "--user", "vic", "accounts", "role",
                           "ada", "volunteer")
    assert code == 1
    assert err.strip() == "advocate-app: Only an administrator can manage accounts."
    code, out, _err = _run(capsys, "--data-dir", data_dir, "--user", "ada", "accounts",
                           "deactivate", "vic")
    assert code == 0 and "vic can no longer sign in." in out
    code, _out, err = _run(capsys, "--data-dir", data_dir, "--user", "vic", "meetings", "list")
    assert code == 1
    assert err.strip() == ("advocate-app: This account has been deactivated; ask an "
                           "administrator.")


@pytest.mark.parametrize("user, password", [("ada", "not the password"),
                                            ("nobody", PASSWORD)])
def test_a_wrong_name_or_password_is_one_sentence_and_exit_1(data_dir, capsys, monkeypatch,
                                                              user, password):
    monkeypatch.setenv("ADVOCATE_NEW_PASSWORD", PASSWORD)
    assert _run(capsys, "--data-dir", data_dir, "accounts", "add", "ada", "--role",
                "admin")[0] == 0
    monkeypatch.setenv("ADVOCATE_PASSWORD", password)
    code, out, err = _run(capsys, "--data-dir", data_dir, "--user", user, "meetings", "list")
    assert code == 1 and out == ""
    assert err.strip() == ("advocate-app: The account name or the password is not right.")


def test_without_a_password_and_no_terminal_the_command_says_where_to_give_it(
        data_dir, capsys):
    code, _out, err = _run(capsys, "--data-dir", data_dir, "accounts", "add", "ada", "--role",
                           "admin")
    assert code == 1
    assert err.strip() == ("advocate-app: Give the new password in ADVOCATE_NEW_PASSWORD, or "
                           "run the command at a terminal.")
    code, _out, err = _run(capsys, "--data-dir", data_dir, "--user", "ada", "meetings", "list")
    assert code == 1
    assert err.strip() == ("advocate-app: Give the password of ada in ADVOCATE_PASSWORD, or "
                           "run the command at a terminal.")


def test_a_weak_password_is_refused_and_no_account_is_made(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("ADVOCATE_NEW_PASSWORD", "short")
    code, _out, err = _run(capsys, "--data-dir", data_dir, "accounts", "add", "ada", "--role",
                           "admin")
    assert code == 1
    assert err.strip() == "advocate-app: A password needs at least 10 characters."
    assert _run(capsys, "--data-dir", data_dir, "meetings", "list")[0] == 0  # still no sign-in
