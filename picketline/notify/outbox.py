"""The mail outbox: email is queued in the database and sent later, so none is lost.

``queue_email`` runs inside the caller's transaction, so a pledge and its
confirmation email are stored together or not at all. The recipient and the
whole message are encrypted with the database's ``FieldCipher`` (a message
may carry a name or a link that acts for someone); once sent, both are erased.

``deliver_due`` sends what is due over SMTP. A message is first *claimed*
(its next attempt moved a lease into the future) in a short transaction, then
sent with no transaction open, then marked: sent, or kept with ``attempts+1``
and an exponentially later next attempt, or ``failed`` for good when the
server refuses the recipient permanently (5xx). Two senders running at once
(the server loop and ``picketline mail send``) do not send a message twice.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from picketline.access.crypto import FieldCipher
from picketline.db import Database
from picketline.db.models_campaigns import OutboxRow
from picketline.db.types import utcnow
from picketline.errors import ConfigurationError
from picketline.notify.smtp import SmtpConfig, connect, parse_smtp_url
from picketline.settings import Settings

log = logging.getLogger("picketline.mail")

TO_COLUMN = "outbox.to"
MESSAGE_COLUMN = "outbox.message"
RETRY_BASE = dt.timedelta(minutes=1)
RETRY_CAP = dt.timedelta(hours=6)
LEASE = dt.timedelta(minutes=5)  # a claimed message is not claimed again before this
BATCH = 200
QUEUED, SENT, FAILED = "queued", "sent", "failed"


@dataclass
class DeliveryReport:
    """What one run of ``deliver_due`` did."""

    sent: int = 0
    retried: int = 0  # not delivered this time; tried again later
    failed: int = 0  # refused for good by the server
    waiting: int = 0  # still queued after this run (due later or retried)
    errors: list[str] = field(default_factory=list)  # why, without any address


@dataclass(frozen=True, slots=True)
class _Claimed:
    id: int
    attempts: int
    to: str
    message: dict[str, str | None]


def queue_email(
    session: Session,
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    kind: str,
    cipher: FieldCipher,
    list_unsubscribe: str | None = None,
) -> int:
    """Store one email for delivery inside the caller's transaction; its outbox id."""
    message = {
        "subject": " ".join(subject.split())[:250],  # no header injection by newline
        "text": text,
        "html": html,
        "list_unsubscribe": list_unsubscribe,
    }
    now = utcnow()
    row = {
        "kind": kind[:40],
        "status": QUEUED,
        "to_enc": cipher.encrypt(to, column=TO_COLUMN),
        "message_enc": cipher.encrypt(json.dumps(message), column=MESSAGE_COLUMN),
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }
    result = session.execute(insert(OutboxRow).values(**row).returning(OutboxRow.id))
    return int(result.scalar_one())


def deliver_due(
    db: Database, settings: Settings, *, now: dt.datetime | None = None, limit: int = BATCH
) -> DeliveryReport:
    """Send every message due at ``now`` (up to ``limit``); retry failures later."""
    if not settings.smtp_url:
        raise ConfigurationError(
            "PICKETLINE_SMTP_URL is not set, so email cannot be sent (it waits in the outbox)"
        )
    config = parse_smtp_url(settings.smtp_url)
    now = now or utcnow()
    report = DeliveryReport()
    claimed = _claim(db, now, limit)
    if claimed:
        outcomes = _send_all(config, settings, claimed, report)
        _record(db, claimed, outcomes, now, report)
    report.waiting = count_waiting(db)
    return report


def count_waiting(db: Database) -> int:
    """Messages still queued (due now or later)."""
    with db.session() as session:
        return int(session.scalar(select(func.count()).where(OutboxRow.status == QUEUED)) or 0)


def _claim(db: Database, now: dt.datetime, limit: int) -> list[_Claimed]:
    cipher = db.require_cipher()
    with db.transaction() as session:
        rows = session.execute(
            select(OutboxRow.id, OutboxRow.attempts, OutboxRow.to_enc, OutboxRow.message_enc)
            .where(OutboxRow.status == QUEUED, OutboxRow.next_attempt_at <= now)
            .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
            .limit(limit)
        ).all()
        if not rows:
            return []
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_([r.id for r in rows]))
            .values(next_attempt_at=now + LEASE)
            .execution_options(synchronize_session=False)
        )
    return [
        _Claimed(
            r.id,
            r.attempts,
            cipher.decrypt(r.to_enc or "", column=TO_COLUMN),
            json.loads(cipher.decrypt(r.message_enc or "", column=MESSAGE_COLUMN)),
        )
        for r in rows
    ]


