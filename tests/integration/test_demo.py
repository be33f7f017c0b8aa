"""The sample community: realistic, repeatable, all-or-nothing, and usable from the command line."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from advocate_app.app import main, open_services
from advocate_app.domain.member_views import MemberInput, MemberQuery
from advocate_app.domain.members import Member
from advocate_app.domain.people import Role, member_search_text, member_sort_key
from advocate_app.paths import AppPaths
from advocate_app.services import demo
from advocate_app.services.demo import DemoCancelled, generate_demo

EVERYONE = MemberQuery(include_archived=True)


def _everyone(services):
    return services.members.list(EVERYONE, 0, services.members.count(EVERYONE) + 1)


def _scripts(names) -> set[str]:
    """The first word of the Unicode name of every letter: LATIN, GREEK, CJK, HANGUL..."""
    return {unicodedata.name(ch, "?").split(" ")[0] for name in names for ch in name
            if ch.isalpha()}


def _plain(text: str) -> str:
    """The text as someone would type it without accents: "Müller" -> "Muller"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(str.maketrans("øØłŁ", "oOlL")))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _community(folder, seed, members=150):
    paths = AppPaths(folder)
    paths.ensure()
    services = open_services(paths.default_database_url(), paths)
    try:
        generate_demo(services.uow, services.actor, members=members, seed=seed)
        return [(row.display_name, row.email) for row in _everyone(services)]
    finally:
        services.close()


def test_the_count_is_right_and_every_role_is_there(services):
    summary = generate_demo(services.uow, services.actor, members=120, seed=1)
    assert summary.members == 120
    assert services.members.count(EVERYONE) == 120
    people = _everyone(services)
    assert {role for row in people for role in row.roles} == set(Role)
    assert any(len(row.roles) == 2 for row in people)
    counts = services.members.role_counts()
    assert counts[Role.PATIENT] == max(counts.values())


def test_names_come_in_many_scripts(services):
    generate_demo(services.uow, services.actor, members=120, seed=1)
    scripts = _scripts(row.display_name for row in _everyone(services))
    assert {"LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW", "CJK", "DEVANAGARI", "TAMIL",
            "HANGUL"} <= scripts


def test_a_few_hundred_people_look_like_a_real_membership(services):
    generate_demo(services.uow, services.actor, members=300, seed=5)
    people = _everyone(services)
    languages = {row.preferred_language for row in people}
    assert {"en", "fr", "es", "de", "pl", "el", "ru", "uk", "ar", "he", "fa", "tr", "hi", "ta",
            "zh", "ja", "ko", "vi", "yo", "sw", "nb", "da", "sv"} <= languages
    english = sum(row.preferred_language == "en" for row in people)
    assert 0.3 < english / len(people) < 0.6
    assert any(not row.email for row in people) and any(not row.phone for row in people)
    emails = [row.email for row in people if row.email]
    assert len(set(emails)) == len(emails)
    assert all(e.isascii() and e.split("@")[1].split(".")[-2:][0] == "example"
               or e.endswith(".example") for e in emails)
    assert all(row.phone.startswith("+") for row in people if row.phone)
    assert all(len(row.country) == 2 and row.country.isupper() for row in people)
    tags = set(services.members.all_tags())
    assert {"large print", "newsletter"} <= tags
    access = services.members.count(MemberQuery(include_archived=True, tag="large print"))
    assert 0 < access < 60


def test_folded_columns_are_computed_as_the_domain_does(services):
    generate_demo(services.uow, services.actor, members=60, seed=2)
    with services.uow() as work:
        for member in work.session.scalars(select(Member)):
            assert member.sort_name == member_sort_key(
                member.given_name, member.family_name, member.preferred_name)
            assert member.search_text == member_search_text(
                member.given_name, member.family_name, member.preferred_name, member.email,
                member.phone, [t.tag for t in member.tags])
            assert member.created_by == member.updated_by == services.actor.account_id
            assert member.version == 1 and member.created_at <= member.updated_at


def test_the_same_seed_gives_the_same_people(tmp_path):
    first = _community(tmp_path / "a", seed=7)
    assert _community(tmp_path / "b", seed=7) == first
    assert _community(tmp_path / "c", seed=8) != first


