"""The Stories page: in tabs, the stories people shared (each with the consent its teller gave
for every use, and the log of where it was used) and the story-sharing sessions where they
are told (each tab a widget of its own)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from advocate_app.i18n import _
from advocate_app.ui import prompts
from advocate_app.ui.pages.stories.sessions_tab import SessionsTab
from advocate_app.ui.pages.stories.stories_tab import StoriesTab
from advocate_app.ui.widgets.heading import Heading


class StoriesPage(QWidget):
    status_message = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        # The change marker each tab's records were read at (see refresh).
        self._read_at: dict[QWidget, object] = {}
        self.heading = Heading(_("Stories"))

        def run_dialog(dialog: QDialog) -> bool:
            return self._run_dialog(dialog)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Stories and sessions"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.stories_tab = StoriesTab(services, run_dialog)
        self.sessions_tab = SessionsTab(services, run_dialog)
        self.tabs.addTab(self.stories_tab, _("&Stories"))
        self.tabs.addTab(self.sessions_tab, _("Sess&ions"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        for tab in (self.stories_tab, self.sessions_tab):
            tab.status_message.connect(self.status_message)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        """Read the records of the tab shown, again only when something may have changed
        since they were read (a save anywhere in the app, or another program writing the
        file): a return visit shows them at once. The stories are also read again when the
        day changed (consent is shown as it stands today); the sessions show nothing that
        depends on today."""
        tab = self.tabs.currentWidget()
        marker = ((self._services.changes(), date.today()) if tab is self.stories_tab
                  else self._services.changes())
        if marker != self._read_at.get(tab):
            self._read_at[tab] = marker  # taken before reading: a save meanwhile reads again
            tab.refresh()

    def focus_first(self) -> None:
        if self.tabs.currentWidget() is self.stories_tab:
            self.stories_tab.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.sessions_tab.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog; tests replace this so no real modal loop runs."""
        return prompts.run_modal(dialog)

    def wait_for_work(self) -> None:
        """Let files being copied or written in the background end (closing, tests)."""
        self.stories_tab.detail.work.wait()
        self.sessions_tab.work.wait()
        self.sessions_tab.feedback.wait()
