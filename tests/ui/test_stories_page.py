"""The Stories page and its editors, as a group's story-sharing lead uses them: stories with
approved quotes, consent for each use (a child's with a guardian), withdrawal through the
dialogs, attachments, and story-sharing sessions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QTextCursor

from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.story_rules import (
    Identification,
    SessionAttendance,
    SessionMode,
    SessionSupport,
    StoryChannel,
    StoryTheme,
)
from advocate_app.domain.story_views import ConsentGrantInput, StoryInput, StorySessionInput
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import board_editor
from advocate_app.ui.dialogs.story_consent import StoryConsentEditor
from advocate_app.ui.dialogs.story_editor import StoryEditor
from advocate_app.ui.dialogs.story_session_editor import StorySessionEditor
from advocate_app.ui.pages.stories import StoriesPage

STORY = ("It took four years to get a name for it. The nearest clinic is two hours away by "
         "train, and every visit costs me a day's pay.")


def _person(services, given, family, **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


def _story(services, teller=None, *, child=False, title="Four years to a name") -> int:
    return services.stories.create(StoryInput(
        title, STORY, teller, frozenset({StoryTheme.DIAGNOSIS, StoryTheme.TRAVEL}), "en",
        teller_is_child=child, told_on=date(2026, 5, 2)))


@pytest.fixture
def page(qtbot, services):
    widget = StoriesPage(services)
    qtbot.addWidget(widget, before_close_func=lambda w: w.wait_for_work())
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def _texts(table, column):
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _run(monkeypatch, page, act):
    """Each dialog the page opens is handed to ``act`` instead of running modally."""
    opened = []

    def run(dialog):
        opened.append(dialog)
        return act(dialog)

    monkeypatch.setattr(page, "_run_dialog", run)
    return opened


def test_the_stories_section_is_the_stories_page(main_window):
    page = main_window.show_section("stories")
    assert isinstance(page, StoriesPage)
    assert [page.tabs.tabText(i).replace("&", "") for i in range(page.tabs.count())] == [
        "Stories", "Sessions"]


def test_a_story_is_written_down_with_quotes_approved_word_for_word(qtbot, page, services,
                                                                     monkeypatch):
    amina = _person(services, "Amina", "Haddad")
    monkeypatch.setattr(board_editor, "pick_member", lambda *_a, **_k: (amina, "Amina Haddad"))
    seen = {}

    def write(dialog: StoryEditor):
        dialog.teller.choose()
        dialog.title_field.setText("Four years to a name")
        dialog.text_field.setPlainText(STORY)
        dialog.theme_checks[StoryTheme.DIAGNOSIS].setChecked(True)
        dialog.theme_checks[StoryTheme.COST].setChecked(True)
        dialog.tabs.setCurrentIndex(1)
        # Select "two hours away by train" in the story and approve it.
        cursor = dialog.quote_source.textCursor()
        start = STORY.index("two hours away by train")
        cursor.setPosition(start)
        cursor.setPosition(start + len("two hours away by train"),
                           QTextCursor.MoveMode.KeepAnchor)
        dialog.quote_source.setTextCursor(cursor)
        assert dialog.add_selection_button.isEnabled()
        dialog.add_selection_button.click()
        # A typed quote that is not the story's words is refused, and the check says why.
        dialog.typed_quote.setText("It took five years to get a name")
        dialog.check_button.click()
        seen["refused"] = dialog.quote_message.text()
        dialog.typed_quote.setText("It took four years   to get a name for it.")
        dialog.check_button.click()
        seen["approved"] = dialog.quote_message.text()
        seen["typed left"] = dialog.typed_quote.text()
        dialog.save()
        return dialog.saved_id is not None

    _run(monkeypatch, page.stories_tab, write)
    page.stories_tab.new_story()
    assert "is not in it word for word" in seen["refused"]
    assert seen["approved"].startswith("Approved")
    assert seen["typed left"] == ""
    [story] = services.stories.list()
    assert (story.title, story.teller_id) == ("Four years to a name", amina)
    assert story.themes == frozenset({StoryTheme.DIAGNOSIS, StoryTheme.COST})
    assert [q.text for q in story.quotes] == ["two hours away by train",
                                              "It took four years to get a name for it."]
    tab = page.stories_tab
    assert _texts(tab.table, 0) == ["Four years to a name"]
    assert _texts(tab.table, 1) == ["Amina Haddad"]
    assert _texts(tab.table, 2) == ["Cost, Diagnosis journey"]
    assert _texts(tab.table, 4) == ["No consent recorded"]
    assert _texts(tab.detail.quotes_table, 0) == [q.text for q in story.quotes]


def test_an_anonymous_story_says_so_and_is_found_by_theme(qtbot, page, services):
    _story(services, None, title="The long drive")
    amina = _person(services, "Amina", "Haddad")
    services.stories.create(StoryInput("Back at work", "I went back to work part time.", amina,
                                       frozenset({StoryTheme.WORK})))
    page.refresh()
    tab = page.stories_tab
    assert sorted(_texts(tab.table, 1)) == ["Amina Haddad", "Anonymous"]
    tab.theme_combo.setCurrentIndex(tab.theme_combo.findData(StoryTheme.TRAVEL.value))
    assert _texts(tab.table, 0) == ["The long drive"]
    tab.theme_combo.setCurrentIndex(0)
    tab.search_field.setText("part time")
    assert _texts(tab.table, 0) == ["Back at work"]
    tab.search_field.setText("nothing like this")
    assert _texts(tab.table, 0) == []
    assert tab.empty_label.isVisibleTo(page)


def test_typing_narrows_and_widens_the_stories_found(qtbot, page, services, monkeypatch):
    amina = _person(services, "Amina", "Haddad")
    for title, text in (("Back at work", "I went back to work part time."),
                        ("Worse in winter", "The cold makes it worse."),
                        ("A new word", "The doctor finally had a word for it."),
                        ("The long drive", "Two hours each way, part of every month.")):
        services.stories.create(StoryInput(title, text, amina, frozenset({StoryTheme.WORK})))
    page.refresh()
    tab = page.stories_tab
    tab.select_story(next(s.id for s in services.stories.list() if s.title == "A new word"))
    reads = []
    real_get = services.stories.get
    monkeypatch.setattr(services.stories, "get",
                        lambda story_id: reads.append(story_id) or real_get(story_id))
    typed = {}
    for letter in "wor":  # each key typed, as a person types
        tab.search_field.insert(letter)
        typed[tab.search_field.text()] = sorted(_texts(tab.table, 0))
    assert typed["w"] == ["A new word", "Back at work", "The long drive", "Worse in winter"]
    assert typed["wor"] == ["A new word", "Back at work", "Worse in winter"]
    # The chosen story still matches: it stays chosen, and nothing is read again for it.
    assert tab.story().title == "A new word"
    assert reads == []
    tab.search_field.insert("k")
    assert _texts(tab.table, 0) == ["Back at work"]
    assert tab.story().title == "Back at work"
    assert tab.detail.isEnabled() and reads == [tab.story_id()]  # the story now chosen, once
    tab.search_field.insert(" ")  # the same story found: the list and the choice stay
    assert _texts(tab.table, 0) == ["Back at work"] and len(reads) == 1
    tab.search_field.insert("part")
    assert _texts(tab.table, 0) == ["Back at work"]
    tab.search_field.backspace()
    tab.search_field.setText("part")  # fewer words: every story is searched again
    assert sorted(_texts(tab.table, 0)) == ["Back at work", "The long drive"]
    tab.search_field.setText("pa month")
    assert _texts(tab.table, 0) == ["The long drive"]
    tab.search_field.clear()
    assert len(_texts(tab.table, 0)) == 4


def test_consent_is_granted_and_withdrawn_through_the_dialogs(qtbot, page, services,
                                                              monkeypatch):
    amina = _person(services, "Amina", "Haddad", region="Leeds")
    story_id = _story(services, amina)
    page.refresh()

    def grant(dialog: StoryConsentEditor):
        for channel in (StoryChannel.NEWSLETTER, StoryChannel.LEAFLET):
            row = dialog.rows[channel]
            row.grant.setChecked(True)
            row.level.setCurrentIndex(row.level.findData(Identification.FIRST_NAME_TOWN.value))
        dialog.evidence_field.setText("Signed form, stories folder")
        dialog.record_button.click()
        return False

    opened = _run(monkeypatch, page.stories_tab, grant)
    page.stories_tab.edit_consent()
    dialog = opened[0]
    assert dialog.rows[StoryChannel.NEWSLETTER].now.text() == "Granted: first name and town"
    assert dialog.history.model().rowCount() == 2
    assert _texts(page.stories_tab.table, 4) == ["Leaflets ✓ · Newsletter ✓"]
    summary = page.stories_tab.table.model().index(0, 4).data(
        Qt.ItemDataRole.AccessibleTextRole)
    assert summary == "Leaflets: granted; Newsletter: granted"

    # Two items used the story in leaflets, one in the newsletter.
    for title, channel in (("Spring leaflet", StoryChannel.LEAFLET),
                           ("Clinic leaflet", StoryChannel.LEAFLET),
                           ("June newsletter", StoryChannel.NEWSLETTER)):
        services.stories.record_use(story_id, channel, item_id=None, item_title=title)
    page.refresh()
    asked = {}
    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _l, options: options.index(
        "Leaflets"))

    def confirm(_parent, _title, text, **_kw):
        asked["question"] = text
        return True

    monkeypatch.setattr(prompts, "confirm", confirm)
    monkeypatch.setattr(prompts, "information",
                        lambda _p, _t, text: asked.setdefault("told", text))
    page.stories_tab.withdraw_consent()
    question = asked["question"]
    assert "• Spring leaflet" in question and "• Clinic leaflet" in question
    assert "June newsletter" not in question
    assert "cannot be recalled" in question
    assert "2 uses marked “do not reprint”" in asked["told"]
    assert _texts(page.stories_tab.table, 4) == ["Leaflets ✗ withdrawn · Newsletter ✓"]
    detail = page.stories_tab.detail
    reprint = dict(zip(_texts(detail.uses_table, 0), _texts(detail.uses_table, 4),
                       strict=True))
    assert reprint == {"Spring leaflet": "✗ Do not reprint",
                       "Clinic leaflet": "✗ Do not reprint", "June newsletter": "May reprint"}
    assert {u.item_title for u in services.stories.uses(story_id) if u.do_not_reprint} == {
        "Spring leaflet", "Clinic leaflet"}


def test_withdrawing_is_not_done_when_the_person_says_no(qtbot, page, services, monkeypatch):
    story_id = _story(services)
    services.stories.grant(story_id, frozenset({StoryChannel.WEBSITE}), ConsentGrantInput())
    services.stories.record_use(story_id, StoryChannel.WEBSITE, item_id=None,
                                item_title="Our stories page")
    page.refresh()
    monkeypatch.setattr(prompts, "choose", lambda *_a: 0)
    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: False)
    page.stories_tab.withdraw_consent()
    assert not any(u.do_not_reprint for u in services.stories.uses(story_id))
    assert _texts(page.stories_tab.table, 4) == ["Website ✓"]


def test_an_archived_story_leaves_the_list_and_can_be_brought_back(qtbot, page, services,
                                                                   monkeypatch):
    story_id = _story(services, None, title="The long drive")
    page.refresh()
    tab = page.stories_tab
    tab.select_story(story_id)
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    tab.archive_button.click()
    assert _texts(tab.table, 0) == []
    assert services.stories.get(story_id).archived
    tab.archived_check.setChecked(True)
    tab.select_story(story_id)
    assert tab.archive_button.text().replace("&", "") == "Bring back story"
    tab.archive_button.click()
    assert not services.stories.get(story_id).archived
    tab.archived_check.setChecked(False)
    assert _texts(tab.table, 0) == ["The long drive"]
    assert tab.archive_button.text().replace("&", "") == "Archive story…"


def test_a_story_consented_for_every_use_says_so_briefly(qtbot, page, services):
    story_id = _story(services)
    services.stories.grant(story_id, frozenset(StoryChannel), ConsentGrantInput())
    page.refresh()
    assert _texts(page.stories_tab.table, 4) == ["Every use ✓"]
    services.stories.withdraw(story_id, frozenset({StoryChannel.PRESS}))
    page.refresh()
    assert _texts(page.stories_tab.table, 4)[0].endswith("Press ✗ withdrawn · Talks to "
                                                         "industry ✓ · Submissions to ethics "
                                                         "committees or regulators ✓")


def test_a_childs_consent_needs_a_guardian(qtbot, services):
    story_id = _story(services, _person(services, "Noor", "Ali"), child=True)
    dialog = StoryConsentEditor(services, story_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.guardian_field.isVisible()
    dialog.rows[StoryChannel.NEWSLETTER].grant.setChecked(True)
    dialog.record_button.click()
    assert "a parent or guardian must co-sign" in dialog.message.text()
    assert dialog.history.model().rowCount() == 0
    dialog.guardian_field.setText("Sara Ali")
    dialog.record_button.click()
    assert [e.guardian_name for e in services.stories.consent_history(story_id)] == ["Sara Ali"]
    assert dialog.history.model().rowCount() == 1


def test_an_adults_consent_asks_for_no_guardian(qtbot, services):
    dialog = StoryConsentEditor(services, _story(services, _person(services, "Amina", "Haddad")))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.guardian_field.isVisible()


def test_the_attribution_shown_follows_the_level_chosen(qtbot, services):
    amina = _person(services, "Amina", "Haddad", region="Leeds")
    dialog = StoryConsentEditor(services, _story(services, amina))
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.rows[StoryChannel.PRESS]
    shown = {}
    for level in Identification:
        row.level.setCurrentIndex(row.level.findData(level.value))
        shown[level] = row.example.text()
    assert shown == {Identification.ANONYMOUS: "“Shared anonymously”",
                     Identification.FIRST_NAME: "“Amina”",
                     Identification.FIRST_NAME_TOWN: "“Amina, Leeds”",
                     Identification.FULL_NAME: "“Amina Haddad”"}
    assert row.example.accessibleName() == "Printed in press as: Amina Haddad"


def test_an_anonymous_story_can_only_be_named_anonymously(qtbot, services):
    dialog = StoryConsentEditor(services, _story(services, None))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.anonymous_note.isVisible()
    assert not any(r.level.isEnabled() for r in dialog.rows.values())


def test_an_attachment_is_copied_and_opened_from_the_copy(qtbot, page, services, tmp_path,
                                                          monkeypatch):
    import tempfile

    from PySide6.QtGui import QColor, QImage

    from advocate_app.ui import file_dialogs

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where opened copies go
    photo = tmp_path / "clinic.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(photo))
    _story(services)
    page.refresh()
    detail = page.stories_tab.detail
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a: str(photo))
    monkeypatch.setattr(prompts, "ask_text", lambda *_a, **_k: "The clinic's front door")
    detail.add_attachment()
    qtbot.waitUntil(lambda: not detail.work.busy(), timeout=10000)
    assert _texts(detail.attachments_table, 0) == ["clinic.png"]
    assert _texts(detail.attachments_table, 2) == ["The clinic's front door"]
    photo.unlink()  # the original goes; the copy stays
    opened = []
    detail.open_url = lambda url: opened.append(url.toLocalFile()) or True
    detail.attachments_table.selectRow(0)
    detail.open_attachment()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    assert opened[0] != str(photo)
    assert not str(opened[0]).startswith(str(services.paths.data_dir))  # never in the data folder
    with open(opened[0], "rb") as copy:
        assert copy.read(4) == b"\x89PNG"


def test_a_file_that_is_not_a_recording_or_photo_is_refused(qtbot, page, services, tmp_path,
                                                            monkeypatch):
    from advocate_app.ui import file_dialogs

    bad = tmp_path / "notes.png"
    bad.write_text("not a picture at all")
    _story(services)
    page.refresh()
    detail = page.stories_tab.detail
    errors = []
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a: str(bad))
    monkeypatch.setattr(prompts, "ask_text", lambda *_a, **_k: "")
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    detail.add_attachment()
    qtbot.waitUntil(lambda: not detail.work.busy(), timeout=10000)
    assert len(errors) == 1 and errors[0]
    assert detail.attachments_table.model().rowCount() == 0


# --- story-sharing sessions ------------------------------------------------------------------


def test_sessions_are_planned_changed_and_cancelled(qtbot, page, services, monkeypatch):
    lee = _person(services, "Jordan", "Lee")
    priya = _person(services, "Priya", "Sharma")
    page.tabs.setCurrentIndex(1)
    tab = page.sessions_tab
    monkeypatch.setattr(board_editor, "pick_member", lambda *_a, **_k: (lee, "Jordan Lee"))

    def plan(dialog: StorySessionEditor):
        dialog.title_field.setText("Spring story circle")
        dialog.facilitator.choose()
        dialog.date_edit.setDate(QDate.currentDate().addDays(10))
        dialog.time_edit.setTime(QTime(14, 30))
        dialog.timezone_combo.setCurrentText("Europe/Paris")
        dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(SessionMode.ONLINE.value))
        dialog.link_field.setText("https://meet.example.org/circle")
        dialog.support_checks[SessionSupport.BREAKS].setChecked(True)
        dialog.support_checks[SessionSupport.COUNSELLOR].setChecked(True)
        dialog.save()
        return dialog.saved_id is not None

    _run(monkeypatch, tab, plan)
    tab.new_session()
    [session] = services.story_sessions.list()
    assert (session.title, session.facilitator_id, session.mode) == (
        "Spring story circle", lee, SessionMode.ONLINE)
    assert session.support == frozenset({SessionSupport.BREAKS, SessionSupport.COUNSELLOR})
    assert session.local_start.hour == 14 and session.timezone == "Europe/Paris"
    assert _texts(tab.table, 1) == ["Spring story circle"]
    assert _texts(tab.table, 2) == ["Jordan Lee"]
    assert _texts(tab.table, 3) == ["Online"]
    assert "(Europe/Paris)" in _texts(tab.table, 0)[0]

    monkeypatch.setattr(board_editor, "pick_member", lambda *_a, **_k: (priya, "Priya Sharma"))

    def people(dialog: StorySessionEditor):
        dialog.tabs.setCurrentIndex(1)
        dialog.add_participant()
        combo = dialog.attendance_combos[priya]
        combo.setCurrentIndex(combo.findData(SessionAttendance.ATTENDED.value))
        dialog.notes_field.setPlainText("Tea at half time")
        dialog.save()
        return True

    _run(monkeypatch, tab, people)
    tab.edit_session()
    [person] = services.story_sessions.participants(session.id)
    assert (person.member_id, person.attendance) == (priya, SessionAttendance.ATTENDED)
    assert services.story_sessions.get(session.id).notes == "Tea at half time"
    assert _texts(tab.table, 4) == ["1 person"]

    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: True)
    tab.cancel_session()
    assert services.story_sessions.get(session.id).cancelled
    assert _texts(tab.table, 4) == ["Cancelled"]
    assert not tab.cancel_button.isEnabled()


def test_a_session_without_a_title_is_not_saved(qtbot, services, monkeypatch):
    errors = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    dialog = StorySessionEditor(services)
    qtbot.addWidget(dialog)
    dialog.save()
    assert errors and dialog.saved_id is None
    assert services.story_sessions.list() == []


def test_a_sessions_calendar_file_is_written_in_the_background(qtbot, page, services,
                                                               tmp_path, monkeypatch):
    services.story_sessions.create(StorySessionInput(
        "Autumn circle", datetime.now().replace(microsecond=0) + timedelta(days=20),
        place="Community hall"))
    page.tabs.setCurrentIndex(1)
    target = tmp_path / "circle.ics"
    monkeypatch.setattr(prompts, "save_file", lambda *_a, **_k: str(target))
    page.sessions_tab.calendar_file()
    qtbot.waitUntil(lambda: not page.sessions_tab.work.busy(), timeout=10000)
    assert "BEGIN:VEVENT" in target.read_text(encoding="utf-8")


# --- the keyboard ----------------------------------------------------------------------------


def _assert_labelled(owner):
    from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QWidget

    labelled = {label.buddy() for label in owner.findChildren(QLabel) if label.buddy()}
    for widget in owner.findChildren(QWidget):
        if isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            assert widget.accessibleName() or widget in labelled, widget


def test_every_control_has_a_name(qtbot, page, services):
    amina = _person(services, "Amina", "Haddad")
    story_id = _story(services, amina, child=True)
    session_id = services.story_sessions.create(StorySessionInput(
        "Circle", datetime.now().replace(microsecond=0) + timedelta(days=3), place="Hall"))
    services.story_sessions.add_participant(session_id, amina)
    page.refresh()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        _assert_labelled(page)
    for dialog in (StoryEditor(services, story_id), StoryEditor(services),
                   StoryConsentEditor(services, story_id),
                   StorySessionEditor(services, session_id)):
        qtbot.addWidget(dialog)
        dialog.show()
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(index)
            _assert_labelled(dialog)


def _focus_chain(start, count):
    """The next ``count`` controls Tab reaches after ``start`` (a spin box's or an editable
    list's own text field is the control itself)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    def reached(widget) -> bool:
        return (bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible()
                and widget.isEnabled()
                and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)))

    chain, widget = [], start
    for _ in range(count):
        widget = widget.nextInFocusChain()
        while not reached(widget):
            widget = widget.nextInFocusChain()
        chain.append(widget)
    return chain


