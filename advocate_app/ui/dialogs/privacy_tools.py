"""Retention (who would be erased, then erasing them), the trial-readiness counts, and the
backups that still hold people erased since they were made (deleted on request)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_relative
from advocate_app.ui import prompts
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Row
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import fill, read_only_table


class PrivacyToolsDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self._services = services
        self.erased = 0
        self.setWindowTitle(_("Retention and research"))
        tabs = QTabWidget()
        tabs.addTab(self._retention_tab(), _("&Retention"))
        tabs.addTab(self._readiness_tab(), _("&Trial readiness"))
        tabs.addTab(self._backups_tab(), _("&Old backups"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        # The research table has a column a region: give it the room the screen has.
        fit_to_screen(self, 1100, 680)

    # --- retention --------------------------------------------------------------------------

    def _retention_tab(self) -> QWidget:
        page = QWidget()
        explain = QLabel(_("Members who have not changed or taken part in anything for a number "
                           "of years, and have no valid consent for anything. Check the list "
                           "first; nothing changes until you erase."))
        explain.setWordWrap(True)
        self.years = QSpinBox()
        self.years.setRange(1, 50)
        self.years.setValue(5)
        self.years.setAccessibleName(_("Years without change"))
        years_label = QLabel(_("&Years:"))
        years_label.setBuddy(self.years)
        self.list_button = QPushButton(_("&List them"))
        self.list_button.clicked.connect(self.list_candidates)
        self.erase_button = QPushButton(_("&Erase everyone listed…"))
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase_candidates)
        row = QHBoxLayout()
        for widget in (years_label, self.years, self.list_button, self.erase_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.candidates_table = read_only_table([_("Member"), _("Last changed")],
                                       _("Members who would be erased"), main=0)
        self.retention_summary = QLabel()
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.candidates_table, 1)
        layout.addWidget(self.retention_summary)
        self.candidates = []
        return page

    def list_candidates(self) -> None:
        self.candidates = self._services.privacy.retention_candidates(self.years.value())
        fill(self.candidates_table, (Row(candidate.id, (
            _("{name} (member {id})").format(name=candidate.name, id=candidate.id),
            format_date(candidate.last_changed))) for candidate in self.candidates))
        self.retention_summary.setText(ngettext(
            "{n} member would be erased.", "{n} members would be erased.",
            len(self.candidates)).format(n=len(self.candidates)))
        self.erase_button.setEnabled(bool(self.candidates))

    def erase_candidates(self) -> None:
        count = len(self.candidates)
        if not count or not prompts.confirm(
                self, _("Erase members"),
                ngettext("Erase the {n} member listed? Their identifying details are removed "
                         "for good; only anonymous counts remain.",
                         "Erase the {n} members listed? Their identifying details are removed "
                         "for good; only anonymous counts remain.", count).format(n=count),
                destructive_label=_("Erase for good")):
            return
        from advocate_app.ui.tasks import run_in_background

        self.erase_button.setEnabled(False)

        def done(erased: int) -> None:
            self.erased += erased
            self.list_candidates()
            self.list_old_backups()
            self.retention_summary.setText(ngettext(
                "{n} member erased.", "{n} members erased.", erased).format(n=erased))

        def failed(exc: Exception) -> None:
            self.list_candidates()
            prompts.error(self, _("Erase members"), str(exc))

        ids = [candidate.id for candidate in self.candidates]
        self.erase_task = run_in_background(  # the database file is rebuilt after erasing
            self, lambda _progress, _cancelled: self._services.privacy.erase_all(ids),
            on_done=done, on_error=failed)

    # --- backups made before an erasure -----------------------------------------------------

    def _backups_tab(self) -> QWidget:
        page = QWidget()
        explain = QLabel(_("Backups made before an erasure still hold the people erased. "
                           "Once you no longer need them to restore from, delete them here; "
                           "backups made since are kept."))
        explain.setWordWrap(True)
        self.backups_table = read_only_table([_("Backup"), _("Made on")],
                                             _("Backups that still hold people erased"),
                                             main=0)
        self.purge_button = QPushButton(_("&Delete these backups…"))
        self.purge_button.clicked.connect(self.purge_backups)
        self.backups_summary = QLabel()
        self.backups_summary.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addWidget(self.backups_table, 1)
        layout.addWidget(self.backups_summary)
        layout.addWidget(self.purge_button)
        self.list_old_backups()
        return page

    def list_old_backups(self) -> None:
        from datetime import datetime

        self.old_backups = self._services.privacy.backups_before_erasure()
        def made(path) -> str:
            day = datetime.fromtimestamp(path.stat().st_mtime).date()
            return _("{date} ({ago})").format(date=format_date(day), ago=format_relative(day))

        fill(self.backups_table, (Row(index, (path.name, made(path)))
                                  for index, path in enumerate(self.old_backups)))
        count = len(self.old_backups)
        self.backups_summary.setText(ngettext(
            "{n} backup still holds people erased since it was made.",
            "{n} backups still hold people erased since they were made.", count).format(
            n=count) if count else _("No backup holds anyone erased since it was made."))
        self.purge_button.setEnabled(bool(count))

    def purge_backups(self) -> None:
        from advocate_app.ui.tasks import run_in_background

        count = len(self.old_backups)
        if not count or not prompts.confirm(
                self, _("Delete old backups"),
                ngettext("Delete the {n} backup listed? It can no longer be restored from.",
                         "Delete the {n} backups listed? They can no longer be restored "
                         "from.", count).format(n=count),
                destructive_label=_("Delete for good")):
            return
        self.purge_button.setEnabled(False)

        def done(removed) -> None:
            self.list_old_backups()
            self.backups_summary.setText(ngettext(
                "{n} backup deleted.", "{n} backups deleted.", len(removed)).format(
                n=len(removed)))

        def failed(exc: Exception) -> None:
            self.list_old_backups()
            prompts.error(self, _("Delete old backups"), str(exc))

        self.purge_task = run_in_background(
            self, lambda _progress, _cancelled: self._services.privacy.purge_backups(),
            on_done=done, on_error=failed)

    # --- trial readiness --------------------------------------------------------------------

    def _readiness_tab(self) -> QWidget:
        from advocate_app.services.trial_readiness import TrialReadinessService

        page = QWidget()
        report = TrialReadinessService(self._services).sponsor_report()
        self.readiness = report
        explain = QLabel(_("People who agreed to research contact, by condition and region: "
                           "what a trial sponsor may see. No names; counts below 5 show as "
                           "“<5”, and counts that would give them away are hidden too."))
        explain.setWordWrap(True)
        self.readiness_table = read_only_table([_("Condition"), *report.regions, _("Total")],
                                      _("Research contacts by condition and region"),
                                      main=0)
        rows = [(c, counts, total) for c, counts, total in report.rows]
        rows.append((_("Total"), report.totals, report.total))
        fill(self.readiness_table, ((condition, *counts, total)
                                    for condition, counts, total in rows))
        save = QPushButton(_("&Save for the sponsor…"))
        save.clicked.connect(self.save_readiness)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addWidget(self.readiness_table, 1)
        self.readiness_legend = QLabel("\n".join(
            _("{mark}: {meaning}").format(mark=mark, meaning=meaning)
            for mark, meaning in report.marks_used))
        self.readiness_legend.setWordWrap(True)
        self.readiness_legend.setVisible(bool(report.marks_used))
        layout.addWidget(self.readiness_legend)
        layout.addWidget(save)
        return page

    def save_readiness(self) -> None:
        from advocate_app.services.trial_readiness import write_report

        chosen = prompts.save_file(self, _("Save for the sponsor"), "research-contacts.csv",
                                   _("CSV (*.csv)"), "sponsor-report")
        if not chosen:
            return
        write_report(self._services, chosen, "csv")  # the legend follows the table
