"""Community members."""

from __future__ import annotations

import enum
import re
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.text import fold
from advocate_app.i18n import N_, _


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


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    pronouns: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    preferred_language: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Folded copies kept for fast, accent-insensitive sorting and searching.
    sort_name: Mapped[str] = mapped_column(String(400), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    version: Mapped[int] = mapped_column(default=1)

    roles: Mapped[list[MemberRole]] = relationship(
        back_populates="member", cascade="all, delete-orphan", lazy="selectin"
    )
    tags: Mapped[list[MemberTag]] = relationship(
        back_populates="member", cascade="all, delete-orphan", lazy="selectin",
        order_by="MemberTag.tag",
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # One index per sort order of the members list, so any page is read in index order.
        Index("ix_members_active_sort", "archived_at", "sort_name", "id"),
        Index("ix_members_active_email", "archived_at", "email", "id"),
        Index("ix_members_active_country", "archived_at", "country", "sort_name", "id"),
        Index("ix_members_active_language", "archived_at", "preferred_language", "sort_name",
              "id"),
        Index("ix_members_active_updated", "archived_at", "updated_at", "id"),
    )

    @property
    def display_name(self) -> str:
        return member_display_name(self.given_name, self.family_name, self.preferred_name)

    def refresh_derived(self) -> None:
        """Recompute the folded sort and search columns from the fields."""
        self.sort_name = member_sort_key(self.given_name, self.family_name, self.preferred_name)
        self.search_text = member_search_text(
            self.given_name, self.family_name, self.preferred_name, self.email, self.phone,
            [t.tag for t in self.tags],
        )


def member_display_name(given: str, family: str, preferred: str) -> str:
    first = preferred or given
    return " ".join(part for part in (first, family) if part)


def member_sort_key(given: str, family: str, preferred: str) -> str:
    return fold(" ".join(p for p in (family, preferred or given) if p))


_WORD_JOINERS = re.compile(r"[-'’.@_/]+")


def member_search_text(given, family, preferred, email, phone, tags) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    parts = [given, family, preferred, email, phone, digits, *tags]
    folded = fold(" ".join(p for p in parts if p))
    # Word starts inside "Diallo-Sow", "O'Neill" and "ana.nunez@example.org" count too.
    split = _WORD_JOINERS.sub(" ", folded)
    return f" {folded} {split} " if split != folded else f" {folded} "


class MemberRole(Base):
    __tablename__ = "member_roles"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    member: Mapped[Member] = relationship(back_populates="roles")

    __table_args__ = (Index("ix_member_roles_role", "role", "member_id"),)


class MemberTag(Base):
    __tablename__ = "member_tags"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(100), primary_key=True)
    member: Mapped[Member] = relationship(back_populates="tags")

    __table_args__ = (Index("ix_member_tags_tag", "tag", "member_id"),)
