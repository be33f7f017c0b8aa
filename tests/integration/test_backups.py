"""Backups and restore: the same data comes back, table by table; a file that cannot be used
is refused before anything changes; automatic backups rotate; a backup taken while another
connection writes is one consistent moment."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from advocate_app.app import open_services
from advocate_app.domain.access import AccountRole
from advocate_app.domain.people import Actor
from advocate_app.paths import AppPaths
from advocate_app.services.backups import AUTOMATIC, BackupError, BackupSchedule
from advocate_app.services.demo import generate_demo
from advocate_app.services.errors import AccessDeniedError
from tests.conftest import copy_sqlite_template


def _tables():
    import advocate_app.domain.models  # noqa: F401
    from advocate_app.domain.base import Base

    return Base.metadata.sorted_tables


def dump(services) -> dict[str, list[dict]]:
    """Every row of every table, in primary-key order, as the app reads it."""
    tables = {}
    with services.database.engine.connect() as connection:
        for table in _tables():
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            tables[table.name] = [dict(row) for row in rows.mappings()]
    return tables


def _fresh_services(tmp_path, sqlite_template, name="fresh"):
    paths = AppPaths(tmp_path / name)
    paths.ensure()
    return open_services(copy_sqlite_template(sqlite_template, paths), paths)


def _without_restore_line(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    audit = tables.get("audit_events", [])
    return {**tables, "audit_events": [row for row in audit if row["action"] != "restore"]}


def test_a_backup_restored_into_a_fresh_data_folder_gives_identical_data(
        any_services, tmp_path, sqlite_template):
    generate_demo(any_services.uow, any_services.actor, members=25, seed=3)
    before = dump(any_services)
    assert len(before["members"]) == 25 and before["meetings"] and before["outreach_items"]
    written = any_services.backups.back_up(tmp_path / "office.sqlite3")
    assert written.path.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".office.sqlite3.partial-*"))

    fresh = _fresh_services(tmp_path, sqlite_template)
    try:
        result = fresh.backups.restore(written.path)
        restored = dump(fresh)
        assert result.kept_as is not None and result.kept_as.is_file()
        # what an open page reads afterwards is the restored data too
        assert fresh.database.reader.rows("SELECT count(*) FROM members")[0][0] == 25
    finally:
        fresh.close()
    restored = _without_restore_line(restored)
    assert restored.keys() == before.keys()
    for name, rows in before.items():
        assert restored[name] == rows, f"table {name} differs after the restore"
    assert any(row["action"] == "backup" for row in dump(any_services)["audit_events"])


def test_restoring_replaces_what_was_there(services, tmp_path):
    generate_demo(services.uow, services.actor, members=10, seed=1)
    backup = services.backups.back_up()
    generate_demo(services.uow, services.actor, members=7, seed=2)
    assert services.database.reader.rows("SELECT count(*) FROM members")[0][0] > 10
    result = services.backups.restore(backup.path)
    assert services.database.reader.rows("SELECT count(*) FROM members")[0][0] == 10
    kept = sqlite3.connect(result.kept_as)
    try:  # the data as it was before the restore is kept, whole
        assert kept.execute("SELECT count(*) FROM members").fetchone()[0] > 10
    finally:
        kept.close()
    # the audit log is append-only, a restore included: the line for the backup written
    # after it was taken is still there, followed by the restore
    actions = [row["action"] for row in dump(services)["audit_events"]]
    assert actions[-2:] == ["backup", "restore"]


def _state(services):
    return (services.database.reader.rows("SELECT count(*) FROM members")[0][0],
            sorted(p.name for p in services.backups.folder.iterdir()),
            services.database.sqlite_file.read_bytes())


def _damaged(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096 * 5):  # pages torn in the middle
        data[offset + 100: offset + 600] = b"\xa5" * 500
    path.write_bytes(bytes(data))


def _other_programs(path):
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.commit()
    connection.close()


def _newer(path):
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.commit()
    connection.close()


def _table_missing(path):
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE feedback_responses")
    connection.commit()
    connection.close()


def _foreign_trigger(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TRIGGER tidy AFTER INSERT ON members "
                       "BEGIN DELETE FROM consent_records; END")
    connection.commit()
    connection.close()


def _column_renamed(path):
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE segments RENAME COLUMN query TO question")
    connection.commit()
    connection.close()


def _cut_short(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(("spoil", "words"), [
    (_damaged, "damaged"), (_other_programs, "not an Advocate backup"),
    (_newer, "newer version"), (_table_missing, "feedback_responses"),
    (_foreign_trigger, "tidy, which Advocate does not make"),
    (_column_renamed, "segments is not as Advocate makes it"),
    (_cut_short, "damaged"), (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes(b"name,email\nA,a@example.org\n" * 50), "not a database"),
])
def test_restore_refuses_a_file_it_cannot_use_and_changes_nothing(services, tmp_path, spoil,
                                                                   words):
    generate_demo(services.uow, services.actor, members=12, seed=1)
    backup = services.backups.back_up(tmp_path / "spoiled.sqlite3")
    generate_demo(services.uow, services.actor, members=5, seed=9)
    spoil(backup.path)
    services.close()
    before = _state(services)
    with pytest.raises(BackupError) as refused:
        services.backups.restore(backup.path)
    message = str(refused.value)
    assert words in message and "spoiled.sqlite3" in message
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    services.close()
    assert _state(services) == before  # the same data, and no backup taken


def test_restore_refuses_the_database_itself(services):
    with pytest.raises(BackupError, match="the database itself"):
        services.backups.restore(services.database.sqlite_file)
    with pytest.raises(BackupError, match="over the database itself"):
        services.backups.back_up(services.database.sqlite_file)
    settings = services.paths.data_dir / "settings.ini"
    settings.write_text("[view]\ntext_scale=1.15\n", encoding="utf-8")
    with pytest.raises(BackupError, match="among Advocate's own files"):
        services.backups.back_up(settings)
    assert "text_scale" in settings.read_text(encoding="utf-8")
    assert services.backups.back_up(services.backups.folder / "mine.sqlite3").path.is_file()


def test_only_an_administrator_backs_up_or_restores(services, tmp_path):
    backup = services.backups.back_up()
    volunteer = services.as_actor(Actor(7, "Volunteer", AccountRole.VOLUNTEER))
    staff = services.as_actor(Actor(8, "Staff", AccountRole.STAFF))
    for other in (volunteer, staff):
        with pytest.raises(AccessDeniedError):
            other.backups.back_up(tmp_path / "mine.sqlite3")
        with pytest.raises(AccessDeniedError):
            other.backups.restore(backup.path)
    assert not (tmp_path / "mine.sqlite3").exists()


def test_automatic_backups_are_taken_when_due_and_the_newest_14_kept(services):
    import os

    backups = services.backups
    manual = backups.back_up()
    # what backups cut short left behind: removed once an hour old, not while being written
    old_leftover = backups.folder / ".advocate-x-auto.sqlite3.partial-0a1b"
    new_leftover = backups.folder / ".advocate-y-auto.sqlite3.partial-2c3d"
    for leftover in (old_leftover, new_leftover):
        leftover.write_bytes(b"SQLite format 3\0")
    os.utime(old_leftover, (time.time() - 7200, time.time() - 7200))
    now = datetime.now(UTC)
    assert backups.due(now)
    taken = []
    for day in range(17):
        written = backups.automatic(now + timedelta(days=day))
        assert written is not None
        taken.append(written.path)
        assert backups.automatic(now + timedelta(days=day, hours=3)) is None  # not yet due
    automatic = [b.path for b in backups.list() if b.kind == AUTOMATIC]
    assert sorted(automatic) == sorted(taken[-14:])
    assert manual.path.is_file()  # only automatic backups are rotated
    assert not old_leftover.exists() and new_leftover.exists()
    for path in automatic:
        assert path.stat().st_mode & 0o777 == 0o600


def test_the_schedule_is_configurable(services):
    backups = services.backups
    backups.set_schedule(BackupSchedule(every_days=3, keep=2))
    assert backups.schedule() == BackupSchedule(3, 2)
    assert (services.paths.data_dir / "backups.ini").stat().st_mode & 0o777 == 0o600
    now = datetime.now(UTC)
    assert backups.automatic(now) is not None
    assert backups.automatic(now + timedelta(days=2)) is None
    assert backups.automatic(now + timedelta(days=3)) is not None
    assert backups.automatic(now + timedelta(days=6)) is not None
    assert len([b for b in backups.list() if b.kind == AUTOMATIC]) == 2
    backups.set_schedule(BackupSchedule(every_days=0, keep=2))
    assert not backups.due(now + timedelta(days=100))
    (services.paths.data_dir / "backups.ini").write_text("[automatic]\nkeep = many\n[",
                                                         encoding="utf-8")
    assert backups.schedule() == BackupSchedule()  # an unreadable file: the defaults


def test_a_backup_taken_while_another_connection_writes_is_consistent(services, tmp_path):
    """Each of the writer's transactions adds three tags; a backup holds all three or none."""
    generate_demo(services.uow, services.actor, members=5, seed=1)
    member_id = services.database.reader.rows("SELECT min(id) FROM members")[0][0]
    stop = threading.Event()
    batches = []

    def write() -> None:
        connection = sqlite3.connect(services.database.sqlite_file, timeout=10,
                                     isolation_level=None)
        try:
            number = 0
            while not stop.is_set():
                connection.execute("BEGIN IMMEDIATE")
                for part in "abc":
                    connection.execute("INSERT INTO member_tags (member_id, tag) VALUES (?, ?)",
                                       (member_id, f"batch-{number}-{part}"))
                connection.execute("COMMIT")
                batches.append(number)
                number += 1
                time.sleep(0.001)  # a busy app, but one that lets others write too
        finally:
            connection.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [services.backups.back_up(tmp_path / f"during-{n}.sqlite3") for n in range(8)]
    finally:
        stop.set()
        writer.join()
    assert len(batches) > 20  # the writer really wrote throughout
    for copy in copies:
        services.backups.check(copy.path)
        connection = sqlite3.connect(copy.path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tags = [row[0] for row in connection.execute(
                "SELECT tag FROM member_tags WHERE tag LIKE 'batch-%'")]
        finally:
            connection.close()
        counts: dict[str, int] = {}
        for tag in tags:
            batch = tag.rsplit("-", 1)[0]
            counts[batch] = counts.get(batch, 0) + 1
        assert set(counts.values()) <= {3}, "a backup holds part of a transaction"
        numbers = sorted(int(batch.split("-")[1]) for batch in counts)
        assert numbers == list(range(len(numbers))), "a backup skipped a committed transaction"


@pytest.mark.postgresql
def test_restoring_into_postgresql_replaces_every_table_in_one_go(migrated_postgres_url,
                                                                 app_paths, caplog):
    from sqlalchemy import text

    from advocate_app.domain.member_views import MemberInput

    services = open_services(migrated_postgres_url, app_paths)
    try:
        generate_demo(services.uow, services.actor, members=15, seed=4)
        with services.database.engine.begin() as connection:  # an office's own table
            connection.execute(text("CREATE TABLE office_rota (day TEXT)"))
        before = dump(services)
        backup = services.backups.back_up()
        assert "office_rota is not Advocate's" in caplog.text
        generate_demo(services.uow, services.actor, members=6, seed=5)
        services.backups.restore(backup.path)
        after = _without_restore_line(dump(services))
        after["audit_events"] = [row for row in after["audit_events"]
                                 if row["action"] != "backup"]
        before["audit_events"] = [row for row in before["audit_events"]
                                  if row["action"] != "backup"]
        for name, rows in before.items():
            assert after[name] == rows, f"table {name} differs after the restore"
        # ids carry on after the highest restored
        created = services.members.create(MemberInput(given_name="Nia", family_name="Okafor"))
        assert created.id > max(row["id"] for row in before["members"])
    finally:
        services.close()


def test_the_backup_of_an_encrypted_database_is_encrypted_with_the_same_passphrase(
        app_paths, sqlite_template, tmp_path):
    from advocate_app.storage import cipher

    passphrase = "correct horse battery staple"
    url = copy_sqlite_template(sqlite_template, app_paths)
    plain = open_services(url, app_paths)
    generate_demo(plain.uow, plain.actor, members=12, seed=6)
    names = [row[0].encode() for row in plain.database.reader.rows(
        "SELECT family_name FROM members WHERE family_name != ''")]
    plain.close()
    cipher.encrypt(app_paths.database_file, passphrase)
    services = open_services(url, app_paths, cipher.DatabaseKey(passphrase))
    try:
        before = dump(services)
        written = services.backups.back_up(tmp_path / "sealed.sqlite3")
        automatic = services.backups.automatic()
        for path in (written.path, automatic.path):
            data = path.read_bytes()
            assert cipher.is_encrypted(path)
            assert not [name for name in names if name in data]
        generate_demo(services.uow, services.actor, members=3, seed=7)
        services.backups.restore(written.path)
        after = _without_restore_line(dump(services))
        for name, rows in before.items():
            if name != "audit_events":
                assert after[name] == rows, f"table {name} differs after the restore"
    finally:
        services.close()
    # Without the passphrase the backup is refused in one sentence, and nothing changes.
    other = _fresh_services(tmp_path, sqlite_template, "plain-office")
    try:
        with pytest.raises(BackupError, match="encrypted"):
            other.backups.restore(written.path)
        assert other.database.reader.rows("SELECT count(*) FROM members")[0][0] == 0
    finally:
        other.close()
    # With another passphrase, likewise.
    wrong = tmp_path / "wrong"
    wrong_paths = AppPaths(wrong)
    wrong_paths.ensure()
    wrong_url = copy_sqlite_template(sqlite_template, wrong_paths)
    cipher.encrypt(wrong_paths.database_file, "a different passphrase")
    third = open_services(wrong_url, wrong_paths, cipher.DatabaseKey("a different passphrase"))
    try:
        with pytest.raises(BackupError, match="another passphrase"):
            third.backups.restore(written.path)
    finally:
        third.close()


def test_the_command_line_backs_up_lists_and_restores(tmp_path, capsys):
    from advocate_app.app import main

    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "demo", "--members", "6"]) == 0
    copy = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", data, "backup", "-o", str(copy)]) == 0
    assert f"Backed up to {copy}." in capsys.readouterr().out
    assert main(["--data-dir", data, "backup"]) == 0
    assert main(["--data-dir", data, "backup", "--every-days", "3", "--keep", "5"]) == 0
    assert main(["--data-dir", data, "backup", "--list"]) == 0
    out = capsys.readouterr().out
    assert "manual" in out and "every 3 days, keeping the newest 5" in out
    assert main(["--data-dir", data, "demo", "--members", "4", "--seed", "2"]) == 0
    capsys.readouterr()
    # not at a terminal: nothing is restored without --yes
    assert main(["--data-dir", data, "restore", str(copy)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["--data-dir", data, "restore", str(copy), "--yes"]) == 0
    assert "Restored copy.sqlite3" in capsys.readouterr().out
    connection = sqlite3.connect(tmp_path / "data" / "advocate.sqlite3")
    try:
        assert connection.execute("SELECT count(*) FROM members").fetchone()[0] == 6
    finally:
        connection.close()
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a backup\n" * 100, encoding="utf-8")
    assert main(["--data-dir", data, "restore", str(notes), "--yes"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "notes.sqlite3" in err and "Traceback" not in err


def test_a_backup_from_an_older_version_is_restored_and_brought_up_to_date(
        services, tmp_path):
    from advocate_app.storage.engine import create_app_engine
    from advocate_app.storage.migrate import upgrade_to
    from advocate_app.storage.schema_version import HEAD_REVISION, sqlite_revision

    older = tmp_path / "last-year.sqlite3"
    engine = create_app_engine("sqlite:///" + older.as_posix())
    upgrade_to(engine, "0013")
    with engine.begin() as connection:  # one member, every required column filled
        columns = {"given_name": "Sample", "family_name": "Lastyear"}
        for _cid, name, kind, notnull, default, key in connection.exec_driver_sql(
                "PRAGMA table_info(members)"):
            if notnull and default is None and not key and name not in columns:
                columns[name] = 0 if "INT" in kind.upper() or "BOOL" in kind.upper() else (
                    "2025-01-01 00:00:00" if "DATE" in kind.upper() else "")
        connection.exec_driver_sql(
            f"INSERT INTO members ({', '.join(columns)}) VALUES "
            f"({', '.join('?' for _ in columns)})", tuple(columns.values()))
    engine.dispose()
    generate_demo(services.uow, services.actor, members=4, seed=1)
    assert services.backups.check(older) == "0013"
    result = services.backups.restore(older)
    assert result.revision == "0013"
    assert sqlite_revision(services.database.sqlite_file) == HEAD_REVISION
    names = services.database.reader.rows("SELECT family_name FROM members")
    assert names == [("Lastyear",)]


@pytest.mark.postgresql
def test_a_backup_of_postgresql_taken_while_another_client_writes_is_one_moment(
        migrated_postgres_url, app_paths, tmp_path):
    from sqlalchemy import create_engine, text

    services = open_services(migrated_postgres_url, app_paths)
    writer_engine = create_engine(migrated_postgres_url)
    stop = threading.Event()
    batches = []
    try:
        generate_demo(services.uow, services.actor, members=5, seed=1)
        member_id = services.database.reader.rows("SELECT min(id) FROM members")[0][0]

        def write() -> None:
            number = 0
            while not stop.is_set():
                with writer_engine.begin() as connection:  # two tables, one transaction
                    for part in "abc":
                        connection.execute(
                            text("INSERT INTO member_tags (member_id, tag) VALUES (:m, :t)"),
                            {"m": member_id, "t": f"batch-{number}-{part}"})
                    connection.execute(
                        text("INSERT INTO segments (name, query, created_at) "
                             "VALUES (:n, '{}', now())"), {"n": f"batch-{number}"})
                batches.append(number)
                number += 1

        writer = threading.Thread(target=write)
        writer.start()
        try:
            copies = [services.backups.back_up(tmp_path / f"office-{n}.sqlite3")
                      for n in range(3)]
        finally:
            stop.set()
            writer.join()
    finally:
        writer_engine.dispose()
        services.close()
    assert len(batches) > 5
    for copy in copies:
        connection = sqlite3.connect(copy.path)
        try:
            tags = [row[0] for row in connection.execute(
                "SELECT tag FROM member_tags WHERE tag LIKE 'batch-%'")]
            segments = {row[0] for row in connection.execute(
                "SELECT name FROM segments WHERE name LIKE 'batch-%'")}
        finally:
            connection.close()
        counts: dict[str, int] = {}
        for tag in tags:
            batch = tag.rsplit("-", 1)[0]
            counts[batch] = counts.get(batch, 0) + 1
        assert set(counts.values()) <= {3}, "a backup holds part of a transaction"
        assert set(counts) == segments, "the tables of a backup were read at different moments"
        numbers = sorted(int(batch.split("-")[1]) for batch in counts)
        assert numbers == list(range(len(numbers))), "a backup skipped a committed transaction"
