"""Account changes: adding users, passwords, API tokens, disabling, signing in and out.

Each function owns its transaction and writes an audit entry (entity ``user``)
that records what changed but never a password, hash, session id or token.
Failed sign-ins only bump the user's counter; the entry is written when the
account locks, and nothing at all is stored for a name that does not exist.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from picketline.access.accounts import (
    LockoutPolicy,
    check_user_name,
    digest,
    hash_password,
    needs_rehash,
    new_api_token,
    new_secret,
    verify_password,
)
from picketline.access.permissions import Actor, Role
from picketline.actions import audit
from picketline.db import Database
from picketline.db.accounts import user_row_by_name
from picketline.db.models_accounts import ApiTokenRow, SessionRow, UserRow
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.errors import InputError, NotFoundError, PicketlineError

LOGIN_REFUSED = (
    "Sign-in failed: the name or password is wrong, or the account is locked for a while "
    "after too many failed attempts."
)
"""The one message for every refused sign-in: it does not say whether the user exists."""


class LoginRefused(PicketlineError):
    """A sign-in was refused (wrong name or password, locked or disabled account)."""

    def __init__(self) -> None:
        super().__init__(LOGIN_REFUSED)


@dataclass(frozen=True, slots=True)
class SignIn:
    """A new session: the cookie value (shown once, stored hashed) and who it is."""

    session_id: str
    actor: Actor
    expires_at: dt.datetime


def _entry(actor: str, action: str, user_id: int, after: dict[str, Any]) -> AuditEntry:
    return AuditEntry(None, utcnow(), actor, action, "user", user_id, None, after, None)


def _parse_role(role: str | Role) -> Role:
    try:
        found = Role(role)
    except ValueError:
        found = None
    if found is None or found is Role.PUBLIC:
        names = ", ".join(r.value for r in Role if r is not Role.PUBLIC)
        raise InputError(f"unknown role {role!r}; use one of {names}")
    return found


def _require_user(session: Session, name: str) -> UserRow:
    row = user_row_by_name(session, name)
    if row is None:
        raise NotFoundError(f"there is no user called {name!r}")
    return row


def do_add_user(db: Database, name: str, role: str | Role, password: str, *, actor: str) -> int:
    """Create an account; its id. Refuses a taken name or a weak password."""
    check_user_name(name)
    found = _parse_role(role)
    password_hash = hash_password(password)
    with db.transaction() as session:
        if user_row_by_name(session, name) is not None:
            raise InputError(f"a user called {name!r} already exists")
        row = UserRow(
            name=name,
            role=found.value,
            password_hash=password_hash,
            disabled=False,
            failed_logins=0,
            locked_until=None,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        after = {"name": name, "role": found.value}
        audit.append(session, [_entry(actor, "user.add", row.id, after)])
        return row.id


def do_set_password(db: Database, name: str, password: str, *, actor: str) -> None:
    """Replace a password, clear any lock-out and sign the user out everywhere."""
    password_hash = hash_password(password)
    with db.transaction() as session:
        row = _require_user(session, name)
        row.password_hash = password_hash
        row.failed_logins = 0
        row.locked_until = None
        session.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
        audit.append(session, [_entry(actor, "user.passwd", row.id, {"password": "changed"})])


def do_set_role(db: Database, name: str, role: str | Role, *, actor: str) -> None:
    """Give a user another role (takes effect on their next request)."""
    found = _parse_role(role)
    with db.transaction() as session:
        row = _require_user(session, name)
        before = {"role": row.role}
        row.role = found.value
        entry = _entry(actor, "user.role", row.id, {"role": found.value})
        audit.append(session, [dataclasses.replace(entry, before=before)])


def do_disable_user(db: Database, name: str, *, actor: str) -> None:
    """Disable an account: its sessions and API tokens stop working at once."""
    with db.transaction() as session:
        row = _require_user(session, name)
        row.disabled = True
        session.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
        session.execute(delete(ApiTokenRow).where(ApiTokenRow.user_id == row.id))
        audit.append(session, [_entry(actor, "user.disable", row.id, {"disabled": True})])


def do_create_token(db: Database, name: str, *, actor: str) -> str:
    """A new API token for the user; returned once, stored only as its digest."""
    token = new_api_token()
    with db.transaction() as session:
        row = _require_user(session, name)
        if row.disabled:
            raise InputError(f"the user {name!r} is disabled")
        token_row = ApiTokenRow(token_hash=digest(token), user_id=row.id, created_at=utcnow())
        session.add(token_row)
        session.flush()
        entry = _entry(actor, "user.token", row.id, {"token_id": token_row.id})
        audit.append(session, [entry])
    return token


def do_login(
    db: Database,
    name: str,
    password: str,
    *,
    policy: LockoutPolicy,
    lifetime: dt.timedelta,
    now: dt.datetime | None = None,
) -> SignIn:
    """Check a password and open a session, or raise ``LoginRefused``.

    The password is verified before the write lock is taken (argon2 is slow on
    purpose), then the outcome is recorded against the row as it is now.
    """
    now = now or utcnow()
    with db.session() as session:
        row = user_row_by_name(session, name)
        stored = row.password_hash if row is not None else None
    matches = verify_password(stored, password)  # spends the same time for unknown names
    if row is None:
        raise LoginRefused()
    with db.transaction() as session:
        current = session.get(UserRow, row.id)
        if current is None or current.disabled or policy.is_locked(current.locked_until, now):
            raise LoginRefused()
        if not matches:
            _record_failure(session, current, policy, now)
        else:
            return _open_session(session, current, password, lifetime, now)
    raise LoginRefused()


def _record_failure(
    session: Session, row: UserRow, policy: LockoutPolicy, now: dt.datetime
) -> None:
    row.failed_logins, row.locked_until = policy.after_failure(row.failed_logins, now)
    if row.locked_until is not None:
        after = {"locked_until": row.locked_until.isoformat()}
        audit.append(session, [_entry("system:login", "user.lock", row.id, after)])


def _open_session(
    session: Session, row: UserRow, password: str, lifetime: dt.timedelta, now: dt.datetime
) -> SignIn:
    session_id = new_secret()
    expires = now + lifetime
    row.failed_logins = 0
    row.locked_until = None
    if needs_rehash(row.password_hash):
        row.password_hash = hash_password(password)
    session.execute(delete(SessionRow).where(SessionRow.expires_at <= now))  # tidy up
    session.execute(
        insert(SessionRow),
        [
            {
                "id_hash": digest(session_id),
                "user_id": row.id,
                "created_at": now,
                "expires_at": expires,
            }
        ],
    )
    audit.append(session, [_entry(row.name, "user.login", row.id, {"session": "opened"})])
    return SignIn(session_id, Actor(Role(row.role), row.name, row.id), expires)


def do_logout(db: Database, session_id: str) -> None:
    """End the session with this cookie value (nothing happens for an unknown one)."""
    with db.transaction() as session:
        row = session.get(SessionRow, digest(session_id))
        if row is None:
            return
        user = session.get(UserRow, row.user_id)
        session.execute(delete(SessionRow).where(SessionRow.id_hash == row.id_hash))
        if user is not None:
            entry = _entry(user.name, "user.logout", user.id, {"session": "closed"})
            audit.append(session, [entry])


def do_unlock_user(db: Database, name: str, *, actor: str) -> None:
    """Lift a lock-out before it ends by itself."""
    with db.transaction() as session:
        row = _require_user(session, name)
        session.execute(
            update(UserRow).where(UserRow.id == row.id).values(failed_logins=0, locked_until=None)
        )
        audit.append(session, [_entry(actor, "user.unlock", row.id, {"locked_until": None})])
