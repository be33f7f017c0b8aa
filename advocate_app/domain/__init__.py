"""Domain model: SQLAlchemy typed declarative classes and the rules that belong to them.

Plain Python: no Qt, no rendering libraries.
"""

from advocate_app.domain.accounts import Account
from advocate_app.domain.base import Base
from advocate_app.domain.members import Member, MemberRole, MemberTag, Role

__all__ = ["Account", "Base", "Member", "MemberRole", "MemberTag", "Role"]
