"""What every part of the command line parses its arguments with: a parser whose mistakes are
one translated sentence, and whole numbers of 0 or more (identifiers, counts)."""

from __future__ import annotations

import argparse

from advocate_app.i18n import _


class Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one translated sentence, not a usage dump."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        self.exit(2, _("{prog}: {problem}. Try “{prog} --help”.").format(
            prog=self.prog, problem=message) + "\n")


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(_("“{value}” is not a whole number of 0 or more").format(
            value=value))
    return number


#: The arguments through which a command writes a file or a folder of files.
OUTPUT_ARGUMENTS = ("output", "folder")


def own_files_refusal(args: argparse.Namespace, data_dir, database_file) -> str | None:
    """One sentence when a command would write into Advocate's data folder or over its
    database (a copy there would escape the folder's privacy and could damage the data);
    None when every file it writes goes elsewhere."""
    import os
    from pathlib import Path

    for name in OUTPUT_ARGUMENTS:
        value = getattr(args, name, None)
        if not value:
            continue
        target = Path(os.path.realpath(Path(value).expanduser()))
        if database_file is not None:
            database = Path(os.path.realpath(database_file))
            own = {database.with_name(database.name + end) for end in ("", "-wal", "-shm",
                                                                       "-journal")}
            if target in own or (target.exists() and database.exists()
                                 and os.path.samefile(target, database)):
                return _("{path} is Advocate’s database; write to another file.").format(
                    path=value)
        folder = Path(os.path.realpath(data_dir))
        if target == folder or target.is_relative_to(folder):
            return _("{path} is inside Advocate’s data folder ({folder}), which keeps the "
                     "database and its backups; write somewhere else.").format(
                path=value, folder=folder)
    return None


def os_failure(exc: OSError, args: argparse.Namespace) -> str:
    """The one sentence for a file that could not be read or written: which it was follows
    the file named by the error (a command's output, its temporary file beside it or its
    folder is written; any other file was being read)."""
    from pathlib import Path

    reason = exc.strerror or str(exc) or type(exc).__name__
    outputs = [str(value) for name in OUTPUT_ARGUMENTS if (value := getattr(args, name, None))]
    failed = exc.filename if isinstance(exc.filename, str | Path) else None
    if failed is None:
        if outputs:
            return _("{path} cannot be written: {reason}.").format(path=outputs[0],
                                                                 reason=reason)
        return _("A file cannot be read or written: {reason}.").format(reason=reason)
    failed_path = Path(failed).expanduser().absolute()
    for output in outputs:
        target = Path(output).expanduser().absolute()
        if (failed_path in (target, target.parent) or failed_path.is_relative_to(target)
                or (failed_path.parent == target.parent and target.name in failed_path.name)):
            return _("{path} cannot be written: {reason}.").format(path=output, reason=reason)
    return _("{path} cannot be read: {reason}.").format(path=failed, reason=reason)
