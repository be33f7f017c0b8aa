"""Reading a big member file with several processes, one per core (at most four).

How the worker processes start is the caller's choice, given explicitly:

- ``ProcessStart.FORK``: the command line. Each worker is a copy of this process made when it
  starts, so it reads its share of the table from memory; nothing is sent to it.
- ``ProcessStart.SPAWN``: the window. A fresh interpreter, safe while Qt's threads run; its
  share of the rows, the column mapping and the language are sent to it.

Each worker sends its rows back packed into plain tuples (several times quicker to send
between processes than the objects they stand for). A worker that dies stops the import
with an error instead of leaving it waiting.
"""

from __future__ import annotations

import enum
import os
from typing import TYPE_CHECKING

from advocate_app.i18n import _
from advocate_app.interchange import member_values as values
from advocate_app.interchange.tables import Table
from advocate_app.services.errors import UnreadableFileError
from advocate_app.services.member_import_report import RowOutcome
from advocate_app.services.member_import_rows import Person, pack, read_chunk, unpack

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext, SpawnContext
    from multiprocessing.process import BaseProcess
    from pathlib import Path

    from advocate_app.services.member_import_rows import Packed

PARALLEL_FROM = 5000  # rows; smaller files are read in this process
MAX_WORKERS = 4


class ProcessStart(enum.StrEnum):
    """How worker processes start: see the module's description."""

    FORK = "fork"
    SPAWN = "spawn"


def read_all(table: Table, mapping: dict[int, str],
             start: ProcessStart) -> list[Person | RowOutcome]:
    """Every row read; a file of ``PARALLEL_FROM`` rows or more is shared between processes
    started as ``start`` says (forking falls back to spawning where the system cannot fork)."""
    import multiprocessing

    workers = min(MAX_WORKERS, os.cpu_count() or 1)
    if len(table.rows) < PARALLEL_FROM or workers < 2:
        return read_chunk(table.row_numbers, table.rows, mapping)
    size = -(-len(table.rows) // workers)
    bounds = [(first, first + size) for first in range(0, len(table.rows), size)]
    if start is ProcessStart.FORK and "fork" in multiprocessing.get_all_start_methods():
        return _read_forked(table, mapping, bounds, multiprocessing.get_context("fork"))
    return _read_spawned(table, mapping, bounds, multiprocessing.get_context("spawn"))


def _read_spawned(table: Table, mapping: dict[int, str], bounds: list[tuple[int, int]],
                  context: SpawnContext) -> list[Person | RowOutcome]:
    """Fresh interpreters, each sent its rows; a worker that dies stops the pool with an
    error (it does not leave the import waiting)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from advocate_app.i18n import language_setup

    language = language_setup()
    with ProcessPoolExecutor(max_workers=len(bounds), mp_context=context) as pool:
        futures = [pool.submit(_read_packed, table.row_numbers[a:b], table.rows[a:b], mapping,
                               language) for a, b in bounds]
        try:
            return [unpack(item) for future in futures for item in future.result()]
        except BrokenProcessPool:
            raise _worker_stopped(None) from None


def _read_packed(numbers: list[int], rows: list[list[str]], mapping: dict[int, str],
                 language: tuple[str, Path | None] | None) -> list[Packed | RowOutcome]:
    """In a spawned worker: its rows read, packed to travel back quickly."""
    return [pack(item) for item in read_chunk(numbers, rows, mapping, language)]


def _read_forked(table: Table, mapping: dict[int, str], bounds: list[tuple[int, int]],
                 context: ForkContext) -> list[Person | RowOutcome]:
    """Copies of this process, each reading its share of the table from the memory it
    inherited (nothing is sent to it) and sending its rows back through a pipe of its own."""
    values.prepare()  # forked workers inherit the name tables instead of each building them
    started = []
    try:
        for first, end in bounds:
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(target=_read_part, daemon=True, args=(
                table.row_numbers[first:end], table.rows[first:end], mapping, sending))
            process.start()
            sending.close()  # only the worker writes to it: its end tells when it stopped
            started.append((process, receiving))
        read: list[Person | RowOutcome] = []
        for process, receiving in started:
            part = _receive(process, receiving)
            if isinstance(part, BaseException):
                raise part
            read.extend(unpack(item) for item in part)
        return read
    finally:
        for process, receiving in started:
            receiving.close()
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()


def _receive(process: BaseProcess, receiving: Connection
             ) -> list[Packed | RowOutcome] | BaseException:
    """What a forked worker sent; an error if it stopped without sending anything."""
    try:
        sent: list[Packed | RowOutcome] | BaseException = receiving.recv()
        return sent
    except EOFError:
        process.join(timeout=5)
        raise _worker_stopped(process.exitcode) from None


def _worker_stopped(exit_code: int | None) -> UnreadableFileError:
    if exit_code is None:
        return UnreadableFileError(_(
            "The file could not be read: a process reading it stopped unexpectedly. Nothing "
            "was imported."))
    return UnreadableFileError(_(
        "The file could not be read: a process reading it stopped unexpectedly (exit code "
        "{code}). Nothing was imported.").format(code=exit_code))


def _read_part(numbers: list[int], rows: list[list[str]], mapping: dict[int, str],
               sending: Connection) -> None:
    """In a forked worker: read its rows and send them back packed (or the error that
    stopped it)."""
    try:
        sending.send([pack(item) for item in read_chunk(numbers, rows, mapping)])
    except BaseException as error:  # noqa: BLE001 - the parent raises it again
        sending.send(error)
    finally:
        sending.close()
