"""The window in another language: our strings, Qt's own strings, dates and numbers."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from advocate_app.domain.member_views import MemberInput
from advocate_app.i18n import install_language
from advocate_app.ui.application import install_qt_translations


def test_the_window_in_french(qtbot, context, services, tmp_path):
    from advocate_app.ui.main_window import MainWindow
    from advocate_app.ui.settings import UiSettings

    install_language("fr", tmp_path)
    translator = install_qt_translations(QApplication.instance(), "fr")
    try:
        services.members.create(MemberInput(given_name="Zoé", family_name="Girard",
                                            country="BE", preferred_language="nl"))
        window = MainWindow(context, UiSettings(context.paths.settings_file))
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles == ["&Fichier", "É&dition", "&Affichage", "Aid&e"]
        page = window.show_section("members")
        model = page.model
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
        assert model.data(model.index(0, 4)) == "Belgique"
        assert model.data(model.index(0, 5)) == "néerlandais"
        assert page.count_label.text() == "1 membre"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        texts = {b.text().replace("&", "") for b in buttons.buttons()}
        assert texts == {"Enregistrer", "Annuler"}  # Qt's own catalog, not ours
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        install_qt_translations(QApplication.instance(), "en")


def test_command_line_help_in_french(tmp_path):
    result = subprocess.run([sys.executable, "-m", "advocate_app", "--data-dir", str(tmp_path),
                             "--lang", "fr", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert "afficher la version et quitter" in result.stdout
    assert (tmp_path / "cache" / "locale" / "fr" / "LC_MESSAGES" / "advocate_app.mo").is_file()