def _send_all(
    config: SmtpConfig, settings: Settings, claimed: list[_Claimed], report: DeliveryReport
) -> dict[int, str | None]:
    """Message id → None (sent), "retry: why" or "failed: why"."""
    outcomes: dict[int, str | None] = {}
    try:
        client = connect(config)
    except (OSError, smtplib.SMTPException) as error:
        why = f"retry: cannot reach the mail server: {_describe(error)}"
        report.errors.append(why)
        log.warning("mail: %s", why)
        return {c.id: why for c in claimed}
    try:
        for item in claimed:
            outcomes[item.id] = _send_one(client, settings, item)
            if outcomes[item.id] and "disconnected" in str(outcomes[item.id]):
                break  # the rest are retried below
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()
    for item in claimed:
        outcomes.setdefault(item.id, "retry: the connection was lost")
    return outcomes


def _send_one(client: smtplib.SMTP, settings: Settings, item: _Claimed) -> str | None:
    try:
        client.send_message(build_message(settings, item.to, item.message))
        return None
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        permanent = bool(codes) and all(code >= 500 for code in codes)
        verdict = "failed" if permanent else "retry"
        return f"{verdict}: recipient refused ({', '.join(map(str, codes))})"
    except smtplib.SMTPNotSupportedError:
        return "failed: the mail server cannot take international (SMTPUTF8) addresses"
    except smtplib.SMTPServerDisconnected:
        return "retry: server disconnected"
    except (OSError, smtplib.SMTPException) as error:
        return f"retry: {_describe(error)}"


def build_message(settings: Settings, to: str, message: dict[str, str | None]) -> EmailMessage:
    """The MIME message: plain text, plus an HTML alternative when there is one."""
    email = EmailMessage()
    email["From"] = settings.mail_from
    email["To"] = to
    email["Subject"] = message.get("subject") or ""
    email["Date"] = formatdate(localtime=False)
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    email["Message-ID"] = make_msgid(domain=domain)
    if message.get("list_unsubscribe"):
        email["List-Unsubscribe"] = f"<{message['list_unsubscribe']}>"
    email.set_content(message.get("text") or "")
    if message.get("html"):
        email.add_alternative(message["html"], subtype="html")
    return email


def _describe(error: BaseException) -> str:
    """What went wrong, without the server's free text (it may echo an address)."""
    code = getattr(error, "smtp_code", None)
    if code is not None:
        return f"{type(error).__name__} {code}"
    if isinstance(error, OSError):
        return f"{type(error).__name__}: {error.strerror or error}"
    return type(error).__name__


def _record(
    db: Database,
    claimed: list[_Claimed],
    outcomes: dict[int, str | None],
    now: dt.datetime,
    report: DeliveryReport,
) -> None:
    with db.transaction() as session:
        for item in claimed:
            outcome = outcomes[item.id]
            if outcome is None:
                values: dict[str, object] = {
                    "status": SENT,
                    "sent_at": utcnow(),
                    "to_enc": None,
                    "message_enc": None,
                    "attempts": item.attempts + 1,
                    "last_error": None,
                }
                report.sent += 1
            elif outcome.startswith("failed"):
                values = {"status": FAILED, "attempts": item.attempts + 1, "last_error": outcome}
                report.failed += 1
            else:
                attempts = item.attempts + 1
                values = {
                    "attempts": attempts,
                    "next_attempt_at": now + retry_delay(attempts),
                    "last_error": outcome[:500],
                }
                report.retried += 1
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == item.id)
                .values(**values)
                .execution_options(synchronize_session=False)
            )


def retry_delay(attempts: int) -> dt.timedelta:
    """1, 2, 4, 8 ... minutes after each failed attempt, never more than 6 hours."""
    return min(RETRY_BASE * (2 ** max(0, min(attempts - 1, 20))), RETRY_CAP)
