"""Minute-taking's agenda: the list of items on the left, and the clocks of the meeting and of
the item being minuted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from advocate_app.i18n import _


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
        self.view = QListWidget()
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again when resized
        self.view.setSpacing(2)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName(_("Agenda"))
        self.view.setAccessibleDescription(_("Ctrl+Page Down and Ctrl+Page Up move to the "
                                             "next and previous item."))
        self.view.currentRowChanged.connect(self._row_changed)
        label = QLabel(_("A&genda (Ctrl+1)"))
        label.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)

    def show_agenda(self, agenda) -> None:
        """List ``agenda`` (AgendaItemView) without choosing anything."""
        self.view.blockSignals(True)
        self.view.clear()
        for number, item in enumerate(agenda, start=1):
            details = _("{minutes} min").format(minutes=item.minutes_allotted)
            if item.presenter:
                details = _("{presenter}, {minutes} min").format(
                    presenter=item.presenter, minutes=item.minutes_allotted)
            row = QListWidgetItem(f"{number}. {item.title}\n    {details}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.view.addItem(row)
        self.view.blockSignals(False)

    def choose(self, item_id: int | None) -> None:
        """Choose the item ``item_id``, or the first when it is not on the agenda."""
        ids = [self.view.item(row).data(Qt.ItemDataRole.UserRole)
               for row in range(self.view.count())]
        self.view.setCurrentRow(ids.index(item_id) if item_id in ids else 0 if ids else -1)

    def step(self, step: int) -> bool:
        """Move ``step`` items down (or up); False at either end."""
        row = self.view.currentRow() + step
        if not 0 <= row < self.view.count():
            return False
        self.view.setCurrentRow(row)
        return True

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.item_chosen.emit(self.view.item(row).data(Qt.ItemDataRole.UserRole))
