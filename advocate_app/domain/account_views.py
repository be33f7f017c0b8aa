"""Accounts as the window and the command line see them, and the rules for names and
passwords. Plain vocabulary: no database, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from advocate_app.domain.access import AccountRole
from advocate_app.i18n import _, ngettext

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256  # hashing a huge "password" would tie the computer up
MAX_USERNAME_LENGTH = 80
_USERNAME = re.compile(r"[\w.@-]+")


@dataclass(frozen=True)
class AccountView:
    id: int
    username: str
    display_name: str
    role: AccountRole
    active: bool
    member_id: int | None
    member_name: str
    created_at: datetime | None
    last_signed_in_at: datetime | None


def username_refusal(username: str) -> str | None:
    """None for a name an account may have; otherwise the sentence that says why not."""
    if not username or len(username) > MAX_USERNAME_LENGTH or not _USERNAME.fullmatch(username):
        return ngettext(
            "An account name has 1 to {n} character: letters, digits, dots, dashes, "
            "underscores or @, without spaces.",
            "An account name has 1 to {n} characters: letters, digits, dots, dashes, "
            "underscores or @, without spaces.", MAX_USERNAME_LENGTH).format(
            n=MAX_USERNAME_LENGTH)
    return None


def password_refusal(username: str, password: str) -> str | None:
    """None for a password good enough to keep; otherwise one sentence per rule broken
    (the first one found)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return ngettext("A password needs at least {n} character.",
                        "A password needs at least {n} characters.",
                        MIN_PASSWORD_LENGTH).format(n=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return ngettext("A password can have at most {n} character.",
                        "A password can have at most {n} characters.",
                        MAX_PASSWORD_LENGTH).format(n=MAX_PASSWORD_LENGTH)
    if len(set(password)) < 4:
        return _("A password needs more than a few different characters.")
    if len(username) >= 3 and username.casefold() in password.casefold():
        return _("A password must not contain the account name.")
    return None
