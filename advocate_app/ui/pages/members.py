"""The Members page: find, add, edit and archive the people in the community."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.community import AccessNeed, ConsentPurpose
from advocate_app.domain.member_views import MemberQuery
from advocate_app.domain.people import Role
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_number, language_name
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.member_editor import language_choices
from advocate_app.ui.models.member_table import SORTABLE_COLUMNS, MemberTableModel
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.lazy_combo import LazyComboBox

SEARCH_DELAY_MS = 150


def _add_languages(combo: QComboBox) -> None:
    """Language names in the UI language: built when first needed, not at start-up."""
    for name, code in language_choices():
        combo.addItem(name, code)


class ExportCancelled(Exception):
    """The person cancelled an export; the file was not written."""


def _combo_width(combo: QComboBox, text: str) -> int:
    """The width ``combo`` needs to show ``text`` whole, arrow and frame included."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    content = QSize(combo.fontMetrics().horizontalAdvance(text), combo.fontMetrics().height())
    return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content,
                                          combo).width()


class _FilterArea(QWidget):
    """Holds the filters. It never makes the page wider than one filter a row needs: when the
    page gets narrower, the page puts fewer filters on each row (``_reflow_filters``)."""

    def __init__(self, narrowest):
        super().__init__()
        self._narrowest = narrowest

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._narrowest()), hint.height())


