"""Every window and dialog fits a 1366×768 screen, at 100 % and 150 % text, in English and French.

A laptop screen of 1366×768 less a 40-pixel task bar leaves 1366×728. Each window in the table
below is opened on such a screen (a child process runs Qt's off-screen platform with that one
screen) with the app's own text scaling (Ctrl+Plus), and is checked:

- the window, and the smallest size its layout allows, are no larger than the screen;
- every visible button, label and field lies inside the window, or inside a scroll area;
- no label is cut (it has the room its text needs, or it wraps into the room it has);
- every button is as wide as its text;
- every table's column titles are whole.

Every ``QDialog`` and ``QMainWindow`` subclass under ``advocate_app/ui`` must have a row in
``WINDOWS`` saying how to open it: a new dialog without one fails
``test_every_window_has_a_way_to_open_it``.

``python tests/ui/test_fit.py --shots DIR [--lang fr] [--scale 1.5]`` saves what it checks as
PNG files, for a person to look at.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SCREEN = (1366, 728)
LANGUAGES = ("en", "fr")
SCALES = (1.0, 1.5)
#: The pseudo-languages (``advocate_app/i18n/pseudo.py``), checked at 100 % only: accented
#: text 40 % longer than English, and the mirrored right-to-left layout.
PSEUDO = ("en_XA", "ar_XB")
#: The pseudo-language in which every visible text is checked for words never marked for
#: translation (they are the only plain letters left outside the brackets).
MARKED = "en_XA"
#: Windows that another change is making fit at the same time (see WINDOWS).
PENDING: set[str] = set()

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Opened:
    """A window, and the views of it to check: (name, what to do to show that view)."""

    widget: object
    views: list[tuple[str, Callable[[], object]]] = field(default_factory=list)
    close: Callable[[], None] | None = None


# --- how to open each window -----------------------------------------------------------------
# Each function gets the environment (services, main window, sample data) and opens one window.


def _main_window(env) -> Opened:
    window = env.window
    return Opened(window, [(section.key, lambda k=section.key: window.show_section(k))
                           for section in window.sections if section.key != "boards"],
                  close=lambda: None)


def _boards_page(env) -> Opened:
    """Checked last: a page once shown keeps the window at least its size."""
    window = env.window
    return Opened(window, [("boards", lambda: window.show_section("boards"))],
                  close=lambda: None)


def _member_editor(env) -> Opened:
    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

    return Opened(MemberEditorDialog(env.services, None, env.window), [("new", _nothing)])


def _member_editor_existing(env) -> Opened:
    from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

    member = env.services.members.get(env.member_id)
    return Opened(MemberEditorDialog(env.services, member, env.window), [("existing", _nothing)])


def _duplicates(env) -> Opened:
    from advocate_app.ui.dialogs.duplicates import DuplicatesDialog

    return Opened(DuplicatesDialog(env.services, env.window))


def _privacy(env) -> Opened:
    from advocate_app.ui.dialogs.privacy_tools import PrivacyToolsDialog

    return Opened(PrivacyToolsDialog(env.services, env.window))


def _print_pack(env) -> Opened:
    from advocate_app.ui.dialogs.print_pack import PrintPackDialog

    item = env.services.outreach.list()[0]
    return Opened(PrintPackDialog(env.services, item.id, item.title, env.window))


def _outreach_editor(env) -> Opened:
    from advocate_app.ui.dialogs.outreach_editor import OutreachEditor

    summary = env.services.outreach.list()[0]
    dialog = OutreachEditor(env.services, env.services.outreach.get(summary.id), summary.id,
                            env.window)

    def close():
        dialog.preview.wait()
        dialog.close()

    return Opened(dialog, close=close)


def _outreach_translations(env) -> Opened:
    from advocate_app.ui.dialogs.outreach_translations import TranslationsDialog

    summary = env.services.outreach.list()[0]
    dialog = TranslationsDialog(env.services, summary.id, env.window,
                                open_editor=lambda _id: None)
    return Opened(dialog, close=lambda: (dialog.wait(), dialog.close()))


def _outreach_changes(env) -> Opened:
    from dataclasses import replace

    from advocate_app.ui.dialogs.outreach_changes import ChangesDialog

    translations = env.services.outreach_translations
    source_id = env.services.outreach.list()[0].id
    found = translations.translation_set(source_id)
    view = next((v for v in found.translations if v.item_id is not None), None)
    if view is None:  # a translation, made stale by a change of the source
        translations.create(found.source_id, "de")
        source = env.services.outreach.get(found.source_id)
        env.services.outreach.save(replace(source, title=source.title + " (2)"),
                                   found.source_id, env.services.outreach.version(
                                       found.source_id))
        found = translations.translation_set(source_id)
        view = next(v for v in found.translations if v.item_id is not None)
    return Opened(ChangesDialog(found, view, translations.changes(view.item_id), env.window))


def _preflight(env) -> Opened:
    from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
    from advocate_app.domain.print_profiles import ProfileKey
    from advocate_app.ui.pages.outreach_output import preflight_box

    page = env.window.show_section("outreach")
    long = ("Living with a rare condition means that you and the people close to you learn "
            "many new things, meet new doctors and find new ways to do ordinary things.")
    item = OutreachItem(ItemKind.LEAFLET, "Living with it", "en", (
        Block("heading", {"level": 2, "text": "Living with it"}),
        Block("image", {"pictogram": "people", "alt": ""}),
        Block("paragraph", {"text": long}), Block("paragraph", {"text": long})))
    found = page.output.problems_in_words(item, ProfileKey.EASY_READ)
    box, _fix, _anyway = preflight_box(env.window, item.title, [words for _p, words in found])
    return Opened(box)


def _import_wizard(env) -> Opened:
    from advocate_app.ui.dialogs.import_wizard import ImportWizard

    return Opened(ImportWizard(env.services, env.paths.settings_file, env.window))


def _board_editor(env) -> Opened:
    from advocate_app.ui.dialogs.board_editor import BoardEditor

    board = env.services.boards.list_boards()[0]
    return Opened(BoardEditor(env.services, board, env.window))


def _member_picker(env) -> Opened:
    from advocate_app.ui.dialogs.board_editor import MemberPicker

    dialog = MemberPicker(env.services, "Add a member", env.window)
    return Opened(dialog, [("search", lambda: dialog.search_field.setText("a"))])


def _meeting_editor(env) -> Opened:
    from advocate_app.ui.dialogs.meeting_editor import MeetingEditor

    board = env.services.boards.list_boards()[0]
    meeting = env.services.meetings.list_meetings(board.id)[0]
    return Opened(MeetingEditor(env.services, board, meeting.id, env.window))


def _raci_editor(env) -> Opened:
    from advocate_app.ui.dialogs.raci_editor import RaciEditor

    board = env.services.boards.list_boards()[0]
    return Opened(RaciEditor(env.services, board, env.window))


def _quick_entry(env) -> Opened:
    window = _live_minutes(env).widget
    dialog = window.recorder.action_dialog()

    def close():
        dialog.close()
        window.close()

    return Opened(dialog, [("action", _nothing)], close=close)


def _quick_entries(env) -> Opened:
    window = _live_minutes(env).widget
    dialog = window.recorder.decision_dialog()

    def close():
        dialog.close()
        window.close()

    return Opened(dialog, [("decision", _nothing)], close=close)


def _promise_entry(env) -> Opened:
    window = _live_minutes(env).widget
    dialog = window.recorder.promise_dialog()

    def close():
        dialog.close()
        window.close()

    return Opened(dialog, [("promise", _nothing)], close=close)


def _live_minutes(env) -> Opened:
    from advocate_app.ui.dialogs.live_minutes import LiveMinutesWindow

    board = env.services.boards.list_boards()[0]
    meeting = env.services.meetings.list_meetings(board.id)[0]
    window = LiveMinutesWindow(env.services, meeting.id, env.window)
    window.setWindowFlag(_qt().WindowType.Window, True)
    return Opened(window)


def _a_webinar(env):
    """A webinar of the sample community (one is planned when it has none)."""
    from datetime import datetime, timedelta

    from advocate_app.domain.webinar_kinds import WebinarAccess
    from advocate_app.domain.webinar_views import WebinarInput

    webinars = env.services.webinars
    found = webinars.list(include_past=True, include_cancelled=True)
    if not found:
        webinars.create(WebinarInput(
            "Living well with a rare condition: sleep and fatigue",
            datetime.now().replace(second=0, microsecond=0) + timedelta(days=10), 75,
            "Europe/London", capacity=40, join_link="https://zoom.us/j/81234567890",
            access_offered=frozenset({WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE}),
            sign_language="BSL"))
        found = webinars.list(include_past=True, include_cancelled=True)
    return found[0]


def _webinar_editor(env) -> Opened:
    from advocate_app.ui.dialogs.webinar_editor import WebinarEditor

    return Opened(WebinarEditor(env.services, _a_webinar(env).id, env.window))


def _webinar_registration(env) -> Opened:
    from advocate_app.ui.dialogs.webinar_registration import RegistrationDialog

    return Opened(RegistrationDialog(_a_webinar(env), "Amina Haddad", env.window))


def _webinar_new_person(env) -> Opened:
    from advocate_app.domain.webinar_views import DuplicateCandidate
    from advocate_app.ui.dialogs.webinar_registration import NewPersonDialog

    dialog = NewPersonDialog(env.services, _a_webinar(env), env.window)
    candidates = [DuplicateCandidate(row.id, row.display_name, row.email,
                                     "Looks like the same person")
                  for row in env.services.members.search("", 3)]
    return Opened(dialog, [("new", _nothing),
                           ("duplicates", lambda: dialog.show_candidates(candidates))])


def _webinar_report_review(env) -> Opened:
    from advocate_app.domain.webinar_views import ImportResult, ReportKind, ReportOutcome
    from advocate_app.ui.dialogs.webinar_report_review import ReportReviewDialog

    action = ReportOutcome.Action
    outcomes = (
        ReportOutcome(action.MATCHED, "Amina Haddad", "amina.haddad@example.org", True, True,
                      55, 1, "Amina Haddad"),
        ReportOutcome(action.CREATED, "Tomás Ruiz", "tomas.ruiz@example.net", True, True, 69),
        ReportOutcome(action.REVIEW, "P. Sharma", "p.sharma@example.net", False, True, 30,
                      None, "Priya Sharma", 82),
        ReportOutcome(action.UNMATCHED, "iPhone", "", False, True, 12))
    result = ImportResult(ReportKind.ZOOM_ATTENDEE, "attendee report.csv", outcomes, True)
    return Opened(ReportReviewDialog(result, _a_webinar(env).title, env.window))


def _a_story(env):
    """A story of the sample community told by a child, with some consent (one is written
    down when it has none)."""
    from datetime import date

    from advocate_app.domain.story_rules import Identification, StoryChannel, StoryTheme
    from advocate_app.domain.story_views import ConsentGrantInput, StoryInput

    stories = env.services.stories
    found = [s for s in stories.list() if s.teller_id is not None]
    if found:
        return found[0]
    story_id = stories.create(StoryInput(
        "Four years to a name", "It took four years to get a name for it. The nearest clinic "
        "is two hours away by train.", env.member_id,
        frozenset({StoryTheme.DIAGNOSIS, StoryTheme.TRAVEL}), "en", teller_is_child=True,
        told_on=date(2026, 5, 2)))
    stories.add_quote(story_id, "two hours away by train")
    stories.grant(story_id, frozenset({StoryChannel.NEWSLETTER, StoryChannel.REGULATOR}),
                  ConsentGrantInput(Identification.FIRST_NAME_TOWN, guardian_name="Sara Ali"))
    return stories.get(story_id)


def _story_editor(env) -> Opened:
    from advocate_app.ui.dialogs.story_editor import StoryEditor

    dialog = StoryEditor(env.services, _a_story(env).id, env.window)
    return Opened(dialog, [("story", _nothing),
                           ("quotes", lambda: dialog.tabs.setCurrentIndex(1))])


def _story_consent(env) -> Opened:
    from advocate_app.ui.dialogs.story_consent import StoryConsentEditor

    dialog = StoryConsentEditor(env.services, _a_story(env).id, env.window)
    return Opened(dialog, [("consent", _nothing), ("refused", dialog.record)])


def _story_picker(env) -> Opened:
    from advocate_app.domain.story_rules import StoryChannel
    from advocate_app.ui.dialogs.outreach_story_block import StoryPicker

    _a_story(env)
    dialog = StoryPicker(env.services, StoryChannel.LEAFLET, env.window)
    return Opened(dialog, [("stories", _nothing),
                           ("quotes", lambda: dialog.story_list.setCurrentRow(0))])


def _story_session_editor(env) -> Opened:
    from datetime import datetime, timedelta

    from advocate_app.domain.story_views import StorySessionInput
    from advocate_app.ui.dialogs.story_session_editor import StorySessionEditor

    sessions = env.services.story_sessions
    found = sessions.list()
    session_id = found[0].id if found else sessions.create(StorySessionInput(
        "Spring story circle", datetime.now().replace(second=0, microsecond=0)
        + timedelta(days=12), place="Community hall, room 2"))
    sessions.add_participant(session_id, env.member_id)
    dialog = StorySessionEditor(env.services, session_id, env.window)
    return Opened(dialog, [("details", _nothing),
                           ("participants", lambda: dialog.tabs.setCurrentIndex(1))])


def _feedback_answer(env) -> Opened:
    from advocate_app.ui.dialogs.feedback_editor import FeedbackDialog

    return Opened(FeedbackDialog(env.services, env.window), [("answer", _nothing)])


def _feedback_paper_form(env) -> Opened:
    from advocate_app.ui.dialogs.feedback_editor import PaperFormDialog

    return Opened(PaperFormDialog(env.window), [("paper form", _nothing)])


def _feedback_promise(env) -> Opened:
    from advocate_app.ui.dialogs.feedback_editor import PromiseDialog

    return Opened(PromiseDialog("The room was too warm and the talks went on too long; "
                                "more breaks, please.", env.window), [("promise", _nothing)])


def _accounts(env) -> Opened:
    from advocate_app.ui.dialogs.accounts import AccountsDialog

    return Opened(AccountsDialog(env.services, env.window), [("accounts", _nothing)])


def _password_form(env) -> Opened:
    from advocate_app.i18n import _
    from advocate_app.ui.dialogs.accounts import PasswordForm

    return Opened(PasswordForm(_("Add an account"), env.window, new_account=True),
                  [("new account", _nothing)])


def _audit_log(env) -> Opened:
    from advocate_app.ui.dialogs.audit_log import AuditLogDialog

    env.services.members.get(env.member_id)  # opening a member leaves a line to show
    return Opened(AuditLogDialog(env.services, env.window), [("audit log", _nothing)])


def _edit_conflict(env) -> Opened:
    from advocate_app.domain.edit_conflicts import FieldDifference
    from advocate_app.i18n import _
    from advocate_app.ui.dialogs.edit_conflict import EditConflictDialog

    found = [FieldDifference(_("Title"), "Spring newsletter: what the study found",
                             "Spring newsletter"),
             FieldDifference(_("Notes"), "Recruitment is ahead of plan; the chair thanked "
                             "everyone who came to the open day.", "")]
    return Opened(EditConflictDialog(env.window, _("Someone else saved this meanwhile"),
                                     _("Someone else saved this record while you were "
                                       "editing it."), found), [("two versions", _nothing)])


def _sign_in(env) -> Opened:
    from advocate_app.ui.dialogs.sign_in import SignInDialog

    return Opened(SignInDialog(env.services, env.window), [("sign in", _nothing)])


def _passphrase(env) -> Opened:
    from advocate_app.ui.passphrase_dialog import PassphraseDialog

    return Opened(PassphraseDialog(env.paths.database_file, env.window),
                  [("passphrase", _nothing)])


def _nothing() -> None:
    return None


def _qt():
    from PySide6.QtCore import Qt

    return Qt


#: Every window class under advocate_app/ui -> the ways to open it. Extra rows name windows
#: that are not classes of their own (a message box built by a function).
WINDOWS: dict[str, list[Callable]] = {
    "advocate_app.ui.main_window.MainWindow": [_main_window],
    "advocate_app.ui.dialogs.member_editor.MemberEditorDialog": [_member_editor,
                                                                _member_editor_existing],
    "advocate_app.ui.dialogs.duplicates.DuplicatesDialog": [_duplicates],
    "advocate_app.ui.dialogs.privacy_tools.PrivacyToolsDialog": [_privacy],
    "advocate_app.ui.dialogs.print_pack.PrintPackDialog": [_print_pack],
    "advocate_app.ui.dialogs.outreach_editor.OutreachEditor": [_outreach_editor],
    "advocate_app.ui.dialogs.outreach_translations.TranslationsDialog": [
        _outreach_translations],
    "advocate_app.ui.dialogs.outreach_changes.ChangesDialog": [_outreach_changes],
    "outreach pre-flight": [_preflight],
    "advocate_app.ui.dialogs.import_wizard.ImportWizard": [_import_wizard],
    "advocate_app.ui.dialogs.board_editor.BoardEditor": [_board_editor],
    "advocate_app.ui.dialogs.board_editor.MemberPicker": [_member_picker],
    "advocate_app.ui.dialogs.meeting_editor.MeetingEditor": [_meeting_editor],
    "advocate_app.ui.dialogs.raci_editor.RaciEditor": [_raci_editor],
    "advocate_app.ui.dialogs.minutes_record.QuickEntry": [_quick_entry, _quick_entries,
                                                          _promise_entry],
    "advocate_app.ui.dialogs.live_minutes.LiveMinutesWindow": [_live_minutes],
    "advocate_app.ui.dialogs.webinar_editor.WebinarEditor": [_webinar_editor],
    "advocate_app.ui.dialogs.webinar_registration.RegistrationDialog": [
        _webinar_registration],
    "advocate_app.ui.dialogs.webinar_registration.NewPersonDialog": [_webinar_new_person],
    "advocate_app.ui.dialogs.webinar_report_review.ReportReviewDialog": [
        _webinar_report_review],
    "advocate_app.ui.dialogs.story_editor.StoryEditor": [_story_editor],
    "advocate_app.ui.dialogs.story_consent.StoryConsentEditor": [_story_consent],
    "advocate_app.ui.dialogs.outreach_story_block.StoryPicker": [_story_picker],
    "advocate_app.ui.dialogs.story_session_editor.StorySessionEditor": [
        _story_session_editor],
    "advocate_app.ui.dialogs.feedback_editor.FeedbackDialog": [_feedback_answer],
    "advocate_app.ui.dialogs.feedback_editor.PaperFormDialog": [_feedback_paper_form],
    "advocate_app.ui.dialogs.feedback_editor.PromiseDialog": [_feedback_promise],
    "advocate_app.ui.dialogs.accounts.AccountsDialog": [_accounts],
    "advocate_app.ui.dialogs.accounts.PasswordForm": [_password_form],
    "advocate_app.ui.dialogs.audit_log.AuditLogDialog": [_audit_log],
    "advocate_app.ui.dialogs.edit_conflict.EditConflictDialog": [_edit_conflict],
    "advocate_app.ui.dialogs.sign_in.SignInDialog": [_sign_in],
    "advocate_app.ui.passphrase_dialog.PassphraseDialog": [_passphrase],
    "boards page": [_boards_page],
}


def window_classes() -> set[str]:
    """Every QDialog / QMainWindow subclass defined under advocate_app/ui."""
    from PySide6.QtWidgets import QDialog, QMainWindow

    import advocate_app.ui as ui

    found = set()
    for module_info in pkgutil.walk_packages(ui.__path__, "advocate_app.ui."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, (QDialog, QMainWindow)):
                found.add(f"{cls.__module__}.{cls.__qualname__}")
    return found


# --- the checks ------------------------------------------------------------------------------


def problems_in(window) -> list[str]:
    """What does not fit in ``window`` as it is shown now."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QAbstractSpinBox,
        QCheckBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QRadioButton,
        QStyle,
        QStyleOptionComboBox,
        QTabBar,
        QTableView,
        QTextEdit,
        QWidget,
    )

    from advocate_app.ui.widgets.tables import header_text_width

    found: list[str] = []
    width, height = SCREEN
    if window.width() > width or window.height() > height:
        found.append(f"window is {window.width()}×{window.height()}, larger than the screen")
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > width or need.height() > height:
        found.append(f"window needs at least {need.width()}×{need.height()}")

    checked = (QAbstractButton, QLabel, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit,
               QPlainTextEdit, QAbstractItemView)
    internal = (QAbstractItemView, QComboBox, QAbstractSpinBox, QTabBar)

    def name(widget) -> str:
        text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
        if isinstance(widget, QComboBox):
            text = widget.currentText()
        return (f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
                f" {str(text)[:40]!r}")

    def cut_by(widget) -> QWidget | None:
        """The ancestor that hides part of ``widget``; None if all of it shows or scrolls."""
        child = widget
        rect = widget.rect()
        while child is not window:
            parent = child.parentWidget()
            if parent is None:
                return None
            rect = rect.translated(child.pos())
            owner = parent.parentWidget()
            if isinstance(owner, QAbstractScrollArea) and parent is owner.viewport():
                return None  # the scroll area shows the rest
            if not parent.rect().adjusted(-1, -1, 1, 1).contains(rect):
                return parent
            child = parent
        return None

    for widget in window.findChildren(QWidget):
        if not isinstance(widget, checked) or not widget.isVisibleTo(window):
            continue
        ancestor = widget.parentWidget()
        inside_control = False
        while ancestor is not None and ancestor is not window:
            if isinstance(ancestor, internal):
                inside_control = True
                break
            ancestor = ancestor.parentWidget()
        if inside_control:
            continue
        parent = cut_by(widget)
        if parent is not None:
            found.append(f"{name(widget)} is cut by {type(parent).__name__} "
                         f"{parent.objectName()!r}")
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(f"{name(widget)} needs {needed} px of height, has "
                                 f"{widget.height()}")
            else:
                hint = widget.sizeHint()
                if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                    found.append(f"{name(widget)} is cut: needs {hint.width()}×{hint.height()}"
                                 f", has {widget.width()}×{widget.height()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = max(widget.fontMetrics().horizontalAdvance(line)
                         for line in text.splitlines())
            if isinstance(widget, (QCheckBox, QRadioButton)):
                style = widget.style()
                needed += (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                           + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing))
            if not widget.icon().isNull():
                needed += widget.iconSize().width()
            if needed + 4 > widget.width():
                found.append(f"{name(widget)} is narrower ({widget.width()} px) than its text "
                             f"({needed} px)")
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            room = widget.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                 QStyle.SubControl.SC_ComboBoxEditField,
                                                 widget).width()
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if needed > room + 1:
                found.append(f"{name(widget)} shows {widget.currentText()!r} cut ({room} px "
                             f"for {needed})")
        if isinstance(widget, QTableView) and widget.horizontalHeader().isVisible():
            header = widget.horizontalHeader()
            for column in range(header.count()):
                if header.isSectionHidden(column):
                    continue
                if header.sectionSize(column) + 1 < header_text_width(header, column):
                    title = widget.model().headerData(column, header.orientation())
                    found.append(f"{name(widget)}: column title {title!r} is cut")
    return found


