"""The Boards & meetings page and its editors, as a board secretary uses them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.community import AccessNeed
from advocate_app.domain.governance import (
    AccessArrangement,
    ActionStatus,
    AttendanceStatus,
    BoardRole,
    PromiseStatus,
    RaciValue,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_editor import BoardEditor
from advocate_app.ui.dialogs.meeting_editor import MeetingEditor
from advocate_app.ui.dialogs.raci_editor import RaciEditor
from advocate_app.ui.pages.boards import BoardsPage


def _person(services, given, family, **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


@pytest.fixture
def board(services):
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board", quorum_count=2))
    people = {
        "chair": _person(services, "Amina", "Haddad"),
        "secretary": _person(services, "Seán", "Murphy",
                             access_needs=frozenset({AccessNeed.LARGE_PRINT})),
        "member": _person(services, "Priya", "Sharma",
                          access_needs=frozenset({AccessNeed.LARGE_PRINT})),
    }
    boards.set_membership(board_id, people["chair"], BoardRole.CHAIR)
    boards.set_membership(board_id, people["secretary"], BoardRole.SECRETARY)
    boards.set_membership(board_id, people["member"], BoardRole.MEMBER)
    return board_id, people


def _meeting(services, board_id, when=None, title="Spring meeting") -> int:
    when = when or datetime.now().replace(second=0, microsecond=0) + timedelta(days=7)
    return services.meetings.schedule_meeting(
        MeetingInput(board_id, title, when, 90, "Europe/London"),
        [AgendaInput("Welcome"), AgendaInput("Lay summary")])


@pytest.fixture
def page(qtbot, services):
    widget = BoardsPage(services)
    qtbot.addWidget(widget, before_close_func=lambda w: w.wait_for_work())
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def _texts(table, column):
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _done(qtbot, tab):
    """Wait for what the tab writes or assembles in the background, and its answer."""
    qtbot.waitUntil(lambda: not tab.work.busy(), timeout=20000)


def test_the_boards_section_lists_the_boards(qtbot, main_window, services, board):
    page = main_window.show_section("boards")
    assert isinstance(page, BoardsPage)
    assert page.board_list.count() == 1
    assert page.board_list.item(0).text() == "Patient Advisory Board"
    assert page.board().members[0].name == "Amina Haddad"
    assert page.meetings_tab.empty_label.isVisibleTo(page)


def test_the_board_editor_makes_a_board_with_members(qtbot, page, services, monkeypatch):
    amina = _person(services, "Amina", "Haddad")

    def fill(dialog):
        dialog.name_field.setText("Steering group")
        dialog.timezone_combo.setCurrentText("Europe/Paris")
        dialog.add_seat(amina, "Amina Haddad", BoardRole.CHAIR, date(2026, 1, 1))
        dialog.save()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(page, "_run_dialog", fill)
    page.new_board()
    made = services.boards.list_boards()[0]
    assert (made.name, made.timezone) == ("Steering group", "Europe/Paris")
    assert [(m.name, m.role, m.term_start) for m in made.members] == [
        ("Amina Haddad", BoardRole.CHAIR, date(2026, 1, 1))]
    assert page.board_id() == made.id


def test_a_new_meeting_from_the_editor_has_its_agenda(qtbot, page, services, board, monkeypatch):
    board_id, _people = board
    page.refresh()

    def fill(dialog):
        dialog.title_field.setText("Autumn meeting")
        dialog.date_edit.setDate(QDate(2026, 10, 6))
        dialog.time_edit.setTime(QTime(18, 30))
        dialog.timezone_combo.setCurrentText("Europe/Paris")
        dialog.place_field.setText("Community hall")
        dialog.arrangement_checks[AccessArrangement.CAPTIONS].setChecked(True)
        dialog.add_agenda_item("Research update", "Dr Lee", 20)
        dialog.add_agenda_item("Any other business")
        dialog.agenda_table.selectRow(1)
        dialog.move_agenda_item(-1)
        dialog.save()
        return dialog.saved_id is not None

    monkeypatch.setattr(page, "_run_dialog", fill)
    page.new_meeting()
    summary = services.meetings.list_meetings(board_id)[0]
    meeting = services.meetings.get_meeting(summary.id)
    assert meeting.title == "Autumn meeting"
    assert meeting.local_start == datetime(2026, 10, 6, 18, 30, tzinfo=meeting.local_start.tzinfo)
    assert meeting.timezone == "Europe/Paris"
    assert meeting.arrangements == frozenset({AccessArrangement.CAPTIONS})
    assert [item.title for item in meeting.agenda] == ["Any other business", "Research update"]
    assert len(meeting.attendees) == 3
    assert _texts(page.meetings_table, 1) == ["Autumn meeting"]
    assert "(Europe/Paris)" in _texts(page.meetings_table, 0)[0]


def test_editing_the_agenda_of_a_saved_meeting(qtbot, services, board):
    board_id, _people = board
    meeting_id = _meeting(services, board_id)
    dialog = MeetingEditor(services, services.boards.get_board(board_id), meeting_id)
    qtbot.addWidget(dialog)
    dialog.agenda_table.selectRow(1)
    dialog.move_agenda_item(-1)
    dialog.agenda_table.selectRow(1)
    dialog.remove_agenda_item()
    dialog.add_agenda_item("Close", papers="none")
    dialog.save()
    agenda = services.meetings.get_meeting(meeting_id).agenda
    assert [(item.title, item.papers) for item in agenda] == [("Lay summary", ""),
                                                               ("Close", "none")]


def test_attendance_changes_the_quorum_and_needs_are_in_plain_words(qtbot, page, services,
                                                                   board):
    board_id, people = board
    meeting_id = _meeting(services, board_id)
    dialog = MeetingEditor(services, services.boards.get_board(board_id), meeting_id)
    qtbot.addWidget(dialog)
    assert dialog.quorum_label.text() == "Quorum: 0 of 2 needed present (not met yet)"
    assert "2 need: large print" in dialog.needs_label.text()
    for who in ("chair", "member"):
        combo = dialog.status_combo(people[who])
        combo.setCurrentIndex(combo.findData(AttendanceStatus.PRESENT.value))
    assert dialog.quorum_label.text() == "Quorum: 2 of 2 needed present (met)"
    assert services.meetings.quorum(meeting_id).met
    page.refresh()
    assert page.quorum_label.text() == "Quorum: 2 of 2 needed present (met)"
    assert "large print" in page.meetings_tab.panel.needs_label.text()


def _decided(services, board_id):
    meeting_id = _meeting(services, board_id)
    services.minutes.record_decision(meeting_id, "Publish the lay summary in Easy Read")
    services.minutes.record_decision(meeting_id, "Hold the next meeting online", dissent="Priya")
    return meeting_id


def test_searching_decisions(qtbot, page, services, board):
    _decided(services, board[0])
    page.tabs.setCurrentIndex(1)
    assert len(_texts(page.decisions_tab.table, 3)) == 2
    qtbot.keyClicks(page.decisions_tab.search, "easy read")
    assert _texts(page.decisions_tab.table, 3) == ["Publish the lay summary in Easy Read"]
    assert page.decisions_tab.count_label.text() == "1 decision"


def test_overdue_actions_and_marking_one_done(qtbot, page, services, board):
    board_id, people = board
    meeting_id = _meeting(services, board_id)
    late = services.actions.add_action("Draft the lay summary", meeting_id=meeting_id,
                                       owner_member_id=people["chair"], due_on=date.today()
                                       - timedelta(days=3))
    services.actions.add_action("Book the room", meeting_id=meeting_id, owner_role="Secretary",
                                due_on=date.today() + timedelta(days=30))
    page.tabs.setCurrentIndex(2)
    assert len(_texts(page.actions_tab.table, 0)) == 2
    page.set_action_filter("overdue")
    assert _texts(page.actions_tab.table, 0) == ["Draft the lay summary"]
    assert _texts(page.actions_tab.table, 5) == ["Overdue"]
    page.actions_tab.table.selectRow(0)
    page.actions_tab.mark_done()
    assert _texts(page.actions_tab.table, 0) == []
    assert services.actions.actions(status=ActionStatus.DONE)[0].id == late


def test_the_chosen_action_stays_chosen_when_the_list_is_read_again(qtbot, page, services,
                                                                    board):
    board_id, _people = board
    meeting_id = _meeting(services, board_id)
    room = services.actions.add_action("Book the room", meeting_id=meeting_id,
                                       owner_role="Secretary",
                                       due_on=date.today() + timedelta(days=30))
    page.tabs.setCurrentIndex(2)
    page.actions_tab.table.selectRow(0)
    assert page.actions_tab.done_button.isEnabled()
    services.actions.add_action("Send the papers", meeting_id=meeting_id,
                                owner_role="Chair", due_on=date.today() + timedelta(days=2))
    page.actions_tab.refresh()
    texts = _texts(page.actions_tab.table, 0)
    assert texts == ["Send the papers", "Book the room"]  # sooner first: the row moved
    rows = page.actions_tab.table.selectionModel().selectedRows()
    assert [texts[index.row()] for index in rows] == ["Book the room"]
    page.actions_tab.mark_done()
    assert services.actions.actions(status=ActionStatus.DONE)[0].id == room


def test_mine_asks_who_i_am_once(qtbot, page, services, board, monkeypatch):
    board_id, people = board
    meeting_id = _meeting(services, board_id)
    services.actions.add_action("Chair's task", meeting_id=meeting_id,
                                owner_member_id=people["chair"])
    services.actions.add_action("Someone else's task", meeting_id=meeting_id,
                                owner_role="Secretary")
    asked = []

    def choose(_parent, _title, _label, options):
        asked.append(options)
        return options.index("Amina Haddad")

    monkeypatch.setattr(prompts, "choose", choose)
    page.tabs.setCurrentIndex(2)
    page.set_action_filter("mine")
    assert _texts(page.actions_tab.table, 0) == ["Chair's task"]
    page.set_action_filter("open")
    page.set_action_filter("mine")
    assert len(asked) == 1


def test_a_promise_is_kept_with_evidence(qtbot, page, services, board, monkeypatch):
    board_id, people = board
    promise_id = services.actions.add_promise(
        "Publish results in plain language", you_said="We never hear what happened",
        board_id=board_id, owner_member_id=people["chair"])
    page.tabs.setCurrentIndex(3)
    assert _texts(page.promises_tab.table, 0) == ["We never hear what happened"]
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "Summary posted on 3 May")
    page.promises_tab.table.selectRow(0)
    page.promises_tab.mark_kept()
    kept = services.actions.promises(status=PromiseStatus.KEPT)
    assert [(p.id, p.evidence) for p in kept] == [(promise_id, "Summary posted on 3 May")]
    assert _texts(page.promises_tab.table, 5) == ["Summary posted on 3 May"]


def test_the_roles_matrix_allows_one_accountable_party(qtbot, services, board, monkeypatch):
    board_id, people = board
    boards = services.boards
    activity = services.roles.add_raci_activity(board_id, "Approve lay summaries")
    services.roles.add_raci_party(board_id, "Amina Haddad", people["chair"])
    services.roles.add_raci_party(board_id, "Research team")
    errors = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    dialog = RaciEditor(services, boards.get_board(board_id))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    assert dialog.table.model().index(0, 0).data() == "A"
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 1))
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # R -> A: refused
    assert errors and "already accountable" in errors[0]
    assert dialog.table.model().index(0, 1).data() == "R"
    matrix = services.roles.raci(board_id)
    first, second = (party_id for party_id, _name in matrix.parties)
    assert matrix.cells == {(activity, first): RaciValue.ACCOUNTABLE,
                            (activity, second): RaciValue.RESPONSIBLE}
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.table.model().index(0, 1).data() == ""


def test_the_roles_tab_reads_the_matrix_aloud_and_follows_the_editor(qtbot, page, services,
                                                                     board, monkeypatch):
    board_id, people = board
    activity = services.roles.add_raci_activity(board_id, "Approve lay summaries")
    party = services.roles.add_raci_party(board_id, "Research team")
    services.roles.set_raci(activity, party, RaciValue.ACCOUNTABLE)
    page.refresh()
    page.tabs.setCurrentIndex(4)
    table = page.roles_tab.table
    model = table.model()
    assert model.headerData(0, Qt.Orientation.Vertical) == "Approve lay summaries"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Research team"
    cell = model.index(0, 0)
    assert cell.data() == "A" and cell.data(Qt.ItemDataRole.ToolTipRole) == (
        RaciValue.ACCOUNTABLE.label)
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == (
        f"Approve lay summaries, Research team: {RaciValue.ACCOUNTABLE.label}")

    def change(dialog):  # as a person would in the editor, then Close
        dialog.add_party()
        return True

    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _l, options: 0)
    monkeypatch.setattr(page, "_run_dialog", change)
    page.roles_tab.raci_button.click()
    assert model.columnCount() == 2 and model.index(0, 1).data() == ""
    assert model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole).endswith(
        ": not involved")


def test_adding_a_suggested_activity_and_a_member_as_party(qtbot, services, board, monkeypatch):
    board_id, _people = board
    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _l, options: 0)
    dialog = RaciEditor(services, services.boards.get_board(board_id))
    qtbot.addWidget(dialog)
    dialog.add_activity()
    dialog.add_party()
    matrix = services.roles.raci(board_id)
    assert [name for _id, name in matrix.activities] == ["Decide on protocol changes"]
    assert [name for _id, name in matrix.parties] == ["Amina Haddad"]
    assert dialog.table.model().rowCount() == 1 and dialog.table.model().columnCount() == 1


def test_approved_minutes_make_the_meeting_read_only(qtbot, page, services, board, monkeypatch):
    board_id, _people = board
    meeting_id = _meeting(services, board_id, datetime(2026, 1, 12, 18, 0))
    services.minutes.record_decision(meeting_id, "Meet again in spring")  # minutes to send
    page.refresh()
    page.select_meeting(meeting_id)
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: True)
    page.meetings_tab.circulate()
    monkeypatch.setattr(prompts, "choose", lambda *a: 0)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "Approved by email")
    page.meetings_tab.approve()
    assert services.meetings.get_meeting(meeting_id).read_only
    assert not page.meetings_tab.minutes_button.isEnabled()
    assert not page.approve_button.isEnabled()
    dialog = MeetingEditor(services, services.boards.get_board(board_id), meeting_id)
    qtbot.addWidget(dialog)
    assert dialog.read_only_label.isVisibleTo(dialog)
    assert "approved" in dialog.read_only_label.text()
    assert dialog.title_field.isReadOnly()
    assert not dialog.add_item_button.isEnabled()
    assert not dialog.invite_button.isEnabled()
    assert not any(combo.isEnabled() for combo in dialog._status_combos.values())


def test_take_minutes_and_export_them(qtbot, main_window, services, board, monkeypatch,
                                     tmp_path):
    import docx

    meeting_id = _meeting(services, board[0], datetime.now().replace(second=0, microsecond=0))
    page = main_window.show_section("boards")
    page.refresh()
    page.select_meeting(meeting_id)
    page.take_minutes()
    window = page.live_window
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClicks(window.notes, "Minuted from the boards page")
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    window.end_meeting()
    for name in ("minutes.pdf", "minutes.docx"):
        monkeypatch.setattr(prompts, "save_file", lambda *a, name=name: str(tmp_path / name))
        page.meetings_tab.export_minutes()
        _done(qtbot, page.meetings_tab)
    assert (tmp_path / "minutes.pdf").read_bytes().startswith(b"%PDF")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "minutes.docx")).paragraphs)
    assert "Minuted from the boards page" in text


def test_a_calendar_file_for_the_meeting(qtbot, page, services, board, monkeypatch, tmp_path):
    meeting_id = _meeting(services, board[0])
    page.refresh()
    page.select_meeting(meeting_id)
    suggested, said, errors = [], [], []
    monkeypatch.setattr(prompts, "save_file",
                        lambda _p, _t, name, *a: suggested.append(name)
                        or str(tmp_path / "meeting.ics"))
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    page.status_message.connect(said.append)
    page.meetings_tab.calendar_file()
    _done(qtbot, page.meetings_tab)
    assert suggested == ["spring-meeting.ics"]
    assert (tmp_path / "meeting.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert said == ["Saving meeting.ics…", "Saved meeting.ics."] and errors == []
    # Written in the background: a place that cannot take the file is said, as before.
    (tmp_path / "a file").write_text("not a folder")
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(tmp_path / "a file" / "m.ics"))
    page.meetings_tab.calendar_file()
    _done(qtbot, page.meetings_tab)
    assert len(errors) == 1 and errors[0].startswith("The calendar file could not be saved:")
    assert said[-1] == "Saving m.ics…"


def test_the_dashboard_lists_an_overdue_action(qtbot, main_window, services, board):
    board_id, people = board
    meeting_id = _meeting(services, board_id)
    services.actions.add_action("Draft the lay summary", meeting_id=meeting_id,
                                owner_member_id=people["chair"], due_on=date(2026, 4, 1)
                                if date.today() > date(2026, 4, 1)
                                else date.today() - timedelta(days=1))
    main_window.show_section("members")
    page = main_window.show_section("dashboard")
    text = page.reminders.text()
    assert text.startswith("1 action item is overdue:")
    assert "Draft the lay summary — Amina Haddad, due" in text


def test_the_dashboard_says_when_nothing_is_overdue(main_window):
    page = main_window.page("dashboard")
    assert page.reminders.text().startswith("Nothing overdue")


def _assert_labelled(owner):
    from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QWidget

    labelled = {label.buddy() for label in owner.findChildren(QLabel) if label.buddy()}
    for widget in owner.findChildren(QWidget):
        if isinstance(widget.parent(), QAbstractSpinBox):
            continue  # the spin box's own text field; the spin box is named
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            assert widget.accessibleName() or widget in labelled, widget


def test_every_control_has_a_label_or_accessible_name(qtbot, page, services, board):
    board_id, people = board
    meeting_id = _meeting(services, board_id)
    services.roles.add_raci_activity(board_id, "Approve lay summaries")
    page.refresh()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        _assert_labelled(page)
    board_view = services.boards.get_board(board_id)
    dialogs = [BoardEditor(services, board_view), MeetingEditor(services, board_view, meeting_id),
               MeetingEditor(services, board_view), RaciEditor(services, board_view)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(index)
            _assert_labelled(dialog)


def test_lay_summary_and_you_said_we_did_become_outreach_items(qtbot, page, services, board,
                                                               monkeypatch):
    from advocate_app.domain.governance import PromiseStatus

    board_id, people = board
    meeting_id = _meeting(services, board_id)
    promise = services.actions.add_promise("Publish the results in plain words",
                                           you_said="Tell us the results", meeting_id=meeting_id,
                                           owner_role="Chair")
    services.actions.update_promise(promise, PromiseStatus.KEPT, "The summary is on the website")
    services.members.create(MemberInput(given_name="Chloé", family_name="Martin",
                                        preferred_language="fr"))
    services.minutes.circulate(meeting_id)
    said = []
    monkeypatch.setattr(prompts, "information", lambda _p, _t, text: said.append(text))
    page.refresh()
    page.select_meeting(meeting_id)
    assert page.meetings_tab.lay_button.isEnabled()
    page.meetings_tab.make_lay_summary()
    _done(qtbot, page.meetings_tab)
    page.promises_tab.make_you_said_update()
    _done(qtbot, page.promises_tab)
    items = {s.title: s for s in services.outreach.list()}
    lay = next(s for s in items.values() if s.kind.value == "lay_summary")
    lay_text = services.outreach.export_json(lay.id)
    assert "Amina" not in lay_text and "Haddad" not in lay_text  # roles only, no names
    updates = [s for s in items.values() if s.kind.value == "newsletter"]
    assert sorted(s.language for s in updates) == ["en", "fr"]
    assert len({s.group for s in updates}) == 1
    assert "Outreach section" in said[0]


def test_the_dashboard_names_the_next_meeting(qtbot, main_window, services, board):
    from advocate_app.domain.board_views import MeetingInput

    board_id, _people = board
    soon = datetime.now().replace(microsecond=0) + timedelta(days=10)
    services.meetings.schedule_meeting(MeetingInput(board_id, "Autumn check-in", soon))
    services.meetings.schedule_meeting(MeetingInput(board_id, "Later still",
                                                    soon + timedelta(days=30)))
    page = main_window.show_section("dashboard")
    page.refresh()
    assert "Next meeting: Patient Advisory Board, “Autumn check-in”" in page.reminders.text()
    assert "Later still" not in page.reminders.text()


def test_a_second_you_said_we_did_or_lay_summary_is_asked_about_first(qtbot, page, services,
                                                                      board, monkeypatch):
    board_id, _people = board
    meeting_id = _meeting(services, board_id)
    promise = services.actions.add_promise("Publish the results", you_said="Tell us the results",
                                           meeting_id=meeting_id, owner_role="Chair")
    services.actions.update_promise(promise, PromiseStatus.KEPT, "The summary is on the website")
    services.members.create(MemberInput(given_name="Chloé", family_name="Martin",
                                        preferred_language="fr"))
    services.minutes.circulate(meeting_id)
    monkeypatch.setattr(prompts, "information", lambda *a: None)
    asked = []
    answer = [False]
    monkeypatch.setattr(prompts, "confirm",
                        lambda _p, _t, text, **k: asked.append(text) or answer[0])
    page.refresh()
    page.select_meeting(meeting_id)

    def kinds():
        return sorted(s.kind.value for s in services.outreach.list())

    page.promises_tab.make_you_said_update()
    _done(qtbot, page.promises_tab)
    page.meetings_tab.make_lay_summary()
    _done(qtbot, page.meetings_tab)
    assert asked == [] and kinds() == ["lay_summary", "newsletter", "newsletter"]
    page.promises_tab.make_you_said_update()   # again: asked, and "No" makes nothing
    _done(qtbot, page.promises_tab)
    page.meetings_tab.make_lay_summary()
    _done(qtbot, page.meetings_tab)
    assert len(asked) == 2 and kinds() == ["lay_summary", "newsletter", "newsletter"]
    assert "already in the Outreach section (2 versions)" in asked[0]
    answer[0] = True              # "Make another" does
    page.promises_tab.make_you_said_update()
    _done(qtbot, page.promises_tab)
    assert kinds() == ["lay_summary"] + ["newsletter"] * 4


LAPTOP = (1366, 728)  # a 1366×768 screen less its task bar


def _titles_whole(table) -> bool:
    from advocate_app.ui.widgets.tables import header_text_width

    header = table.horizontalHeader()
    return all(header.sectionSize(c) >= header_text_width(header, c)
               for c in range(header.count()) if not header.isSectionHidden(c))


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_boards_page_fits_a_laptop_and_its_tables_read(qtbot, main_window, services, board,
                                                           language, scale, tmp_path):
    from PySide6.QtWidgets import QApplication, QPushButton, QTableView

    from advocate_app.i18n import install_language

    install_language(language, tmp_path)
    board_id, people = board
    meeting_id = _meeting(services, board_id)
    decision = ("Advise the sponsor to keep the six-minute walk test only with a seated "
                "alternative for people who cannot walk for six minutes")
    services.minutes.record_decision(meeting_id, decision, decided_by="The board",
                                     dissent="One member asked for this to be recorded")
    services.actions.add_action(decision, meeting_id=meeting_id, owner_role="Chair")
    services.actions.add_promise(decision, you_said="We want the results in plain words",
                                 meeting_id=meeting_id, owner_role="Chair")
    main_window.set_text_scale(scale)  # as Ctrl+Plus does
    main_window.resize(*LAPTOP)
    page = main_window.show_section("boards")
    page.refresh()
    page.select_meeting(meeting_id)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: main_window.size().toTuple() == LAPTOP)
        QApplication.processEvents()
        minimum = main_window.minimumSizeHint()
        assert minimum.width() <= LAPTOP[0] and minimum.height() <= LAPTOP[1], index
        for button in page.findChildren(QPushButton):
            if button.isVisible():
                assert button.width() >= button.sizeHint().width(), button.text()
                assert button.visibleRegion().boundingRect() == button.rect(), button.text()
        for table in page.findChildren(QTableView):
            if table.isVisible() and table is not page.roles_tab.table:
                assert _titles_whole(table), table.accessibleName()
                assert table.wordWrap(), table.accessibleName()
    # The time zone is named whole, on a line of its own, never split at its "/".
    assert _texts(page.meetings_table, 0)[0].splitlines()[-1] == "(Europe/London)"
    # The long texts wrap onto more lines in their column rather than being cut short.
    for table, column in ((page.decisions_tab.table, 3), (page.actions_tab.table, 0),
                          (page.promises_tab.table, 1)):
        page.tabs.setCurrentWidget(table.parentWidget())
        QApplication.processEvents()
        row = _texts(table, column).index(decision)
        assert table.rowHeight(row) >= 2 * table.fontMetrics().lineSpacing(), table.accessibleName()


def test_a_long_agenda_title_wraps_whole_in_the_meeting_editor(qtbot, services, board):
    board_id, _people = board
    title = ("Matters arising: ask the ethics committee whether carers' travel costs can be "
             "paid for every study visit, including taxis for people who cannot use public "
             "transport, and whether an overnight stay can be paid when a visit starts early")
    meeting_id = services.meetings.schedule_meeting(
        MeetingInput(board_id, "Spring meeting", datetime(2027, 3, 10, 18, 0)),
        [AgendaInput(title, "Chair", 5)])
    dialog = MeetingEditor(services, services.boards.get_board(board_id), meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitExposed(dialog)
    table = dialog.agenda_table
    qtbot.waitUntil(lambda: table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing())
    assert _titles_whole(table) and _titles_whole(dialog.people_table)
    assert dialog.date_edit.text() == "10 Mar 2027"


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_board_dialogs_fit_a_laptop(qtbot, main_window, services, board, language, scale,
                                        tmp_path):
    from PySide6.QtWidgets import QApplication, QPushButton, QTableView

    from advocate_app.i18n import install_language

    install_language(language, tmp_path)
    board_id, _people = board
    meeting_id = _meeting(services, board_id)
    for name in ("Approve lay summaries", "Report safety concerns raised by patients"):
        services.roles.add_raci_activity(board_id, name)
    for name in ("Advisory board", "Trial sponsor", "Ethics committee", "Charity staff",
                 "Research nurse", "Patient organisation"):
        services.roles.add_raci_party(board_id, name)
    main_window.set_text_scale(scale)
    view = services.boards.get_board(board_id)
    for dialog in (BoardEditor(services, view, main_window),
                   MeetingEditor(services, view, meeting_id, main_window),
                   RaciEditor(services, view, main_window)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        # No larger than the screen (this one is 800 pixels), unless the least it needs is.
        room = dialog.screen().availableGeometry()
        minimum = dialog.minimumSizeHint()
        assert minimum.width() <= LAPTOP[0] and minimum.height() <= LAPTOP[1]
        assert dialog.width() <= max(room.width(), minimum.width())
        assert dialog.height() <= max(room.height(), minimum.height())
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(index)
            QApplication.processEvents()
            for button in dialog.findChildren(QPushButton):
                if button.isVisible():
                    assert button.width() >= button.sizeHint().width(), button.text()
            for table in dialog.findChildren(QTableView):
                if table.isVisible() and not isinstance(dialog, RaciEditor):
                    assert _titles_whole(table), table.accessibleName()
        dialog.done(0)


def test_adding_an_agenda_item_asks_in_a_box_wide_enough_for_a_sentence(qtbot, services,
                                                                        board):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    board_id, _people = board
    dialog = MeetingEditor(services, services.boards.get_board(board_id))
    qtbot.addWidget(dialog)
    dialog.show()
    sentence = "Plans for the community day, with staff and our volunteers"
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        if box is None or box is dialog:
            QTimer.singleShot(20, answer)
            return
        field = box.findChild(QLineEdit)
        seen["fits"] = field.width() >= field.fontMetrics().horizontalAdvance(sentence)
        seen["title"] = box.width() >= box.fontMetrics().horizontalAdvance(box.windowTitle())
        field.setText(sentence)
        box.accept()

    QTimer.singleShot(0, answer)
    dialog.add_agenda_item_asked()
    assert seen == {"fits": True, "title": True}
    assert dialog.agenda_table.item(0, 0).text() == sentence
