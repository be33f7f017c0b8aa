"""A three-hour board meeting in the real minute-taking window, with its clocks sped up.

The secretary types all through the meeting and moves through the agenda; the autosave and the
item clocks run as they do for real, only faster (their intervals shortened, the meeting clock
advanced by one simulated second each step). The window must live through it, keep every word,
and neither leak references to ``None`` (see test_qt_refcount.py) nor grow without bound.
"""

from __future__ import annotations

import resource
import sys
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.governance import BoardRole
from advocate_app.domain.member_views import MemberInput

MEETING_SECONDS = 3 * 60 * 60
ITEMS = 6  # half an hour each
WORDS = ("the", "board", "agreed", "to", "ask", "members", "about", "travel", "costs", "and",
         "the", "study", "visits", "next", "spring")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _let_go_of_garbage() -> None:
    """Delete the widgets waiting for deletion and collect cycles: freeing what holds ``None``
    is an honest decrement, which must not be mistaken for Qt dropping references."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.mark.slow
def test_a_three_hour_meeting_keeps_every_word(qtbot, main_window, services, monkeypatch):
    from advocate_app.ui.dialogs import live_minutes

    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    for given, family, role in (("Amina", "Haddad", BoardRole.CHAIR),
                                ("Sean", "Murphy", BoardRole.SECRETARY),
                                ("Priya", "Sharma", BoardRole.MEMBER)):
        member_id = services.members.create(MemberInput(given_name=given, family_name=family)).id
        boards.set_membership(board_id, member_id, role)
    meeting_id = services.meetings.schedule_meeting(
        MeetingInput(board_id, "Annual meeting", datetime(2026, 3, 10, 10, 0), duration_minutes=180),
        [AgendaInput(f"Item {n}", "Chair", 30) for n in range(1, ITEMS + 1)])

    clock = [1000.0]
    monkeypatch.setattr(live_minutes.time, "monotonic", lambda: clock[0])
    window = main_window.open_live_minutes(meeting_id)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    # The real timers, sped up: autosave and clocks fire every few milliseconds.
    window.autosave.timer.setInterval(2)
    window._tick.setInterval(4)

    typed = {n: [] for n in range(ITEMS)}
    _let_go_of_garbage()  # what earlier tests left, freed now, is not counted as lost
    none_before = sys.getrefcount(None)
    rss_before = _rss_mb()
    item = 0
    for second in range(MEETING_SECONDS):
        clock[0] += 1.0
        if second and second % (MEETING_SECONDS // ITEMS) == 0:
            QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
            item += 1
        # About a word every three seconds, typed a character at a time.
        if second % 3 == 0:
            word = WORDS[(second // 3) % len(WORDS)] + " "
            QTest.keyClicks(window.notes, word)
            typed[item].append(word)
        if second % 8 == 0:
            QTest.qWait(3)  # let the sped-up timers fire
    window.save_now()

    assert window.isVisible()
    assert window.item_heading.text() == f"Item {ITEMS}"
    saved = [i.notes for i in services.meetings.get_meeting(meeting_id).agenda]
    assert saved == ["".join(words) for words in typed.values()]
    assert window.autosave.saves > 100  # the autosave ran all through, not only at the end
    _let_go_of_garbage()
    lost = none_before - sys.getrefcount(None)
    assert abs(lost) < 2000, f"{lost} references to None lost over the meeting"
    grown = _rss_mb() - rss_before
    print(f"three-hour meeting: {window.autosave.saves} autosaves, references to None {-lost:+d}, "
          f"peak memory +{grown:.0f} MB")
    assert grown < 150
