"""File dialogs start in Documents, remember the last folder per kind of file, and speak the
interface's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from advocate_app.i18n import install_language
from advocate_app.ui import file_dialogs, prompts
from advocate_app.ui.application import install_qt_translations


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """A Documents folder of the person's, as the desktop names it."""
    folder = tmp_path / "My documents"
    folder.mkdir()
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{folder}"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return folder


@pytest.fixture
def shown(monkeypatch):
    """Each dialog that would be shown, and the answer the person gives."""
    seen: list[dict] = []
    answers: list[str] = []

    def run(dialog: QFileDialog) -> bool:
        seen.append({"folder": dialog.directory().absolutePath(), "dialog": dialog,
                     "native": not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)})
        if not answers:
            return False
        dialog.selectFile(answers.pop(0))
        return True

    monkeypatch.setattr(file_dialogs, "_run", run)
    return seen, answers


@pytest.fixture
def settings_file(tmp_path):
    path = tmp_path / "settings.ini"
    file_dialogs.use_settings(path)
    yield path
    file_dialogs.use_settings(None)


def test_the_first_dialog_opens_in_documents(qapp, documents, shown, settings_file):
    seen, _answers = shown
    assert prompts.save_file(None, "Save as PDF", "leaflet.pdf", "PDF document (*.pdf)",
                             "outreach-pdf") is None
    assert seen[0]["folder"] == str(documents)


def test_each_kind_of_file_remembers_its_own_folder(qapp, tmp_path, documents, shown,
                                                    settings_file):
    seen, answers = shown
    leaflets = tmp_path / "leaflets"
    leaflets.mkdir()
    answers.append(str(leaflets / "welcome.pdf"))
    chosen = prompts.save_file(None, "Save as PDF", "welcome.pdf", "PDF document (*.pdf)",
                               "outreach-pdf")
    assert chosen == str(leaflets / "welcome.pdf")

    prompts.save_file(None, "Save as PDF", "spring.pdf", "PDF document (*.pdf)", "outreach-pdf")
    prompts.save_file(None, "Export minutes", "board.pdf", "PDF document (*.pdf)", "minutes")
    assert seen[1]["folder"] == str(leaflets)
    assert seen[2]["folder"] == str(documents)  # another kind of file: not that folder
    stored = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert stored.value("folders/outreach-pdf") == str(leaflets)  # kept in settings.ini


def test_a_folder_that_has_gone_is_forgotten(qapp, tmp_path, documents, shown, settings_file):
    seen, answers = shown
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    answers.append(str(gone / "members.csv"))
    file_dialogs.open_file(None, "members-import", "Import", "CSV (*.csv)")
    gone.rmdir()
    file_dialogs.open_file(None, "members-import", "Import", "CSV (*.csv)")
    assert seen[1]["folder"] == str(documents)


def test_qts_own_dialog_speaks_the_interface_language(qapp, tmp_path, documents, shown,
                                                      settings_file, monkeypatch):
    seen, _answers = shown
    monkeypatch.setenv("LANGUAGE", "en_GB")
    install_language("fr", tmp_path)
    translator = install_qt_translations(QApplication.instance(), "fr")
    try:
        file_dialogs.open_file(None, "outreach-json", "Importer", "JSON (*.json)")
        assert not seen[0]["native"]
        dialog = seen[0]["dialog"]
        texts = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
        assert "Annuler" in texts
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        install_qt_translations(QApplication.instance(), "en")
    install_language("en")
    monkeypatch.setenv("LANGUAGE", "en_GB")
    file_dialogs.open_file(None, "outreach-json", "Import", "JSON (*.json)")
    assert seen[1]["native"]  # the system's own dialog when it speaks the same language


def test_every_file_dialog_in_the_app_goes_through_the_helper():
    from pathlib import Path

    import advocate_app.ui as ui

    root = Path(ui.__file__).parent
    direct = [str(path.relative_to(root)) for path in root.rglob("*.py")
              if path.name != "file_dialogs.py" and "QFileDialog" in path.read_text("utf-8")]
    assert not direct, f"use advocate_app.ui.file_dialogs instead of QFileDialog in {direct}"
