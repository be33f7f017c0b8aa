"""Small read-only tables for histories and reports inside dialogs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem


def read_only_table(headers: Sequence[str], accessible_name: str, *,
                    stretch_all: bool = False) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(accessible_name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    if stretch_all:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: Iterable[Sequence[str]]) -> None:
    """Replace the table's rows with these texts."""
    rows = list(rows)
    table.setRowCount(len(rows))
    for row, texts in enumerate(rows):
        for column, text in enumerate(texts):
            table.setItem(row, column, QTableWidgetItem(text))
