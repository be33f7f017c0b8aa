"""Roles are enforced in the services: a call made as a volunteer (or a board secretary) that
its role does not allow is refused with one sentence, whatever window or command made it.

The services are enumerated, so a public method added without a guard fails here: every one
must call ``require`` first, unless it is named in ``OPEN_TO_ALL`` with the reason.
"""

from __future__ import annotations

import inspect
from datetime import date
from functools import cached_property

import pytest

from advocate_app.domain import access
from advocate_app.domain.access import AccountRole, Permission
from advocate_app.domain.community import (
    AccessNeed,
    Barrier,
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    PrintFormat,
)
from advocate_app.domain.feedback_views import EventKind
from advocate_app.domain.member_views import ConditionInput, MemberInput, MemberQuery
from advocate_app.domain.people import Actor
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.container import Services
from advocate_app.services.errors import AccessDeniedError

VOLUNTEER = Actor(41, "Volunteer account", role=AccountRole.VOLUNTEER)
SECRETARY = Actor(42, "Secretary account", role=AccountRole.SECRETARY)
STAFF = Actor(43, "Staff account", role=AccountRole.STAFF)


@pytest.fixture(autouse=True)
def accounts(services):
    """The accounts the actors below act as (what they save names them)."""
    from advocate_app.domain.accounts import Account

    with services.uow() as uow:
        for actor in (VOLUNTEER, SECRETARY, STAFF):
            uow.session.add(Account(id=actor.account_id, username=f"user{actor.account_id}",
                                    display_name=actor.display_name, role=actor.role.value))
        uow.commit()

#: Public service methods any signed-in account may call, and why.
OPEN_TO_ALL = {
    # The dashboard: titles, dates and counts; what comes from other services is left empty
    # for a role that may not see it (those services check).
    "DashboardService.events", "DashboardService.next_webinars",
    "DashboardService.review_count",
    # Signing in happens before anyone is known; anyone makes the first account (an
    # administrator), later ones need MANAGE_ACCOUNTS (checked inside); the acting account's
    # own member.
    "AccountService.needs_sign_in", "AccountService.authenticate", "AccountService.add",
    "AccountService.signed_in_member",
    # Automatic backups are the app's own care, whoever is signed in (file names and dates).
    "BackupService.schedule", "BackupService.due", "BackupService.automatic",
    "BackupService.rotate", "BackupService.list",
}

#: What a volunteer may do: see the names, addresses, languages and formats printing needs,
#: and print (the outreach items and print packs).
VOLUNTEER_MAY = {
    "MemberService.get", "MemberService.names", "MemberService.count", "MemberService.list",
    "MemberService.search", "MemberService.all_tags", "MemberService.regions",
    "MemberService.role_counts", "SegmentService.list", "SegmentService.get",
    "BoardService.member_languages",
    "OutreachService.list", "OutreachService.get", "OutreachService.versions",
    "OutreachService.version", "OutreachService.preflight", "OutreachService.preview_pdf",
    "OutreachService.story_block",
    "OutreachService.render_pdf", "OutreachService.render_html",
    "OutreachService.record_printing", "OutreachService.renderings",
    "OutreachService.print_pack", "OutreachService.load_file",
    # A volunteer printing packs sees which translations are stale and what changed.
    "OutreachTranslationService.translation_set", "OutreachTranslationService.changes",
    "OutreachTranslationService.file_name", "OutreachTranslationService.source_item",
}


def _as(services: Services, actor: Actor) -> Services:
    return Services.build(services.database, actor, services.paths)


def _service_objects(services: Services) -> dict[str, object]:
    """Every service the container offers, by its property name."""
    found = {}
    names = [*Services.__dataclass_fields__, *(
        name for name, attribute in vars(Services).items()
        if isinstance(attribute, cached_property))]
    for name in names:
        value = getattr(services, name)
        if type(value).__name__.endswith("Service"):
            found[name] = value
    return found


def _public_methods(service: object):
    for name, attribute in inspect.getmembers(type(service)):
        if name.startswith("_") or not inspect.isfunction(attribute):
            continue
        if isinstance(inspect.getattr_static(type(service), name), staticmethod | classmethod):
            continue  # no ``self``: it cannot reach the database
        yield f"{type(service).__name__}.{name}", getattr(service, name)


