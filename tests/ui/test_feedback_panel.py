"""The feedback panel as staff use it: on its own for any event, and as the Feedback tab of the
chosen board meeting."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from advocate_app.domain.board_views import BoardInput, MeetingInput
from advocate_app.domain.feedback_views import EventKind, FeedbackInput, FeedbackSource
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.feedback_editor import FeedbackDialog, PaperFormDialog
from advocate_app.ui.models.rows import select_id
from advocate_app.ui.widgets import feedback_panel as module
from advocate_app.ui.widgets.feedback_panel import FeedbackPanel

CSV = ("Timestamp,Email Address,Overall rating,What worked well?,What should we change?,"
       "Comments,May we contact you?\n"
       "2026/03/12 7:41:02 PM GMT,ada@example.org,Excellent,Captions,,,Yes\n"
       "2026/03/12 7:45:10 PM GMT,,2,,Shorter talks,,No\n")


def _meeting(services, title="Spring meeting") -> int:
    board_id = services.boards.create_board(BoardInput(f"Patient Advisory Board: {title}"))
    when = datetime.now().replace(second=0, microsecond=0) - timedelta(days=3)
    return services.meetings.schedule_meeting(
        MeetingInput(board_id, title, when, 90, "Europe/London"), [])


@pytest.fixture
def panel(qtbot, services):
    widget = FeedbackPanel(services, EventKind.MEETING)
    qtbot.addWidget(widget, before_close_func=lambda w: w.wait())
    widget.resize(900, 500)
    widget.show()
    return widget


def _wait(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: not panel.busy(), timeout=20_000)


def test_answers_are_added_summarised_edited_and_deleted(panel, services, monkeypatch):
    meeting_id = _meeting(services)
    panel.set_event(meeting_id)
    assert panel.summary_label.text() == "No feedback yet."
    assert not panel.edit_button.isEnabled() and panel.add_button.isEnabled()

    answers = iter([FeedbackInput(rating=5, worked="Clear papers", may_contact=True),
                    FeedbackInput(rating=2, change="Start later")])
    monkeypatch.setattr(module, "ask_answer", lambda *_a, **_k: next(answers))
    panel.add_button.click()
    panel.add_button.click()
    assert panel.table.model().rowCount() == 2
    text = panel.summary_label.text()
    assert "2 answers" in text and "3.5 of 5" in text and "1 may be contacted" in text
    assert "Excellent 1" in text and "Fair 1" in text

    first = services.feedback.responses(EventKind.MEETING, meeting_id)[-1]
    select_id(panel.table, first.id)
    monkeypatch.setattr(module, "ask_answer",
                        lambda *_a, **_k: FeedbackInput(rating=4, worked="Clear papers"))
    panel.edit_button.click()
    assert services.feedback.get(first.id).rating == 4
    assert "3 of 5" in panel.summary_label.text()

    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: True)
    select_id(panel.table, first.id)
    panel.delete_button.click()
    assert panel.table.model().rowCount() == 1

    earlier = _meeting(services, "Winter meeting")
    services.feedback.add(EventKind.MEETING, earlier, FeedbackInput(rating=5, worked="Tea"))
    panel.refresh()  # two meetings rated: the average of each, over time
    assert "Over time: " in panel.summary_label.text()
    assert "Winter meeting" in panel.summary_label.text()


def test_a_refused_answer_says_why_and_saves_nothing(panel, services, monkeypatch):
    panel.set_event(_meeting(services))
    errors = []
    monkeypatch.setattr(module, "ask_answer", lambda *_a, **_k: FeedbackInput())
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    panel.add_button.click()
    assert errors == ["Give a rating or write what the person said."]
    assert panel.table.model().rowCount() == 0


def test_a_comment_becomes_a_promise_from_the_panel(panel, services, monkeypatch):
    meeting_id = _meeting(services)
    answer = services.feedback.add(EventKind.MEETING, meeting_id,
                                   FeedbackInput(rating=3, change="Papers a week ahead"))
    panel.set_event(meeting_id)
    select_id(panel.table, answer)
    assert panel.promise_button.isEnabled()
    said = []
    monkeypatch.setattr(module, "ask_promise", lambda _p, you_said: said.append(you_said) or (
        "Papers go out seven days ahead", "Secretary", None))
    panel.promise_button.click()
    assert said == ["Papers a week ahead"]
    promise = services.feedback.get(answer).promise_id
    assert promise is not None
    assert any(p.id == promise and p.you_said == "Papers a week ahead"
               for p in services.actions.promises())
    select_id(panel.table, answer)
    assert not panel.promise_button.isEnabled()  # one promise per answer


def test_import_shows_what_it_would_do_then_imports_in_the_background(
        qtbot, panel, services, monkeypatch, tmp_path):
    meeting_id = _meeting(services)
    services.members.create(MemberInput(given_name="Ada", family_name="Example",
                                        email="ADA@example.org"))
    path = tmp_path / "answers.csv"
    path.write_text(CSV, encoding="utf-8")
    panel.set_event(meeting_id)
    monkeypatch.setattr(module, "ask_csv", lambda _p: str(path))
    asked = []
    monkeypatch.setattr(prompts, "confirm",
                        lambda _p, _t, text, **_k: asked.append(text) or True)
    monkeypatch.setattr(prompts, "information", lambda _p, _t, text: asked.append(text))
    panel.import_button.click()
    _wait(qtbot, panel)
    assert asked and "2 answers to add" in asked[0] and "1 answer is from a member" in asked[0]
    assert panel.table.model().rowCount() == 2
    sources = {a.source for a in services.feedback.responses(EventKind.MEETING, meeting_id)}
    assert sources == {FeedbackSource.IMPORTED}

    panel.import_button.click()  # the same file again: nothing to add, nothing asked
    _wait(qtbot, panel)
    assert "0 answers to add" in asked[-1] and "2 were imported before" in asked[-1]
    assert panel.table.model().rowCount() == 2


def test_a_malformed_file_is_one_sentence_and_changes_nothing(qtbot, panel, services,
                                                             monkeypatch, tmp_path):
    panel.set_event(_meeting(services))
    path = tmp_path / "colours.csv"
    path.write_text("Name,Colour\nA,blue\n", encoding="utf-8")
    monkeypatch.setattr(module, "ask_csv", lambda _p: str(path))
    errors = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    panel.import_button.click()
    _wait(qtbot, panel)
    assert len(errors) == 1 and "nothing was imported" in errors[0]
    assert panel.table.model().rowCount() == 0


def test_the_paper_form_is_written_in_the_background(qtbot, panel, services, monkeypatch,
                                                     tmp_path):
    panel.set_event(_meeting(services))
    target = tmp_path / "form.pdf"
    monkeypatch.setattr(module, "ask_paper_form",
                        lambda _p: ("en", ProfileKey.LARGE, str(target)))
    messages = []
    panel.status_message.connect(messages.append)
    panel.paper_button.click()
    assert panel.busy() and not panel.paper_button.isEnabled()
    _wait(qtbot, panel)
    assert target.read_bytes().startswith(b"%PDF")
    assert messages[-1] == f"Saved {target}."


def test_the_answer_dialog_offers_five_large_ratings_with_words(qtbot, services):
    dialog = FeedbackDialog(services)
    qtbot.addWidget(dialog)
    texts = [dialog.rating_buttons[v].text() for v in (5, 4, 3, 2, 1)]
    assert texts == ["5 – Excellent", "4 – Very good", "3 – Good", "2 – Fair", "1 – Poor"]
    assert all(dialog.rating_buttons[v].minimumHeight() >= 32 for v in range(1, 6))
    dialog.rating_buttons[4].setChecked(True)
    dialog.change.setPlainText("More breaks")
    dialog.may_contact.setChecked(True)
    value = dialog.value()
    assert (value.rating, value.change, value.may_contact, value.member_id) == (
        4, "More breaks", True, None)
    assert value.received_on == date.today() and value.source == "typed"
    paper = PaperFormDialog()
    qtbot.addWidget(paper)
    assert paper.profile.count() == len(ProfileKey)


def test_the_boards_meeting_panel_has_a_feedback_tab(qtbot, services, tmp_path):
    from advocate_app.ui.pages.boards import BoardsPage
    from advocate_app.ui.pages.boards.meeting_panel import MeetingPanel

    meeting_id = _meeting(services)
    services.feedback.add(EventKind.MEETING, meeting_id,
                          FeedbackInput(rating=4, worked="Good chairing"))
    page = BoardsPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.resize(1366, 768)
    page.show()
    page.refresh()
    panel = page.findChild(MeetingPanel)
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == ["Meeting",
                                                                          "Feedback"]
    assert panel.feedback.event_id() is None  # read only when the tab is shown
    panel.tabs.setCurrentWidget(panel.feedback)
    assert panel.feedback.event_id() == meeting_id
    assert panel.feedback.table.model().rowCount() == 1
    assert "4 – Very good" in panel.feedback.table.model().index(0, 1).data(
        Qt.ItemDataRole.DisplayRole)
    from tests.ui.test_boards_page import _assert_labelled

    _assert_labelled(page)  # every control of the Feedback tab is named
    page.grab().save(str(tmp_path / "boards-feedback.png"))


def _webinar(services) -> int:
    from advocate_app.domain.webinars import Webinar

    with services.uow() as uow:
        webinar = Webinar(title="Living with the condition", uid="feedback-webinar@test",
                          starts_at=datetime.now().replace(microsecond=0) - timedelta(days=2))
        uow.session.add(webinar)
        uow.commit()
        return webinar.id


def _story_session(services) -> int:
    from advocate_app.domain.stories import StorySession

    with services.uow() as uow:
        session = StorySession(title="Sharing our stories", uid="feedback-session@test",
                               starts_at=datetime.now().replace(microsecond=0)
                               - timedelta(days=5))
        uow.session.add(session)
        uow.commit()
        return session.id


def test_the_webinars_page_has_a_feedback_tab_read_when_shown(qtbot, services):
    from advocate_app.ui.pages.webinars.page import WebinarsPage

    webinar_id = _webinar(services)
    services.feedback.add(EventKind.WEBINAR, webinar_id,
                          FeedbackInput(rating=5, worked="Captions"))
    page = WebinarsPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.past_check.setChecked(True)
    page.refresh()
    page.select_webinar(webinar_id)
    feedback = page.feedback_tab
    assert feedback.table.model().rowCount() == 0  # not read while hidden
    page.tabs.setCurrentWidget(feedback)
    assert feedback.event_id() == webinar_id
    assert feedback.table.model().rowCount() == 1
    assert "1 answer" in feedback.summary_label.text()


def test_the_sessions_tab_shows_the_chosen_sessions_feedback(qtbot, services):
    from advocate_app.ui.pages.stories.page import StoriesPage

    session_id = _story_session(services)
    services.feedback.add(EventKind.STORY_SESSION, session_id,
                          FeedbackInput(rating=4, change="A longer break"))
    page = StoriesPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.tabs.setCurrentWidget(page.sessions_tab)
    page.sessions_tab.select_session(session_id)
    feedback = page.sessions_tab.feedback
    assert feedback.event_id() == session_id
    assert feedback.table.model().rowCount() == 1
    assert "A longer break" in feedback.table.model().index(0, 4).data(
        Qt.ItemDataRole.DisplayRole)
