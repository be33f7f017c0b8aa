"""What the Boards tabs share: how a meeting's time reads, their buttons and tables, asking
before a second copy goes to Outreach, and writing documents in the background."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QTableView, QWidget

from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import RowsModel
from advocate_app.ui.widgets.tables import rows_table


def meeting_when(starts_at: datetime, zone: str, *, two_lines: bool = False) -> str:
    """The start of a meeting in its own time zone, with the zone named (on a line of its own
    with ``two_lines``, for a narrow column: "Europe/London" is never split)."""
    from advocate_app.domain.board_views import zone as time_zone
    from advocate_app.i18n.formatting import format_time

    local = starts_at.astimezone(time_zone(zone))
    # The date spelled out (no 12/6 against 6/12 confusion), the time short, as everywhere.
    pattern = _("{day}, {time}\n({zone})") if two_lines else _("{day}, {time} ({zone})")
    return pattern.format(day=format_date(local, "medium"), time=format_time(local, zone=True),
                          zone=zone)


def records_table(columns: Sequence[str], name: str, main: tuple[int, ...]) -> QTableView:
    """A list of records (ids in its rows model): the ``main`` columns (the text people read)
    take the room left and wrap; the others are as wide as their values; column titles are
    never cut. Its rows are set with ``view.model().set_rows``."""
    return rows_table(RowsModel(columns), name, main=main)


def button(text: str, slot, name: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    widget.clicked.connect(slot)
    return widget


def another_asked(parent: QWidget, services, title: str, item) -> bool:
    """True when nothing of this piece is in the Outreach section yet, or the person says
    to make another set anyway (pressing the button twice should not make two)."""
    existing = services.outreach.versions(item)
    if not existing:
        return True
    return prompts.confirm(parent, title, ngettext(
        "“{title}” is already in the Outreach section ({n} version). Make another?",
        "“{title}” is already in the Outreach section ({n} versions). Make another set?",
        len(existing)).format(title=existing[0][1].title, n=len(existing)),
        destructive_label=_("Make &another"))


class Work(QObject):
    """The tab's use cases that write or assemble documents, each run off the GUI thread so
    the window keeps answering; the answer (or the reason it failed) comes back on it."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._tasks: list = []

    def start(self, work: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[Exception], None]) -> None:
        from advocate_app.ui.tasks import run_in_background

        task = None

        def finish(callback, value) -> None:
            self._tasks.remove(task)
            callback(value)

        task = run_in_background(self, lambda _progress, _cancel: work(),
                                 on_done=lambda result: finish(done, result),
                                 on_error=lambda error: finish(failed, error))
        self._tasks.append(task)

    def busy(self) -> bool:
        """True until the last piece of work has ended and said so."""
        return bool(self._tasks)

    def wait(self) -> None:
        """Let the work under way end (closing, tests)."""
        for task in list(self._tasks):
            task.wait()
