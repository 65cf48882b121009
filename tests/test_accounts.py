"""Accounts: password hashing, lock-out, sessions, tokens and their audit entries.

Runs on SQLite and PostgreSQL (the ``db`` fixture).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from picketline.access.accounts import (
    LockoutPolicy,
    digest,
    hash_password,
    verify_password,
)
from picketline.access.permissions import Role
from picketline.actions.accounts import (
    LOGIN_REFUSED,
    LoginRefused,
    do_add_user,
    do_create_token,
    do_disable_user,
    do_login,
    do_logout,
    do_set_password,
)
from picketline.actions.audit import verify_chain
from picketline.db import Database
from picketline.db.accounts import actor_for_session, actor_for_token, get_user, list_users
from picketline.db.models import AuditRow
from picketline.db.models_accounts import ApiTokenRow, SessionRow, UserRow
from picketline.errors import InputError, NotFoundError

PASSWORD = "correct horse battery staple"
POLICY = LockoutPolicy(5, dt.timedelta(minutes=15))
HOUR = dt.timedelta(hours=1)
T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def login(db: Database, name: str, password: str, now: dt.datetime = T0) -> str:
    return do_login(db, name, password, policy=POLICY, lifetime=HOUR, now=now).session_id


def test_passwords_are_hashed_with_argon2id_and_verified() -> None:
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert verify_password(stored, PASSWORD)
    assert not verify_password(stored, PASSWORD + " ")
    assert not verify_password(None, PASSWORD)  # an unknown user never matches
    assert hash_password(PASSWORD) != stored  # salted: the same password hashes differently


def test_production_hashes_use_rfc_9106_low_memory_parameters() -> None:
    """Tests hash cheaply (auth_fixtures); the shipped parameters are RFC 9106's."""
    from argon2 import PasswordHasher
    from argon2.profiles import RFC_9106_LOW_MEMORY

    from picketline.access import accounts

    assert accounts.PASSWORD_PARAMETERS == RFC_9106_LOW_MEMORY
    stored = PasswordHasher.from_parameters(accounts.PASSWORD_PARAMETERS).hash(PASSWORD)
    assert "$argon2id$" in stored and "m=65536,t=3,p=4" in stored
    assert verify_password(stored, PASSWORD)  # any parameters verify


def test_weak_password_and_bad_names_are_refused(db: Database) -> None:
    with pytest.raises(InputError, match="at least 10 characters"):
        do_add_user(db, "maria", Role.EDITOR, "short", actor="t")
    with pytest.raises(InputError, match="not a valid user name"):
        do_add_user(db, "maria'; DROP TABLE users; --", Role.EDITOR, PASSWORD, actor="t")
    with pytest.raises(InputError, match="unknown role"):
        do_add_user(db, "maria", "public", PASSWORD, actor="t")
    assert list_users(db) == []


def test_add_user_twice_is_refused(db: Database) -> None:
    do_add_user(db, "maria", Role.EDITOR, PASSWORD, actor="t")
    with pytest.raises(InputError, match="already exists"):
        do_add_user(db, "maria", Role.ADMIN, PASSWORD, actor="t")
    user = get_user(db, "maria")
    assert user is not None and user.role is Role.EDITOR


def test_login_opens_a_session_stored_only_as_a_digest(db: Database) -> None:
    do_add_user(db, "maria", Role.EDITOR, PASSWORD, actor="t")
    session_id = login(db, "maria", PASSWORD)
    with db.session() as session:
        stored = session.scalars(select(SessionRow.id_hash)).all()
    assert stored == [digest(session_id)] and session_id not in stored
    actor = actor_for_session(db, session_id, now=T0 + dt.timedelta(minutes=5))
    assert actor is not None and actor.name == "maria" and actor.role is Role.EDITOR
    assert actor_for_session(db, session_id, now=T0 + HOUR + dt.timedelta(seconds=1)) is None
    assert actor_for_session(db, "made-up-session-id") is None
    do_logout(db, session_id)
    assert actor_for_session(db, session_id, now=T0) is None


