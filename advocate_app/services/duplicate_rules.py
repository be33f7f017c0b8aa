"""When two records are the same person: the rules shared by imports and the duplicates view.

- the same email address (ignoring case) and compatible names: the same person;
- the same email but clearly different given names: a shared (family) address, never merged;
- a similar name (rapidfuzz token-sort ratio of at least 90) and the same phone number or
  postcode: the same person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from advocate_app.domain.people import member_display_name
from advocate_app.domain.text import fold

NAME_MATCH = 85      # rapidfuzz token_sort_ratio for "the same person" when the email matches
SIMILAR_NAME = 90    # ... when only the phone number or postcode matches


class PersonContact(Protocol):
    """What matching reads of a person: a member's input, or an import row's packed contact
    details (whose ``contacts``, if any, are plain tuples)."""

    @property
    def given_name(self) -> str: ...
    @property
    def family_name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def postcode(self) -> str: ...


@dataclass
class Known:
    key: tuple[str, int]  # ("db", member id) or ("new", index among new people)
    name: str
    given: str
    label: str


class PeopleIndex:
    def __init__(self) -> None:
        self.by_email: dict[str, list[Known]] = {}
        self.by_phone: dict[str, list[Known]] = {}
        self.by_postcode: dict[str, list[Known]] = {}
        self.by_name: dict[str, list[Known]] = {}

    def add(self, known: Known, emails: str | Iterable[str], phones: str | Iterable[str],
            postcode: str) -> None:
        """``emails`` and ``phones``: every address and number the person has (a single
        string is one)."""
        if known.name:
            self.by_name.setdefault(known.name, []).append(known)
        for email in _listed(emails):
            if email:
                bucket = self.by_email.setdefault(email.casefold(), [])
                if known not in bucket:
                    bucket.append(known)
        for phone in _listed(phones):
            digits = _digits(phone)
            if len(digits) >= 7:
                bucket = self.by_phone.setdefault(digits, [])
                if known not in bucket:
                    bucket.append(known)
        code = fold(postcode).replace(" ", "")
        if code:
            self.by_postcode.setdefault(code, []).append(known)

    def namesake(self, person: PersonContact) -> Known | None:
        """Someone with exactly the same name: worth a look, never merged on that alone."""
        name = fold(member_display_name(person.given_name, person.family_name, ""))
        found = self.by_name.get(name)
        return found[0] if found else None

    def match(self, person: PersonContact) -> tuple[Known | None, Known | None]:
        """(the same person, someone sharing the email) — either may be None."""
        from rapidfuzz import fuzz

        name = fold(member_display_name(person.given_name, person.family_name, ""))
        given = fold(person.given_name)
        shared = None
        for email in values_of(person, "email"):
            for known in self.by_email.get(email.casefold(), []):
                if (fuzz.token_sort_ratio(name, known.name) >= NAME_MATCH or not given
                        or not known.given or given.split()[0] == known.given.split()[0]):
                    return known, None
                shared = known
        code = fold(person.postcode).replace(" ", "")
        phones = [self.by_phone.get(digits, []) for digits in
                  (_digits(phone) for phone in values_of(person, "phone")) if len(digits) >= 7]
        for bucket in (*phones, self.by_postcode.get(code, []) if code else []):
            for known in bucket:
                if fuzz.token_sort_ratio(name, known.name) >= SIMILAR_NAME:
                    return known, shared
        return None, shared




def values_of(person: PersonContact, kind: str) -> list[str]:
    """Every email address or phone number of a person (``contacts`` may be plain tuples)."""
    found = [c[1] for c in getattr(person, "contacts", ()) if c[0] == kind]
    primary = person.email if kind == "email" else person.phone
    return found or ([primary] if primary else [])


def _listed(values: str | Iterable[str]) -> list[str]:
    return [values] if isinstance(values, str) else list(values)


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())[-9:]
