"""Connecting to the mail server named by ``PICKETLINE_SMTP_URL``.

``smtp://user:pass@host:587?starttls=1`` upgrades the connection with STARTTLS
before logging in; ``smtps://user:pass@host:465`` speaks TLS from the start.
``cafile=PATH`` trusts a private certificate authority (a test server, an
internal relay). A password is never sent over a connection that is not
encrypted unless the URL says ``insecure_auth=1`` (for a relay on localhost).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from picketline.errors import ConfigurationError

TIMEOUT_SECONDS = 20.0
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """Where and how to deliver mail (the password is kept out of ``repr``)."""

    host: str
    port: int
    implicit_tls: bool = False
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    cafile: str | None = None
    insecure_auth: bool = False

    def __repr__(self) -> str:
        return f"SmtpConfig({self.host}:{self.port}, tls={self.implicit_tls or self.starttls})"


def parse_smtp_url(url: str) -> SmtpConfig:
    """Read ``smtp[s]://[user[:pass]@]host[:port][?starttls=1&cafile=PATH]``."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ConfigurationError(
            "PICKETLINE_SMTP_URL must look like smtp://user:pass@host:587?starttls=1 "
            "or smtps://user:pass@host:465"
        )
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    implicit = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if implicit else 25)
    except ValueError:
        raise ConfigurationError("PICKETLINE_SMTP_URL has a port that is not a number") from None
    return SmtpConfig(
        host=parts.hostname,
        port=port,
        implicit_tls=implicit,
        starttls=not implicit and query.get("starttls", "0").lower() in _TRUE,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        cafile=query.get("cafile"),
        insecure_auth=query.get("insecure_auth", "0").lower() in _TRUE,
    )


def tls_context(config: SmtpConfig) -> ssl.SSLContext:
    """Verifying TLS: the system's authorities, or only ``cafile`` when given."""
    return ssl.create_default_context(cafile=config.cafile)


def connect(config: SmtpConfig) -> smtplib.SMTP:
    """An open, greeted, encrypted-if-asked and logged-in connection; caller closes it."""
    if config.implicit_tls:
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            config.host, config.port, timeout=TIMEOUT_SECONDS, context=tls_context(config)
        )
    else:
        client = smtplib.SMTP(config.host, config.port, timeout=TIMEOUT_SECONDS)
    try:
        client.ehlo()
        if config.starttls:
            client.starttls(context=tls_context(config))
            client.ehlo()
        if config.username:
            if not (config.implicit_tls or config.starttls or config.insecure_auth):
                raise ConfigurationError(
                    "PICKETLINE_SMTP_URL has a password but no TLS: add ?starttls=1, "
                    "use smtps://, or (local relay only) ?insecure_auth=1"
                )
            client.login(config.username, config.password or "")
    except BaseException:
        client.close()
        raise
    return client