# --- words never marked for translation -----------------------------------------------------

#: Text the openers above type in themselves (sample data, not the interface's words).
TYPED = ("Add a member", "Living with it", "Amina Haddad", "Tomás Ruiz", "P. Sharma",
         "Priya Sharma", "iPhone", "attendee report.csv", "Looks like the same person",
         "Spring newsletter", "Sara Ali",
         "The room was too warm and the talks went on too long; more breaks, please.",
         "Spring newsletter: what the study found", "Recruitment is ahead of plan; the chair "
         "thanked everyone who came to the open day.")
#: Words that stay as they are in every language: the app's name, file formats, technical
#: names, units and the English dates a pseudo-language's Babel formatting falls back to.
KEPT_WORDS = frozenset("""
    Advocate CSV XLSX PDF DOCX HTML JSON XLIFF PO vCard iCalendar ICS SQLite PostgreSQL URL
    UTF ISO Latin ORPHA
    Zoom Eventbrite Teams Meet BSL ASL SMS UTC CET CEST GMT BST px pt mm KB MB GB
    AM PM am pm Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March
    April June July August September October November December Mon Tue Wed Thu Fri Sat Sun
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split())
_PSEUDO_OPEN, _PSEUDO_CLOSE = "\u27e6", "\u27e7"


def sample_data(paths) -> set[str]:
    """Every piece of text the sample community holds (names, titles, places …), the data
    folder's paths, and the names of languages and countries (Babel's, in English for a
    pseudo-language): such text is never the interface's own words."""
    import sqlite3

    from babel import Locale

    from advocate_app.i18n.catalogs import available_languages

    found = set(TYPED) | _babel_names()
    found.update(str(value) for value in vars(paths).values() if isinstance(value, Path))
    found.update(str(getattr(paths, name)) for name in ("database_file", "settings_file")
                 if hasattr(paths, name))
    for code in available_languages():
        name = Locale.parse(code).get_display_name(code) or code
        found.update({name, name[:1].upper() + name[1:]})
    connection = sqlite3.connect(paths.database_file)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str) and value.strip():
                        found.add(value.strip())
                        found.update(line.strip() for line in value.splitlines())
    finally:
        connection.close()
    # A name shown whole that the database keeps in parts ("Santiago" "Núñez").
    found.update(word for value in list(found) if len(value) <= 40 for word in value.split())
    return found


