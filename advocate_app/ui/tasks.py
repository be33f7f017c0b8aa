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

#: Worker threads running. A worker counts itself out as its last act; collection is turned
#: back on by the GUI thread once none runs (a task let go before its thread ended holds
#: nothing back).
_running = 0
_running_lock = threading.Lock()


def _hold_collection() -> None:
    global _running
    with _running_lock:
        gc.disable()
        _running += 1


def _worker_ended() -> None:
    """Called in the worker thread as it ends: the GUI thread resumes collection."""
    global _running
    with _running_lock:
        _running -= 1
        last = _running == 0
    if last:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, _resume_collection)


def _resume_collection() -> None:
    with _running_lock:
        if _running == 0:
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
        self._started = False

    def start(self) -> None:
        if self._thread is not None and not self._thread.isRunning() and not self._started:
            self._started = True
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
        try:
            self._task._run()
        finally:
            _worker_ended()


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
