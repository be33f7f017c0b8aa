"""Community members as stored in the database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.people import (  # noqa: F401 - re-exported for the storage layer
    ROLE_VALUES,
    Role,
    member_display_name,
    member_search_text,
    member_sort_key,
)


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
    #: The language the member named second (outreach falls back to it).
    second_language: Mapped[str] = mapped_column(String(20), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date, default=None)
    age_band: Mapped[str] = mapped_column(String(10), default="")
    print_format: Mapped[str] = mapped_column(String(20), default="")
    contact_times: Mapped[str] = mapped_column(String(200), default="")
    sign_language: Mapped[str] = mapped_column(String(60), default="")
    barrier_notes: Mapped[str] = mapped_column(Text, default="")
    # Set when the member's identifying data was erased at their request or by retention.
    erased_at: Mapped[datetime | None] = mapped_column(default=None)
    erased_by: Mapped[int | None] = mapped_column(default=None)
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

    access_needs: Mapped[list[MemberAccessNeed]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")
    barriers: Mapped[list[MemberBarrier]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")
    channels: Mapped[list[MemberChannel]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")
    conditions: Mapped[list[MemberCondition]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="MemberCondition.id")
    #: Every email address and phone number; the primary ones are also in ``email``/``phone``.
    contacts: Mapped[list[MemberContact]] = relationship(
        cascade="all, delete-orphan", lazy="selectin",
        order_by="[MemberContact.kind, MemberContact.position]")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # One index per sort order of the members list, so any page is read in index order.
        Index("ix_members_active_sort", "archived_at", "sort_name", "id"),
        Index("ix_members_active_email", "archived_at", "email", "id"),
        Index("ix_members_active_country", "archived_at", "country", "sort_name", "id"),
        Index("ix_members_active_language", "archived_at", "preferred_language", "sort_name",
              "id"),
        Index("ix_members_active_updated", "archived_at", "updated_at", "id"),
        # The narrowest: counting the list (the first query of start-up) reads a third of
        # the pages the others would (each page decrypted, when the file is encrypted).
        Index("ix_members_archived", "archived_at"),
    )

    @property
    def display_name(self) -> str:
        return member_display_name(self.given_name, self.family_name, self.preferred_name)

    def refresh_derived(self) -> None:
        """Recompute the folded sort and search columns from the fields."""
        self.sort_name = member_sort_key(self.given_name, self.family_name, self.preferred_name)
        others = [c for c in self.contacts if not c.is_primary]
        self.search_text = member_search_text(
            self.given_name, self.family_name, self.preferred_name, self.email, self.phone,
            [t.tag for t in self.tags],
            [c.value for c in others if c.kind == "email"],
            [c.value for c in others if c.kind == "phone"],
        )


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


class MemberAccessNeed(Base):
    """Something a member needs to take part (see ``community.AccessNeed``)."""

    __tablename__ = "member_access_needs"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True)
    need: Mapped[str] = mapped_column(String(40), primary_key=True)

    __table_args__ = (Index("ix_member_access_needs_need", "need", "member_id"),)


class MemberBarrier(Base):
    """Something that makes taking part hard (see ``community.Barrier``)."""

    __tablename__ = "member_barriers"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True)
    barrier: Mapped[str] = mapped_column(String(40), primary_key=True)


class MemberChannel(Base):
    """A way the member is happy to be contacted (see ``community.Channel``)."""

    __tablename__ = "member_channels"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)


class MemberCondition(Base):
    """A condition a member lives with (or cares for someone with): special-category data."""

    __tablename__ = "member_conditions"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                           index=True)
    name: Mapped[str] = mapped_column(String(300))
    orpha_code: Mapped[str] = mapped_column(String(20), default="")
    diagnosis_confirmed: Mapped[bool] = mapped_column(default=False)
    genetic_test_done: Mapped[bool] = mapped_column(default=False)


class MemberContact(Base):
    """One of a member's email addresses or phone numbers, with its label."""

    __tablename__ = "member_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # email | phone
    value: Mapped[str] = mapped_column(String(320))
    label: Mapped[str] = mapped_column(String(60), default="")
    is_primary: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        Index("ix_member_contacts_member", "member_id", "kind", "position"),
        Index("ix_member_contacts_value", "kind", "value"),
    )
