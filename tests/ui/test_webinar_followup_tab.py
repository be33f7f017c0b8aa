"""The Follow-up tab of the Webinars page, as an organiser uses it after a webinar."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest

from advocate_app.domain.community import (
    Channel,
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    EngagementKind,
    PrintFormat,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.services.consent import ConsentEntry
from advocate_app.ui import prompts
from advocate_app.ui.pages.webinars import followup_tab as followup_module
from advocate_app.ui.pages.webinars.followup_tab import FollowUpTab


def _held_webinar(services) -> tuple[int, dict[str, int]]:
    from advocate_app.domain.webinars import Webinar, WebinarRegistration

    people = {}
    for key, given, extra in (
            ("came", "Amina", {"email": "amina@example.org"}),
            ("post", "Chloé", {"preferred_language": "fr", "channels": frozenset({Channel.POST}),
                               "print_format": PrintFormat.LARGE_PRINT}),
            ("missed", "Priya", {"email": "priya@example.org"}),
            ("no_consent", "Olga", {"email": "olga@example.org"})):
        member = services.members.create(MemberInput(
            given_name=given, family_name="Example", address="1 High Street\nLeeds",
            postcode="LS1 1AA", country="GB", **extra))
        if key != "no_consent":
            services.consent.record(member.id, ConsentEntry(
                ConsentPurpose.EVENTS, ConsentStatus.GRANTED, ConsentMethod.PAPER,
                date(2025, 1, 3)))
        people[key] = member.id
    with services.uow() as uow:
        webinar = Webinar(title="Sleep and fatigue", starts_at=datetime(2026, 11, 19, 17, 0),
                          timezone="Europe/London", status="held",
                          recording_link="https://example.org/recording",
                          slides_link="https://example.org/slides.pdf",
                          uid=f"{uuid.uuid4()}@advocate")
        uow.session.add(webinar)
        uow.session.flush()
        for key, attendance in (("came", "attended"), ("post", "attended"),
                                ("missed", "no_show"), ("no_consent", "attended")):
            uow.session.add(WebinarRegistration(webinar_id=webinar.id, member_id=people[key],
                                                attendance=attendance))
        uow.commit()
        return webinar.id, people


@pytest.fixture
def tab(qtbot, services):
    widget = FollowUpTab(services)
    qtbot.addWidget(widget, before_close_func=lambda w: w.work.wait())
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_tab_says_who_gets_which_letter_and_sends_once(qtbot, tab, services, tmp_path,
                                                           monkeypatch):
    webinar, people = _held_webinar(services)
    tab.set_webinar(webinar)
    text = tab.plan_label.text()
    assert "2 people came: they get the recording, the slides and a request for feedback." \
        in text
    assert "1 person registered and did not come" in text
    assert "1 of them wants post" in text
    assert "1 person is left out: no valid consent" in text
    assert "Letters in: English and French." in text
    # Someone wants post: the letters need a folder before they can go.
    assert tab.folder_field.isEnabled() and not tab.send_button.isEnabled()
    monkeypatch.setattr(followup_module, "choose_folder",
                        lambda *_a, **_k: str(tmp_path / "post"))
    tab.browse_button.click()
    assert tab.send_button.isEnabled()
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: asked.append(a[2]) or True)
    tab.send_button.click()
    qtbot.waitUntil(lambda: not tab.work.busy() and tab.last_result is not None,
                    timeout=30000)
    assert asked == ["Send the follow-up letters to 3 members? Each is recorded on the "
                     "member's timeline and is sent only once."]
    result = tab.result_label.text()
    assert "Follow-up sent to 3 members." in result
    assert "2 to email" in result and "1 by post: the print pack is in" in result
    assert "1 paper feedback form to print and put in with the thank-you letters" in result
    assert tab.open_button.isVisible()
    assert any(p.name.endswith("-fr-large.pdf") for p in (tmp_path / "post").rglob("*.pdf"))
    assert [e.kind for e in services.timeline.timeline(people["post"])].count(
        EngagementKind.EVENT) == 1
    # Everything is sent: the plan says so and the button rests.
    assert "3 people have been sent their follow-up already." in tab.plan_label.text()
    assert not tab.send_button.isEnabled()
    tab.grab().save(str(tmp_path / "followup-tab.png"))


def test_a_stopped_follow_up_sends_nothing(qtbot, tab, services, tmp_path, monkeypatch):
    webinar, _people = _held_webinar(services)
    tab.set_webinar(webinar)
    tab.folder_field.setText(str(tmp_path / "post"))
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: True)
    followup = services.webinar_followup
    original = followup.send

    def send_cancelled(webinar_id, **kwargs):
        return original(webinar_id, **{**kwargs, "should_cancel": lambda: True})

    monkeypatch.setattr(followup, "send", send_cancelled)
    tab.send_button.click()
    qtbot.waitUntil(lambda: not tab.work.busy() and tab.result_label.isVisible(),
                    timeout=30000)
    assert "nothing was sent" in tab.result_label.text()
    assert not (tmp_path / "post").exists()
    assert "2 people came" in tab.plan_label.text()


def test_without_a_webinar_the_tab_asks_for_one(tab):
    tab.set_webinar(None)
    assert tab.plan_label.text() == "Choose a webinar to see who gets which letter."
    assert not tab.send_button.isEnabled()
