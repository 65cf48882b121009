"""Mail: single ``.eml`` messages and ``.mbox`` archives (news alerts, lists).

A message's plain-text part is preferred (it is what the sender wrote); an
HTML-only message goes through the HTML reader so its navigation and footers
are dropped. An mbox is split while streaming, never loaded whole, so an
archive of hundreds of megabytes costs the memory of one message at a time.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import BinaryIO

from picketline.domain.dates import PartialDate
from picketline.ingest.html import html_document
from picketline.ingest.raw import IngestFailure, IngestItem, RawDocument, Reader, Target, utc_now

_HEADER = re.compile(
    rb"^(From|To|Subject|Date|Message-ID|Received|Return-Path|MIME-Version):", re.I | re.M
)
_ESCAPED_FROM = re.compile(rb"^>(>*From )")


def looks_like_eml(head: bytes) -> bool:
    """Whether the first bytes are one RFC 5322 message (several known headers)."""
    return len(_HEADER.findall(head[:4096])) >= 2 and not head.startswith(b"From ")


def looks_like_mbox(head: bytes) -> bool:
    """Whether the first bytes open an mbox archive (a ``From `` separator line)."""
    return head.startswith(b"From ") and bool(_HEADER.search(head[:4096]))


def _parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)  # guaranteed by policy.default
    return message


def _date(message: EmailMessage) -> PartialDate | None:
    try:
        sent = email.utils.parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return None
    return PartialDate.from_date(sent.date())


def _sender(message: EmailMessage) -> str | None:
    name, address = email.utils.parseaddr(str(message.get("From", "")))
    return name or address or None


def _body(message: EmailMessage, origin: str) -> tuple[str, str | None] | IngestFailure:
    """The message text and, for HTML bodies, the page's canonical URL."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return IngestFailure(origin, "message has no text or HTML part")
    try:
        content = part.get_content()
    except (LookupError, ValueError) as error:
        return IngestFailure(origin, f"message body cannot be decoded ({error})")
    if part.get_content_subtype() == "plain":
        return str(content).strip(), None
    page = html_document(str(content), origin)
    if isinstance(page, IngestFailure):
        return page
    return page.text, page.url


def message_document(data: bytes, fallback_origin: str) -> IngestItem:
    """One message's bytes as a document, or why it cannot be one."""
    message = _parse(data)
    message_id = str(message.get("Message-ID", "")).strip()
    origin = message_id or fallback_origin
    body = _body(message, origin)
    if isinstance(body, IngestFailure):
        return body
    text, url = body
    if not text:
        return IngestFailure(origin, "message body is empty")
    published = _date(message)
    return RawDocument(
        text=text,
        origin=origin,
        retrieved=utc_now(),
        title=str(message.get("Subject", "")).strip() or None,
        url=url,
        outlet=_sender(message),
        published=published,
        published_confidence="stated" if published else None,
    )


def read_eml(target: Target) -> Iterator[IngestItem]:
    """The reader for single ``.eml`` files."""
    yield message_document(target.read_bytes(), target.origin)


def split_mbox(stream: BinaryIO) -> Iterator[bytes]:
    """The raw messages of an mbox, one at a time (``>From `` lines unescaped)."""
    lines: list[bytes] = []
    previous_blank = True
    for line in stream:
        if line.startswith(b"From ") and previous_blank:
            if lines:
                yield b"".join(lines)
            lines = []
        else:
            lines.append(_ESCAPED_FROM.sub(rb"\1", line))
        previous_blank = not line.strip()
    if lines:
        yield b"".join(lines)


def read_mbox(target: Target) -> Iterator[IngestItem]:
    """The reader for ``.mbox`` archives: a document or failure per message."""
    with target.opener() as stream:
        for number, raw in enumerate(split_mbox(stream), start=1):
            origin = f"{target.origin}#{number}"
            try:
                yield message_document(raw, origin)
            except Exception as error:  # one broken message must not end the archive
                yield IngestFailure(origin, f"unreadable message ({type(error).__name__}: {error})")


EML_READER = Reader(
    name="eml",
    read=read_eml,
    suffixes=(".eml",),
    content_types=("message/rfc822",),
    sniff=looks_like_eml,
)
MBOX_READER = Reader(
    name="mbox",
    read=read_mbox,
    suffixes=(".mbox",),
    content_types=("application/mbox",),
    sniff=looks_like_mbox,
)
