"""Minute-taking's agenda: the list of items on the left, and the clocks of the meeting and of
the item being minuted."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from advocate_app.i18n import _
from advocate_app.ui.dialogs.record_lists import whole_rows_model
from advocate_app.ui.models.rows import Row, select_id


def clock(seconds: int) -> str:
    """"4:05", or "1:04:05" past an hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def meeting_clock_text(seconds: float) -> str:
    return _("Meeting {clock}").format(clock=clock(seconds))


def item_timer_text(spent: int, allotted: int) -> tuple[str, str]:
    """The item timer's words, and its style: red and bold once the item runs over."""
    if spent > allotted:
        return (_("{spent} of {allotted}: over by {over}").format(
            spent=clock(spent), allotted=clock(allotted), over=clock(spent - allotted)),
            "color: #a40000; font-weight: bold;")
    return _("{spent} of {allotted}").format(spent=clock(spent), allotted=clock(allotted)), ""


class AgendaPanel(QWidget):
    """The agenda, one entry per item (number, title, presenter and minutes allotted); choosing
    an entry says which item is minuted now."""

    #: The chosen agenda item's id (by the keyboard, the mouse or ``choose``).
    item_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = whole_rows_model([""], self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again when resized
        self.view.setSpacing(2)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName(_("Agenda"))
        self.view.setAccessibleDescription(_("Ctrl+Page Down and Ctrl+Page Up move to the "
                                             "next and previous item."))
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        label = QLabel(_("A&genda (Ctrl+1)"))
        label.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)

    def show_agenda(self, agenda) -> None:
        """List ``agenda`` (AgendaItemView) without choosing anything."""
        rows = []
        for number, item in enumerate(agenda, start=1):
            details = _("{minutes} min").format(minutes=item.minutes_allotted)
            if item.presenter:
                details = _("{presenter}, {minutes} min").format(
                    presenter=item.presenter, minutes=item.minutes_allotted)
            rows.append(Row(item.id, (f"{number}. {item.title}\n    {details}",)))
        self.model.set_rows(rows)

    def choose(self, item_id: int | None) -> None:
        """Choose the item ``item_id``, or the first when it is not on the agenda."""
        select_id(self.view, item_id, or_first=True)

    def step(self, step: int) -> bool:
        """Move ``step`` items down (or up); False at either end."""
        row = self.view.currentIndex().row() + step
        if not 0 <= row < self.model.rowCount():
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.item_chosen.emit(self.model.row_id(current))