def test_lockout_after_repeated_failures_even_with_the_right_password(db: Database) -> None:
    """Five wrong passwords lock the account for 15 minutes; the message never changes."""
    do_add_user(db, "maria", Role.EDITOR, PASSWORD, actor="t")
    for attempt in range(5):
        with pytest.raises(LoginRefused) as refused:
            login(db, "maria", f"wrong password {attempt}", now=T0)
        assert str(refused.value) == LOGIN_REFUSED
    with pytest.raises(LoginRefused):
        login(db, "maria", PASSWORD, now=T0 + dt.timedelta(minutes=14))  # still locked
    with pytest.raises(LoginRefused) as unknown:
        login(db, "nobody-by-this-name", PASSWORD)
    assert str(unknown.value) == LOGIN_REFUSED  # does not reveal who exists
    assert login(db, "maria", PASSWORD, now=T0 + dt.timedelta(minutes=16))
    user = get_user(db, "maria")
    assert user is not None and user.locked_until is None


def test_failures_below_the_limit_do_not_lock_and_success_resets_them(db: Database) -> None:
    do_add_user(db, "maria", Role.EDITOR, PASSWORD, actor="t")
    for _ in range(4):
        with pytest.raises(LoginRefused):
            login(db, "maria", "not the password")
    assert login(db, "maria", PASSWORD)
    with db.session() as session:
        row = session.scalar(select(UserRow).where(UserRow.name == "maria"))
        assert row is not None and row.failed_logins == 0


def test_new_password_lifts_the_lock_and_ends_sessions(db: Database) -> None:
    do_add_user(db, "maria", Role.EDITOR, PASSWORD, actor="t")
    session_id = login(db, "maria", PASSWORD)
    for _ in range(5):
        with pytest.raises(LoginRefused):
            login(db, "maria", "not the password")
    do_set_password(db, "maria", "a brand new passphrase", actor="t")
    assert actor_for_session(db, session_id, now=T0) is None
    assert login(db, "maria", "a brand new passphrase")
    with pytest.raises(LoginRefused):
        login(db, "maria", PASSWORD)
    with pytest.raises(NotFoundError):
        do_set_password(db, "ghost", "a brand new passphrase", actor="t")


def test_api_tokens_are_stored_hashed_and_die_with_a_disabled_user(db: Database) -> None:
    do_add_user(db, "bot", Role.CONTRIBUTOR, PASSWORD, actor="t")
    token = do_create_token(db, "bot", actor="t")
    assert token.startswith("plt_") and len(token) > 40
    with db.session() as session:
        assert session.scalars(select(ApiTokenRow.token_hash)).all() == [digest(token)]
    actor = actor_for_token(db, token)
    assert actor is not None and actor.name == "bot" and actor.role is Role.CONTRIBUTOR
    assert actor_for_token(db, token + "x") is None
    session_id = login(db, "bot", PASSWORD)
    do_disable_user(db, "bot", actor="t")
    assert actor_for_token(db, token) is None
    assert actor_for_session(db, session_id, now=T0) is None
    with pytest.raises(LoginRefused):
        login(db, "bot", PASSWORD)


def test_audit_entries_never_hold_secrets_and_the_chain_holds(db: Database) -> None:
    do_add_user(db, "maria", Role.EDITOR, PASSWORD, actor="cli:root")
    token = do_create_token(db, "maria", actor="cli:root")
    session_id = login(db, "maria", PASSWORD)
    do_set_password(db, "maria", "another long passphrase", actor="cli:root")
    for _ in range(5):
        with pytest.raises(LoginRefused):
            login(db, "maria", "wrong-" + PASSWORD)
    do_disable_user(db, "maria", actor="cli:root")
    with db.session() as session:
        rows = session.scalars(select(AuditRow).order_by(AuditRow.id)).all()
        dump = json.dumps([[r.actor, r.action, r.before, r.after, r.reason] for r in rows])
        stored_hash = session.scalar(select(UserRow.password_hash))
        assert verify_chain(session) is None
    actions = [r.action for r in rows]
    assert actions == [
        "user.add",
        "user.token",
        "user.login",
        "user.passwd",
        "user.lock",
        "user.disable",
    ]
    for secret in (PASSWORD, "another long passphrase", token, session_id, digest(token)):
        assert secret not in dump
    assert stored_hash is not None and stored_hash not in dump and "argon2" not in dump
