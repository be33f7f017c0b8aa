"""Background work leaves nothing behind once it has finished: a window open all day does not
keep every task it ever ran, and whoever still holds a finished task can still ask it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advocate_app.ui.tasks import BackgroundTask, run_in_background


def test_finished_tasks_let_go_of_their_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    results: list[int] = []
    tasks = [run_in_background(window, lambda _p, _c, n=n: n * n, on_done=results.append,
                               on_error=lambda exc: results.append(-1)) for n in range(20)]
    qtbot.waitUntil(lambda: len(results) == 20, timeout=10_000)
    qtbot.waitUntil(lambda: not window.findChildren(BackgroundTask), timeout=5_000)
    assert sorted(results) == [n * n for n in range(20)]
    # Held on to, a finished task still answers.
    assert not tasks[0].is_running()
    assert tasks[0].wait(10)
    tasks[0].cancel()


def test_a_failed_task_reports_once_and_is_let_go(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    errors: list[Exception] = []

    def fail(_progress, _cancel):
        raise ValueError("no")

    run_in_background(window, fail, on_done=lambda _r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(lambda: not window.findChildren(BackgroundTask), timeout=5_000)
    assert [str(e) for e in errors] == ["no"]


def test_no_garbage_is_collected_in_a_worker_thread_and_collection_comes_back(qtbot):
    """A collection started in a worker would free the window's Qt objects from the wrong
    thread and crash the app; it is held while tasks run and resumes after the last."""
    import gc
    import threading

    window = QWidget()
    qtbot.addWidget(window)
    seen: list[bool] = []
    release = threading.Event()

    def work(_progress, _cancel):
        seen.append(gc.isenabled())
        release.wait(5)
        return True

    done: list[object] = []
    first = run_in_background(window, work, on_done=done.append, on_error=done.append)
    second = run_in_background(window, work, on_done=done.append, on_error=done.append)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert seen == [False, False] and not gc.isenabled()
    release.set()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not first.is_running() and not second.is_running()
                    and not window.findChildren(BackgroundTask), timeout=5_000)
    qtbot.waitUntil(gc.isenabled, timeout=5_000)
