"""Consent in the member editor: recorded while creating a member, never half-saved, and
the evidence in the history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from advocate_app.domain.community import ConsentPurpose, ConsentStatus
from advocate_app.domain.member_views import MemberInput
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.member_editor import MemberEditorDialog


@pytest.fixture
def open_editor(qtbot, services):
    def make(member=None):
        dialog = MemberEditorDialog(services, member)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def _answer(tab, purpose: ConsentPurpose, evidence: str) -> None:
    tab.purpose.setCurrentIndex(tab.purpose.findData(purpose.value))
    tab.evidence.setText(evidence)
    tab.record_button.click()


def test_consent_recorded_while_creating_a_member_is_saved_with_them(open_editor, services):
    dialog = open_editor()
    dialog.given_name.setText("Amina")
    tab = dialog.consent_tab
    _answer(tab, ConsentPurpose.NEWSLETTER, "Ticked the box on the sign-up form")
    assert "saved with the new member" in tab.message.text()
    assert tab.history.model().rowCount() == 1
    assert tab.history.model().index(0, 4).data() == "Ticked the box on the sign-up form"
    assert tab.history.model().index(0, 5).data() == "Not saved yet"
    assert services.members.count() == 0  # nothing written before Save

    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    member_id = dialog.saved.id
    history = services.consent.history(member_id)
    assert [(r.purpose, r.status, r.evidence) for r in history] == [
        (ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, "Ticked the box on the sign-up form")]


def test_cancelling_a_new_member_drops_their_answers_after_asking(open_editor, services,
                                                                  monkeypatch):
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: asked.append(a[2]) or True)
    dialog = open_editor()
    _answer(dialog.consent_tab, ConsentPurpose.RESEARCH, "")
    dialog.reject()
    assert asked  # the answer counts as a change: Cancel asks first
    assert services.members.count() == 0


def test_a_bad_answer_for_a_new_member_is_explained_and_not_kept(open_editor):
    dialog = open_editor()
    tab = dialog.consent_tab
    tab.given_on.setDate(QDate.currentDate().addDays(3))
    _answer(tab, ConsentPurpose.NEWSLETTER, "")
    assert "future" in tab.message.text()
    assert tab.pending == [] and tab.history.model().rowCount() == 0


def test_cancel_says_which_answers_are_already_saved(open_editor, services, monkeypatch):
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    member = services.members.create(MemberInput(given_name="Li", family_name="Wei"))
    dialog = open_editor(services.members.get(member.id))
    _answer(dialog.consent_tab, ConsentPurpose.NEWSLETTER, "Phone call with Li")
    assert "Cancel does not take it back" in dialog.consent_tab.message.text()
    assert dialog.cancel_button.text().replace("&", "") == "Close"
    dialog.notes.setPlainText("Prefers calls after 5")
    dialog.reject()
    assert "Already saved, and kept: the consent answer Newsletter and updates: granted." in asked[0]
    assert dialog.isVisible()  # the person chose to stay


def test_the_history_shows_the_evidence(open_editor, services):
    from advocate_app.domain.community import ConsentMethod
    from advocate_app.services.consent import ConsentEntry

    member = services.members.create(MemberInput(given_name="Li", family_name="Wei"))
    services.consent.record(member.id, ConsentEntry(
        ConsentPurpose.EVENTS, ConsentStatus.GRANTED, ConsentMethod.PAPER,
        date.today() - timedelta(days=1), evidence="Form in the 2026 folder"))
    dialog = open_editor(services.members.get(member.id))
    history = dialog.consent_tab.history
    header = [history.model().headerData(c, Qt.Orientation.Horizontal)
              for c in range(history.model().columnCount())]
    assert history.model().index(0, header.index("Evidence")).data() == "Form in the 2026 folder"


def test_cancel_also_names_timeline_entries_already_saved(open_editor, services, monkeypatch):
    from advocate_app.i18n.formatting import format_date

    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    member = services.members.create(MemberInput(given_name="Li", family_name="Wei"))
    dialog = open_editor(services.members.get(member.id))
    tab = dialog.timeline_tab
    tab.summary.setText("Called about the family day")
    tab.add_button.click()
    assert "Cancel does not take it back" in tab.message.text()
    assert dialog.cancel_button.text().replace("&", "") == "Close"
    dialog.notes.setPlainText("Prefers calls after 5")
    dialog.reject()
    kind = tab.kind.itemText(0)
    assert (f"Already saved, and kept: the timeline entry {kind} of {format_date(date.today())}."
            in asked[0])
