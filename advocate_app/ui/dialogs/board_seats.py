"""The board editor's seats: saving those changed here, each from the version it was read at.

A seat not changed in the editor is not saved (a colleague's change to it stays). A seat
changed here that a colleague also changed: their changes to the fields not touched here are
kept without a question; when both changed the same field (or they removed the seat), both
are shown side by side and the person chooses (``ui/dialogs/edit_conflict.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtWidgets import QWidget

from advocate_app.domain.edit_conflicts import Choice, FieldDifference, as_text, clashes, merged
from advocate_app.domain.governance import BoardRole
from advocate_app.i18n import _
from advocate_app.services.errors import ConcurrentEditError
from advocate_app.ui.dialogs.edit_conflict import choose_version


@dataclass
class Seat:
    member_id: int
    name: str
    role: BoardRole
    term_start: date | None
    term_end: date | None
    #: The seat's version as read or last saved here (0: a seat added here).
    version: int = 0
    #: The seat as read or last saved here (None: added here), to tell what was changed.
    stored: Seat | None = None

    @classmethod
    def read(cls, view) -> Seat:
        seat = cls(view.member_id, view.name, view.role, view.term_start, view.term_end,
                   getattr(view, "version", 0))
        seat.stored = replace(seat)
        return seat

    def changed(self) -> bool:
        return self.stored is None or any(
            getattr(self, name) != getattr(self.stored, name) for name in FIELDS)


FIELDS = ("role", "term_start", "term_end")


def _labels() -> dict[str, str]:
    return {"role": _("Role"), "term_start": _("Term starts"), "term_end": _("Term ends")}


def _ask(parent: QWidget | None, error: ConcurrentEditError,
         shown: list[FieldDifference]) -> bool:
    """Both side by side; True to save mine over theirs."""
    return choose_version(parent, _("Save board"), str(error), shown) is Choice.MINE


def save_seat(parent: QWidget | None, boards, board_id: int, seat: Seat) -> bool:
    """Save one seat changed here; False when the person kept theirs (``seat`` then holds
    theirs; a seat they removed stays removed)."""
    try:
        seat.version = boards.set_membership(board_id, seat.member_id, seat.role,
                                             seat.term_start, seat.term_end, seat.version)
    except ConcurrentEditError as exc:
        theirs = exc.theirs
        labels = _labels()
        if theirs is None:  # they removed the seat meanwhile
            shown = [FieldDifference(seat.name, as_text(seat.role), _("Not on the board"))]
            if not _ask(parent, exc, shown):
                return False
            to_save = seat
        else:
            base = seat.stored if seat.stored is not None else theirs
            both = clashes(base, seat, theirs, FIELDS) if seat.stored is not None else [
                name for name in FIELDS if as_text(getattr(seat, name)) != as_text(
                    getattr(theirs, name))]
            to_save = merged(base, seat, theirs, FIELDS)
            if both:
                shown = [FieldDifference(f"{seat.name}: {labels[name]}",
                                         as_text(getattr(seat, name)),
                                         as_text(getattr(theirs, name))) for name in both]
                if not _ask(parent, exc, shown):
                    seat.role, seat.term_start, seat.term_end = (
                        theirs.role, theirs.term_start, theirs.term_end)
                    seat.version, seat.stored = theirs.version, replace(seat, stored=None)
                    return False
        seat.role, seat.term_start, seat.term_end = (to_save.role, to_save.term_start,
                                                     to_save.term_end)
        seat.version = boards.set_membership(board_id, seat.member_id, seat.role,
                                             seat.term_start, seat.term_end, exc.version)
    seat.stored = replace(seat, stored=None)
    return True


def remove_seat(parent: QWidget | None, boards, board_id: int, seat: Seat) -> bool:
    """Remove a seat read from the board; False when a colleague changed it meanwhile and
    the person kept theirs (the seat stays, as they saved it)."""
    try:
        boards.remove_membership(board_id, seat.member_id, seat.version or None)
    except ConcurrentEditError as exc:
        theirs = exc.theirs
        shown = [FieldDifference(seat.name, _("Not on the board"), "\n".join(filter(None, (
            as_text(getattr(theirs, name)) for name in FIELDS))) if theirs else "")]
        if not _ask(parent, exc, shown):
            return False
        boards.remove_membership(board_id, seat.member_id, exc.version)
    return True
