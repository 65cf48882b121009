"""Signed, expiring, purpose-bound, single-use tokens for the links in emails.

A token is ``base64url(payload) "." base64url(HMAC-SHA256(key, payload))`` where
the payload is compact JSON ``{"p": purpose, "s": subject, "e": expiry, "n": nonce}``
and the key is derived from ``PICKETLINE_SECRET_KEY`` for tokens only (so a
token can never double as a session cookie or anything else signed with it).

``read_token`` checks signature, purpose and expiry without the database (for
a page that only shows a "confirm" button); ``spend_token`` also records the
nonce in ``used_tokens`` inside the caller's transaction: the primary key makes
a second use fail even when two requests race. Changing the secret key
invalidates every token that is out.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from picketline.db.models_campaigns import UsedTokenRow
from picketline.db.types import utcnow
from picketline.errors import PicketlineError
from picketline.settings import Settings

_KEY_LABEL = b"picketline email tokens v1"
MAX_TOKEN_LENGTH = 1_000


class TokenError(PicketlineError):
    """A link that cannot be used; ``reason`` is one of forged, expired, wrong_purpose, used."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class TokenClaims:
    """What a valid token says: for what, about whom (an id), until when, and its nonce."""

    purpose: str
    subject: str
    expires_at: dt.datetime
    nonce: str


def token_key(settings: Settings) -> bytes:
    """The HMAC key for tokens, derived from the app secret."""
    return hmac.new(settings.secret_key.encode("utf-8"), _KEY_LABEL, hashlib.sha256).digest()


def make_token(
    settings: Settings,
    purpose: str,
    subject: str | int,
    *,
    lifetime: dt.timedelta,
    now: dt.datetime | None = None,
) -> str:
    """A new token for ``purpose`` about ``subject`` that expires after ``lifetime``."""
    expires = (now or utcnow()) + lifetime
    payload = {
        "p": purpose,
        "s": str(subject),
        "e": int(expires.timestamp()),
        "n": secrets.token_hex(16),
    }
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    return f"{body}.{_b64(_sign(settings, body))}"


def read_token(
    settings: Settings, token: str, purpose: str, *, now: dt.datetime | None = None
) -> TokenClaims:
    """The claims of a genuine, unexpired token made for ``purpose``; ``TokenError`` otherwise."""
    claims = _verified_claims(settings, token)
    if claims.purpose != purpose:
        raise TokenError("wrong_purpose", "This link is not meant for this page.")
    if (now or utcnow()) >= claims.expires_at:
        raise TokenError("expired", "This link has expired. Please start again.")
    return claims


def spend_token(
    session: Session,
    settings: Settings,
    token: str,
    purpose: str,
    *,
    now: dt.datetime | None = None,
) -> TokenClaims:
    """``read_token``, then record its nonce so it never works again (caller's transaction)."""
    claims = read_token(settings, token, purpose, now=now)
    if session.scalar(select(UsedTokenRow.nonce).where(UsedTokenRow.nonce == claims.nonce)):
        raise TokenError("used", "This link has already been used.")
    row = {
        "nonce": claims.nonce,
        "purpose": claims.purpose[:40],
        "used_at": now or utcnow(),
        "expires_at": claims.expires_at,
    }
    session.execute(insert(UsedTokenRow.__table__), [row])  # type: ignore[arg-type]
    return claims


def purge_spent(session: Session, *, now: dt.datetime | None = None) -> int:
    """Forget spent tokens that have expired anyway (they are refused as expired); how many."""
    cutoff = now or utcnow()
    result = session.execute(delete(UsedTokenRow).where(UsedTokenRow.expires_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _verified_claims(settings: Settings, token: str) -> TokenClaims:
    forged = TokenError("forged", "This link is not valid. Check that you copied all of it.")
    if not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 1:
        raise forged
    body, signature = token.split(".")
    try:
        given = _unb64(signature)
        if not hmac.compare_digest(given, _sign(settings, body)):
            raise forged
        payload = json.loads(_unb64(body))
        return TokenClaims(
            purpose=str(payload["p"]),
            subject=str(payload["s"]),
            expires_at=dt.datetime.fromtimestamp(int(payload["e"]), dt.UTC),
            nonce=str(payload["n"])[:32],
        )
    except (binascii.Error, ValueError, KeyError, TypeError, OverflowError):
        raise forged from None


def _sign(settings: Settings, body: str) -> bytes:
    return hmac.new(token_key(settings), body.encode("ascii"), hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
