"""A group of check boxes, one per choice of a labelled vocabulary (access needs, support
offered, themes …), laid out in columns: what every editor uses to pick several of a kind."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox

T = TypeVar("T")


def checkbox_grid(title: str, items: Iterable[T], columns: int = 2,
                  chosen: Iterable[T] = ()) -> tuple[QGroupBox, dict[T, QCheckBox]]:
    """A titled box with a check box for each of ``items`` (named by its ``label``), those in
    ``chosen`` ticked; and the check boxes by item."""
    box = QGroupBox(title)
    grid = QGridLayout(box)
    ticked = set(chosen)
    checks: dict[T, QCheckBox] = {}
    for number, item in enumerate(items):
        label = item.label  # type: ignore[attr-defined]
        check = QCheckBox(label)
        check.setAccessibleName(label)
        check.setChecked(item in ticked)
        grid.addWidget(check, number // columns, number % columns)
        checks[item] = check
    return box, checks
