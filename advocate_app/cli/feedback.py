"""``advocate-app feedback …``: answers to the feedback form of a webinar, board meeting or
story-sharing session typed in, listed, imported from an online form's export, made into a
promise, and the printable paper form written."""

from __future__ import annotations

import json
from datetime import date

from advocate_app.cli.arguments import Parser, positive_int
from advocate_app.domain.feedback_views import EventKind, FeedbackSource
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _, ngettext

_KINDS = tuple(kind.value for kind in EventKind)


def _day(value: str) -> date:
    import argparse

    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("“{value}” is not a date like 2026-03-12.").format(
            value=value)) from exc


def _event(parser) -> None:
    parser.add_argument("kind", choices=_KINDS, metavar=_("KIND"),
                        help=_("webinar, meeting or story_session"))
    parser.add_argument("event", type=positive_int, metavar=_("EVENT_ID"))


def add_parsers(commands) -> None:
    feedback = commands.add_parser(
        "feedback", help=_("feedback on webinars, board meetings and story sessions"),
        description=_("Answers to an event's feedback form: type them in, list them, import "
                      "an online form's export, make a comment a promise, or write the "
                      "printable paper form."))
    what = feedback.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                   required=True)
    add = what.add_parser("add", help=_("type in one answer; prints its id"))
    _event(add)
    add.add_argument("--rating", type=int, default=0, choices=range(0, 6), metavar="0-5",
                     help=_("1 (poor) to 5 (excellent); 0 for none"))
    add.add_argument("--worked", default="", metavar=_("TEXT"), help=_("what worked"))
    add.add_argument("--change", default="", metavar=_("TEXT"), help=_("what to change"))
    add.add_argument("--comments", default="", metavar=_("TEXT"))
    add.add_argument("--may-contact", action="store_true",
                     help=_("the person agreed to be contacted about their answers"))
    add.add_argument("--member", type=positive_int, metavar=_("MEMBER_ID"))
    add.add_argument("--received", type=_day, metavar=_("DATE"),
                     help=_("when the answer arrived (default: today)"))
    add.add_argument("--paper", action="store_true", help=_("the answer came on a paper form"))
    listing = what.add_parser("list", help=_("an event's answers and summary, or every event "
                                             "with feedback over time"))
    listing.add_argument("kind", nargs="?", choices=_KINDS, metavar=_("KIND"))
    listing.add_argument("event", nargs="?", type=positive_int, metavar=_("EVENT_ID"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    importer = what.add_parser("import", help=_("import an online form's CSV export"))
    _event(importer)
    importer.add_argument("file", metavar=_("FILE"))
    importer.add_argument("--dry-run", action="store_true",
                          help=_("check everything and report, but change nothing"))
    importer.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    promise = what.add_parser("promise", help=_("make an answer's comment a promise "
                                                "(“You said, we did”)"))
    promise.add_argument("response", type=positive_int, metavar=_("ANSWER_ID"))
    promise.add_argument("text", metavar=_("PROMISE"))
    promise.add_argument("--owner-role", default="", metavar=_("ROLE"))
    promise.add_argument("--owner", type=positive_int, metavar=_("MEMBER_ID"))
    promise.add_argument("--due", type=_day, metavar=_("DATE"))
    paper = what.add_parser("paper-form", help=_("write the printable feedback form (PDF)"))
    _event(paper)
    paper.add_argument("-o", "--output", metavar=_("FILE.pdf"), required=True)
    paper.add_argument("--language", default="en", metavar=_("CODE"),
                       help=_("the form's language (default: en)"))
    paper.add_argument("--profile", choices=[p.value for p in ProfileKey], default="standard",
                       help=_("the print profile (default: standard)"))
    paper.add_argument("--member", type=positive_int, metavar=_("MEMBER_ID"),
                       help=_("for this member: their language, print format and name"))


def run(args, context) -> int:
    return {"add": _add, "list": _list, "import": _import, "promise": _promise,
            "paper-form": _paper}[args.what](args, context.services.feedback)


def _add(args, feedback) -> int:
    from advocate_app.domain.feedback_views import FeedbackInput

    source = FeedbackSource.PAPER if args.paper else FeedbackSource.TYPED
    answer = feedback.add(EventKind(args.kind), args.event, FeedbackInput(
        rating=args.rating, worked=args.worked, change=args.change, comments=args.comments,
        may_contact=args.may_contact, member_id=args.member, received_on=args.received,
        source=source.value))
    print(answer)
    return 0


def _list(args, feedback) -> int:
    if args.kind and args.event:
        return _list_event(args, feedback)
    points = feedback.trend(EventKind(args.kind) if args.kind else None)
    if args.json:
        print(json.dumps([{"kind": p.event_kind.value, "event_id": p.event_id,
                           "title": p.title, "held_on": p.held_on.isoformat(),
                           "answers": p.count, "average": p.average} for p in points],
                         ensure_ascii=False, indent=2))
        return 0
    for p in points:
        average = "-" if p.average is None else f"{p.average:.1f}"
        print(f"{p.held_on.isoformat()}\t{p.event_kind.value}\t{p.event_id}\t{p.title}\t"
              f"{p.count}\t{average}")
    return 0


def _list_event(args, feedback) -> int:
    kind = EventKind(args.kind)
    answers = feedback.responses(kind, args.event)
    summary = feedback.summary(kind, args.event)
    if args.json:
        print(json.dumps({
            "summary": {"answers": summary.count, "rated": summary.rated,
                        "average": summary.average, "may_contact": summary.may_contact,
                        "distribution": {str(k): v for k, v in summary.distribution.items()}},
            "answers": [{"id": a.id, "member_id": a.member_id, "member": a.member_name,
                         "rating": a.rating, "worked": a.worked, "change": a.change,
                         "comments": a.comments, "may_contact": a.may_contact,
                         "source": a.source.value, "received_on": a.received_on.isoformat(),
                         "promise_id": a.promise_id} for a in answers]},
            ensure_ascii=False, indent=2))
        return 0
    average = "-" if summary.average is None else f"{summary.average:.1f}"
    print(ngettext("{n} answer, average rating {average}", "{n} answers, average rating "
                   "{average}", summary.count).format(n=summary.count, average=average))
    for a in answers:
        said = " / ".join(t for t in (a.worked, a.change, a.comments) if t)
        print(f"{a.id}\t{a.received_on.isoformat()}\t{a.rating or '-'}\t"
              f"{a.member_name or '-'}\t{said}")
    return 0


def _import(args, feedback) -> int:
    from dataclasses import asdict

    report = feedback.import_csv(EventKind(args.kind), args.event, args.file,
                                 dry_run=args.dry_run)
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
        return 0
    if report.dry_run:
        print(ngettext("Would add {n} answer.", "Would add {n} answers.", report.added)
              .format(n=report.added))
    else:
        print(ngettext("Added {n} answer.", "Added {n} answers.", report.added)
              .format(n=report.added))
    print(ngettext("{n} was imported before.", "{n} were imported before.",
                   report.already_imported).format(n=report.already_imported))
    print(ngettext("{n} answer matched to a member.", "{n} answers matched to members.",
                   report.matched_members).format(n=report.matched_members))
    for problem in report.problems:
        print(problem)
    return 0


def _promise(args, feedback) -> int:
    promise_id = feedback.make_promise(args.response, args.text, owner_member_id=args.owner,
                                       owner_role=args.owner_role, due_on=args.due)
    print(promise_id)
    return 0


def _paper(args, feedback) -> int:
    kind = EventKind(args.kind)
    if args.member:
        path = feedback.write_paper_form_for(args.member, kind, args.event, args.output)
    else:
        path = feedback.write_paper_form(kind, args.event, args.output,
                                         language=args.language,
                                         profile=ProfileKey(args.profile))
    print(_("Wrote {path}.").format(path=path))
    return 0
