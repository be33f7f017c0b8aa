"""The rows model every list uses: ids stay with their rows, the chosen row survives a
refresh, and each cell says what it holds to a screen reader and in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView

from advocate_app.ui.models.rows import (
    SORT_ROLE,
    Cell,
    Row,
    RowsModel,
    select_id,
    selected_id,
)
from advocate_app.ui.widgets.tables import rows_table

DUE = [(11, "Book the room", "3 May", 20260503), (12, "Send the papers", "12 Jan", 20260112),
       (13, "Draft the lay summary", "28 Feb", 20260228)]


def _model() -> RowsModel:
    model = RowsModel(["What", "Due"])
    model.set_rows([Row(row_id, (what, Cell(due, sort_key=key))) for row_id, what, due, key
                    in DUE])
    return model


def _shown(view, column=0):
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_ids_stay_with_their_rows_when_a_proxy_sorts_them(qtbot):
    model = _model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = rows_table(proxy, "Action items", main=0)
    qtbot.addWidget(view)
    proxy.sort(1)  # by date, not by the text "12 Jan" < "28 Feb" < "3 May"
    assert _shown(view) == ["Send the papers", "Draft the lay summary", "Book the room"]
    assert [model.row_id(proxy.index(row, 1)) for row in range(3)] == [12, 13, 11]
    view.selectRow(2)
    assert selected_id(view) == 11
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert selected_id(view) == 11 and view.selectionModel().selectedRows()[0].row() == 0
    assert select_id(view, 13) and view.currentIndex().row() == 1


def test_the_chosen_row_survives_a_refresh_and_goes_when_its_record_does(qtbot):
    model = _model()
    view = rows_table(model, "Action items", main=0)
    qtbot.addWidget(view)
    assert select_id(view, 12)
    model.set_rows([Row(14, ("Welcome the new member", "1 Jun")),
                    *[Row(row_id, (what, due)) for row_id, what, due, _key in DUE]])
    assert selected_id(view) == 12
    assert view.currentIndex().row() == 2
    model.set_rows([Row(row_id, (what, due)) for row_id, what, due, _key in DUE
                    if row_id != 12])
    assert selected_id(view) is None
    assert not select_id(view, 12)
    assert select_id(view, 12, or_first=True) and selected_id(view) == 11


def test_cells_tell_a_screen_reader_and_a_tooltip_what_they_hold(qtbot):
    long = "Advise the sponsor to keep the walk test only with a seated alternative"
    model = RowsModel(["Decision", "Vote"], tooltip_after=40)
    model.set_rows([Row(1, (long, Cell("A", tooltip="Accountable",
                                       accessible="Approve summaries, Chair: Accountable",
                                       alignment=Qt.AlignmentFlag.AlignCenter)),
                        heading="Approve summaries"),
                    Row(2, ("Short", "R"))])
    first, vote = model.index(0, 0), model.index(0, 1)
    assert model.data(first, Qt.ItemDataRole.ToolTipRole) == long  # long text shows whole
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(vote, Qt.ItemDataRole.ToolTipRole) == "Accountable"
    assert model.data(vote, Qt.ItemDataRole.AccessibleTextRole) == (
        "Approve summaries, Chair: Accountable")
    assert model.data(vote, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignCenter.value)
    top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
    assert model.data(first, Qt.ItemDataRole.TextAlignmentRole) == int(top_left.value)
    assert model.headerData(0, Qt.Orientation.Vertical) == "Approve summaries"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Vote"
    assert model.index_of(2).row() == 1 and not model.index_of(3).isValid()
    plain = RowsModel(["Keys", "What they do"], alignment=None, tooltip_after=None)
    plain.set_rows([Row(0, ("Ctrl+N", long))])
    assert plain.data(plain.index(0, 1), Qt.ItemDataRole.ToolTipRole) is None
    assert plain.data(plain.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) is None


def test_the_table_is_read_only_chosen_by_rows_and_named(qtbot):
    view = rows_table(_model(), "Action items", main=0, description="Open action items")
    qtbot.addWidget(view)
    assert view.accessibleName() == "Action items"
    assert view.accessibleDescription() == "Open action items"
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.alternatingRowColors() and not view.tabKeyNavigation()
    assert not view.verticalHeader().isVisible() and view.wordWrap()
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert selected_id(view) == 12  # the arrow keys go from record to record


def test_one_cell_changes_and_the_view_keeps_its_place(qtbot):
    model = _model()
    view = rows_table(model, "Action items", main=0)
    qtbot.addWidget(view)
    assert select_id(view, 12)
    changed = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.column())))
    model.set_cell(1, 1, Cell("19 Jan", sort_key=20260119))
    assert changed == [(1, 1)] and model.index(1, 1).data() == "19 Jan"
    assert model.index(1, 1).data(SORT_ROLE) == 20260119
    assert selected_id(view) == 12 and model.row_id(model.index(1, 0)) == 12
