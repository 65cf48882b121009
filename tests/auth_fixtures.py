"""Accounts for tests: users of each role, signed-in clients, CSRF headers, API tokens.

Use from any test (registered in ``conftest.pytest_plugins``)::

    def test_editor_sees_queue(login_as):
        editor = login_as("editor")                  # a TestClient with a session cookie
        editor.post("/review/1/accept", headers=csrf_headers(editor))

    def test_api(client, token_headers):
        client.get("/api/v1/review/...", headers=token_headers("editor"))

Signing in goes through ``do_login`` (the real password check and session
row), not a shortcut, so what the tests exercise is what users get.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from picketline.access import accounts
from picketline.access.accounts import LockoutPolicy, new_secret
from picketline.access.permissions import Role
from picketline.actions.accounts import do_add_user, do_create_token, do_login
from picketline.db import Database
from picketline.db.accounts import UserInfo, get_user
from picketline.web.auth import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    csrf_for_seed,
)

DEFAULT_PASSWORD = "correct horse battery staple"
ROLES = (Role.CONTRIBUTOR, Role.EDITOR, Role.ADMIN)
_POLICY = LockoutPolicy(5, dt.timedelta(minutes=15))


def create_user(
    db: Database, role: Role | str, name: str | None = None, password: str = DEFAULT_PASSWORD
) -> UserInfo:
    """Add a user (``test-<role>`` unless named) and return it; reuses an existing one."""
    name = name or f"test-{Role(role).value}"
    existing = get_user(db, name)
    if existing is not None:
        return existing
    do_add_user(db, name, role, password, actor="system:test")
    user = get_user(db, name)
    assert user is not None
    return user


def sign_in(client: TestClient, db: Database, name: str, password: str = DEFAULT_PASSWORD) -> str:
    """Sign ``client`` in as ``name`` (real password check); the session cookie value."""
    signed = do_login(db, name, password, policy=_POLICY, lifetime=dt.timedelta(hours=1))
    client.cookies.set(SESSION_COOKIE, signed.session_id)
    return signed.session_id


def client_as(app: FastAPI, db: Database, role: Role | str) -> TestClient:
    """A new client for ``app``: the public for ``"public"``, else signed in with that role."""
    client = TestClient(app)
    if Role(role) is not Role.PUBLIC:
        user = create_user(db, role)
        sign_in(client, db, user.name)
    return client


def csrf_token_for(client: TestClient) -> str:
    """The CSRF token the server expects from ``client`` (gives it a CSRF cookie if needed)."""
    app = client.app
    assert isinstance(app, FastAPI)
    seed = client.cookies.get(SESSION_COOKIE) or client.cookies.get(CSRF_COOKIE)
    if not seed:
        seed = new_secret()
        client.cookies.set(CSRF_COOKIE, seed)
    return csrf_for_seed(app.state.settings.secret_key, seed)


def csrf_headers(client: TestClient) -> dict[str, str]:
    """Headers for an HTMX-style request: ``X-CSRF-Token``."""
    return {CSRF_HEADER: csrf_token_for(client)}


def csrf_form(client: TestClient, **fields: str) -> dict[str, str]:
    """Form fields plus the hidden ``csrf_token`` a rendered form would carry."""
    return {**fields, CSRF_FIELD: csrf_token_for(client)}


def bearer_headers(db: Database, role: Role | str) -> dict[str, str]:
    """``Authorization: Bearer`` headers of a fresh API token for a user of ``role``."""
    user = create_user(db, role)
    token = do_create_token(db, user.name, actor="system:test")
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2's cheapest parameters in tests (the real ones cost ~0.1 s of CPU a hash).

    Production parameters are checked by ``test_accounts.py``; the hashes made
    here are still argon2id and verified by the same code.
    """
    from argon2 import PasswordHasher
    from argon2.profiles import CHEAPEST

    monkeypatch.setattr(accounts, "_HASHER", PasswordHasher.from_parameters(CHEAPEST))


@pytest.fixture
def login_as(client: TestClient, db: Database) -> Iterator[Callable[[Role | str], TestClient]]:
    """``login_as("editor")``: a new client of the seeded app, signed in with that role."""
    made: list[TestClient] = []

    def make(role: Role | str) -> TestClient:
        app = client.app
        assert isinstance(app, FastAPI)
        new = client_as(app, db, role)
        made.append(new)
        return new

    yield make
    for each in made:
        each.close()


@pytest.fixture
def token_headers(db: Database) -> Callable[[Role | str], dict[str, str]]:
    """``token_headers("editor")``: bearer headers for a user of that role."""
    return lambda role: bearer_headers(db, role)
