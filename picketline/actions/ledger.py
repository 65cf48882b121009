"""Strike funds and their ledger: every write, each in one transaction with its audit entry.

The ledger is append-only (the database refuses UPDATE and DELETE on it), so
the only writes are: open a fund, record a balanced entry, and reverse an
entry. Each is checked before anything is written: amounts are integer minor
units (a float is refused), the postings balance, the currency is the fund's,
and no money is paid out that the fund does not hold. Donor identities are
encrypted; audit entries record amounts and accounts, never who gave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from picketline.actions import audit
from picketline.db import Database
from picketline.db import ledger as ledger_db
from picketline.db.models import StruggleRow
from picketline.db.models_funds import FundRow, LedgerPostingRow, LedgerTransactionRow
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.ledger import (
    DONOR_KINDS,
    Account,
    Donor,
    EntryKind,
    Fund,
    LedgerError,
    Posting,
    account_balances,
    check_balanced,
    check_currency,
    check_minor,
    entry_postings,
    reversal_postings,
)
from picketline.errors import InputError, NotFoundError

MAX_NAME = 200
MAX_PURPOSE = 1000


def do_create_fund(
    db: Database,
    *,
    name: str,
    currency: str,
    struggle_id: int | None = None,
    campaign_id: int | None = None,
    actor: str,
) -> int:
    """Open a fund for a struggle or a campaign; its id."""
    name = _text(name, "the fund's name", MAX_NAME, required=True)
    try:
        code = check_currency(currency)
    except LedgerError as error:
        raise InputError(str(error)) from None
    if struggle_id is None and campaign_id is None:
        raise InputError("a fund belongs to a struggle or a campaign: give one of them")
    with db.transaction() as session:
        if campaign_id is not None:
            struggle_id = _campaign_struggle(session, campaign_id, struggle_id)
        if struggle_id is not None and session.get(StruggleRow, struggle_id) is None:
            raise NotFoundError(f"struggle {struggle_id} does not exist")
        row = FundRow(
            name=name,
            currency=code,
            struggle_id=struggle_id,
            campaign_id=campaign_id,
            created_at=utcnow(),
            created_by=actor,
        )
        session.add(row)
        session.flush()
        after = {"name": name, "currency": code, "struggle_id": struggle_id}
        after["campaign_id"] = campaign_id
        _audit(session, actor, "fund.create", "fund", row.id, after, None)
        return row.id


def _campaign_struggle(session: Session, campaign_id: int, struggle_id: int | None) -> int:
    """The struggle of the campaign (a campaign's fund is public when its struggle is)."""
    from picketline.db.models_campaigns import CampaignRow

    campaign = session.get(CampaignRow, campaign_id)
    if campaign is None:
        raise NotFoundError(f"campaign {campaign_id} does not exist")
    if struggle_id is not None and struggle_id != campaign.struggle_id:
        raise InputError(
            f"campaign {campaign_id} is on struggle {campaign.struggle_id}, not {struggle_id}"
        )
    return int(campaign.struggle_id)


def do_record_entry(
    db: Database,
    fund_id: int,
    *,
    kind: EntryKind | str,
    amount: int,
    occurred_on: dt.date,
    purpose: str = "",
    donor: Donor | None = None,
    actor: str,
) -> int:
    """Record a pledge, a received pledge, a donation or a disbursement; the entry's id.

    ``amount`` is a positive ``int`` of the fund's minor units (parse text with
    ``domain.ledger.parse_amount``). A disbursement needs a purpose (it is
    published) and may not exceed the money in hand.
    """
    entry_kind = _kind(kind)
    check = _ledger_rule(check_minor)
    check(amount, what="the amount")
    if amount <= 0:
        raise InputError(f"the amount must be more than zero (got {amount} minor units)")
    if entry_kind == EntryKind.REVERSAL:
        raise InputError("a correction is recorded with do_reverse_entry, naming the entry")
    with db.transaction() as session:
        fund = _fund(session, fund_id)
        postings = _ledger_rule(entry_postings)(entry_kind, amount, fund.currency)
        return _record(session, db, fund, entry_kind, postings, occurred_on, purpose, donor, actor)


def do_record_postings(
    db: Database,
    fund_id: int,
    *,
    kind: EntryKind | str,
    postings: Sequence[Posting],
    occurred_on: dt.date,
    purpose: str = "",
    donor: Donor | None = None,
    actor: str,
) -> int:
    """Record an entry given as explicit postings (imports, split entries); its id.

    The postings must balance: an entry that would put the books out of balance
    is refused before anything is written.
    """
    entry_kind = _kind(kind)
    if entry_kind == EntryKind.REVERSAL:
        raise InputError("a correction is recorded with do_reverse_entry, naming the entry")
    _ledger_rule(check_balanced)(postings)
    with db.transaction() as session:
        fund = _fund(session, fund_id)
        return _record(session, db, fund, entry_kind, postings, occurred_on, purpose, donor, actor)


def do_reverse_entry(db: Database, transaction_id: int, *, reason: str, actor: str) -> int:
    """Correct an entry by recording its exact opposite; the reversal's id."""
    reason = _text(reason, "the reason for the correction", MAX_PURPOSE, required=True)
    with db.transaction() as session:
        original = ledger_db.get_transaction(session, transaction_id)
        if original is None or original.fund_id is None:
            raise NotFoundError(f"ledger entry {transaction_id} does not exist")
        if original.kind == EntryKind.REVERSAL:
            raise InputError(
                f"entry {transaction_id} is itself a correction; record the original entry again"
            )
        if transaction_id in ledger_db.reversed_ids(session, original.fund_id):
            raise InputError(f"entry {transaction_id} has already been reversed")
        fund = _fund(session, original.fund_id)
        postings = reversal_postings(original.postings)
        purpose = f"Correction of entry #{transaction_id}: {reason}"
        return _record(
            session,
            db,
            fund,
            EntryKind.REVERSAL,
            postings,
            utcnow().date(),
            purpose,
            None,
            actor,
            reverses=transaction_id,
        )


# ---- inside the transaction ---------------------------------------------------------


def _record(
    session: Session,
    db: Database,
    fund: Fund,
    kind: EntryKind,
    postings: Sequence[Posting],
    occurred_on: dt.date,
    purpose: str,
    donor: Donor | None,
    actor: str,
    *,
    reverses: int | None = None,
) -> int:
    purpose = _text(purpose, "the purpose", MAX_PURPOSE, required=kind == EntryKind.DISBURSEMENT)
    _check_postings(session, fund, postings)
    if not isinstance(occurred_on, dt.date):
        raise InputError("the date of the entry must be a date (YYYY-MM-DD)")
    donor_enc, public_donor = _donor_columns(db, kind, donor)
    row = LedgerTransactionRow(
        fund_id=fund.id,
        kind=kind.value,
        occurred_on=occurred_on.isoformat(),
        purpose=purpose,
        reverses=reverses,
        donor_enc=donor_enc,
        public_donor=public_donor,
        recorded_at=utcnow(),
        recorded_by=actor,
    )
    session.add(row)
    session.flush()
    lines = [
        {"transaction_id": row.id, "account": p.account.value, "amount": p.amount}
        | {"currency": p.currency}
        for p in postings
    ]
    session.execute(insert(LedgerPostingRow), lines)
    after: dict[str, Any] = {
        "fund_id": fund.id,
        "kind": kind.value,
        "occurred_on": row.occurred_on,
        "postings": [[p.account.value, p.amount, p.currency] for p in postings],
        "reverses": reverses,
        "donor": "present" if donor_enc else None,
    }
    _audit(session, actor, f"ledger.{kind.value}", "ledger_transaction", row.id, after, None)
    return row.id


def _check_postings(session: Session, fund: Fund, postings: Sequence[Posting]) -> None:
    """Balanced, in the fund's currency, and leaving no account on its wrong side."""
    _ledger_rule(check_balanced)(postings)
    for posting in postings:
        if posting.currency != fund.currency:
            raise InputError(
                f"this fund keeps its books in {fund.currency}; an amount in {posting.currency} "
                "must be converted first"
            )
    balances = ledger_db.account_balances(session, fund.id)
    after = account_balances(postings)
    for account in (Account.RECEIVED, Account.PLEDGED, Account.DISBURSED):
        if balances[account] + after[account] < 0:
            raise InputError(_overdrawn(account, balances[account], fund.currency))


def _overdrawn(account: Account, balance: int, currency: str) -> str:
    from picketline.domain.ledger import format_amount

    held = format_amount(balance, currency)
    if account == Account.RECEIVED:
        return f"the fund holds only {held} {currency}: it cannot pay out more than it holds"
    return f"the {account} account holds only {held} {currency}; this entry would take it below 0"


def _donor_columns(
    db: Database, kind: EntryKind, donor: Donor | None
) -> tuple[str | None, str | None]:
    if donor is None or not (donor.name.strip() or donor.email.strip()):
        return None, None
    if kind not in DONOR_KINDS:
        raise InputError("only donations and pledges have a donor")
    name = _text(donor.name, "the donor's name", MAX_NAME, required=False)
    email = _email(donor.email)
    clean = Donor(name, email, donor.consent)
    return ledger_db.seal_donor(clean, db.require_cipher()), clean.public_name()


def _email(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise InputError(f"the donor's email {text[:80]!r} is not valid: {error}") from None


def _fund(session: Session, fund_id: int) -> Fund:
    fund = ledger_db.get_fund(session, fund_id)
    if fund is None:
        raise NotFoundError(f"fund {fund_id} does not exist")
    return fund


def _kind(kind: EntryKind | str) -> EntryKind:
    try:
        return EntryKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in EntryKind if k != EntryKind.REVERSAL)
        raise InputError(f"unknown kind of entry {kind!r} (one of: {names})") from None


def _text(value: object, what: str, limit: int, *, required: bool) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} must be text")
    value = " ".join(value.split())
    if required and not value:
        raise InputError(f"{what} is required")
    if len(value) > limit:
        raise InputError(f"{what} is too long ({len(value)} characters; at most {limit})")
    return value


def _ledger_rule(function: Any) -> Any:
    """``function`` with ledger rule violations turned into user-facing InputErrors."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except LedgerError as error:
            raise InputError(str(error)) from None

    return checked


def _audit(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: int,
    after: dict[str, Any],
    reason: str | None,
) -> None:
    entry = AuditEntry(None, utcnow(), actor, action, entity, entity_id, None, after, reason)
    audit.append(session, [entry])
