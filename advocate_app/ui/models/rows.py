"""A list of records as a Qt table model: each row an id and the texts of its cells.

Every list in the app that is not the paged members list is one of these, shown by a
read-only table view (:func:`advocate_app.ui.widgets.tables.rows_table`). The id stays with
its row whatever the view does (a sort proxy above it, a refresh): ask for it with
:meth:`RowsModel.row_id` or :func:`selected_id`, never by reading a cell.

    model = RowsModel([_("When"), _("Meeting")])
    model.set_rows([Row(meeting.id, (when, meeting.title)) for meeting in meetings])
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView

ModelIndex = QModelIndex | QPersistentModelIndex

#: The role that holds a row's id (on every cell of the row).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The role a sort proxy sorts by (``proxy.setSortRole(SORT_ROLE)``): the cell's sort key,
#: else its text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

#: Rows grow with wrapped text: every cell reads from the top, like a page.
TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft

_DISPLAY, _ID, _SORT, _TOOLTIP, _ACCESSIBLE, _ALIGNMENT = (
    "display", "id", "sort", "tooltip", "accessible", "alignment")
#: The roles :meth:`RowsModel.data` answers (by number: Qt passes plain numbers).
_ROLES = {int(Qt.ItemDataRole.DisplayRole): _DISPLAY, int(ID_ROLE): _ID,
          int(SORT_ROLE): _SORT, int(Qt.ItemDataRole.ToolTipRole): _TOOLTIP,
          int(Qt.ItemDataRole.AccessibleTextRole): _ACCESSIBLE,
          int(Qt.ItemDataRole.TextAlignmentRole): _ALIGNMENT}


@dataclass(frozen=True)
class Cell:
    """One cell: its text, and what sorts it, what its tooltip and a screen reader say, and
    where its text sits (each left to the table's defaults when None)."""

    text: str
    sort_key: Any = None
    tooltip: str | None = None
    accessible: str | None = None
    alignment: Qt.AlignmentFlag | None = None


@dataclass(frozen=True)
class Row:
    """A record: its id and its cells (plain texts or :class:`Cell`); ``heading`` names the
    row in the view's row header, for a grid that has one."""

    id: Hashable
    cells: Sequence[Cell | str]
    heading: str | None = None


class RowsModel(QAbstractTableModel):
    """Rows of cells under ``headers`` (translated by the caller).

    ``alignment`` is where every cell's text sits unless the cell says otherwise (None:
    the view's default); a text longer than ``tooltip_after`` characters also shows whole as
    its tooltip (None: only a cell's own tooltip shows).
    """

    def __init__(self, headers: Sequence[str], parent=None, *,
                 alignment: Qt.AlignmentFlag | None = TOP_LEFT,
                 tooltip_after: int | None = 40):
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Hashable, tuple[Cell, ...], str | None]] = []
        self._alignment = alignment
        self._tooltip_after = tooltip_after
        self._views: list[QAbstractItemView] = []

    # --- the rows -------------------------------------------------------------------------

    def set_headers(self, headers: Sequence[str]) -> None:
        """New column titles (a grid whose columns are records too); the rows are emptied."""
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = []
        self.endResetModel()

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Show these rows instead. Every view shown with :meth:`keep_selection_of` keeps the
        rows chosen in it chosen, by id, wherever they are now (rows gone are let go)."""
        kept = [(view, selected_ids(view), _current_id(view)) for view in self._live_views()]
        self.beginResetModel()
        self._rows = [(row.id, _cells(row.cells), row.heading) for row in rows]
        self.endResetModel()
        for view, ids, current in kept:
            _select_ids(view, ids, current)

    def set_cell(self, row: int, column: int, cell: Cell | str) -> None:
        """Show ``cell`` at ``row``, ``column`` instead (the view keeps its place)."""
        row_id, cells, heading = self._rows[row]
        changed = list(cells)
        changed[column] = cell if isinstance(cell, Cell) else Cell(cell)
        self._rows[row] = (row_id, tuple(changed), heading)
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    def keep_selection_of(self, view: QAbstractItemView) -> None:
        """Let :meth:`set_rows` keep ``view``'s chosen rows (the view shows this model, or a
        proxy above it)."""
        self._views.append(view)

    def ids(self) -> list[Hashable]:
        return [row_id for row_id, _cells, _heading in self._rows]

    def row_id(self, index: ModelIndex) -> Hashable | None:
        """The id of the row at ``index`` (of this model or of any proxy above it)."""
        index = _source_index(index, self)
        if not index.isValid() or index.model() is not self:
            return None
        return self._rows[index.row()][0]

    def index_of(self, row_id: Hashable, column: int = 0) -> QModelIndex:
        """This model's index of the row with ``row_id`` (invalid when there is none)."""
        for number, (other, _cells, _heading) in enumerate(self._rows):
            if other == row_id:
                return self.index(number, column)
        return QModelIndex()

    def cell(self, row: int, column: int) -> Cell:
        return self._rows[row][1][column]

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for thousands of times when a long list is laid out (each cell, each role a
        # delegate asks for): the roles this model never answers leave first.
        kind = _ROLES.get(role)
        if kind is None or not index.isValid():
            return None
        row_id, cells, _heading = self._rows[index.row()]
        column = index.column()
        if column >= len(cells):
            return "" if kind is _DISPLAY else None
        cell = cells[column]
        if kind is _DISPLAY:
            return cell.text
        if kind is _ID:
            return row_id
        if kind is _SORT:
            return cell.text if cell.sort_key is None else cell.sort_key
        if kind is _TOOLTIP:
            if cell.tooltip is not None:
                return cell.tooltip or None
            if self._tooltip_after is None or len(cell.text) <= self._tooltip_after:
                return None
            return cell.text
        if kind is _ACCESSIBLE:
            return cell.accessible
        alignment = cell.alignment if cell.alignment is not None else self._alignment
        return None if alignment is None else int(alignment.value)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        if 0 <= section < len(self._rows):
            return self._rows[section][2] or str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _live_views(self) -> list[QAbstractItemView]:
        self._views = [view for view in self._views if shiboken6.isValid(view)]
        return self._views


def _cells(cells: Sequence[Cell | str]) -> tuple[Cell, ...]:
    if type(cells) is tuple and all(type(c) is Cell for c in cells):
        return cells  # made of cells already (a long list's rows kept to be shown again)
    return tuple(c if isinstance(c, Cell) else Cell(c) for c in cells)


# --- choosing rows in a view, by id ----------------------------------------------------------

def rows_model(view: QAbstractItemView) -> RowsModel:
    """The :class:`RowsModel` beneath the view's model (through any proxies)."""
    model: QAbstractItemModel = view.model()
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    if not isinstance(model, RowsModel):
        raise TypeError("the view does not show a RowsModel")
    return model


def selected_ids(view: QAbstractItemView) -> list[Hashable]:
    """The ids of the rows chosen in ``view``, top to bottom."""
    selection = view.selectionModel()
    if selection is None:
        return []
    model = rows_model(view)
    rows = sorted(selection.selectedRows(), key=lambda index: index.row())
    return [model.row_id(index) for index in rows]


def selected_id(view: QAbstractItemView) -> Hashable | None:
    """The id of the (first) row chosen in ``view``, None when none is."""
    ids = selected_ids(view)
    return ids[0] if ids else None


def select_id(view: QAbstractItemView, row_id: Hashable | None, *,
              or_first: bool = False) -> bool:
    """Choose the row with ``row_id`` in ``view`` (and make it current); with ``or_first``, the
    first row when there is no such row. True when a row was chosen."""
    index = view_index(view, rows_model(view).index_of(row_id)) if row_id is not None else None
    if (index is None or not index.isValid()) and or_first and view.model().rowCount():
        index = view.model().index(0, 0)
    if index is None or not index.isValid():
        return False
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)
    return True


