"""The print pack dialog: one item for a group of members, ready to print and post.

Each member gets the item in their language and format; the pack holds one PDF per language
and format, address labels in the same order, and a summary sheet for the volunteer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.print_profiles import LABEL_SHEET_KEYS, LABEL_SHEET_NAMES
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_number, language_name
from advocate_app.ui import prompts
from advocate_app.ui.help import install_help_key
from advocate_app.ui.widgets.heading import Heading

_PAGE_OF_IDS = 1000
_PROBLEMS_SHOWN = 3  # of each refused file, in the dialog (the summary sheet has them all)


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str | None:
    """A folder to write into; None if the person cancels (tests replace this)."""
    from advocate_app.ui import file_dialogs

    return file_dialogs.choose_folder(parent, "print-pack", title, start)


def open_folder(path: Path) -> None:
    """Show the folder in the system's file manager (tests replace this)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _sheet_description(key: str) -> str:
    name = LABEL_SHEET_NAMES.get(key)
    return _(name) if name is not None else key


def member_ids(services, query) -> list[int]:
    """Every member the query finds, read a page at a time."""
    ids: list[int] = []
    total = services.members.count(query)
    while len(ids) < total:
        rows = services.members.list(query, len(ids), _PAGE_OF_IDS)
        if not rows:
            break
        ids.extend(row.id for row in rows)
    return ids


_SELECTED = "selected"