def test_a_second_run_adds_people_alongside_the_first(services):
    generate_demo(services.uow, services.actor, members=50, seed=1)
    generate_demo(services.uow, services.actor, members=30, seed=1)
    assert services.members.count(EVERYONE) == 80
    added = services.members.create(MemberInput(given_name="New", family_name="Person"))
    assert added.id == 81


def test_cancelling_leaves_no_new_members(services, monkeypatch):
    generate_demo(services.uow, services.actor, members=10, seed=1)
    monkeypatch.setattr(demo, "BATCH", 40)
    batches = []
    with pytest.raises(DemoCancelled):
        generate_demo(services.uow, services.actor, members=200, seed=2,
                      progress=lambda done, total: batches.append((done, total)),
                      should_cancel=lambda: len(batches) >= 2)
    assert batches == [(40, 200), (80, 200)]
    assert services.members.count(EVERYONE) == 10
    # Search still sees members added afterwards: nothing of the bulk insert was left behind.
    services.members.create(MemberInput(given_name="Oksana", family_name="Quill"))
    assert [row.display_name for row in services.members.search("quill")] == ["Oksana Quill"]


def test_sample_people_can_be_found_without_their_accents(services):
    generate_demo(services.uow, services.actor, members=300, seed=3)
    accented = [row for row in _everyone(services) if not row.archived
                and row.display_name != _plain(row.display_name)
                and _plain(row.display_name).isascii()]
    assert len(accented) >= 10
    for row in accented[:10]:
        typed = _plain(row.display_name).lower()
        assert row.id in {r.id for r in services.members.search(typed)}, typed


def test_demo_from_the_command_line(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "demo", "--members", "50"]) == 0
    assert "Created 50 members" in capsys.readouterr().out
    paths = AppPaths(tmp_path)
    services = open_services(paths.default_database_url(), paths)
    try:
        assert services.members.count(EVERYONE) == 50
    finally:
        services.close()


@pytest.mark.postgresql
def test_demo_on_postgresql_then_adding_a_member(postgres_url, app_paths):
    services = open_services(postgres_url, app_paths)
    try:
        generate_demo(services.uow, services.actor, members=40, seed=2)
        generate_demo(services.uow, services.actor, members=20, seed=2)
        assert services.members.count(EVERYONE) == 60
        added = services.members.create(MemberInput(given_name="New", family_name="Person"))
        assert added.id == 61
        accented = next(r for r in _everyone(services)
                        if r.display_name != _plain(r.display_name) and not r.archived
                        and _plain(r.display_name).isascii())
        found = services.members.search(_plain(accented.display_name).lower())
        assert accented.id in {r.id for r in found}
    finally:
        services.close()


def test_the_sample_community_has_conditions_relationships_and_history(services):
    from advocate_app.domain.community import RelationshipKind
    from advocate_app.services.trial_readiness import TrialReadinessService

    generate_demo(services.uow, services.actor, members=300, seed=3)
    people = _everyone(services)
    patients = [row for row in people if Role.PATIENT in row.roles]
    details = [services.members.get(row.id) for row in patients[:40]]
    assert sum(bool(d.conditions) for d in details) == len(details)
    codes = {c.orpha_code for d in details for c in d.conditions}
    assert "558" in codes and all(code.isdigit() for code in codes)
    kinds = {r.kind for row in people for r in services.timeline.relationships(row.id)}
    assert kinds == set(RelationshipKind)
    with_history = [row for row in people if services.timeline.timeline(row.id)]
    assert len(with_history) > len(people) // 2
    report = TrialReadinessService(services).sponsor_report()
    assert any(condition.startswith("ORPHA:558 Marfan syndrome")
               for condition, _counts, _total in report.rows)


def test_sample_board_members_have_their_meetings_on_their_timeline(services):
    from advocate_app.domain.community import EngagementKind

    generate_demo(services.uow, services.actor, members=120, seed=1)
    board = services.boards.list_boards()[0]
    chair = next(m for m in board.members if m.role.value == "chair")
    said = [e.summary for e in services.timeline.timeline(chair.member_id)
            if e.kind is EngagementKind.MEETING]
    assert any(text.startswith("Present at “Autumn meeting”") for text in said)
    assert any(text.startswith("Invited to “Next quarterly meeting”") for text in said)


