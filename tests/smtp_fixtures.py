"""A real SMTP server in-process (aiosmtpd) that keeps every message it receives.

``smtp_server`` is a plain server on a free loopback port; ``smtp_tls_server``
asks for STARTTLS and AUTH (a fresh self-signed certificate, trusted through
``cafile=`` in the URL). Both can be stopped and started again on the same
port, to play a mail server that goes down and comes back. Reuse them for any
test that sends mail: ``server.url`` goes into ``PICKETLINE_SMTP_URL``.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import re
import ssl
import threading
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.web_fixtures import free_port

SMTP_USER = "mailer"
SMTP_PASSWORD = "s3cret-pass"


class Collector:
    """The aiosmtpd handler: parses and keeps each message."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(parsed)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SmtpServer:
    """An aiosmtpd controller that can be stopped and restarted on the same port."""

    def __init__(self, *, tls_dir: Path | None = None, smtputf8: bool = True) -> None:
        self.port = free_port()
        self.smtputf8 = smtputf8
        self.collector = Collector()
        self.tls_dir = tls_dir
        self.cafile: Path | None = None
        self._controller: Any = None
        if tls_dir is not None:
            self.cafile = write_self_signed(tls_dir)

    @property
    def url(self) -> str:
        if self.cafile is None:
            return f"smtp://127.0.0.1:{self.port}"
        return (
            f"smtp://{SMTP_USER}:{SMTP_PASSWORD}@127.0.0.1:{self.port}"
            f"?starttls=1&cafile={self.cafile}"
        )

    @property
    def messages(self) -> list[EmailMessage]:
        with self.collector.lock:
            return list(self.collector.messages)

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        kwargs: dict[str, Any] = {"enable_SMTPUTF8": self.smtputf8}
        if self.cafile is not None and self.tls_dir is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(self.tls_dir / "cert.pem", self.tls_dir / "key.pem")
            kwargs |= {
                "tls_context": context,
                "require_starttls": True,
                "auth_require_tls": True,
                "authenticator": _authenticate,
            }
        self._controller = Controller(
            self.collector, hostname="127.0.0.1", port=self.port, **kwargs
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        """The messages once at least ``count`` have arrived (fails after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                pytest.fail(f"expected {count} emails, got {len(self.messages)}", pytrace=False)
            time.sleep(0.05)
        return self.messages


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = (
        isinstance(data, LoginPassword)
        and data.login == SMTP_USER.encode()
        and data.password == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


def write_self_signed(folder: Path) -> Path:
    """A key and a self-signed certificate for 127.0.0.1 and localhost; the cert's path."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_path = folder / "cert.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path


def text_of(message: EmailMessage) -> str:
    """The plain-text body of a received message."""
    part = message.get_body(preferencelist=("plain",))
    assert part is not None, "the email has no text part"
    return str(part.get_content())


def links_in(message: EmailMessage) -> list[str]:
    """Every http(s) link in the plain-text body, in order."""
    return re.findall(r"https?://[^\s<>\"]+", text_of(message))


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A running plain SMTP server on a free loopback port."""
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_tls_server(tmp_path: Path) -> Iterator[SmtpServer]:
    """A running SMTP server that requires STARTTLS and then AUTH (user ``mailer``)."""
    server = SmtpServer(tls_dir=tmp_path / "smtp-tls")
    server.start()
    try:
        yield server
    finally:
        server.stop()