@functools.cache
def _babel_names() -> frozenset[str]:
    from babel import Locale

    english = Locale.parse("en")
    return frozenset({*english.languages.values(), *english.territories.values()})


def unmarked_pieces(text: str, data: set[str]) -> list[str]:
    """The pieces of ``text`` (shown in the accented pseudo-language) in plain English: outside
    every ⟦…⟧ and neither sample data nor a word every language keeps."""
    import re

    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    if text.strip() in data:
        return []
    previous = None
    while previous != text:  # a translated message may hold another: ⟦… ⟦…⟧ …⟧
        previous = text
        text = re.sub(f"{_PSEUDO_OPEN}[^{_PSEUDO_OPEN}{_PSEUDO_CLOSE}]*{_PSEUDO_CLOSE}",
                      "\0", text)
    # A message cut short by an elided label or column title is still a message.
    text = re.sub(f"{_PSEUDO_OPEN}.*", "\0", re.sub(f".*{_PSEUDO_CLOSE}", "\0", text))
    found = []
    for piece in text.split("\0"):
        piece = re.sub(r"^\d+[.)] ", "", piece.strip())  # "2. " numbering an agenda
        piece = piece.strip(" \t\n:;,.·—–-()[]/|•…\"'“”‘’«»?!*+=%#@")
        if not re.search("[A-Za-z]{2,}", piece) or piece in data:
            continue
        if any(piece in value for value in data if len(value) > len(piece)):
            continue
        words = [re.sub(r"[:-]?\d+$", "", word.strip(",.;:()[]“”\"'")) for word in piece.split()]
        if all(word in KEPT_WORDS or word in data or "@" in word or "." in word.strip(".")
               or not re.search("[A-Za-z]{2,}", word) for word in words):
            continue  # names, e-mail addresses and file names are data too
        found.append(piece)
    return found


def visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) for every text a person can read in ``window`` as it is shown now:
    its title, labels, buttons, group boxes, tabs, column titles, placeholder texts, tool tips,
    accessible names, and the main window's menus."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtGui import QTextDocumentFragment
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMainWindow,
        QPlainTextEdit,
        QTabBar,
        QTableView,
        QTextEdit,
        QTreeView,
        QWidget,
    )

    found: list[tuple[str, str]] = [("window title", window.windowTitle())]

    def where(widget, what: str) -> str:
        return f"{what} of {type(widget).__name__} {widget.objectName()!r}"

    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        if widget.toolTip():
            found.append((where(widget, "tool tip"), _plain(widget.toolTip())))
        if widget.accessibleName():
            found.append((where(widget, "accessible name"), widget.accessibleName()))
        if isinstance(widget, QLabel) and widget.text():
            text = widget.text()
            if widget.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text):
                text = QTextDocumentFragment.fromHtml(text).toPlainText()
            found.append((where(widget, "text"), text))
        elif isinstance(widget, QAbstractButton) and widget.text():
            found.append((where(widget, "text"), widget.text()))
        elif isinstance(widget, QGroupBox) and widget.title():
            found.append((where(widget, "title"), widget.title()))
        elif isinstance(widget, QTabBar):
            found.extend((where(widget, "tab"), widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) \
                and widget.placeholderText():
            found.append((where(widget, "placeholder"), widget.placeholderText()))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            found.extend((where(widget, "choice"), widget.itemText(i))
                         for i in range(widget.count()))
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            header = widget.header() if isinstance(widget, QTreeView) \
                else widget.horizontalHeader()
            if header.isVisible():
                for column in range(header.count()):
                    if not header.isSectionHidden(column):
                        title = widget.model().headerData(column, Qt.Orientation.Horizontal)
                        found.append((where(widget, "column title"), str(title or "")))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            # The first rows' cells: the members' data, and words such as a status that
            # the interface writes itself.
            model = widget.model()
            columns = widget.horizontalHeader().count() if isinstance(widget, QTableView) \
                else widget.header().count() if isinstance(widget, QTreeView) else 1
            for row in range(min(model.rowCount(), 12)):
                for column in range(columns):
                    if isinstance(widget, QTableView) and widget.isColumnHidden(column):
                        continue
                    value = model.index(row, column).data()
                    if isinstance(value, str) and value:
                        found.append((where(widget, "cell"), value))
    if isinstance(window, QMainWindow):
        menus = [(action.text(), action.menu()) for action in window.menuBar().actions()]
        while menus:
            text, menu = menus.pop()
            found.append(("menu", text))
            if menu is not None:
                menu.aboutToShow.emit()  # menus filled when opened
                menus.extend((a.text(), a.menu()) for a in menu.actions() if not a.isSeparator())
    return found


def _plain(text: str) -> str:
    from PySide6.QtGui import Qt, QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(text).toPlainText() if Qt.mightBeRichText(text) \
        else text


def unmarked_in(window, data: set[str]) -> list[str]:
    """The words ``window`` shows that were never marked for translation."""
    found = []
    for where, text in visible_texts(window):
        for piece in unmarked_pieces(text, data):
            found.append(f"{where}: {piece!r} in {text[:80]!r}")
    return sorted(set(found))


# --- the child process that opens everything -------------------------------------------------


@dataclass
class Environment:
    services: object
    paths: object
    window: object
    member_id: int


def _screen_config(directory: Path) -> Path:
    path = directory / "screen.json"
    path.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return path


def _settle(app) -> None:
    from PySide6.QtTest import QTest

    for _round in range(3):
        app.processEvents()
        QTest.qWait(20)


def _tab_views(widget):
    """The tabs of every tab widget now showing, each as a view."""
    from PySide6.QtWidgets import QTabWidget

    for tabs in widget.findChildren(QTabWidget):
        if tabs.isVisibleTo(widget):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index):
                    yield tabs, index


