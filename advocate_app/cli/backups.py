"""``advocate-app backup`` and ``advocate-app restore``: the same service as the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from advocate_app.cli.arguments import positive_int
from advocate_app.i18n import _, ngettext


def add_parsers(commands) -> None:
    backup = commands.add_parser(
        "backup", help=_("back up the database (to a file, or into the backups folder)"),
        description=_("Back up the whole database, consistently even while Advocate is in "
                      "use. The copy of an encrypted database is encrypted with the same "
                      "passphrase. Without -o, the backup goes into the backups folder of the "
                      "data folder."))
    backup.add_argument("-o", "--output", metavar=_("FILE"),
                        help=_("the file to write the backup to"))
    backup.add_argument("--list", action="store_true",
                        help=_("list the backups in the backups folder, newest first"))
    backup.add_argument("--every-days", type=positive_int, metavar="N",
                        help=_("take an automatic backup when the last one is N days old "
                               "(default 1; 0 turns automatic backups off)"))
    backup.add_argument("--keep", type=positive_int, metavar="N",
                        help=_("keep the newest N automatic backups (default 14)"))
    restore = commands.add_parser(
        "restore", help=_("replace the database's data with a backup"),
        description=_("Replace everything in the database with a backup. The file is checked "
                      "first; the data as it is now is kept as a backup before anything "
                      "changes."))
    restore.add_argument("file", metavar=_("FILE"))
    restore.add_argument("--yes", action="store_true",
                         help=_("do not ask for confirmation"))


def run_backup(args: argparse.Namespace, context) -> int:
    from advocate_app.services.backups import BackupSchedule

    backups = context.services.backups
    if args.every_days is not None or args.keep is not None:
        current = backups.schedule()
        schedule = BackupSchedule(
            current.every_days if args.every_days is None else args.every_days,
            current.keep if args.keep is None else args.keep)
        backups.set_schedule(schedule)
        print(_schedule_line(schedule))
        if args.output is None and not args.list:
            return 0
    if args.list:
        for found in backups.list():
            print(f"{found.taken_at.astimezone():%Y-%m-%d %H:%M}\t{found.kind}\t"
                  f"{found.size}\t{found.path}")
        print(_schedule_line(backups.schedule()))
        return 0
    written = backups.back_up(Path(args.output) if args.output else None)
    print(_("Backed up to {path}.").format(path=written.path))
    return 0


def _schedule_line(schedule) -> str:
    if schedule.every_days == 0:
        return _("Automatic backups are off.")
    return _("Automatic backups: {every}, keeping the newest {keep}.").format(
        every=ngettext("every day", "every {n} days", schedule.every_days).format(
            n=schedule.every_days), keep=schedule.keep)


def run_restore(args: argparse.Namespace, context) -> int:
    backups = context.services.backups
    path = Path(args.file)
    backups.check(path)  # a file that cannot be used is refused before anyone is asked
    if not args.yes:
        if not sys.stdin.isatty():
            print("advocate-app: " + _("Restoring replaces everything in the database; add "
                                       "--yes to confirm."), file=sys.stderr)
            return 1
        answer = input(_("Replace everything in the database with {name}? The data as it is "
                         "now is kept as a backup. [y/N] ").format(name=path.name))
        if answer.strip().lower() not in (_("y"), _("yes"), "y", "yes"):
            print(_("Nothing was restored."))
            return 1
    result = backups.restore(path)
    print(_("Restored {name}. The data as it was is kept in {kept}.").format(
        name=path.name, kept=result.kept_as))
    if result.erasures_sentence:
        print(result.erasures_sentence)
    return 0


HANDLERS = {"backup": run_backup, "restore": run_restore}
