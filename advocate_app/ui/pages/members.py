"""The Members page: find, add, edit and archive the people in the community.

The page puts together its parts, each in a module of its own: the search and filters
(``member_filters``), the list (``member_list``) and the More menu's commands
(``member_actions``). It keeps the commands on the selected member and the buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.member_views import MemberQuery
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_number
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.pages.member_actions import MemberActions
from advocate_app.ui.pages.member_filters import MemberFilters
from advocate_app.ui.pages.member_list import MemberList
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import select_row
from advocate_app.ui.widgets.visibility import shown_if


class MembersPage(QWidget):
    status_message = Signal(str)
    members_changed = Signal()
    import_requested = Signal()

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.heading = Heading(_("Members"))

        self.filters = MemberFilters(services, self, lambda: (self.model.query.sort,
                                                              self.model.query.descending))
        self.filters.status_message.connect(self.status_message)
        # The widgets tests, help and benchmarks reach through the page.
        filters = self.filters
        self.search_field, self.role_filter = filters.search_field, filters.role_filter
        self.show_archived = filters.show_archived
        self.language_filter, self.need_filter = filters.language_filter, filters.need_filter
        self.consent_filter, self.region_filter = filters.consent_filter, filters.region_filter
        self.tag_filter, self.segment_filter = filters.tag_filter, filters.segment_filter
        self.save_segment_button = filters.save_segment_button
        self._search_timer = filters.search_timer

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

        self.list = MemberList(services.members, self)
        self.model, self.table = self.list.model, self.list.table
        self.empty_label, self.list_stack = self.list.empty_label, self.list.stack
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.list.selection_changed.connect(self._update_buttons)

        self.new_button = QPushButton(_("&New member…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.archive_button = QPushButton(_("Ar&chive"))
        self.import_button = QPushButton(_("&Import…"))
        self.actions = MemberActions(services, self)
        self.more_button = self.actions.more_button
        self.print_pack_action = self.actions.print_pack_action
        for button in (self.new_button, self.edit_button, self.archive_button,
                       self.import_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.archive_selected)
        self.import_button.clicked.connect(self.import_requested)

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
        layout.addLayout(filters.top_row)
        layout.addWidget(filters.area)
        layout.addWidget(self.imported_bar)
        layout.addWidget(self.list_stack, 1)
        layout.addLayout(buttons)
        filters.reflow()
        self._show_what_the_account_may_do()

        filters.changed.connect(self._apply_filters)
        self.search_field.returnPressed.connect(self._search_then_focus_table)
        filters.load_segments()

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

        self.list.apply_metrics()
        filters.apply_metrics()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.list.apply_metrics()
            self.filters.apply_metrics()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.filters.reflow()

    # --- public commands --------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list (keeps search, filters, order and the selected member)."""
        self.model.set_query(self.filters.query(self._imported_since))
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
        return self.list.selected_ids()

    def selected_member_id(self) -> int | None:
        row = self._selected_row()
        return row.id if row else None

    def select_member(self, member_id: int) -> bool:
        """Select ``member_id`` if it is among the rows read or the first rows of the list."""
        return self.list.select_member(member_id)

    def print_pack_selected(self) -> None:
        """Send an outreach item to the selected members, each in their language and format."""
        self.actions.print_pack_selected()

    def show_imported(self, report) -> None:
        """After an import: clear search and filters and show just the people the import
        created or changed, the first one selected."""
        if report is None or report.started_at is None:
            self.refresh()
            return
        self.filters.clear()
        self._imported_since = report.started_at
        changed = report.created + report.merged
        self.imported_label.setText(ngettext(
            "Showing the {n} member this import added or updated.",
            "Showing the {n} members this import added or updated.", changed).format(
            n=format_number(changed)))
        self.imported_bar.setVisible(True)
        self.refresh()
        if self.model.rowCount():
            select_row(self.table, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_everyone(self) -> None:
        self._imported_since = None
        self.imported_bar.setVisible(False)
        self.refresh()
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- internals --------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.refresh()

    def _search_then_focus_table(self) -> None:
        self._apply_filters()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            select_row(self.table, 0)

    def _selected_row(self):
        return self.list.selected_row()

    def _after_reload(self) -> None:
        total = self.model.rowCount()
        filtered = self.filters.any_set()
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

    def _update_buttons(self, *_args) -> None:
        row = self._selected_row()
        self.edit_button.setEnabled(row is not None)
        self.archive_button.setEnabled(row is not None)
        several = row is not None or self.table.selectionModel().hasSelection()
        self.actions.update_enabled(row is not None, several)
        label = _("Re&store") if row is not None and row.archived else _("Ar&chive")
        self.archive_button.setText(label)
        self.archive_button.setAccessibleName(label.replace("&", ""))

    def _show_what_the_account_may_do(self) -> None:
        """Commands the signed-in account's role does not allow are not shown; without
        changing members, Edit opens the member to read."""
        from advocate_app.domain.access import Permission

        actor = self._services.actor
        may_edit = actor.may(Permission.EDIT_MEMBERS)
        shown_if(self.new_button, may_edit)
        shown_if(self.archive_button, may_edit)
        shown_if(self.import_button, actor.may(Permission.IMPORT_EXPORT))
        if not may_edit:
            self.edit_button.setText(_("&Open…"))
            self.edit_button.setAccessibleName(_("Open the selected member"))
        self.actions.show_what_the_account_may_do(actor)

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
        return prompts.run_modal(dialog)

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
