"""``advocate-app stories …``: the stories kept, with their consent for each channel, and every
outreach item and rendering that used a story."""

from __future__ import annotations

from advocate_app.cli.arguments import Parser, positive_int
from advocate_app.i18n import _, mid_sentence


def add_parsers(commands) -> None:
    stories = commands.add_parser(
        "stories", help=_("list stories and their consent, and where each was used"),
        description=_("Stories: list them with their teller’s consent for each channel, or "
                      "list every outreach item and rendering that used one."))
    what = stories.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=Parser,
                                  required=True)
    listing = what.add_parser("list", help=_("list the stories, latest told first"))
    listing.add_argument("--json", action="store_true",
                         help=_("print a JSON list (id, title, teller, consent per channel)"))
    listing.add_argument("--archived", action="store_true",
                         help=_("include archived stories"))
    uses = what.add_parser("uses", help=_("list the outreach items and renderings that used "
                                          "a story"))
    uses.add_argument("story", type=positive_int, metavar=_("STORY_ID"))
    uses.add_argument("--json", action="store_true",
                      help=_("print a JSON list (item, rendering, channel, used_at, "
                             "do_not_reprint)"))


def run(args, context) -> int:
    if args.what == "list":
        return _list(args, context)
    return _uses(args, context)


def _list(args, context) -> int:
    import json

    from advocate_app.domain.story_rules import StoryConsentState

    stories = context.services.stories.list(include_archived=args.archived)
    if args.json:
        print(json.dumps([story.to_json() for story in stories], ensure_ascii=False, indent=2))
        return 0
    for story in stories:
        consents = ", ".join(
            _("{channel}: {state}").format(channel=c.channel.label, state=mid_sentence(c.state.label))
            for c in story.consents if c.state is not StoryConsentState.NONE)
        print("\t".join((str(story.id), story.title, story.teller_name or _("anonymous"),
                         consents or _("no consent recorded"))))
    return 0


def _uses(args, context) -> int:
    import json

    services = context.services
    story = services.stories.get(args.story)
    uses = services.stories.uses(story.id)
    if args.json:
        print(json.dumps([use.to_json() for use in uses], ensure_ascii=False, indent=2))
        return 0
    if not uses:
        print(_("No outreach item has used the story “{title}”.").format(title=story.title))
        return 0
    for use in uses:
        item = use.item_title if use.item_id is None else f"#{use.item_id} {use.item_title}"
        rendering = _("rendering {id}").format(id=use.rendering_id) \
            if use.rendering_id is not None else _("no rendering")
        columns = [use.used_at.isoformat(timespec="minutes"), item, rendering,
                   use.channel.label, use.identification.label]
        if use.do_not_reprint:
            columns.append(_("do not reprint"))
        print("\t".join(columns))
    return 0
