"""The import wizard, driven as a person would: file, columns, check, import."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from advocate_app.domain.member_views import MemberQuery
from advocate_app.ui.dialogs.import_wizard import ImportWizard

CSV = ("Prénom;Nom;Courriel;Commentaire interne\n"
       "Hélène;Lefèvre;helene@example.fr;à rappeler\n"
       "Kwame;Mensah;kwame@example.org;\n"
       "Acme Pharma SARL;;contact@acme.example;\n")


@pytest.fixture
def wizard(qtbot, services, app_paths):
    widget = ImportWizard(services, app_paths.settings_file)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _to_columns(qtbot, wizard, path):
    wizard.file_page.path.setText(str(path))
    wizard.next()  # the file is read in the background; then the wizard moves on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=20_000)


def test_a_whole_import(qtbot, wizard, services, tmp_path):
    path = tmp_path / "adherents.csv"
    path.write_bytes(CSV.encode("cp1252"))
    _to_columns(qtbot, wizard, path)
    page = wizard.columns_page
    holds = [combo.currentData() for combo in page.combos]
    assert holds == ["given_name", "family_name", "email", ""]
    assert "3 rows found" in page.summary.text()
    page.combos[3].setCurrentIndex(page.combos[3].findData("notes"))
    wizard.next()
    run = wizard.run_page
    run.check_button.click()
    qtbot.waitUntil(lambda: run.check_button.isEnabled(), timeout=20_000)
    assert "Trial run" in run.report.toPlainText()
    assert "2 members would be created" in run.report.toPlainText()
    assert "members created" not in run.report.toPlainText()
    assert services.members.count(MemberQuery()) == 0
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    run.import_button.click()
    qtbot.waitUntil(lambda: run.imported and not run.task.is_running(), timeout=20_000)
    assert "2 members created" in run.report.toPlainText()
    assert "organisation" in run.report.toPlainText()
    assert services.members.count(MemberQuery()) == 2
    assert services.members.search("lefevre")[0].display_name == "Hélène Lefèvre"
    # Finish becomes available once the background thread has ended.
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.FinishButton).isEnabled(),
                    timeout=5_000)
    assert not run.import_button.isEnabled()  # no second import by accident


def test_the_column_choices_are_remembered(qtbot, services, app_paths, tmp_path):
    path = tmp_path / "adherents.csv"
    path.write_bytes(CSV.encode("cp1252"))
    first = ImportWizard(services, app_paths.settings_file)
    qtbot.addWidget(first)
    first.show()
    _to_columns(qtbot, first, path)
    first.columns_page.combos[3].setCurrentIndex(first.columns_page.combos[3].findData("notes"))
    first.next()
    second = ImportWizard(services, app_paths.settings_file)
    qtbot.addWidget(second)
    second.show()
    _to_columns(qtbot, second, path)
    assert second.columns_page.combos[3].currentData() == "notes"


def test_an_unreadable_file_is_explained_on_the_first_page(qtbot, wizard, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    wizard.file_page.path.setText(str(path))
    wizard.next()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # while the file is read
    qtbot.waitUntil(lambda: wizard.file_page.error.isVisible(), timeout=20_000)
    assert wizard.currentPage() is wizard.file_page
    assert "nothing was imported" in wizard.file_page.error.text()
    assert next_button.isEnabled()  # a corrected file can be tried at once


def test_a_big_file_is_read_while_the_window_keeps_answering(qtbot, wizard, tmp_path,
                                                             monkeypatch):
    """Reading the file happens off the window's thread: Next returns at once."""
    import threading

    from advocate_app.ui.dialogs import import_wizard

    path = tmp_path / "adherents.csv"
    path.write_bytes(CSV.encode("cp1252"))
    may_finish = threading.Event()
    real_read = import_wizard.read_member_file

    def slow_read(*args):
        assert may_finish.wait(10)
        return real_read(*args)

    monkeypatch.setattr(import_wizard, "read_member_file", slow_read)
    wizard.file_page.path.setText(str(path))
    wizard.next()  # would not return until the read ended if it ran on this thread
    assert wizard.currentPage() is wizard.file_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    may_finish.set()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=20_000)
    assert "3 rows found" in wizard.columns_page.summary.text()


def test_cancelling_a_running_import_changes_nothing(qtbot, wizard, services, tmp_path,
                                                      monkeypatch):
    from advocate_app.services import member_import

    rows = "\n".join(f"Person{i};Family{i};p{i}@example.org;" for i in range(3000))
    path = tmp_path / "many.csv"
    path.write_text("Prénom;Nom;Courriel;Note\n" + rows + "\n", encoding="utf-8")
    monkeypatch.setattr(member_import, "PROGRESS_EVERY", 1)
    _to_columns(qtbot, wizard, path)
    wizard.next()
    run = wizard.run_page
    run.import_button.click()
    run.cancel()
    qtbot.waitUntil(lambda: run.check_button.isEnabled() or run.imported, timeout=20_000)
    assert "cancelled" in run.report.toPlainText()
    assert services.members.count(MemberQuery()) == 0


def test_a_big_file_from_the_window_is_read_by_spawned_workers(qtbot, wizard, services,
                                                               tmp_path, monkeypatch):
    """Forking while Qt's threads run is not safe: the wizard asks for spawned processes."""
    import multiprocessing

    from advocate_app.services import member_import_workers

    started = []
    real_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda method=None: started.append(method) or real_context(method))
    monkeypatch.setattr(member_import_workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(member_import_workers.os, "cpu_count", lambda: 2)
    path = tmp_path / "adherents.csv"
    path.write_bytes(CSV.encode("cp1252"))
    _to_columns(qtbot, wizard, path)
    wizard.next()
    run = wizard.run_page
    run.import_button.click()
    qtbot.waitUntil(lambda: run.imported and not run.task.is_running(), timeout=60_000)
    assert started == ["spawn"]
    assert "2 members created" in run.report.toPlainText()
    assert services.members.search("lefevre")[0].display_name == "Hélène Lefèvre"
