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
