"""AES-GCM encryption of sensitive fields, with a key that never enters the database.

Names of detained workers and reporters' contacts can endanger people if a
database file leaks, so they are encrypted before they reach storage. Each
value gets a fresh random 96-bit nonce; the column name is bound in as
associated data so a ciphertext copied into another column does not decrypt.

The key is 32 random bytes, written base64 in ``PICKETLINE_ENCRYPTION_KEY`` or
in the key file that ``picketline init`` creates (mode 0600). The database
keeps only a *check value* (an HMAC of a fixed label under the key), which
proves at open time that the key is the right one without revealing it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from picketline.errors import ConfigurationError, StorageError
from picketline.settings import Settings

KEY_BYTES = 32
NONCE_BYTES = 12
_PREFIX = "v1:"
_CHECK_LABEL = b"picketline key check v1"


def generate_key() -> bytes:
    """A fresh random AES-256 key."""
    return os.urandom(KEY_BYTES)


def encode_key(key: bytes) -> str:
    """The key as it is written in the key file or the environment."""
    return base64.b64encode(key).decode("ascii")


def decode_key(text: str, *, where: str) -> bytes:
    """Read a base64 key; ``where`` names its origin in the error message."""
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ConfigurationError(f"the encryption key in {where} is not valid base64") from None
    if len(key) != KEY_BYTES:
        raise ConfigurationError(
            f"the encryption key in {where} has {len(key)} bytes; it must have {KEY_BYTES}"
        )
    return key


def load_key(settings: Settings) -> bytes | None:
    """The configured key: the environment setting first, then the key file; None if neither."""
    if settings.encryption_key:
        return decode_key(settings.encryption_key, where="PICKETLINE_ENCRYPTION_KEY")
    path = settings.resolved_key_file
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"cannot read the key file {path}: {error}") from None
    return decode_key(text, where=str(path))


def create_key_file(path: Path) -> bool:
    """Write a new key to ``path`` readable by its owner only; False if it already exists.

    ``O_EXCL`` makes this safe against a second ``init`` racing the first: an
    existing key is never replaced, since that would make its data unreadable.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(encode_key(generate_key()) + "\n")
    return True


class FieldCipher:
    """Encrypts and decrypts single text values with one key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ConfigurationError(f"an encryption key must have {KEY_BYTES} bytes")
        self._aead = AESGCM(key)
        self._check = hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()

    @property
    def check_value(self) -> str:
        """What the database stores to recognise this key (reveals nothing about it)."""
        return self._check

    def encrypt(self, plaintext: str, *, column: str) -> str:
        """``v1:`` + base64(nonce + ciphertext + tag), bound to ``column``."""
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), column.encode("ascii"))
        return _PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str, *, column: str) -> str:
        """The plaintext of ``token``; StorageError if it was tampered with or is foreign."""
        if not token.startswith(_PREFIX):
            raise StorageError(f"an encrypted value in {column} has an unknown format")
        try:
            raw = base64.b64decode(token[len(_PREFIX) :], validate=True)
            opened = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], column.encode())
        except (binascii.Error, ValueError, InvalidTag):
            raise StorageError(
                f"an encrypted value in {column} cannot be decrypted (damaged, or another key)"
            ) from None
        return opened.decode("utf-8")
