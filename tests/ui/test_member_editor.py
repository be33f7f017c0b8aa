"""The member editor: saving, and telling the user exactly what to fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from advocate_app.domain.member_views import ConditionInput, MemberInput
from advocate_app.domain.people import Role
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.member_editor import MemberEditorDialog


@pytest.fixture
def open_editor(qtbot, services):
    def make(member=None):
        dialog = MemberEditorDialog(services, member)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        with qtbot.waitActive(dialog):  # keyboard shortcuts go to the active window
            dialog.activateWindow()
        return dialog
    return make


def test_saving_without_a_name_says_so_beside_the_name(qtbot, open_editor, services):
    dialog = open_editor()
    dialog.email.setFocus()
    qtbot.keyClick(dialog.email, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.errors["given_name"].isVisible()
    assert "Enter a name" in dialog.errors["given_name"].text()
    assert "Enter a name" in dialog.given_name.accessibleDescription()
    assert dialog.summary.isVisible() and "Given name" in dialog.summary.text()
    assert dialog.focusWidget() is dialog.given_name
    assert services.members.count() == 0


def test_a_bad_email_is_explained_and_nothing_typed_is_lost(open_editor):
    dialog = open_editor()
    dialog.given_name.setText("Amina")
    dialog.email.setText("amina at example")
    dialog.notes.setPlainText("Met at the family day")
    dialog.save()
    assert "is not an email address" in dialog.errors["email"].text()
    assert not dialog.errors["given_name"].isVisible()
    assert dialog.focusWidget() is dialog.email
    assert dialog.notes.toPlainText() == "Met at the family day"


def test_fixing_a_field_clears_its_message(open_editor):
    dialog = open_editor()
    dialog.given_name.setText("Amina")
    dialog.email.setText("amina at example")
    dialog.phone.setText("call me")
    dialog.save()
    assert dialog.errors["email"].isVisible() and dialog.errors["phone"].isVisible()
    assert "Please check these 2 fields" in dialog.summary.text()
    dialog.email.setText("amina@example.org")
    dialog.save()
    assert not dialog.errors["email"].isVisible()
    assert dialog.email.accessibleDescription() == ""
    assert "A phone number needs digits." in dialog.phone.accessibleDescription()
    assert dialog.focusWidget() is dialog.phone
    assert "Please check this field" in dialog.summary.text()


def test_countries_and_languages_to_choose_from(open_editor):
    dialog = open_editor()
    languages = {dialog.language.itemData(i): dialog.language.itemText(i)
                 for i in range(dialog.language.count())}
    eu = {"bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it",
          "lv", "lt", "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv"}
    assert eu | {"zh", "hi", "ar", "bn", "ur", "ru", "sw", "pcm"} <= set(languages)
    assert languages["cy"] == "Welsh"
    countries = {dialog.country.itemData(i): dialog.country.itemText(i)
                 for i in range(1, dialog.country.count())}
    assert countries["SN"] == "Senegal"
    assert all(len(code) == 2 for code in countries)
    assert not {"EU", "UN", "ZZ", "XA"} & set(countries)


def test_a_valid_member_is_saved_with_everything(open_editor, services):
    dialog = open_editor()
    dialog.given_name.setText("Amina")
    dialog.family_name.setText("Diallo")
    dialog.email.setText("amina@example.org")
    dialog.country.setCurrentIndex(dialog.country.findData("SN"))
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.role_boxes[Role.CARER].setChecked(True)
    dialog.role_boxes[Role.VOLUNTEER].setChecked(True)
    dialog.tags.setText("newsletter, large print")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = services.members.get(dialog.saved.id)
    assert (saved.given_name, saved.family_name, saved.country, saved.preferred_language) == (
        "Amina", "Diallo", "SN", "fr")
    assert saved.roles == {Role.CARER, Role.VOLUNTEER}
    assert saved.tags == ("large print", "newsletter")


def test_typing_a_country_name_picks_its_code(open_editor):
    dialog = open_editor()
    dialog.given_name.setText("Ana")
    dialog.country.setEditText("portugal")
    assert dialog.current_input().country == "PT"


def test_editing_someone_saved_meanwhile_is_refused_and_the_dialog_stays(open_editor, services,
                                                                      monkeypatch):
    original = services.members.create(MemberInput(given_name="Li", family_name="Wei"))
    dialog = open_editor(services.members.get(original.id))
    assert dialog.windowTitle() == "Edit Li Wei"
    services.members.update(original.id, MemberInput(given_name="Li", family_name="Wei-Chen"),
                            original.version)
    shown = []

    def go_back(conflict):  # both versions shown; the person goes back to editing
        model = conflict.model
        shown.append([tuple(model.index(row, column).data() for column in range(3))
                      for row in range(model.rowCount())])
        conflict.reject()
        return False

    monkeypatch.setattr(prompts, "run_modal", go_back)
    dialog.notes.setPlainText("Prefers email")
    dialog.family_name.setText("Wei-Li")
    dialog.save()
    # Only the field both changed is a question (my notes, which they left alone, are not).
    assert shown == [[("Family name", "Wei-Li", "Wei-Chen")]]
    assert dialog.isVisible() and dialog.saved is None
    assert services.members.get(original.id).family_name == "Wei-Chen"


def test_escape_with_changes_asks_before_discarding(qtbot, open_editor, monkeypatch):
    dialog = open_editor()
    asked = []
    monkeypatch.setattr(prompts, "confirm",
                        lambda *args, **kwargs: asked.append(args[2]) or False)
    dialog.given_name.setText("Half typed")
    qtbot.keyClick(dialog.given_name, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    qtbot.keyClick(dialog.given_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_without_changes_just_closes(qtbot, open_editor, monkeypatch):
    dialog = open_editor()
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: pytest.fail("should not ask"))
    qtbot.keyClick(dialog.given_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_field_has_a_label_and_an_accessible_name(open_editor):
    from PySide6.QtWidgets import QLabel

    dialog = open_editor()
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    for name, field in dialog.fields.items():
        assert field in buddies, name
        assert field.accessibleName(), name


def test_editing_keeps_and_changes_the_whole_record(open_editor, services):
    from datetime import date

    from advocate_app.domain.community import AccessNeed, Barrier, Channel, PrintFormat
    from advocate_app.domain.member_views import ConditionInput

    saved = services.members.create(MemberInput(
        given_name="Ana", family_name="Silva", region="Norte", date_of_birth=date(1975, 5, 4),
        access_needs=frozenset({AccessNeed.EASY_READ}), channels=frozenset({Channel.POST}),
        barriers=frozenset({Barrier.COST}), print_format=PrintFormat.EASY_READ,
        conditions=(ConditionInput("Marfan syndrome", "558", True, False),)))
    dialog = open_editor(services.members.get(saved.id))
    assert not dialog.has_changes()
    dialog.pronouns.setText("she/her")
    dialog.access_tab.needs[AccessNeed.LARGE_PRINT].setChecked(True)
    dialog.save()
    again = services.members.get(saved.id)
    assert again.pronouns == "she/her"
    assert again.access_needs == {AccessNeed.EASY_READ, AccessNeed.LARGE_PRINT}
    assert (again.region, again.date_of_birth, again.print_format) == (
        "Norte", date(1975, 5, 4), PrintFormat.EASY_READ)
    assert again.channels == {Channel.POST} and again.barriers == {Barrier.COST}
    assert again.conditions == (ConditionInput("Marfan syndrome", "558", True, False),)


def test_a_bad_orphacode_shows_on_the_health_tab(open_editor):
    dialog = open_editor()
    dialog.given_name.setText("Ana")
    dialog.health_tab._add(ConditionInput("Something rare", "not-a-code"))
    dialog.save()
    assert dialog.saved is None
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()).replace("&", "") == "Health"
    assert "ORPHAcode" in dialog.errors["conditions"].text()


def test_consent_is_recorded_from_the_editor(open_editor, services):
    from advocate_app.domain.community import ConsentPurpose, ConsentStatus

    member = services.members.create(MemberInput(given_name="Li", family_name="Wei"))
    dialog = open_editor(services.members.get(member.id))
    tab = dialog.consent_tab
    assert "Research and trial contact: not asked" in tab.glance.text()
    tab.purpose.setCurrentIndex(tab.purpose.findData(ConsentPurpose.RESEARCH.value))
    tab.evidence.setText("Signed form, March")
    tab.record_button.click()
    assert tab.message.text().startswith("Recorded and saved now.")
    assert services.consent.current(member.id)[ConsentPurpose.RESEARCH].status is (
        ConsentStatus.GRANTED)
    assert tab.history.model().rowCount() == 1
    assert "Research and trial contact: granted since" in tab.glance.text()


def test_timeline_and_relationships_from_the_editor(qtbot, open_editor, services):
    from advocate_app.domain.community import RelationshipKind

    carer = services.members.create(MemberInput(given_name="Maria", family_name="Costa"))
    son = services.members.create(MemberInput(given_name="Tiago", family_name="Costa"))
    dialog = open_editor(services.members.get(carer.id))
    tab = dialog.timeline_tab
    tab.summary.setText("Called about the family day")
    tab.add_button.click()
    assert tab.entries.model().rowCount() == 1
    assert tab.entries.model().index(0, 2).data() == "Called about the family day"
    tab.relation_kind.setCurrentIndex(tab.relation_kind.findData(RelationshipKind.CARER_OF.value))
    qtbot.keyClicks(tab.find_other, "tiago")
    assert tab.other.currentData() == son.id
    tab.relate_button.click()
    assert tab.relations.model().index(0, 0).data() == "Carer of Tiago Costa"
    tab.relations.selectRow(0)
    tab.unrelate_button.click()
    assert tab.relations.model().rowCount() == 0


def test_removing_one_of_several_links_removes_that_one(qtbot, open_editor, services):
    from advocate_app.domain.community import RelationshipKind

    carer = services.members.create(MemberInput(given_name="Maria", family_name="Costa"))
    others = [services.members.create(MemberInput(given_name=name, family_name="Costa"))
              for name in ("Tiago", "Rita", "Joana")]
    for other in others:
        services.timeline.relate(carer.id, RelationshipKind.CARER_OF, other.id)
    # A link made from the other side shows too (the list is not only this member's rows).
    services.timeline.relate(others[2].id, RelationshipKind.PARENT_OF, carer.id)
    dialog = open_editor(services.members.get(carer.id))
    tab = dialog.timeline_tab
    labels = [tab.relations.model().index(row, 0).data()
              for row in range(tab.relations.model().rowCount())]
    assert labels[:3] == ["Carer of Tiago Costa", "Carer of Rita Costa", "Carer of Joana Costa"]
    tab.relations.selectRow(1)
    tab.unrelate_button.click()
    remaining = [tab.relations.model().index(row, 0).data()
                 for row in range(tab.relations.model().rowCount())]
    assert "Carer of Rita Costa" not in remaining
    assert remaining[:2] == ["Carer of Tiago Costa", "Carer of Joana Costa"]
    assert len(remaining) == 3
    # What is stored agrees with what is shown, also when the editor is opened again.
    stored = [(r.other_id, r.kind) for r in services.timeline.relationships(carer.id)]
    assert (others[1].id, RelationshipKind.CARER_OF) not in stored
    assert len(stored) == 3


def test_large_print_and_easy_read_needs_and_the_printed_format_follow_each_other(
        open_editor, services):
    from advocate_app.domain.community import AccessNeed, PrintFormat

    saved = services.members.create(MemberInput(given_name="Ana", family_name="Silva"))
    dialog = open_editor(services.members.get(saved.id))
    tab = dialog.access_tab
    tab.needs[AccessNeed.LARGE_PRINT].setChecked(True)
    assert tab.print_format.currentData() == PrintFormat.LARGE_PRINT.value
    tab.print_format.setCurrentIndex(tab.print_format.findData(PrintFormat.EASY_READ.value))
    assert tab.needs[AccessNeed.EASY_READ].isChecked()
    assert not tab.needs[AccessNeed.LARGE_PRINT].isChecked()
    tab.needs[AccessNeed.EASY_READ].setChecked(False)
    assert tab.print_format.currentData() == PrintFormat.STANDARD.value
    tab.print_format.setCurrentIndex(tab.print_format.findData(PrintFormat.LARGE_PRINT.value))
    dialog.save()
    again = services.members.get(saved.id)
    assert again.print_format is PrintFormat.LARGE_PRINT
    assert again.access_needs == {AccessNeed.LARGE_PRINT}


def test_every_address_and_number_can_be_seen_edited_and_made_main(qtbot, open_editor,
                                                                   services):
    from advocate_app.domain.member_views import ContactInput

    amara = services.members.create(MemberInput(
        given_name="Amara", family_name="Okoye", contacts=(
            ContactInput("email", "amara@example.org", "home"),
            ContactInput("email", "a.okoye@work.example.com", "work"),
            ContactInput("phone", "+44 7700 900111", "mobile"),
            ContactInput("phone", "+44 20 7946 0111", "home"))))
    dialog = open_editor(amara)
    listed = dialog.access_tab.contacts
    table = listed.table
    assert dialog.email.text() == "amara@example.org"
    assert [(table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())] == [("a.okoye@work.example.com", "Work"),
                                                  ("+44 20 7946 0111", "Home")]
    assert not dialog.has_changes()
    # Make the work address the main one; add a third; remove the home phone.
    table.setCurrentCell(0, 1)
    listed.make_main.click()
    assert dialog.email.text() == "a.okoye@work.example.com"
    listed.add_email.click()
    row = table.rowCount() - 1
    table.item(row, 1).setText("amara.o@example.net")
    table.item(row, 2).setText("Other")
    table.setCurrentCell([table.item(r, 1).text() for r in range(table.rowCount())].index(
        "+44 20 7946 0111"), 1)
    listed.remove.click()
    dialog.save()
    assert dialog.saved is not None
    saved = services.members.get(amara.id)
    assert saved.email == "a.okoye@work.example.com"
    assert [(c.kind, c.value, c.label) for c in saved.contacts] == [
        ("email", "a.okoye@work.example.com", "work"),
        ("email", "amara@example.org", "home"),
        ("email", "amara.o@example.net", "other"),
        ("phone", "+44 7700 900111", "mobile")]
    assert services.members.search("amara.o@example")[0].id == amara.id


def test_saving_keeps_addresses_the_editor_did_not_touch(open_editor, services):
    from advocate_app.domain.member_views import ContactInput

    ines = services.members.create(MemberInput(given_name="Ines", contacts=(
        ContactInput("email", "ines@example.fr"), ContactInput("email", "ih@example.net"))))
    dialog = open_editor(ines)
    dialog.family_name.setText("Haddad")
    dialog.save()
    assert [c.value for c in services.members.get(ines.id).contacts] == [
        "ines@example.fr", "ih@example.net"]


def test_a_bad_second_address_is_explained_beside_the_list(open_editor):
    dialog = open_editor()
    dialog.given_name.setText("Amina")
    dialog.access_tab.contacts.add_email.click()
    dialog.access_tab.contacts.table.item(0, 1).setText("amina at example")
    dialog.save()
    assert dialog.saved is None
    assert "is not an email address" in dialog.errors["contacts"].text()


def test_a_subscriber_whose_name_is_not_known_is_shown_as_such(open_editor, services):
    nameless = services.members.create(MemberInput(email="subscriber@example.org"))
    dialog = open_editor(nameless)
    assert "Name not known" in dialog.windowTitle()
    dialog.save()
    assert dialog.saved is not None  # saving it again needs no invented name
