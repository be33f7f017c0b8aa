"""Someone else saved the record I was editing: both versions side by side, and a choice.

One dialog for every editor. It lists the fields that differ (mine and theirs, whole and
wrapped) and offers: keep mine (saved over theirs, as the newest version), take theirs (mine
dropped, theirs shown), or go back to editing. Editors call :func:`settle` (or :func:`choose_version`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from advocate_app.domain.edit_conflicts import (
    Choice,
    FieldDifference,
    as_text,
    block_differences,
    clashes,
    differences,
    merged,
)
from advocate_app.i18n import _
from advocate_app.services.errors import ConcurrentEditError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.record_lists import records_table, whole_rows_model
from advocate_app.ui.models.rows import Row
from advocate_app.ui.widgets.screen import fit_to_screen


class EditConflictDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, message: str,
                 found: Sequence[FieldDifference]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.choice: Choice | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(message + "\n" + (
            _("Where your values and theirs differ:") if found else
            _("Their version and yours hold the same values.")))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = whole_rows_model([_("Field"), _("Yours"), _("Theirs")], self)
        self.model.set_rows([Row(index, (d.label, d.mine, d.theirs))
                             for index, d in enumerate(found)])
        self.table = records_table(self.model, _("Your values and theirs"), main=(1, 2))
        layout.addWidget(self.table, 1)
        self.table.setVisible(bool(found))
        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton(_("&Keep mine (save over theirs)"))
        self.take_theirs = QPushButton(_("&Take theirs (drop mine)"))
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs, QDialogButtonBox.ButtonRole.AcceptRole)
        back = buttons.addButton(_("&Go back to editing"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine.clicked.connect(lambda: self._chosen(Choice.MINE))
        self.take_theirs.clicked.connect(lambda: self._chosen(Choice.THEIRS))
        back.clicked.connect(self.reject)
        self.take_theirs.setDefault(True)
        layout.addWidget(buttons)
        fit_to_screen(self, max(640, self.fontMetrics().averageCharWidth() * 90), 420)

    def _chosen(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def choose_version(parent: QWidget | None, title: str, message: str,
                   found: Sequence[FieldDifference]) -> Choice | None:
    """Show both versions; the person's choice, or None to go back to editing."""
    dialog = EditConflictDialog(parent, title, message, found)
    if not prompts.run_modal(dialog):
        return None
    return dialog.choice


def settle(parent: QWidget | None, title: str, error: ConcurrentEditError, mine: object,
           as_mine: Callable[[Any], object], labels: Mapping[str, str]) -> Choice | None:
    """An editor's save was refused (``error``): show ``mine`` (the editor's input) beside
    the stored record made the same kind of input by ``as_mine``, the fields of ``labels``
    that differ, and return the choice."""
    found = (differences(mine, as_mine(error.theirs), labels)
             if error.theirs is not None else [])
    return choose_version(parent, title, str(error), found)


def settle_edits(parent: QWidget | None, title: str, error: ConcurrentEditError, base: Any,
                 mine: Any, as_mine: Callable[[Any], Any], labels: Mapping[str, str]
                 ) -> tuple[Choice | None, Any]:
    """Like :func:`settle`, knowing ``base``, the editor's values when it opened (the same
    kind of input as ``mine``): only the fields the person changed that someone else also
    changed are shown, and none means no question (Choice.MINE at once). Returns the choice
    and what to save for MINE: ``mine`` with the fields the person did not touch taken from
    the stored record, so their changes survive beside mine."""
    if error.theirs is None or base is None:
        return settle(parent, title, error, mine, as_mine, labels), mine
    theirs = as_mine(error.theirs)
    both = clashes(base, mine, theirs, labels)
    to_save = merged(base, mine, theirs, labels)
    if not both:
        return Choice.MINE, to_save
    shown = differences(mine, theirs, {name: labels[name] for name in both})
    return choose_version(parent, title, str(error), shown), to_save


def item_differences(mine: Any, theirs: Any) -> list[FieldDifference]:
    """Two versions of an outreach item: the details, then block by block."""
    return differences(mine, theirs, {
        "title": _("Title"), "kind": _("Kind"), "language": _("Language"),
        "audience": _("Audience"), "group": _("Group"), "easy_read": _("Easy Read")},
    ) + block_differences(mine.blocks, theirs.blocks, lambda n: _("Block {n}").format(n=n))


def keep_mine(parent: QWidget | None, title: str, error: ConcurrentEditError,
              mine: Mapping[str, Any]) -> int | None:
    """A change of a few fields (``mine``: attribute -> my value) was refused: both side by
    side; the version to save mine over theirs, or None when theirs is kept (and at once,
    without asking, when theirs already holds my values)."""
    labels = {"status": _("Status"), "evidence": _("Evidence"),
              "attendance": _("Attendance")}
    theirs = {name: getattr(error.theirs, name, None) for name in mine}
    found = [FieldDifference(labels.get(name, name), as_text(value), as_text(theirs[name]))
             for name, value in mine.items() if as_text(value) != as_text(theirs[name])]
    if not found:  # they saved the very change I meant: it is done, nothing to choose
        return None
    choice = choose_version(parent, title, str(error), found)
    return error.version if choice is Choice.MINE else None


def settle_editor(editor: QDialog, choice: Choice | None, merged: Any, their_version: int
                  ) -> None:
    """Carry out the person's choice in an editor that keeps the ``version`` it started from
    and saves with ``save(merged)``: mine is saved over theirs (as from ``their_version``),
    theirs closes the editor, None goes back to editing."""
    if choice is Choice.MINE:
        started_from = editor.version
        editor.version = their_version
        editor.save(merged)
        if editor.result() != QDialog.DialogCode.Accepted:
            # Not saved (a problem to put right): the next save starts from where the form
            # started, so their changes are taken again, not overwritten.
            editor.version = started_from
    elif choice is Choice.THEIRS:
        editor.reject()