class MembersPage(QWidget):
    status_message = Signal(str)
    members_changed = Signal()
    import_requested = Signal()

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.heading = Heading(_("Members"))

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(_("Search by name, email, phone or tag"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(_("Search members"))
        search_label = QLabel(_("&Search:"))
        search_label.setBuddy(self.search_field)

        self.role_filter = QComboBox()
        self.role_filter.addItem(_("All roles"), None)
        for role in Role:
            self.role_filter.addItem(role.label, role.value)
        self.role_filter.setAccessibleName(_("Show members with role"))
        role_label = QLabel(_("&Role:"))
        role_label.setBuddy(self.role_filter)

        self.show_archived = QCheckBox(_("Show &archived"))
        self.show_archived.setAccessibleName(_("Show archived members"))

        self.language_filter = LazyComboBox(_add_languages)
        self.language_filter.addItem(_("Any language"), "")
        self.language_filter.setAccessibleName(_("Show members who prefer the language"))
        language_label = QLabel(_("&Language:"))
        language_label.setBuddy(self.language_filter)
        self.need_filter = QComboBox()
        self.need_filter.addItem(_("Any access needs"), "")
        for need in AccessNeed:
            self.need_filter.addItem(need.label, need.value)
        self.need_filter.setAccessibleName(_("Show members with the access need"))
        need_label = QLabel(_("Access &need:"))
        need_label.setBuddy(self.need_filter)
        self.consent_filter = QComboBox()
        self.consent_filter.addItem(_("Whatever their consent"), "")
        for purpose in ConsentPurpose:
            self.consent_filter.addItem(_("Agreed to: {purpose}").format(purpose=purpose.label),
                                        purpose.value)
        self.consent_filter.setAccessibleName(_("Show members with valid consent for"))
        consent_label = QLabel(_("C&onsent:"))
        consent_label.setBuddy(self.consent_filter)
        members = services.members
        self.region_filter = LazyComboBox(
            lambda combo: [combo.addItem(region, region) for region in members.regions()])
        self.region_filter.addItem(_("Any region"), "")
        self.region_filter.setAccessibleName(_("Show members in the region"))
        region_label = QLabel(_("Re&gion:"))
        region_label.setBuddy(self.region_filter)
        self.tag_filter = LazyComboBox(
            lambda combo: [combo.addItem(tag, tag) for tag in members.all_tags()])
        self.tag_filter.addItem(_("Any tag"), "")
        self.tag_filter.setAccessibleName(_("Show members with the tag"))
        tag_label = QLabel(_("Tagged &with:"))
        tag_label.setBuddy(self.tag_filter)
        self.segment_filter = QComboBox()
        self.segment_filter.setAccessibleName(_("Saved segment"))
        segment_label = QLabel(_("Segmen&t:"))
        segment_label.setBuddy(self.segment_filter)
        self.save_segment_button = QPushButton(_("Sa&ve as segment…"))
        self.save_segment_button.setAccessibleName(_("Save these filters as a segment"))
        self.save_segment_button.clicked.connect(self.save_segment)
        for combo in (self.role_filter, self.language_filter, self.need_filter,
                      self.consent_filter, self.segment_filter, self.region_filter,
                      self.tag_filter):
            # Long choices must not force the window wider than a small screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(_("Number of members shown"))

        # After an import: only the people it brought in or changed, until "Show everyone".
        self._imported_since = None
        self.imported_label = QLabel()
        self.imported_label.setWordWrap(True)
        self.imported_label.setAccessibleName(_("Showing the members just imported"))
        self.show_everyone_button = QPushButton(_("Show e&veryone"))
        self.show_everyone_button.clicked.connect(self.show_everyone)
        self.imported_bar = QWidget()
        imported_layout = QHBoxLayout(self.imported_bar)
        imported_layout.setContentsMargins(0, 0, 0, 0)
        imported_layout.addWidget(self.imported_label, 1)
        imported_layout.addWidget(self.show_everyone_button)
        self.imported_bar.setVisible(False)

        self.model = MemberTableModel(services.members, self)
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
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
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
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(empty_page)

        self.new_button = QPushButton(_("&New member…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.archive_button = QPushButton(_("Ar&chive"))
        self.import_button = QPushButton(_("&Import…"))
        self.more_button = QToolButton()
        self.more_button.setText(_("&More"))
        self.more_button.setAccessibleName(_("More actions"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(self.more_button)
        self.duplicates_action = more_menu.addAction(_("Find &duplicates…"),
                                                     self.find_duplicates)
        more_menu.addSeparator()
        self.tag_action = more_menu.addAction(_("Add a &tag to the selected…"),
                                              self.tag_selected)
        self.print_pack_action = more_menu.addAction(_("&Print pack for the selected…"),
                                                     self.print_pack_selected)
        self.export_list_action = more_menu.addAction(_("Export &these members…"),
                                                      self.export_list)
        self.export_action = more_menu.addAction(_("E&xport the selected…"),
                                                 self.export_selected)
        more_menu.addSeparator()
        self.subject_access_action = more_menu.addAction(
            _("Everything we &hold about this member…"), self.subject_access)
        self.erase_action = more_menu.addAction(_("&Erase this member…"), self.erase_selected)
        more_menu.addSeparator()
        more_menu.addAction(_("&Retention and research…"), self.privacy_tools)
        self.more_button.setMenu(more_menu)
        for button in (self.new_button, self.edit_button, self.archive_button,
                       self.import_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.archive_selected)
        self.import_button.clicked.connect(self.import_requested)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_field, 3)
        filters.addSpacing(12)
        filters.addWidget(role_label)
        filters.addWidget(self.role_filter, 1)
        filters.addSpacing(12)
        filters.addWidget(self.show_archived)
        # The other filters sit in a grid of label/choice pairs: three to a row when they fit,
        # two when the window is narrow or the text is large (see _reflow_filters).
        segment_field = QWidget()
        segment_layout = QHBoxLayout(segment_field)
        segment_layout.setContentsMargins(0, 0, 0, 0)
        segment_layout.addWidget(self.segment_filter, 1)
        segment_layout.addWidget(self.save_segment_button)
        self._filter_pairs = ((language_label, self.language_filter),
                              (region_label, self.region_filter),
                              (tag_label, self.tag_filter),
                              (need_label, self.need_filter),
                              (consent_label, self.consent_filter),
                              (segment_label, segment_field))
        self.filter_grid = QGridLayout()
        self.filter_grid.setHorizontalSpacing(8)
        self._filter_columns = 0
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        self.filter_area = _FilterArea(lambda: self._filters_width(1))
        self.filter_grid.setContentsMargins(0, 0, 0, 0)
        self.filter_area.setLayout(self.filter_grid)
        layout.addWidget(self.filter_area)
        layout.addWidget(self.imported_bar)
        layout.addWidget(self.list_stack, 1)
        layout.addLayout(buttons)
        self._reflow_filters()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self.search_field.textChanged.connect(self._search_timer.start)
        self.search_field.returnPressed.connect(self._search_then_focus_table)
        self.role_filter.currentIndexChanged.connect(self._apply_filters)
        self.show_archived.toggled.connect(self._apply_filters)
        for combo in (self.language_filter, self.need_filter, self.consent_filter,
                      self.region_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.segment_filter.activated.connect(self._apply_segment)
        self._load_segments()

        for keys, slot, what in (
                (QKeySequence.StandardKey.Delete, self.archive_selected,
                 _("Archive the selected member, or bring an archived one back")),
                (Qt.Key.Key_Return, self.edit_selected, _("Open the selected member")),
                (Qt.Key.Key_Enter, self.edit_selected, _("Open the selected member"))):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)  # shown by the help (F1)
            shortcut.activated.connect(slot)

        self.setTabOrder(self.search_field, self.role_filter)
        self.setTabOrder(self.role_filter, self.show_archived)
        self.setTabOrder(self.show_archived, self.language_filter)
        self.setTabOrder(self.language_filter, self.region_filter)
        self.setTabOrder(self.region_filter, self.tag_filter)
        self.setTabOrder(self.tag_filter, self.need_filter)
        self.setTabOrder(self.need_filter, self.consent_filter)
        self.setTabOrder(self.consent_filter, self.segment_filter)
        self.setTabOrder(self.segment_filter, self.save_segment_button)
        self.setTabOrder(self.save_segment_button, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.archive_button)
        self.setTabOrder(self.archive_button, self.import_button)
        self.setTabOrder(self.import_button, self.more_button)

        self._apply_metrics()

    def _apply_metrics(self) -> None:
        """Row height, column widths and spacing from the current text size."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        self.empty_label.setMargin(self.empty_label.fontMetrics().height())
        self._columns_set_by_user = False
        self._fit_columns()
        self._filter_columns = 0
        self._reflow_filters()

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

    #: How spare width is shared out when the table is wider than its columns need.
    _SPARE_SHARES = {0: 3, 1: 2, 2: 3}

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

    def _reflow_filters(self) -> None:
        """Three filters to a row when they fit whole, otherwise two, otherwise one."""
        columns = next((n for n in (3, 2) if self.width() >= self._filters_width(n)), 1)
        if columns == self._filter_columns:
            return
        self._filter_columns = columns
        grid = self.filter_grid
        for label, field in self._filter_pairs:
            grid.removeWidget(label)
            grid.removeWidget(field)
        for number, (label, field) in enumerate(self._filter_pairs):
            row, column = divmod(number, columns)
            grid.addWidget(label, row, 2 * column)
            grid.addWidget(field, row, 2 * column + 1)
        for column in range(6):
            grid.setColumnStretch(column, 1 if column % 2 and column < 2 * columns else 0)
        for _label, field in self._filter_pairs:
            if isinstance(field, QComboBox):  # the first choice ("All …") always shows whole
                field.setMinimumWidth(_combo_width(field, field.itemText(0)))

    def _filters_width(self, columns: int) -> int:
        """The page width the filter grid needs to show each filter's first choice whole:
        each grid column is as wide as its widest caption and its widest choice."""
        def field_width(field: QWidget) -> int:
            combo = field if isinstance(field, QComboBox) else self.segment_filter
            metrics = combo.fontMetrics()
            width = max(_combo_width(combo, combo.itemText(0)),
                        metrics.horizontalAdvance(combo.itemText(0)) + 3 * metrics.height())
            if combo is not field:
                width += self.save_segment_button.sizeHint().width() + 8
            return width

        captions = [0] * columns
        fields = [0] * columns
        for number, (label, field) in enumerate(self._filter_pairs):
            column = number % columns
            captions[column] = max(captions[column], label.sizeHint().width())
            fields[column] = max(fields[column], field_width(field))
        margins = self.layout().contentsMargins()
        spacing = self.filter_grid.horizontalSpacing() * (2 * columns - 1)
        return margins.left() + margins.right() + spacing + sum(captions) + sum(fields)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_metrics()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._reflow_filters()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    # --- public commands --------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list (keeps search, filters, order and the selected member)."""
        self.model.set_query(self._current_query())
        self._after_reload()

    def focus_first(self) -> None:
        self.focus_search()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def new_member(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        member_id = self.selected_member_id()
        if member_id is None:
            return
        try:
            member = self._services.members.get(member_id)
        except ServiceError as exc:
            prompts.error(self, _("Edit member"), str(exc))
            self.refresh()
            return
        self._open_editor(member)

    def archive_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        if row.archived:
            self._run_change(lambda: self._services.members.restore(row.id),
                             _("{name} is back in the community list.").format(
                                 name=row.display_name), row.id)
            return
        if not prompts.confirm(
                self, _("Archive member"),
                _("Archive {name}? They leave the lists but nothing about them is deleted; you "
                  "can restore them with “Show archived”.").format(name=row.display_name),
                destructive_label=_("Archive")):
            return
        self._run_change(lambda: self._services.members.archive(row.id),
                         _("{name} archived.").format(name=row.display_name), None)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [member_id for member_id in (self.model.member_id(r) for r in rows)
                if member_id is not None]

    def tag_selected(self) -> None:
        from advocate_app.services.errors import ValidationError

        ids = self.selected_ids()
        if not ids:
            return
        tag = prompts.ask_text(self, _("Add a tag"), ngettext(
            "Tag to add to the selected member:", "Tag to add to the {n} selected members:",
            len(ids)).format(n=len(ids)))
        if not tag:
            return
        try:
            added = self._services.members.add_tag(ids, tag)
        except ValidationError as exc:
            prompts.error(self, _("Add a tag"), str(exc))
            return
        self.members_changed.emit()
        self.refresh()
        self.status_message.emit(ngettext("Tag “{tag}” added to {n} member.",
                                          "Tag “{tag}” added to {n} members.", added).format(
            tag=tag, n=added))

    def print_pack_selected(self) -> None:
        """Send an outreach item to the selected members, each in their language and format."""
        from advocate_app.ui.dialogs.print_pack import PrintPackDialog

        ids = self.selected_ids()
        if not ids:
            return
        items = [s for s in self._services.outreach.list() if s.kind.value != "labels"]
        if not items:
            prompts.information(self, _("Print pack"), _(
                "There is no outreach item yet: make one in the Outreach section first."))
            return
        chosen = prompts.choose(self, _("Print pack"), _("Which item to send?"), [
            f"{item.title} ({item.kind.label}, {item.language})" for item in items])
        if chosen is None:
            return
        item = items[chosen]
        PrintPackDialog(self._services, item.id, item.title, self, selected=ids).exec()

    def export_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._export(_("Export the selected members"), ids=ids, total=len(ids))

    def export_list(self) -> None:
        """Export exactly what the list shows: its search, filters, segment and order."""
        query = self._current_query()
        total = self.model.rowCount()
        if not total:
            return
        answer = prompts.choose(
            self, _("Export these members"),
            ngettext("Export the {n} member the list shows:",
                     "Export the {n} members the list shows:", total).format(
                n=format_number(total)),
            [_("Without access needs"),
             _("With their access needs (large print, Easy Read, sign language …)")])
        if answer is None:
            return
        self._export(_("Export these members"), query=query, total=total,
                     with_access_needs=answer == 1)

    def _export(self, title: str, *, ids: list[int] | None = None,
                query: MemberQuery | None = None, total: int,
                with_access_needs: bool = False) -> None:
        from pathlib import Path

        from advocate_app.services.member_export import access_need_columns, export_members
        from advocate_app.ui.tasks import run_in_background

        chosen = prompts.save_file(
            self, title, "members.csv",
            _("CSV (*.csv);;Excel workbook (*.xlsx);;vCard (*.vcf);;JSON (*.json)"),
            "members-export")
        if not chosen:
            return
        path = Path(chosen)
        kind = {".xlsx": "xlsx", ".vcf": "vcard", ".json": "json"}.get(path.suffix.lower(),
                                                                      "csv")
        services = self._services
        # Access needs are asked for; the other health details never leave from here.
        columns = access_need_columns() if with_access_needs else None

        def work(progress, should_cancel):
            done = [0]

            def on_row():
                done[0] += 1
                if should_cancel():
                    raise ExportCancelled()
                if done[0] % 200 == 0:
                    progress(done[0], total)

            if query is not None:
                return export_members(services, path, kind, query,
                                      include_sensitive=with_access_needs, columns=columns,
                                      on_row=on_row)
            return export_members(services, path, kind, ids=ids, on_row=on_row)

        def done(count: int) -> None:
            message = (ngettext(
                "Exported {n} member to {file}, with access needs (other health details "
                "left out).",
                "Exported {n} members to {file}, with access needs (other health details "
                "left out).", count) if with_access_needs else ngettext(
                "Exported {n} member to {file} (health details left out).",
                "Exported {n} members to {file} (health details left out).", count))
            self.status_message.emit(message.format(n=count, file=path.name))

        self.export_task = run_in_background(
            self, work, on_done=done,
            on_error=lambda error: prompts.error(self, _("Export"), str(error)))

    def show_imported(self, report) -> None:
        """After an import: clear search and filters and show just the people the import
        created or changed, the first one selected."""
        if report is None or report.started_at is None:
            self.refresh()
            return
        widgets = (self.search_field, self.role_filter, self.language_filter, self.need_filter,
                   self.consent_filter, self.region_filter, self.tag_filter,
                   self.segment_filter, self.show_archived)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_field.clear()
        for combo in widgets[1:-1]:
            combo.setCurrentIndex(0)
        self.show_archived.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._imported_since = report.started_at
        changed = report.created + report.merged
        self.imported_label.setText(ngettext(
            "Showing the {n} member this import added or updated.",
            "Showing the {n} members this import added or updated.", changed).format(
            n=format_number(changed)))
        self.imported_bar.setVisible(True)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_everyone(self) -> None:
        self._imported_since = None
        self.imported_bar.setVisible(False)
        self.refresh()
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def privacy_tools(self) -> None:
        from advocate_app.ui.dialogs.privacy_tools import PrivacyToolsDialog

        dialog = PrivacyToolsDialog(self._services, self)
        self._run_editor(dialog)
        if dialog.erased:
            self.members_changed.emit()
            self.refresh()

    def find_duplicates(self) -> None:
        from advocate_app.ui.dialogs.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self._services, self)
        self._run_editor(dialog)
        if dialog.merged:
            self.members_changed.emit()
            self.refresh()

    def subject_access(self) -> None:
        """Save everything we hold about the selected member: a web page and JSON beside it,
        written by the privacy service in the background."""
        from pathlib import Path

        from advocate_app.ui.tasks import run_in_background

        row = self._selected_row()
        if row is None:
            return
        title = _("Everything we hold about {name}").format(name=row.display_name)
        chosen = prompts.save_file(self, title, f"member-{row.id}.html", _("Web page (*.html)"),
                                   "privacy-report")
        if not chosen:
            return
        privacy = self._services.privacy

        def done(written: list[Path]) -> None:
            self.status_message.emit(_("Saved {page} and {json}.").format(
                page=written[0].name, json=written[1].name))

        self.subject_access_task = run_in_background(
            self, lambda _progress, _cancelled: privacy.write_everything_we_hold(
                row.id, Path(chosen), "html", json_beside=True),
            on_done=done, on_error=lambda error: prompts.error(self, title, str(error)))

    def erase_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        if not prompts.confirm(
                self, _("Erase member"),
                _("Erase {name}? Their name, contact details, notes and health details are "
                  "removed for good; only anonymous counts remain. This cannot be undone.")
                .format(name=row.display_name), destructive_label=_("Erase for good")):
            return
        self._run_change(lambda: self._services.privacy.erase(row.id),
                         _("{name} erased.").format(name=row.display_name), None)

    def selected_member_id(self) -> int | None:
        row = self._selected_row()
        return row.id if row else None

    #: How far down the list select_member looks for a member that is not among the rows read.
    SELECT_SCAN_ROWS = 2000

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

    # --- internals --------------------------------------------------------------------------

    def _current_query(self) -> MemberQuery:
        value = self.role_filter.currentData()
        need = self.need_filter.currentData()
        consent = self.consent_filter.currentData()
        return MemberQuery(
            text=self.search_field.text(),
            role=Role(value) if value else None,
            language=self.language_filter.currentData() or "",
            access_need=AccessNeed(need) if need else None,
            consent=ConsentPurpose(consent) if consent else None,
            region=self.region_filter.currentData() or "",
            tag=self.tag_filter.currentData() or "",
            include_archived=self.show_archived.isChecked(),
            changed_since=self._imported_since,
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    # --- segments ---------------------------------------------------------------------------

    def _load_segments(self) -> None:
        self.segment_filter.clear()
        self.segment_filter.addItem(_("None"), "")
        for segment in self._services.segments.list():
            self.segment_filter.addItem(segment.name, segment.name)

    def _apply_segment(self, index: int) -> None:
        name = self.segment_filter.itemData(index)
        if not name:
            return
        query = self._services.segments.get(name).query
        widgets = (self.search_field, self.role_filter, self.language_filter, self.need_filter,
                   self.consent_filter, self.region_filter, self.tag_filter,
                   self.show_archived)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_field.setText(query.text)
        for combo, value in ((self.role_filter, query.role), (self.language_filter,
                             query.language), (self.need_filter, query.access_need),
                             (self.consent_filter, query.consent),
                             (self.region_filter, query.region), (self.tag_filter, query.tag)):
            wanted = getattr(value, "value", value)
            combo.setCurrentIndex(combo.findData(wanted) if wanted else 0)
        self.show_archived.setChecked(query.include_archived)
        for widget in widgets:
            widget.blockSignals(False)
        self._apply_filters()

    def save_segment(self) -> None:
        from advocate_app.services.errors import ValidationError

        name = prompts.ask_text(self, _("Save as segment"),
                                _("Name of the segment (for example: French-speaking carers "
                                  "who agreed to research contact):"))
        if not name:
            return
        try:
            saved = self._services.segments.save(
                name, replace(self._current_query(), changed_since=None))
        except ValidationError as exc:
            prompts.error(self, _("Save as segment"), str(exc))
            return
        self._load_segments()
        self.segment_filter.setCurrentIndex(self.segment_filter.findData(saved.name))
        self.status_message.emit(_("Segment “{name}” saved.").format(name=saved.name))

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.refresh()

    def _search_then_focus_table(self) -> None:
        self._apply_filters()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)

    def _selected_row(self):
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.member_row(index.row())

    def _after_reload(self) -> None:
        total = self.model.rowCount()
        filtered = bool(self.search_field.text().strip() or self.role_filter.currentData()
                        or self.language_filter.currentData() or self.need_filter.currentData()
                        or self.consent_filter.currentData() or self.region_filter.currentData()
                        or self.tag_filter.currentData() or self.show_archived.isChecked())
        nobody_yet = total == 0 and not filtered and self._services.members.count(
            MemberQuery(include_archived=True)) == 0
        self.list_stack.setCurrentIndex(1 if nobody_yet else 0)
        if total == 0 and filtered:
            text = _("No members match.")
        elif total == 0 and not nobody_yet:
            text = _("No members shown: archived members are hidden (tick “Show archived”).")
        else:
            text = ngettext("{n} member", "{n} members", total).format(n=format_number(total))
        self.count_label.setText(text)
        self._update_buttons()

    def _remember_selection(self) -> None:
        self._reselect = self.selected_member_id()

    def _restore_selection(self) -> None:
        if self._reselect is not None:
            self.select_member(self._reselect)
        self._reselect = None
        self._update_buttons()

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

    def _update_buttons(self, *_args) -> None:
        row = self._selected_row()
        self.edit_button.setEnabled(row is not None)
        self.archive_button.setEnabled(row is not None)
        self.subject_access_action.setEnabled(row is not None)
        several = row is not None or self.table.selectionModel().hasSelection()
        self.tag_action.setEnabled(several)
        self.export_action.setEnabled(several)
        self.print_pack_action.setEnabled(several)
        self.erase_action.setEnabled(row is not None)
        label = _("Re&store") if row is not None and row.archived else _("Ar&chive")
        self.archive_button.setText(label)
        self.archive_button.setAccessibleName(label.replace("&", ""))

    def _open_editor(self, member) -> None:
        from advocate_app.ui.dialogs.member_editor import MemberEditorDialog

        dialog = MemberEditorDialog(self._services, member, self)
        if self._run_editor(dialog) and dialog.saved is not None:
            saved = dialog.saved
            self.members_changed.emit()
            self.status_message.emit(_("{name} saved.").format(name=saved.display_name))
            self.refresh()
            self.select_member(saved.id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _run_editor(self, dialog: QDialog) -> bool:
        """Show the editor; tests replace this so no real modal loop runs."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _run_change(self, change, message: str, keep_selected: int | None) -> None:
        try:
            change()
        except ServiceError as exc:
            prompts.error(self, _("Members"), str(exc))
            self.refresh()
            return
        self.members_changed.emit()
        self.status_message.emit(message)
        self.refresh()
        if keep_selected is not None:
            self.select_member(keep_selected)
