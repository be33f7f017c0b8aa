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
    database (the rule the window's file dialogs follow too, ``services/own_files.py``);
    None when every file it writes goes elsewhere."""
    from advocate_app.services.own_files import own_files_refusal as refusal

    for name in OUTPUT_ARGUMENTS:
        value = getattr(args, name, None)
        if value:
            refused = refusal(value, data_dir, database_file)
            if refused:
                return refused
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
