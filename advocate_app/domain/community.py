"""The vocabulary of a member's record beyond their name: access needs, barriers, channels,
consent and relationships. Plain Python, with translated labels.

Special-category data (health, under data-protection law) is named in
:data:`SPECIAL_CATEGORY_FIELDS`; exports leave it out unless asked, and later views for other
roles hide it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from advocate_app.i18n import N_, _

#: Each labelled enum's untranslated labels, made once (lists ask for thousands of labels).
_LABELS: dict[type, dict] = {}


class _Labelled(enum.StrEnum):
    @property
    def label(self) -> str:
        kind = type(self)
        labels = _LABELS.get(kind)
        if labels is None:
            labels = _LABELS[kind] = kind._labels()
        return _(labels[self])

    @classmethod
    def _labels(cls) -> dict:
        raise NotImplementedError


class AccessNeed(_Labelled):
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"
    SCREEN_READER = "screen_reader"
    AUDIO = "audio"
    BRAILLE = "braille"
    SIGN_LANGUAGE = "sign_language"
    CAPTIONS = "captions"
    HEARING_LOOP = "hearing_loop"
    STEP_FREE = "step_free"
    QUIET_ROOM = "quiet_room"
    BREAKS = "breaks"

    @classmethod
    def _labels(cls) -> dict:
        return {
            cls.LARGE_PRINT: N_("Large print"), cls.EASY_READ: N_("Easy Read"),
            cls.SCREEN_READER: N_("Screen reader"), cls.AUDIO: N_("Audio"),
            cls.BRAILLE: N_("Braille"), cls.SIGN_LANGUAGE: N_("Sign-language interpreter"),
            cls.CAPTIONS: N_("Captions"), cls.HEARING_LOOP: N_("Hearing loop"),
            cls.STEP_FREE: N_("Step-free access"), cls.QUIET_ROOM: N_("Quiet room"),
            cls.BREAKS: N_("Regular breaks"),
        }


class Barrier(_Labelled):
    TRAVEL = "travel"
    WORK_HOURS = "work_hours"
    CARING = "caring"
    COST = "cost"
    DIGITAL = "digital"

    @classmethod
    def _labels(cls) -> dict:
        return {
            cls.TRAVEL: N_("Cannot travel far"), cls.WORK_HOURS: N_("Work hours"),
            cls.CARING: N_("Caring duties"), cls.COST: N_("Cost"),
            cls.DIGITAL: N_("Little or no internet access"),
        }


class Channel(_Labelled):
    EMAIL = "email"
    POST = "post"
    PHONE = "phone"
    SMS = "sms"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.EMAIL: N_("Email"), cls.POST: N_("Post"), cls.PHONE: N_("Phone"),
                cls.SMS: N_("Text message")}


class PrintFormat(_Labelled):
    STANDARD = "standard"
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"
    BRAILLE = "braille"
    AUDIO = "audio"
    DIGITAL = "digital"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.STANDARD: N_("Standard print"), cls.LARGE_PRINT: N_("Large print"),
                cls.EASY_READ: N_("Easy Read"), cls.BRAILLE: N_("Braille"),
                cls.AUDIO: N_("Audio"), cls.DIGITAL: N_("Digital only")}


#: Access needs that are also a way of printing: a member's need and their printed format
#: always agree (see :func:`reconcile_format_needs`).
FORMAT_OF_NEED = {AccessNeed.EASY_READ: PrintFormat.EASY_READ,
                  AccessNeed.LARGE_PRINT: PrintFormat.LARGE_PRINT}


def reconcile_format_needs(print_format: PrintFormat | None, needs: Iterable[AccessNeed]
                           ) -> tuple[PrintFormat | None, frozenset[AccessNeed]]:
    """The one rule joining "Printed material in" and the "Large print" and "Easy Read"
    access needs: a large print or Easy Read format is also that need; a need of either,
    with no format chosen or standard print, makes it the format (Easy Read first). Braille,
    audio or digital only, when chosen, stay as chosen."""
    needs = frozenset(needs)
    for need, fmt in FORMAT_OF_NEED.items():
        if print_format is fmt:
            return print_format, needs | {need}
    if print_format in (None, PrintFormat.STANDARD):
        for need, fmt in FORMAT_OF_NEED.items():
            if need in needs:
                return fmt, needs
    return print_format, needs


class ConsentPurpose(_Labelled):
    NEWSLETTER = "newsletter"
    EVENTS = "events"
    RESEARCH = "research"
    PHOTOS = "photos"
    DATA_PROCESSING = "data_processing"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.NEWSLETTER: N_("Newsletter and updates"),
                cls.EVENTS: N_("Event invitations"),
                cls.RESEARCH: N_("Research and trial contact"), cls.PHOTOS: N_("Photos"),
                cls.DATA_PROCESSING: N_("Keeping their data")}


class ConsentStatus(_Labelled):
    GRANTED = "granted"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.GRANTED: N_("Granted"), cls.WITHDRAWN: N_("Withdrawn"),
                cls.EXPIRED: N_("Expired")}


class ConsentMethod(_Labelled):
    PAPER = "paper"
    VERBAL = "verbal"
    ONLINE = "online"
    EMAIL = "email"
    IMPORTED = "imported"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.PAPER: N_("Paper form"), cls.VERBAL: N_("Verbal"),
                cls.ONLINE: N_("Online form"), cls.EMAIL: N_("Email"),
                cls.IMPORTED: N_("Imported from a file")}


class AgeBand(_Labelled):
    CHILD = "0-17"
    YOUNG_ADULT = "18-24"
    ADULT_25 = "25-34"
    ADULT_35 = "35-44"
    ADULT_45 = "45-54"
    ADULT_55 = "55-64"
    ADULT_65 = "65-74"
    OLDER = "75+"

    @classmethod
    def _labels(cls) -> dict:
        return {band: N_(band.value) if band is not cls.CHILD else N_("Under 18")
                for band in cls}

    @classmethod
    def for_birth_date(cls, born: date, on: date) -> AgeBand:
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        for band, upper in ((cls.CHILD, 17), (cls.YOUNG_ADULT, 24), (cls.ADULT_25, 34),
                            (cls.ADULT_35, 44), (cls.ADULT_45, 54), (cls.ADULT_55, 64),
                            (cls.ADULT_65, 74)):
            if age <= upper:
                return band
        return cls.OLDER


class RelationshipKind(_Labelled):
    CARER_OF = "carer_of"
    PARENT_OF = "parent_of"
    CLINICIAN_OF = "clinician_of"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.CARER_OF: N_("Carer of"), cls.PARENT_OF: N_("Parent of"),
                cls.CLINICIAN_OF: N_("Clinician of")}


class EngagementKind(enum.StrEnum):
    """Kinds of entry in a member's engagement timeline."""

    CALL = "call"
    EMAIL = "email"
    LETTER = "letter"
    MEETING = "meeting"
    EVENT = "event"
    NOTE = "note"

    @property
    def label(self) -> str:
        return _(_ENGAGEMENT_LABELS[self.value])


_ENGAGEMENT_LABELS = {"call": N_("Phone call"), "email": N_("Email"), "letter": N_("Letter"),
                      "meeting": N_("Meeting"), "event": N_("Event"), "note": N_("Note")}


#: Fields holding health data (conditions, disability-related needs, age): special category.
SPECIAL_CATEGORY_FIELDS = frozenset({
    "conditions", "access_needs", "sign_language", "date_of_birth", "age_band",
})