def test_the_sample_has_webinars_with_attendance_follow_up_and_feedback(services, tmp_path):
    summary = generate_demo(services.uow, services.actor, members=200, seed=4)
    assert (summary.webinars, summary.registrations, summary.feedback) == (4, 44, 9)
    reader = services.database.reader
    webinars = reader.rows("SELECT id, status, capacity FROM webinars ORDER BY starts_at")
    assert [(status, capacity) for _id, status, capacity in webinars] == [
        ("held", 40), ("held", 10), ("open", 60), ("full", 6)]
    counts = dict(((w, s, a), n) for w, s, a, n in reader.rows(
        "SELECT webinar_id, status, attendance, count(*) FROM webinar_registrations "
        "GROUP BY webinar_id, status, attendance"))
    first, second, upcoming, full = (row[0] for row in webinars)
    assert counts[(first, "registered", "attended")] == 8
    assert counts[(first, "registered", "no_show")] == 4
    assert counts[(first, "walk_in", "attended")] == 1
    assert counts[(first, "cancelled", "")] == 1
    assert counts[(second, "waitlisted", "")] == 2
    assert counts[(full, "registered", "")] == 6 and counts[(full, "waitlisted", "")] == 3
    assert reader.rows("SELECT count(*) FROM webinar_registrations WHERE needs <> '' "
                       "AND webinar_id = :w", {"w": upcoming})[0][0] >= 3
    # The first webinar's follow-up was sent to everyone it could reach; the second's not yet.
    followup = services.webinar_followup
    plan = followup.plan(first)
    assert plan.attendees == () and plan.no_shows == () and plan.already_sent
    assert [due.webinar_id for due in followup.due()] == [second]
    assert reader.rows("SELECT count(*) FROM webinar_review_items "
                       "WHERE resolved_at IS NULL")[0][0] == 1
    assert dict(reader.rows("SELECT event_kind, count(*) FROM feedback_responses "
                            "GROUP BY event_kind")) == {"webinar": 3, "meeting": 3,
                                                       "story_session": 3}
    givers = [row[0] for row in reader.rows(
        "SELECT member_id FROM feedback_responses WHERE member_id IS NOT NULL")]
    assert givers and all(any(e.summary.startswith("Gave feedback on ")
                              for e in services.timeline.timeline(m)) for m in givers)
    # Sending the second webinar's follow-up now reaches everyone the plan named.
    wanted = followup.plan(second)
    result = followup.send(second, folder=tmp_path / "post")
    assert set(result.attendees) == set(wanted.attendees)
    assert set(result.no_shows) == set(wanted.no_shows)


def test_the_sample_stories_have_a_mix_of_consents(services):
    from advocate_app.domain.story_rules import StoryChannel, StoryConsentState

    summary = generate_demo(services.uow, services.actor, members=200, seed=4)
    assert (summary.story_sessions, summary.stories) == (2, 5)
    stories = {story.title: story for story in services.stories.list()}
    state = {title: {c.channel: c.state for c in story.consents}
             for title, story in stories.items()}
    granted = StoryConsentState.GRANTED
    assert state["Three trains to the clinic"][StoryChannel.WEBSITE] is \
        StoryConsentState.EXPIRED
    assert state["Caring for two"][StoryChannel.LEAFLET] is StoryConsentState.WITHDRAWN
    newsletter_only = [title for title, channels in state.items()
                       if [c for c, s in channels.items() if s is granted]
                       == [StoryChannel.NEWSLETTER]]
    assert "My brace is purple" in newsletter_only
    child = stories["My brace is purple"]
    assert child.teller_is_child
    assert all(entry.guardian_name for entry in services.stories.consent_history(child.id))
    assert any(story.anonymous for story in stories.values())
    assert all(story.quotes for story in stories.values())
    assert [use.item_title for use in services.stories.uses(stories["Caring for two"].id)]
