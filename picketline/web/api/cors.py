"""CORS for reading: any site may GET the API, the feeds and the exports.

The record is public, and the point of an open API is that other people's
pages can use it from the browser. Only safe methods are opened (GET, HEAD
and their preflight); anything that writes keeps the same-origin default.
``ETag`` is exposed so a client script can revalidate with ``If-None-Match``.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PUBLIC_PREFIXES = ("/api/", "/feeds/", "/exports/")
READ_METHODS = frozenset({"GET", "HEAD"})
ALLOW = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Link",
}
PREFLIGHT = {
    **ALLOW,
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, Accept, Accept-Language",
    "Access-Control-Max-Age": "86400",
}


def is_public_read(scope: Scope) -> bool:
    path: str = scope.get("path", "")
    return path.startswith(PUBLIC_PREFIXES)


class PublicReadCors:
    """Answer preflights for public reads and mark GET/HEAD answers readable by any origin."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_public_read(scope):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        headers = Headers(scope=scope)
        if method == "OPTIONS" and headers.get("access-control-request-method") in READ_METHODS:
            await send_preflight(send)
            return
        if method not in READ_METHODS:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for name, value in ALLOW.items():
                    out[name] = value
            await send(message)

        await self.app(scope, receive, send_with_cors)


async def send_preflight(send: Send) -> None:
    headers = [(k.lower().encode(), v.encode()) for k, v in PREFLIGHT.items()]
    await send({"type": "http.response.start", "status": 204, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
