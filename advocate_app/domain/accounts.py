"""Accounts: who is acting, with what role, and how they sign in.

Account 1 is the built-in "Local user" of a single-user install: an administrator without a
password. Once a named account exists (one that has a password), sign-in is needed and the
built-in account can no longer be used.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.access import AccountRole
from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.people import DEFAULT_ACCOUNT_ID, DEFAULT_ACTOR, Actor  # noqa: F401


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: An :class:`AccountRole` value.
    role: Mapped[str] = mapped_column(String(20), default=AccountRole.ADMIN.value)
    #: Argon2 hash (PHC string); None for the built-in account, which cannot sign in.
    password_hash: Mapped[str | None] = mapped_column(String(300), default=None)
    #: The member this account belongs to ("Mine" in the action tracker); a merge hands it
    #: to the member kept (``services/merge_records.py``).
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", use_alter=True), default=None)
    active: Mapped[bool] = mapped_column(default=True)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(default=None)

    @property
    def account_role(self) -> AccountRole:
        return AccountRole(self.role)

    def actor(self) -> Actor:
        return Actor(self.id, self.display_name, AccountRole(self.role))
