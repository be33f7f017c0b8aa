"""Text of the other direction inside a mirrored interface.

A label takes its direction from its own text, but an item view (every table and list) lays a
cell's text out in the interface's direction: in Arabic, an English title's full stop lands on
its left (".Caring for two") and a consent list "✓ Newsletter · ✓ Press" reads backwards. The
style below isolates each cell's text (Unicode's FIRST STRONG ISOLATE … POP DIRECTIONAL
ISOLATE), so it keeps the direction of its first letter while the cell stays aligned as the
interface reads. It is installed with the first right-to-left language and only touches cells
drawn right to left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionViewItem

from advocate_app.i18n import isolated


class IsolatedCellText(QProxyStyle):
    """The application's style, with each item view cell's text isolated when drawn right to
    left."""

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if (element == QStyle.ControlElement.CE_ItemViewItem
                and option.direction == Qt.LayoutDirection.RightToLeft
                and isinstance(option, QStyleOptionViewItem) and option.text):
            option = QStyleOptionViewItem(option)
            option.text = isolated(option.text)
        super().drawControl(element, option, painter, widget)


def isolate_cell_text(app: QApplication) -> None:
    """Give ``app`` the isolating style (once; its own style stays underneath)."""
    if not isinstance(app.style(), IsolatedCellText):
        app.setStyle(IsolatedCellText(app.style().name()))
