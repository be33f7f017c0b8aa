"""Every file and folder the person chooses goes through here.

A file dialog opens in the person's Documents folder the first time, then in the folder they
last used for that kind of file (members import, members export, outreach PDF, minutes,
calendar …), remembered in settings.ini. When the interface speaks another language than the
system, Qt's own dialog is used, so that it speaks the interface's language too.

A file or folder chosen to write into is checked by the same rule as the command line's
(``services.output_refusal``: never inside the data folder, never over the database): the
sentence is shown and the dialog opens again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from advocate_app.i18n import current_language

_settings_file: Path | None = None
#: The sentence refusing a path to write into, or None (``services.output_refusal``), and
#: how it is said (``prompts.error``: parent, title, text).
_output_refusal: Callable[[str], str | None] | None = None
_tell: Callable[[QWidget | None, str, str], None] | None = None


def use_settings(path: Path | None) -> None:
    """Remember folders in this settings.ini (the main window calls this once)."""
    global _settings_file
    _settings_file = Path(path) if path is not None else None


def use_output_check(refusal: Callable[[str], str | None] | None,
                     tell: Callable[[QWidget | None, str, str], None] | None = None) -> None:
    """Check every file and folder chosen to write into with ``refusal``, saying a refusal
    with ``tell(parent, title, sentence)`` (the main window calls this once, with
    ``services.output_refusal`` and ``prompts.error``)."""
    global _output_refusal, _tell
    _output_refusal, _tell = refusal, tell


def _refused(parent: QWidget | None, title: str, chosen: str | None) -> bool:
    """Whether ``chosen`` may not be written into (the person has been told why)."""
    if chosen is None or _output_refusal is None:
        return False
    refused = _output_refusal(chosen)
    if not refused:
        return False
    if _tell is not None:
        _tell(parent, title, refused)
    return True


def documents_folder() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return found
    return str(Path.home())


def _settings() -> QSettings | None:
    if _settings_file is None:
        return None
    return QSettings(str(_settings_file), QSettings.Format.IniFormat)


def start_folder(kind: str) -> str:
    """Where the dialog for ``kind`` opens: the folder last used for it, or Documents."""
    settings = _settings()
    if settings is not None:
        remembered = settings.value(f"folders/{kind}")
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return remembered
    return documents_folder()


def remember(kind: str, chosen: str) -> None:
    settings = _settings()
    if settings is None or not chosen:
        return
    path = Path(chosen)
    settings.setValue(f"folders/{kind}", str(path if path.is_dir() else path.parent))
    settings.sync()


def _speaks_system_language() -> bool:
    from advocate_app.i18n.catalogs import normalise, system_language

    return normalise(system_language()).split("_")[0] == current_language().split("_")[0]


def _dialog(parent: QWidget | None, title: str, kind: str, start: str = "") -> QFileDialog:
    folder = start if start and Path(start).is_dir() else start_folder(kind)
    dialog = QFileDialog(parent, title, folder)
    if not _speaks_system_language():
        # The system's dialog speaks the system's language; Qt's speaks the interface's.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return dialog


def _run(dialog: QFileDialog) -> bool:
    """Show the dialog and wait (tests replace this)."""
    return bool(dialog.exec())


def _chosen(dialog: QFileDialog, kind: str) -> str | None:
    accepted = _run(dialog)
    files = dialog.selectedFiles() if accepted else []
    dialog.deleteLater()  # a closed dialog kept by its window would stay all day
    if not accepted:
        return None
    if not files or not files[0]:
        return None
    remember(kind, files[0])
    return files[0]


def save_file(parent: QWidget | None, kind: str, title: str, suggested: str,
              filters: str) -> str | None:
    """A path to save a ``kind`` of file to; None if the person cancels. A path among
    Advocate's own files is refused with one sentence and the dialog opens again."""
    while True:
        chosen = _save_file(parent, kind, title, suggested, filters)
        if not _refused(parent, title, chosen):
            return chosen


def _save_file(parent: QWidget | None, kind: str, title: str, suggested: str,
               filters: str) -> str | None:
    dialog = _dialog(parent, title, kind)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters(filters.split(";;") if filters else [])
    if suggested:
        dialog.selectFile(str(Path(dialog.directory().absolutePath()) / Path(suggested).name))
        suffix = Path(suggested).suffix.lstrip(".")
        if suffix:
            dialog.setDefaultSuffix(suffix)
    return _chosen(dialog, kind)


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> str | None:
    """An existing ``kind`` of file to read; None if the person cancels."""
    dialog = _dialog(parent, title, kind)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(filters.split(";;") if filters else [])
    return _chosen(dialog, kind)


def choose_folder(parent: QWidget | None, kind: str, title: str,
                  start: str = "") -> str | None:
    """A folder to write a ``kind`` of files into (``start``, when it exists, is where the
    dialog opens); None if the person cancels. A folder among Advocate's own files is refused
    with one sentence and the dialog opens again."""
    while True:
        chosen = _choose_folder(parent, kind, title, start)
        if not _refused(parent, title, chosen):
            return chosen


def _choose_folder(parent: QWidget | None, kind: str, title: str, start: str) -> str | None:
    dialog = _dialog(parent, title, kind, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog, kind)
