"""The passphrase dialog shown before the window opens an encrypted database."""

from __future__ import annotations

import sqlite3

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from advocate_app.storage import cipher
from advocate_app.ui import passphrase_dialog, prompts
from advocate_app.ui.passphrase_dialog import PassphraseDialog, ask_for_key

PASSPHRASE = "a long enough passphrase"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def encrypted(tmp_path):
    database = tmp_path / "advocate.sqlite3"
    with sqlite3.connect(database) as plain:
        plain.execute("CREATE TABLE t (x)")
    plain.close()
    cipher.encrypt(database, PASSPHRASE)
    return database


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_wrong_passphrase_is_said_in_the_dialog_and_may_be_typed_again(qtbot, encrypted,
                                                                       no_keyring):
    dialog = PassphraseDialog(encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    before = encrypted.read_bytes()

    qtbot.keyClicks(dialog.field, "not it at all")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.key is None
    assert dialog.problem.isVisible()
    assert "passphrase does not open this database" in dialog.problem.text()
    assert dialog.field.accessibleDescription() == dialog.problem.text()
    assert encrypted.read_bytes() == before
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # Enter opens
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.key is not None
    cipher.connect(encrypted, dialog.key).execute("SELECT * FROM t").fetchall()


def test_the_field_is_labelled_and_hides_what_is_typed(qtbot, encrypted, no_keyring):
    dialog = PassphraseDialog(encrypted)
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.field]
    assert [label.text() for label in labels] == ["&Passphrase:"]
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
    assert dialog.open_button.isDefault()


def test_remember_keeps_it_in_the_keyring_and_the_next_start_asks_nothing(
        qtbot, encrypted, memory_keyring, monkeypatch):
    def type_it(dialog):
        qtbot.addWidget(dialog)
        dialog.field.setText(PASSPHRASE)
        dialog.remember.setChecked(True)
        dialog.open_button.click()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(prompts, "run_modal", type_it)
    assert ask_for_key(encrypted, "en") is not None
    assert list(memory_keyring.kept.values()) == [PASSPHRASE]

    def must_not_ask(dialog):
        raise AssertionError("the remembered passphrase should have opened the database")

    monkeypatch.setattr(prompts, "run_modal", must_not_ask)
    assert ask_for_key(encrypted, "en") is not None


def test_no_keyring_on_this_computer_still_opens_and_cancel_quits(qtbot, encrypted, no_keyring,
                                                                  monkeypatch):
    def type_and_remember(dialog):
        qtbot.addWidget(dialog)
        dialog.field.setText(PASSPHRASE)
        dialog.remember.setChecked(True)
        dialog.open_button.click()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(prompts, "run_modal", type_and_remember)
    assert ask_for_key(encrypted, "en") is not None

    def cancel(dialog):
        qtbot.addWidget(dialog)
        dialog.reject()
        return False

    monkeypatch.setattr(prompts, "run_modal", cancel)
    assert ask_for_key(encrypted, "en") is None
    assert passphrase_dialog.encryption.remembered_passphrase(encrypted) is None