def _call_with_nothing(method):
    """Call ``method`` with None for every required argument: the guard comes first, so
    nothing else is reached."""
    arguments, keywords = [], {}
    for parameter in inspect.signature(method).parameters.values():
        if parameter.default is not inspect.Parameter.empty or parameter.kind in (
                parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.kind is parameter.KEYWORD_ONLY:
            keywords[parameter.name] = None
        else:
            arguments.append(None)
    return method(*arguments, **keywords)


def _refusal(method) -> str | None:
    """The sentence the call was refused with; None when it was not refused."""
    try:
        _call_with_nothing(method)
    except AccessDeniedError as refused:
        return str(refused)
    except Exception:  # noqa: BLE001 - got past the guard (or had none) and failed on None
        return None
    return None


def test_every_service_method_checks_the_role_before_anything_else(services, monkeypatch):
    """With a role allowed nothing, every public method but the few open to all is refused:
    a new method without its ``require`` fails here."""
    monkeypatch.setitem(access.ROLE_PERMISSIONS, AccountRole.VOLUNTEER, frozenset())
    nobody = _as(services, VOLUNTEER)
    checked, unguarded = 0, []
    for service in _service_objects(nobody).values():
        for name, method in _public_methods(service):
            if name in OPEN_TO_ALL:
                continue
            checked += 1
            if _refusal(method) is None:
                unguarded.append(name)
    assert unguarded == [], f"not refused for a role allowed nothing: {unguarded}"
    assert checked > 160  # the enumeration found the services


def test_a_volunteer_is_refused_every_sensitive_service_with_a_sentence(services):
    volunteer = _as(services, VOLUNTEER)
    refused = {}
    for service in _service_objects(volunteer).values():
        for name, method in _public_methods(service):
            if name in OPEN_TO_ALL or name in VOLUNTEER_MAY:
                continue
            refused[name] = _refusal(method)
    not_refused = sorted(name for name, sentence in refused.items() if sentence is None)
    assert not_refused == []
    for name, sentence in refused.items():
        assert sentence and sentence.endswith(".") and "\n" not in sentence, name
    # The health, notes, consent-evidence and story calls, by their sentences:
    assert refused["TimelineService.timeline"] == (
        "Your account cannot see health information, notes or a member's history.")
    assert refused["ConsentService.history"] == "Your account cannot see consent records."
    assert refused["StoryService.list"] == "Your account cannot see or change stories."
    assert refused["MemberService.update"] == "Your account cannot change members."
    assert refused["PrivacyService.erase"] == "Only an administrator can take privacy actions."
    assert refused["AuditService.list"] == "Only an administrator can read the audit log."


def test_the_module_level_use_cases_are_refused_to_a_volunteer(services, tmp_path):
    from advocate_app.services.demo import generate_demo
    from advocate_app.services.member_export import export_members
    from advocate_app.services.member_import import import_members
    from advocate_app.services.trial_readiness import TrialReadinessService, write_report

    volunteer = _as(services, VOLUNTEER)
    source = tmp_path / "people.csv"
    source.write_text("given_name,family_name\nAda,Quill\n", encoding="utf-8")
    calls = {
        "export": lambda: export_members(volunteer, tmp_path / "out.csv", "csv"),
        "import": lambda: import_members(volunteer.uow, volunteer.actor, source),
        "demo": lambda: generate_demo(volunteer.uow, volunteer.actor, members=5, seed=1),
        "trial readiness": lambda: write_report(volunteer, tmp_path / "report.csv"),
        "research contacts": lambda: TrialReadinessService(volunteer).research_contacts(),
    }
    for what, call in calls.items():
        with pytest.raises(AccessDeniedError, match=r"^Your account cannot .*\.$"):
            call()
            pytest.fail(f"{what} was not refused")
        assert not (tmp_path / "out.csv").exists() and not (tmp_path / "report.csv").exists()
    assert services.members.count(MemberQuery()) == 0, "nothing was imported"


def _member(services: Services) -> int:
    member = services.members.create(MemberInput(
        given_name="Ada", family_name="Quill", address="1 High Street\nLeeds",
        postcode="LS1 1AA", country="GB", preferred_language="fr",
        print_format=PrintFormat.LARGE_PRINT, access_needs=frozenset({AccessNeed.LARGE_PRINT}),
        notes="Prefers mornings after her infusion", barriers=frozenset({Barrier.TRAVEL}),
        conditions=(ConditionInput("Marfan syndrome", "558"),)))
    services.consent.record(member.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER,
        date(2025, 1, 3), evidence="Signed form in the blue folder"))
    return member.id


