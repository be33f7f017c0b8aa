"""Encryption at rest: a demo database encrypted in place by the real command, then no file in
the data folder holds a member's name or email; decrypted back it is the same, table by table;
a wrong passphrase is one sentence and leaves the file as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from advocate_app.app import main, open_services
from advocate_app.domain.access import AccountRole
from advocate_app.domain.member_views import MemberInput, MemberQuery
from advocate_app.domain.people import DEFAULT_ACTOR, Actor
from advocate_app.paths import AppPaths
from advocate_app.services.demo import generate_demo
from advocate_app.services.encryption import EncryptionService, PassphraseError
from advocate_app.services.errors import AccessDeniedError, ServiceError
from advocate_app.storage import cipher
from advocate_app.storage.backup import backup_sqlite
from advocate_app.storage.database import Database

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "staple of the office"
EVERYONE = MemberQuery(include_archived=True)


def run_app(data_dir: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env.update(QT_QPA_PLATFORM="offscreen", ADVOCATE_DATA_DIR=str(data_dir), **env_extra)
    return subprocess.run([sys.executable, "-m", "advocate_app", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)


def _demo_folder(folder: Path, members: int = 60) -> tuple[AppPaths, list[bytes]]:
    """A demo community, with a plain upgrade backup beside it; every name and email it holds
    (as the bytes a file would carry), long enough not to turn up by chance in random bytes."""
    paths = AppPaths(folder)
    paths.ensure()
    services = open_services(paths.default_database_url(), paths)
    try:
        generate_demo(services.uow, services.actor, members=members, seed=3)
        rows = services.members.list(EVERYONE, 0, members + 1)
    finally:
        services.close()
    backup_sqlite(paths.database_file, paths.backup_dir, "before-upgrade-0013")
    secrets = {text.encode("utf-8") for row in rows for text in (row.display_name, row.email)}
    return paths, sorted(s for s in secrets if len(s) >= 6)


def _found_in_files(folder: Path, secrets: list[bytes]) -> dict[str, list[bytes]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            hits = [s for s in secrets if s in data]
            if hits:
                found[str(path.relative_to(folder))] = hits[:3]
    return found


def _tables(database: Path, key=None) -> dict[str, list[tuple]]:
    connection = cipher.connect(database, key)
    try:
        names = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: sorted(map(repr, connection.execute(f'SELECT * FROM "{name}"')))
                for name in names}
    finally:
        connection.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypt_leaves_no_name_or_email_in_any_file_of_the_data_folder(tmp_path):
    paths, secrets = _demo_folder(tmp_path / "data")
    assert _found_in_files(paths.data_dir, secrets), "the scan must see names in plain files"

    result = run_app(paths.data_dir, "encrypt", ADVOCATE_NEW_PASSPHRASE=PASSPHRASE)

    assert result.returncode == 0, result.stderr
    assert "1 backup converted too." in result.stdout
    assert cipher.is_encrypted(paths.database_file)
    backups = list(paths.backup_dir.iterdir())
    assert len(backups) == 1 and cipher.is_encrypted(backups[0])
    assert _found_in_files(paths.data_dir, secrets) == {}
    # Open and written to: the write-ahead log and its index hold nothing readable either.
    services = open_services(paths.default_database_url(), paths, cipher.DatabaseKey(PASSPHRASE))
    try:
        services.members.create(MemberInput(given_name="Zebulon", family_name="Quartermaine",
                                            email="zebulon.quartermaine@example.org"))
        assert Path(str(paths.database_file) + "-wal").exists()
        assert _found_in_files(paths.data_dir, [*secrets, b"Quartermaine"]) == {}
        assert [r.display_name for r in services.members.search("Quartermaine")] == [
            "Zebulon Quartermaine"]
    finally:
        services.close()
    # The backup is the database as it was, under the same passphrase.
    assert _tables(backups[0], PASSPHRASE)["members"]


def test_decrypt_gives_back_the_same_data_table_by_table(tmp_path):
    paths, _secrets = _demo_folder(tmp_path / "data", members=40)
    before = _tables(paths.database_file)
    backup = next(paths.backup_dir.iterdir())
    backup_before = _tables(backup)

    assert run_app(paths.data_dir, "encrypt", ADVOCATE_NEW_PASSPHRASE=PASSPHRASE).returncode == 0
    assert _tables(paths.database_file, PASSPHRASE) == before
    result = run_app(paths.data_dir, "decrypt", ADVOCATE_PASSPHRASE=PASSPHRASE)

    assert result.returncode == 0, result.stderr
    assert not cipher.is_encrypted(paths.database_file)
    assert _tables(paths.database_file) == before
    assert not cipher.is_encrypted(backup) and _tables(backup) == backup_before
    with sqlite3.connect(paths.database_file) as plain:  # any SQLite program reads it again
        assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_change_passphrase_then_the_old_one_is_refused(tmp_path):
    paths, _secrets = _demo_folder(tmp_path / "data", members=20)
    assert run_app(paths.data_dir, "encrypt", ADVOCATE_NEW_PASSPHRASE=PASSPHRASE).returncode == 0

    changed = run_app(paths.data_dir, "change-passphrase", ADVOCATE_PASSPHRASE=PASSPHRASE,
                      ADVOCATE_NEW_PASSPHRASE=NEW_PASSPHRASE)

    assert changed.returncode == 0, changed.stderr
    old = run_app(paths.data_dir, "meetings", "list", ADVOCATE_PASSPHRASE=PASSPHRASE)
    assert old.returncode == 1
    assert "passphrase does not open this database" in old.stderr
    new = run_app(paths.data_dir, "meetings", "list", ADVOCATE_PASSPHRASE=NEW_PASSPHRASE)
    assert new.returncode == 0, new.stderr
    backup = next(paths.backup_dir.iterdir())
    with pytest.raises(cipher.WrongPassphraseError):
        cipher.check_key(backup, PASSPHRASE)
    cipher.check_key(backup, NEW_PASSPHRASE)


@pytest.mark.parametrize("command", [("meetings", "list"), ("decrypt",), ("change-passphrase",),
                                     ("demo", "--members", "5")])
def test_a_wrong_passphrase_is_one_sentence_and_never_touches_the_file(tmp_path, command):
    paths, _secrets = _demo_folder(tmp_path / "data", members=10)
    assert run_app(paths.data_dir, "encrypt", ADVOCATE_NEW_PASSPHRASE=PASSPHRASE).returncode == 0
    before = _digest(paths.database_file)
    names = sorted(p.name for p in paths.data_dir.iterdir())

    result = run_app(paths.data_dir, *command, ADVOCATE_PASSPHRASE="not the passphrase",
                     ADVOCATE_NEW_PASSPHRASE=NEW_PASSPHRASE)

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "advocate-app: The passphrase does not open this database (or the file is not an "
        "Advocate database)."]
    assert "Traceback" not in result.stderr and "ERROR CORE" not in result.stderr
    assert _digest(paths.database_file) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == names


def test_without_a_passphrase_and_no_terminal_the_command_says_what_to_set(tmp_path):
    paths, _secrets = _demo_folder(tmp_path / "data", members=5)
    assert run_app(paths.data_dir, "encrypt", ADVOCATE_NEW_PASSPHRASE=PASSPHRASE).returncode == 0

    result = run_app(paths.data_dir, "meetings", "list")
    short = run_app(paths.data_dir, "change-passphrase", ADVOCATE_PASSPHRASE=PASSPHRASE,
                    ADVOCATE_NEW_PASSPHRASE="short")

    assert result.returncode == 1
    assert result.stderr.strip() == ("advocate-app: This database is encrypted: set "
                                     "ADVOCATE_PASSPHRASE to its passphrase.")
    assert short.returncode == 1
    assert short.stderr.strip() == ("advocate-app: The passphrase must be at least 8 "
                                    "characters long.")
    cipher.check_key(paths.database_file, PASSPHRASE)


def test_the_app_opens_an_encrypted_database_from_the_environment_and_search_works(
        tmp_path, monkeypatch, capsys):
    paths, _secrets = _demo_folder(tmp_path / "data", members=30)
    services = open_services(paths.default_database_url(), paths)
    someone = services.members.list(EVERYONE, 0, 1)[0]
    services.close()
    cipher.encrypt(paths.database_file, PASSPHRASE)
    monkeypatch.setenv("ADVOCATE_DATA_DIR", str(paths.data_dir))
    monkeypatch.setenv("ADVOCATE_PASSPHRASE", PASSPHRASE)

    assert main(["meetings", "list"]) == 0
    assert "Patient Advisory Board" in capsys.readouterr().out
    services = open_services(paths.default_database_url(), paths,
                             cipher.DatabaseKey(PASSPHRASE))
    try:
        found = services.members.search(someone.display_name.split()[-1])
        assert someone.id in {row.id for row in found}
        assert services.members.count(MemberQuery(text=someone.email)) == 1
    finally:
        services.close()


def test_a_new_database_with_a_passphrase_set_is_made_encrypted(tmp_path):
    data = tmp_path / "data"
    result = run_app(data, "demo", "--members", "15", ADVOCATE_PASSPHRASE=PASSPHRASE)

    assert result.returncode == 0, result.stderr
    assert cipher.is_encrypted(data / "advocate.sqlite3")
    assert len(_tables(data / "advocate.sqlite3", PASSPHRASE)["members"]) == 15


def test_the_upgrade_backup_of_an_encrypted_database_is_encrypted_too(tmp_path):
    from advocate_app.storage.engine import create_app_engine
    from advocate_app.storage.migrate import upgrade_to

    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    key = cipher.DatabaseKey(PASSPHRASE)
    engine = create_app_engine(paths.default_database_url(), key=key)
    upgrade_to(engine, "0013")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE probe (name TEXT)")
        connection.exec_driver_sql("INSERT INTO probe VALUES ('Philippa Underhill-Marsh')")
    engine.dispose()

    open_services(paths.default_database_url(), paths, cipher.DatabaseKey(PASSPHRASE)).close()

    (backup,) = paths.backup_dir.iterdir()
    assert cipher.is_encrypted(backup)
    assert b"Underhill-Marsh" not in backup.read_bytes()
    connection = cipher.connect(backup, PASSPHRASE)
    assert connection.execute("SELECT name FROM probe").fetchall() == [
        ("Philippa Underhill-Marsh",)]
    connection.close()


def test_converting_needs_the_backup_permission_and_a_sqlite_file(tmp_path):
    paths, _secrets = _demo_folder(tmp_path / "data", members=5)
    volunteer = Actor(2, "Volunteer", AccountRole.VOLUNTEER)
    database = Database(paths.default_database_url(), paths.database_file)
    before = _digest(paths.database_file)
    with pytest.raises(AccessDeniedError):
        EncryptionService(database, volunteer, paths.backup_dir).encrypt(PASSPHRASE)
    assert _digest(paths.database_file) == before
    office = Database("postgresql+psycopg://office@db.example/advocate")
    with pytest.raises(ServiceError, match="encrypted at rest by its server"):
        EncryptionService(office, DEFAULT_ACTOR, None).encrypt(PASSPHRASE)
    with pytest.raises(PassphraseError, match="at least 8 characters"):
        EncryptionService(database, DEFAULT_ACTOR, paths.backup_dir).encrypt("seven77")
    assert _digest(paths.database_file) == before


def test_encrypt_again_encrypts_a_backup_left_plain(tmp_path):
    paths, secrets = _demo_folder(tmp_path / "data", members=10)
    cipher.encrypt(paths.database_file, PASSPHRASE)  # as if encrypt stopped before the backups
    (backup,) = paths.backup_dir.iterdir()
    assert not cipher.is_encrypted(backup)

    result = run_app(paths.data_dir, "encrypt", ADVOCATE_PASSPHRASE=PASSPHRASE)

    assert result.returncode == 0, result.stderr
    assert "1 backup converted too." in result.stdout
    assert cipher.is_encrypted(backup)
    assert _found_in_files(paths.data_dir, secrets) == {}
    again = run_app(paths.data_dir, "encrypt", ADVOCATE_PASSPHRASE=PASSPHRASE)
    assert again.returncode == 1
    assert again.stderr.strip() == "advocate-app: This database is already encrypted."


def test_the_passphrase_is_derived_once_however_many_connections(tmp_path, monkeypatch):
    paths, _secrets = _demo_folder(tmp_path / "data", members=5)
    cipher.encrypt(paths.database_file, PASSPHRASE)
    derivations = []
    real = cipher.pbkdf2
    monkeypatch.setattr(cipher, "pbkdf2", lambda *a, **k: derivations.append(1) or real(*a, **k))
    key = cipher.DatabaseKey(PASSPHRASE)
    key.derive_ahead(paths.database_file)  # start-up derives it while the window loads
    services = open_services(paths.default_database_url(), paths, key)
    try:
        services.members.count(EVERYONE)  # the plain-SQL reader
        services.warm_up()  # the SQLAlchemy engine
        for _ in range(3):
            cipher.connect(paths.database_file, key).close()
    finally:
        services.close()
    assert derivations == [1]
    assert "correct" not in repr(key)


def test_encrypt_refuses_while_another_program_has_the_database_open(tmp_path):
    paths, _secrets = _demo_folder(tmp_path / "data", members=10)
    holder = subprocess.Popen(  # a window elsewhere: its reader keeps a connection open
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "print(c.execute('SELECT count(*) FROM members').fetchone()[0], flush=True); "
         "sys.stdin.read()", str(paths.database_file)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "10"
        before = _digest(paths.database_file)

        result = run_app(paths.data_dir, "encrypt", ADVOCATE_NEW_PASSPHRASE=PASSPHRASE)

        assert result.returncode == 1
        assert result.stderr.strip() == ("advocate-app: The database is open in another "
                                         "program; close Advocate there first, then try again.")
        assert not cipher.is_encrypted(paths.database_file)
        assert _digest(paths.database_file) == before
        assert not list(paths.data_dir.glob("*" + cipher.CONVERTING_SUFFIX + "*"))
    finally:
        holder.communicate("", timeout=30)
    assert run_app(paths.data_dir, "encrypt", ADVOCATE_NEW_PASSPHRASE=PASSPHRASE).returncode == 0


@pytest.mark.postgresql
def test_postgresql_is_refused_before_any_passphrase_is_asked(tmp_path, migrated_postgres_url):
    result = run_app(tmp_path / "data", "--database-url", migrated_postgres_url, "encrypt")

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "advocate-app: Only Advocate's own database file is encrypted here; a PostgreSQL "
        "database is encrypted at rest by its server.")


def test_a_database_already_open_is_never_opened_again_by_hand(tmp_path, monkeypatch):
    """Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
    too: once connections are open, new ones (the pool's, the reader's) and the checks of
    whether the file is encrypted must not read its first bytes again."""
    paths, _secrets = _demo_folder(tmp_path / "data", members=5)
    cipher.encrypt(paths.database_file, PASSPHRASE)
    services = open_services(paths.default_database_url(), paths, cipher.DatabaseKey(PASSPHRASE))
    try:
        services.members.count(EVERYONE)

        def opened_again(*args, **kwargs):
            raise AssertionError(f"the database file was opened by hand: {args}")

        monkeypatch.setattr(cipher, "open", opened_again, raising=False)
        services.warm_up()  # the engine's first pooled connection
        assert cipher.is_encrypted(paths.database_file)
        cipher.connect(paths.database_file, services.database.key).close()
        assert services.members.count(EVERYONE) == 5
    finally:
        services.close()


def test_at_a_terminal_the_passphrases_are_asked(tmp_path, monkeypatch, capsys):
    from advocate_app.cli import security

    paths, _secrets = _demo_folder(tmp_path / "data", members=5)
    monkeypatch.setenv("ADVOCATE_DATA_DIR", str(paths.data_dir))
    monkeypatch.setattr(security, "_interactive", lambda: True)
    answers: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: answers.pop(0))

    answers[:] = [PASSPHRASE, PASSPHRASE + "!"]
    assert main(["encrypt"]) == 1
    assert capsys.readouterr().err.strip() == (
        "advocate-app: The two passphrases are not the same; nothing was changed.")
    assert not cipher.is_encrypted(paths.database_file)

    answers[:] = [PASSPHRASE, PASSPHRASE]
    assert main(["encrypt"]) == 0
    assert cipher.is_encrypted(paths.database_file)

    answers[:] = ["not the passphrase"]  # asked at start-up, before the command runs
    assert main(["meetings", "list"]) == 1
    assert "passphrase does not open this database" in capsys.readouterr().err
    answers[:] = [PASSPHRASE]
    assert main(["meetings", "list"]) == 0


def test_the_window_asks_before_anything_opens_and_cancel_quits(tmp_path, monkeypatch):
    from advocate_app.ui import passphrase_dialog

    paths, _secrets = _demo_folder(tmp_path / "data", members=5)
    cipher.encrypt(paths.database_file, PASSPHRASE)
    monkeypatch.setenv("ADVOCATE_DATA_DIR", str(paths.data_dir))
    asked = []
    monkeypatch.setattr(passphrase_dialog, "ask_for_key",
                        lambda database_file, language: asked.append(database_file))

    assert main([]) == 0
    assert asked == [paths.database_file]


def test_a_file_made_again_at_the_same_place_is_read_again(tmp_path):
    """A new file may get the number of a removed one; its salt is read, not remembered."""
    database = tmp_path / "again.sqlite3"
    for round_ in range(5):
        database.unlink(missing_ok=True)
        with sqlite3.connect(database) as plain:
            plain.execute("CREATE TABLE t (x)")
            plain.execute("INSERT INTO t VALUES (?)", (round_,))
        plain.close()
        cipher.encrypt(database, PASSPHRASE)  # a new salt each time
        assert cipher.is_encrypted(database)
        connection = cipher.connect(database, cipher.shared_key(PASSPHRASE))
        assert connection.execute("SELECT x FROM t").fetchall() == [(round_,)]
        connection.close()


def test_the_services_go_on_working_after_converting_in_place(tmp_path):
    paths, _secrets = _demo_folder(tmp_path / "data", members=8)
    services = open_services(paths.default_database_url(), paths)
    try:
        services.warm_up()  # an engine and a reader already open on the plain file
        result = services.encryption.encrypt(PASSPHRASE)
        assert result.backups and cipher.is_encrypted(paths.database_file)
        services.members.create(MemberInput(given_name="Ottoline", family_name="Brackenbury"))
        assert services.members.count(EVERYONE) == 9
        services.encryption.change_passphrase(NEW_PASSPHRASE)
        assert [r.display_name for r in services.members.search("Brackenbury")] == [
            "Ottoline Brackenbury"]
        services.encryption.decrypt()
        assert services.members.count(EVERYONE) == 9
    finally:
        services.close()
    assert not cipher.is_encrypted(paths.database_file)
    assert not any(cipher.is_encrypted(p) for p in paths.backup_dir.iterdir())
