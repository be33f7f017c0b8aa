"""The printable feedback form for members who prefer paper: its words in the form's language
(whatever the window speaks), laid out by the documents engine as a tagged PDF in a print
profile, and written atomically."""

from __future__ import annotations

from pathlib import Path

from advocate_app.domain.community import PrintFormat
from advocate_app.domain.feedback_views import RATING_WORDS, EventChoice, PaperFormContent
from advocate_app.domain.people import member_display_name
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import N_, _, translator
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader

_KIND_WORDS = {"webinar": N_("the webinar"), "meeting": N_("the board meeting"),
               "story_session": N_("the story-sharing session")}
#: Print formats a paper form can be printed in, and the profile each one uses.
_PROFILE_OF_FORMAT = {PrintFormat.LARGE_PRINT.value: ProfileKey.LARGE,
                      PrintFormat.EASY_READ.value: ProfileKey.EASY_READ}


def form_content(event: EventChoice, language: str, member_name: str = "",
                 easy_read: bool = False) -> PaperFormContent:
    """The words of the paper form for ``event``, in ``language``."""
    from babel.dates import format_date

    from advocate_app.i18n.formatting import date_locale

    t = translator(language)
    what = t(_KIND_WORDS[event.event_kind.value])
    held = format_date(event.held_on, format="long", locale=date_locale(language))
    if easy_read:
        intro = t(N_("Tell us what you thought. Tick one box for each question. Write in the "
                     "spaces. You do not have to answer every question."))
    else:
        intro = t(N_("Thank you for coming. Your answers help us make the next one better. "
                     "Tick one box for each question and write as much or as little as you "
                     "like; every question is optional."))
    return PaperFormContent(
        language=language,
        title=t(N_("Feedback form")),
        event_line=t(N_("{kind}: {title}, {date}")).format(
            kind=t(event.event_kind._labels()[event.event_kind]), title=event.title, date=held),
        intro=intro,
        name_question=t(N_("Your name (optional):")),
        rating_question=t(N_("Overall, how was {what}? Tick one box.")).format(what=what),
        rating_choices=tuple(t(N_("{number} – {words}")).format(number=n, words=t(RATING_WORDS[n]))
                             for n in range(5, 0, -1)),
        text_questions=(t(N_("What worked well?")), t(N_("What should we change?")),
                        t(N_("Anything else you would like to tell us?"))),
        contact_question=t(N_("May we contact you about your answers? Tick one box.")),
        contact_choices=(t(N_("Yes, you may contact me")), t(N_("No, please do not contact "
                                                               "me"))),
        return_heading=t(N_("How to send it back")),
        return_text=t(N_("Give this form to a member of staff. Or post it back to us. You can "
                         "also answer by phone or email: we will write your answers down."))
        if easy_read else t(N_("Give this form to a member of staff, or post it to us in the "
                               "envelope with it. If you would rather answer by phone or "
                               "email, contact us and we will write your answers down for "
                               "you.")),
        tick_box_alt=t(N_("Empty tick box")),
        writing_space_alt=t(N_("Lines to write your answer on")),
        writing_lines=5 if easy_read else 4,
        member_line=t(N_("Name: {name}")).format(name=member_name) if member_name else "",
    )


def write_form(event: EventChoice, path: Path, *, language: str, profile: ProfileKey,
               member_name: str = "", page_size: str = "A4") -> Path:
    from advocate_app.documents.feedback_form import render_form
    from advocate_app.domain.outreach_content import RenderError
    from advocate_app.interchange.files import write_atomically

    if page_size not in ("A4", "Letter"):
        raise ValidationError({"page_size": _("Paper is A4 or Letter.")})
    content = form_content(event, language or "en", member_name,
                           easy_read=profile is ProfileKey.EASY_READ)
    try:
        data = render_form(content, profile, page_size)
    except RenderError as exc:
        raise ValidationError({"form": str(exc)}) from exc
    write_atomically(path, data)
    return path


def member_preferences(reader: Reader, member_id: int) -> tuple[str, str, ProfileKey]:
    """A member's name, language and the print profile of their print format."""
    from advocate_app.i18n.catalogs import available_languages

    rows = reader.rows("SELECT given_name, family_name, preferred_name, preferred_language, "
                       "print_format FROM members WHERE id = :id AND erased_at IS NULL",
                       {"id": member_id})
    if not rows:
        raise NotFoundError(_("This member no longer exists."))
    given, family, preferred, language, print_format = rows[0]
    code = (language or "").replace("_", "-").split("-")[0].lower()
    if code not in set(available_languages()):
        code = "en"
    return (member_display_name(given or "", family or "", preferred or ""), code,
            _PROFILE_OF_FORMAT.get(print_format or "", ProfileKey.STANDARD))