def test_a_volunteer_lists_members_with_what_printing_needs_and_nothing_of_health(services):
    member_id = _member(services)
    volunteer = _as(services, VOLUNTEER)
    [row] = volunteer.members.list(MemberQuery(text="quill"))
    assert (row.id, row.display_name, row.preferred_language) == (member_id, "Ada Quill", "fr")
    seen = volunteer.members.get(member_id)
    assert (seen.address, seen.postcode, seen.preferred_language, seen.print_format) == (
        "1 High Street\nLeeds", "LS1 1AA", "fr", PrintFormat.LARGE_PRINT)
    assert seen.access_needs == frozenset({AccessNeed.LARGE_PRINT})
    assert (seen.notes, seen.conditions, seen.barriers) == ("", (), frozenset())
    assert volunteer.members.names([member_id]) == {member_id: "Ada Quill"}
    # The administrator opening the same record sees everything.
    assert services.members.get(member_id).notes == "Prefers mornings after her infusion"


def test_a_volunteer_runs_a_print_pack(services, tmp_path):
    from advocate_app.services.demo_outreach import sample_items

    member_id = _member(services)
    leaflet = next(item for item in sample_items()
                   if item.group == "welcome-leaflet" and not item.easy_read
                   and item.language == "en")
    item_id = services.outreach.save(leaflet)
    volunteer = _as(services, VOLUNTEER)
    assert [i.id for i in volunteer.outreach.list()] == [item_id]
    result = volunteer.outreach.print_pack(item_id, [member_id], tmp_path / "pack")
    assert result.copies == 1 and result.left_out == []
    assert all(f.path.exists() for f in result.files)
    with pytest.raises(AccessDeniedError, match="cannot change outreach items"):
        volunteer.outreach.save(leaflet, item_id)


def test_a_secretary_runs_meetings_but_sees_no_health_details_and_staff_no_audit(services):
    from advocate_app.domain.board_views import BoardInput

    member_id = _member(services)
    secretary = _as(services, SECRETARY)
    board_id = secretary.boards.create_board(BoardInput(name="Patient council"))
    assert [b.id for b in secretary.boards.list_boards()] == [board_id]
    assert secretary.meetings.list_meetings() == []
    assert secretary.members.get(member_id).notes == ""
    for call in (lambda: secretary.members.create(MemberInput(given_name="X")),
                 lambda: secretary.stories.list(), lambda: secretary.feedback.trend(EventKind.WEBINAR),
                 lambda: secretary.webinars.list(), lambda: secretary.timeline.timeline(1)):
        with pytest.raises(AccessDeniedError):
            call()
    volunteer = _as(services, VOLUNTEER)
    for call in (volunteer.boards.list_boards, volunteer.meetings.list_meetings,
                 volunteer.minutes.decisions, volunteer.actions.actions):
        with pytest.raises(AccessDeniedError, match="cannot run board meetings"):
            call()
    staff = _as(services, STAFF)
    assert staff.members.get(member_id).notes == "Prefers mornings after her infusion"
    for call in (staff.audit.list, lambda: staff.privacy.erase(member_id)):
        with pytest.raises(AccessDeniedError, match="Only an administrator"):
            call()


def test_every_role_that_may_change_members_sees_all_they_hold():
    """A record without its health details is never saved back over the whole one: each
    role that may change members (or merge them) may also see everything they hold."""
    for role, permissions in access.ROLE_PERMISSIONS.items():
        if Permission.EDIT_MEMBERS in permissions:
            assert {Permission.VIEW_SENSITIVE, Permission.VIEW_CONSENT} <= permissions, role


def test_the_dashboard_works_for_a_volunteer_without_what_they_may_not_see(services):
    volunteer = _as(services, VOLUNTEER)
    agenda = volunteer.dashboard.events()
    assert agenda.sessions == () and agenda.followups_due == ()
