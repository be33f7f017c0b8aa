"""Minute-taking's autosave: the notes of the item being minuted are saved twice a second
whenever they changed, each save a small committed write, so that killing the app or losing
power loses at most the last second of typing.

A busy database is tried again at the next tick; a refusal (the minutes can no longer be
changed) is said on the status line.

Each save starts from the item's version the notes were typed on. When another secretary
saved the same item's notes in between, nothing is overwritten: both texts are shown and the
secretary chooses (keep mine, take theirs, or go on typing and be asked at the next save).
When only the item's timer moved (its notes are still those typed on), the save goes ahead.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QStatusBar

from advocate_app.domain.board_views import ItemNotes
from advocate_app.i18n import _
from advocate_app.services.errors import ConcurrentEditError, ServiceError

log = logging.getLogger(__name__)

SAVE_INTERVAL_MS = 500


class NotesAutosave(QObject):
    """Keeps what ``notes`` shows saved through ``save(item_id, text)`` for the agenda item
    ``current_item()``, saying each save on ``status``."""

    def __init__(self, notes: QPlainTextEdit, status: QStatusBar,
                 save: Callable[[int, str, int | None], int],
                 current_item: Callable[[], int | None], parent: QObject | None = None,
                 stored: Callable[[int], ItemNotes] | None = None):
        super().__init__(parent)
        self._stored = stored  # reads an item's notes as saved (see refresh)
        self._notes = notes
        self._status = status
        self._save = save
        self._current_item = current_item
        self._dirty = False
        #: The item's version and notes the typing started from (None: not known, no check).
        self._version: int | None = None
        self._based_on = ""
        self._asking = False  # the two versions are on screen: no save meanwhile
        self.saves = 0  # committed autosaves (the status line shows when the last was)
        notes.textChanged.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setInterval(SAVE_INTERVAL_MS)
        self.timer.timeout.connect(self.save_now)

    def _changed(self) -> None:
        self._dirty = True

    def show_notes(self, text: str, version: int | None = None) -> None:
        """Show an item's saved notes (at ``version``), the cursor at their end, with nothing
        left to save."""
        self._notes.blockSignals(True)
        self._notes.setPlainText(text)
        self._notes.blockSignals(False)
        self._notes.moveCursor(QTextCursor.MoveOperation.End)
        self._dirty = False
        self._version, self._based_on = version, text

    def refresh(self) -> None:
        """Show the notes as saved by someone else (another secretary minuting the same
        meeting), unless something typed here is waiting to be saved."""
        item_id = self._current_item()
        if self._stored is None or item_id is None or self._dirty or self._asking:
            return
        stored = self._stored(item_id)
        if stored.version != self._version and stored.notes != self._notes.toPlainText():
            self.show_notes(stored.notes, stored.version)
            self._status.showMessage(_("Notes saved by someone else are shown."))
        else:  # the same words (their save moved the item's timer): save on from theirs
            self._version, self._based_on = stored.version, stored.notes

    def save_now(self) -> None:
        """Save the current item's notes if they changed (the timer calls this)."""
        item_id = self._current_item()
        if not self._dirty or item_id is None or self._asking:
            return
        text = self._notes.toPlainText()
        try:
            self._version = self._save(item_id, text, self._version)
            self._based_on = text
        except ConcurrentEditError as exc:
            self._someone_else_saved(exc, text)
            return
        except ServiceError as exc:
            self._status.showMessage(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 (a busy database: try again at the next tick)
            # Where it failed, never the message: a database error quotes the notes saved.
            log.error("Saving the notes failed (%s); trying again\n%s", type(exc).__name__,
                      "".join(traceback.format_tb(exc.__traceback__)).rstrip())
            self._status.showMessage(_("Not saved yet: trying again…"))
            return
        self._dirty = self._notes.toPlainText() != text
        self.saves += 1
        from advocate_app.i18n.formatting import format_time

        self._status.showMessage(_("Saved at {time}").format(
            time=format_time(datetime.now(), seconds=True)))

    def _someone_else_saved(self, error: ConcurrentEditError, mine: str) -> None:
        from advocate_app.domain.edit_conflicts import Choice, FieldDifference
        from advocate_app.ui.dialogs.edit_conflict import choose_version

        theirs = error.theirs
        if theirs is None or getattr(theirs, "notes", None) == self._based_on:
            # Their save left the notes as mine started from (the item's timer moved).
            self._version = error.version
            self.save_now()
            return
        self._asking = True
        try:
            choice = choose_version(self._notes.window(), _("Minutes notes"), str(error),
                                    [FieldDifference(_("Notes"), mine, theirs.notes)])
        finally:
            self._asking = False
        if choice is Choice.MINE:
            self._version, self._based_on = error.version, theirs.notes
            self.save_now()
        elif choice is Choice.THEIRS:
            self.show_notes(theirs.notes, error.version)
        else:  # go on typing: asked again at the next save after a change
            self._dirty = False
