"""Tables that read: the main text column takes the room left and wraps; headers are never cut.

:func:`readable_columns` is the one way every table in the app lays out its columns;
:func:`read_only_table` makes a small read-only table for histories and reports with it;
:func:`rows_table` shows a list of records (a rows model, ids kept in the model) with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
)

if TYPE_CHECKING:
    from advocate_app.ui.models.rows import Row

_GUARD = "_advocate_header_guard"
#: Beyond this many rows, a table that wraps fits only the rows in view to their text (as they
#: come into view), and columns are sized from this many rows around those in view: fitting
#: every row of a long list (2,000 registrations) to its text took seconds at each refresh.
LONG_LIST = 200


def header_text_width(header: QHeaderView, section: int) -> int:
    """The width a header section needs to show its whole title (margins and sort arrow)."""
    model = header.model()
    if model is None:
        return 0
    text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
    if not text:
        return 0
    option = QStyleOptionHeader()
    option.initFrom(header)
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
    width = max(header.fontMetrics().horizontalAdvance(line) for line in str(text).splitlines())
    width += 2 * margin + 2
    if header.isSortIndicatorShown():
        width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, header) + margin
    return width


class _HeaderGuard(QObject):
    """Lays the columns out again whenever the table's width, the text size, the language or
    the rows change.

    Other columns are as wide as their values up to about 18 characters (longer values
    wrap), never narrower than their title. The main columns share the rest, each never less
    than its title or about 12 characters: when there is not that much room, they keep that
    width and the table scrolls sideways."""

    def __init__(self, view: QTableView, main: tuple[int, ...], wrap: bool = True):
        super().__init__(view)
        self._view = view
        self._header = header = view.horizontalHeader()
        self._main = main
        self._wrap = wrap
        self._long = False  # a long list: only the rows in view are fitted to their text
        header.setResizeContentsPrecision(LONG_LIST)
        self._timer = QTimer(self)  # dies with the table: never fires for a deleted one
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        header.installEventFilter(self)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            for signal in (model.headerDataChanged, model.columnsInserted, model.rowsInserted,
                           model.rowsRemoved, model.dataChanged, model.modelReset,
                           model.layoutChanged):
                signal.connect(self._changed)
        if wrap:
            view.verticalScrollBar().valueChanged.connect(lambda _value: self.fit_rows())
        self.apply()

    def _changed(self, *_args) -> None:
        # Before Qt lays the new rows out: never every row of a long list. (A table widget's
        # own model still says its rows go while the table is being deleted.)
        if self._wrap and shiboken6.isValid(self._view):
            model = self._view.model()
            long = model is not None and model.rowCount() > LONG_LIST
            if long != self._long:
                self._long = long
                self._view.verticalHeader().setSectionResizeMode(
                    QHeaderView.ResizeMode.Interactive if long
                    else QHeaderView.ResizeMode.ResizeToContents)
        self._timer.start()  # many changes at once (a table being filled): one layout

    def fit_rows(self) -> None:
        """In a long list that wraps, fit the rows in view to their text (the others keep
        one line until they come into view)."""
        if not self._long:
            return
        view = self._view
        height = view.viewport().height()
        fitted: set[int] = set()
        while True:  # a row grown to its text may push others out of view, or in
            first = max(0, view.rowAt(0))
            last = view.rowAt(height - 1)
            if last < 0:
                last = view.model().rowCount() - 1
            todo = [row for row in range(first, last + 1) if row not in fitted]
            if not todo:
                return
            for row in todo:
                view.resizeRowToContents(row)
                fitted.add(row)

    def main_columns(self) -> list[int]:
        count = self._header.count()
        return [c if c >= 0 else count + c for c in self._main if -count <= c < count]

    def apply(self) -> None:
        header = self._header
        average = header.fontMetrics().averageCharWidth()
        main = self.main_columns()
        smallest = 4 * average
        if header.minimumSectionSize() != smallest:
            header.setMinimumSectionSize(smallest)
        cap = 18 * average
        others = 0
        for column in range(header.count()):
            if column in main or header.isSectionHidden(column):
                continue
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            contents = self._view.sizeHintForColumn(column)
            width = max(header_text_width(header, column), min(contents, cap), smallest)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
            others += width
        if not main:
            self.fit_rows()
            return
        total = self._view.viewport().width() - others
        needed = {column: max(header_text_width(header, column), 12 * average,
                              self._longest_word(column, 30 * average)) for column in main}
        if total // len(main) >= max(needed.values()):  # an equal share suits every one
            for column in main:
                if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            self.fit_rows()
            return
        # Some need more than an equal share: each gets what it needs and an equal part of
        # what is left; when even that is too much, the table scrolls sideways.
        extra = max(0, total - sum(needed.values())) // len(main)
        for column in main:
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if header.sectionSize(column) != needed[column] + extra:
                header.resizeSection(column, needed[column] + extra)
        self.fit_rows()

    def _longest_word(self, column: int, cap: int) -> int:
        """The width of the longest word in the column's first rows (up to ``cap``): a main
        column that wraps is never narrower than one word, which would otherwise be cut."""
        model = self._view.model()
        if model is None:
            return 0
        metrics = self._view.fontMetrics()
        widest = 0
        for row in range(min(model.rowCount(), 200)):
            text = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            for word in str(text or "").split():
                widest = max(widest, metrics.horizontalAdvance(word))
                if widest >= cap:
                    return cap
        return widest + 2 * metrics.averageCharWidth() if widest else 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                    QEvent.Type.LanguageChange):
            self._changed()
        elif kind == QEvent.Type.Resize and watched is self._view.viewport():
            self._changed()
        return False


def readable_columns(view: QTableView, main: int | Iterable[int] = -1, *,
                     wrap: bool = True) -> QTableView:
    """Lay out ``view``'s columns so a person can read them.

    The ``main`` column(s) (the last by default; negative counts from the end) stretch to take
    the room left; every other column is as wide as its values (up to about 18 characters) or
    its title. Titles are never cut. With ``wrap``, long text wraps onto more lines and rows
    grow to show it (leave it off for very long lists whose rows must stay one line high).
    """
    main_columns = (main,) if isinstance(main, int) else tuple(main)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setWordWrap(wrap)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    old = getattr(view, _GUARD, None)
    if old is not None:
        header.removeEventFilter(old)
        old.deleteLater()
    setattr(view, _GUARD, _HeaderGuard(view, main_columns, wrap))
    return view


def refit(view: QTableView) -> None:
    """Apply the column rules again, after the columns themselves changed."""
    guard = getattr(view, _GUARD, None)
    if guard is not None:
        guard.apply()


def read_only_table(headers: Sequence[str], accessible_name: str, *,
                    main: int | Iterable[int] = -1) -> QTableView:
    """A small read-only table over a rows model (shown with :func:`fill`): ``main`` names
    the column(s) of free text that wrap."""
    from advocate_app.ui.models.rows import RowsModel

    table = QTableView()
    table.setModel(RowsModel(headers, table, alignment=None, tooltip_after=None))
    table.setAccessibleName(accessible_name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    readable_columns(table, main)
    return table


def fill(table: QTableView, rows: Iterable[Row | Sequence[str]]) -> None:
    """Show these rows in a :func:`read_only_table`: each a :class:`Row` (its record's id
    kept with it in the model) or the texts of a row with no record behind it."""
    from advocate_app.ui.models.rows import Row, rows_model

    rows_model(table).set_rows(row if isinstance(row, Row) else Row(number, tuple(row))
                               for number, row in enumerate(rows))


def rows_table(model: QAbstractItemModel, accessible_name: str, *,
               main: int | Iterable[int] = -1, wrap: bool = True,
               description: str | None = None) -> QTableView:
    """A read-only list of records showing ``model`` (a rows model, or a proxy above one):
    whole rows are chosen, one at a time; rows alternate in shade; Tab leaves the table
    rather than moving from cell to cell; the ``main`` column(s) take the room left and wrap
    (see :func:`readable_columns`)."""
    from advocate_app.ui.models.rows import rows_model

    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    if description:
        view.setAccessibleDescription(description)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    # A chosen row would make every column title bold, and a bold title wider than its column.
    view.horizontalHeader().setHighlightSections(False)
    rows_model(view).keep_selection_of(view)
    readable_columns(view, main, wrap=wrap)
    return view


def select_row(view: QTableView, row: int) -> None:
    """Select ``row`` and make it the current row, in either direction. Qt's own
    ``selectRow`` finds the column to make current at the leading edge of the viewport, which
    in a right-to-left window lies just past the last column: the row is highlighted but no
    row is current, so Edit, Enter and the details beside the list find nothing chosen."""
    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    header = view.horizontalHeader()
    column = next((header.logicalIndex(visual) for visual in range(header.count())
                   if not header.isSectionHidden(header.logicalIndex(visual))), 0)
    flags = (view.selectionModel().SelectionFlag.ClearAndSelect
             | view.selectionModel().SelectionFlag.Rows)
    view.selectionModel().setCurrentIndex(model.index(row, column), flags)
