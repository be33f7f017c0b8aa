"""The Actions tab: action items of every board, open, overdue, mine, someone's or this
board's, and marking one done."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from advocate_app.domain.governance import ActionStatus
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date
from advocate_app.services.errors import ConcurrentEditError, ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.edit_conflict import keep_mine
from advocate_app.ui.models.rows import Row, select_id, selected_id
from advocate_app.ui.pages.boards.common import button, records_table
from advocate_app.ui.widgets.flow import flow_of

ALL_OPEN, OVERDUE, MINE, BY_OWNER, THIS_BOARD = "open", "overdue", "mine", "owner", "board"


class ActionsTab(QWidget):
    status_message = Signal(str)

    def __init__(self, services):
        super().__init__()
        self._services = services
        self._versions: dict[int, int] = {}
        self._board = None
        self.me: tuple[int, str] | None = None   # "who I am", for the Mine filter
        self.owner_filter: str | None = None
        self.filter = QComboBox()
        for text, key in ((_("All open"), ALL_OPEN), (_("Overdue"), OVERDUE),
                          (_("Mine"), MINE), (_("By owner…"), BY_OWNER),
                          (_("This board"), THIS_BOARD)):
            self.filter.addItem(text, key)
        self.filter.setAccessibleName(_("Show action items"))
        self.filter.activated.connect(lambda _index: self._filter_chosen())
        filter_label = QLabel(_("&Show:"))
        filter_label.setBuddy(self.filter)
        self.filter_note = QLabel()
        self.who_button = button(_("&Who am I…"), self.choose_me, _("Choose who I am"))
        # An account linked to its member knows who "I" am: nothing to ask.
        self.me = services.accounts.signed_in_member()
        self._linked = self.me is not None
        self.table = records_table([_("What"), _("Owner"), _("Due"), _("Board"), _("Meeting"),
                                    _("Status")], _("Action items"), (0, 4))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.done_button = button(_("Mark d&one"), self.mark_done)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter)
        row.addWidget(self.filter_note)
        row.addWidget(self.who_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(flow_of(self.done_button, right=(self.count_label,)))

    def show_board(self, board) -> None:
        """The board "This board" shows the action items of."""
        self._board = board

    def _filter_chosen(self) -> None:
        key = self.filter.currentData()
        if key == MINE and self.me is None:
            self.choose_me()
        elif key == BY_OWNER:
            self.choose_owner()
        self.refresh()

    def set_filter(self, key: str) -> None:
        """Choose a filter as the person would (tests; asks who when needed)."""
        self.filter.setCurrentIndex(self.filter.findData(key))
        self._filter_chosen()

    def choose_me(self) -> None:
        from advocate_app.domain.member_views import MemberQuery

        people = self._services.members.list(MemberQuery(), 0, 200)
        if not people:
            return
        index = prompts.choose(self, _("Who am I"), _("Show the action items of:"),
                               [p.display_name for p in people])
        if index is not None:
            self.me = (people[index].id, people[index].display_name)
        self.refresh()

    def choose_owner(self) -> None:
        from advocate_app.i18n.collation import sort_key

        owners = sorted({a.owner for a in self._services.actions.actions() if a.owner},
                        key=sort_key)
        if not owners:
            self.owner_filter = None
            return
        index = prompts.choose(self, _("By owner"), _("Show the action items of:"), owners)
        if index is not None:
            self.owner_filter = owners[index]

    def _found(self) -> tuple[list, str]:
        """The action items the filter shows, and the note that says whose they are."""
        actions = self._services.actions
        key = self.filter.currentData()
        if key == OVERDUE:
            return actions.actions(overdue_on=date.today()), ""
        if key == MINE:
            if self.me is None:
                return [], _("Choose who you are to see your action items.")
            return (actions.actions(owner_member_id=self.me[0]),
                    _("Action items of {name}").format(name=self.me[1]))
        if key == BY_OWNER:
            if not self.owner_filter:
                return [], ""
            return ([a for a in actions.actions() if a.owner == self.owner_filter],
                    _("Action items of {name}").format(name=self.owner_filter))
        if key == THIS_BOARD:
            board = self._board
            return (actions.actions(board_id=board.id), board.name) if board else ([], "")
        return actions.actions(), ""

    def refresh(self) -> None:
        keep = selected_id(self.table)
        today = date.today()
        found, note = self._found()
        self._versions = {a.id: a.version for a in found}  # what a change starts from
        self.filter_note.setText(note)
        self.table.model().set_rows(
            Row(a.id, (a.text, a.owner, format_date(a.due_on), a.board_name, a.meeting_title,
                       _("Overdue") if a.overdue(today) else a.status.label))
            for a in found)
        if keep is not None:
            select_id(self.table, keep, or_first=True)
        count = len(found)
        self.count_label.setText(ngettext("{n} action item", "{n} action items",
                                          count).format(n=count))
        self.update_buttons()

    def update_buttons(self) -> None:
        self.done_button.setEnabled(selected_id(self.table) is not None)
        # Shown (once laid out: shown before, a parentless button would open as a window of
        # its own) only where "who I am" may need choosing.
        self.who_button.setVisible(self.filter.currentData() == MINE and not self._linked)

    def mark_done(self) -> None:
        action_id = selected_id(self.table)
        if action_id is None:
            return
        version = self._versions.get(action_id)
        try:
            while True:
                try:
                    self._services.actions.set_action_status(action_id, ActionStatus.DONE,
                                                             version)
                    break
                except ConcurrentEditError as exc:  # a colleague changed it meanwhile
                    version = keep_mine(self, _("Mark done"), exc,
                                        {"status": ActionStatus.DONE})
                    if version is None:
                        self.refresh()
                        return
        except ServiceError as exc:
            prompts.error(self, _("Mark done"), str(exc))
        else:
            self.status_message.emit(_("Action item marked done."))
        self.refresh()
