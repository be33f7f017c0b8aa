"""Back up now…, Restore from backup… and the automatic backup, in the window."""

from __future__ import annotations

import logging
import time

from advocate_app.app import AppContext
from advocate_app.domain.access import AccountRole
from advocate_app.domain.people import Actor
from advocate_app.services.demo import generate_demo
from advocate_app.ui import file_dialogs, prompts
from advocate_app.ui.backup_actions import AutomaticBackups


def _members(services) -> int:
    return services.database.reader.rows("SELECT count(*) FROM members")[0][0]


def test_back_up_now_then_restore_from_the_file_menu(qtbot, main_window, services, tmp_path,
                                                     monkeypatch):
    generate_demo(services.uow, services.actor, members=8, seed=1)
    target = tmp_path / "office-copy.sqlite3"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    assert main_window.backup_action.isVisible() or main_window.backup_action.isEnabled()
    main_window.backup_action.trigger()
    qtbot.waitUntil(lambda: not main_window.backup_task.is_running(), timeout=20_000)
    qtbot.waitUntil(lambda: "Backed up to" in main_window.statusBar().currentMessage())
    assert target.is_file() and target.stat().st_mode & 0o777 == 0o600

    generate_demo(services.uow, services.actor, members=4, seed=2)
    asked, told = [], []
    monkeypatch.setattr(file_dialogs, "open_file", lambda *args, **kwargs: str(target))
    monkeypatch.setattr(prompts, "confirm",
                        lambda _parent, _title, text, **kwargs: asked.append(text) or True)
    monkeypatch.setattr(prompts, "information",
                        lambda _parent, _title, text: told.append(text))
    main_window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "office-copy.sqlite3" in asked[0] and "kept as a backup" in asked[0]
    assert "is restored" in told[0] and "start it again" in told[0]
    assert _members(services) == 8
    assert not main_window.isVisible()  # closed: it opens again on the restored data


def test_a_file_that_cannot_be_restored_is_one_sentence_and_changes_nothing(
        qtbot, main_window, services, tmp_path, monkeypatch):
    generate_demo(services.uow, services.actor, members=5, seed=1)
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are not the members you are looking for\n" * 40, encoding="utf-8")
    errors = []
    monkeypatch.setattr(file_dialogs, "open_file", lambda *args, **kwargs: str(bad))
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(prompts, "error", lambda _parent, _title, text: errors.append(text))
    main_window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert "notes.sqlite3" in errors[0] and len(errors[0].splitlines()) == 1
    assert _members(services) == 5 and main_window.isVisible()
    assert not list(services.backups.folder.glob("*before-restore*"))


def test_the_backup_commands_are_hidden_from_those_who_may_not(qtbot, context):
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    volunteer = context.services.as_actor(Actor(5, "Volunteer", AccountRole.VOLUNTEER))
    window = MainWindow(AppContext(context.paths, context.database_url, "en", volunteer,
                                   time.perf_counter()), UiSettings(context.paths.settings_file))
    qtbot.addWidget(window)
    assert not window.backup_action.isVisible() and not window.backup_action.isEnabled()
    assert not window.restore_action.isVisible() and not window.restore_action.isEnabled()


def test_the_automatic_backup_runs_in_the_background_when_due(qtbot, main_window, services):
    automatic = AutomaticBackups(main_window, first_check_ms=0)
    qtbot.waitUntil(lambda: automatic.task is not None and not automatic.task.is_running(),
                    timeout=20_000)
    taken = [b for b in services.backups.list() if b.kind == "auto"]
    assert len(taken) == 1
    automatic.check_now()  # not due again for a day
    qtbot.waitUntil(lambda: not automatic.task.is_running(), timeout=20_000)
    assert [b for b in services.backups.list() if b.kind == "auto"] == taken


def test_an_unexpected_error_names_no_member_on_screen_or_in_the_log(
        qtbot, main_window, services, tmp_path, monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise RuntimeError("INSERT failed [parameters: ('Member Example', 'ex@example.org')]")

    caplog.set_level(logging.INFO, logger="advocate_app")
    monkeypatch.setattr(type(services.backups), "back_up", broken)
    monkeypatch.setattr(prompts, "save_file",
                        lambda *args, **kwargs: str(tmp_path / "copy.sqlite3"))
    errors = []
    monkeypatch.setattr(prompts, "error", lambda _parent, _title, text: errors.append(text))
    main_window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert "RuntimeError" in errors[0] and "Example" not in errors[0]
    assert "Example" not in caplog.text and "RuntimeError" in caplog.text