def check_everything(data_dir: Path, combinations, shots: Path | None) -> list[dict]:
    """Every window in each (language, scale) of ``combinations``."""
    import time

    from PySide6.QtWidgets import QApplication

    from advocate_app.app import AppContext, open_services
    from advocate_app.i18n import install_language
    from advocate_app.paths import AppPaths
    from advocate_app.services.demo import generate_demo
    from advocate_app.ui.application import create_application, install_qt_translations
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    paths = AppPaths(data_dir)
    paths.ensure()
    services = open_services(paths.default_database_url(), paths)
    generate_demo(services.uow, services.actor, members=40, seed=3)
    member_id = services.members.list()[0].id
    app = create_application(["fit"])
    base = QApplication.font().pointSizeF()
    results = []
    for language, scale in combinations:
        used = install_language(language, paths.locale_cache_dir)
        translator = install_qt_translations(app, used)
        font = QApplication.font()
        font.setPointSizeF(base)
        QApplication.setFont(font)
        settings = UiSettings(paths.settings_file)
        settings.text_scale = 1.0
        window = MainWindow(AppContext(paths, paths.default_database_url(), used, services,
                                       time.perf_counter()), settings)
        window.restore_state()
        window.set_text_scale(scale)
        window.show()
        window.show_section("dashboard")
        env = Environment(services, paths, window, member_id)
        for key, openers in WINDOWS.items():
            for opener in openers:
                results.extend(_check_one(app, env, key, opener, language, scale, shots,
                                          language == MARKED))
        window.close()
        window.deleteLater()
        if translator is not None:
            app.removeTranslator(translator)
        _settle(app)
    services.close()
    return results


