"""One date format for the person's language on every screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from advocate_app.domain.member_views import MemberInput
from advocate_app.i18n import install_language
from advocate_app.i18n.formatting import format_date
from advocate_app.ui.dialogs.member_editor import MemberEditorDialog


@pytest.mark.parametrize(("language", "born"), [("en", "1 Jan 1980"), ("fr", "1 janv. 1980")])
def test_member_editor_date_fields_read_like_every_other_date(qtbot, services, language, born):
    install_language(language)
    member = services.members.create(MemberInput(given_name="Li", family_name="Wei"))
    dialog = MemberEditorDialog(services, services.members.get(member.id))
    qtbot.addWidget(dialog)
    assert dialog.health_tab.birth.text() == born
    today = format_date(date.today())
    assert dialog.consent_tab.given_on.text() == today
    assert dialog.timeline_tab.when.text() == today
    dialog.consent_tab.given_on.setDate(QDate(2026, 12, 3))
    assert dialog.consent_tab.given_on.text() == format_date(date(2026, 12, 3))


def test_dashboard_reminders_use_the_same_date_format(main_window, services):
    due = date(2025, 9, 5)
    services.actions.add_action("Send the minutes", owner_role="Secretary", due_on=due)
    page = main_window.show_section("dashboard")
    page.refresh()
    assert "due 5 Sept 2025" in page.reminders.text()


def test_outreach_list_shows_the_day_it_changed_and_the_time_on_hover(qtbot, services):
    from advocate_app.i18n.formatting import format_datetime
    from advocate_app.services.demo_outreach import sample_items
    from advocate_app.ui.pages.outreach import CHANGED, OutreachPage

    services.outreach.save(sample_items()[0])
    page = OutreachPage(services)
    qtbot.addWidget(page)
    page.refresh()
    changed = services.outreach.list()[0].updated_at
    cell = page.table.model().index(0, CHANGED)
    assert cell.data() == format_date(changed.astimezone())
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == format_datetime(changed.astimezone())
    page.preview.wait()
