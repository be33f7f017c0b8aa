"""The database every test gets (a copy of a template migrated once per session) is the very
database a first start creates by running every migration: same tables, columns, indexes,
triggers and revision, on SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from advocate_app.app import open_services
from advocate_app.paths import AppPaths
from advocate_app.storage.engine import create_app_engine


def _sqlite_shape(database_file) -> dict:
    connection = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
    try:
        return {
            "objects": sorted(connection.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()),
            "revision": connection.execute("SELECT version_num FROM alembic_version").fetchall(),
            "journal": connection.execute("PRAGMA journal_mode").fetchone(),
        }
    finally:
        connection.close()


def _postgres_shape(url: str) -> dict:
    engine = create_app_engine(url)
    try:
        with engine.connect() as connection:
            def rows(sql):
                return sorted(tuple(row) for row in connection.execute(text(sql)))

            return {
                "columns": rows(
                    "SELECT table_name, column_name, data_type, is_nullable, column_default "
                    "FROM information_schema.columns WHERE table_schema = 'public'"),
                "indexes": rows("SELECT tablename, indexdef FROM pg_indexes "
                                "WHERE schemaname = 'public'"),
                "constraints": rows(
                    "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) "
                    "FROM pg_constraint WHERE connamespace = 'public'::regnamespace"),
                "extensions": rows("SELECT extname FROM pg_extension"),
                "revision": rows("SELECT version_num FROM alembic_version"),
            }
    finally:
        engine.dispose()


def test_a_test_database_is_what_a_first_start_creates(any_services, tmp_path, request):
    url = any_services.database.url
    first_start = AppPaths(tmp_path / "first-start")
    first_start.ensure()
    if url.startswith("sqlite"):
        open_services(first_start.default_database_url(), first_start).close()
        assert (_sqlite_shape(any_services.database.sqlite_file)
                == _sqlite_shape(first_start.database_file))
    else:
        empty = request.getfixturevalue("postgres_url")
        open_services(empty, first_start).close()
        assert _postgres_shape(url) == _postgres_shape(empty)