def _check_one(app, env, key, opener, language, scale, shots, marked) -> list[dict]:
    from advocate_app.i18n import is_right_to_left

    def record(view: str, problems: list[str], widget) -> dict:
        unmarked = unmarked_in(widget, sample_data(env.paths)) if marked else []
        if is_right_to_left(language) and not widget.isRightToLeft():
            problems = [*problems, "is laid out left to right in a right-to-left language"]
        if shots is not None:
            safe = f"{key.rsplit('.', 1)[-1]}-{opener.__name__.strip('_')}-{view}".replace(
                " ", "_").replace("/", "_")
            widget.grab().save(str(shots / f"{safe}-{language}-{round(scale * 100)}.png"))
        return {"window": key, "opener": opener.__name__, "view": view, "language": language,
                "scale": scale, "problems": problems, "unmarked": unmarked}

    try:
        opened = opener(env)
    except Exception as error:  # a window that cannot even open is a failure to report
        return [{"window": key, "opener": opener.__name__, "view": "open", "language": language,
                 "scale": scale, "problems": [f"could not open: {error!r}"], "unmarked": []}]
    widget = opened.widget
    out = []
    widget.show()
    _settle(app)
    for view, prepare in opened.views or [("shown", _nothing)]:
        prepare()
        _settle(app)
        tabs = list(_tab_views(widget))
        if not tabs:
            out.append(record(view, problems_in(widget), widget))
        for tab_widget, index in tabs:
            tab_widget.setCurrentIndex(index)
            _settle(app)
            out.append(record(f"{view}-tab{index}", problems_in(widget), widget))
    if opened.close is not None:
        opened.close()
    else:
        widget.close()
        widget.deleteLater()
    _settle(app)
    return out


