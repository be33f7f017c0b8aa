"""Erasing someone who took part in webinars or told stories says what happened to those."""

from __future__ import annotations

from datetime import datetime, timedelta

from advocate_app.domain.feedback_views import EventKind, FeedbackInput
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.webinar_kinds import WebinarStatus
from advocate_app.domain.webinar_views import WebinarInput
from advocate_app.ui import prompts
from advocate_app.ui.pages.members import MembersPage


def test_erasing_from_the_page_tells_what_became_of_their_webinars_and_feedback(
        qtbot, services, monkeypatch):
    member = services.members.create(MemberInput(given_name="Zoë", family_name="Ørsted")).id
    webinar = services.webinars.create(WebinarInput(
        "Living well with fatigue", datetime.now().replace(microsecond=0) + timedelta(days=5),
        60, "Europe/London", status=WebinarStatus.OPEN,
        join_link="https://zoom.us/j/81234567890")).id
    services.webinars.register(webinar, member)
    services.feedback.add(EventKind.WEBINAR, webinar, FeedbackInput(
        rating=5, comments="Lovely", member_id=member))
    page = MembersPage(services)
    qtbot.addWidget(page)
    page.refresh()
    page.table.selectRow(0)
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    told = []
    monkeypatch.setattr(prompts, "information", lambda parent, title, text: told.append(text))
    page.actions.erase_selected()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)  # erased in the background
    assert services.members.get(member).given_name == ""
    (text,) = told
    assert "1 webinar registration kept for the figures, its notes removed." in text
    assert "1 feedback answer kept without their words or their name" in text
