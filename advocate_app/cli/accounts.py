"""``advocate-app accounts …``: add, list and manage accounts; and ``--user NAME``, who acts.

Passwords never come from the command line's arguments (other users could read them in the
list of processes): a new password from ``ADVOCATE_NEW_PASSWORD`` or a prompt asked twice, the
signing-in password from ``ADVOCATE_PASSWORD`` or a prompt.
"""

from __future__ import annotations

import argparse
import os
import sys

from advocate_app.cli.arguments import Parser, positive_int
from advocate_app.domain.access import AccountRole
from advocate_app.i18n import _
from advocate_app.services.errors import ServiceError

_ROLES = tuple(role.value for role in AccountRole)


class PasswordNotGiven(ServiceError):
    """No password in the environment and no terminal to ask at."""


def signed_in_services(args: argparse.Namespace, services):
    """The services acting as ``--user`` (signed in with its password); the built-in account's
    while no named account exists. Once one does, a command without ``--user`` is refused
    (a :class:`ServiceError`, one sentence); the window asks in its own dialog instead."""
    if args.user:
        password = os.environ.get("ADVOCATE_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise PasswordNotGiven(_("Give the password of {name} in ADVOCATE_PASSWORD, or "
                                         "run the command at a terminal.").format(name=args.user))
            import getpass

            password = getpass.getpass(_("Password for {name}: ").format(name=args.user))
        return services.as_actor(services.accounts.authenticate(args.user, password))
    if (args.command is not None or args.smoke_test) and services.accounts.needs_sign_in():
        raise PasswordNotGiven(_("Accounts are in use: add --user NAME before the command to "
                                 "say who you are."))
    return services


def add_parsers(commands) -> None:
    accounts = commands.add_parser(
        "accounts", help=_("accounts and their roles: add, list, change"),
        description=_("Accounts that sign in, and what each role may do. The first account "
                      "made is an administrator; from then on every command needs --user."))
    what = accounts.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                   required=True)
    add = what.add_parser(
        "add", help=_("add an account (password from ADVOCATE_NEW_PASSWORD or asked twice)"))
    add.add_argument("name", metavar=_("NAME"))
    add.add_argument("--role", choices=_ROLES, required=True)
    add.add_argument("--display-name", metavar=_("TEXT"), default="",
                     help=_("the name shown for the account (default: NAME)"))
    listing = what.add_parser("list", help=_("list the accounts"))
    listing.add_argument("--json", action="store_true", help=_("print as JSON"))
    role = what.add_parser("role", help=_("change an account's role"))
    role.add_argument("name", metavar=_("NAME"))
    role.add_argument("role", choices=_ROLES)
    for name, text in (("deactivate", _("stop an account from signing in")),
                       ("reactivate", _("let a deactivated account sign in again")),
                       ("reset-password", _("give an account a new password (from "
                                            "ADVOCATE_NEW_PASSWORD or asked twice)"))):
        what.add_parser(name, help=text).add_argument("name", metavar=_("NAME"))
    link = what.add_parser("link-member", help=_("link an account to the member it belongs "
                                                 "to"))
    link.add_argument("name", metavar=_("NAME"))
    link.add_argument("member", type=positive_int, nargs="?", metavar=_("MEMBER"),
                      help=_("the member's number (leave out to unlink)"))


def _new_password(name: str) -> str | None:
    password = os.environ.get("ADVOCATE_NEW_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        print("advocate-app: " + _("Give the new password in ADVOCATE_NEW_PASSWORD, or run the "
                                   "command at a terminal."), file=sys.stderr)
        return None
    import getpass

    first = getpass.getpass(_("New password for {name}: ").format(name=name))
    if getpass.getpass(_("The same password again: ")) != first:
        print("advocate-app: " + _("The two passwords are not the same; nothing was changed."),
              file=sys.stderr)
        return None
    return first


def run(args: argparse.Namespace, context) -> int:
    accounts = context.services.accounts
    if args.what == "add":
        password = _new_password(args.name)
        if password is None:
            return 1
        account = accounts.add(args.name, password, AccountRole(args.role), args.display_name)
        print(_("Account {name} added as {role}.").format(name=account.username,
                                                          role=account.role.label))
        if account.role.value != args.role:
            print(_("The first account is always an administrator."))
        return 0
    if args.what == "list":
        return _list(accounts.list(), args.json)
    account = accounts.get(args.name)
    if args.what == "role":
        account = accounts.change_role(account.id, AccountRole(args.role))
        print(_("{name} is now {role}.").format(name=account.username, role=account.role.label))
    elif args.what == "deactivate":
        accounts.deactivate(account.id)
        print(_("{name} can no longer sign in.").format(name=account.username))
    elif args.what == "reactivate":
        accounts.reactivate(account.id)
        print(_("{name} can sign in again.").format(name=account.username))
    elif args.what == "reset-password":
        password = _new_password(account.username)
        if password is None:
            return 1
        accounts.reset_password(account.id, password)
        print(_("{name} has a new password.").format(name=account.username))
    else:
        account = accounts.link_member(account.id, args.member)
        if account.member_id is None:
            print(_("{name} is linked to no member.").format(name=account.username))
        else:
            print(_("{name} belongs to {member}.").format(name=account.username,
                                                         member=account.member_name))
    return 0


def _list(found, as_json: bool) -> int:
    if as_json:
        import json

        print(json.dumps([{
            "id": a.id, "name": a.username, "display_name": a.display_name,
            "role": a.role.value, "active": a.active, "member_id": a.member_id,
            "last_signed_in_at": a.last_signed_in_at.isoformat() if a.last_signed_in_at
            else None} for a in found], ensure_ascii=False, indent=2))
        return 0
    for account in found:
        state = "" if account.active else _("deactivated")
        print("\t".join((account.username, account.display_name, account.role.label,
                         account.member_name, state)).rstrip())
    return 0


HANDLERS = {"accounts": run}
