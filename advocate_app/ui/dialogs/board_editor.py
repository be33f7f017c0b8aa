"""Make or change a board: its name, kind, time zone, quorum rule, terms of reference and members."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.edit_conflicts import Choice
from advocate_app.domain.governance import BoardKind, BoardRole
from advocate_app.i18n import _
from advocate_app.i18n.formatting import date_edit_format, format_date
from advocate_app.services.errors import ConcurrentEditError, ServiceError, ValidationError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_seats import Seat, remove_seat, save_seat
from advocate_app.ui.dialogs.record_lists import records_table, whole_rows_model
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import select_row

if TYPE_CHECKING:
    from advocate_app.domain.board_views import BoardInput

#: Time zones offered first; any other IANA name can be typed.
COMMON_ZONES = (
    "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
    "Europe/Rome", "Europe/Amsterdam", "Europe/Brussels", "Europe/Stockholm", "Europe/Warsaw",
    "Europe/Athens", "America/New_York", "America/Chicago", "America/Denver",
    "America/Los_Angeles", "America/Toronto", "America/Sao_Paulo", "Australia/Sydney",
    "Australia/Perth", "Pacific/Auckland", "Africa/Lagos", "Africa/Nairobi",
    "Africa/Johannesburg", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "UTC",
)
#: A date edit showing this date means "not set".
NO_DATE = QDate(1900, 1, 1)


def zone_combo(current: str, name: str) -> QComboBox:
    """An editable list of common time zones with ``current`` chosen, called ``name``."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setAccessibleName(name)
    combo.lineEdit().setAccessibleName(name)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(COMMON_ZONES))
    if current and current not in COMMON_ZONES:
        combo.addItem(current)
    combo.setCurrentText(current or "Europe/London")
    return combo


def optional_date_edit(value: date | None) -> QDateEdit:
    """A date edit with a calendar whose lowest value reads "Not set"."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(_("Not set"))
    edit.setDisplayFormat(date_edit_format())
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> date | None:
    chosen = edit.date()
    if chosen == NO_DATE:
        return None
    return date(chosen.year(), chosen.month(), chosen.day())


def name_buttons(box: QDialogButtonBox) -> None:
    """Screen readers read a dialog's buttons by name: the words on them, without the "&"."""
    for button in box.buttons():
        button.setAccessibleName(button.text().replace("&", ""))


def say_errors(parent: QWidget, title: str, exc: ServiceError) -> None:
    """A service error in plain words: every problem found, one a line."""
    if isinstance(exc, ValidationError) and getattr(exc, "errors", None):
        text = "\n".join(str(message) for message in exc.errors.values())
    else:
        text = str(exc)
    prompts.error(parent, title, text)


class MemberPicker(QDialog):
    """Find one member by typing part of their name, then choose them from the matches."""

    def __init__(self, services, title: str, parent: QWidget | None = None,
                 exclude: set[int] | frozenset[int] = frozenset()):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self.setWindowTitle(title)
        self._services = services
        self._exclude = set(exclude)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(_("Part of a name, email or phone number"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(_("Find a member"))
        search_label = QLabel(_("&Find:"))
        search_label.setBuddy(self.search_field)
        self.model = whole_rows_model([""], self)
        self.matches = QListView()
        self.matches.setModel(self.model)
        self.matches.setAccessibleName(_("Matching members"))
        matches_label = QLabel(_("&Matches:"))
        matches_label.setBuddy(self.matches)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Choose"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        self.search_field.textChanged.connect(self._search)
        # Enter in the search field moves into the matches; it must not also press Choose
        # (the dialog's default button) and take the first match unseen.
        self.search_field.installEventFilter(self)
        self.matches.activated.connect(lambda _index: self.accept())
        self.matches.selectionModel().currentRowChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search_field, 1)
        layout.addLayout(row)
        layout.addWidget(matches_label)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 420, 420)
        self._search("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.search_field and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.matches.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _search(self, text: str) -> None:
        self.model.set_rows(Row(row.id, (row.display_name,))
                            for row in self._services.members.search(text.strip(), 50)
                            if row.id not in self._exclude)
        if self.model.rowCount():
            self.matches.setCurrentIndex(self.model.index(0, 0))
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.matches.currentIndex().isValid())

    def chosen(self) -> tuple[int, str] | None:
        current = self.matches.currentIndex()
        if not current.isValid():
            return None
        return self.model.row_id(current), self.model.cell(current.row(), 0).text


