"""``advocate-app webinars …``: plan a webinar, list them, register a member, and write
calendar files; the same service methods as the Webinars page.

More subcommands come from the modules named in ``SUBCOMMAND_MODULES``: each has
``add_parser(subcommands)`` (adding its subcommands to ``webinars``) and ``run(args,
context)`` (running them); the subcommands a module adds are sent to its ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from datetime import datetime
from types import ModuleType

from advocate_app.cli.arguments import Parser, positive_int
from advocate_app.i18n import _, ngettext

#: Modules adding subcommands to ``webinars`` (see the module's description); one that is not
#: there is left out.
SUBCOMMAND_MODULES = ("advocate_app.cli.webinar_reports", "advocate_app.cli.webinar_followup")

#: Which module runs each subcommand added by ``SUBCOMMAND_MODULES``.
_ADDED: dict[str, ModuleType] = {}


def iso_datetime(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_(
            "“{value}” is not a date and time such as 2027-03-14T18:30").format(
            value=value)) from None


def add_parsers(commands) -> None:
    from advocate_app.domain.webinar_kinds import Platform, WebinarStatus

    webinars = commands.add_parser(
        "webinars", help=_("plan webinars, register members and write calendar files"),
        description=_("Webinars: plan one, list them, register a member (a place, or the "
                      "waitlist when it is full), or write one webinar or all upcoming "
                      "webinars as an iCalendar (.ics) file."))
    what = webinars.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                   required=True)
    create = what.add_parser("create", help=_("plan a webinar and print its id"),
                             description=_("Plan a webinar; prints the new webinar's id."))
    create.add_argument("--title", required=True, metavar=_("TITLE"))
    create.add_argument("--start", required=True, type=iso_datetime, metavar=_("ISO-DATETIME"),
                        help=_("when it starts, in its time zone, e.g. 2027-03-14T18:30"))
    create.add_argument("--timezone", default="Europe/London", metavar=_("TZ"),
                        help=_("the time zone it is held in (default: Europe/London)"))
    create.add_argument("--capacity", type=positive_int, default=0, metavar="N",
                        help=_("places (default: 0, no limit); past them, a waitlist"))
    create.add_argument("--duration", type=positive_int, default=60, metavar="M",
                        help=_("how long it lasts, in minutes (default: 60)"))
    create.add_argument("--link", default="", metavar=_("URL"),
                        help=_("the link people join with (https://…)"))
    create.add_argument("--platform", choices=[p.value for p in Platform],
                        default=Platform.ZOOM.value, help=_("default: zoom"))
    create.add_argument("--status", choices=[WebinarStatus.PLANNED.value,
                                             WebinarStatus.OPEN.value],
                        default=WebinarStatus.OPEN.value,
                        help=_("planned, or open for registration (default: open)"))
    listing = what.add_parser("list", help=_("list the webinars, upcoming first"))
    listing.add_argument("--json", action="store_true",
                         help=_("print a JSON list (id, title, status, start, places, "
                                "registered, waitlisted)"))
    register = what.add_parser("register", help=_("register a member for a webinar"),
                               description=_("Register a member: a place while one is left, "
                                             "else the waitlist; prints which."))
    register.add_argument("webinar", type=positive_int, metavar=_("ID"))
    register.add_argument("member", type=positive_int, metavar=_("MEMBER_ID"))
    register.add_argument("--json", action="store_true",
                          help=_("print the registration as JSON"))
    ics = what.add_parser("ics", help=_("write a calendar file: one webinar, or every "
                                        "upcoming webinar"))
    ics.add_argument("webinar", type=positive_int, nargs="?", metavar=_("ID"),
                     help=_("only this webinar (default: every upcoming webinar)"))
    ics.add_argument("-o", "--output", metavar=_("FILE.ics"),
                     help=_("the file to write (default: print the calendar)"))
    for module in _modules():
        before = set(what.choices)
        module.add_parser(what)
        _ADDED.update((name, module) for name in set(what.choices) - before)


def _modules() -> list[ModuleType]:
    found = []
    for name in SUBCOMMAND_MODULES:
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def run(args, context) -> int:
    if args.what in _ADDED:
        return _ADDED[args.what].run(args, context)
    return {"create": _create, "list": _list, "register": _register, "ics": _ics}[args.what](
        args, context)


def _create(args, context) -> int:
    from advocate_app.domain.webinar_kinds import Platform, WebinarStatus
    from advocate_app.domain.webinar_rules import platform_warning
    from advocate_app.domain.webinar_views import WebinarInput

    warning = platform_warning(Platform(args.platform), args.link)
    if warning:  # said, not refused: the id still goes to the standard output
        print(f"advocate-app: {warning}", file=sys.stderr)
    made = context.services.webinars.create(WebinarInput(
        title=args.title, starts_local=args.start, duration_minutes=args.duration,
        timezone=args.timezone, platform=Platform(args.platform), join_link=args.link,
        capacity=args.capacity, status=WebinarStatus(args.status)))
    print(made.id)
    return 0


def _list(args, context) -> int:
    webinars = context.services.webinars.list()
    if args.json:
        print(json.dumps([w.to_json() for w in webinars], ensure_ascii=False, indent=2))
        return 0
    for webinar in webinars:
        if webinar.capacity:
            places = ngettext("{n}/{capacity} place", "{n}/{capacity} places",
                              webinar.capacity).format(n=webinar.registered,
                                                       capacity=webinar.capacity)
        else:
            places = ngettext("{n} registered", "{n} registered", webinar.registered).format(
                n=webinar.registered)
        if webinar.waitlisted:
            places += ", " + ngettext("{n} waiting", "{n} waiting", webinar.waitlisted).format(
                n=webinar.waitlisted)
        print("\t".join((str(webinar.id),
                         webinar.local_start.strftime("%Y-%m-%d %H:%M"), webinar.timezone,
                         webinar.status.label, places, webinar.title)))
    return 0


def _register(args, context) -> int:
    from advocate_app.domain.webinar_kinds import RegistrationStatus

    registration = context.services.webinars.register(args.webinar, args.member)
    if args.json:
        print(json.dumps(registration.to_json(), ensure_ascii=False, indent=2))
    elif registration.status is RegistrationStatus.WAITLISTED:
        print(_("{name} is on the waitlist, number {n}.").format(
            name=registration.name, n=registration.waitlist_position))
    else:
        print(_("{name} is registered.").format(name=registration.name))
    return 0


def _ics(args, context) -> int:
    webinars = context.services.webinars
    if args.output:
        if args.webinar is not None:
            webinars.write_calendar(args.webinar, args.output)
        else:
            webinars.write_upcoming_feed(args.output)
        return 0
    sys.stdout.write(webinars.calendar(args.webinar).decode("utf-8"))
    return 0
