"""A row of buttons that wraps onto the next line when the window is narrow (large text, a
small screen, a longer language) instead of cutting the buttons' words or widening the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Widgets left to right (right to left in a mirrored interface), each at its natural
    size, wrapping like words in a line.

    ``stretch_before`` is the index of a widget that starts the group kept at the right end of
    the last line (as ``addStretch`` before it would in a row), or None."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.stretch_before: int | None = None
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's interface -------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def addStretch(self) -> None:  # noqa: N802 - as QBoxLayout's
        """What follows keeps to the right-hand end of its line."""
        self.stretch_before = len(self._items)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All on one line."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for item in visible) \
            + self._spacing() * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the widest widget: the rest wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize()).expandedTo(
                QSize(item.sizeHint().width(), 0))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- laying out ----------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items
                if item.widget() is None or not item.widget().isHidden()]

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) or 6

    def _lay_out(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._spacing()
        lines: list[list[QLayoutItem]] = [[]]
        width = 0
        for item in self._visible():
            hint = item.sizeHint()
            if lines[-1] and width + gap + hint.width() > area.width():
                lines.append([])
                width = 0
            width += (gap if lines[-1] else 0) + hint.width()
            lines[-1].append(item)
        y = area.y()
        parent = self.parentWidget()
        direction = (parent.layoutDirection() if parent is not None
                     else QApplication.layoutDirection())
        right_group = [self._items[i] for i in range(self.stretch_before or len(self._items),
                                                     len(self._items))]
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            x = area.x()
            at_right = [item for item in line if item in right_group]
            if at_right and len(at_right) < len(line):
                used = sum(item.sizeHint().width() for item in line) + gap * (len(line) - 1)
                spare = max(0, area.width() - used)
            else:
                spare = 0
            for item in line:
                if spare and item is at_right[0]:
                    x += spare
                hint = item.sizeHint()
                if move:  # worked out left to right, then mirrored for a right-to-left layout
                    item.setGeometry(QStyle.visualRect(direction, area, QRect(
                        QPoint(x, y), QSize(min(hint.width(), area.width()), height))))
                x += hint.width() + gap
            y += height + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if y > area.y() else 0


def flow_of(*widgets: QWidget, right: tuple[QWidget, ...] = ()) -> QWidget:
    """A widget holding ``widgets`` in a wrapping row, ``right`` at the right-hand end."""
    holder = QWidget()
    layout = FlowLayout(holder)
    for widget in widgets:
        layout.addWidget(widget)
    if right:
        layout.addStretch()
        for widget in right:
            layout.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder
