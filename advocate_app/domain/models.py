"""All mapped classes, so that ``Base.metadata`` is complete (migrations and tests use it)."""

from advocate_app.domain.accounts import Account
from advocate_app.domain.base import Base
from advocate_app.domain.members import Member, MemberRole, MemberTag

__all__ = ["Account", "Base", "Member", "MemberRole", "MemberTag"]