class PrintPackDialog(QDialog):
    def __init__(self, services, item_id: int, title: str, parent: QWidget | None = None,
                 selected: list[int] | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self._services = services
        self.item_id = item_id
        self._selected = list(selected or [])
        self.result_pack = None
        self.task = None
        self.setWindowTitle(_("Print pack: {title}").format(title=title))
        self.setModal(True)

        self.heading = Heading(_("Print pack: {title}").format(title=title), level=2)
        intro = QLabel(_(
            "Each member gets this item in their language and format (large print, Easy Read "
            "…). Members without consent or without a postal address are left out and listed "
            "on the summary sheet."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.who = QComboBox()
        if self._selected:
            self.who.addItem(ngettext("{n} member selected on the Members page",
                                      "{n} members selected on the Members page",
                                      len(self._selected)).format(n=len(self._selected)),
                             _SELECTED)
        self.who.addItem(_("All members"), None)
        for segment in services.segments.list():
            self.who.addItem(_("Segment: {name}").format(name=segment.name), segment.id)
        self._segments = {segment.id: segment for segment in services.segments.list()}
        self.who.setAccessibleName(_("Who the pack is for"))
        self.who.currentIndexChanged.connect(self._update_count)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(_("Number of members chosen"))

        self.sheet = QComboBox()
        for key in LABEL_SHEET_KEYS:
            self.sheet.addItem(_sheet_description(key), key)
        self.sheet.setAccessibleName(_("Address label sheet"))

        self.print_anyway = QCheckBox(_("&Print anyway when the pre-flight check finds "
                                        "problems (the choice is recorded)"))
        self.print_anyway.setAccessibleName(_("Print anyway despite the pre-flight check"))

        self.folder = QLineEdit()
        self.folder.setAccessibleName(_("Folder for the print pack"))
        self.folder.setPlaceholderText(_("Choose a folder"))
        self.folder.textChanged.connect(self._update_buttons)
        self.browse_button = QPushButton(_("&Browse…"))
        self.browse_button.setAccessibleName(_("Choose the folder"))
        self.browse_button.clicked.connect(self.browse)
        folder_row = QWidget()
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder, 1)
        folder_layout.addWidget(self.browse_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, buddy in ((_("&Who:"), self.who, self.who),
                                   (None, self.count_label, None),
                                   (_("&Label sheet:"), self.sheet, self.sheet),
                                   (_("&Folder:"), folder_row, self.folder),
                                   (None, self.print_anyway, None)):
            if text is None:
                form.addRow(None, field)
                continue
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress.setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary.setAccessibleName(_("What the print pack holds"))
        self.summary.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(_("&Start"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setAccessibleName(_("Make the print pack"))
        self.open_button = self.buttons.addButton(_("&Open the folder"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setAccessibleName(_("Open the folder"))
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAccessibleName(_("Cancel"))
        self.start_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_output)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())
        self._update_count()
        self._update_buttons()

    # --- choosing --------------------------------------------------------------------------

    def _query(self):
        from advocate_app.domain.member_views import MemberQuery

        segment = self._segments.get(self.who.currentData())
        return segment.query if segment is not None else MemberQuery()

    def _update_count(self) -> None:
        count = (len(self._selected) if self.who.currentData() == _SELECTED
                 else self._services.members.count(self._query()))
        self.count_label.setText(ngettext("{n} member", "{n} members", count).format(
            n=format_number(count)))

    def _update_buttons(self) -> None:
        running = self.task is not None
        self.start_button.setEnabled(bool(self.folder.text().strip()) and not running)

    def browse(self) -> None:
        chosen = choose_folder(self, _("Folder for the print pack"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    # --- running ---------------------------------------------------------------------------

    def start(self) -> None:
        from advocate_app.services.print_packs import Cancelled
        from advocate_app.ui.tasks import run_in_background

        folder = self.folder.text().strip()
        if not folder:
            self.folder.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        out_dir = Path(folder)
        services = self._services
        selected = list(self._selected) if self.who.currentData() == _SELECTED else None
        query = self._query() if selected is None else None
        outreach, item_id, sheet = services.outreach, self.item_id, self.sheet.currentData()
        anyway = self.print_anyway.isChecked()

        def work(progress, should_cancel):
            def step(done: int, total: int) -> bool:
                progress(done, total)
                return not should_cancel()

            # Every member of a segment (or all of them) is read here, not in the window.
            ids = selected if selected is not None else member_ids(services, query)
            try:
                return outreach.print_pack(item_id, ids, out_dir, progress=step,
                                           label_sheet=sheet, print_anyway=anyway)
            except Cancelled:
                return None

        for widget in (self.who, self.sheet, self.folder, self.browse_button,
                       self.print_anyway):
            widget.setEnabled(False)
        self.summary.setVisible(False)
        self.open_button.setVisible(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.close_button.setText(_("Cancel"))
        self.close_button.setAccessibleName(_("Cancel the print pack"))
        self.task = run_in_background(self, work, on_done=self._done, on_error=self._failed,
                                      on_progress=self._progress)
        self._update_buttons()

    def _closing_text(self) -> None:
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        for widget in (self.who, self.sheet, self.folder, self.browse_button,
                       self.print_anyway):
            widget.setEnabled(True)
        self._update_buttons()

    def _done(self, result) -> None:
        self._finish()
        if result is None:
            self.summary.setText(_("Cancelled: no files were written."))
            self.summary.setVisible(True)
            self._closing_text()
            return
        self.result_pack = result
        self.summary.setText(self.describe(result))
        self.summary.setVisible(True)
        self.open_button.setVisible(True)
        self._closing_text()
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: Exception) -> None:
        self._finish()
        prompts.error(self, self.windowTitle(), _("The print pack could not be made: {reason}")
                      .format(reason=str(error)))

    @staticmethod
    def describe(result) -> str:
        """The pack in plain words: what to print, how many copies, who was left out."""
        lines = [ngettext("{n} copy to print and post.", "{n} copies to print and post.",
                          result.copies).format(n=format_number(result.copies))]
        for rendered in result.files:
            if rendered.personalised:
                text = ngettext("{file}: {n} personalised copy ({format})",
                                "{file}: {n} personalised copies ({format})", rendered.copies)
            else:
                text = ngettext("{file}: print once ({format})",
                                "{file}: print {n} times ({format})", rendered.copies)
            lines.append("• " + text.format(file=rendered.path.name,
                                            n=format_number(rendered.copies),
                                            format=rendered.profile.label))
        if result.labels is not None:
            lines.append(_("Address labels, in the same order: {file}").format(
                file=result.labels.name))
        if result.summary is not None:
            lines.append(_("A summary sheet for whoever posts them: {file}").format(
                file=result.summary.name))
        lines.extend(result.fallbacks)  # who does not get their own language, and why
        lines.extend(result.notes)
        for refused in result.refused:
            lines.append("")
            lines.append(ngettext(
                "Not printed: “{title}” in {format} ({language}) for {n} member; the pre-flight "
                "check found:",
                "Not printed: “{title}” in {format} ({language}) for {n} members; the pre-flight "
                "check found:", len(refused.members)).format(
                title=refused.title, format=refused.profile.label,
                language=language_name(refused.language),
                n=format_number(len(refused.members))))
            lines.extend("• " + problem for problem in refused.problems[:_PROBLEMS_SHOWN])
            more = len(refused.problems) - _PROBLEMS_SHOWN
            if more > 0:
                lines.append("• " + ngettext("… and {n} more (the summary sheet lists it)",
                                             "… and {n} more (the summary sheet lists them)",
                                             more).format(n=more))
        if result.refused:
            lines.append(_("Fix the item, or tick “Print anyway” and start again (the choice "
                           "is recorded)."))
        for name, problems in result.overridden.items():
            lines.append("")
            lines.append(ngettext("{file} printed anyway despite {n} problem (recorded):",
                                  "{file} printed anyway despite {n} problems (recorded):",
                                  len(problems)).format(file=name, n=len(problems)))
        if result.left_out:
            lines.append("")
            lines.append(ngettext("{n} member left out:", "{n} members left out:",
                                  len(result.left_out)).format(n=format_number(
                                      len(result.left_out))))
            reasons: dict[str, int] = {}
            for _member_id, _name, reason in result.left_out:
                reasons[reason] = reasons.get(reason, 0) + 1
            for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
                lines.append("• " + _("{reason}: {n}").format(reason=reason,
                                                               n=format_number(count)))
            lines.append(_("The summary sheet lists each of them."))
        else:
            lines.append(_("Nobody was left out."))
        return "\n".join(lines)

    def open_output(self) -> None:
        folder = self.folder.text().strip()
        if folder:
            open_folder(Path(folder))

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            return  # the pack stops; the dialog says so and stays open
        super().reject()

    def done(self, result: int) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
        super().done(result)
