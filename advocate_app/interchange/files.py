"""Writing files the user asked for: whole or not at all, with a name made from a title.

A file is written to a temporary file beside it and moved into place in one step, so a full
disk, a crash or a cancelled export never leaves half a file where the old one was.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path | str, prefix: str = ".advocate-") -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; moved onto ``path`` when the block ends
    without an error, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=prefix + path.name + ".", dir=path.parent)
    os.close(handle)
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