def test_the_keyboard_moves_through_the_stories_tab_in_reading_order(qtbot, page, services):
    _story(services)
    page.refresh()
    page.focus_first()
    tab = page.stories_tab
    assert page.focusWidget() is tab.search_field
    chain = _focus_chain(tab.search_field, 4)
    assert chain == [tab.theme_combo, tab.archived_check, tab.table, tab.new_button]


def test_the_keyboard_moves_through_the_consent_editor_row_by_row(qtbot, services):
    dialog = StoryConsentEditor(services, _story(services, _person(services, "Amina", "Haddad")))
    qtbot.addWidget(dialog)
    dialog.show()
    rows = list(dialog.rows.values())
    chain = _focus_chain(rows[0].grant, 3)
    assert chain == [rows[0].level, rows[1].grant, rows[1].level]


def test_the_keyboard_moves_through_the_session_editor_in_reading_order(qtbot, services):
    dialog = StorySessionEditor(services)
    qtbot.addWidget(dialog)
    dialog.show()
    chain = _focus_chain(dialog.title_field, 9)
    assert chain == [dialog.facilitator.choose_button, dialog.date_edit, dialog.time_edit,
                     dialog.duration_spin, dialog.timezone_combo, dialog.mode_combo,
                     dialog.place_field, dialog.link_field,
                     dialog.support_checks[SessionSupport.QUIET_ROOM]]


