"""A window open all day keeps no dialog it has closed: every editor, picker, question and
file dialog is let go once it has been answered (kept, each stayed in memory with its page)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from advocate_app.ui import prompts


def _close_the_modal_soon(accept: bool = False) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
        elif isinstance(dialog, QMessageBox):
            dialog.reject()
        else:
            dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(20, close)


def test_a_closed_dialog_is_let_go_after_its_answer_is_read(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = QDialog(parent)
    dialog.setObjectName("kept-until-read")
    _close_the_modal_soon(accept=True)
    assert prompts.run_modal(dialog)
    assert dialog.objectName() == "kept-until-read"  # still readable by the caller
    qtbot.waitUntil(lambda: not parent.findChildren(QDialog), timeout=5_000)


def test_a_question_is_let_go_once_answered(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    _close_the_modal_soon()
    assert not prompts.confirm(parent, "Delete", "Delete it?", destructive_label="Delete")
    qtbot.waitUntil(lambda: not parent.findChildren(QMessageBox), timeout=5_000)


def test_the_webinars_page_keeps_no_closed_editor(qtbot, services):
    from advocate_app.ui.pages.webinars import WebinarsPage

    page = WebinarsPage(services)
    qtbot.addWidget(page, before_close_func=lambda w: w.wait_for_work())
    page.show()
    qtbot.waitExposed(page)
    for _ in range(3):
        _close_the_modal_soon()
        page.new_webinar()
    qtbot.waitUntil(lambda: not page.findChildren(QDialog), timeout=5_000)
