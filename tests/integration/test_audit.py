"""The audit log: one line per privacy-relevant action, append-only, and free of names and
health data; readable and exportable by administrators only."""

from __future__ import annotations

import json

import pytest

from advocate_app.domain.access import AccountRole
from advocate_app.domain.audit_views import AuditAction, AuditQuery, AuditSubject
from advocate_app.domain.people import Actor
from advocate_app.services.audit import record
from advocate_app.services.container import Services
from advocate_app.services.errors import AccessDeniedError, ValidationError

VOLUNTEER = Actor(7, "Volunteer account", role=AccountRole.VOLUNTEER)


def _as(services: Services, actor: Actor) -> Services:
    return Services.build(services.database, actor, services.paths)


def _record(services, action=AuditAction.EXPORTED, kind=AuditSubject.MEMBERS, **kw):
    with services.uow() as uow:
        record(uow.session, services.actor, action, kind, **kw)
        uow.commit()


def test_a_recorded_action_is_listed_newest_first_with_who_and_how_many(any_services):
    _record(any_services, AuditAction.IMPORTED, count=12, detail="csv")
    _record(any_services, AuditAction.VIEWED_SENSITIVE, AuditSubject.MEMBER, subject_id=3)
    entries = any_services.audit.list()
    assert [e.action for e in entries] == [AuditAction.VIEWED_SENSITIVE, AuditAction.IMPORTED]
    imported = entries[1]
    assert (imported.account_id, imported.subject_kind, imported.count, imported.detail) == (
        any_services.actor.account_id, AuditSubject.MEMBERS, 12, "csv")
    assert imported.account_name == any_services.actor.display_name
    assert any_services.audit.count(AuditQuery(action=AuditAction.IMPORTED)) == 1
    assert [e.subject_id for e in any_services.audit.list(
        AuditQuery(action=AuditAction.VIEWED_SENSITIVE))] == [3]


def test_the_log_is_listed_since_a_moment(services):
    from datetime import UTC, datetime, timedelta

    _record(services)
    assert len(services.audit.list(AuditQuery(since=datetime.now(UTC) - timedelta(hours=1)))) == 1
    assert services.audit.list(AuditQuery(since=datetime.now(UTC) + timedelta(hours=1))) == []


def test_a_rolled_back_operation_leaves_no_line(services):
    with services.uow() as uow:
        record(uow.session, services.actor, AuditAction.ERASED, AuditSubject.MEMBER, 1)
        uow.rollback()
    assert services.audit.count() == 0


def test_the_audit_table_refuses_changes_and_deletion(any_services):
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    _record(any_services)
    for statement in ("UPDATE audit_events SET account_name = 'someone else'",
                      "DELETE FROM audit_events"):
        with pytest.raises(DatabaseError, match="append-only"):
            with any_services.database.engine.begin() as connection:
                connection.execute(text(statement))
    assert [e.account_name for e in any_services.audit.list()] == [
        any_services.actor.display_name]


def test_only_an_administrator_reads_or_exports_the_log(services, tmp_path):
    volunteer = _as(services, VOLUNTEER)
    for call in (volunteer.audit.list, volunteer.audit.count,
                 lambda: volunteer.audit.export(tmp_path / "a.csv", "csv")):
        with pytest.raises(AccessDeniedError, match="Only an administrator can read the audit"):
            call()
    assert not (tmp_path / "a.csv").exists()
    staff = _as(services, Actor(8, "Staff account", role=AccountRole.STAFF))
    with pytest.raises(AccessDeniedError):
        staff.audit.list()


def test_the_log_exports_as_csv_and_json_and_the_export_is_itself_recorded(services, tmp_path):
    _record(services, AuditAction.PRINTED, AuditSubject.OUTREACH_ITEM, subject_id=4, count=30,
            detail="=large")
    assert services.audit.export(tmp_path / "log.json", "json") == 1
    events = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))["events"]
    assert [(e["action"], e["subject_id"], e["count"]) for e in events] == [
        ("printed", 4, 30)]
    assert services.audit.export(tmp_path / "log.csv", "csv") == 2  # the JSON export too
    lines = (tmp_path / "log.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,at,account_id")
    assert "'=large" in lines[1]  # a spreadsheet never runs it as a formula
    assert services.audit.list()[0].action == AuditAction.EXPORTED
    with pytest.raises(ValidationError, match="CSV or JSON"):
        services.audit.export(tmp_path / "log.pdf", "pdf")
