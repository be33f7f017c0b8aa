"""The passphrase of an encrypted database, asked before the window opens.

A passphrase the system keyring remembers for the file is tried first. Otherwise one dialog:
a labelled field (Enter opens), "Remember on this computer", and Cancel, which quits. A wrong
passphrase is said in the dialog, read out by screen readers, and may be typed again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.i18n import _
from advocate_app.services import encryption
from advocate_app.ui import prompts


class PassphraseDialog(QDialog):
    """Asks for the passphrase until it opens ``database_file`` or the user cancels."""

    def __init__(self, database_file: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._file = database_file
        self.key = None  # the storage key once the passphrase opened the file
        self.setWindowTitle(_("Open the encrypted database"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # room for every line
        intro = QLabel(_("This database is encrypted. Type its passphrase to open it."))
        intro.setWordWrap(True)
        intro.setMinimumWidth(self.fontMetrics().averageCharWidth() * 55)
        layout.addWidget(intro)
        where = QLabel(str(database_file))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)
        label = QLabel(_("&Passphrase:"))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(_("Passphrase"))
        label.setBuddy(self.field)
        layout.addWidget(label)
        layout.addWidget(self.field)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("passphraseProblem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.remember = QCheckBox(_("&Remember on this computer"))
        self.remember.setToolTip(_("Keep the passphrase in this computer's keyring, so the "
                                   "database opens without asking"))
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(_("&Open"))
        self.open_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self._try_open)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()

    def _try_open(self) -> None:
        passphrase = self.field.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.key = encryption.unlock(self._file, passphrase)
        except encryption.PassphraseError as exc:
            self._say(str(exc) if passphrase else _("Type the passphrase first."))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.remember.isChecked():
            encryption.remember_passphrase(self._file, passphrase)
        self.accept()

    def _say(self, sentence: str) -> None:
        """The problem shown under the field and given to the field as its description, so a
        screen reader says it when the focus comes back to the field."""
        self.problem.setText(sentence)
        self.problem.show()
        self.adjustSize()
        self.field.setAccessibleDescription(sentence)
        self.field.selectAll()
        self.field.setFocus()


def ask_for_key(database_file: Path, language: str):
    """The key of the encrypted ``database_file``: the passphrase the keyring remembers, or
    the one typed in the dialog; None when the user cancels."""
    remembered = encryption.recall_key(database_file)
    import advocate_app.ui.main_window  # noqa: F401 - loads while the keyring is read
    from advocate_app.ui.application import create_application, install_qt_translations

    key = remembered()
    if key is not None:
        return key

    app = create_application()
    app._advocate_qt_translator = install_qt_translations(app, language)
    dialog = PassphraseDialog(database_file)
    if not prompts.run_modal(dialog):
        return None
    return dialog.key
