"""What an attendance report would do, before it does it: who is matched to a member, who
becomes a new member, who needs a person to decide, and who matched nobody; Apply runs the
import for real."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.webinar_views import ReportOutcome
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.collation import sort_key
from advocate_app.ui.dialogs.board_editor import name_buttons
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Cell, Row, RowsModel
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import rows_table

Action = ReportOutcome.Action

#: The order outcomes are listed in: what needs a person first.
ORDER = (Action.REVIEW, Action.UNMATCHED, Action.CREATED, Action.MATCHED)


def action_label(action: Action) -> str:
    return {Action.MATCHED: _("Matched to a member"), Action.CREATED: _("New member"),
            Action.REVIEW: _("Needs review"), Action.UNMATCHED: _("Not matched")}[action]


def counts_text(result) -> str:
    """"4 matched · 2 new members · 1 to review · 1 not matched" (and who came)."""
    parts = [
        ngettext("{n} matched to a member", "{n} matched to members",
                 result.count(Action.MATCHED)).format(n=result.count(Action.MATCHED)),
        ngettext("{n} new member", "{n} new members",
                 result.count(Action.CREATED)).format(n=result.count(Action.CREATED)),
        ngettext("{n} needs review", "{n} need review",
                 result.count(Action.REVIEW)).format(n=result.count(Action.REVIEW)),
        ngettext("{n} not matched", "{n} not matched",
                 result.count(Action.UNMATCHED)).format(n=result.count(Action.UNMATCHED)),
    ]
    people = [
        ngettext("{n} registrant", "{n} registrants", result.registrants).format(
            n=result.registrants),
        ngettext("{n} attendee", "{n} attendees", result.attendees).format(n=result.attendees),
        ngettext("{n} no-show", "{n} no-shows", result.no_shows).format(n=result.no_shows),
    ]
    return " · ".join(parts) + "\n" + " · ".join(people)


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


class ReportReviewDialog(QDialog):
    """``result`` is the import's dry run (an ImportResult); accepted means "apply it"."""

    def __init__(self, result, webinar_title: str, parent: QWidget | None = None,
                 names: dict[int, str] | None = None):
        super().__init__(parent)
        install_help_key(self)
        self._result = result
        self._names = names or {}  # the matched members' names, by id
        self.setWindowTitle(_("Check the attendance report"))
        heading = Heading(_("{report} for “{title}”").format(report=result.kind.label,
                                                              title=webinar_title), level=2)
        self.file_label = QLabel(_("File: {name}").format(name=result.file_name))
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label = QLabel(counts_text(result))
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.counts_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.counts_label.setAccessibleName(self.counts_label.text())
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        if result.already_imported:
            self.note_label.setText(_("This report was imported before: importing it again "
                                      "changes nothing."))
        else:
            self.note_label.setText(_("Nothing has changed yet. Apply matches, creates and "
                                      "marks attendance as listed; people who need review "
                                      "wait on the Attendance import tab for you to decide."))
        self.note_label.setAccessibleName(self.note_label.text())

        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(_("Show"))
        self.show_combo.addItem(_("Everyone in the report"), "")
        for action in ORDER:
            self.show_combo.addItem(_("{what} ({n})").format(what=action_label(action),
                                                             n=result.count(action)),
                                    action.value)
        show_label = QLabel(_("&Show:"))
        show_label.setBuddy(self.show_combo)
        self.show_combo.currentIndexChanged.connect(lambda _i: self._fill())

        self.model = RowsModel([_("What happens"), _("Name"), _("Email"), _("Registered"),
                                _("Came"), _("Minutes attended"), _("Member")])
        self.table = rows_table(self.model, _("People in the report"), main=(1, 2, 6))
        table_label = QLabel(_("&People in the report:"))
        table_label.setBuddy(self.table)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(_("&Apply import"))
        self.apply_button.setEnabled(not result.already_imported and bool(result.outcomes))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            _("&Close without importing"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.file_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.note_label)
        row = QHBoxLayout()
        row.addWidget(show_label)
        row.addWidget(self.show_combo)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, max(900, self.fontMetrics().averageCharWidth() * 110), 600)
        self._fill()
        self.counts_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self) -> None:
        wanted = self.show_combo.currentData() or ""
        order = {action: index for index, action in enumerate(ORDER)}
        outcomes = sorted(enumerate(self._result.outcomes),
                          key=lambda pair: (order[pair[1].action], sort_key(pair[1].name)))
        self.model.set_rows(
            Row(number, self._cells(outcome)) for number, outcome in outcomes
            if not wanted or outcome.action.value == wanted)

    def _cells(self, outcome) -> tuple:
        if outcome.action is Action.REVIEW and outcome.candidate_name:
            member = (_("Perhaps {name} ({score}\u00a0% alike)").format(
                name=outcome.candidate_name, score=outcome.score) if outcome.score > 0
                else _("Perhaps {name}").format(name=outcome.candidate_name))
        elif outcome.action is Action.MATCHED:
            member = outcome.candidate_name or self._names.get(outcome.member_id) \
                or _("Member {id}").format(id=outcome.member_id)
        else:
            member = ""
        minutes = Cell(str(outcome.minutes_attended), sort_key=outcome.minutes_attended,
                       accessible=ngettext("{n} minute", "{n} minutes",
                                           outcome.minutes_attended).format(
                           n=outcome.minutes_attended)) if outcome.attended else ""
        return (action_label(outcome.action), outcome.name, outcome.email,
                _yes_no(outcome.registered), _yes_no(outcome.attended), minutes, member)

    def shown_count(self) -> int:
        return self.model.rowCount()
