"""The follow-up letters after a webinar, in a member's language: attendees get the recording,
the slides and a request for feedback; registered people who did not come get "sorry we
missed you" with the recording.

Each letter is an outreach item (a letter, personalised per member when printed) written in
short sentences with a picture beside each idea, so one version reads well in every print
profile, Easy Read included. The words go through the catalog of the letter's language, not
the window's.

Also the follow-up in the words of whoever sends it (the window and the command line): who
would get which letter, and what sending did.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem, pictogram_label
from advocate_app.domain.webinar_views import FollowUpPlan, FollowUpResult
from advocate_app.i18n import N_, _, ngettext, translator
from advocate_app.i18n.formatting import format_list, format_number, language_name

Translate = Callable[[str], str]


class Message(enum.StrEnum):
    """Which letter a person gets."""

    ATTENDED = "attended"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return _(_MESSAGE_LABELS[self.value])


_MESSAGE_LABELS = {"attended": N_("Thank you, with the recording, slides and a feedback "
                                  "request"),
                   "missed": N_("Sorry we missed you, with the recording")}


@dataclass(frozen=True)
class WebinarFacts:
    """What a letter says of the webinar."""

    id: int
    title: str
    starts_at: datetime  # UTC
    timezone: str
    recording_link: str
    slides_link: str


def group_name(webinar_id: int, message: Message) -> str:
    """The outreach group of one letter's versions (one per language)."""
    return f"webinar-{webinar_id}-follow-up-{message.value}"


def letter(webinar: WebinarFacts, message: Message, language: str) -> OutreachItem:
    """The letter for ``message`` in ``language``."""
    t = translator(language)
    if message is Message.ATTENDED:
        title = t(N_("Thank you for coming: {title}")).format(title=webinar.title)
        blocks = _attended(webinar, language, t)
        audience = t(N_("People who came to the webinar"))
    else:
        title = t(N_("Sorry we missed you: {title}")).format(title=webinar.title)
        blocks = _missed(webinar, language, t)
        audience = t(N_("People who registered but could not come"))
    return OutreachItem(ItemKind.LETTER, title, language, tuple(blocks), audience=audience,
                        purpose="events", group=group_name(webinar.id, message))


def _opening(webinar: WebinarFacts, language: str, t: Translate, heading: str) -> list[Block]:
    return [
        Block("address"),
        _para("{{date}}"),
        _para("{{salutation}},"),
        Block("heading", {"level": 1, "text": heading}),
        Block("image", {"pictogram": "computer", "alt": pictogram_label("computer", t),
                        "decorative": False}),
        Block("event", {"title": _escape(webinar.title), "when": _escape(
            _when(webinar, language, t))}),
    ]


def _attended(webinar: WebinarFacts, language: str, t: Translate) -> list[Block]:
    blocks = _opening(webinar, language, t, t(N_("Thank you for coming to our webinar")))
    blocks += [
        _para(t(N_("Thank you for taking part. We hope it was useful.")), "heart", t),
        Block("heading", {"level": 2, "text": t(N_("Watch it again"))}),
        _para(t(N_("The recording is online. You can watch it at any time.")), "computer", t),
        Block("qr", {"url": webinar.recording_link,
                     "caption": t(N_("Scan this code to watch the recording."))}),
    ]
    if webinar.slides_link.strip():
        blocks += [
            Block("heading", {"level": 2, "text": t(N_("The slides"))}),
            _para(t(N_("You can read the slides too.")), "information", t),
            Block("qr", {"url": webinar.slides_link,
                         "caption": t(N_("Scan this code to read the slides."))}),
        ]
    blocks += [
        Block("heading", {"level": 2, "text": t(N_("Tell us what you thought"))}),
        _para(t(N_("Your views help us make the next webinar better.")), "question", t),
        Block("list", {"ordered": False, "items": [
            t(N_("What worked well for you?")), t(N_("What should we change?")),
            t(N_("Is there anything else you would like to tell us?"))]}),
        _para(t(N_("Please write back to us, or tell us when we next speak.")), "letter", t),
        _para(t(N_("With best wishes,"))),
        Block("formats_notice"),
    ]
    return blocks


def _missed(webinar: WebinarFacts, language: str, t: Translate) -> list[Block]:
    blocks = _opening(webinar, language, t, t(N_("Sorry we missed you")))
    blocks += [
        _para(t(N_("We are sorry you could not join us. You can still watch it.")),
              "heart", t),
        Block("heading", {"level": 2, "text": t(N_("Watch the recording"))}),
        _para(t(N_("The recording is online. You can watch it at any time.")), "computer", t),
        Block("qr", {"url": webinar.recording_link,
                     "caption": t(N_("Scan this code to watch the recording."))}),
        _para(t(N_("We hope to see you at a webinar soon.")), "calendar", t),
        _para(t(N_("With best wishes,"))),
        Block("formats_notice"),
    ]
    return blocks


