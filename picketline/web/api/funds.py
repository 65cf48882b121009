"""``/api/v1/funds/{id}``: a strike fund's books, as the public may see them.

The public models have no field for a donor's email and carry a donor's name
only when the donor consented (``public_donor``); everyone else is anonymous.
A fund of a struggle that is not published answers 404, like the struggle.
Amounts are integers of the currency's minor units (``exponent`` says how many
decimals), with the exact decimal text beside them: never a float.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import Field
from sqlalchemy.orm import Session

from picketline.db import Database
from picketline.db import ledger as ledger_db
from picketline.db.models import StruggleRow
from picketline.domain.ledger import (
    DONOR_KINDS,
    EntryKind,
    Fund,
    Transaction,
    currency_exponent,
    format_amount,
)
from picketline.domain.vocab import StruggleStatus
from picketline.web.api.schemas import ErrorOut, PublicModel
from picketline.web.deps import DbDep

router = APIRouter(prefix="/api/v1/funds", tags=["funds"])


class MoneyOut(PublicModel):
    """An exact amount: integer minor units and the same as decimal text."""

    minor: int = Field(description="Amount in the currency's minor units (cents, kopecks).")
    text: str = Field(description="The same amount as exact decimal text, e.g. 12.50.")


class TotalsOut(PublicModel):
    received: MoneyOut = Field(description="All money received (net of corrections).")
    disbursed: MoneyOut = Field(description="All money paid out.")
    balance: MoneyOut = Field(description="Money in hand: received minus disbursed.")
    pledged_outstanding: MoneyOut = Field(description="Promised, not yet received.")


class EntryOut(PublicModel):
    """One ledger entry as the public sees it (no donor identity without consent)."""

    id: int
    date: dt.date = Field(description="When the money moved.")
    kind: EntryKind
    amount: MoneyOut = Field(description="How much moved (always positive).")
    purpose: str = Field(description="What a disbursement paid for, or why a correction.")
    donor: str | None = Field(
        None, description="The donor's name if they consented to be named; else anonymous."
    )
    reverses: int | None = Field(None, description="For a correction: the entry it undoes.")
    reversed_by: int | None = Field(None, description="The correction that undid this entry.")


class FundSummaryOut(PublicModel):
    """A fund in a list: who it is for and its totals."""

    id: int
    name: str
    currency: str = Field(description="ISO 4217 code.")
    struggle_id: int | None
    campaign_id: int | None
    totals: TotalsOut


class FundOut(PublicModel):
    id: int
    name: str
    currency: str = Field(description="ISO 4217 code.")
    exponent: int = Field(description="Decimals of the currency's minor unit (EUR 2, JPY 0).")
    struggle_id: int | None
    campaign_id: int | None
    totals: TotalsOut
    disbursements: list[EntryOut] = Field(description="Every disbursement, oldest first.")
    donations: list[EntryOut] = Field(description="Donations and pledges, oldest first.")
    corrections: list[EntryOut] = Field(description="Reversing entries, oldest first.")


def money(minor: int, currency: str) -> MoneyOut:
    return MoneyOut(minor=minor, text=format_amount(minor, currency).replace("\u202f", ""))


def entry_out(entry: Transaction, currency: str, reversed_by: dict[int, int]) -> EntryOut:
    assert entry.id is not None
    moved = max(abs(p.amount) for p in entry.postings)
    return EntryOut(
        id=entry.id,
        date=entry.occurred_on,
        kind=entry.kind,
        amount=money(moved, currency),
        purpose=entry.purpose,
        donor=entry.public_donor if entry.kind in DONOR_KINDS else None,
        reverses=entry.reverses,
        reversed_by=reversed_by.get(entry.id),
    )


def totals_out(session: Session, fund: Fund) -> TotalsOut:
    totals = ledger_db.totals(session, fund)
    cur = fund.currency
    return TotalsOut(
        received=money(totals.received, cur),
        disbursed=money(totals.disbursed, cur),
        balance=money(totals.balance, cur),
        pledged_outstanding=money(totals.pledged_outstanding, cur),
    )


def fund_out(session: Session, fund: Fund) -> FundOut:
    """The public view of ``fund``: totals and its entries, donors only with consent."""
    entries = ledger_db.fund_transactions(session, fund.id)  # no cipher: donors stay sealed
    reversed_by = ledger_db.reversed_ids(session, fund.id)
    by_kind: dict[str, list[EntryOut]] = {"disbursements": [], "donations": [], "corrections": []}
    for entry in entries:
        group = (
            "corrections"
            if entry.kind == EntryKind.REVERSAL
            else "disbursements"
            if entry.kind == EntryKind.DISBURSEMENT
            else "donations"
        )
        by_kind[group].append(entry_out(entry, fund.currency, reversed_by))
    cur = fund.currency
    return FundOut(
        id=fund.id,
        name=fund.name,
        currency=cur,
        exponent=currency_exponent(cur),
        struggle_id=fund.struggle_id,
        campaign_id=fund.campaign_id,
        totals=totals_out(session, fund),
        **by_kind,
    )


def public_fund(session: Session, fund_id: int) -> Fund | None:
    """The fund if the public may see it: its struggle (if any) is published."""
    fund = ledger_db.get_fund(session, fund_id)
    if fund is None:
        return None
    if fund.struggle_id is not None:
        status = session.get(StruggleRow, fund.struggle_id)
        if status is None or status.status != StruggleStatus.PUBLISHED.value:
            return None
    return fund


def load_public_fund(db: Database, fund_id: int) -> FundOut:
    with db.session() as session:
        fund = public_fund(session, fund_id)
        if fund is None:
            raise HTTPException(status_code=404, detail="fund not found")
        return fund_out(session, fund)


@router.get(
    "/{fund_id}",
    response_model=FundOut,
    summary="A strike fund's public books",
    description="Totals received and disbursed, the balance, every disbursement with its "
    "purpose, donations (donors named only with their consent) and corrections. "
    "Amounts are integer minor units with exact decimal text.",
    responses={404: {"model": ErrorOut, "description": "No public fund has this id."}},
)
def get_fund(db: DbDep, fund_id: int) -> FundOut:
    return load_public_fund(db, fund_id)


@router.get(
    "",
    response_model=list[FundSummaryOut],
    summary="The strike funds of a struggle",
    description="Every fund for the published struggle (and its campaigns), with its totals. "
    "An unpublished or unknown struggle has none.",
)
def list_funds(
    db: DbDep, struggle_id: Annotated[int, Query(description="The struggle's id.")]
) -> list[FundSummaryOut]:
    return struggle_funds(db, struggle_id)


def struggle_funds(db: Database, struggle_id: int) -> list[FundSummaryOut]:
    """The public funds of a struggle and of its campaigns (a campaign's fund carries
    its struggle's id), with totals; none when the struggle is not published.

    Shared by this endpoint, the struggle page and the mirror's copy of that page.
    """
    with db.session() as session:
        funds = [
            f
            for f in ledger_db.list_funds(session, struggle_id)
            if public_fund(session, f.id) is not None
        ]
        return [
            FundSummaryOut(
                id=f.id,
                name=f.name,
                currency=f.currency,
                struggle_id=f.struggle_id,
                campaign_id=f.campaign_id,
                totals=totals_out(session, f),
            )
            for f in funds
        ]
