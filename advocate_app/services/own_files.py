"""The one rule for every file a person chooses to write, in the window and on the command
line alike: never inside Advocate's data folder (it keeps the database, its backups and its
log private) and never over the database or its companion files."""

from __future__ import annotations

import os
from pathlib import Path

from advocate_app.i18n import _
from advocate_app.services.errors import ServiceError


class OwnFilesError(ServiceError):
    """A chosen file would be written among Advocate's own files; nothing was written."""


def _real(path: Path | str) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def own_files_refusal(path: Path | str, data_dir: Path | str,
                      database_file: Path | str | None) -> str | None:
    """One sentence when writing ``path`` would write into the data folder or over the
    database (a copy there would escape the folder's privacy and could damage the data);
    None when it goes elsewhere."""
    target = _real(path)
    if database_file is not None:
        database = _real(database_file)
        own = {database.with_name(database.name + end) for end in ("", "-wal", "-shm",
                                                                   "-journal")}
        try:
            same = target.exists() and database.exists() and os.path.samefile(target, database)
        except OSError:  # a name too long, a folder that may not be looked into
            same = False
        if target in own or same:
            return _("{path} is Advocate’s database; write to another file.").format(path=path)
    folder = _real(data_dir)
    if target == folder or target.is_relative_to(folder):
        return _("{path} is inside Advocate’s data folder ({folder}), which keeps the "
                 "database and its backups; write somewhere else.").format(
            path=path, folder=folder)
    return None


def refuse_own_files(path: Path | str, data_dir: Path | str,
                     database_file: Path | str | None) -> None:
    """:class:`OwnFilesError` with the sentence of :func:`own_files_refusal`, if any."""
    refused = own_files_refusal(path, data_dir, database_file)
    if refused:
        raise OwnFilesError(refused)
