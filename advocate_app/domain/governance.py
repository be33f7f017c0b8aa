"""The vocabulary of boards and meetings, with translated labels. Plain Python (no database)."""

from __future__ import annotations

from advocate_app.domain.community import _Labelled
from advocate_app.i18n import N_, _


class BoardKind(_Labelled):
    ADVISORY_BOARD = "advisory_board"
    PATIENT_COUNCIL = "patient_council"
    STEERING_COMMITTEE = "steering_committee"
    WORKING_GROUP = "working_group"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.ADVISORY_BOARD: N_("Advisory board"),
                cls.PATIENT_COUNCIL: N_("Patient council"),
                cls.STEERING_COMMITTEE: N_("Steering committee"),
                cls.WORKING_GROUP: N_("Working group")}


class BoardRole(_Labelled):
    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    OBSERVER = "observer"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.CHAIR: N_("Chair"), cls.SECRETARY: N_("Secretary"),
                cls.MEMBER: N_("Member"), cls.OBSERVER: N_("Observer")}

    @property
    def votes(self) -> bool:
        """Observers do not count towards the quorum."""
        return self is not BoardRole.OBSERVER


class AttendanceStatus(_Labelled):
    INVITED = "invited"
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.INVITED: N_("Invited"), cls.PRESENT: N_("Present"),
                cls.APOLOGIES: N_("Apologies"), cls.ABSENT: N_("Absent")}


class AttendanceMode(_Labelled):
    IN_PERSON = "in_person"
    REMOTE = "remote"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.IN_PERSON: N_("In person"), cls.REMOTE: N_("Remote")}


class MinutesStatus(_Labelled):
    DRAFT = "draft"
    CIRCULATED = "circulated"
    APPROVED = "approved"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.DRAFT: N_("Draft"), cls.CIRCULATED: N_("Circulated"),
                cls.APPROVED: N_("Approved")}

    @property
    def locked(self) -> bool:
        """Approved minutes are the record of the meeting: nothing about it changes any more
        (its title, time and place, agenda, attendance, notes, decisions, action items and
        promises). The one rule; services and windows ask it."""
        return self is MinutesStatus.APPROVED


def locked_minutes_refusal(status: MinutesStatus) -> str | None:
    """Why a meeting cannot change (its minutes are approved, see ``MinutesStatus.locked``), in
    the words a person reads; None when it can. Every change to a meeting, its agenda,
    attendance, notes, decisions, action items and promises asks this first."""
    if status.locked:
        return _("These minutes are approved and can no longer be changed.")
    return None


class ActionStatus(_Labelled):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.OPEN: N_("Open"), cls.DONE: N_("Done"), cls.DROPPED: N_("Dropped")}


class PromiseStatus(_Labelled):
    OPEN = "open"
    KEPT = "kept"
    DROPPED = "dropped"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.OPEN: N_("Open"), cls.KEPT: N_("Kept"),
                cls.DROPPED: N_("Not kept (explained)")}


class AccessArrangement(_Labelled):
    CAPTIONS = "captions"
    BSL_INTERPRETER = "bsl_interpreter"
    STEP_FREE = "step_free"
    BREAKS = "breaks"
    LARGE_PRINT_PAPERS = "large_print_papers"
    EASY_READ_PAPERS = "easy_read_papers"
    HEARING_LOOP = "hearing_loop"
    QUIET_ROOM = "quiet_room"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.CAPTIONS: N_("Live captions"),
                cls.BSL_INTERPRETER: N_("Sign-language interpreter"),
                cls.STEP_FREE: N_("Step-free access"), cls.BREAKS: N_("Regular breaks"),
                cls.LARGE_PRINT_PAPERS: N_("Papers in large print"),
                cls.EASY_READ_PAPERS: N_("Papers in Easy Read"),
                cls.HEARING_LOOP: N_("Hearing loop"), cls.QUIET_ROOM: N_("Quiet room")}


class RaciValue(_Labelled):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    CONSULTED = "C"
    INFORMED = "I"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.RESPONSIBLE: N_("Responsible (does it)"),
                cls.ACCOUNTABLE: N_("Accountable (decides, signs off)"),
                cls.CONSULTED: N_("Consulted (asked before)"),
                cls.INFORMED: N_("Informed (told after)")}


#: Activities a rare-disease collaboration usually needs to agree on, offered for a new matrix.
DEFAULT_RACI_ACTIVITIES = (
    N_("Decide on protocol changes"),
    N_("Communicate with ethics committees"),
    N_("Update patients and families"),
    N_("Approve lay summaries"),
    N_("Review patient-facing materials"),
    N_("Recruit to the study"),
    N_("Report safety concerns raised by patients"),
)


def accountable_refusal(value: RaciValue | None, accountable_elsewhere: bool) -> str | None:
    """One accountable party per activity, so that decisions have an owner: why ``value``
    cannot be set for a party when another party is already accountable for the activity
    (``accountable_elsewhere``); None when it can."""
    if value is RaciValue.ACCOUNTABLE and accountable_elsewhere:
        return _("Someone else is already accountable for this activity: one accountable party "
                 "each, so that decisions have an owner.")
    return None


def quorum_needed(voting_members: int, count: int, percent: int) -> int:
    """How many voting members must be present: ``count`` when set, else more than
    ``percent`` per cent of the voting members (at least one)."""
    if count > 0:
        return count
    if voting_members <= 0:
        return 1
    return max(1, voting_members * percent // 100 + 1)
