"""Accounts: the first one is an administrator, passwords kept only as Argon2 hashes, signing
in, the last administrator kept, and only administrators manage accounts."""

from __future__ import annotations

import time

import pytest

from advocate_app.domain.access import AccountRole, Permission
from advocate_app.domain.member_views import MemberInput
from advocate_app.services.accounts import SignInError
from advocate_app.services.errors import AccessDeniedError, ServiceError, ValidationError

PASSWORD = "correct horse battery"


def _database_bytes(services, app_paths) -> bytes:
    services.database.dispose()
    files = [app_paths.database_file, *app_paths.database_file.parent.glob(
        app_paths.database_file.name + "-*")]
    return b"".join(path.read_bytes() for path in files if path.is_file())


def test_no_sign_in_until_a_named_account_exists_and_the_first_one_is_an_administrator(
        services):
    accounts = services.accounts
    assert not accounts.needs_sign_in()
    first = accounts.add("ada", PASSWORD, AccountRole.VOLUNTEER, "Ada Example")
    assert first.role is AccountRole.ADMIN
    assert first.display_name == "Ada Example" and first.active
    assert accounts.needs_sign_in()
    second = accounts.add("bo", PASSWORD, AccountRole.VOLUNTEER)
    assert second.role is AccountRole.VOLUNTEER
    assert [a.username for a in accounts.list()] == ["ada", "bo"]  # the built-in one is not


def test_passwords_are_kept_only_as_argon2_hashes(services, app_paths):
    services.accounts.add("ada", "Plaintext-Secret-4821", AccountRole.ADMIN)
    stored = services.database.reader.rows(
        "SELECT password_hash FROM accounts WHERE username = 'ada'")[0][0]
    assert stored.startswith("$argon2id$")
    assert b"Plaintext-Secret-4821" not in _database_bytes(services, app_paths)


@pytest.mark.parametrize("password, sentence", [
    ("short1", "at least 10 characters"),
    ("aaaaaaaaaaaaaa", "more than a few different characters"),
    ("x" * 300, "at most 256 characters"),
    ("my-ada-password", "must not contain the account name"),
])
def test_weak_passwords_are_refused_with_one_sentence(services, password, sentence):
    with pytest.raises(ValidationError, match=sentence):
        services.accounts.add("ada", password, AccountRole.ADMIN)
    assert not services.accounts.needs_sign_in()  # nothing was made


def test_names_are_unique_whatever_their_case_and_have_no_spaces(services):
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    with pytest.raises(ValidationError, match="already an account called"):
        admin.accounts.add("ADA", PASSWORD, AccountRole.STAFF)
    with pytest.raises(ValidationError, match="without spaces"):
        admin.accounts.add("ada lovelace", PASSWORD, AccountRole.STAFF)


def test_sign_in_gives_the_account_as_the_actor_of_every_service(services):
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    admin.accounts.add("vic", PASSWORD, AccountRole.VOLUNTEER, "Vic Example")
    actor = services.accounts.authenticate("VIC", PASSWORD)
    assert actor.role is AccountRole.VOLUNTEER and actor.display_name == "Vic Example"
    volunteer = services.as_actor(actor)
    assert volunteer.actor == actor and volunteer.members.list  # every service is there
    assert not volunteer.actor.may(Permission.VIEW_SENSITIVE)
    signed_in = {a.username: a.last_signed_in_at for a in admin.accounts.list()}
    assert signed_in["vic"] is not None


def test_a_wrong_name_and_a_wrong_password_get_the_same_sentence_in_similar_time(services):
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    timings, messages = {}, {}
    for case, name, password in (("name", "nobody", PASSWORD), ("password", "ada", "wrong one!")):
        started = time.perf_counter()
        with pytest.raises(SignInError) as refused:
            services.accounts.authenticate(name, password)
        timings[case] = time.perf_counter() - started
        messages[case] = str(refused.value)
    assert messages["name"] == messages["password"] == (
        "The account name or the password is not right.")
    # Both run one Argon2 check: neither answers many times quicker than the other.
    assert timings["name"] > timings["password"] / 4
    assert timings["password"] > timings["name"] / 4


def test_the_built_in_account_cannot_sign_in_and_a_deactivated_account_is_refused(services):
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    vic = admin.accounts.add("vic", PASSWORD, AccountRole.VOLUNTEER)
    with pytest.raises(SignInError):
        services.accounts.authenticate("local", "")
    admin.accounts.deactivate(vic.id)
    with pytest.raises(SignInError, match="deactivated"):
        services.accounts.authenticate("vic", PASSWORD)
    with pytest.raises(SignInError, match="not right"):  # no hint without the password
        services.accounts.authenticate("vic", "wrong password")
    admin.accounts.reactivate(vic.id)
    assert services.accounts.authenticate("vic", PASSWORD).account_id == vic.id


def test_reset_password_replaces_the_old_one(services):
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    vic = admin.accounts.add("vic", PASSWORD, AccountRole.VOLUNTEER)
    admin.accounts.reset_password(vic.id, "a brand new one 7")
    with pytest.raises(SignInError):
        services.accounts.authenticate("vic", PASSWORD)
    assert services.accounts.authenticate("vic", "a brand new one 7").account_id == vic.id


def test_a_hash_made_with_older_parameters_is_made_again_at_sign_in(services, monkeypatch):
    from argon2 import PasswordHasher

    from advocate_app.services import accounts as module

    monkeypatch.setattr(module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8192))
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    monkeypatch.setattr(module, "_HASHER", PasswordHasher())
    services.accounts.authenticate("ada", PASSWORD)
    stored = services.database.reader.rows(
        "SELECT password_hash FROM accounts WHERE username = 'ada'")[0][0]
    assert "m=65536,t=3" in stored
    assert services.accounts.authenticate("ada", PASSWORD).role is AccountRole.ADMIN