def view_index(view: QAbstractItemView, index: QModelIndex) -> QModelIndex:
    """``index`` of the rows model, as an index of the model ``view`` shows (through proxies)."""
    chain = []
    model = view.model()
    while isinstance(model, QAbstractProxyModel):
        chain.append(model)
        model = model.sourceModel()
    for proxy in reversed(chain):
        index = proxy.mapFromSource(index)
    return index


def _source_index(index: ModelIndex, model: QAbstractItemModel) -> QModelIndex:
    index = QModelIndex(index) if isinstance(index, QPersistentModelIndex) else index
    while index.isValid() and index.model() is not model \
            and isinstance(index.model(), QAbstractProxyModel):
        index = index.model().mapToSource(index)
    return index


def _current_id(view: QAbstractItemView) -> Hashable | None:
    current = view.currentIndex()
    return rows_model(view).row_id(current) if current.isValid() else None


def _select_ids(view: QAbstractItemView, ids: list[Hashable], current: Hashable | None) -> None:
    selection = view.selectionModel()
    if selection is None:
        return
    model = rows_model(view)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    if current is not None and current in ids:
        index = view_index(view, model.index_of(current))
        if index.isValid():
            selection.setCurrentIndex(index, flags)
    for row_id in ids:
        index = view_index(view, model.index_of(row_id))
        if index.isValid():
            selection.select(index, flags)
