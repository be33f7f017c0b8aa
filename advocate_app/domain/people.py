"""Plain facts about people in the community: roles, names, and their folded forms.

Pure Python, so the user interface and the fast start-up path can use them without loading the
database libraries.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from advocate_app.domain.access import AccountRole, Permission, allowed
from advocate_app.domain.text import fold
from advocate_app.i18n import N_, _


@dataclass(frozen=True)
class Actor:
    """The account on whose behalf a service call runs, and its role (what it may do).

    The built-in account of a single-user install acts as an administrator."""

    account_id: int
    display_name: str
    role: AccountRole = AccountRole.ADMIN

    def may(self, permission: Permission) -> bool:
        return allowed(self.role, permission)


DEFAULT_ACCOUNT_ID = 1
#: The built-in account's name, as stored; shown translated by :func:`account_name`.
LOCAL_USER = N_("Local user")
DEFAULT_ACTOR = Actor(DEFAULT_ACCOUNT_ID, LOCAL_USER)


def account_name(name: str | None) -> str:
    """An account's name as shown: the built-in account's in the interface language."""
    if not name:
        return ""
    return _(LOCAL_USER) if name == LOCAL_USER else name


class Role(enum.StrEnum):
    """The parts a person plays in the community. A member may have several."""

    PATIENT = "patient"
    CARER = "carer"
    CLINICIAN = "clinician"
    RESEARCHER = "researcher"
    INDUSTRY = "industry"
    REGULATOR = "regulator"
    VOLUNTEER = "volunteer"
    STAFF = "staff"
    BOARD_MEMBER = "board_member"

    @property
    def label(self) -> str:
        return _(_ROLE_LABELS[self])


ROLE_VALUES = frozenset(role.value for role in Role)

_ROLE_LABELS = {
    Role.PATIENT: N_("Patient"),
    Role.CARER: N_("Carer or parent"),
    Role.CLINICIAN: N_("Clinician"),
    Role.RESEARCHER: N_("Researcher"),
    Role.INDUSTRY: N_("Industry"),
    Role.REGULATOR: N_("Regulator"),
    Role.VOLUNTEER: N_("Volunteer"),
    Role.STAFF: N_("Staff"),
    Role.BOARD_MEMBER: N_("Board member"),
}


def member_display_name(given: str, family: str, preferred: str) -> str:
    first = preferred or given  # read for every row of long lists: no generator
    return f"{first} {family}" if first and family else first or family


def member_sort_key(given: str, family: str, preferred: str) -> str:
    return fold(" ".join(p for p in (family, preferred or given) if p))


_WORD_JOINERS = re.compile(r"[-'’.@_/]+")


#: Phone numbers are found by any run of at least this many digits, wherever it starts.
MIN_PHONE_DIGITS = 4


def member_search_text(given: str, family: str, preferred: str, email: str, phone: str,
                       tags: Iterable[str], other_emails: Iterable[str] = (),
                       other_phones: Iterable[str] = ()) -> str:
    """Folded words to search; ``other_emails``/``other_phones``: every address and number
    besides the primary ones, so a member is found by any of them."""
    tails: list[str] = []
    for number in (phone, *other_phones):
        digits = "".join(ch for ch in number if ch.isdigit())
        # Every tail of the digits is a word of its own, so "7946 0000" finds "+44 20 7946 0000".
        tails.extend(digits[i:] for i in range(len(digits) - MIN_PHONE_DIGITS + 1))
    words = fold(" ".join(p for p in (given, family, preferred, email, phone, *other_emails,
                                      *other_phones, *tags) if p))
    # Word starts inside "Diallo-Sow", "O'Neill" and "ana.nunez@example.org" count too.
    split = [_WORD_JOINERS.sub(" ", w) for w in words.split() if _WORD_JOINERS.search(w)]
    return " " + " ".join([words, *tails, *split]) + " "


#: Labels for email addresses and phone numbers Advocate knows; any other text is kept as typed.
CONTACT_LABELS = {"home": N_("Home"), "work": N_("Work"), "mobile": N_("Mobile"),
                  "other": N_("Other"), "fax": N_("Fax")}


def contact_label_text(label: str) -> str:
    """A contact's label as people read it in the interface language."""
    return _(CONTACT_LABELS[label]) if label in CONTACT_LABELS else label
