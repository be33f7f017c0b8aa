"""What the dashboard reads of webinars and story-sharing: the next ones, report matches to
review and follow-ups not yet sent, read as plain rows (the first screen does not load the
database layer for them)."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.story_views import StorySessionInput
from advocate_app.domain.webinar_kinds import WebinarStatus
from advocate_app.domain.webinar_views import WebinarInput
from advocate_app.services.consent import ConsentEntry


@pytest.fixture
def services(any_services):
    return any_services


def _planned(services, title, days, status=WebinarStatus.OPEN, hours=0) -> int:
    starts = (datetime.now().replace(second=0, microsecond=0)
              + timedelta(days=days, hours=hours))
    made = services.webinars.create(WebinarInput(
        title, starts, 60, "Europe/London", status=status,
        join_link="https://zoom.us/j/81234567890"))
    return made.id


def _held_with_attendee(services, title="Sleep and fatigue") -> int:
    from advocate_app.domain.webinars import Webinar, WebinarRegistration

    member = services.members.create(MemberInput(given_name="Amina", family_name="Haddad",
                                                 email="amina@example.org")).id
    services.consent.record(member, ConsentEntry(ConsentPurpose.EVENTS, ConsentStatus.GRANTED,
                                                 ConsentMethod.PAPER, date(2025, 1, 3)))
    with services.uow() as uow:
        webinar = Webinar(title=title, starts_at=datetime(2025, 11, 19, 17, 0),
                          status="held", recording_link="https://example.org/recording",
                          uid=f"{uuid.uuid4()}@advocate")
        uow.session.add(webinar)
        uow.session.flush()
        uow.session.add(WebinarRegistration(webinar_id=webinar.id, member_id=member,
                                            attendance="attended"))
        uow.commit()
        return webinar.id


def _review_item(services, webinar_id) -> None:
    from advocate_app.domain.webinars import WebinarReviewItem

    with services.uow() as uow:
        uow.session.add(WebinarReviewItem(webinar_id=webinar_id, report_kind="zoom_attendee",
                                          name="A. Haddad", email="ah@example.net",
                                          attended=True, score=80))
        uow.commit()


def test_the_dashboard_reads_what_is_coming_and_what_is_waiting(services):
    assert services.dashboard.events() == type(services.dashboard.events())()
    later = _planned(services, "Later", 30)
    soon = _planned(services, "Soon", 3)
    _planned(services, "Cancelled one", 5, status=WebinarStatus.CANCELLED)
    _planned(services, "Fourth", 40)
    _planned(services, "Fifth", 50)
    under_way = _planned(services, "Under way", 0, hours=-0.5)  # began 30 minutes ago
    held = _held_with_attendee(services)
    _review_item(services, held)
    _review_item(services, held)
    starts = datetime.now().replace(second=0, microsecond=0) + timedelta(days=8)
    services.story_sessions.create(StorySessionInput(
        "Stories of caring", starts, place="Community Hall"))
    agenda = services.dashboard.events()
    assert [w.id for w in agenda.webinars] == [under_way, soon, later]
    assert agenda.webinars[1].title == "Soon"
    assert [s.title for s in agenda.sessions] == ["Stories of caring"]
    assert agenda.to_review == services.webinar_reports.review_count() == 2
    assert [(d.webinar_id, d.members) for d in agenda.followups_due] == [(held, 1)]
    # The webinars' own list of upcoming ones agrees.
    assert [w.id for w in agenda.webinars] == [
        w.id for w in services.webinars.upcoming(limit=3, now=datetime.now(UTC))]


def test_reading_the_dashboard_does_not_load_the_database_layer(app_paths, sqlite_template):
    from tests.conftest import copy_sqlite_template

    url = copy_sqlite_template(sqlite_template, app_paths)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from advocate_app.app import open_services\n"
        "from advocate_app.paths import AppPaths\n"
        f"paths = AppPaths(Path({str(app_paths.data_dir)!r}))\n"
        f"services = open_services({url!r}, paths)\n"
        "services.dashboard.events()\n"
        "print('sqlalchemy' in sys.modules)\n")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120)
    assert run.stdout.strip().splitlines()[-1] == "False", run.stderr
