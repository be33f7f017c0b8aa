"""The members list as a Qt table model that pages rows in from the database.

Row count comes from one count query; rows are fetched a page at a time when the view asks for
them and kept in a small least-recently-used cache, so 100,000 members cost a few pages of
memory, never one object per member.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from advocate_app.domain.member_views import MemberQuery, MemberRow, MemberSort
from advocate_app.i18n import _
from advocate_app.i18n.formatting import country_name, format_date, format_items, language_name

PAGE_SIZE = 200
MAX_CACHED_PAGES = 12

NAME, ROLES, EMAIL, PHONE, COUNTRY, LANGUAGE, UPDATED = range(7)
_SORTS = {NAME: MemberSort.NAME, EMAIL: MemberSort.EMAIL, COUNTRY: MemberSort.COUNTRY,
          LANGUAGE: MemberSort.LANGUAGE, UPDATED: MemberSort.UPDATED}
#: Columns the list can be sorted by (the others have no index to sort on).
SORTABLE_COLUMNS = frozenset(_SORTS)

ModelIndex = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    def __init__(self, members, parent=None):
        super().__init__(parent)
        self._members = members
        self._query = MemberQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[MemberRow]] = OrderedDict()
        self._headers = [_("Name"), _("Roles"), _("Email"), _("Phone"), _("Country"),
                         _("Language"), _("Last updated")]

    # --- what the view shows ----------------------------------------------------------------

    @property
    def query(self) -> MemberQuery:
        return self._query

    def set_query(self, query: MemberQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._count = self._members.count(query)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Read the rows again in another order (same rows, so the count stays).

        A reset rather than a layout change: rows are not in memory, so the view's selection
        cannot be moved to where each member went; the page selects the member again.
        """
        if column not in _SORTS:
            return
        query = replace(self._query, sort=_SORTS[column],
                        descending=order == Qt.SortOrder.DescendingOrder)
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self.endResetModel()

    def sort_column(self) -> int:
        return next(c for c, s in _SORTS.items() if s == self._query.sort)

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.member_row(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and (row.archived or (
                index.column() == NAME and not row.display_name)):
            font = QFont()  # only the style is set; size and family stay the view's
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, row: MemberRow, column: int) -> str | None:
        if column == NAME and row.archived:
            return _("{name} is archived").format(name=self._name(row))
        if column in (NAME, ROLES, EMAIL):
            # The columns most often cut short: the whole text on hover.
            return self._text(row, column) or None
        return None

    @staticmethod
    def _name(row: MemberRow) -> str:
        """The name, or that it is not known (a subscriber known only by an email address)."""
        return row.display_name or _("Name not known")

    def _text(self, row: MemberRow, column: int) -> str:
        if column == NAME:
            if row.archived:
                return _("{name} (archived)").format(name=self._name(row))
            return self._name(row)
        if column == ROLES:
            return format_items(role.label for role in row.roles)
        if column == EMAIL:
            return row.email
        if column == PHONE:
            return row.phone
        if column == COUNTRY:
            return country_name(row.country)
        if column == LANGUAGE:
            return language_name(row.preferred_language)
        if column == UPDATED:
            return format_date(row.updated_at)
        return ""

    # --- paging -----------------------------------------------------------------------------

    def member_row(self, row: int) -> MemberRow | None:
        if not 0 <= row < self._count:
            return None
        page_number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            page = self._members.list(self._query, page_number * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def member_id(self, row: int) -> int | None:
        found = self.member_row(row)
        return found.id if found else None

    def row_of(self, member_id: int) -> int | None:
        """The member's row if it is among the rows already read; None otherwise (no query)."""
        for page_number, page in self._pages.items():
            for offset, found in enumerate(page):
                if found.id == member_id:
                    return page_number * PAGE_SIZE + offset
        return None

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())