def test_the_last_active_administrator_cannot_be_demoted_or_deactivated(services):
    ada = services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    with pytest.raises(ServiceError, match="last active administrator"):
        admin.accounts.change_role(ada.id, AccountRole.STAFF)
    with pytest.raises(ServiceError, match="last active administrator"):
        admin.accounts.deactivate(ada.id)
    assert services.accounts.authenticate("ada", PASSWORD).role is AccountRole.ADMIN
    bea = admin.accounts.add("bea", PASSWORD, AccountRole.STAFF)
    admin.accounts.change_role(bea.id, AccountRole.ADMIN)
    assert admin.accounts.change_role(ada.id, AccountRole.STAFF).role is AccountRole.STAFF
    with pytest.raises(ServiceError, match="last active administrator"):
        admin.accounts.deactivate(bea.id)


@pytest.mark.parametrize("role", [AccountRole.VOLUNTEER, AccountRole.SECRETARY,
                                  AccountRole.STAFF])
def test_only_an_administrator_manages_accounts(services, role):
    ada = services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    admin.accounts.add("other", PASSWORD, role)
    other = services.as_actor(services.accounts.authenticate("other", PASSWORD))
    attempts = [lambda: other.accounts.list(),
                lambda: other.accounts.add("eve", PASSWORD, AccountRole.ADMIN),
                lambda: other.accounts.change_role(ada.id, AccountRole.VOLUNTEER),
                lambda: other.accounts.deactivate(ada.id),
                lambda: other.accounts.reset_password(ada.id, "taken over now 1"),
                lambda: other.accounts.link_member(ada.id, None)]
    for attempt in attempts:
        with pytest.raises(AccessDeniedError, match="Only an administrator can manage"):
            attempt()
    assert [a.username for a in admin.accounts.list()] == ["ada", "other"]
    assert services.accounts.authenticate("ada", PASSWORD).role is AccountRole.ADMIN


def test_an_account_linked_to_its_member_knows_who_it_is(services):
    member = services.members.create(MemberInput(given_name="Ada", family_name="Example"))
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    assert admin.accounts.signed_in_member() is None
    account = admin.accounts.get("ada")
    linked = admin.accounts.link_member(account.id, member.id)
    assert linked.member_id == member.id and linked.member_name == "Ada Example"
    assert admin.accounts.signed_in_member() == (member.id, "Ada Example")
    with pytest.raises(ServiceError, match="no member"):
        admin.accounts.link_member(account.id, 999999)


def test_accounts_work_alike_on_sqlite_and_postgresql(any_services):
    services = any_services
    assert not services.accounts.needs_sign_in()
    ada = services.accounts.add("ada", PASSWORD, AccountRole.STAFF)
    assert ada.role is AccountRole.ADMIN and services.accounts.needs_sign_in()
    admin = services.as_actor(services.accounts.authenticate("Ada", PASSWORD))
    vic = admin.accounts.add("vic", PASSWORD, AccountRole.VOLUNTEER)
    with pytest.raises(ServiceError, match="last active administrator"):
        admin.accounts.deactivate(ada.id)
    admin.accounts.deactivate(vic.id)
    listed = {a.username: a for a in admin.accounts.list()}
    assert not listed["vic"].active and listed["ada"].last_signed_in_at is not None
    with pytest.raises(SignInError, match="deactivated"):
        services.accounts.authenticate("vic", PASSWORD)


def test_account_changes_and_sign_ins_are_in_the_audit_log_without_passwords(services):
    from advocate_app.domain.audit_views import AuditAction

    ada = services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    vic = admin.accounts.add("vic", PASSWORD, AccountRole.VOLUNTEER)
    admin.accounts.change_role(vic.id, AccountRole.SECRETARY)
    for name, password in (("vic", "typed wrongly!"), ("Secret-Typed-In-Name", PASSWORD)):
        with pytest.raises(SignInError):
            services.accounts.authenticate(name, password)
    lines = [(e.action, e.subject_id, e.detail, e.account_name)
             for e in reversed(admin.audit.list())]
    assert lines == [
        (AuditAction.ACCOUNT_CHANGED, ada.id, "added as admin", "Local user"),
        (AuditAction.SIGNED_IN, ada.id, "", "ada"),
        (AuditAction.ACCOUNT_CHANGED, vic.id, "added as volunteer", "ada"),
        (AuditAction.ACCOUNT_CHANGED, vic.id, "role: secretary", "ada"),
        (AuditAction.SIGN_IN_FAILED, vic.id, "wrong password", "Local user"),
        (AuditAction.SIGN_IN_FAILED, None, "unknown account", "Local user"),
    ]
    text = repr(admin.audit.list())
    assert "typed wrongly" not in text and "Secret-Typed-In-Name" not in text


def test_a_merge_hands_the_accounts_member_to_the_member_kept(services):
    keep = services.members.create(MemberInput(given_name="Ada", family_name="Example"))
    other = services.members.create(MemberInput(given_name="Ada", family_name="Exemple"))
    services.accounts.add("ada", PASSWORD, AccountRole.ADMIN)
    admin = services.as_actor(services.accounts.authenticate("ada", PASSWORD))
    admin.accounts.link_member(admin.accounts.get("ada").id, other.id)
    admin.duplicates.merge(keep.id, other.id)
    assert admin.accounts.get("ada").member_id == keep.id
    assert admin.accounts.signed_in_member() == (keep.id, "Ada Example")
