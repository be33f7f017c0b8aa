"""The Members page's list: the table of members (read page by page from the model), the
"no members yet" message in its place for an empty community, column widths that fit the
text size, and which members are selected."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.people import Role
from advocate_app.i18n import _
from advocate_app.i18n.formatting import language_name
from advocate_app.ui.models.member_table import SORTABLE_COLUMNS, MemberTableModel


class MemberList(QObject):
    """The table and its model, for ``page``. ``selection_changed`` says the selected members
    may have changed (also after the list was read again and the selection put back)."""

    selection_changed = Signal()

    #: How far down the list select_member looks for a member that is not among the rows read.
    SELECT_SCAN_ROWS = 2000
    #: How spare width is shared out when the table is wider than its columns need.
    _SPARE_SHARES = {0: 3, 1: 2, 2: 3}

    def __init__(self, members, page: QWidget):
        super().__init__(page)
        self.model = MemberTableModel(members, page)
        self.table = QTableView()
        self.table.setObjectName("members-table")
        self.table.setAccessibleName(_("Members"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        horizontal.sortIndicatorChanged.connect(self._keep_sort_indicator_honest)
        horizontal.sectionResized.connect(self._column_resized)
        self._columns_set_by_user = False
        self._fitting_columns = False
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self._reselect: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)

        self.empty_label = QLabel(_(
            "No members yet. Add the first one with New member, bring your list in with "
            "Import, or fill a sample community with “advocate-app demo” to try things out."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(self.empty_label.text())
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setFrameShape(QFrame.Shape.StyledPanel)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(1)
        # The table and the "no members yet" message take the same place, one at a time.
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_page)

    # --- selection --------------------------------------------------------------------------

    def selected_row(self):
        """The current member's row of the list, when it is selected; else None."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.member_row(index.row())

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [member_id for member_id in (self.model.member_id(r) for r in rows)
                if member_id is not None]

    def select_member(self, member_id: int) -> bool:
        """Select ``member_id`` if it is among the rows read or the first rows of the list."""
        row = self.model.row_of(member_id)
        if row is None:
            row = next((r for r in range(min(self.model.rowCount(), self.SELECT_SCAN_ROWS))
                        if self.model.member_id(r) == member_id), None)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _remember_selection(self) -> None:
        row = self.selected_row()
        self._reselect = row.id if row else None

    def _restore_selection(self) -> None:
        if self._reselect is not None:
            self.select_member(self._reselect)
        self._reselect = None
        self.selection_changed.emit()

    def _keep_sort_indicator_honest(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns that cannot be sorted leave the arrow on the column the list is sorted by."""
        if column in SORTABLE_COLUMNS:
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(),
                                Qt.SortOrder.DescendingOrder if self.model.query.descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    # --- room -------------------------------------------------------------------------------

    def apply_metrics(self) -> None:
        """Row height, column widths and the message's margin from the current text size."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        self.empty_label.setMargin(self.empty_label.fontMetrics().height())
        self._columns_set_by_user = False
        self._fit_columns()

    def _natural_column_widths(self) -> list[int]:
        """Widths that show a typical value of each column whole at the current text size."""
        from datetime import date

        from advocate_app.i18n.formatting import country_name, format_date

        samples = ("Alexandra Okonkwo-Mensah", ", ".join((Role.CARER.label, Role.VOLUNTEER.label)),
                   "alexandra.okonkwo57@example.org", "+234 803 555 0123", country_name("GB"),
                   language_name("pt"), format_date(date(2025, 12, 28)))
        metrics = self.table.fontMetrics()
        padding = 2 * metrics.averageCharWidth() + 8
        header = self.table.horizontalHeader()
        return [max(metrics.horizontalAdvance(text) + padding, header.sectionSizeHint(column))
                for column, text in enumerate(samples)]

    def _fit_columns(self) -> None:
        """Columns wide enough for typical values, widening those that are often cut short.

        Once someone drags a column edge, their widths are kept until the text size changes.
        """
        if self._columns_set_by_user:
            return
        table = self.table
        widths = self._natural_column_widths()
        scrollbar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        spare = table.width() - 2 * table.frameWidth() - scrollbar - sum(widths)
        if spare > 0:
            total = sum(self._SPARE_SHARES.values())
            for column, share in self._SPARE_SHARES.items():
                widths[column] += spare * share // total
        self._fitting_columns = True
        for column, width in enumerate(widths[:-1]):  # the last column takes what is left
            table.setColumnWidth(column, width)
        # ... when something is left; otherwise it keeps the width its title needs.
        table.horizontalHeader().setStretchLastSection(spare > 0)
        if spare <= 0:
            table.setColumnWidth(len(widths) - 1, widths[-1])
        self._fitting_columns = False

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        last = self.model.columnCount() - 1
        if not self._fitting_columns and column != last and self.table.isVisible():
            self._columns_set_by_user = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)
