"""What a person reading German, French or Polish sees: names in their alphabet, times with
the zone they know, how long ago something was due."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from advocate_app.domain.board_views import BoardInput, MeetingInput
from advocate_app.domain.member_views import MemberInput
from advocate_app.i18n import install_language


@pytest.fixture
def polish():
    install_language("pl")
    yield
    install_language("en")


def test_the_members_page_lists_names_in_the_polish_alphabet(qtbot, services, polish):
    from advocate_app.ui.pages.members import MembersPage

    for family in ("Łukasiewicz", "Lis", "Mazur", "Lewandowski", "Ćwik", "Czarnecki"):
        services.members.create(MemberInput(given_name="Ana", family_name=family))
    page = MembersPage(services)
    qtbot.addWidget(page)
    page.refresh()
    model = page.model
    names = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert names == ["Ana Czarnecki", "Ana Ćwik", "Ana Lewandowski", "Ana Lis",
                     "Ana Łukasiewicz", "Ana Mazur"]


def test_country_and_language_pickers_follow_the_alphabet(polish):
    from advocate_app.ui.dialogs.member_editor import country_choices

    names = [name for name, _code in country_choices()]
    # "Łotwa" (Latvia) is an Ł word: after every L country, before the M ones.
    assert names.index("Luksemburg") < names.index("Łotwa") < names.index("Macedonia Północna")


def test_a_meeting_shows_its_time_with_the_zone_in_german(qtbot, services):
    from advocate_app.ui.pages.boards.common import meeting_when

    board_id = services.boards.create_board(BoardInput("Beirat", timezone="Europe/Berlin"))
    meeting_id = services.meetings.schedule_meeting(MeetingInput(
        board_id, "Frühjahr", datetime(2031, 1, 14, 18, 30), 90, "Europe/Berlin"))
    meeting = services.meetings.get_meeting(meeting_id)
    install_language("de")
    assert meeting_when(meeting.starts_at, meeting.timezone) == \
        "14.01.2031, 18:30 MEZ (Europe/Berlin)"
    install_language("fr")
    assert meeting_when(meeting.starts_at, meeting.timezone) == \
        "14 janv. 2031, 18:30 CET (Europe/Berlin)"


def test_the_dashboard_says_how_long_ago_an_action_was_due(qtbot, services):
    from advocate_app.ui.pages.dashboard import DashboardPage

    services.actions.add_action("Send the minutes", owner_role="Secretary",
                                due_on=date.today() - timedelta(days=3))
    install_language("fr")
    page = DashboardPage(services)
    qtbot.addWidget(page)
    page.refresh()
    assert "(il y a 3 jours)" in page.reminders.text()
    install_language("de")
    page.refresh()
    assert "(vor 3 Tagen)" in page.reminders.text()
