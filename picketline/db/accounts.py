"""Read queries of the accounts area: who a session or token belongs to, the users.

Writes (adding users, signing in and out) are in ``picketline.actions.accounts``.
A session or token counts only while its user is enabled and, for a session,
until it expires: each lookup is one indexed join, with no write per request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from picketline.access.accounts import digest
from picketline.access.permissions import Actor, Role
from picketline.db import Database
from picketline.db.models_accounts import ApiTokenRow, SessionRow, UserRow
from picketline.db.types import utcnow


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user as lists and the CLI show it: never the password hash."""

    id: int
    name: str
    role: Role
    disabled: bool
    locked_until: dt.datetime | None
    created_at: dt.datetime

    @property
    def actor(self) -> Actor:
        return Actor(self.role, self.name, self.id)


def _info(row: UserRow) -> UserInfo:
    return UserInfo(
        row.id, row.name, Role(row.role), row.disabled, row.locked_until, row.created_at
    )


def user_row_by_name(session: Session, name: str) -> UserRow | None:
    return session.scalar(select(UserRow).where(UserRow.name == name))


def get_user(db: Database, name: str) -> UserInfo | None:
    with db.session() as session:
        row = user_row_by_name(session, name)
        return _info(row) if row else None


def list_users(db: Database) -> list[UserInfo]:
    with db.session() as session:
        return [_info(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]


def actor_for_session(
    db: Database, session_id: str, now: dt.datetime | None = None
) -> Actor | None:
    """The enabled user signed in with this cookie value, if it has not expired."""
    now = now or utcnow()
    query = (
        select(UserRow)
        .join(SessionRow, SessionRow.user_id == UserRow.id)
        .where(
            SessionRow.id_hash == digest(session_id),
            SessionRow.expires_at > now,
            UserRow.disabled.is_(False),
        )
    )
    with db.session() as session:
        row = session.scalar(query)
        return _info(row).actor if row else None


def actor_for_token(db: Database, token: str) -> Actor | None:
    """The enabled user this API token was made for."""
    query = (
        select(UserRow)
        .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
        .where(ApiTokenRow.token_hash == digest(token), UserRow.disabled.is_(False))
    )
    with db.session() as session:
        row = session.scalar(query)
        return _info(row).actor if row else None