def run_child(directory: Path, *, shots: Path | None = None, languages=LANGUAGES,
              scales=SCALES, pseudo=()) -> list[dict]:
    """Run the checks in a process of its own, on a 1366×728 screen."""
    out = directory / "results.json"
    environment = dict(os.environ)
    environment["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_config(directory)}"
    environment.pop("ADVOCATE_DATA_DIR", None)
    command = [sys.executable, str(Path(__file__).resolve()), "--data", str(directory / "data"),
               "--out", str(out), "--lang", ",".join(languages),
               "--scale", ",".join(str(s) for s in scales), "--pseudo", ",".join(pseudo)]
    if shots is not None:
        command += ["--shots", str(shots)]
    finished = subprocess.run(command, env=environment, cwd=ROOT, capture_output=True,
                              text=True, timeout=900, check=False)
    if finished.returncode != 0:
        raise AssertionError(f"the fit check could not run:\n{finished.stderr[-4000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


# --- the tests -------------------------------------------------------------------------------


def test_every_window_has_a_way_to_open_it():
    missing = window_classes() - set(WINDOWS)
    assert not missing, ("add these windows to WINDOWS in tests/ui/test_fit.py so their fit "
                         f"is checked: {sorted(missing)}")
    gone = {key for key in WINDOWS if key.startswith("advocate_app.")} - window_classes()
    assert not gone, f"WINDOWS names classes that no longer exist: {sorted(gone)}"


@pytest.fixture(scope="module")
def fit_results(tmp_path_factory) -> dict:
    results = run_child(tmp_path_factory.mktemp("fit"), pseudo=PSEUDO)
    table: dict = {}
    for result in results:
        table.setdefault((result["window"], result["language"], result["scale"]), []).append(
            result)
    return table


def combinations(languages=LANGUAGES, scales=SCALES, pseudo=PSEUDO) -> list[tuple[str, float]]:
    """Each language at each scale, and each pseudo-language at 100 %."""
    return [(language, scale) for language in languages for scale in scales] + [
        (language, 1.0) for language in pseudo if language not in languages]


def _cases():
    for key in WINDOWS:
        for language, scale in combinations():
            marks = [pytest.mark.xfail(reason="being made to fit")] if key in PENDING else []
            yield pytest.param(key, language, scale, marks=marks,
                               id=f"{key.rsplit('.', 1)[-1]}-{language}-{round(scale * 100)}")


@pytest.mark.parametrize(("key", "language", "scale"), list(_cases()))
def test_window_fits_a_small_screen(fit_results, key, language, scale):
    results = fit_results.get((key, language, scale))
    assert results, f"{key} was not checked"
    problems = [f"{r['opener']} / {r['view']}: {p}" for r in results for p in r["problems"]]
    assert not problems, "\n".join(problems)


def test_words_in_plain_english_are_found_and_data_is_not():
    from advocate_app.i18n.pseudo import accented

    data = {"Amina Haddad", "Santiago", "Núñez", "Spring story circle"}
    assert unmarked_pieces("Save", data) == ["Save"]
    assert unmarked_pieces(accented("Total") + ": 3 members", data) == ["3 members"]
    assert unmarked_pieces("Chair: " + accented("Amina Haddad"), data) == ["Chair"]
    for fine in (accented("Save"), accented("Saved {name}").format(name="Amina Haddad"),
                 accented("Say {x}").format(x=accented("nested")), accented("Elided")[:4] + "…",
                 "Santiago Núñez", "Spring story circle", "report.csv", "amina@example.org",
                 "12:30 CET", "5 Mar 2026", "&" + accented("Open")):
        assert unmarked_pieces(fine, data) == [], fine


@pytest.mark.parametrize("key", list(WINDOWS), ids=lambda key: key.rsplit(".", 1)[-1])
def test_every_word_shown_is_marked_for_translation(fit_results, key):
    """In the accented pseudo-language every word of the interface is ⟦Åççéñţéð⟧: a word in
    plain English was never given to ``_()`` and would stay English in every language."""
    results = fit_results.get((key, MARKED, 1.0))
    assert results, f"{key} was not checked in {MARKED}"
    found = sorted({f"{r['opener']} / {r['view']}: {p}" for r in results for p in r["unmarked"]})
    assert not found, "never marked for translation:\n" + "\n".join(found)


def _main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--data")
    parser.add_argument("--out")
    parser.add_argument("--lang", default=",".join(LANGUAGES))
    parser.add_argument("--scale", default=",".join(str(s) for s in SCALES))
    parser.add_argument("--pseudo", default="")
    parser.add_argument("--shots")
    args = parser.parse_args(argv)
    languages = args.lang.split(",")
    scales = [float(s) for s in args.scale.split(",")]
    pseudo = [p for p in args.pseudo.split(",") if p]
    shots = Path(args.shots) if args.shots else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    if args.data is None:  # run by a person: a child process on the small screen
        import tempfile

        with tempfile.TemporaryDirectory() as scratch:
            results = run_child(Path(scratch), shots=shots, languages=languages, scales=scales,
                                pseudo=pseudo)
    else:
        results = check_everything(Path(args.data), combinations(languages, scales, pseudo),
                                   shots)
        Path(args.out).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    if args.data is None:
        for result in results:
            for problem in result["problems"] + [f"never marked for translation: {p}"
                                                 for p in result["unmarked"]]:
                print(f"{result['window']} {result['opener']} {result['view']} "
                      f"{result['language']} {result['scale']}: {problem}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(_main(sys.argv[1:]))
