"""When two records are the same person: the rules shared by imports and the duplicates view.

- the same email address (ignoring case) and compatible names: the same person;
- the same email but clearly different given names: a shared (family) address, never merged;
- a similar name (rapidfuzz token-sort ratio of at least 90) and the same phone number or
  postcode: the same person.
"""

from __future__ import annotations

from dataclasses import dataclass

from advocate_app.domain.people import member_display_name
from advocate_app.domain.text import fold
from advocate_app.services.member_data import MemberInput

NAME_MATCH = 85      # rapidfuzz token_sort_ratio for "the same person" when the email matches
SIMILAR_NAME = 90    # ... when only the phone number or postcode matches


@dataclass
class Known:
    key: tuple[str, int]  # ("db", member id) or ("new", index among new people)
    name: str
    given: str
    label: str


class PeopleIndex:
    def __init__(self):
        self.by_email: dict[str, list[Known]] = {}
        self.by_phone: dict[str, list[Known]] = {}
        self.by_postcode: dict[str, list[Known]] = {}
        self.by_name: dict[str, list[Known]] = {}

    def add(self, known: Known, email: str, phone: str, postcode: str) -> None:
        if known.name:
            self.by_name.setdefault(known.name, []).append(known)
        if email:
            self.by_email.setdefault(email.casefold(), []).append(known)
        digits = "".join(ch for ch in phone if ch.isdigit())[-9:]
        if len(digits) >= 7:
            self.by_phone.setdefault(digits, []).append(known)
        code = fold(postcode).replace(" ", "")
        if code:
            self.by_postcode.setdefault(code, []).append(known)

    def namesake(self, person: MemberInput) -> Known | None:
        """Someone with exactly the same name: worth a look, never merged on that alone."""
        name = fold(member_display_name(person.given_name, person.family_name, ""))
        found = self.by_name.get(name)
        return found[0] if found else None

    def match(self, person: MemberInput) -> tuple[Known | None, Known | None]:
        """(the same person, someone sharing the email) — either may be None."""
        from rapidfuzz import fuzz

        name = fold(member_display_name(person.given_name, person.family_name, ""))
        given = fold(person.given_name)
        shared = None
        for known in self.by_email.get(person.email.casefold(), []) if person.email else []:
            if (fuzz.token_sort_ratio(name, known.name) >= NAME_MATCH or not given
                    or not known.given or given.split()[0] == known.given.split()[0]):
                return known, None
            shared = known
        digits = "".join(ch for ch in person.phone if ch.isdigit())[-9:]
        code = fold(person.postcode).replace(" ", "")
        for bucket in (self.by_phone.get(digits, []) if len(digits) >= 7 else [],
                       self.by_postcode.get(code, []) if code else []):
            for known in bucket:
                if fuzz.token_sort_ratio(name, known.name) >= SIMILAR_NAME:
                    return known, shared
        return None, shared


