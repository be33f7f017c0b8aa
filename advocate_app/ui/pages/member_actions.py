"""The Members page's More menu: duplicates, tagging, print packs and exports of the selected
members, the privacy report and erasure of one member, and the retention tools. Files are
written by services, in the background."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QToolButton

from advocate_app.domain.member_views import MemberQuery
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_number
from advocate_app.ui import prompts


class ExportCancelled(Exception):
    """The person cancelled an export; the file was not written."""


class MemberActions(QObject):
    """The More button of ``page`` (the Members page), its menu, and what each of its
    commands does; they act on the page's selected members and tell the page what changed."""

    def __init__(self, services, page):
        super().__init__(page)
        self._services = services
        self._page = page
        self.export_task = None
        self.subject_access_task = None
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
        self.privacy_tools_action = more_menu.addAction(_("&Retention and research…"),
                                                        self.privacy_tools)
        self.more_button.setMenu(more_menu)

    def show_what_the_account_may_do(self, actor) -> None:
        """Only the commands the signed-in account's role allows are in the menu."""
        from advocate_app.domain.access import Permission

        for action, permission in (
                (self.duplicates_action, Permission.EDIT_MEMBERS),
                (self.tag_action, Permission.EDIT_MEMBERS),
                (self.print_pack_action, Permission.PRINT),
                (self.export_list_action, Permission.IMPORT_EXPORT),
                (self.export_action, Permission.IMPORT_EXPORT),
                (self.subject_access_action, Permission.PRIVACY),
                (self.erase_action, Permission.PRIVACY),
                (self.privacy_tools_action, Permission.PRIVACY)):
            action.setVisible(actor.may(permission))

    def update_enabled(self, one_selected: bool, several: bool) -> None:
        """Commands for one member need one selected; the others, at least one."""
        self.subject_access_action.setEnabled(one_selected)
        self.tag_action.setEnabled(several)
        self.export_action.setEnabled(several)
        self.print_pack_action.setEnabled(several)
        self.erase_action.setEnabled(one_selected)

    def _changed(self) -> None:
        self._page.members_changed.emit()
        self._page.refresh()

    def find_duplicates(self) -> None:
        from advocate_app.ui.dialogs.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self._services, self._page)
        self._page._run_editor(dialog)
        if dialog.merged:
            self._changed()

    def privacy_tools(self) -> None:
        from advocate_app.ui.dialogs.privacy_tools import PrivacyToolsDialog

        dialog = PrivacyToolsDialog(self._services, self._page)
        self._page._run_editor(dialog)
        if dialog.erased:
            self._changed()

    def tag_selected(self) -> None:
        from advocate_app.services.errors import ValidationError

        page = self._page
        ids = page.selected_ids()
        if not ids:
            return
        tag = prompts.ask_text(page, _("Add a tag"), ngettext(
            "Tag to add to the selected member:", "Tag to add to the {n} selected members:",
            len(ids)).format(n=format_number(len(ids))))
        if not tag:
            return
        try:
            added = self._services.members.add_tag(ids, tag)
        except ValidationError as exc:
            prompts.error(page, _("Add a tag"), str(exc))
            return
        self._changed()
        page.status_message.emit(ngettext("Tag “{tag}” added to {n} member.",
                                          "Tag “{tag}” added to {n} members.", added).format(
            tag=tag, n=format_number(added)))

    def print_pack_selected(self) -> None:
        """Send an outreach item to the selected members, each in their language and format."""
        from advocate_app.ui.dialogs.print_pack import PrintPackDialog

        page = self._page
        ids = page.selected_ids()
        if not ids:
            return
        items = [s for s in self._services.outreach.list() if s.kind.value != "labels"]
        if not items:
            prompts.information(page, _("Print pack"), _(
                "There is no outreach item yet: make one in the Outreach section first."))
            return
        chosen = prompts.choose(page, _("Print pack"), _("Which item to send?"), [
            f"{item.title} ({item.kind.label}, {item.language})" for item in items])
        if chosen is None:
            return
        item = items[chosen]
        prompts.run_modal(PrintPackDialog(self._services, item.id, item.title, page,
                                          selected=ids))

    def export_selected(self) -> None:
        ids = self._page.selected_ids()
        if ids:
            self._export(_("Export the selected members"), ids=ids, total=len(ids))

    def export_list(self) -> None:
        """Export exactly what the list shows: its search, filters, segment and order."""
        page = self._page
        query = page.filters.query(page._imported_since)
        total = page.model.rowCount()
        if not total:
            return
        answer = prompts.choose(
            page, _("Export these members"),
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

        page = self._page
        chosen = prompts.save_file(
            page, title, "members.csv",
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
            page.status_message.emit(message.format(n=format_number(count), file=path.name))

        self.export_task = run_in_background(
            page, work, on_done=done,
            on_error=lambda error: prompts.error(page, _("Export"), str(error)))

    def subject_access(self) -> None:
        """Save everything we hold about the selected member: a web page and JSON beside it,
        written by the privacy service in the background."""
        from pathlib import Path

        from advocate_app.ui.tasks import run_in_background

        page = self._page
        row = page._selected_row()
        if row is None:
            return
        title = _("Everything we hold about {name}").format(name=row.display_name)
        chosen = prompts.save_file(page, title, f"member-{row.id}.html", _("Web page (*.html)"),
                                   "privacy-report")
        if not chosen:
            return
        privacy = self._services.privacy

        def done(written: list[Path]) -> None:
            page.status_message.emit(_("Saved {page} and {json}.").format(
                page=written[0].name, json=written[1].name))

        self.subject_access_task = run_in_background(
            page, lambda _progress, _cancelled: privacy.write_everything_we_hold(
                row.id, Path(chosen), "html", json_beside=True),
            on_done=done, on_error=lambda error: prompts.error(page, title, str(error)))

    def erase_selected(self) -> None:
        page = self._page
        row = page._selected_row()
        if row is None:
            return
        if not prompts.confirm(
                page, _("Erase member"),
                _("Erase {name}? Their name, contact details, notes and health details are "
                  "removed for good; only anonymous counts remain. This cannot be undone.")
                .format(name=row.display_name), destructive_label=_("Erase for good")):
            return
        from advocate_app.ui.tasks import run_in_background

        def done(erased) -> None:
            page._run_change(lambda: None, _("{name} erased.").format(
                name=row.display_name), None)
            if len(erased.sentences) > 1:  # their webinars, stories, feedback, backups …
                prompts.information(page, _("Erase member"), "\n\n".join(erased.sentences))

        def failed(error: Exception) -> None:
            prompts.error(page, _("Members"), str(error))
            page.refresh()

        # In the background: the database file is rebuilt after an erasure (a second or two
        # with 100,000 members).
        self.erase_task = run_in_background(
            page, lambda _progress, _cancelled: self._services.privacy.erase(row.id),
            on_done=done, on_error=failed)
