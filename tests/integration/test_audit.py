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


def test_the_log_is_listed_since_a_moment(any_services):
    from datetime import UTC, datetime, timedelta

    _record(any_services)
    hour = timedelta(hours=1)
    assert len(any_services.audit.list(AuditQuery(since=datetime.now(UTC) - hour))) == 1
    assert any_services.audit.list(AuditQuery(since=datetime.now(UTC) + hour)) == []
    assert any_services.audit.count(AuditQuery(since=datetime.now(UTC) + hour)) == 0


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


# --- each privacy-relevant action leaves one line ------------------------------------------

NAME, SURNAME = "Zephyrine", "Quillfeather"
HEALTH_NOTE = "hereditary angioedema flares monthly"


def _person(services, given=NAME, family=SURNAME, email="zq@example.org"):
    from advocate_app.domain.community import AccessNeed
    from advocate_app.domain.member_views import ConditionInput, MemberInput

    return services.members.create(MemberInput(
        given_name=given, family_name=family, email=email, address="3 Mill Lane\nYork",
        postcode="YO1 7HH", country="GB", notes=HEALTH_NOTE,
        access_needs=frozenset({AccessNeed.LARGE_PRINT}),
        conditions=(ConditionInput("Hereditary angioedema", "91378"),))).id


def _new_lines(services, before: int):
    return [(e.action, e.subject_kind, e.subject_id, e.count)
            for e in reversed(services.audit.list(AuditQuery(limit=10_000)))
            if e.id > before]


def _last_id(services) -> int:
    found = services.audit.list(AuditQuery(limit=1))
    return found[0].id if found else 0


def _grant(services, member_id, purpose):
    from datetime import date

    from advocate_app.domain.community import ConsentMethod, ConsentStatus
    from advocate_app.services.consent import ConsentEntry

    services.consent.record(member_id, ConsentEntry(
        purpose, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 3),
        evidence=f"Form signed by {NAME} {SURNAME}"))


def test_each_member_action_leaves_one_line(services, tmp_path):
    from advocate_app.domain.community import ConsentPurpose
    from advocate_app.domain.member_views import MemberInput
    from advocate_app.services.member_export import export_members
    from advocate_app.services.member_import import import_members

    A, S = AuditAction, AuditSubject
    start = _last_id(services)
    member_id = _person(services)
    assert _new_lines(services, start) == [(A.CHANGED, S.MEMBER, member_id, None)]

    steps = [
        (lambda: services.members.get(member_id), [(A.VIEWED_SENSITIVE, S.MEMBER, member_id,
                                                    None)]),
        (lambda: services.members.update(member_id, MemberInput(
            given_name=NAME, family_name=SURNAME, notes=HEALTH_NOTE + " (seen)"),
            services.members.get(member_id).version),
         [(A.VIEWED_SENSITIVE, S.MEMBER, member_id, None), (A.CHANGED, S.MEMBER, member_id,
                                                            None)]),
        (lambda: _grant(services, member_id, ConsentPurpose.NEWSLETTER),
         [(A.CONSENT_CHANGED, S.MEMBER, member_id, None)]),
        (lambda: services.members.add_tag([member_id], "Angioedema group"),
         [(A.CHANGED, S.MEMBERS, None, 1)]),
        (lambda: export_members(services, tmp_path / "all.csv", "csv"),
         [(A.EXPORTED, S.MEMBERS, None, 1)]),
        (lambda: services.privacy.write_everything_we_hold(member_id, tmp_path / "sar.html"),
         [(A.SUBJECT_ACCESS_REPORT, S.MEMBER, member_id, 1)]),
    ]
    for call, expected in steps:
        before = _last_id(services)
        call()
        assert _new_lines(services, before) == expected

    source = tmp_path / "people.csv"
    source.write_text("First name,Last name,Email\n" + "".join(
        f"Person{i},Example,p{i}@example.org\n" for i in range(30)), encoding="utf-8")
    before = _last_id(services)
    import_members(services.uow, services.actor, source)
    assert _new_lines(services, before) == [(A.IMPORTED, S.MEMBERS, None, 30)]  # one, counted

    twin = _person(services, email="zq@example.org")
    before = _last_id(services)
    services.duplicates.merge(member_id, twin)
    assert _new_lines(services, before) == [(A.MERGED, S.MEMBER, member_id, None)]

    before = _last_id(services)
    services.privacy.erase(member_id)
    assert _new_lines(services, before) == [(A.ERASED, S.MEMBER, member_id, None)]


def test_rendering_printing_and_print_packs_leave_one_line_each(services, tmp_path):
    from advocate_app.domain.community import ConsentPurpose
    from advocate_app.domain.print_profiles import ProfileKey
    from advocate_app.services.demo_outreach import sample_items

    A, S = AuditAction, AuditSubject
    leaflet = next(item for item in sample_items() if item.group == "welcome-leaflet"
                   and not item.easy_read and item.language == "en")
    item_id = services.outreach.save(leaflet)
    people = [_person(services, f"Reader{i}", "Example", f"r{i}@example.org")
              for i in range(3)]
    for member_id in people:
        _grant(services, member_id, ConsentPurpose.NEWSLETTER)
    steps = [
        (lambda: services.outreach.render_pdf(leaflet, ProfileKey.STANDARD,
                                              tmp_path / "l.pdf", item_id=item_id),
         [(A.RENDERED, S.OUTREACH_ITEM, item_id, 1)]),
        (lambda: services.outreach.render_html(leaflet, ProfileKey.LARGE,
                                               tmp_path / "l.html", item_id=item_id),
         [(A.RENDERED, S.OUTREACH_ITEM, item_id, 1)]),
        (lambda: services.outreach.record_printing(leaflet, ProfileKey.STANDARD,
                                                   item_id=item_id),
         [(A.PRINTED, S.OUTREACH_ITEM, item_id, 1)]),
        (lambda: services.outreach.print_pack(item_id, people, tmp_path / "pack"),
         [(A.PRINTED, S.OUTREACH_ITEM, item_id, 3)]),
    ]
    for call, expected in steps:
        before = _last_id(services)
        call()
        assert _new_lines(services, before) == expected


