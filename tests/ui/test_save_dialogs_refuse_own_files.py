"""Every file the window writes is chosen through one dialog that refuses Advocate's data
folder and its database with the sentence the command line says, then asks again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from advocate_app.app import main
from advocate_app.ui import file_dialogs, prompts


@pytest.fixture
def answers(monkeypatch):
    """The paths the person picks, in turn; then they cancel."""
    picked: list[str] = []

    def run(dialog: QFileDialog) -> bool:
        if not picked:
            return False
        dialog.selectFile(picked.pop(0))
        return True

    monkeypatch.setattr(file_dialogs, "_run", run)
    return picked


@pytest.fixture
def errors(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _parent, _title, text: said.append(text))
    return said


def test_a_report_saved_into_the_data_folder_is_refused_with_the_cli_sentence(
        qtbot, main_window, answers, errors, tmp_path, capsys):
    data_dir = main_window.services.paths.data_dir
    inside = data_dir / "logs" / "report.pdf"
    elsewhere = tmp_path / "elsewhere" / "report.pdf"
    elsewhere.parent.mkdir()
    answers.extend([str(inside), str(elsewhere)])

    chosen = prompts.save_file(main_window, "Save as PDF", "report.pdf",
                               "PDF document (*.pdf)", "outreach-pdf")

    assert chosen == str(elsewhere)  # asked again, and the second place is taken
    assert len(errors) == 1
    assert errors[0] == main_window.services.output_refusal(str(inside))
    assert "inside Advocate’s data folder" in errors[0]
    # the very sentence the command line says for the same place
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "audit", "export", "-o", str(inside)]) == 1
    assert capsys.readouterr().err.strip() == f"advocate-app: {errors[0]}"


def test_the_database_itself_and_the_data_folder_as_a_print_pack_folder_are_refused(
        qtbot, main_window, answers, errors):
    database = main_window.services.database.sqlite_file
    answers.append(str(database))
    assert prompts.save_file(main_window, "Export", "members.csv", "CSV (*.csv)") is None
    assert errors == [f"{database} is Advocate’s database; write to another file."]

    answers.append(str(main_window.services.paths.data_dir))
    assert file_dialogs.choose_folder(main_window, "print-pack", "Print pack") is None
    assert "inside Advocate’s data folder" in errors[1]
