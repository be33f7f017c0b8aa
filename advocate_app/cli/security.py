"""``advocate-app encrypt``, ``change-passphrase`` and ``decrypt``: the database file (and every
backup in the data folder) encrypted at rest, given a new passphrase, or stored plain again.

Passphrases never come from the command line itself (it shows in the process list and the
shell's history): the current one from ``ADVOCATE_PASSPHRASE`` or a prompt at start-up, a new
one from ``ADVOCATE_NEW_PASSPHRASE`` or a prompt asked twice.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from advocate_app.i18n import _, ngettext
from advocate_app.services.encryption import PassphraseError, passphrase_problem, unlock


def add_parsers(commands) -> None:
    commands.add_parser(
        "encrypt", help=_("encrypt the database and its backups with a passphrase"),
        description=_("Encrypt the database file and every backup in the data folder, in "
                      "place. The passphrase comes from ADVOCATE_NEW_PASSPHRASE, or is asked "
                      "twice. Keep it safe: without it nobody can open the data, not even "
                      "you."))
    commands.add_parser(
        "change-passphrase", help=_("encrypt the database and its backups with a new passphrase"),
        description=_("Give the encrypted database and its backups a new passphrase. The "
                      "current one comes from ADVOCATE_PASSPHRASE (or is asked), the new one "
                      "from ADVOCATE_NEW_PASSPHRASE (or is asked twice)."))
    commands.add_parser(
        "decrypt", help=_("store the database and its backups unencrypted again"),
        description=_("Store the encrypted database and its backups unencrypted again, in "
                      "place. The current passphrase comes from ADVOCATE_PASSPHRASE (or is "
                      "asked)."))


def _encrypt(args, context) -> int:
    encryption = context.services.encryption
    encryption.check_allowed()
    if encryption.encrypted:
        finished = encryption.encrypt_backups()  # those an interrupted encrypt left plain
        if not finished.backups and not finished.left_alone:
            print("advocate-app: " + _("This database is already encrypted."), file=sys.stderr)
            return 1
        print(_("The database was already encrypted."))
        return _report_backups(finished)
    result = encryption.encrypt(_new_passphrase())
    print(_("The database is encrypted: {path}").format(path=result.database_file))
    return _report_backups(result)


def _change(args, context) -> int:
    encryption = context.services.encryption
    encryption.check_allowed()
    if not encryption.encrypted:
        print("advocate-app: " + _("This database is not encrypted; use “advocate-app "
                                   "encrypt” to encrypt it."), file=sys.stderr)
        return 1
    result = encryption.change_passphrase(_new_passphrase())
    print(_("The database has its new passphrase: {path}").format(path=result.database_file))
    return _report_backups(result)


def _decrypt(args, context) -> int:
    result = context.services.encryption.decrypt()
    print(_("The database is stored unencrypted again: {path}").format(
        path=result.database_file))
    return _report_backups(result)


HANDLERS = {"encrypt": _encrypt, "change-passphrase": _change, "decrypt": _decrypt}


def _report_backups(result) -> int:
    if result.backups:
        print(ngettext("{n} backup converted too.", "{n} backups converted too.",
                       len(result.backups)).format(n=len(result.backups)))
    for path in result.left_alone:
        print("advocate-app: " + _("The backup {path} could not be converted (damaged, or under "
                                   "another passphrase); it was left as it was.").format(
            path=path), file=sys.stderr)
    return 1 if result.left_alone else 0


def _new_passphrase() -> str:
    """The new passphrase: ADVOCATE_NEW_PASSPHRASE, or asked twice at a terminal."""
    given = os.environ.get("ADVOCATE_NEW_PASSPHRASE")
    if given is None:
        if not _interactive():
            raise PassphraseError(_("Set ADVOCATE_NEW_PASSPHRASE to the new passphrase (there "
                                    "is no terminal to ask for it)."))
        given = _ask(_("New passphrase: "))
        problem = passphrase_problem(given)
        if problem is None and _ask(_("The new passphrase again: ")) != given:
            problem = _("The two passphrases are not the same; nothing was changed.")
        if problem is not None:
            raise PassphraseError(problem)
    problem = passphrase_problem(given)
    if problem is not None:
        raise PassphraseError(problem)
    return given


def prompt_for_key(database_file: Path):
    """The key of the encrypted ``database_file``, its passphrase asked at the terminal (start-up
    of a command when ADVOCATE_PASSPHRASE is not set)."""
    if not _interactive():
        raise PassphraseError(_("This database is encrypted: set ADVOCATE_PASSPHRASE to its "
                                "passphrase."))
    return unlock(database_file, _ask(_("Passphrase for the database: ")))


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt) as exc:
        raise PassphraseError(_("No passphrase was given; nothing was changed.")) from exc
