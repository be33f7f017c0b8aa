"""Every question and message box the app shows goes through here.

Tests replace these functions (``monkeypatch.setattr(prompts, "confirm", ...)``) so that no test
ever blocks on a real dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def run_modal(dialog: QDialog) -> bool:
    """Show ``dialog`` until it is closed; True if it was accepted. The closed dialog is let go
    once control returns to the window's event loop (its values can still be read until then):
    kept, every dialog opened in a day's work would stay in memory with its parent."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


def confirm(parent: QWidget | None, title: str, text: str, *, destructive_label: str) -> bool:
    """Ask a yes/no question whose "yes" button says what will happen."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes = box.addButton(destructive_label, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    answer = box.clickedButton() is yes
    box.deleteLater()
    return answer


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


#: A typed answer's field is wide enough to read a sentence (in average characters).
ANSWER_CHARACTERS = 70


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text from the user; None if they cancel. The box is wide enough to read a
    sentence as it is typed, and to show its whole title."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    metrics = dialog.fontMetrics()
    title_width = metrics.horizontalAdvance(title) + 160  # the title bar's buttons
    field = dialog.findChild(QLineEdit)  # the dialog sizes itself to its field
    field.setMinimumWidth(min(max(metrics.averageCharWidth() * ANSWER_CHARACTERS, title_width),
                              dialog.screen().availableGeometry().width() - 80))
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()
    return value.strip() if accepted else None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str,
              kind: str = "files") -> str | None:
    """A path to save to; None if the user cancels. The dialog opens in the folder last
    used for this ``kind`` of file (Documents the first time)."""
    from advocate_app.ui import file_dialogs

    return file_dialogs.save_file(parent, kind, title, suggested, filters)


def choose(parent: QWidget | None, title: str, label: str, options: list[str]) -> int | None:
    """The index of the option the user picks from a list; None if they cancel."""
    value, accepted = QInputDialog.getItem(parent, title, label, options, 0, False)
    return options.index(value) if accepted and value in options else None
