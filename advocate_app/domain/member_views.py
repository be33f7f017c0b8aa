"""Plain data objects for members (views), passed between the layers: what the member editor
sends, what a list shows, which members a list asks for. Nothing here does I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from advocate_app.domain.community import (
    AccessNeed,
    AgeBand,
    Barrier,
    Channel,
    ConsentPurpose,
    PrintFormat,
    reconcile_format_needs,
)
from advocate_app.domain.people import Role, member_display_name


@dataclass(frozen=True)
class ConditionInput:
    """A condition, optionally with its ORPHAcode (Orphanet's number for a rare disease)."""

    name: str
    orpha_code: str = ""
    diagnosis_confirmed: bool = False
    genetic_test_done: bool = False


class ContactInput(NamedTuple):
    """One email address or phone number of a member, with its label (home, work, mobile…).

    A member's contacts are kept in order: the first email and the first phone number are the
    primary ones, which ``MemberInput.email`` and ``MemberInput.phone`` also hold.
    """

    kind: str  # "email" or "phone"
    value: str
    label: str = ""


@dataclass(frozen=True)
class MemberInput:
    """What a person types into the member editor (or a script passes in)."""

    given_name: str = ""
    family_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    country: str = ""
    preferred_language: str = ""
    roles: frozenset[Role] = field(default_factory=frozenset)
    tags: tuple[str, ...] = ()
    notes: str = ""
    region: str = ""
    date_of_birth: date | None = None
    age_band: AgeBand | None = None
    print_format: PrintFormat | None = None
    contact_times: str = ""
    channels: frozenset[Channel] = field(default_factory=frozenset)
    access_needs: frozenset[AccessNeed] = field(default_factory=frozenset)
    sign_language: str = ""
    barriers: frozenset[Barrier] = field(default_factory=frozenset)
    barrier_notes: str = ""
    conditions: tuple[ConditionInput, ...] = ()
    #: Every email address and phone number (the primary ones first); see ContactInput.
    contacts: tuple[ContactInput, ...] = ()
    #: The language the member named second (outreach falls back to it before the source).
    second_language: str = ""

    def __post_init__(self) -> None:
        # "Printed material in" and the large print / Easy Read needs never disagree.
        fmt, needs = reconcile_format_needs(self.print_format, self.access_needs)
        object.__setattr__(self, "print_format", fmt)
        object.__setattr__(self, "access_needs", needs)

    def values_of(self, kind: str) -> list[str]:
        """Every email address (``kind="email"``) or phone number, the primary one first."""
        primary = self.email if kind == "email" else self.phone
        values = [c.value for c in self.contacts if c.kind == kind]
        return values if values else ([primary] if primary else [])


@dataclass(frozen=True)
class MemberDetails(MemberInput):
    id: int = 0
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    archived_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return member_display_name(self.given_name, self.family_name, self.preferred_name)

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


@dataclass(frozen=True)
class MemberRow:
    """One line of the members list."""

    id: int
    display_name: str
    email: str
    phone: str
    country: str
    preferred_language: str
    roles: tuple[Role, ...]
    updated_at: datetime | None
    archived: bool


class MemberSort(enum.StrEnum):
    NAME = "name"
    EMAIL = "email"
    COUNTRY = "country"
    LANGUAGE = "language"
    UPDATED = "updated"


@dataclass(frozen=True)
class MemberQuery:
    """Which members a list shows and in what order."""

    text: str = ""
    role: Role | None = None
    language: str = ""
    access_need: AccessNeed | None = None
    consent: ConsentPurpose | None = None  # only members whose consent for this is valid now
    region: str = ""
    tag: str = ""
    include_archived: bool = False
    #: Only members added or changed at or after this moment (the people an import brought).
    changed_since: datetime | None = None
    sort: MemberSort = MemberSort.NAME
    descending: bool = False
