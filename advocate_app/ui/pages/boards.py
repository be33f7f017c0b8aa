"""The Boards & meetings page: boards, their meetings and minutes, decisions, action items,
promises to the community, and who does what."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.governance import ActionStatus, MinutesStatus, PromiseStatus
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date
from advocate_app.interchange.files import file_stem
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import readable_columns

ALL_OPEN, OVERDUE, MINE, BY_OWNER, THIS_BOARD = "open", "overdue", "mine", "owner", "board"


def meeting_when(starts_at: datetime, zone: str, *, two_lines: bool = False) -> str:
    """The start of a meeting in its own time zone, with the zone named (on a line of its own
    with ``two_lines``, for a narrow column: "Europe/London" is never split)."""
    from advocate_app.domain.board_views import zone as time_zone
    from advocate_app.i18n.formatting import format_time

    local = starts_at.astimezone(time_zone(zone))
    # The date spelled out (no 12/6 against 6/12 confusion), the time short, as everywhere.
    pattern = _("{day}, {time}\n({zone})") if two_lines else _("{day}, {time} ({zone})")
    return pattern.format(day=format_date(local, "medium"), time=format_time(local), zone=zone)


def _table(columns: list[str], name: str, main: tuple[int, ...]) -> QTableWidget:
    """A list of records: the ``main`` columns (the text people read) take the room left and
    wrap; the others are as wide as their values; column titles are never cut."""
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    # A chosen row would make every column title bold, and a bold title wider than its column.
    table.horizontalHeader().setHighlightSections(False)
    readable_columns(table, main)
    return table


def _fill(table: QTableWidget, rows: list[tuple[int, tuple[str, ...]]]) -> None:
    """Rows of (id, cell texts); the id is kept on every cell; a long text also shows whole
    as a tooltip."""
    table.setRowCount(len(rows))
    for row, (row_id, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            # Rows grow with wrapped text: every cell reads from the top, like a page.
            item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            if len(text) > 40:
                item.setToolTip(text)
            table.setItem(row, column, item)


def _selected_id(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None


def _select_id(table: QTableWidget, row_id: int | None) -> None:
    for row in range(table.rowCount()):
        if table.item(row, 0).data(Qt.ItemDataRole.UserRole) == row_id:
            table.selectRow(row)
            return
    if table.rowCount():
        table.selectRow(0)


def _button(text: str, slot, name: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    return button


class BoardsPage(QWidget):
    status_message = Signal(str)
    outreach_changed = Signal()  # an item was added to the Outreach section

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._boards = []
        self._meetings = []
        self.me: tuple[int, str] | None = None   # "who I am", for the Mine filter
        self.owner_filter: str | None = None
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
        self.new_board_button = _button(_("&New board…"), self.new_board)
        self.edit_board_button = _button(_("Edit b&oard…"), self.edit_board)
        board_side = QWidget()
        board_layout = QVBoxLayout(board_side)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.addWidget(boards_label)
        board_layout.addWidget(self.board_list, 1)
        board_layout.addWidget(self.empty_label)
        board_layout.addWidget(flow_of(self.new_board_button, self.edit_board_button))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Board records"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.tabs.addTab(self._meetings_tab(), _("&Meetings"))
        self.tabs.addTab(self._decisions_tab(), _("&Decisions"))
        self.tabs.addTab(self._actions_tab(), _("Ac&tions"))
        self.tabs.addTab(self._promises_tab(), _("&Promises"))
        self.tabs.addTab(self._roles_tab(), _("Roles matri&x"))
        self.tabs.currentChanged.connect(lambda _index: self._refresh_tab())

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

    # --- building the tabs -----------------------------------------------------------------

    def _meetings_tab(self) -> QWidget:
        tab = QWidget()
        self.meetings_table = _table([_("When"), _("Meeting"), _("Minutes")], _("Meetings"),
                                     (1,))
        self.meetings_table.itemSelectionChanged.connect(self._meeting_changed)
        self.meetings_table.doubleClicked.connect(lambda _index: self.edit_meeting())
        self.meetings_empty = QLabel()
        self.meetings_empty.setWordWrap(True)
        self.new_meeting_button = _button(_("N&ew meeting…"), self.new_meeting)
        self.edit_meeting_button = _button(_("Ed&it meeting…"), self.edit_meeting)
        self.minutes_button = _button(_("Take min&utes"), self.take_minutes)
        self.circulate_button = _button(_("&Circulate minutes"), self.circulate)
        self.approve_button = _button(_("&Approve minutes…"), self.approve)
        self.export_button = _button(_("Expo&rt minutes…"), self.export_minutes)
        self.lay_button = _button(_("&Lay summary for the community"), self.make_lay_summary,
                                  _("Make a lay summary of the meeting as an outreach item"))
        self.calendar_button = _button(_("Calendar &file…"), self.calendar_file,
                                       _("Save a calendar file for the meeting"))

        self.side_panel = QGroupBox(_("Chosen meeting"))
        side = QVBoxLayout(self.side_panel)
        self.quorum_label = QLabel()
        self.attendance_label = QLabel()
        self.needs_label = QLabel()
        for label in (self.quorum_label, self.attendance_label, self.needs_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.needs_heading = Heading(_("What the people invited need"), level=3)
        side.addWidget(self.quorum_label)
        side.addWidget(self.attendance_label)
        side.addWidget(self.needs_heading)
        side.addWidget(self.needs_label)
        side.addStretch(1)
        self.side_panel.setMinimumWidth(200)
        self.side_panel.setMaximumWidth(360)

        layout = QVBoxLayout(tab)
        middle = QHBoxLayout()
        table_side = QVBoxLayout()
        table_side.addWidget(self.meetings_empty)
        table_side.addWidget(self.meetings_table, 1)
        middle.addLayout(table_side, 1)
        middle.addWidget(self.side_panel)
        layout.addLayout(middle, 1)
        # The buttons wrap onto more lines when the text is large or the window narrow.
        layout.addWidget(flow_of(self.new_meeting_button, self.edit_meeting_button,
                                 self.minutes_button, self.calendar_button,
                                 self.circulate_button, self.approve_button,
                                 self.export_button, self.lay_button))
        return tab

    def _decisions_tab(self) -> QWidget:
        tab = QWidget()
        self.decision_search = QLineEdit()
        self.decision_search.setPlaceholderText(_("Words in the decision, dissent or meeting"))
        self.decision_search.setClearButtonEnabled(True)
        self.decision_search.setAccessibleName(_("Find decisions with the words"))
        self.decision_search.textChanged.connect(lambda _text: self.refresh_decisions())
        search_label = QLabel(_("&Find:"))
        search_label.setBuddy(self.decision_search)
        self.decisions_table = _table([_("Date"), _("Board"), _("Meeting"), _("Decision"),
                                       _("Decided by"), _("Dissent")],
                                      _("Decisions of every board"), (3, 5))
        self.decisions_count = QLabel()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.decision_search, 1)
        layout.addLayout(row)
        layout.addWidget(self.decisions_table, 1)
        layout.addWidget(self.decisions_count)
        return tab

    def _actions_tab(self) -> QWidget:
        tab = QWidget()
        self.action_filter = QComboBox()
        for text, key in ((_("All open"), ALL_OPEN), (_("Overdue"), OVERDUE),
                          (_("Mine"), MINE), (_("By owner…"), BY_OWNER),
                          (_("This board"), THIS_BOARD)):
            self.action_filter.addItem(text, key)
        self.action_filter.setAccessibleName(_("Show action items"))
        self.action_filter.activated.connect(lambda _index: self._action_filter_chosen())
        filter_label = QLabel(_("&Show:"))
        filter_label.setBuddy(self.action_filter)
        self.filter_note = QLabel()
        self.who_button = _button(_("&Who am I…"), self.choose_me, _("Choose who I am"))
        self.actions_table = _table([_("What"), _("Owner"), _("Due"), _("Board"), _("Meeting"),
                                     _("Status")], _("Action items"), (0, 4))
        self.actions_table.itemSelectionChanged.connect(self._update_buttons)
        self.done_button = _button(_("Mark d&one"), self.mark_done)
        self.actions_count = QLabel()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.action_filter)
        row.addWidget(self.filter_note)
        row.addWidget(self.who_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.actions_table, 1)
        layout.addWidget(flow_of(self.done_button, right=(self.actions_count,)))
        return tab

    def _promises_tab(self) -> QWidget:
        tab = QWidget()
        intro = QLabel(_("What the community asked for, what we promised in return, and "
                         "whether we kept it."))
        intro.setWordWrap(True)
        self.promises_table = _table([_("You said"), _("We promised"), _("Owner"), _("Due"),
                                      _("Status"), _("Evidence")], _("Promises"), (0, 1, 5))
        self.promises_table.itemSelectionChanged.connect(self._update_buttons)
        self.kept_button = _button(_("Mark &kept…"), self.mark_kept)
        self.update_button = _button(_("“You said, we &did” update"), self.make_you_said_update,
                                     _("Make a “You said, we did” update from the kept "
                                       "promises, in each member's language"))
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.promises_table, 1)
        layout.addWidget(flow_of(self.kept_button, self.update_button))
        return tab

    def _roles_tab(self) -> QWidget:
        tab = QWidget()
        intro = QLabel(_("Who does what for this board: for each activity, who is Responsible "
                         "(does it), Accountable (decides), Consulted (asked before) and "
                         "Informed (told after)."))
        intro.setWordWrap(True)
        self.roles_preview = QTableWidget(0, 0)
        self.roles_preview.setAccessibleName(_("Roles matrix, to read"))
        self.roles_preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roles_preview.setTabKeyNavigation(False)
        self.roles_preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.raci_button = _button(_("Change the roles &matrix…"), self.open_raci)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.roles_preview, 1)
        row = QHBoxLayout()
        row.addWidget(self.raci_button)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

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
        self.refresh_meetings()
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        current = self.tabs.currentIndex()
        if current == 1:
            self.refresh_decisions()
        elif current == 2:
            self.refresh_actions()
        elif current == 3:
            self.refresh_promises()
        elif current == 4:
            self.refresh_roles()
        self._update_buttons()

    def _run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog; tests replace this so no real modal loop runs."""
        return dialog.exec() == QDialog.DialogCode.Accepted

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

    # --- meetings --------------------------------------------------------------------------

    def refresh_meetings(self) -> None:
        keep = self.meeting_id()
        board = self.board()
        self._meetings = self._services.meetings.list_meetings(board.id) if board else []
        self.meetings_table.blockSignals(True)
        _fill(self.meetings_table, [
            (m.id, (meeting_when(m.starts_at, m.timezone, two_lines=True), m.title,
                    m.minutes_status.label))
            for m in self._meetings])
        self.meetings_table.blockSignals(False)
        if board is None:
            self.meetings_empty.setText(_("Choose or make a board to see its meetings."))
        else:
            self.meetings_empty.setText(_("No meetings of {board} yet. Plan one with New "
                                          "meeting.").format(board=board.name))
        self.meetings_empty.setVisible(not self._meetings)
        self.meetings_table.clearSelection()
        if self._meetings:
            _select_id(self.meetings_table, keep)
        self._meeting_changed()

    def meeting_id(self) -> int | None:
        return _selected_id(self.meetings_table)

    def select_meeting(self, meeting_id: int) -> None:
        _select_id(self.meetings_table, meeting_id)

    def _meeting(self):
        return next((m for m in self._meetings if m.id == self.meeting_id()), None)

    def _meeting_changed(self) -> None:
        meeting = self._meeting()
        self.side_panel.setVisible(meeting is not None)
        if meeting is not None:
            self.refresh_side_panel()
        self._update_buttons()

    def refresh_side_panel(self) -> None:
        """The live quorum and what the people invited need, for the chosen meeting."""
        from advocate_app.ui.dialogs.meeting_editor import needs_text, quorum_text

        meeting = self._meeting()
        if meeting is None:
            return
        self.side_panel.setTitle(meeting.title)
        upcoming = meeting.starts_at >= datetime.now(UTC) or not meeting.closed
        quorum = quorum_text(self._services.meetings.quorum(meeting.id))
        self.quorum_label.setText(quorum)
        self.quorum_label.setAccessibleName(quorum)
        attendance = self._attendance_text(self._services.meetings.get_meeting(meeting.id))
        self.attendance_label.setText(attendance)
        self.attendance_label.setAccessibleName(attendance)
        self.attendance_label.setVisible(bool(attendance))
        needs = needs_text(self._services.meetings.invitee_needs(meeting.id))
        self.needs_label.setText(needs)
        self.needs_label.setAccessibleName(needs)
        self.needs_heading.setVisible(upcoming)
        self.needs_label.setVisible(upcoming)

    @staticmethod
    def _attendance_text(meeting) -> str:
        """Who came, sent apologies or was absent, once any of it is recorded; empty before."""
        from advocate_app.domain.governance import AttendanceStatus
        from advocate_app.services.minutes import attendance_groups

        if all(a.status is AttendanceStatus.INVITED for a in meeting.attendees):
            return ""
        return "\n".join(_("{heading}: {names}").format(heading=heading, names=", ".join(names))
                         for heading, names in attendance_groups(meeting))

    def _update_buttons(self) -> None:
        board = self.board() is not None
        meeting = self._meeting()
        chosen = meeting is not None
        status = meeting.minutes_status if meeting else None
        self.edit_board_button.setEnabled(board)
        self.new_meeting_button.setEnabled(board)
        self.edit_meeting_button.setEnabled(chosen)
        self.minutes_button.setEnabled(chosen and not status.locked)
        self.circulate_button.setEnabled(chosen and status is MinutesStatus.DRAFT)
        self.approve_button.setEnabled(chosen and status is MinutesStatus.CIRCULATED)
        self.export_button.setEnabled(chosen)
        self.lay_button.setEnabled(chosen and status is not MinutesStatus.DRAFT)
        self.calendar_button.setEnabled(chosen)
        self.raci_button.setEnabled(board)
        self.done_button.setEnabled(_selected_id(self.actions_table) is not None)
        self.kept_button.setEnabled(_selected_id(self.promises_table) is not None)
        self.who_button.setVisible(self.action_filter.currentData() == MINE)

    def new_meeting(self) -> None:
        self._open_meeting(None)

    def edit_meeting(self) -> None:
        if self.meeting_id() is not None:
            self._open_meeting(self.meeting_id())

    def _open_meeting(self, meeting_id: int | None) -> None:
        from advocate_app.ui.dialogs.meeting_editor import MeetingEditor

        board = self.board()
        if board is None:
            return
        try:
            dialog = MeetingEditor(self._services, board, meeting_id, self)
        except ServiceError as exc:
            prompts.error(self, _("Meeting"), str(exc))
            self.refresh_meetings()
            return
        accepted = self._run_dialog(dialog)
        # Attendance is kept as it changes, so the list follows even after Cancel.
        self.refresh_meetings()
        if accepted and dialog.saved_id is not None:
            self.select_meeting(dialog.saved_id)
            self.status_message.emit(_("Meeting “{title}” saved.").format(
                title=dialog.title_field.text().strip()))

    #: Minutes for a meeting further than this from now are checked with the person first.
    MINUTES_WITHOUT_ASKING = timedelta(days=1)

    def take_minutes(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        if not self._minutes_now_or_asked(meeting_id):
            return
        from advocate_app.ui.dialogs.live_minutes import LiveMinutesWindow

        opener = getattr(self.window(), "open_live_minutes", None)
        if opener is not None:
            window = opener(meeting_id)  # the main window passes the end back to this page
        else:
            window = LiveMinutesWindow(self._services, meeting_id, self)
            window.setWindowFlag(Qt.WindowType.Window, True)
            window.show()
            window.finished.connect(self.minutes_finished)
        self.live_window = window

    def minutes_finished(self, meeting_id: int) -> None:
        """Minute-taking ended: the chosen meeting shows its final attendance and quorum."""
        self.refresh_meetings()
        if self.meeting_id() != meeting_id and any(m.id == meeting_id for m in self._meetings):
            self.select_meeting(meeting_id)

    def _minutes_now_or_asked(self, meeting_id: int) -> bool:
        """Minutes are taken while a meeting happens: for one days away (or long past) that
        is probably the wrong meeting, so ask; carrying on with minutes under way never asks."""
        meeting = self._services.meetings.get_meeting(meeting_id)
        if meeting.live_started_at is not None and meeting.closed_at is None:
            return True
        now = datetime.now(UTC)
        if abs(meeting.starts_at - now) <= self.MINUTES_WITHOUT_ASKING:
            return True
        when = meeting_when(meeting.starts_at, meeting.timezone)
        question = (_("“{title}” is on {when}, not today. Take its minutes now anyway?")
                    if meeting.starts_at > now else
                    _("“{title}” was on {when}. Take its minutes now anyway?"))
        return prompts.confirm(self, _("Take minutes"), question.format(
            title=meeting.title, when=when), destructive_label=_("Take &minutes"))

    def circulate(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        if not prompts.confirm(
                self, _("Circulate minutes"),
                _("Mark the minutes of “{title}” as circulated to the board? They can still be "
                  "corrected until they are approved.").format(title=meeting.title),
                destructive_label=_("Circulate")):
            return
        self._lifecycle(_("Circulate minutes"),
                        lambda: self._services.minutes.circulate(meeting.id),
                        _("Minutes of “{title}” circulated.").format(title=meeting.title))

    def approve(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        title = _("Approve minutes")
        later = [m for m in self._meetings if m.id != meeting.id]
        options = [_("Not at a meeting (approved by correspondence)")] + [
            _("{title}, {when}").format(title=m.title, when=meeting_when(m.starts_at,
                                                                          m.timezone))
            for m in later]
        index = prompts.choose(self, title, _("At which meeting were the minutes of “{title}” "
                                              "approved?").format(title=meeting.title), options)
        if index is None:
            return
        at_meeting = later[index - 1].id if index else None
        note = prompts.ask_text(self, title, _("A note to keep with the approval (optional):"))
        if note is None:
            return
        self._lifecycle(title, lambda: self._services.minutes.approve(
            meeting.id, at_meeting_id=at_meeting, note=note),
            _("Minutes of “{title}” approved; they can no longer be changed.").format(
                title=meeting.title))

    def _lifecycle(self, title: str, work, done: str) -> None:
        try:
            work()
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
        else:
            self.status_message.emit(done)
        self.refresh_meetings()

    def export_minutes(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        title = _("Export minutes")
        chosen = prompts.save_file(self, title, file_stem(meeting.title) + ".pdf",
                                   _("PDF document (*.pdf);;Word document (*.docx)"),
                                   "minutes")
        if not chosen:
            return
        path = Path(chosen)
        fmt = "docx" if path.suffix.lower() == ".docx" else "pdf"
        if path.suffix.lower() not in (".pdf", ".docx"):
            path = path.with_suffix(".pdf")
        try:
            self._services.board_documents.export_minutes(meeting.id, fmt, path)
        except (OSError, ValueError, ServiceError) as exc:
            prompts.error(self, title, _("The minutes could not be saved: {reason}").format(
                reason=str(exc)))
            return
        self.status_message.emit(_("Saved {file}.").format(file=path.name))

    def calendar_file(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        title = _("Calendar file")
        try:
            meeting = self._services.meetings.get_meeting(meeting_id)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        chosen = prompts.save_file(self, title, file_stem(meeting.title) + ".ics",
                                   _("Calendar file (*.ics)"), "calendar")
        if not chosen:
            return
        try:
            self._services.board_documents.write_calendar(chosen, meeting.id)
        except (ImportError, OSError, ValueError) as exc:
            prompts.error(self, title, _("The calendar file could not be saved: {reason}")
                          .format(reason=str(exc)))
            return
        self.status_message.emit(_("Saved {file}.").format(file=Path(chosen).name))

    # --- decisions -------------------------------------------------------------------------

    def refresh_decisions(self) -> None:
        found = self._services.minutes.decisions(text=self.decision_search.text().strip())
        _fill(self.decisions_table, [
            (d.id, (format_date(d.meeting_start.astimezone() if d.meeting_start else None),
                    d.board_name, d.meeting_title, d.text, d.decided_by, d.dissent))
            for d in found])
        count = len(found)
        self.decisions_count.setText(ngettext("{n} decision", "{n} decisions", count).format(
            n=count))

    # --- actions ---------------------------------------------------------------------------

    def _action_filter_chosen(self) -> None:
        key = self.action_filter.currentData()
        if key == MINE and self.me is None:
            self.choose_me()
        elif key == BY_OWNER:
            self.choose_owner()
        self.refresh_actions()

    def choose_me(self) -> None:
        from advocate_app.domain.member_views import MemberQuery

        people = self._services.members.list(MemberQuery(), 0, 200)
        if not people:
            return
        index = prompts.choose(self, _("Who am I"), _("Show the action items of:"),
                               [p.display_name for p in people])
        if index is not None:
            self.me = (people[index].id, people[index].display_name)
        self.refresh_actions()

    def choose_owner(self) -> None:
        owners = sorted({a.owner for a in self._services.actions.actions() if a.owner},
                        key=str.casefold)
        if not owners:
            self.owner_filter = None
            return
        index = prompts.choose(self, _("By owner"), _("Show the action items of:"), owners)
        if index is not None:
            self.owner_filter = owners[index]

    def set_action_filter(self, key: str) -> None:
        """Choose a filter as the person would (tests; asks who when needed)."""
        self.action_filter.setCurrentIndex(self.action_filter.findData(key))
        self._action_filter_chosen()

    def refresh_actions(self) -> None:
        keep = _selected_id(self.actions_table)
        key = self.action_filter.currentData()
        today = date.today()
        note = ""
        if key == OVERDUE:
            found = self._services.actions.actions(overdue_on=today)
        elif key == MINE:
            found = self._services.actions.actions(owner_member_id=self.me[0]) if self.me else []
            note = _("Action items of {name}").format(name=self.me[1]) if self.me else _(
                "Choose who you are to see your action items.")
        elif key == BY_OWNER:
            found = [a for a in self._services.actions.actions() if a.owner == self.owner_filter] \
                if self.owner_filter else []
            note = _("Action items of {name}").format(name=self.owner_filter) \
                if self.owner_filter else ""
        elif key == THIS_BOARD:
            board = self.board()
            found = self._services.actions.actions(board_id=board.id) if board else []
            note = board.name if board else ""
        else:
            found = self._services.actions.actions()
        self.filter_note.setText(note)
        _fill(self.actions_table, [
            (a.id, (a.text, a.owner, format_date(a.due_on), a.board_name, a.meeting_title,
                    _("Overdue") if a.overdue(today) else a.status.label))
            for a in found])
        if keep is not None:
            _select_id(self.actions_table, keep)
        count = len(found)
        self.actions_count.setText(ngettext("{n} action item", "{n} action items",
                                            count).format(n=count))
        self._update_buttons()

    def mark_done(self) -> None:
        action_id = _selected_id(self.actions_table)
        if action_id is None:
            return
        try:
            self._services.actions.set_action_status(action_id, ActionStatus.DONE)
        except ServiceError as exc:
            prompts.error(self, _("Mark done"), str(exc))
        else:
            self.status_message.emit(_("Action item marked done."))
        self.refresh_actions()

    # --- promises --------------------------------------------------------------------------

    def refresh_promises(self) -> None:
        keep = _selected_id(self.promises_table)
        today = date.today()
        found = self._services.actions.promises(status=None)
        # Open promises first: they are what still needs doing.
        found.sort(key=lambda p: p.status is not PromiseStatus.OPEN)
        _fill(self.promises_table, [
            (p.id, (p.you_said, p.text, p.owner, format_date(p.due_on),
                    _("Overdue") if p.overdue(today) else p.status.label, p.evidence))
            for p in found])
        if keep is not None:
            _select_id(self.promises_table, keep)
        self._update_buttons()

    def make_lay_summary(self) -> None:
        """The meeting in plain words, as an outreach item ready for the Outreach section."""
        summary = self._meeting()
        if summary is None:
            return
        title = _("Lay summary for the community")
        try:
            item = self._services.board_documents.lay_summary(summary.id)
            if not self._another_asked(title, item):
                return
            item_id = self._services.outreach.save(item)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        self.outreach_changed.emit()
        prompts.information(self, title, _(
            "“{title}” is now in the Outreach section (item {id}): check it, then print it or "
            "send it as a print pack.").format(title=item.title, id=item_id))

    def make_you_said_update(self) -> None:
        """A “You said, we did” newsletter from the kept promises, one per members' language."""
        title = _("“You said, we did” update")
        items = self._services.board_documents.you_said_we_did()
        if not items:
            prompts.information(self, title, _(
                "No promise has been kept yet: mark one kept, with what was done, first."))
            return
        if not self._another_asked(title, items[0]):
            return
        try:
            ids = [self._services.outreach.save(item) for item in items]
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        self.outreach_changed.emit()
        prompts.information(self, title, ngettext(
            "Made {n} version in the Outreach section ({languages}).",
            "Made {n} versions in the Outreach section ({languages}), one for each language "
            "your members read; a print pack gives each member theirs.", len(ids)).format(
            n=len(ids), languages=", ".join(item.language for item in items)))

    def _another_asked(self, title: str, item) -> bool:
        """True when nothing of this piece is in the Outreach section yet, or the person says
        to make another set anyway (pressing the button twice should not make two)."""
        existing = self._services.outreach.versions(item)
        if not existing:
            return True
        return prompts.confirm(self, title, ngettext(
            "“{title}” is already in the Outreach section ({n} version). Make another?",
            "“{title}” is already in the Outreach section ({n} versions). Make another set?",
            len(existing)).format(title=existing[0][1].title, n=len(existing)),
            destructive_label=_("Make &another"))

    def mark_kept(self) -> None:
        promise_id = _selected_id(self.promises_table)
        if promise_id is None:
            return
        title = _("Promise kept")
        evidence = prompts.ask_text(self, title, _(
            "What was done? (the evidence the community will read)"))
        if evidence is None:
            return
        try:
            self._services.actions.update_promise(promise_id, PromiseStatus.KEPT, evidence)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
        else:
            self.status_message.emit(_("Promise marked kept."))
        self.refresh_promises()

    # --- roles matrix ----------------------------------------------------------------------

    def refresh_roles(self) -> None:
        board = self.board()
        table = self.roles_preview
        table.clear()
        if board is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            return
        matrix = self._services.roles.raci(board.id)
        table.setRowCount(len(matrix.activities))
        table.setColumnCount(len(matrix.parties))
        table.setVerticalHeaderLabels([name for _id, name in matrix.activities])
        table.setHorizontalHeaderLabels([name for _id, name in matrix.parties])
        for row, (activity_id, _activity) in enumerate(matrix.activities):
            for column, (party_id, _party) in enumerate(matrix.parties):
                value = matrix.cells.get((activity_id, party_id))
                item = QTableWidgetItem(value.value if value else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if value:
                    item.setToolTip(value.label)
                table.setItem(row, column, item)

    def open_raci(self) -> None:
        from advocate_app.ui.dialogs.raci_editor import RaciEditor

        board = self.board()
        if board is None:
            return
        self._run_dialog(RaciEditor(self._services, board, self))
        self.refresh_roles()