def test_enter_on_a_story_opens_it(qtbot, page, services, monkeypatch):
    _story(services)
    page.refresh()
    opened = _run(monkeypatch, page.stories_tab, lambda dialog: False)
    table = page.stories_tab.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [type(d).__name__ for d in opened] == ["StoryEditor"]
    assert opened[0].title_field.text() == "Four years to a name"


def test_the_consent_editor_withdraws_every_use_and_shows_it_at_once(qtbot, services,
                                                                     monkeypatch):
    story_id = _story(services, _person(services, "Amina", "Haddad"))
    services.stories.grant(story_id, frozenset({StoryChannel.PRESS, StoryChannel.WEBSITE}),
                           ConsentGrantInput(Identification.FULL_NAME))
    dialog = StoryConsentEditor(services, story_id)
    qtbot.addWidget(dialog)
    dialog.show()
    asked = []
    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _l, options: asked.append(options)
                        or 0)
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, **_k: asked.append(text)
                        or True)
    monkeypatch.setattr(prompts, "information", lambda *_a: None)
    dialog.withdraw_button.click()
    assert asked[0] == ["Every use", "Website", "Press"]
    assert "No outreach item has used the story" in asked[1]
    assert dialog.rows[StoryChannel.PRESS].now.text() == "Withdrawn"
    assert dialog.rows[StoryChannel.WEBSITE].now.text() == "Withdrawn"
    assert "withdrawn" in dialog.message.text()
    assert not dialog.withdraw_button.isEnabled()


