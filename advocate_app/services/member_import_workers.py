"""Reading a big member file with several processes, one per core (at most four).

How the worker processes start is the caller's choice, given explicitly:

- ``ProcessStart.FORK``: the command line. Each worker is a copy of this process made when it
  starts, so it reads its share of the table from memory; nothing is sent to it.
- ``ProcessStart.SPAWN``: the window. A fresh interpreter, safe while Qt's threads run; its
  share of the rows, the column mapping and the language are sent to it.

Each worker sends its rows back, packed into plain tuples, through a pipe of its own.
"""

from __future__ import annotations

import enum
import os

from advocate_app.interchange import member_values as values
from advocate_app.interchange.tables import Table
from advocate_app.services.member_import_report import RowOutcome
from advocate_app.services.member_import_rows import Person, pack, read_chunk, unpack

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
    from advocate_app.i18n import language_setup

    fork = start is ProcessStart.FORK and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        values.prepare()  # forked workers inherit the name tables instead of each building them
    language = None if fork else language_setup()
    size = -(-len(table.rows) // workers)
    started = []
    try:
        for first in range(0, len(table.rows), size):
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(target=_read_part, daemon=True, args=(
                table.row_numbers[first:first + size], table.rows[first:first + size],
                mapping, language, sending))
            process.start()
            sending.close()  # only the worker writes to it: its end tells when it stopped
            started.append((process, receiving))
        read: list[Person | RowOutcome] = []
        for _process, receiving in started:
            part = receiving.recv()
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


def _read_part(numbers: list[int], rows: list[list[str]], mapping: dict[int, str],
               language: tuple[str, object] | None, sending) -> None:
    """In a worker: read its rows and send them back packed (or the error that stopped it)."""
    try:
        sending.send([pack(item) for item in read_chunk(numbers, rows, mapping, language)])
    except BaseException as error:  # noqa: BLE001 - the parent raises it again
        sending.send(error)
    finally:
        sending.close()
