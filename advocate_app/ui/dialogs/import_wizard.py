"""The member import wizard: choose a file, check its columns, decide about duplicates, import.

The import itself runs in the background with progress and cancel; the same service as
``advocate-app import members`` does the work, in one transaction.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_number
from advocate_app.services.errors import UnreadableFileError
from advocate_app.services.member_import import (
    MORE_CONTACTS,
    TARGETS,
    ImportCancelled,
    ImportOptions,
    OnDuplicate,
    guess_mapping,
    import_members,
    read_member_file,
)
from advocate_app.services.member_import_workers import ProcessStart
from advocate_app.ui.help import install_help_key
from advocate_app.ui.tasks import run_in_background

SAMPLE_ROWS = 3


def target_labels() -> dict[str, str]:
    return {
        "given_name": _("Given name"), "family_name": _("Family name"),
        "full_name": _("Full name"), "preferred_name": _("Preferred name"),
        "pronouns": _("Pronouns"), "email": _("Email"), "phone": _("Phone"),
        "mobile": _("Mobile phone"), "address": _("Address"),
        "address2": _("Address, second line"), "locality": _("Town or city"),
        "region": _("Region"), "postcode": _("Postcode"), "country": _("Country"),
        "preferred_language": _("Language"), "second_language": _("Second language"),
        "roles": _("Roles"), "tags": _("Tags"),
        "notes": _("Notes"), "date_of_birth": _("Date of birth"),
        "organisation": _("Organisation"), "kind": _("Contact type (person or organisation)"),
        "email_label": _("Email label (home, work …)"),
        "phone_label": _("Phone label (home, work, mobile …)"),
        "work_phone": _("Work phone"),
        **{f"email_{n}": _("Email {n}").format(n=n) for n in MORE_CONTACTS},
        **{f"email_{n}_label": _("Email {n} label").format(n=n) for n in MORE_CONTACTS},
        **{f"phone_{n}": _("Phone {n}").format(n=n) for n in MORE_CONTACTS},
        **{f"phone_{n}_label": _("Phone {n} label").format(n=n) for n in MORE_CONTACTS},
    }


class ImportWizard(QWizard):
    def __init__(self, services, settings_file: Path, parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)  # F1: the keys of this dialog and the guide
        self.services = services
        self.settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        self.setWindowTitle(_("Import members"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.table = None
        self.report = None
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.columns_page, self.run_page):
            self.addPage(page)
        self.resize(860, 600)

    def options(self, *, dry_run: bool) -> ImportOptions:
        return ImportOptions(
            format=self.file_page.format.currentData(),
            encoding=self.file_page.encoding.currentData() or None,
            delimiter=self.file_page.delimiter.currentData() or None,
            on_duplicate=self.run_page.on_duplicate(), dry_run=dry_run,
            mapping=self.columns_page.mapping())

    def remembered_mapping(self, headers: list[str]) -> dict[int, str] | None:
        value = self.settings.value(f"import/mappings/{_signature(headers)}")
        if not isinstance(value, str) or not value:
            return None
        mapping = {}
        for part in value.split(";"):
            index, _sep, target = part.partition("=")
            if index.isdigit() and target in TARGETS:
                mapping[int(index)] = target
        return mapping

    def remember_mapping(self, headers: list[str], mapping: dict[int, str]) -> None:
        text = ";".join(f"{i}={t}" for i, t in sorted(mapping.items()))
        self.settings.setValue(f"import/mappings/{_signature(headers)}", text)
        self.settings.sync()


def _signature(headers: list[str]) -> str:
    return hashlib.sha1("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(_("Choose a file"))
        self.setSubTitle(_("A spreadsheet (CSV or XLSX) or an address book (vCard). Nothing "
                           "changes until the last step."))
        self.path = QLineEdit()
        self.path.setAccessibleName(_("File to import"))
        browse = QPushButton(_("&Browse…"))
        browse.setAccessibleName(_("Browse for a file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.format = QComboBox()
        for code, label in (("auto", _("Recognise it")), ("csv", "CSV"), ("xlsx", "XLSX"),
                            ("vcard", "vCard")):
            self.format.addItem(label, code)
        self.encoding = QComboBox()
        for code, label in (("", _("Detect it")), ("utf-8", "UTF-8"),
                            ("utf-16", _("UTF-16 (Excel “Unicode text”)")),
                            ("cp1252", _("Windows western (cp1252)")),
                            ("latin-1", "ISO 8859-1 (Latin-1)")):
            self.encoding.addItem(label, code)
        self.delimiter = QComboBox()
        for code, label in (("", _("Detect it")), (",", _("Comma")), (";", _("Semicolon")),
                            ("tab", _("Tab")), ("|", _("Vertical bar"))):
            self.delimiter.addItem(label, code)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        form = QFormLayout(self)
        label = QLabel(_("&File:"))
        label.setBuddy(self.path)
        form.addRow(label, row)
        for text, combo in ((_("F&ormat:"), self.format), (_("&Encoding:"), self.encoding),
                            (_("&Delimiter:"), self.delimiter)):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(text.replace("&", "").rstrip(":").strip())
            form.addRow(label, combo)
        form.addRow(self.error)
        self.path.textChanged.connect(self.completeChanged)
        self.reading = None  # the file being read, in the background, after Next
        self._just_read = False

    def _browse(self) -> None:
        from advocate_app.ui import file_dialogs

        chosen = file_dialogs.open_file(
            self, "members-import", _("Choose a file to import"),
            _("People files (*.csv *.txt *.tsv *.xlsx *.vcf *.vcard);;All files (*)"))
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.path.text().strip()) and self.reading is None

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Next reads the file in the background (a big one takes a while); once it is read,
        the wizard moves on by itself, or the page says why the file cannot be imported."""
        wizard: ImportWizard = self.wizard()
        options = wizard.options(dry_run=True)
        path = Path(self.path.text().strip())
        if self._just_read:  # the read below has finished: on to the columns
            self._just_read = False
            return True
        if self.reading is None:
            self._read(path, options)
        return False

    def _read(self, path: Path, options: ImportOptions) -> None:
        wizard: ImportWizard = self.wizard()
        wizard.table = None

        def done(table) -> None:
            self.reading = None
            wizard.table = table
            self._just_read = True
            self.error.setVisible(False)
            self.completeChanged.emit()
            wizard.next()

        def failed(error: Exception) -> None:
            self.reading = None
            self.completeChanged.emit()
            self.error.setText(str(error) if isinstance(error, UnreadableFileError) else _(
                "The import stopped because of an unexpected problem ({problem}); nothing "
                "was changed.").format(problem=error))
            self.error.setVisible(True)
            self.error.setFocus()

        self.reading = run_in_background(
            self, lambda _progress, _cancelled: read_member_file(path, options),
            on_done=done, on_error=failed)
        self.completeChanged.emit()


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(_("Check the columns"))
        self.setSubTitle(_("Say what each column of the file holds. Columns set to “Not "
                           "imported” are left out. Advocate remembers your choices for files "
                           "with the same columns."))
        self.grid = QTableWidget(0, 3)
        self.grid.setAccessibleName(_("Columns of the file"))
        self.grid.setHorizontalHeaderLabels([_("Column in the file"), _("Holds"),
                                             _("First values")])
        self.grid.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.summary)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: ImportWizard = self.wizard()
        table = wizard.table
        mapping = wizard.remembered_mapping(table.headers) or guess_mapping(table.headers)
        labels = target_labels()
        self.grid.setRowCount(len(table.headers))
        self.combos = []
        for index, header in enumerate(table.headers):
            name = QTableWidgetItem(header)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.grid.setItem(index, 0, name)
            combo = QComboBox()
            combo.addItem(_("Not imported"), "")
            for target in TARGETS:
                combo.addItem(labels[target], target)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(index, ""))))
            combo.setAccessibleName(_("What the column “{column}” holds").format(column=header))
            self.grid.setCellWidget(index, 1, combo)
            self.combos.append(combo)
            samples = [row[index] for row in table.rows[:SAMPLE_ROWS]
                       if index < len(row) and row[index].strip()]
            sample = QTableWidgetItem(" · ".join(s.replace("\n", " ") for s in samples))
            sample.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.grid.setItem(index, 2, sample)
        self.grid.resizeColumnToContents(0)
        self.grid.setColumnWidth(1, 260)
        self.summary.setText(ngettext("{n} row found ({format}).", "{n} rows found ({format}).",
                                      len(table.rows)).format(n=format_number(len(table.rows)),
                                                              format=table.format.upper()))

    def mapping(self) -> dict[int, str] | None:
        if not self.combos:
            return None
        return {i: combo.currentData() for i, combo in enumerate(self.combos)
                if combo.currentData()}

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        wizard: ImportWizard = self.wizard()
        wizard.remember_mapping(wizard.table.headers, self.mapping() or {})
        return True


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(_("Import"))
        self.setSubTitle(_("Decide what happens to people who are already here, check the "
                           "file, then import. Everything is saved in one go, or nothing is."))
        self._buttons = QButtonGroup(self)
        choices = QVBoxLayout()
        for value, text in ((OnDuplicate.SKIP, _("&Skip them (keep what is here)")),
                            (OnDuplicate.MERGE,
                             _("&Merge: fill in what is missing here, add roles and tags")),
                            (OnDuplicate.CREATE, _("Create &new members anyway"))):
            button = QRadioButton(text)
            button.setProperty("choice", value.value)
            self._buttons.addButton(button)
            choices.addWidget(button)
        self._buttons.buttons()[0].setChecked(True)
        self.check_button = QPushButton(_("&Check without importing"))
        self.import_button = QPushButton(_("&Import now"))
        self.cancel_button = QPushButton(_("Ca&ncel import"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Import progress"))
        self.progress.setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(_("Import report"))
        buttons = QHBoxLayout()
        for button in (self.check_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(self.cancel)
        self.task = None
        self.imported = False

    def on_duplicate(self) -> OnDuplicate:
        checked = self._buttons.checkedButton()
        return OnDuplicate(checked.property("choice")) if checked else OnDuplicate.SKIP

    def start(self, *, dry_run: bool) -> None:
        wizard: ImportWizard = self.wizard()
        options = wizard.options(dry_run=dry_run)
        path = Path(wizard.file_page.path.text().strip())
        services = wizard.services
        self._busy(True)
        self.report.setPlainText(_("Checking…") if dry_run else _("Importing…"))

        def work(progress, should_cancel):
            # Worker processes are spawned: forking while Qt's threads run is not safe.
            return import_members(services.uow, services.actor, path, options, progress,
                                  should_cancel, processes=ProcessStart.SPAWN)

        self.task = run_in_background(self, work, on_done=self._done, on_error=self._failed,
                                      on_progress=self._progress)
        # The result can arrive before the thread has quite ended; ask again when it has.
        self.task.finished.connect(self.completeChanged)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, report) -> None:
        wizard: ImportWizard = self.wizard()
        wizard.report = report
        self.report.setPlainText("\n".join(report.lines()))
        self.imported = self.imported or not report.dry_run
        self._busy(False)
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ImportCancelled):
            text = _("Import cancelled; nothing was changed.")
        elif isinstance(error, UnreadableFileError):
            text = str(error)
        else:
            text = _("The import stopped because of an unexpected problem ({problem}); nothing "
                     "was changed.").format(problem=error)
        self.report.setPlainText(text)
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.check_button.setEnabled(not busy and not self.imported)
        self.import_button.setEnabled(not busy and not self.imported)
        self.cancel_button.setEnabled(busy)
        for button in self._buttons.buttons():
            button.setEnabled(not busy and not self.imported)
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.imported and (self.task is None or not self.task.is_running())
