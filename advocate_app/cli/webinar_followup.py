"""``advocate-app webinars follow-up ID [--folder DIR] [--dry-run] [--json]``: after a webinar,
those who came get the recording, the slides and a request for feedback, registered no-shows
"sorry we missed you" with the recording, each in their language and print format (post as a
print pack in ``--folder``); members without consent for events are left out. The same
service method as the Webinars page's Follow-up tab."""

from __future__ import annotations

from advocate_app.cli.arguments import positive_int
from advocate_app.i18n import _


def add_parser(webinar_subcommands) -> None:
    followup = webinar_subcommands.add_parser(
        "follow-up", help=_("send the follow-up letters after a webinar, by attendance"),
        description=_("Make the follow-up letters after a webinar: those who came get the "
                      "recording, the slides and a request for feedback; registered people "
                      "who did not come get “sorry we missed you” with the recording. Each "
                      "letter is an outreach item in the member's language; letters for "
                      "members who want post go into a print pack in the folder. Nobody is "
                      "sent a follow-up twice."))
    followup.add_argument("webinar", type=positive_int, metavar=_("ID"))
    followup.add_argument("--folder", metavar=_("DIR"),
                          help=_("where the print pack is written (needed when someone wants "
                                 "post)"))
    followup.add_argument("--dry-run", action="store_true",
                          help=_("say who would get which letter, and send nothing"))
    followup.add_argument("--json", action="store_true", help=_("print the result as JSON"))


def run(args, context) -> int:
    import json
    from dataclasses import asdict

    from advocate_app.services.webinar_followup_letters import plan_lines, result_lines

    followup = context.services.webinar_followup
    if args.dry_run:
        plan = followup.plan(args.webinar)
        if args.json:
            print(json.dumps(asdict(plan), ensure_ascii=False, indent=2))
        else:
            print(_("Trial run: nothing was sent."))
            print("\n".join(plan_lines(plan)))
        return 0
    result = followup.send(args.webinar, folder=args.folder)
    if args.json:
        print(json.dumps(asdict(result), ensure_ascii=False, indent=2, default=str))
    else:
        print("\n".join(result_lines(result)))
    return 0
