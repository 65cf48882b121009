"""Password hashing, random secrets and the lock-out rule: pure functions, no I/O.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's
low-memory profile). Session ids and API tokens are 256-bit random strings;
only their SHA-256 digest is stored, so the database alone signs nobody in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

from picketline.errors import InputError

PASSWORD_PARAMETERS = RFC_9106_LOW_MEMORY
"""argon2id, 64 MiB, 3 passes, 4 lanes: RFC 9106's recommendation for constrained memory."""
_HASHER = PasswordHasher.from_parameters(PASSWORD_PARAMETERS)
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # argon2 takes any length; this bounds the work per request
TOKEN_PREFIX = "plt_"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

_DUMMY_HASHES: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash of a password nobody knows, made with today's parameters.

    Verifying against it for an unknown user name costs the same time as for a
    real one, so response timing does not tell who exists.
    """
    key = id(_HASHER)
    if key not in _DUMMY_HASHES:
        _DUMMY_HASHES[key] = _HASHER.hash(secrets.token_urlsafe(16))
    return _DUMMY_HASHES[key]


def hash_password(password: str) -> str:
    """The argon2id hash of ``password``, after checking it is acceptable."""
    check_password_strength(password)
    return _HASHER.hash(password)


def check_password_strength(password: str) -> None:
    """Refuse passwords too short to resist guessing, or absurdly long."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(f"the password must have at most {MAX_PASSWORD_LENGTH} characters")


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash``; ``None`` spends the same time and fails."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored_hash)


def check_user_name(name: str) -> str:
    """A user name: 1–64 letters, digits, dots, dashes or underscores."""
    if not NAME_PATTERN.match(name):
        raise InputError(
            f"{name!r} is not a valid user name: use 1-64 letters, digits, '.', '_' or '-'"
        )
    return name


def new_secret() -> str:
    """A fresh 256-bit random string, URL-safe (session ids)."""
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    """A fresh API token, prefixed so that it is recognisable in a leaked file."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the database stores for a session id or token: its SHA-256, hex."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def keyed_digest(key: str, purpose: str, value: str) -> str:
    """HMAC-SHA256 of ``value`` for one ``purpose`` (CSRF tokens), hex."""
    message = f"{purpose}:{value}".encode()
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison, so response timing leaks no prefix of a secret."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """After ``max_failures`` wrong passwords in a row the account locks for ``lock_for``."""

    max_failures: int
    lock_for: dt.timedelta

    def is_locked(self, locked_until: dt.datetime | None, now: dt.datetime) -> bool:
        return locked_until is not None and locked_until > now

    def after_failure(self, failures: int, now: dt.datetime) -> tuple[int, dt.datetime | None]:
        """The new failure count and lock expiry after one more wrong password.

        Reaching the limit locks the account and starts the count again, so the
        next wrong password after the lock ends does not lock it at once.
        """
        failures += 1
        if failures >= self.max_failures:
            return 0, now + self.lock_for
        return failures, None
