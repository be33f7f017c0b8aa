"""A long session on the Stories page: the editors a person opens and closes are let go, so
memory settles instead of growing with every story edited (benchmarks/soak_events.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog

from advocate_app.domain.story_rules import StoryTheme
from advocate_app.domain.story_views import StoryInput
from advocate_app.ui.pages.stories import StoriesPage


def test_closed_story_and_consent_editors_are_not_kept_by_the_page(qtbot, services):
    story_id = services.stories.create(StoryInput(
        "Four years to a name", "It took four years and three hospitals to find a name.",
        None, frozenset({StoryTheme.DIAGNOSIS}), "en", told_on=date(2026, 5, 2)))
    page = StoriesPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    tab = page.stories_tab
    tab.select_story(story_id)
    opened = []

    def shown_then_closed(dialog: QDialog) -> bool:
        opened.append(type(dialog).__name__)
        dialog.show()
        dialog.reject()
        return False

    page._run_dialog = shown_then_closed
    for _ in range(3):
        tab.edit_story()
        tab.edit_consent()
    app = QApplication.instance()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    assert opened == ["StoryEditor", "StoryConsentEditor"] * 3
    assert page.findChildren(QDialog) == []
    assert tab.story_id() == story_id  # the story stays chosen
