"""Accounts: adding them, their roles and passwords, signing in.

The built-in account 1 ("Local user") acts while no named account exists. The first named
account made is an administrator; from then on sign-in is needed (:meth:`needs_sign_in`) and
the built-in account, which has no password, can no longer be used. Passwords are kept only as
Argon2 hashes.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from advocate_app.domain.access import AccountRole, Permission
from advocate_app.domain.account_views import AccountView, password_refusal, username_refusal
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.people import DEFAULT_ACCOUNT_ID, Actor, member_display_name
from advocate_app.i18n import _
from advocate_app.services.access import require
from advocate_app.services.errors import NotFoundError, ServiceError, ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWork, UnitOfWorkFactory

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from advocate_app.domain.accounts import Account


class SignInError(ServiceError):
    """The name and password do not match an account that may sign in; nothing was changed."""


_HASHER: PasswordHasher | None = None
_UNKNOWN_NAME_HASH: str | None = None


def _hasher() -> PasswordHasher:
    global _HASHER
    if _HASHER is None:
        from argon2 import PasswordHasher

        _HASHER = PasswordHasher()
    return _HASHER


def _verify(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _wrong_name_or_password() -> SignInError:
    # The same sentence for an unknown name and a wrong password: neither is given away.
    return SignInError(_("The account name or the password is not right."))


_NAMED = f"id <> {DEFAULT_ACCOUNT_ID} AND password_hash IS NOT NULL"


class AccountService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    # --- signing in ---------------------------------------------------------------------

    def needs_sign_in(self) -> bool:
        """True once a named account exists: the built-in account can then no longer be used.
        (Plain SQL: asked at start-up, before the database layer is loaded.)"""
        return bool(self._reader.rows(f"SELECT 1 FROM accounts WHERE {_NAMED} LIMIT 1"))

    def authenticate(self, username: str, password: str) -> Actor:
        """The account ``username`` as the actor services act for, if ``password`` is its
        password and it is active; otherwise :class:`SignInError` (one sentence that does not
        say which of the two was wrong, given in about the same time either way)."""
        global _UNKNOWN_NAME_HASH
        from sqlalchemy import func, select

        from advocate_app.domain.accounts import Account
        from advocate_app.domain.base import utcnow

        name = username.strip()
        if len(password) > 4096:
            raise _wrong_name_or_password()
        with self._uow() as uow:
            account = uow.session.scalar(select(Account).where(
                func.lower(Account.username) == name.lower(), Account.id != DEFAULT_ACCOUNT_ID))
            if account is None or account.password_hash is None:
                if _UNKNOWN_NAME_HASH is None:
                    _UNKNOWN_NAME_HASH = _hasher().hash("no account has this password")
                _verify(_UNKNOWN_NAME_HASH, password)  # as long as a real check takes
                # (The name typed is not kept: it may be a password typed in the wrong field.)
                raise self._refused(uow, None, "unknown account", _wrong_name_or_password())
            if not _verify(account.password_hash, password):
                raise self._refused(uow, account.id, "wrong password",
                                    _wrong_name_or_password())
            if not account.active:
                raise self._refused(uow, account.id, "deactivated", SignInError(
                    _("This account has been deactivated; ask an administrator.")))
            if _hasher().check_needs_rehash(account.password_hash):
                account.password_hash = _hasher().hash(password)
            account.last_signed_in_at = utcnow()
            actor = account.actor()
            self._audit(uow, AuditAction.SIGNED_IN, account.id, "", actor)
            uow.commit()
            return actor

    def signed_in_member(self) -> tuple[int, str] | None:
        """The member the acting account belongs to (id and name), if it is linked to one."""
        rows = self._reader.rows(
            "SELECT m.id, m.given_name, m.family_name, m.preferred_name FROM accounts a "
            "JOIN members m ON m.id = a.member_id WHERE a.id = :id",
            {"id": self._actor.account_id})
        if not rows:
            return None
        member_id, given, family, preferred = rows[0]
        return member_id, member_display_name(given, family, preferred)

    # --- managing accounts ----------------------------------------------------------------

    def list(self) -> list[AccountView]:
        """The named accounts, by name (the built-in account is not one of them)."""
        require(self._actor, Permission.MANAGE_ACCOUNTS)
        return self._read()

    def get(self, username: str) -> AccountView:
        """The named account ``username`` (any case)."""
        for account in self.list():
            if account.username.lower() == username.strip().lower():
                return account
        raise NotFoundError(_("There is no account called “{name}”.").format(name=username))

    def add(self, username: str, password: str, role: AccountRole,
            display_name: str = "") -> AccountView:
        """A new account. The first named account is always an administrator (whatever
        ``role`` says), and anyone may make it; after that only an administrator may."""
        from sqlalchemy import func, select

        from advocate_app.domain.accounts import Account

        username = username.strip()
        first = not self.needs_sign_in()
        if not first:
            require(self._actor, Permission.MANAGE_ACCOUNTS)
        refusal = username_refusal(username)
        if refusal:
            raise ValidationError({"username": refusal})
        refusal = password_refusal(username, password)
        if refusal:
            raise ValidationError({"password": refusal})
        password_hash = _hasher().hash(password)
        with self._uow() as uow:
            taken = uow.session.scalar(select(Account.id).where(
                func.lower(Account.username) == username.lower()))
            if taken is not None:
                raise ValidationError({"username": _(
                    "There is already an account called “{name}”.").format(name=username)})
            account = Account(username=username,
                              display_name=" ".join(display_name.split())[:200] or username,
                              role=(AccountRole.ADMIN if first else AccountRole(role)).value,
                              password_hash=password_hash, active=True)
            uow.session.add(account)
            uow.session.flush()
            self._audit(uow, AuditAction.ACCOUNT_CHANGED, account.id, f"added as {account.role}")
            uow.commit()
            account_id = account.id
        return self._view(account_id)

    def change_role(self, account_id: int, role: AccountRole) -> AccountView:
        require(self._actor, Permission.MANAGE_ACCOUNTS)
        with self._uow() as uow:
            account = self._named(uow, account_id)
            if role != AccountRole.ADMIN:
                self._keep_an_admin(uow, account)
            account.role = AccountRole(role).value
            self._audit(uow, AuditAction.ACCOUNT_CHANGED, account_id, f"role: {account.role}")
            uow.commit()
        return self._view(account_id)

    def deactivate(self, account_id: int) -> AccountView:
        """The account can no longer sign in (its history stays); the last active
        administrator cannot be deactivated."""
        require(self._actor, Permission.MANAGE_ACCOUNTS)
        with self._uow() as uow:
            account = self._named(uow, account_id)
            self._keep_an_admin(uow, account)
            account.active = False
            self._audit(uow, AuditAction.ACCOUNT_CHANGED, account_id, "deactivated")
            uow.commit()
        return self._view(account_id)

    def reactivate(self, account_id: int) -> AccountView:
        require(self._actor, Permission.MANAGE_ACCOUNTS)
        with self._uow() as uow:
            self._named(uow, account_id).active = True
            self._audit(uow, AuditAction.ACCOUNT_CHANGED, account_id, "reactivated")
            uow.commit()
        return self._view(account_id)

    def reset_password(self, account_id: int, password: str) -> AccountView:
        require(self._actor, Permission.MANAGE_ACCOUNTS)
        with self._uow() as uow:
            account = self._named(uow, account_id)
            refusal = password_refusal(account.username, password)
            if refusal:
                raise ValidationError({"password": refusal})
            account.password_hash = _hasher().hash(password)
            self._audit(uow, AuditAction.ACCOUNT_CHANGED, account_id, "new password")
            uow.commit()
        return self._view(account_id)

    def link_member(self, account_id: int, member_id: int | None) -> AccountView:
        """The member the account belongs to (None: nobody)."""
        from advocate_app.domain.members import Member

        require(self._actor, Permission.MANAGE_ACCOUNTS)
        with self._uow() as uow:
            account = self._named(uow, account_id)
            if member_id is not None and uow.session.get(Member, member_id) is None:
                raise NotFoundError(_("There is no member {id}.").format(id=member_id))
            account.member_id = member_id
            self._audit(uow, AuditAction.ACCOUNT_CHANGED, account_id,
                        f"member: {member_id}" if member_id is not None else "member: none")
            uow.commit()
        return self._view(account_id)

    # --- helpers --------------------------------------------------------------------------

    def _audit(self, uow: UnitOfWork, action: AuditAction, account_id: int | None,
               detail: str, actor: Actor | None = None) -> None:
        """A line in the audit log, in this transaction (never a password, never a name)."""
        from advocate_app.services.audit import record

        record(uow.session, actor or self._actor, action, AuditSubject.ACCOUNT, account_id,
               detail=detail)

    def _refused(self, uow: UnitOfWork, account_id: int | None, detail: str,
                 error: SignInError) -> SignInError:
        """A refused sign-in, written to the audit log (its own transaction: nothing else
        changed); the error to raise."""
        uow.rollback()
        self._audit(uow, AuditAction.SIGN_IN_FAILED, account_id, detail)
        uow.commit()
        return error

    def _view(self, account_id: int) -> AccountView:
        return self._read(account_id)[0]

    def _read(self, account_id: int | None = None) -> builtins.list[AccountView]:
        rows = self._reader.rows(
            "SELECT a.id, a.username, a.display_name, a.role, a.active, a.member_id, "
            "m.given_name, m.family_name, m.preferred_name, a.created_at, a.last_signed_in_at "
            "FROM accounts a LEFT JOIN members m ON m.id = a.member_id "
            f"WHERE a.id <> {DEFAULT_ACCOUNT_ID} AND a.password_hash IS NOT NULL"
            + (" AND a.id = :id" if account_id is not None else "")
            + " ORDER BY lower(a.username)",
            {"id": account_id} if account_id is not None else None)
        return [AccountView(row[0], row[1], row[2], AccountRole(row[3]), bool(row[4]), row[5],
                            member_display_name(row[6], row[7], row[8]) if row[5] else "",
                            as_utc(row[9]), as_utc(row[10])) for row in rows]

    @staticmethod
    def _named(uow: UnitOfWork, account_id: int) -> Account:
        from advocate_app.domain.accounts import Account

        account = uow.session.get(Account, account_id)
        if account is None or account.id == DEFAULT_ACCOUNT_ID or account.password_hash is None:
            raise NotFoundError(_("There is no account {id}.").format(id=account_id))
        return account

    @staticmethod
    def _keep_an_admin(uow: UnitOfWork, account: Account) -> None:
        """Refuse to leave no active administrator (nobody could manage accounts again)."""
        from sqlalchemy import func, select

        from advocate_app.domain.accounts import Account

        if account.role != AccountRole.ADMIN.value or not account.active:
            return
        admins = uow.session.scalar(select(func.count()).select_from(Account).where(
            Account.id != DEFAULT_ACCOUNT_ID, Account.password_hash.is_not(None),
            Account.role == AccountRole.ADMIN.value, Account.active.is_(True)))
        if (admins or 0) <= 1:
            raise ServiceError(_("{name} is the last active administrator; make another "
                                 "account an administrator first.").format(
                name=account.username))
