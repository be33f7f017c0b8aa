"""Slow work off the GUI thread, with progress, cancel and one place that reports errors.

    task = run_in_background(self, work, on_done=..., on_error=...)
    task.progress.connect(bar.setValue) ...; task.cancel()

``work(progress, should_cancel)`` runs in a worker thread; it must not touch widgets. Results
and errors come back on the GUI thread through the callbacks.

While a task runs, Python's automatic garbage collection is held: started in the worker (by any
allocation there), a collection would free the Qt objects of the GUI thread that wait in
reference cycles (a closed window, a page rebuilt in another language) from the wrong thread,
and the process crashes. Collection resumes, on the GUI thread, once no task runs.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

log = logging.getLogger(__name__)

#: Finished tasks between leaving their parent and Python letting them go (one turn of the
#: event loop), so none is destroyed while Qt is still delivering its last signal.
_FINISHED: set[BackgroundTask] = set()

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]

#: Tasks running, and whether automatic collection was on before the first of them started
#: (both touched on the GUI thread only).
_running = 0
_collection_was_on = True


def _hold_collection() -> None:
    global _running, _collection_was_on
    if _running == 0:
        _collection_was_on = gc.isenabled()
        gc.disable()
    _running += 1


def _resume_collection() -> None:
    global _running
    _running -= 1
    if _running == 0 and _collection_was_on:
        gc.enable()


class BackgroundTask(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._thread: _Runner | None = _Runner(self)
        self._thread.finished.connect(self.finished)
        self.finished.connect(self._release_soon)
        self._holding = False  # automatic collection held for this task

    def start(self) -> None:
        if self._thread is not None and not self._thread.isRunning() and not self._holding:
            self._holding = True
            _hold_collection()
            self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._thread is None or self._thread.wait(milliseconds)

    def _release_soon(self) -> None:
        # After the callbacks: the thread is let go, and the task no longer hangs on its
        # parent (a window open all day would otherwise keep every task it ever ran). Whoever
        # still holds the task can ask it anything; it answers "finished".
        QTimer.singleShot(0, self, self._release)

    def _release(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if self._holding:
            self._holding = False
            _resume_collection()
        _FINISHED.add(self)
        self.setParent(None)
        QTimer.singleShot(0, lambda: _FINISHED.discard(self))

    def _run(self) -> None:
        try:
            result = self._work(lambda done, total: self.progress.emit(done, total),
                                self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - reported to the user by the caller
            # The kind of error only: its message may name a member (the log holds no
            # personal data).
            log.info("Background task ended with %s", type(exc).__name__)
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)


class _Runner(QThread):
    def __init__(self, task: BackgroundTask):
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


def run_in_background(parent: QObject, work: Work, *, on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None],
                      on_progress: Callable[[int, int], None] | None = None) -> BackgroundTask:
    task = BackgroundTask(work, parent)
    task.succeeded.connect(on_done)
    task.failed.connect(on_error)
    if on_progress is not None:
        task.progress.connect(on_progress)
    task.start()
    return task
