"""Migrations, backups and the engine on real SQLite files."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect, text

from advocate_app.app import open_services
from advocate_app.domain.models import Base
from advocate_app.storage.engine import create_app_engine
from advocate_app.storage.member_search import not_search_index
from advocate_app.storage.migrate import (
    HEAD_REVISION,
    SchemaTooNewError,
    alembic_config,
    current_revision,
    ensure_schema,
    upgrade_to,
)


def test_head_revision_constant_matches_the_migrations():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrations_from_empty_match_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_app_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    result = ensure_schema(engine, sqlite_file=tmp_path / "fresh.sqlite3", backup_dir=tmp_path / "b")
    assert result.from_revision is None and result.to_revision == HEAD_REVISION
    assert result.backup_file is None  # nothing to protect in a new file
    with engine.connect() as connection:
        context = MigrationContext.configure(connection,
                                             opts={"include_name": not_search_index})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    engine = create_app_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def _old_database_with_members(path):
    """A file as the first released schema left it, with two members and a tag."""
    engine = create_app_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0001")
    with engine.begin() as connection:
        for member_id, given, family in ((1, "Zoë", "Núñez"), (2, "Kwame", "Mensah")):
            connection.execute(text(
                "INSERT INTO members (id, given_name, family_name, preferred_name, pronouns, "
                "email, phone, address, postcode, country, preferred_language, notes, "
                "created_at, updated_at, version) VALUES (:id, :g, :f, '', '', '', '', '', '', "
                "'GB', 'en', '', '2024-01-01 10:00:00', '2024-01-01 10:00:00', 1)"),
                {"id": member_id, "g": given, "f": family})
        connection.execute(text("INSERT INTO member_tags VALUES (2, 'Large print')"))
    engine.dispose()


def test_an_older_file_is_backed_up_then_upgraded_in_place(tmp_path):
    database = tmp_path / "old.sqlite3"
    _old_database_with_members(database)
    engine = create_app_engine(f"sqlite:///{database}")
    result = ensure_schema(engine, sqlite_file=database, backup_dir=tmp_path / "backups")

    assert result.from_revision == "0001" and result.upgraded
    assert result.backup_file is not None and result.backup_file.parent == tmp_path / "backups"
    assert "before-upgrade-0001" in result.backup_file.name
    backup = sqlite3.connect(result.backup_file)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT count(*) FROM members").fetchone() == (2,)
    backup.close()
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_upgraded_members_can_be_found_by_folded_name_and_tag(tmp_path, app_paths):
    _old_database_with_members(app_paths.database_file)
    services = open_services(app_paths.default_database_url(), app_paths)
    assert [r.display_name for r in services.members.search("nunez")] == ["Zoë Núñez"]
    assert [r.display_name for r in services.members.search("large")] == ["Kwame Mensah"]
    assert [r.display_name for r in services.members.list()] == ["Kwame Mensah", "Zoë Núñez"]
    assert list(app_paths.backup_dir.glob("*before-upgrade-0001*.sqlite3"))
    services.close()


def test_an_up_to_date_file_is_not_backed_up_again(tmp_path):
    database = tmp_path / "current.sqlite3"
    engine = create_app_engine(f"sqlite:///{database}")
    ensure_schema(engine, sqlite_file=database, backup_dir=tmp_path / "backups")
    result = ensure_schema(engine, sqlite_file=database, backup_dir=tmp_path / "backups")
    assert not result.upgraded and result.backup_file is None
    assert not (tmp_path / "backups").exists()


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    database = tmp_path / "future.sqlite3"
    engine = create_app_engine(f"sqlite:///{database}")
    ensure_schema(engine, sqlite_file=database, backup_dir=tmp_path / "backups")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNewError):
        ensure_schema(engine, sqlite_file=database, backup_dir=tmp_path / "backups")
    assert current_revision(engine) == "9999"
    assert "members" in inspect(engine).get_table_names()


@pytest.mark.postgresql
def test_postgresql_gets_a_trigram_search_index_and_matches_the_models(postgres_url, tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_app_engine(postgres_url)
    ensure_schema(engine)
    with engine.connect() as connection:
        indexes = {row[0] for row in connection.execute(text(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'members'"))}
        context = MigrationContext.configure(connection,
                                             opts={"include_name": not_search_index})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert "ix_members_search_trgm" in indexes
    assert diff == []


def test_upgrading_makes_printed_formats_and_format_needs_agree(tmp_path, app_paths):
    from advocate_app.domain.community import AccessNeed, PrintFormat
    from advocate_app.domain.member_views import MemberInput

    services = open_services(app_paths.default_database_url(), app_paths)
    ids = [services.members.create(MemberInput(given_name=name, family_name="Silva")).id
           for name in ("Needs", "Format", "Both", "Audio", "Plain")]
    services.close()
    # Records as earlier versions could leave them, the two fields disagreeing.
    engine = create_app_engine(app_paths.default_database_url())
    with engine.begin() as connection:
        from alembic import command

        from advocate_app.storage.migrate import alembic_config
        command.downgrade(alembic_config(connection), "0011")
        for member_id, print_format, needs in (
                (ids[0], "", ("large_print",)), (ids[1], "easy_read", ()),
                (ids[2], "standard", ("large_print", "easy_read")),
                (ids[3], "audio", ("large_print",)), (ids[4], "standard", ())):
            connection.execute(text("UPDATE members SET print_format = :f WHERE id = :id"),
                               {"f": print_format, "id": member_id})
            for need in needs:
                connection.execute(text("INSERT INTO member_access_needs VALUES (:id, :n)"),
                                   {"id": member_id, "n": need})
    engine.dispose()
    services = open_services(app_paths.default_database_url(), app_paths)
    try:
        found = [services.members.get(member_id) for member_id in ids]
        # What is stored now agrees (the raw columns, not only what the record shows).
        with services.uow() as uow:
            stored = dict(uow.session.execute(text(
                "SELECT id, print_format FROM members")).all())
            needs = uow.session.execute(text(
                "SELECT member_id, need FROM member_access_needs")).all()
    finally:
        services.close()
    assert [stored[i] for i in ids] == ["large_print", "easy_read", "easy_read", "audio",
                                        "standard"]
    assert sorted(needs) == sorted([(ids[0], "large_print"), (ids[1], "easy_read"),
                                    (ids[2], "large_print"), (ids[2], "easy_read"),
                                    (ids[3], "large_print")])
    assert found[0].print_format is PrintFormat.LARGE_PRINT
    assert found[1].access_needs == {AccessNeed.EASY_READ}
