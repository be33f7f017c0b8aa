from __future__ import annotations

import time

import pytest

from advocate_app.app import AppContext


@pytest.fixture
def context(app_paths, services):
    return AppContext(app_paths, app_paths.default_database_url(), "en", services,
                      time.perf_counter())


@pytest.fixture
def main_window(qtbot, context):
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    window = MainWindow(context, UiSettings(context.paths.settings_file))
    qtbot.addWidget(window)
    window.restore_state()
    window.show()
    qtbot.waitExposed(window)
    window.show_section("dashboard")
    yield window
    window.set_text_scale(1.0)