def pick_member(services, parent: QWidget | None, title: str,
                exclude: set[int] | frozenset[int] = frozenset()) -> tuple[int, str] | None:
    """(member id, name) chosen by the person; None if they cancel (tests replace this)."""
    dialog = MemberPicker(services, title, parent, exclude)
    if not prompts.run_modal(dialog):
        return None
    return dialog.chosen()


NAME = 0


class BoardEditor(QDialog):
    """``board`` is a BoardView to change, or None for a new board."""

    def __init__(self, services, board=None, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self._services = services
        self._board = board
        #: The board's version this editor started from (a save from it may be refused).
        self.version = board.version if board else None
        #: The values the form started from: a field differing from them is the person's edit.
        self._base = board
        self.saved_id: int | None = None
        self.setWindowTitle(_("Edit board") if board else _("New board"))
        heading = Heading(board.name if board else _("New board"), level=2)

        self.name_field = QLineEdit(board.name if board else "")
        self.name_field.setAccessibleName(_("Board name"))
        self.kind_combo = QComboBox()
        for kind in BoardKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.setAccessibleName(_("Kind of board"))
        if board:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(board.kind.value))
        self.timezone_combo = zone_combo(board.timezone if board else "Europe/London",
                                         _("Time zone of the board's meetings"))

        self.quorum_kind = QComboBox()
        self.quorum_kind.addItem(_("More than a share of the voting members"), "percent")
        self.quorum_kind.addItem(_("A number of voting members"), "count")
        self.quorum_kind.setAccessibleName(_("How the quorum is counted"))
        self.quorum_count = QSpinBox()
        self.quorum_count.setRange(1, 500)
        self.quorum_count.setSuffix(_(" members"))
        self.quorum_count.setAccessibleName(_("Quorum: number of voting members"))
        self.quorum_percent = QSpinBox()
        self.quorum_percent.setRange(1, 100)
        self.quorum_percent.setSuffix(" %")
        self.quorum_percent.setAccessibleName(_("Quorum: share of voting members, per cent"))
        count = board.quorum_count if board else 0
        self.quorum_percent.setValue(board.quorum_percent if board else 50)
        self.quorum_count.setValue(count or 3)
        self.quorum_kind.setCurrentIndex(1 if count else 0)
        self.quorum_kind.currentIndexChanged.connect(self._quorum_kind_changed)

        self.terms_field = QPlainTextEdit(board.terms_of_reference if board else "")
        self.terms_field.setTabChangesFocus(True)
        self.terms_field.setAccessibleName(_("Terms of reference"))
        self.terms_field.setPlaceholderText(_("What the board is for, what it decides and how "
                                              "often it meets"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field in ((_("&Name:"), self.name_field), (_("&Kind:"), self.kind_combo),
                            (_("&Time zone:"), self.timezone_combo)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        quorum_row = QHBoxLayout()
        quorum_row.addWidget(self.quorum_kind, 1)
        quorum_row.addWidget(self.quorum_percent)
        quorum_row.addWidget(self.quorum_count)
        quorum_label = QLabel(_("&Quorum:"))
        quorum_label.setBuddy(self.quorum_kind)
        form.addRow(quorum_label, quorum_row)
        terms_label = QLabel(_("Terms of &reference:"))
        terms_label.setBuddy(self.terms_field)
        form.addRow(terms_label, self.terms_field)

        self.members_model = whole_rows_model([_("Name"), _("Role"), _("Term starts"),
                                               _("Term ends")], self)
        self.members_table = records_table(self.members_model, _("Board members"), NAME)
        members_label = QLabel(_("&Members:"))
        members_label.setBuddy(self.members_table)
        self.members_table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.add_member_button = QPushButton(_("&Add member…"))
        self.add_member_button.clicked.connect(self.add_member)
        self.role_button = QPushButton(_("Change r&ole…"))
        self.role_button.clicked.connect(self.change_role)
        self.remove_button = QPushButton(_("Re&move"))
        self.remove_button.clicked.connect(self.remove_member)
        for button in (self.add_member_button, self.role_button, self.remove_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.remove_button.setAccessibleName(_("Remove from the board"))
        self.term_start = optional_date_edit(None)
        self.term_start.setAccessibleName(_("Term starts"))
        self.term_end = optional_date_edit(None)
        self.term_end.setAccessibleName(_("Term ends"))
        self.term_start.dateChanged.connect(self._term_changed)
        self.term_end.dateChanged.connect(self._term_changed)
        start_label = QLabel(_("Term &starts:"))
        start_label.setBuddy(self.term_start)
        end_label = QLabel(_("Term &ends:"))
        end_label.setBuddy(self.term_end)

        self._seats: list[Seat] = [Seat.read(m) for m in (board.members if board else ())]
        #: Seats read from the board and removed here, by member id.
        self._removed: dict[int, Seat] = {}

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(members_label)
        layout.addWidget(self.members_table, 1)
        row = QHBoxLayout()
        for button in (self.add_member_button, self.role_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        terms_row = QHBoxLayout()
        terms_row.addWidget(start_label)
        terms_row.addWidget(self.term_start)
        terms_row.addSpacing(12)
        terms_row.addWidget(end_label)
        terms_row.addWidget(self.term_end)
        terms_row.addStretch(1)
        layout.addLayout(terms_row)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 680)
        self._quorum_kind_changed()
        self._fill_members()

    # --- members ---------------------------------------------------------------------------

    def _show_seats(self) -> None:
        """The seats as rows (the chosen one stays chosen)."""
        self.members_model.set_rows(
            Row(seat.member_id, (seat.name, seat.role.label,
                                 format_date(seat.term_start) or _("Not set"),
                                 format_date(seat.term_end) or _("Not set")))
            for seat in self._seats)

    def _fill_members(self, select: int | None = None) -> None:
        self._show_seats()
        if select is not None and 0 <= select < len(self._seats):
            select_row(self.members_table, select)
        self._selection_changed()

    def _current_row(self) -> int | None:
        rows = self.members_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self, *_args) -> None:
        row = self._current_row()
        chosen = row is not None
        for widget in (self.role_button, self.remove_button, self.term_start, self.term_end):
            widget.setEnabled(chosen)
        if chosen:
            seat = self._seats[row]
            for edit, value in ((self.term_start, seat.term_start), (self.term_end, seat.term_end)):
                edit.blockSignals(True)
                edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
                edit.blockSignals(False)

    def _term_changed(self) -> None:
        row = self._current_row()
        if row is None:
            return
        seat = self._seats[row]
        seat.term_start, seat.term_end = date_of(self.term_start), date_of(self.term_end)
        # The same seat stays chosen: the term being typed is not shown to it again.
        selection = self.members_table.selectionModel()
        selection.blockSignals(True)
        self._show_seats()
        selection.blockSignals(False)

    def _choose_role(self, name: str, current: BoardRole = BoardRole.MEMBER) -> BoardRole | None:
        roles = list(BoardRole)
        labels = [role.label for role in roles]
        # The current role first, so that Enter keeps it.
        order = [roles.index(current)] + [i for i in range(len(roles)) if roles[i] is not current]
        index = prompts.choose(self, _("Role on the board"),
                               _("Role of {name}:").format(name=name),
                               [labels[i] for i in order])
        return None if index is None else roles[order[index]]

    def add_member(self) -> None:
        chosen = pick_member(self._services, self, _("Add a member to the board"),
                             {seat.member_id for seat in self._seats})
        if chosen is None:
            return
        role = self._choose_role(chosen[1])
        if role is None:
            return
        self.add_seat(chosen[0], chosen[1], role)

    def add_seat(self, member_id: int, name: str, role: BoardRole,
                 term_start: date | None = None, term_end: date | None = None) -> None:
        seat = Seat(member_id, name, role, term_start, term_end)
        was = self._removed.pop(member_id, None)
        if was is not None:  # back again: a change of the seat read
            seat.version, seat.stored = was.version, was.stored
        self._seats.append(seat)
        self._fill_members(len(self._seats) - 1)

    def change_role(self) -> None:
        row = self._current_row()
        if row is None:
            return
        seat = self._seats[row]
        role = self._choose_role(seat.name, seat.role)
        if role is not None:
            seat.role = role
            self._fill_members(row)

    def remove_member(self) -> None:
        row = self._current_row()
        if row is None:
            return
        seat = self._seats.pop(row)
        if seat.stored is not None:
            self._removed[seat.member_id] = seat
        self._fill_members(min(row, len(self._seats) - 1))

    # --- saving ----------------------------------------------------------------------------

    def _quorum_kind_changed(self) -> None:
        by_count = self.quorum_kind.currentData() == "count"
        self.quorum_count.setVisible(by_count)
        self.quorum_percent.setVisible(not by_count)

    def board_input(self):
        from advocate_app.domain.board_views import BoardInput

        by_count = self.quorum_kind.currentData() == "count"
        return BoardInput(name=self.name_field.text(), kind=BoardKind(self.kind_combo.currentData()),
                          terms_of_reference=self.terms_field.toPlainText().strip(),
                          quorum_count=self.quorum_count.value() if by_count else 0,
                          quorum_percent=self.quorum_percent.value(),
                          timezone=self.timezone_combo.currentText().strip())

    def save(self, merged: BoardInput | None = None) -> None:
        """Save the form (or ``merged``: the form with a colleague's changes to the fields
        not edited here), then the seats changed here."""
        boards = self._services.boards
        title = _("Save board")
        try:
            data = merged or self.board_input()
            if self._board is None:
                board_id = boards.create_board(data)
                # Saving again after a problem with a member changes this board, not a new one.
                self._board = boards.get_board(board_id)
            else:
                board_id = self._board.id
                # Saved: a retry after a problem with a seat starts from this version.
                self.version = boards.update_board(board_id, data, self.version)
            self.saved_id = board_id
            for seat in list(self._removed.values()):
                remove_seat(self, boards, board_id, seat)
                del self._removed[seat.member_id]
            for seat in self._seats:
                if seat.changed():  # a seat not changed here keeps what is stored
                    save_seat(self, boards, board_id, seat)
        except ConcurrentEditError as exc:
            self._someone_else_saved(exc, data)
            return
        except ServiceError as exc:
            say_errors(self, title, exc)
            return
        self.accept()

    def _someone_else_saved(self, error: ConcurrentEditError, data) -> None:
        """Their changes to fields not edited here are kept without a question; a field both
        changed is shown side by side: mine saved over theirs, or theirs kept (the editor
        closes on them)."""
        from advocate_app.ui.dialogs.edit_conflict import settle_edits

        choice, merged = settle_edits(self, _("Save board"), error, self._base, data,
                                      lambda view: view, {
            "name": _("Name"), "kind": _("Kind of board"),
            "terms_of_reference": _("Terms of reference"), "quorum_count": _("Quorum"),
            "quorum_percent": _("Quorum (per cent)"), "timezone": _("Time zone")})
        if choice is Choice.MINE:
            started_from, self.version = self.version, error.version
            self.save(merged)
            if self.result() != QDialog.DialogCode.Accepted:
                # Not all saved (a problem to put right): the next save starts from a version
                # before theirs, so their changes are taken again, not overwritten; from the
                # form as it is now when the board itself was saved.
                if self.version != error.version:  # the board saved, a seat not
                    self._base, self.version = data, error.version
                else:
                    self.version = started_from
        elif choice is Choice.THEIRS:
            self.reject()
