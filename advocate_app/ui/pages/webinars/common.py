"""What the Webinars tabs share: how a webinar's time, places and the needs asked for read,
their buttons, and the work they hand to the background (with progress and cancel)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from advocate_app.domain.webinar_kinds import WebinarAccess
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_time


def webinar_when(starts_at: datetime, zone: str, *, two_lines: bool = False) -> str:
    """The start in the webinar's own time zone, with the zone named."""
    from advocate_app.domain.board_views import zone as time_zone

    local = starts_at.astimezone(time_zone(zone))
    pattern = _("{day}, {time}\n({zone})") if two_lines else _("{day}, {time} ({zone})")
    return pattern.format(day=format_date(local, "medium"), time=format_time(local, zone=True),
                          zone=zone)


def places_text(webinar) -> str:
    """"12 of 40 places" (or "12 registered, no limit"), and the waitlist on a line below."""
    if webinar.capacity > 0:
        text = ngettext("{n} of {capacity} place taken", "{n} of {capacity} places taken",
                        webinar.capacity).format(n=webinar.registered, capacity=webinar.capacity)
    else:
        text = ngettext("{n} registered, no limit", "{n} registered, no limit",
                        webinar.registered).format(n=webinar.registered)
    if webinar.waitlisted:
        text += "\n" + ngettext("{n} on the waitlist", "{n} on the waitlist",
                                webinar.waitlisted).format(n=webinar.waitlisted)
    return text


def _need_phrase(total, sign_language: str) -> str:
    n = total.count
    need = total.need
    if need is WebinarAccess.CAPTIONS:
        return ngettext("{n} needs captions", "{n} need captions", n).format(n=n)
    if need is WebinarAccess.SIGN_LANGUAGE:
        if sign_language:
            return ngettext("{n} needs {language} interpretation",
                            "{n} need {language} interpretation", n).format(
                n=n, language=sign_language)
        return ngettext("{n} needs sign-language interpretation",
                        "{n} need sign-language interpretation", n).format(n=n)
    if need is WebinarAccess.INTERPRETATION:
        if total.detail:
            return _("interpretation: {languages}").format(languages=total.detail)
        return ngettext("{n} needs spoken-language interpretation",
                        "{n} need spoken-language interpretation", n).format(n=n)
    if need is WebinarAccess.SLIDES_IN_ADVANCE:
        return ngettext("{n} needs the slides in advance", "{n} need the slides in advance",
                        n).format(n=n)
    if need is WebinarAccess.LARGE_PRINT:
        return ngettext("{n} needs large-print papers", "{n} need large-print papers",
                        n).format(n=n)
    if need is WebinarAccess.EASY_READ:
        return ngettext("{n} needs Easy Read papers", "{n} need Easy Read papers",
                        n).format(n=n)
    return _("{need}: {n}").format(need=need.label, n=n)


def needs_totals_text(totals, sign_language: str = "") -> str:
    """"3 need captions · 1 needs BSL interpretation · interpretation: fr 2"."""
    phrases = [_need_phrase(total, sign_language) for total in totals if total.count]
    if not phrases:
        return _("No one registered has asked for access arrangements yet.")
    return " · ".join(phrases)


def minutes_text(minutes: int) -> str:
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


def button(text: str, slot, name: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    widget.clicked.connect(slot)
    return widget


def reading_label(text: str = "") -> QLabel:
    """A label a keyboard user can reach and a screen reader reads (its name is its text)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                  | Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(text)
    return label


def set_reading(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleName(text)


class Work(QObject):
    """Use cases run off the GUI thread (reading a report, writing a file), each reporting its
    progress; the answer, or the reason it failed, comes back on the GUI thread."""

    progress = Signal(int, int)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._tasks: list = []

    def start(self, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
              done: Callable[[Any], None], failed: Callable[[Exception], None]) -> None:
        """``work(progress, should_cancel)`` runs in a worker thread."""
        from advocate_app.ui.tasks import run_in_background

        task = None

        def finish(callback, value) -> None:
            if task in self._tasks:
                self._tasks.remove(task)
            if not self._tasks:
                self.busy_changed.emit(False)
            callback(value)

        task = run_in_background(self, work,
                                 on_done=lambda result: finish(done, result),
                                 on_error=lambda error: finish(failed, error),
                                 on_progress=self.progress.emit)
        self._tasks.append(task)
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def busy(self) -> bool:
        """True until the last piece of work has ended and said so."""
        return bool(self._tasks)

    def wait(self) -> None:
        """Let the work under way end (closing, tests)."""
        for task in list(self._tasks):
            task.wait()
