"""Per-client rate limiting that keeps no identifying data.

Public forms (report submission, pledges, alert sign-ups) must stop a flood
from one client without storing who the client is. The client's address is
turned into an HMAC under a random key that lives only in this process's
memory and is replaced every ``rotate_seconds``: the buckets can be neither
read back into addresses nor linked across rotations, and nothing is written
to disk or the database.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable

from fastapi import HTTPException, Request


class RateLimiter:
    """A token bucket per anonymous client key: ``rate`` hits per ``per`` seconds.

    ``clock`` is injectable so tests can move time instead of sleeping.
    """

    def __init__(
        self,
        rate: int,
        per: float,
        *,
        rotate_seconds: float = 86_400.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.per = per
        self.rotate_seconds = rotate_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[bytes, tuple[float, float]] = {}
        self._key = secrets.token_bytes(32)
        self._key_born = clock()

    def client_key(self, material: str) -> bytes:
        """An unlinkable key for ``material`` (an address) under the current secret."""
        return hmac.new(self._key, material.encode(), hashlib.sha256).digest()[:16]

    def hit(self, material: str) -> bool:
        """Count one request from ``material``; ``False`` when its bucket is empty."""
        with self._lock:
            now = self._clock()
            if now - self._key_born >= self.rotate_seconds:
                self._key = secrets.token_bytes(32)
                self._key_born = now
                self._buckets.clear()
            key = self.client_key(material)
            tokens, last = self._buckets.get(key, (float(self.rate), now))
            tokens = min(float(self.rate), tokens + (now - last) * self.rate / self.per)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 100_000:  # bounded memory under a distributed flood
                self._buckets.clear()
            return True

    def check(self, request: Request) -> None:
        """Raise 429 with a plain message when this request's client is over its rate."""
        material = request.client.host if request.client else "unknown"
        if not self.hit(material):
            raise HTTPException(
                status_code=429,
                detail="Too many requests from your connection; please wait a few minutes.",
            )
