"""What the feedback service takes and gives back: plain, frozen data (no database sessions).

Shared by the window, the command line and the documents engine (the paper form's content);
nothing here loads SQLAlchemy, so ``documents/`` can name a paper form without the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from advocate_app.domain.community import _Labelled
from advocate_app.i18n import N_


class EventKind(_Labelled):
    WEBINAR = "webinar"
    MEETING = "meeting"
    STORY_SESSION = "story_session"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.WEBINAR: N_("Webinar"), cls.MEETING: N_("Board meeting"),
                cls.STORY_SESSION: N_("Story-sharing session")}


class FeedbackSource(_Labelled):
    TYPED = "typed"
    PAPER = "paper"
    IMPORTED = "imported"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.TYPED: N_("Typed in"), cls.PAPER: N_("Paper form"),
                cls.IMPORTED: N_("Imported from a file")}


#: Ratings run from 1 (poor) to 5 (excellent); 0 means no rating was given.
RATING_MAX = 5

#: The words for each rating on the form, the dialog and the paper form (1 poor … 5 excellent).
RATING_WORDS: dict[int, str] = {1: N_("Poor"), 2: N_("Fair"), 3: N_("Good"),
                                4: N_("Very good"), 5: N_("Excellent")}

#: Limits on what one answer may hold (typed in or imported).
TEXT_LIMIT = 10_000


@dataclass(frozen=True)
class FeedbackInput:
    """One answer to the feedback form, as typed in (or read from a file)."""

    rating: int = 0  # 1..5, 0 when no rating was given
    worked: str = ""
    change: str = ""
    comments: str = ""
    may_contact: bool = False
    member_id: int | None = None
    received_on: date | None = None  # today when not given
    source: str = "typed"  # a FeedbackSource value


@dataclass(frozen=True)
class FeedbackView:
    id: int
    event_kind: EventKind
    event_id: int
    member_id: int | None
    member_name: str
    rating: int
    worked: str
    change: str
    comments: str
    may_contact: bool
    source: FeedbackSource
    received_on: date
    promise_id: int | None
    version: int = 0  # the answer's saves so far (see services/versions.py)

    @property
    def comment(self) -> str:
        """What the person said, all of it: what to change first, then comments, then what
        worked (the words a promise answers)."""
        return "\n".join(t for t in (self.change, self.comments, self.worked) if t.strip())


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    rated: int  # answers with a rating
    average: float | None  # of the rated answers; None when none is rated
    distribution: dict[int, int]  # rating 1..5 -> how many
    may_contact: int


@dataclass(frozen=True)
class FeedbackTrendPoint:
    """One event's feedback, for the trend over time across events."""

    event_kind: EventKind
    event_id: int
    title: str
    held_on: date
    count: int
    average: float | None


@dataclass(frozen=True)
class EventChoice:
    """An event feedback can be given for: a webinar, a board meeting or a story session."""

    event_kind: EventKind
    event_id: int
    title: str
    held_on: date
    responses: int = 0


@dataclass
class FeedbackImportReport:
    """What importing an online form's export did (or, on a dry run, would do)."""

    file_name: str
    form: str  # "google", "microsoft" or "generic"
    rows: int = 0
    added: int = 0
    already_imported: int = 0
    empty: int = 0
    matched_members: int = 0
    unmatched_emails: int = 0
    dry_run: bool = False
    problems: list[str] = field(default_factory=list)  # rows left out, with the reason


@dataclass(frozen=True)
class PaperFormContent:
    """The words of a paper feedback form, already in the form's language (the documents
    engine lays it out; it translates nothing itself)."""

    language: str
    title: str
    event_line: str  # "Board meeting: Spring meeting, 12 March 2026"
    intro: str
    name_question: str
    rating_question: str
    rating_choices: tuple[str, ...]  # "5 – Excellent" … "1 – Poor"
    text_questions: tuple[str, ...]  # what worked, what to change, anything else
    contact_question: str
    contact_choices: tuple[str, str]  # yes, no
    return_heading: str
    return_text: str
    tick_box_alt: str  # what a screen reader says for an empty tick box
    writing_space_alt: str  # … and for the ruled lines to write on
    writing_lines: int = 4
    member_line: str = ""  # the member's name, when the form is printed for one person
