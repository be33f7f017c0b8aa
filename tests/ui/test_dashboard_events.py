"""The dashboard's box of webinars and story-sharing: each line a link to its section."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from advocate_app.domain.story_views import StorySessionInput
from advocate_app.domain.webinar_kinds import WebinarStatus
from advocate_app.domain.webinar_views import WebinarInput
from advocate_app.ui.pages.stories import StoriesPage
from advocate_app.ui.pages.webinars import WebinarsPage
from tests.integration.test_dashboard_events import _held_with_attendee, _review_item


def _texts(page) -> list[str]:
    return [label.accessibleName() for label in page.events_links]


def test_with_nothing_planned_the_dashboard_says_so(main_window):
    page = main_window.page("dashboard")
    assert page.events_state.text() == ("No webinars or story-sharing sessions coming up, "
                                         "and nothing waiting.")
    assert page.events_links == []


def test_each_line_names_what_is_coming_or_waiting_and_opens_its_section(qtbot, main_window,
                                                                       services):
    starts = datetime(2031, 3, 4, 18, 30)
    services.webinars.create(WebinarInput(
        "Sleep and fatigue", starts, 60, "Europe/London", status=WebinarStatus.OPEN,
        join_link="https://zoom.us/j/81234567890"))
    held = _held_with_attendee(services, "Travel to clinic")
    _review_item(services, held)
    services.story_sessions.create(StorySessionInput(
        "Stories of caring", starts + timedelta(days=2), place="Community Hall"))
    main_window.show_section("members")
    page = main_window.show_section("dashboard")
    texts = _texts(page)
    assert texts[0].startswith("Webinar: “Sleep and fatigue”, ")
    assert "2031" in texts[0] and "18:30" in texts[0]
    assert texts[1:3] == ["1 person from an attendance report to review",
                          "Follow-up not yet sent after “Travel to clinic” (1 person)"]
    assert texts[3].startswith("Story-sharing session: “Stories of caring”, ")
    assert [label.property("section") for label in page.events_links] == [
        "webinars", "webinars", "webinars", "stories"]
    assert [label.accessibleDescription() for label in page.events_links] == [
        "Opens Webinars", "Opens Webinars", "Opens Webinars", "Opens Stories"]
    # Followed from the keyboard: the link has the focus, Enter opens the section.
    link = page.events_links[3]
    link.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert main_window.current_section() == "stories"
    assert isinstance(main_window.stack.currentWidget(), StoriesPage)
    page = main_window.show_section("dashboard")
    qtbot.mouseClick(page.events_links[1], Qt.MouseButton.LeftButton)
    assert main_window.current_section() == "webinars"
    assert isinstance(main_window.stack.currentWidget(), WebinarsPage)


def test_many_follow_ups_waiting_are_counted_past_the_first_few(main_window, services):
    for number in range(5):
        _held_with_attendee(services, f"Webinar {number}")
    main_window.show_section("members")
    page = main_window.show_section("dashboard")
    texts = _texts(page)
    assert len([t for t in texts if t.startswith("Follow-up not yet sent")]) == 3
    assert texts[-1] == "…and 2 more webinars whose follow-up is not yet sent"


def test_a_long_title_is_cut_short_on_screen_but_its_date_time_and_zone_never_are(main_window,
                                                                                 services):
    title = "New treatments for the whole family: what the latest research says about them"
    services.webinars.create(WebinarInput(title, datetime(2031, 3, 4, 18, 30), 60,
                                          "Europe/London", status=WebinarStatus.OPEN))
    main_window.show_section("members")
    page = main_window.show_section("dashboard")
    (link,) = page.events_links
    assert title in link.accessibleName()  # a screen reader hears all of it
    shown = link.text()
    assert title not in shown and "…" in shown
    assert shown.endswith("(Europe/London)") and "18:30" in shown
