"""Accounts: who is acting. One default account for now; roles and an audit log come later."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow
from advocate_app.domain.people import DEFAULT_ACCOUNT_ID, DEFAULT_ACTOR, Actor  # noqa: F401


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