def _para(text: str, picture: str = "", t: Translate | None = None) -> Block:
    data: dict[str, Any] = {"text": text}
    if picture:
        data["picture"] = picture
        data["picture_alt"] = pictogram_label(picture, t)
    return Block("paragraph", data)


def _when(webinar: WebinarFacts, language: str, t: Translate) -> str:
    """"Thursday 3 December 2026, 18:00 GMT (Europe/London)", in the letter's language."""
    from advocate_app.domain.board_views import zone
    from advocate_app.i18n.formatting import format_date, format_time

    local = webinar.starts_at.astimezone(zone(webinar.timezone))
    return t(N_("{date}, {time} ({zone})")).format(
        date=format_date(local, "full", language=language),
        time=format_time(local, zone=True, language=language), zone=webinar.timezone)


def _escape(text: str) -> str:
    """Words printed as they are written (no emphasis or links made from stars and brackets),
    and no merge fields."""
    return re.sub(r"([\\*\[\]()_])", r"\\\1", text).replace("{{", "{ {")


# -- the follow-up in the sender's words ------------------------------------------------------


def plan_lines(plan: FollowUpPlan) -> list[str]:
    """The plan in plain words, a line for each group (the window and the command line)."""
    lines: list[str] = []
    if plan.attendees:
        lines.append(ngettext(
            "{n} person came: they get the recording, the slides and a request for feedback.",
            "{n} people came: they get the recording, the slides and a request for feedback.",
            len(plan.attendees)).format(n=format_number(len(plan.attendees))))
    if plan.no_shows:
        lines.append(ngettext(
            "{n} person registered and did not come: they get “sorry we missed you” with the "
            "recording.",
            "{n} people registered and did not come: they get “sorry we missed you” with the "
            "recording.", len(plan.no_shows)).format(n=format_number(len(plan.no_shows))))
    if plan.by_post:
        lines.append(ngettext(
            "{n} of them wants post: their letter goes into a print pack.",
            "{n} of them want post: their letters go into a print pack.",
            len(plan.by_post)).format(n=format_number(len(plan.by_post))))
    if plan.languages:
        lines.append(_("Letters in: {languages}.").format(languages=format_list(
            language_name(code) or code for code in plan.languages)))
    if plan.without_consent:
        lines.append(ngettext(
            "{n} person is left out: no valid consent to be contacted about events.",
            "{n} people are left out: no valid consent to be contacted about events.",
            len(plan.without_consent)).format(n=format_number(len(plan.without_consent))))
    if plan.already_sent:
        lines.append(ngettext(
            "{n} person has been sent their follow-up already.",
            "{n} people have been sent their follow-up already.",
            len(plan.already_sent)).format(n=format_number(len(plan.already_sent))))
    if not (plan.attendees or plan.no_shows):
        lines.insert(0, _("No one is waiting for a follow-up: attendance is not recorded yet, "
                          "or everyone who came or missed it has theirs."))
    return lines


def result_lines(result: FollowUpResult) -> list[str]:
    """What sending did, in plain words, a line each."""
    if not result.sent:
        lines = [_("Nothing new was sent: everyone who can be sent a follow-up has theirs.")]
    else:
        lines = [ngettext("Follow-up sent to {n} member.", "Follow-up sent to {n} members.",
                          result.sent).format(n=format_number(result.sent))]
    if result.by_email:
        lines.append(ngettext(
            "{n} to email: their letter is in Outreach, in their language.",
            "{n} to email: their letters are in Outreach, in their languages.",
            len(result.by_email)).format(n=format_number(len(result.by_email))))
    if result.by_post and result.folder is not None:
        lines.append(ngettext(
            "{n} by post: the print pack is in {folder}.",
            "{n} by post: the print pack is in {folder}.",
            len(result.by_post)).format(n=format_number(len(result.by_post)),
                                        folder=str(result.folder)))
    if result.feedback_forms:
        lines.append(ngettext(
            "{n} paper feedback form to print and put in with the thank-you letters "
            "(feedback-form-….pdf, one copy for each letter in the file of the same "
            "language and format).",
            "{n} paper feedback forms to print and put in with the thank-you letters "
            "(feedback-form-….pdf, one copy for each letter in the file of the same "
            "language and format).", result.feedback_forms).format(
            n=format_number(result.feedback_forms)))
    for _member_id, name, reason in result.left_out:
        lines.append(_("Not sent to {name}: {reason}").format(name=name, reason=reason))
    return lines
