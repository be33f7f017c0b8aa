"""The Members page: what someone finding, adding and archiving people sees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.people import Role
from advocate_app.ui import prompts
from advocate_app.ui.models import member_table
from advocate_app.ui.pages.members import MembersPage


@pytest.fixture
def page(qtbot, services):
    widget = MembersPage(services)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def _add(services, given, family, **extra):
    return services.members.create(MemberInput(given_name=given, family_name=family, **extra))


def _names(page):
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_an_empty_community_says_how_to_start(page):
    assert page.empty_label.isVisible()
    assert "New member" in page.empty_label.text()
    assert not page.table.isVisible()
    assert page.count_label.text() == "0 members"


def test_members_are_listed_by_family_name_with_their_roles(page, services):
    _add(services, "Zoë", "Ørsted", roles=frozenset({Role.CARER, Role.VOLUNTEER}), country="DK",
         preferred_language="da")
    _add(services, "Ama", "Boateng", roles=frozenset({Role.PATIENT}))
    page.refresh()
    assert page.table.isVisible() and not page.empty_label.isVisible()
    assert _names(page) == ["Ama Boateng", "Zoë Ørsted"]
    model = page.model
    assert model.data(model.index(1, 1)) == "Carer or parent, Volunteer"
    assert model.data(model.index(1, 4)) == "Denmark"
    assert model.data(model.index(1, 5)) == "Danish"
    assert page.count_label.text() == "2 members"


def test_typing_in_search_narrows_the_list(qtbot, page, services):
    _add(services, "Ana", "Núñez", email="ana@example.org")
    _add(services, "Kwame", "Mensah", tags=("large print",))
    page.refresh()
    qtbot.keyClicks(page.search_field, "nunez")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert _names(page) == ["Ana Núñez"]
    page.search_field.clear()
    qtbot.keyClicks(page.search_field, "large pr")
    qtbot.waitUntil(lambda: _names(page) == ["Kwame Mensah"])
    page.search_field.clear()
    qtbot.keyClicks(page.search_field, "nobody-like-this")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "No members match."
    assert page.table.isVisible()  # an empty result is not the "no members yet" state


def test_role_filter(page, services):
    _add(services, "A", "Patient", roles=frozenset({Role.PATIENT}))
    _add(services, "B", "Clinician", roles=frozenset({Role.CLINICIAN}))
    page.refresh()
    page.role_filter.setCurrentIndex(page.role_filter.findData(Role.CLINICIAN.value))
    assert _names(page) == ["B Clinician"]


def _click_header(qtbot, page, column):
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_clicking_the_name_header_sorts_descending(qtbot, page, services):
    for family in ("Adams", "Baker", "Clark"):
        _add(services, "X", family)
    page.refresh()
    page.table.selectRow(_names(page).index("X Baker"))
    _click_header(qtbot, page, member_table.NAME)
    assert _names(page) == ["X Clark", "X Baker", "X Adams"]
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # The same person stays selected, though their row moved.
    assert page.selected_member_id() == services.members.search("Baker")[0].id
    _click_header(qtbot, page, member_table.NAME)
    assert _names(page) == ["X Adams", "X Baker", "X Clark"]


def test_a_column_that_cannot_be_sorted_leaves_the_order_alone(qtbot, page, services):
    for family in ("Adams", "Baker"):
        _add(services, "X", family)
    page.refresh()
    _click_header(qtbot, page, member_table.PHONE)
    assert _names(page) == ["X Adams", "X Baker"]
    assert page.table.horizontalHeader().sortIndicatorSection() == member_table.NAME


def test_delete_archives_after_confirmation_and_cancel_keeps(qtbot, page, services,
                                                             monkeypatch):
    kept = _add(services, "Kept", "Member")
    _add(services, "Other", "Person")
    page.refresh()
    answers = iter([False, True])
    questions = []

    def confirm(parent, title, text, *, destructive_label):
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(prompts, "confirm", confirm)
    page.table.setFocus()
    page.table.selectRow(_names(page).index("Kept Member"))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.members.count() == 2  # cancelled
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.members.count() == 1
    assert "Kept Member" in questions[0]
    assert _names(page) == ["Other Person"]
    page.show_archived.setChecked(True)
    assert "Kept Member (archived)" in _names(page)
    page.table.selectRow(_names(page).index("Kept Member (archived)"))
    assert page.archive_button.text().replace("&", "") == "Restore"
    page.archive_button.click()
    assert services.members.get(kept.id).archived is False


def test_new_member_through_the_editor_appears_selected(qtbot, page, services, monkeypatch):
    def fill_and_save(dialog):
        dialog.given_name.setText("Farah")
        dialog.family_name.setText("Haddad")
        dialog.save()
        return dialog.saved is not None

    monkeypatch.setattr(page, "_run_editor", fill_and_save)
    seen = []
    page.status_message.connect(seen.append)
    page.new_member()
    assert _names(page) == ["Farah Haddad"]
    assert page.selected_member_id() == services.members.list()[0].id
    assert seen == ["Farah Haddad saved."]


def _insert_many(services, count):
    """``count`` members straight into the tables, every third one a carer."""
    from sqlalchemy import insert

    from advocate_app.domain.members import (
        Member,
        MemberRole,
        member_search_text,
        member_sort_key,
    )

    members, roles = [], []
    for number in range(1, count + 1):
        given, family = f"Person{number:05d}", f"Family{number % 97:02d}"
        email = f"person{number}@example.org"
        members.append({
            "id": number, "given_name": given, "family_name": family, "email": email,
            "country": "GB", "preferred_language": "en",
            "sort_name": member_sort_key(given, family, ""),
            "search_text": member_search_text(given, family, "", email, "", []),
        })
        roles.append({"member_id": number,
                      "role": (Role.CARER if number % 3 == 0 else Role.PATIENT).value})
    with services.uow() as uow:
        uow.session.execute(insert(Member.__table__), members)
        uow.session.execute(insert(MemberRole.__table__), roles)
        uow.commit()


def test_a_large_community_is_paged_not_loaded_whole(qtbot, page, services):
    _insert_many(services, 5000)
    page.refresh()
    model = page.model
    assert model.rowCount() == 5000
    assert page.count_label.text() == "5,000 members"
    last = model.data(model.index(4999, 0))
    assert last.startswith("Person") and model.member_id(4999) is not None
    page.table.scrollToBottom()
    for row in range(0, 5000, 97):
        assert model.data(model.index(row, 0))
    limit = member_table.PAGE_SIZE * member_table.MAX_CACHED_PAGES
    assert model.cached_row_count() <= limit < 5000
    page.table.sortByColumn(member_table.NAME, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == last
    page.role_filter.setCurrentIndex(page.role_filter.findData(Role.CARER.value))
    assert model.rowCount() == 5000 // 3
    assert page.count_label.text() == "1,666 members"
    assert model.data(model.index(model.rowCount() - 1, member_table.ROLES)) == "Carer or parent"


def test_enter_opens_the_selected_member_in_the_editor(qtbot, page, services, monkeypatch):
    member = _add(services, "Ama", "Boateng")
    page.refresh()
    opened = []

    def note_and_close(dialog):
        opened.append(dialog.windowTitle())
        return False

    monkeypatch.setattr(page, "_run_editor", note_and_close)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == ["Edit Ama Boateng"]
    assert page.selected_member_id() == member.id


def test_when_everyone_is_archived_the_page_says_where_they_are(qtbot, page, services):
    member = _add(services, "Ama", "Boateng")
    services.members.archive(member.id)
    page.refresh()
    assert not page.empty_label.isVisible() and page.table.isVisible()
    assert "Show archived" in page.count_label.text()
    page.show_archived.setChecked(True)
    assert _names(page) == ["Ama Boateng (archived)"]
    model = page.model
    index = model.index(0, member_table.NAME)
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Ama Boateng is archived"


def test_a_typical_email_address_fits_its_column(page):
    metrics = page.table.fontMetrics()
    width = page.table.columnWidth(member_table.EMAIL)
    assert width > metrics.horizontalAdvance("madison.anderson57@example.com")


def test_filters_go_two_to_a_row_when_the_page_is_narrow(qtbot, page):
    def row_of(widget):
        return page.filters.grid.getItemPosition(page.filters.grid.indexOf(widget))[0]

    page.resize(max(1400, page.filters.width_for(3)), 700)
    qtbot.waitUntil(lambda: row_of(page.tag_filter) == 0)
    page.resize(page.filters.width_for(2), 700)
    qtbot.waitUntil(lambda: row_of(page.tag_filter) == 1)
    assert row_of(page.region_filter) == 0
    page.resize(page.filters.width_for(2) - 20, 700)
    qtbot.waitUntil(lambda: row_of(page.region_filter) == 1)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_filter_shows_its_first_choice_whole_at_large_text(qtbot, services, language):
    from advocate_app.i18n import install_language
    from advocate_app.ui.pages.member_filters import _combo_width

    install_language(language)
    app = QApplication.instance()
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * 1.5)
    app.setFont(font)
    try:
        page = MembersPage(services)
        qtbot.addWidget(page)
        for width in (1366 - 240, 900, 700):
            page.resize(width, 700)
            page.show()
            qtbot.wait(20)
            for _label, field in page.filters.pairs:
                if isinstance(field, QComboBox):
                    assert field.width() >= _combo_width(field, field.itemText(0)), (
                        width, field.itemText(0))
    finally:
        font.setPointSizeF(normal)
        app.setFont(font)

def test_every_control_has_a_label_or_accessible_name(page):
    from PySide6.QtWidgets import QLabel, QWidget

    labelled = {label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            assert widget.accessibleName() or widget in labelled, widget


def test_filters_by_language_access_need_and_consent(qtbot, page, services):
    from datetime import date

    from advocate_app.domain.community import (
        AccessNeed,
        ConsentMethod,
        ConsentPurpose,
        ConsentStatus,
    )
    from advocate_app.services.consent import ConsentEntry

    agreed = _add(services, "Amélie", "Roux", preferred_language="fr",
                  access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    _add(services, "Bob", "Stone", preferred_language="en")
    services.consent.record(agreed.id, ConsentEntry(
        ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.ONLINE, date(2025, 6, 1)))
    page.refresh()
    page.language_filter.setCurrentIndex(page.language_filter.findData("fr"))
    assert _names(page) == ["Amélie Roux"]
    page.language_filter.setCurrentIndex(0)
    page.need_filter.setCurrentIndex(page.need_filter.findData(AccessNeed.LARGE_PRINT.value))
    assert _names(page) == ["Amélie Roux"]
    page.need_filter.setCurrentIndex(0)
    page.consent_filter.setCurrentIndex(
        page.consent_filter.findData(ConsentPurpose.RESEARCH.value))
    assert _names(page) == ["Amélie Roux"]
    page.consent_filter.setCurrentIndex(
        page.consent_filter.findData(ConsentPurpose.NEWSLETTER.value))
    assert _names(page) == [] and page.count_label.text() == "No members match."


def test_filters_saved_as_a_segment_come_back(qtbot, page, services, monkeypatch):
    _add(services, "Amélie", "Roux", preferred_language="fr", roles=frozenset({Role.CARER}))
    _add(services, "Anne", "Roy", preferred_language="fr", roles=frozenset({Role.PATIENT}))
    page.refresh()
    page.language_filter.setCurrentIndex(page.language_filter.findData("fr"))
    page.role_filter.setCurrentIndex(page.role_filter.findData(Role.CARER.value))
    monkeypatch.setattr(prompts, "ask_text", lambda *args, **kwargs: "French carers")
    page.filters.save_segment()
    assert page.segment_filter.currentText() == "French carers"
    page.language_filter.setCurrentIndex(0)
    page.role_filter.setCurrentIndex(0)
    assert len(_names(page)) == 2
    page.segment_filter.setCurrentIndex(page.segment_filter.findData("French carers"))
    page.filters.apply_segment(page.segment_filter.currentIndex())
    assert _names(page) == ["Amélie Roux"]
    assert page.language_filter.currentData() == "fr"


def test_duplicates_are_merged_in_the_background(qtbot, services, monkeypatch):
    from advocate_app.ui.dialogs.duplicates import DuplicatesDialog

    keep = _add(services, "Ana", "Silva", email="ana@example.org")
    _add(services, "Ana", "Silva", email="ana@example.org", tags=("family day",))
    dialog = DuplicatesDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.table.model().rowCount() == 1 and "1 pair" in dialog.summary.text()
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    dialog.merge_selected()
    qtbot.waitUntil(lambda: dialog.merged == 1, timeout=10_000)
    assert dialog.table.model().rowCount() == 0
    assert dialog.summary.text() == "No duplicates found."
    assert services.members.get(keep.id).tags == ("family day",)


def test_everything_we_hold_and_erase_from_the_page(qtbot, page, services, monkeypatch,
                                                     tmp_path):
    member = _add(services, "Zoë", "Ørsted", email="zoe@example.org")
    page.refresh()
    page.table.selectRow(0)
    target = tmp_path / "zoe.html"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    said = []
    page.status_message.connect(said.append)
    page.actions.subject_access()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)  # written in the background
    assert said == ["Saved zoe.html and zoe.json."]
    assert "zoe@example.org" in target.read_text(encoding="utf-8")
    assert (tmp_path / "zoe.json").is_file()
    asked = []
    monkeypatch.setattr(prompts, "confirm",
                        lambda parent, title, text, *, destructive_label: asked.append(
                            destructive_label) or True)
    page.actions.erase_selected()
    assert asked == ["Erase for good"]
    qtbot.waitUntil(lambda: page.count_label.text().startswith(  # erased in the background
        "No members shown: archived members are hidden"), timeout=10_000)
    assert services.members.get(member.id).email == ""
    assert not page.empty_label.isVisible()  # not "no members yet": someone is archived


def test_several_members_tagged_and_exported_at_once(qtbot, page, services, monkeypatch,
                                                     tmp_path):
    import json

    from PySide6.QtCore import QItemSelectionModel

    for family in ("Adams", "Baker", "Clark"):
        _add(services, "X", family)
    page.refresh()
    selection = page.table.selectionModel()
    for row in (0, 2):
        selection.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    selection.setCurrentIndex(page.model.index(2, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    assert len(page.selected_ids()) == 2
    monkeypatch.setattr(prompts, "ask_text", lambda *args, **kwargs: "family day")
    page.actions.tag_selected()
    tagged = [r.display_name for r in services.members.search("family day")]
    assert sorted(tagged) == ["X Adams", "X Clark"]
    target = tmp_path / "chosen.json"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    for row in (0, 2):
        selection.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    page.actions.export_selected()
    qtbot.waitUntil(lambda: target.exists() and not page.actions.export_task.is_running(),
                    timeout=10_000)
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(m["family_name"] for m in exported) == ["Adams", "Clark"]
    assert all("conditions" not in m for m in exported)


def test_filters_by_region_and_tag(qtbot, page, services):
    _add(services, "Ana", "Silva", region="Norte", tags=("family day",))
    _add(services, "Bo", "Berg", region="Skåne")
    page.refresh()
    page.region_filter.setCurrentIndex(page.region_filter.findData("Norte"))
    assert _names(page) == ["Ana Silva"]
    page.region_filter.setCurrentIndex(0)
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("family day"))
    assert _names(page) == ["Ana Silva"]
    page.tag_filter.setCurrentIndex(0)
    assert len(_names(page)) == 2


def test_a_subscriber_whose_name_is_not_known_is_listed_as_such(page, services):
    services.members.create(MemberInput(email="subscriber@example.org"))
    page.refresh()
    assert _names(page) == ["Name not known"]
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.FontRole).italic()
    page.search_field.setText("subscriber@example")
    page._apply_filters()
    assert _names(page) == ["Name not known"]


def test_export_these_members_writes_what_the_list_shows(qtbot, page, services, monkeypatch,
                                                         tmp_path):
    import csv

    from advocate_app.domain.community import AccessNeed

    _add(services, "Ana", "Silva", roles=frozenset({Role.CARER}), email="ana@example.org",
         access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    _add(services, "Bruno", "Costa", roles=frozenset({Role.CARER}), email="bruno@example.org")
    _add(services, "Carla", "Dias", roles=frozenset({Role.CARER}), email="carla@elsewhere.org")
    _add(services, "Duarte", "Reis", roles=frozenset({Role.PATIENT}), email="d@example.org")
    page.refresh()
    page.role_filter.setCurrentIndex(page.role_filter.findData(Role.CARER.value))
    page.search_field.setText("example")
    page._apply_filters()
    assert sorted(_names(page)) == ["Ana Silva", "Bruno Costa"]
    choices = []

    def choose(parent, title, label, options):
        choices.append((label, options))
        return 1  # with access needs

    monkeypatch.setattr(prompts, "choose", choose)
    target = tmp_path / "carers.csv"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    page.actions.export_list()
    qtbot.waitUntil(lambda: target.exists() and not page.actions.export_task.is_running(),
                    timeout=10_000)
    assert "2 members" in choices[0][0]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["Last name"] for r in rows) == ["Costa", "Silva"]  # as the list shows
    ana = next(r for r in rows if r["Last name"] == "Silva")
    assert ana["Access needs"] == "Large print"
    assert "Conditions" not in ana and "Date of birth" not in ana


def test_after_an_import_the_list_shows_the_people_just_imported(qtbot, page, services,
                                                                 tmp_path):
    from advocate_app.services.member_import import ImportOptions, import_members

    _add(services, "Zoë", "Ørsted", roles=frozenset({Role.CARER}))
    page.role_filter.setCurrentIndex(page.role_filter.findData(Role.CARER.value))
    page.search_field.setText("zoe")
    page._apply_filters()
    path = tmp_path / "new.csv"
    path.write_text("Name,Email\nAna Silva,ana@example.org\n,subscriber@example.org\n",
                    encoding="utf-8")
    report = import_members(services.uow, services.actor, path, ImportOptions())
    page.show_imported(report)
    assert page.search_field.text() == "" and page.role_filter.currentIndex() == 0
    assert sorted(_names(page)) == ["Ana Silva", "Name not known"]
    assert page.imported_bar.isVisible()
    assert "2 members this import added" in page.imported_label.text()
    assert page.selected_member_id() is not None
    page.show_everyone_button.click()
    assert not page.imported_bar.isVisible()
    assert len(_names(page)) == 3


def test_the_import_wizard_leaves_the_members_list_on_the_people_imported(
        qtbot, main_window, services, tmp_path, monkeypatch):
    from advocate_app.services.member_import import ImportOptions, import_members

    _add(services, "Zoë", "Ørsted")
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAna Silva,ana@example.org\nBruno Costa,bruno@example.org\n",
                    encoding="utf-8")

    def run_wizard(wizard):  # what the person does in the wizard: import the file
        wizard.report = import_members(services.uow, services.actor, path, ImportOptions())

    monkeypatch.setattr(main_window, "_run_wizard", run_wizard)
    page = main_window.show_section("members")
    page.search_field.setText("zoe")
    page._apply_filters()
    main_window.import_members()
    assert sorted(_names(page)) == ["Ana Silva", "Bruno Costa"]
    assert page.imported_bar.isVisible() and page.search_field.text() == ""
    imported = {r.id for r in services.members.search("example.org")}
    assert page.selected_member_id() in imported


def test_a_report_that_cannot_be_written_says_so_and_the_page_carries_on(qtbot, page, services,
                                                                        monkeypatch, tmp_path):
    _add(services, "Zoë", "Ørsted", email="zoe@example.org")
    page.refresh()
    page.table.selectRow(0)
    target = tmp_path / "no such folder" / "zoe.html"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    shown = []
    monkeypatch.setattr(prompts, "error", lambda parent, title, text: shown.append(title))
    page.actions.subject_access()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["Everything we hold about Zoë Ørsted"]
    assert not target.parent.exists()


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight,
                                       Qt.LayoutDirection.RightToLeft])
def test_search_then_enter_chooses_the_first_member_found_in_either_direction(
        qtbot, services, monkeypatch, direction):
    _add(services, "Ama", "Boateng")
    found = _add(services, "Layla", "Haddad")
    app = QApplication.instance()
    app.setLayoutDirection(direction)
    try:
        page = MembersPage(services)
        qtbot.addWidget(page)
        page.resize(1000, 600)
        page.show()
        qtbot.waitExposed(page)
        page.refresh()
        opened = []
        monkeypatch.setattr(page, "_run_editor",
                            lambda dialog: opened.append(dialog.windowTitle()) or False)
        page.search_field.setText("Haddad")
        qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
        assert page.selected_member_id() == found.id
        page.edit_selected()  # what Enter in the list, or Edit…, does next
        assert opened == ["Edit Layla Haddad"]
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
