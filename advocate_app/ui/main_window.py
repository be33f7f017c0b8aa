"""The main window: a thin shell of navigation, menus and status bar around the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from advocate_app import __version__
from advocate_app.i18n import _, ngettext
from advocate_app.ui import prompts
from advocate_app.ui.account_actions import signed_in_text
from advocate_app.ui.change_watch import ChangeWatch
from advocate_app.ui.language import choose_language, fill_navigation
from advocate_app.ui.menus import build_menus
from advocate_app.ui.settings import UiSettings, next_scale

if TYPE_CHECKING:
    from advocate_app.services.container import Services


class MainWindow(QMainWindow):
    section_changed = Signal(str)
    text_scale_changed = Signal(float)
    #: View > Language: a language's code (``ui/language.py`` shows the window in it).
    language_chosen = Signal(str)

    def __init__(self, context, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._settings = settings
        from advocate_app.ui import file_dialogs

        file_dialogs.use_settings(context.paths.settings_file)
        file_dialogs.use_output_check(  # the command line's rule for files written
            context.services.output_refusal,
            lambda parent, title, text: prompts.error(parent, title, text))
        self._base_point_size = QApplication.font().pointSizeF()
        self._pages: dict[str, QWidget] = {}
        self.setWindowTitle(_("Advocate"))
        self.setObjectName("MainWindow")

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        fill_navigation(self)
        self.navigation.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setSpacing(3)
        self._fit_navigation()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel(self._database_description())
        self.database_label.setAccessibleName(_("Database"))
        self.statusBar().addPermanentWidget(self.database_label)
        self.account_label = QLabel(signed_in_text(self._services.actor))
        self.account_label.setObjectName("signedInAccount")
        self.account_label.setAccessibleName(_("Signed in"))
        self.account_label.setVisible(bool(self.account_label.text()))
        self.statusBar().addPermanentWidget(self.account_label)

        build_menus(self)
        self.language_chosen.connect(lambda code: choose_language(self, code))
        # Colleagues' saves show up without restarting (ui/change_watch.py).
        self.change_watch = ChangeWatch(self, lambda: self._services.changes(),
                                        self.stack.currentWidget)
        self._refreshed_by_row: QWidget | None = None
        self.navigation.currentRowChanged.connect(self._on_section_row)
        self._apply_text_scale(settings.text_scale)

    # --- sections ---------------------------------------------------------------------------

    @property
    def services(self) -> Services:
        return self._services

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def refresh_page(self, key: str) -> None:
        """Refresh ``key``'s page if it has been built (another page changed what it shows)."""
        page = self._pages.get(key)
        if page is not None and hasattr(page, "refresh"):
            page.refresh()

    def resume_minutes(self) -> QWidget | None:
        """Open live minute-taking again for a meeting that was not ended (the app or the
        computer stopped during it): same agenda item, cursor at the end of the notes."""
        from advocate_app.domain.access import Permission

        if not self._services.actor.may(Permission.RUN_MEETINGS):
            return None
        meeting_id = self._services.minutes.meeting_in_progress()
        if meeting_id is None:
            return None
        return self.open_live_minutes(meeting_id)

    def open_live_minutes(self, meeting_id: int) -> QWidget:
        from advocate_app.ui import automation
        from advocate_app.ui.dialogs.live_minutes import LiveMinutesWindow

        window = LiveMinutesWindow(self._services, meeting_id, self)
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.show()
        window.raise_()
        window.activateWindow()
        window.focus_notes()
        # However minute-taking began (Take minutes, or reopened after a stop), the Boards
        # page shows how the meeting ended without anyone choosing it again.
        window.finished.connect(self._live_minutes_finished)
        self.live_minutes = window
        automation.start_from_environment()
        return window

    def _live_minutes_finished(self, meeting_id: int) -> None:
        boards = self._pages.get("boards")
        if boards is not None:
            boards.minutes_finished(meeting_id)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built the first time it is needed."""
        if key not in self._pages:
            section = next(s for s in self.sections if s.key == key)
            page = section.build()
            page.setObjectName(f"page-{key}")
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def show_section(self, key: str, *, focus: bool = True) -> QWidget:
        # A section the account may not see (a link on the dashboard): the first one instead.
        row = next((i for i, s in enumerate(self.sections) if s.key == key), 0)
        key = self.sections[row].key
        self._refreshed_by_row = None
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # re-enters through _on_section_row
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        # Read once per visit: choosing the row may have refreshed the page already.
        if hasattr(page, "refresh") and self._refreshed_by_row is not page:
            page.refresh()
        if focus and hasattr(page, "focus_first"):
            page.focus_first()
        return page

    def current_section(self) -> str:
        row = self.navigation.currentRow()
        return self.sections[row].key if row >= 0 else ""

    def _on_section_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.sections[row].key
        page = self.page(key)
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            if hasattr(page, "refresh"):
                page.refresh()
                self._refreshed_by_row = page
        self._settings.last_section = key
        self.section_changed.emit(key)

    # --- menus ------------------------------------------------------------------------------

    # --- commands ---------------------------------------------------------------------------

    def new_member(self) -> None:
        page = self.show_section("members", focus=False)
        page.new_member()

    def import_members(self) -> None:
        from advocate_app.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self._services, self._context.paths.settings_file, self)
        self._run_wizard(wizard)
        if wizard.report is not None and not wizard.report.dry_run:
            page = self.show_section("members", focus=False)
            page.show_imported(wizard.report)  # just the people imported, the first selected
            report = wizard.report
            self.statusBar().showMessage(_("Import finished: {created}, {merged}.").format(
                created=ngettext("{n} member created", "{n} members created",
                                 report.created).format(n=report.created),
                merged=ngettext("{n} merged", "{n} merged", report.merged).format(
                    n=report.merged)), 8000)

    def _run_wizard(self, wizard) -> None:
        """Show a wizard; tests replace this so no real modal loop runs."""
        prompts.run_modal(wizard)

    def find(self) -> None:
        page = self.show_section("members", focus=False)
        page.focus_search()

    def change_text_size(self, step: int) -> None:
        self.set_text_scale(next_scale(self._settings.text_scale, step))

    def set_text_scale(self, scale: float) -> None:
        self._settings.text_scale = scale
        self._apply_text_scale(scale)
        self.statusBar().showMessage(
            _("Text size {percent} %").format(percent=round(scale * 100)), 3000)

    def _apply_text_scale(self, scale: float) -> None:
        font = QApplication.font()
        font.setPointSizeF(self._base_point_size * scale)
        QApplication.setFont(font)
        self._fit_navigation()
        self.text_scale_changed.emit(scale)

    def _fit_navigation(self) -> None:
        """The section list is as wide as its longest title, whatever the language and size."""
        metrics = QFontMetrics(QApplication.font())  # the list itself may not have the new font yet
        widest = max(metrics.horizontalAdvance(section.title)
                     for section in self.sections)
        self.navigation.setFixedWidth(widest + 2 * self.navigation.frameWidth() + 32)

    def show_help(self) -> None:
        """F1: the help window, with the keys of the current section and the user guide."""
        from advocate_app.ui.help import show_help

        self.help_window = show_help(self)

    def show_about(self) -> None:
        prompts.information(
            self, _("About Advocate"),
            _("Advocate {version}\nA local, private and accessible home for patient advocacy "
              "groups.\nYour data is kept in: {location}").format(
                version=__version__, location=self._database_description()))

    def switch_focus_area(self) -> None:
        """F6: move between the section list and the current page."""
        if self.navigation.hasFocus():
            page = self.stack.currentWidget()
            if page is not None and hasattr(page, "focus_first"):
                page.focus_first()
        else:
            self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _database_description(self) -> str:
        if self._context.is_sqlite:
            return _("Data: {path}").format(path=self._context.paths.database_file)
        return _("Shared database: {url}").format(url=self._context.shown_database_url)

    # --- window state -----------------------------------------------------------------------

    def restore_state(self) -> None:
        geometry, state = self._settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(QSize(1100, 720))
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._settings.save_window_state(self.saveGeometry(), self.saveState())
        self._settings.sync()
        super().closeEvent(event)
