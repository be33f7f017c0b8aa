"""Shared fixtures. Qt runs offscreen; every test gets its own data directory and database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ADVOCATE_DATA_DIR", None)
os.environ.pop("ADVOCATE_DATABASE_URL", None)

import pytest  # noqa: E402

from advocate_app.domain.accounts import DEFAULT_ACTOR  # noqa: E402
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
    services.uow.engine.dispose()


@pytest.fixture
def actor():
    return DEFAULT_ACTOR