def test_a_return_visit_shows_the_stories_at_once_and_what_changed_meanwhile(
        qtbot, main_window, monkeypatch):
    services = main_window.services
    amina = _person(services, "Amina", "Haddad")
    story_id = _story(services, amina)
    services.stories.grant(story_id, frozenset({StoryChannel.NEWSLETTER}), ConsentGrantInput(
        Identification.FIRST_NAME_TOWN, evidence="Signed form"))
    read = []
    listing = type(services.stories).list
    monkeypatch.setattr(type(services.stories), "list",
                        lambda self, *a, **kw: read.append(1) or listing(self, *a, **kw))
    page = main_window.show_section("stories")
    table = page.stories_tab.table
    assert _texts(table, 4) == ["Newsletter ✓"] and len(read) == 1

    # Nothing changed: coming back shows the same rows without reading them again.
    main_window.show_section("dashboard")
    main_window.show_section("stories")
    assert len(read) == 1
    assert _texts(table, 1) == ["Amina Haddad"]

    # Changed elsewhere in the window (the member editor, a withdrawal): shown on return.
    main_window.show_section("members")
    services.members.update(amina, MemberInput(given_name="Amina", family_name="Haddad",
                                               preferred_name="Mina"),
                            services.members.get(amina).version)
    services.stories.withdraw(story_id)
    main_window.show_section("stories")
    assert len(read) == 2
    assert _texts(table, 1) == ["Mina Haddad"]
    assert _texts(table, 4) == ["Newsletter ✗ withdrawn"]


def test_a_return_visit_to_the_sessions_reads_them_only_after_a_change(qtbot, page, services,
                                                                       monkeypatch):
    starts = datetime.now().replace(microsecond=0) + timedelta(days=20)
    session_id = services.story_sessions.create(StorySessionInput(
        "Autumn circle", starts, place="Community hall"))
    page.tabs.setCurrentIndex(1)
    tab = page.sessions_tab
    assert _texts(tab.table, 1) == ["Autumn circle"]
    reads = []
    real_list = services.story_sessions.list
    monkeypatch.setattr(services.story_sessions, "list",
                        lambda: reads.append(1) or real_list())
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(1)  # back to the sessions, nothing saved meanwhile
    page.refresh()  # the page shown again (leaving the section and coming back)
    assert reads == [] and _texts(tab.table, 1) == ["Autumn circle"]
    services.story_sessions.update(session_id, StorySessionInput(
        "Winter circle", starts, place="Community hall"))
    page.refresh()
    assert reads == [1] and _texts(tab.table, 1) == ["Winter circle"]
    services.story_sessions.cancel(session_id)  # another page's save: the next visit shows it
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(1)
    assert len(reads) == 2 and _texts(tab.table, 4) == ["Cancelled"]
