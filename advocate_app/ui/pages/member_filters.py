"""The Members page's search and filters: the search field, role and "Show archived" on one
row, then a grid of the other filters (three to a row when they fit, fewer on a narrow window
or with large text), and saved segments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from advocate_app.domain.access import Permission
from advocate_app.domain.community import AccessNeed, ConsentPurpose
from advocate_app.domain.member_views import MemberQuery, MemberSort
from advocate_app.domain.people import Role
from advocate_app.i18n import _
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.member_editor import language_choices
from advocate_app.ui.widgets.lazy_combo import LazyComboBox
from advocate_app.ui.widgets.visibility import shown_if

SEARCH_DELAY_MS = 150


def _add_languages(combo: QComboBox) -> None:
    """Language names in the UI language: built when first needed, not at start-up."""
    for name, code in language_choices():
        combo.addItem(name, code)


def _combo_width(combo: QComboBox, text: str) -> int:
    """The width ``combo`` needs to show ``text`` whole, arrow and frame included."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    content = QSize(combo.fontMetrics().horizontalAdvance(text), combo.fontMetrics().height())
    return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content,
                                          combo).width()


class _FilterArea(QWidget):
    """Holds the filters. It never makes the page wider than one filter a row needs: when the
    page gets narrower, the page puts fewer filters on each row (``MemberFilters.reflow``)."""

    def __init__(self, narrowest):
        super().__init__()
        self._narrowest = narrowest

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._narrowest()), hint.height())


class MemberFilters(QObject):
    """The filter widgets of ``page`` and what they mean: ``query()`` is the list they ask for.

    ``changed`` says the list should be read again (at once for a choice, a moment after the
    last key for the search text); ``status_message`` carries what a saved segment says.
    """

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, services, page: QWidget,
                 ordering: Callable[[], tuple[MemberSort, bool]]):
        super().__init__(page)
        self._services = services
        self._page = page
        self._ordering = ordering  # the list's order: (sort, descending)
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

        #: Search, role and "Show archived": the first row, above the grid.
        self.top_row = QHBoxLayout()
        self.top_row.addWidget(search_label)
        self.top_row.addWidget(self.search_field, 3)
        self.top_row.addSpacing(12)
        self.top_row.addWidget(role_label)
        self.top_row.addWidget(self.role_filter, 1)
        self.top_row.addSpacing(12)
        self.top_row.addWidget(self.show_archived)
        # The other filters sit in a grid of label/choice pairs: three to a row when they fit,
        # two when the window is narrow or the text is large (see reflow).
        segment_field = QWidget()
        segment_layout = QHBoxLayout(segment_field)
        segment_layout.setContentsMargins(0, 0, 0, 0)
        segment_layout.addWidget(self.segment_filter, 1)
        segment_layout.addWidget(self.save_segment_button)
        # Saving a segment changes what is stored: only for an account that may change members.
        shown_if(self.save_segment_button, services.actor.may(Permission.EDIT_MEMBERS))
        self.pairs = ((language_label, self.language_filter),
                      (region_label, self.region_filter),
                      (tag_label, self.tag_filter),
                      (need_label, self.need_filter),
                      (consent_label, self.consent_filter),
                      (segment_label, segment_field))
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self._columns = 0
        self.area = _FilterArea(lambda: self.width_for(1))

        if not services.actor.may(Permission.VIEW_CONSENT):  # not a filter for this role
            self.pairs = tuple(p for p in self.pairs if p[1] is not self.consent_filter)
            for widget in (consent_label, self.consent_filter):
                widget.setParent(self.area)
                widget.hide()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.area.setLayout(self.grid)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.changed)
        self.search_field.textChanged.connect(self.search_timer.start)
        self.role_filter.currentIndexChanged.connect(self.changed)
        self.show_archived.toggled.connect(self.changed)
        for combo in (self.language_filter, self.need_filter, self.consent_filter,
                      self.region_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self.changed)
        self.segment_filter.activated.connect(self.apply_segment)

    def query(self, changed_since: datetime | None = None) -> MemberQuery:
        """The members the filters ask for, in the list's order."""
        sort, descending = self._ordering()
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
            changed_since=changed_since,
            sort=sort,
            descending=descending,
        )

    def any_set(self) -> bool:
        """Whether the search or a filter narrows the list."""
        return bool(self.search_field.text().strip() or self.role_filter.currentData()
                    or self.language_filter.currentData() or self.need_filter.currentData()
                    or self.consent_filter.currentData() or self.region_filter.currentData()
                    or self.tag_filter.currentData() or self.show_archived.isChecked())

    def clear(self) -> None:
        """Search, filters and segment back to showing everyone, without reading the list."""
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

    # --- segments ---------------------------------------------------------------------------

    def load_segments(self) -> None:
        self.segment_filter.clear()
        self.segment_filter.addItem(_("None"), "")
        for segment in self._services.segments.list():
            self.segment_filter.addItem(segment.name, segment.name)

    def apply_segment(self, index: int) -> None:
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
        self.changed.emit()

    def save_segment(self) -> None:
        from advocate_app.services.errors import ValidationError

        name = prompts.ask_text(self._page, _("Save as segment"),
                                _("Name of the segment (for example: French-speaking carers "
                                  "who agreed to research contact):"))
        if not name:
            return
        try:
            saved = self._services.segments.save(
                name, replace(self.query(), changed_since=None))
        except ValidationError as exc:
            prompts.error(self._page, _("Save as segment"), str(exc))
            return
        self.load_segments()
        self.segment_filter.setCurrentIndex(self.segment_filter.findData(saved.name))
        self.status_message.emit(_("Segment “{name}” saved.").format(name=saved.name))

    # --- room -------------------------------------------------------------------------------

    def apply_metrics(self) -> None:
        """After a change of text size: lay the grid out again."""
        self._columns = 0
        self.reflow()

    def reflow(self) -> None:
        """Three filters to a row when they fit whole, otherwise two, otherwise one."""
        columns = next((n for n in (3, 2) if self._page.width() >= self.width_for(n)), 1)
        if columns == self._columns:
            return
        self._columns = columns
        grid = self.grid
        for label, field in self.pairs:
            grid.removeWidget(label)
            grid.removeWidget(field)
        for number, (label, field) in enumerate(self.pairs):
            row, column = divmod(number, columns)
            grid.addWidget(label, row, 2 * column)
            grid.addWidget(field, row, 2 * column + 1)
        for column in range(6):
            grid.setColumnStretch(column, 1 if column % 2 and column < 2 * columns else 0)
        for _label, field in self.pairs:
            if isinstance(field, QComboBox):  # the first choice ("All …") always shows whole
                field.setMinimumWidth(_combo_width(field, field.itemText(0)))

    def width_for(self, columns: int) -> int:
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
        for number, (label, field) in enumerate(self.pairs):
            column = number % columns
            captions[column] = max(captions[column], label.sizeHint().width())
            fields[column] = max(fields[column], field_width(field))
        margins = self._page.layout().contentsMargins()
        spacing = self.grid.horizontalSpacing() * (2 * columns - 1)
        return margins.left() + margins.right() + spacing + sum(captions) + sum(fields)