def test_exports_of_meetings_and_the_sponsor_report_leave_a_line(services, tmp_path):
    from datetime import datetime, timedelta

    from advocate_app.domain.board_views import BoardInput, MeetingInput
    from advocate_app.services.trial_readiness import write_report

    board_id = services.boards.create_board(BoardInput(name="Advisory board"))
    meeting_id = services.meetings.schedule_meeting(MeetingInput(
        board_id=board_id, title="Spring meeting",
        starts_local=datetime.now().replace(microsecond=0) + timedelta(days=7)))
    before = _last_id(services)
    services.board_documents.write_calendar(tmp_path / "m.ics", meeting_id)
    write_report(services, tmp_path / "sponsor.csv")
    assert _new_lines(services, before) == [
        (AuditAction.EXPORTED, AuditSubject.MEETING, meeting_id, 1),
        (AuditAction.EXPORTED, AuditSubject.REPORT, None, 0)]


def test_the_audit_log_holds_no_member_name_or_health_detail(services, tmp_path):
    """Everything above done to one person: no line of the log names them or their health."""
    from advocate_app.services.member_export import export_members

    member_id = _person(services)
    services.members.get(member_id)
    export_members(services, tmp_path / "x.json", "json", include_sensitive=True)
    services.privacy.write_everything_we_hold(member_id, tmp_path / "sar.html")
    twin = _person(services)
    services.duplicates.merge(member_id, twin)
    services.privacy.erase(member_id)
    rows = services.database.reader.rows("SELECT * FROM audit_events")
    assert len(rows) >= 6
    text = " ".join(str(cell) for row in rows for cell in row).casefold()
    for word in (NAME, SURNAME, "angioedema", "zq@example.org", "mill lane", "91378"):
        assert word.casefold() not in text


def test_audit_list_on_the_command_line(tmp_path, capsys):
    from advocate_app.app import main

    data = ["--data-dir", str(tmp_path / "data")]
    source = tmp_path / "people.csv"
    source.write_text("First name,Last name\nAda,Quill\nBen,Rowe\n", encoding="utf-8")
    assert main([*data, "import", "members", str(source)]) == 0
    capsys.readouterr()
    assert main([*data, "audit", "list", "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert [(e["action"], e["subject_kind"], e["count"]) for e in lines] == [
        ("imported", "members", 2)]
    assert lines[0]["account_name"] == "Local user"
    assert main([*data, "audit", "list", "--action", "erased"]) == 0
    assert capsys.readouterr().out.strip() == "The audit log holds nothing of that kind."
    assert main([*data, "audit", "list", "--since", "2999-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with pytest.raises(SystemExit):
        main([*data, "audit", "list", "--since", "yesterday"])
    assert "is not a date" in capsys.readouterr().err
    out = tmp_path / "audit.csv"
    assert main([*data, "audit", "export", "-o", str(out)]) == 0
    assert "imported" in out.read_text(encoding="utf-8-sig")


def test_audit_list_is_refused_to_a_volunteer_on_the_command_line(tmp_path, capsys,
                                                                   monkeypatch):
    from advocate_app.app import main

    data = ["--data-dir", str(tmp_path / "data")]
    monkeypatch.setenv("ADVOCATE_NEW_PASSWORD", "a long passphrase for tests 1")
    assert main([*data, "accounts", "add", "boss", "--role", "admin"]) == 0
    monkeypatch.setenv("ADVOCATE_PASSWORD", "a long passphrase for tests 1")
    assert main([*data, "--user", "boss", "accounts", "add", "vol", "--role",
                 "volunteer"]) == 0
    capsys.readouterr()
    assert main([*data, "--user", "vol", "audit", "list"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("Only an administrator can read the audit log.")
    assert len(err.splitlines()) == 1


def test_a_story_consent_granted_or_withdrawn_leaves_one_line(services):
    from advocate_app.domain.story_rules import StoryChannel
    from advocate_app.domain.story_views import ConsentGrantInput, StoryInput

    teller = _person(services)
    story_id = services.stories.create(StoryInput(
        title="Seven years", text="It took seven years to be told.", teller_id=teller))
    before = _last_id(services)
    services.stories.grant(story_id, frozenset({StoryChannel.LEAFLET}), ConsentGrantInput())
    services.stories.withdraw(story_id)
    assert [(e[0], e[1], e[2]) for e in _new_lines(services, before)] == [
        (AuditAction.CONSENT_CHANGED, AuditSubject.STORY, story_id)] * 2
    assert [e.detail for e in services.audit.list(AuditQuery(limit=2))] == [
        "withdrawn", "granted"]
