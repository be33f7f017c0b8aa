"""The Promises tab: what the community asked for, what was promised in return and whether
it was kept; and the "You said, we did" update made from the kept ones."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from advocate_app.domain.access import Permission
from advocate_app.domain.governance import PromiseStatus
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_list, language_name
from advocate_app.services.errors import ConcurrentEditError, ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.edit_conflict import keep_mine
from advocate_app.ui.models.rows import Row, select_id, selected_id
from advocate_app.ui.pages.boards.common import Work, another_asked, button, records_table
from advocate_app.ui.widgets.flow import flow_of
from advocate_app.ui.widgets.visibility import shown_if


class PromisesTab(QWidget):
    status_message = Signal(str)
    outreach_changed = Signal()  # an update was added to the Outreach section

    def __init__(self, services):
        super().__init__()
        self._services = services
        self._versions: dict[int, int] = {}
        self.work = Work(self)
        intro = QLabel(_("What the community asked for, what we promised in return, and "
                         "whether we kept it."))
        intro.setWordWrap(True)
        self.table = records_table([_("You said"), _("We promised"), _("Owner"), _("Due"),
                                    _("Status"), _("Evidence")], _("Promises"), (0, 1, 5))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.kept_button = button(_("Mark &kept…"), self.mark_kept)
        self.update_button = button(_("“You said, we &did” update"), self.make_you_said_update,
                                    _("Make a “You said, we did” update from the kept "
                                      "promises, in each member's language"))
        # Keeping the update writes outreach items: only for an account that may.
        shown_if(self.update_button, services.actor.may(Permission.EDIT_OUTREACH))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(flow_of(self.kept_button, self.update_button))

    def show_board(self, _board) -> None:
        """Promises of every board are listed, whichever is chosen."""

    def refresh(self) -> None:
        keep = selected_id(self.table)
        today = date.today()
        found = self._services.actions.promises(status=None)
        self._versions = {p.id: p.version for p in found}  # what a change starts from
        # Open promises first: they are what still needs doing.
        found.sort(key=lambda p: p.status is not PromiseStatus.OPEN)
        self.table.model().set_rows(
            Row(p.id, (p.you_said, p.text, p.owner, format_date(p.due_on),
                       _("Overdue") if p.overdue(today) else p.status.label, p.evidence))
            for p in found)
        if keep is not None:
            select_id(self.table, keep, or_first=True)
        self.update_buttons()

    def update_buttons(self) -> None:
        self.kept_button.setEnabled(selected_id(self.table) is not None)

    def mark_kept(self) -> None:
        promise_id = selected_id(self.table)
        if promise_id is None:
            return
        title = _("Promise kept")
        evidence = prompts.ask_text(self, title, _(
            "What was done? (the evidence the community will read)"))
        if evidence is None:
            return
        version = self._versions.get(promise_id)
        try:
            while True:
                try:
                    self._services.actions.update_promise(promise_id, PromiseStatus.KEPT,
                                                          evidence, expected_version=version)
                    break
                except ConcurrentEditError as exc:  # a colleague changed it meanwhile
                    version = keep_mine(self, title, exc, {"status": PromiseStatus.KEPT,
                                                           "evidence": evidence.strip()})
                    if version is None:
                        self.refresh()
                        return
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
        else:
            self.status_message.emit(_("Promise marked kept."))
        self.refresh()

    def make_you_said_update(self) -> None:
        """A “You said, we did” newsletter from the kept promises, one per members' language
        (assembled off the GUI thread)."""
        title = _("“You said, we did” update")
        services = self._services
        self.work.start(services.board_documents.you_said_we_did,
                        lambda items: self._keep_update(title, items),
                        lambda error: prompts.error(self, title, str(error)))

    def _keep_update(self, title: str, items: list) -> None:
        if not items:
            prompts.information(self, title, _(
                "No promise has been kept yet: mark one kept, with what was done, first."))
            return
        if not another_asked(self, self._services, title, items[0]):
            return
        try:
            ids = [self._services.outreach.save(item) for item in items]
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        self.outreach_changed.emit()
        prompts.information(self, title, ngettext(
            "Made {n} version in the Outreach section ({languages}).",
            "Made {n} versions in the Outreach section ({languages}), one for each language "
            "your members read; a print pack gives each member theirs.", len(ids)).format(
            n=len(ids), languages=format_list(language_name(item.language) or item.language
                                              for item in items)))
