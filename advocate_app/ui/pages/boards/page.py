"""The Boards & meetings page: the boards on the left; on the right, in tabs, the chosen
board's meetings and minutes, decisions, action items, promises to the community, and who
does what (each tab a widget of its own)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _
from advocate_app.ui import prompts
from advocate_app.ui.pages.boards.actions_tab import ActionsTab
from advocate_app.ui.pages.boards.common import button
from advocate_app.ui.pages.boards.decisions_tab import DecisionsTab
from advocate_app.ui.pages.boards.meetings_tab import MeetingsTab
from advocate_app.ui.pages.boards.promises_tab import PromisesTab
from advocate_app.ui.pages.boards.roles_tab import RolesTab
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading


class BoardsPage(QWidget):
    status_message = Signal(str)
    outreach_changed = Signal()  # an item was added to the Outreach section

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._boards = []
        self.heading = Heading(_("Boards & meetings"))

        # Left: the boards.
        self.board_list = QListWidget()
        self.board_list.setAccessibleName(_("Boards"))
        self.board_list.setWordWrap(True)  # a long name wraps rather than scrolling sideways
        self.board_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.board_list.currentRowChanged.connect(lambda _row: self._board_changed())
        self.board_list.itemActivated.connect(lambda _item: self.edit_board())
        boards_label = QLabel(_("&Boards:"))
        boards_label.setBuddy(self.board_list)
        self.empty_label = QLabel(_("No boards yet. Start with New board: give it a name, "
                                    "then add its members."))
        self.empty_label.setWordWrap(True)
        self.new_board_button = button(_("&New board…"), self.new_board)
        self.edit_board_button = button(_("Edit b&oard…"), self.edit_board)
        board_side = QWidget()
        board_layout = QVBoxLayout(board_side)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.addWidget(boards_label)
        board_layout.addWidget(self.board_list, 1)
        board_layout.addWidget(self.empty_label)
        board_layout.addWidget(flow_of(self.new_board_button, self.edit_board_button))

        # Right: the board's records, a tab each. Dialogs open through _run_dialog.
        def run_dialog(dialog: QDialog) -> bool:
            return self._run_dialog(dialog)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Board records"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.meetings_tab = MeetingsTab(services, run_dialog)
        self.decisions_tab = DecisionsTab(services)
        self.actions_tab = ActionsTab(services)
        self.promises_tab = PromisesTab(services)
        self.roles_tab = RolesTab(services, run_dialog)
        self.tabs.addTab(self.meetings_tab, _("&Meetings"))
        self.tabs.addTab(self.decisions_tab, _("&Decisions"))
        self.tabs.addTab(self.actions_tab, _("Ac&tions"))
        self.tabs.addTab(self.promises_tab, _("&Promises"))
        self.tabs.addTab(self.roles_tab, _("Roles matri&x"))
        self.tabs.currentChanged.connect(lambda _index: self._refresh_tab())
        for tab in (self.meetings_tab, self.actions_tab, self.promises_tab):
            tab.status_message.connect(self.status_message)
        for tab in (self.meetings_tab, self.promises_tab):
            tab.outreach_changed.connect(self.outreach_changed)
        # What the minute-taking window and its tests look at on this page.
        meetings = self.meetings_tab
        self.meetings_table = meetings.table
        self.quorum_label = meetings.panel.quorum_label
        self.attendance_label = meetings.panel.attendance_label
        self.circulate_button = meetings.circulate_button
        self.approve_button = meetings.approve_button

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(board_side)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1000])

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

    # --- boards ----------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.board_id()
        self._boards = self._services.boards.list_boards()
        self.board_list.blockSignals(True)
        self.board_list.clear()
        for board in self._boards:
            item = QListWidgetItem(board.name)
            item.setData(Qt.ItemDataRole.UserRole, board.id)
            item.setToolTip(board.kind.label)
            self.board_list.addItem(item)
        self.board_list.blockSignals(False)
        self.empty_label.setVisible(not self._boards)
        ids = [board.id for board in self._boards]
        if ids:
            self.board_list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._board_changed()

    def focus_first(self) -> None:
        if self.board_list.count():
            self.board_list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.new_board_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def board_id(self) -> int | None:
        item = self.board_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def board(self):
        return next((b for b in self._boards if b.id == self.board_id()), None)

    def select_board(self, board_id: int) -> None:
        for row in range(self.board_list.count()):
            if self.board_list.item(row).data(Qt.ItemDataRole.UserRole) == board_id:
                self.board_list.setCurrentRow(row)
                return

    def _board_changed(self) -> None:
        board = self.board()
        self.edit_board_button.setEnabled(board is not None)
        for index in range(self.tabs.count()):
            self.tabs.widget(index).show_board(board)  # the meetings are read at once
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        """Read the records of the tab shown (the meetings are always up to date)."""
        current = self.tabs.currentWidget()
        if current is not self.meetings_tab:
            current.refresh()

    def _run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog; tests replace this so no real modal loop runs."""
        return prompts.run_modal(dialog)

    def new_board(self) -> None:
        from advocate_app.ui.dialogs.board_editor import BoardEditor

        dialog = BoardEditor(self._services, None, self)
        if self._run_dialog(dialog) and dialog.saved_id is not None:
            self.refresh()
            self.select_board(dialog.saved_id)
            self.status_message.emit(_("Board “{name}” saved.").format(
                name=dialog.name_field.text().strip()))

    def edit_board(self) -> None:
        from advocate_app.ui.dialogs.board_editor import BoardEditor

        board = self.board()
        if board is None:
            return
        dialog = BoardEditor(self._services, board, self)
        if self._run_dialog(dialog):
            self.refresh()
            self.status_message.emit(_("Board “{name}” saved.").format(
                name=dialog.name_field.text().strip()))

    # --- the chosen board's meetings (for the window, the guide and the benchmarks) --------

    def meeting_id(self) -> int | None:
        return self.meetings_tab.meeting_id()

    def select_meeting(self, meeting_id: int) -> None:
        self.meetings_tab.select_meeting(meeting_id)

    def new_meeting(self) -> None:
        self.meetings_tab.new_meeting()

    def edit_meeting(self) -> None:
        self.meetings_tab.edit_meeting()

    def take_minutes(self) -> None:
        self.meetings_tab.take_minutes()

    @property
    def live_window(self):
        """The minute-taking window last opened from this page (None before)."""
        return self.meetings_tab.live_window

    def minutes_finished(self, meeting_id: int) -> None:
        """Minute-taking ended: the chosen meeting shows its final attendance and quorum."""
        self.meetings_tab.minutes_finished(meeting_id)

    def set_action_filter(self, key: str) -> None:
        """Choose which action items show, as the person would (tests; asks who when
        needed)."""
        self.actions_tab.set_filter(key)

    def wait_for_work(self) -> None:
        """Let documents being written or assembled in the background end (closing, tests)."""
        for tab in (self.meetings_tab, self.promises_tab):
            tab.work.wait()
