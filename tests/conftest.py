"""Shared fixtures. Qt runs offscreen; every test gets its own data directory and database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ADVOCATE_DATA_DIR", None)
os.environ.pop("ADVOCATE_DATABASE_URL", None)

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


@pytest.fixture
def services(app_paths):
    """Services on a fresh, migrated SQLite file."""
    from advocate_app.app import open_services

    services = open_services(app_paths.default_database_url(), app_paths)
    yield services
    services.close()


@pytest.fixture
def actor():
    return DEFAULT_ACTOR


POSTGRES_URL = os.environ.get("ADVOCATE_TEST_POSTGRES_URL")


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database for one test (skipped without a server)."""
    if not POSTGRES_URL:
        pytest.skip("set ADVOCATE_TEST_POSTGRES_URL to run the PostgreSQL tests")
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"advocate_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def any_services(request, app_paths):
    """Services on SQLite and, when a server is available, on PostgreSQL."""
    from advocate_app.app import open_services

    if request.param == "sqlite":
        url = app_paths.default_database_url()
    else:
        url = request.getfixturevalue("postgres_url")
    services = open_services(url, app_paths)
    yield services
    services.close()
