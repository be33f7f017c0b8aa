"""Writing files the user asked for: whole or not at all, with a name made from a title.

A file is written to a temporary file beside it and moved into place in one step, so a full
disk, a crash or a cancelled export never leaves half a file where the old one was. Every file
is readable by its owner alone (0600), whatever the umask.

A set of files (a print pack, follow-up letters) is made in a scratch folder beside the folder
chosen, then moved in. While a scratch folder exists it is listed in a small record in the
data folder (:func:`keep_scratch_record`), so one left behind by an app that was killed is
removed at the next start (:func:`remove_scratch_leftovers`): only folders so listed, named
as scratch folders are, and made by a program no longer running.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

#: The names scratch folders start with; nothing else is ever removed as a leftover.
SCRATCH_PREFIXES = (".print-pack-", ".follow-up-", ".attachment-")

_scratch_record: Path | None = None


@contextmanager
def replacing(path: Path | str, prefix: str = ".advocate-") -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; moved onto ``path`` when the block ends
    without an error, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=prefix + path.name + ".", dir=path.parent)
    os.close(handle)
    if os.name != "nt":
        os.chmod(temporary, 0o600)  # mkstemp's own mode; said here, as it matters
    try:
        yield Path(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: Path | str, data: bytes) -> Path:
    with replacing(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def file_stem(title: str, limit: int = 60) -> str:
    """A file name from a title: "Vivre avec … (FALC)" -> "vivre-avec-falc"."""
    from advocate_app.domain.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:limit].rstrip("-") or "item"


def keep_scratch_record(record: Path | None) -> None:
    """List the scratch folders made from now on in ``record`` (None: list nowhere)."""
    global _scratch_record
    _scratch_record = record


def make_scratch_folder(prefix: str, beside: Path) -> Path:
    """A new private folder in ``beside`` named ``prefix…``, listed in the record."""
    if prefix not in SCRATCH_PREFIXES:
        raise ValueError(prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=beside))
    record = _scratch_record
    if record is not None:
        with suppress(OSError), open(record, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\t{folder.resolve()}\n")
    return folder


def remove_scratch_folder(folder: Path) -> None:
    """Remove a scratch folder and its line in the record."""
    shutil.rmtree(folder, ignore_errors=True)
    if _scratch_record is not None:
        _rewrite_record(_scratch_record, {str(folder.resolve())})


def remove_scratch_leftovers(record: Path) -> list[Path]:
    """Remove the scratch folders ``record`` lists whose program is no longer running;
    the folders removed."""
    removed = []
    gone = set()
    for pid, folder in _read_record(record):
        if _running(pid):
            continue
        gone.add(str(folder))
        if (folder.name.startswith(SCRATCH_PREFIXES) and not folder.is_symlink()
                and folder.is_dir()):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    if gone:
        _rewrite_record(record, gone)
    return removed


def _read_record(record: Path) -> list[tuple[int, Path]]:
    try:
        lines = record.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    found = []
    for line in lines:
        pid, _tab, folder = line.partition("\t")
        if pid.isdigit() and folder and Path(folder).is_absolute():
            found.append((int(pid), Path(folder)))
    return found


def _rewrite_record(record: Path, dropped: set[str]) -> None:
    kept = [f"{pid}\t{folder}\n" for pid, folder in _read_record(record)
            if str(folder) not in dropped]
    with suppress(OSError):
        if kept:
            write_atomically(record, "".join(kept).encode("utf-8"))
        else:
            record.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    """Whether the program ``pid`` is still running (ours is)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
