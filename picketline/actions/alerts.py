"""Alert subscriptions: subscribe (double opt-in), confirm, unsubscribe, send digests.

A subscription and its confirmation email are stored in one transaction (the
outbox sends it later, so a mail server that is down loses nothing). The
address is encrypted and never enters the audit log; unsubscribing erases it.
Links are the outbox engineer's signed tokens: the confirmation link is
single-use and expires after ``confirm_token_hours``; the unsubscribe link in
each digest works for ``link_token_days`` and may be followed twice harmlessly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from picketline.actions import audit
from picketline.db import Database
from picketline.db.alerts import (
    EMAIL_COLUMN,
    active_subscription_ids,
    changed_struggles,
    filter_to_json,
    to_subscription,
)
from picketline.db.filters import StruggleFilter
from picketline.db.models_funds import AlertSubscriptionRow
from picketline.db.struggles import load_list_records
from picketline.db.types import utcnow
from picketline.domain.alert import Frequency, SubscriptionStatus, digest_due
from picketline.domain.audit import AuditEntry
from picketline.errors import InputError, NotFoundError
from picketline.notify.digests import (
    CONFIRM_PURPOSE,
    UNSUBSCRIBE_PURPOSE,
    confirmation_email,
    digest_email,
    digest_item,
)
from picketline.notify.emails import absolute_url
from picketline.notify.outbox import queue_email
from picketline.notify.tokens import TokenError, make_token, read_token, spend_token
from picketline.settings import Settings

MAX_EMAIL = 320
MAX_ITEMS = 100
"""A digest lists at most this many struggles (the busiest day of a big strike wave)."""


def normalise_email(text: str) -> str:
    """A deliverable-looking address (internationalised domains allowed); InputError if not."""
    from email_validator import EmailNotValidError, validate_email

    text = (text or "").strip()
    if not text:
        raise InputError("an email address is required")
    if len(text) > MAX_EMAIL:
        raise InputError(f"the email address is too long (at most {MAX_EMAIL} characters)")
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise InputError(f"the email address is not valid: {error}") from None


def do_subscribe(
    db: Database,
    settings: Settings,
    *,
    email: str,
    wanted: StruggleFilter,
    frequency: Frequency | str,
    now: dt.datetime | None = None,
) -> int:
    """Store a pending subscription and queue its confirmation email; the subscription id."""
    address = normalise_email(email)
    try:
        how_often = Frequency(frequency)
    except ValueError:
        raise InputError("frequency must be daily or weekly") from None
    cipher = db.require_cipher()
    now = now or utcnow()
    with db.transaction() as session:
        row = AlertSubscriptionRow(
            email_enc=cipher.encrypt(address, column=EMAIL_COLUMN),
            filter=filter_to_json(wanted),
            frequency=how_often.value,
            status=SubscriptionStatus.PENDING.value,
            created_at=now,
        )
        session.add(row)
        session.flush()
        lifetime = dt.timedelta(hours=settings.confirm_token_hours)
        token = make_token(settings, CONFIRM_PURPOSE, row.id, lifetime=lifetime, now=now)
        mail = confirmation_email(settings, token, wanted, how_often.value)
        queue_email(
            session,
            to=address,
            subject=mail.subject,
            text=mail.text,
            html=mail.html,
            kind="alert-confirm",
            cipher=cipher,
        )
        after = {"frequency": how_often.value, "filter": row.filter, "status": row.status}
        _audit(session, "alert.subscribe", row.id, None, after, now)
        return row.id


def do_confirm_subscription(
    db: Database, settings: Settings, token: str, *, now: dt.datetime | None = None
) -> int:
    """Activate the subscription the emailed link names (the link then stops working)."""
    now = now or utcnow()
    with db.transaction() as session:
        claims = spend_token(session, settings, token, CONFIRM_PURPOSE, now=now)
        row = _row(session, claims.subject)
        if row.status != SubscriptionStatus.PENDING.value:
            raise TokenError("used", "This subscription is no longer waiting for confirmation.")
        row.status = SubscriptionStatus.ACTIVE.value
        row.confirmed_at = now
        row.digest_after = now  # the first digest holds what changes from now on
        _audit(session, "alert.confirm", row.id, {"status": "pending"}, {"status": "active"}, now)
        return row.id


def unsubscribe_token(settings: Settings, subscription_id: int, now: dt.datetime) -> str:
    lifetime = dt.timedelta(days=settings.link_token_days)
    return make_token(settings, UNSUBSCRIBE_PURPOSE, subscription_id, lifetime=lifetime, now=now)


def check_unsubscribe_token(settings: Settings, token: str) -> int:
    """The subscription id an unsubscribe link names; TokenError if forged or expired."""
    claims = read_token(settings, token, UNSUBSCRIBE_PURPOSE)
    try:
        return int(claims.subject)
    except ValueError:
        raise TokenError("forged", "This link is not valid.") from None


def do_unsubscribe(
    db: Database, settings: Settings, token: str, *, now: dt.datetime | None = None
) -> int:
    """Stop the subscription and erase its address; following the link again is harmless."""
    subscription_id = check_unsubscribe_token(settings, token)
    now = now or utcnow()
    with db.transaction() as session:
        row = _row(session, str(subscription_id))
        if row.status == SubscriptionStatus.UNSUBSCRIBED.value:
            return row.id
        before = {"status": row.status}
        row.status = SubscriptionStatus.UNSUBSCRIBED.value
        row.unsubscribed_at = now
        row.email_enc = ""  # nothing to keep: the address is gone with the subscription
        _audit(session, "alert.unsubscribe", row.id, before, {"status": row.status}, now)
        return row.id


@dataclass
class DigestReport:
    """What one run of ``do_send_digests`` did."""

    forgotten: int = 0  # unconfirmed requests whose link expired, deleted
    checked: int = 0  # active subscriptions looked at
    due: int = 0  # of which due by their frequency
    queued: int = 0  # digests queued (the others matched nothing)
    struggles: int = 0  # struggle lines over all digests


def do_send_digests(
    db: Database, settings: Settings, *, now: dt.datetime | None = None
) -> DigestReport:
    """Queue a digest for every due subscription that something new or changed matched.

    Each subscription is handled in its own short transaction; its window
    (``digest_after``) moves to ``now`` whether or not anything matched, so a
    struggle is never sent twice to the same subscriber for the same change.
    """
    now = now or utcnow()
    db.require_cipher()  # fail before anything if addresses cannot be read
    report = DigestReport(forgotten=_forget_unconfirmed(db, settings, now))
    with db.session() as session:
        ids = active_subscription_ids(session)
    for subscription_id in ids:
        report.checked += 1
        with db.transaction() as session:
            row = session.get(AlertSubscriptionRow, subscription_id)
            if row is None or row.status != SubscriptionStatus.ACTIVE.value:
                continue
            if not digest_due(Frequency(row.frequency), row.digest_after, now):
                continue
            report.due += 1
            count = _digest_one(session, db, settings, row, now)
            if count:
                report.queued += 1
                report.struggles += count
            row.digest_after = now
    return report


def _forget_unconfirmed(db: Database, settings: Settings, now: dt.datetime) -> int:
    """Delete requests never confirmed whose link has expired: the email promised it."""
    cutoff = now - dt.timedelta(hours=settings.confirm_token_hours)
    with db.transaction() as session:
        result = session.execute(
            delete(AlertSubscriptionRow).where(
                AlertSubscriptionRow.status == SubscriptionStatus.PENDING.value,
                AlertSubscriptionRow.created_at < cutoff,
            )
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _digest_one(
    session: Session, db: Database, settings: Settings, row: AlertSubscriptionRow, now: dt.datetime
) -> int:
    """Queue the digest of one subscription; how many struggles it lists (0: none queued)."""
    cipher = db.require_cipher()
    subscription = to_subscription(row, cipher)
    since = row.digest_after or row.confirmed_at or row.created_at
    changed = changed_struggles(session, db.dialect, subscription.wanted, since, now)[:MAX_ITEMS]
    if not changed or not subscription.email:
        return 0
    records = load_list_records(session, [i for i, _ in changed], with_links=False)
    new = dict(changed)
    items = [digest_item(settings, r, new.get(r.struggle.id or 0, False)) for r in records]
    token = unsubscribe_token(settings, row.id, now)
    unsubscribe = absolute_url(settings, "/alerts/unsubscribe", token=token)
    mail = digest_email(settings, items, subscription.wanted, row.frequency, unsubscribe)
    queue_email(
        session,
        to=subscription.email,
        subject=mail.subject,
        text=mail.text,
        html=mail.html,
        kind="alert-digest",
        cipher=cipher,
        list_unsubscribe=unsubscribe,
    )
    row.last_digest_at = now
    return len(items)


def _row(session: Session, subject: str) -> AlertSubscriptionRow:
    row = session.get(AlertSubscriptionRow, int(subject)) if subject.isdigit() else None
    if row is None:
        raise NotFoundError("this subscription does not exist any more")
    return row


def _audit(
    session: Session,
    action: str,
    entity_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    now: dt.datetime,
) -> None:
    entry = AuditEntry(None, now, "public", action, "alert_subscription", entity_id, before, after)
    audit.append(session, [entry])
