"""The lists of the board dialogs (minute-taking, the meeting and board editors, the member
picker) through the rows model (:mod:`advocate_app.ui.models.rows`), each record's id kept in
the model.

These lists wrap every text whole, so no tooltip repeats one, and their texts sit where Qt puts
them by default; their tables keep one shade for every row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTableView

from advocate_app.ui.models.rows import RowsModel
from advocate_app.ui.widgets.tables import rows_table

#: Longer than any text: the lines show whole, wrapped, without a tooltip.
_NO_TOOLTIP = 1 << 30


def whole_rows_model(headers: Sequence[str], parent: QObject | None = None) -> RowsModel:
    """Rows under ``headers``; a list (a QListView) has one column and no header: ``[""]``."""
    return RowsModel(headers, parent, alignment=None, tooltip_after=_NO_TOOLTIP)


def records_table(model: RowsModel, accessible_name: str, main: int) -> QTableView:
    """A read-only table of ``model`` (see :func:`rows_table`), whose ``main`` column wraps."""
    view = rows_table(model, accessible_name, main=main)
    view.setAlternatingRowColors(False)
    return view
