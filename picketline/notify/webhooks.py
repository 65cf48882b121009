"""Sending one webhook delivery: an HTTP POST of signed JSON, and why it failed if it did.

The body is sent byte for byte as stored, with ``X-Picketline-Signature:
sha256=<HMAC-SHA256 of the body under the webhook's secret>``. Any 2xx answer
is a success; anything else is a failure with a short reason for the delivery
log: ``HTTP 503``, ``timeout after 5s``, ``connection refused``. Redirects are
not followed (a receiver that moved must be registered again), and the
answer's body is never read beyond its status.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from picketline import __version__
from picketline.domain.alert import DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, sign


@dataclass(frozen=True)
class AttemptResult:
    ok: bool
    status_code: int | None
    error: str | None
    duration_ms: int


def post_signed(
    url: str,
    secret: str,
    body: bytes,
    *,
    event: str,
    delivery_id: int,
    timeout: float,
) -> AttemptResult:
    """POST ``body`` to ``url`` signed with ``secret``; never raises for network trouble."""
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"Picketline-Webhooks/{__version__}",
        SIGNATURE_HEADER: sign(secret, body),
        EVENT_HEADER: event,
        DELIVERY_HEADER: str(delivery_id),
    }
    started = time.monotonic()
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            response = client.post(url, content=body, headers=headers)
    except httpx.TimeoutException:
        return _failed(None, f"timeout after {timeout:g}s", started)
    except httpx.ConnectError as error:
        return _failed(None, _connect_reason(error), started)
    except httpx.HTTPError as error:
        return _failed(None, f"network error: {type(error).__name__}", started)
    if 200 <= response.status_code < 300:
        return AttemptResult(True, response.status_code, None, _elapsed(started))
    return _failed(response.status_code, f"HTTP {response.status_code}", started)


def _connect_reason(error: httpx.ConnectError) -> str:
    text = str(error).lower()
    if "refused" in text:
        return "connection refused"
    if "name or service" in text or "nodename" in text or "resolution" in text:
        return "host name not found"
    return "cannot connect"


def _failed(status: int | None, reason: str, started: float) -> AttemptResult:
    return AttemptResult(False, status, reason, _elapsed(started))


def _elapsed(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
