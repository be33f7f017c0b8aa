"""Shared fixtures. Qt runs offscreen; every test gets its own data directory and database.

The schema is built once per session by the app's own start-up path (every Alembic migration,
exactly as a first run does) into a template; each test then gets a copy of that template (a
file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL) instead of running the
migrations again. The migration tests (tests/integration/test_storage.py and the upgrade tests)
open empty databases and still run every migration themselves.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ADVOCATE_DATA_DIR", None)
os.environ.pop("ADVOCATE_DATABASE_URL", None)

import shutil  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from advocate_app.domain.people import DEFAULT_ACTOR  # noqa: E402
from advocate_app.i18n import install_language  # noqa: E402
from advocate_app.paths import AppPaths  # noqa: E402


@pytest.fixture(autouse=True)
def english_ui():
    """Each test starts in English, whatever an earlier test installed."""
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def app_paths(tmp_path) -> AppPaths:
    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    return paths


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file brought to the newest schema by ``open_services``, once per session."""
    from advocate_app.app import open_services

    paths = AppPaths(tmp_path_factory.mktemp("schema-template"))
    paths.ensure()
    open_services(paths.default_database_url(), paths).close()
    database = paths.database_file
    # Closing the last connection folds the write-ahead log into the file; a copy of the file
    # alone is then the whole database.
    left = [p.name for p in database.parent.glob(database.name + "-*")]
    assert not left, f"the template database left {left} behind after closing"
    return database


def copy_sqlite_template(template: Path, paths: AppPaths) -> str:
    """Put a copy of the migrated template where ``paths`` keeps its database; its URL."""
    shutil.copyfile(template, paths.database_file)
    return paths.default_database_url()


@pytest.fixture
def services(app_paths, sqlite_template):
    """Services on a fresh SQLite file at the newest schema."""
    from advocate_app.app import open_services

    services = open_services(copy_sqlite_template(sqlite_template, app_paths), app_paths)
    yield services
    services.close()


@pytest.fixture
def actor():
    return DEFAULT_ACTOR


POSTGRES_URL = os.environ.get("ADVOCATE_TEST_POSTGRES_URL")


def _postgres_admin():
    if not POSTGRES_URL:
        pytest.skip("set ADVOCATE_TEST_POSTGRES_URL to run the PostgreSQL tests")
    from sqlalchemy import create_engine

    return create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")


def _postgres_database(template: str | None = None):
    """Create a database (a copy of ``template`` if given), yield its URL, drop it after."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = _postgres_admin()
    name = f"advocate_test_{uuid.uuid4().hex[:12]}"
    copy_of = f' TEMPLATE "{template}"' if template else ""
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{copy_of}'))
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database for one test (skipped without a server)."""
    yield from _postgres_database()


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory):
    """The name of a PostgreSQL database brought to the newest schema by ``open_services``,
    once per session; nothing stays connected to it, so it can be copied."""
    from sqlalchemy.engine import make_url

    from advocate_app.app import open_services

    for url in _postgres_database():
        paths = AppPaths(tmp_path_factory.mktemp("postgres-template"))
        paths.ensure()
        open_services(url, paths).close()
        yield make_url(url).database


@pytest.fixture
def migrated_postgres_url(postgres_template):
    """A fresh PostgreSQL database at the newest schema, copied from the session's template."""
    yield from _postgres_database(template=postgres_template)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def any_services(request, app_paths):
    """Services on SQLite and, when a server is available, on PostgreSQL."""
    from advocate_app.app import open_services

    if request.param == "sqlite":
        url = copy_sqlite_template(request.getfixturevalue("sqlite_template"), app_paths)
    else:
        url = request.getfixturevalue("migrated_postgres_url")
    services = open_services(url, app_paths)
    yield services
    services.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def two(request, app_paths):
    """Two clients of one database (SQLite, and PostgreSQL when a server is available), each
    with its own engine and connections."""
    from advocate_app.app import open_services

    if request.param == "sqlite":
        url = copy_sqlite_template(request.getfixturevalue("sqlite_template"), app_paths)
    else:
        url = request.getfixturevalue("migrated_postgres_url")
    first, second = open_services(url, app_paths), open_services(url, app_paths)
    yield first, second
    first.close()
    second.close()
