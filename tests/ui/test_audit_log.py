"""The Audit log dialog (File menu, administrators): pages, filters, export in the background,
and hidden from every other role."""

from __future__ import annotations

import json
import time

from advocate_app.app import AppContext
from advocate_app.domain.access import AccountRole
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.people import Actor
from advocate_app.services.audit import record
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.audit_log import PAGE, AuditLogDialog


def _lines(services, action, count, kind=AuditSubject.MEMBER):
    with services.uow() as uow:
        for number in range(count):
            record(uow.session, services.actor, action, kind, number + 1)
        uow.commit()


def _cells(table) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_log_shows_a_page_at_a_time_and_filters_by_action(qtbot, services):
    _lines(services, AuditAction.VIEWED_SENSITIVE, PAGE + 20)
    _lines(services, AuditAction.ERASED, 1, AuditSubject.MEMBER)
    dialog = AuditLogDialog(services)
    qtbot.addWidget(dialog)
    rows = _cells(dialog.table)
    assert len(rows) == PAGE
    assert rows[0][1:6] == ["Local user", "Erased", "Member", "1", ""]
    assert dialog.page_label.text() == f"Lines 1–{PAGE} of {PAGE + 21}"
    assert not dialog.previous_button.isEnabled() and dialog.next_button.isEnabled()
    dialog.next_button.click()
    assert len(_cells(dialog.table)) == 21
    assert dialog.page_label.text() == f"Lines {PAGE + 1}–{PAGE + 21} of {PAGE + 21}"
    assert dialog.previous_button.isEnabled() and not dialog.next_button.isEnabled()
    dialog.action.setCurrentIndex(dialog.action.findData(AuditAction.ERASED.value))
    assert [row[2] for row in _cells(dialog.table)] == ["Erased"]
    dialog.since_on.setChecked(True)
    dialog.since.setDate(dialog.since.date().addYears(5))
    assert _cells(dialog.table) == []
    assert dialog.page_label.text() == "Nothing of that kind in the audit log."


def test_export_writes_the_chosen_lines_in_the_background(qtbot, services, tmp_path,
                                                          monkeypatch):
    _lines(services, AuditAction.PRINTED, 3, AuditSubject.OUTREACH_ITEM)
    _lines(services, AuditAction.MERGED, 2)
    target = tmp_path / "audit.json"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    dialog = AuditLogDialog(services)
    qtbot.addWidget(dialog)
    dialog.action.setCurrentIndex(dialog.action.findData(AuditAction.PRINTED.value))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "Exported 3 lines" in dialog.status.text(), timeout=10_000)
    events = json.loads(target.read_text(encoding="utf-8"))["events"]
    assert [e["action"] for e in events] == ["printed"] * 3
    assert dialog.export_button.isEnabled()


def test_the_audit_log_is_in_the_file_menu_for_administrators_only(qtbot, main_window,
                                                                  context, monkeypatch):
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    assert main_window.audit_action.isVisible() and main_window.audit_action.isEnabled()
    opened = []
    monkeypatch.setattr(prompts, "run_modal", lambda dialog: opened.append(dialog) or False)
    main_window.audit_action.trigger()
    assert isinstance(opened[0], AuditLogDialog)
    opened[0].deleteLater()
    for role in (AccountRole.STAFF, AccountRole.SECRETARY, AccountRole.VOLUNTEER):
        services = context.services.as_actor(Actor(5, "Someone", role))
        window = MainWindow(AppContext(context.paths, context.database_url, "en", services,
                                       time.perf_counter()),
                            UiSettings(context.paths.settings_file))
        qtbot.addWidget(window)
        assert not window.audit_action.isVisible() and not window.audit_action.isEnabled()
