"""Reading strike funds and their ledger, and checking that the books balance.

Donor identities stay sealed unless a caller passes the cipher (editors only,
behind ``can(actor, "donors", "ledger")``); the public sees ``public_donor``,
which is set only when the donor consented. ``verify_ledger`` re-checks every
stored transaction, so a row slipped in by raw SQL past the actions is found.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from picketline.access.crypto import FieldCipher
from picketline.db.models_funds import FundRow, LedgerPostingRow, LedgerTransactionRow
from picketline.domain.ledger import (
    Account,
    Donor,
    EntryKind,
    Fund,
    FundTotals,
    LedgerError,
    Posting,
    Transaction,
    fund_totals,
    reconcile,
)

DONOR_COLUMN = "ledger_transactions.donor_enc"


def row_to_fund(row: FundRow) -> Fund:
    return Fund(row.id, row.name, row.currency, row.struggle_id, row.campaign_id, row.created_at)


def get_fund(session: Session, fund_id: int) -> Fund | None:
    row = session.get(FundRow, fund_id)
    return row_to_fund(row) if row is not None else None


def list_funds(session: Session, struggle_id: int | None = None) -> list[Fund]:
    stmt = select(FundRow).order_by(FundRow.id)
    if struggle_id is not None:
        stmt = stmt.where(FundRow.struggle_id == struggle_id)
    return [row_to_fund(r) for r in session.scalars(stmt)]


def seal_donor(donor: Donor, cipher: FieldCipher) -> str:
    plain = json.dumps({"name": donor.name, "email": donor.email}, ensure_ascii=False)
    return cipher.encrypt(plain, column=DONOR_COLUMN)


def open_donor(sealed: str | None, public: str | None, cipher: FieldCipher | None) -> Donor | None:
    if sealed is None or cipher is None:
        return None
    data = json.loads(cipher.decrypt(sealed, column=DONOR_COLUMN))
    return Donor(data.get("name", ""), data.get("email", ""), consent=public is not None)


def fund_transactions(
    session: Session, fund_id: int, cipher: FieldCipher | None = None
) -> list[Transaction]:
    """Every transaction of a fund, oldest first; donors opened only with ``cipher``."""
    rows = list(
        session.scalars(
            select(LedgerTransactionRow)
            .where(LedgerTransactionRow.fund_id == fund_id)
            .order_by(LedgerTransactionRow.id)
        )
    )
    postings = postings_by_transaction(session, [r.id for r in rows])
    return [_to_transaction(r, postings.get(r.id, []), cipher) for r in rows]


def get_transaction(
    session: Session, transaction_id: int, cipher: FieldCipher | None = None
) -> Transaction | None:
    row = session.get(LedgerTransactionRow, transaction_id)
    if row is None:
        return None
    return _to_transaction(row, postings_by_transaction(session, [row.id]).get(row.id, []), cipher)


def postings_by_transaction(session: Session, ids: Sequence[int]) -> dict[int, list[Posting]]:
    out: dict[int, list[Posting]] = defaultdict(list)
    if not ids:
        return out
    stmt = (
        select(LedgerPostingRow)
        .where(LedgerPostingRow.transaction_id.in_(ids))
        .order_by(LedgerPostingRow.id)
    )
    for row in session.scalars(stmt):
        out[row.transaction_id].append(Posting(Account(row.account), row.amount, row.currency))
    return out


def _to_transaction(
    row: LedgerTransactionRow, postings: list[Posting], cipher: FieldCipher | None
) -> Transaction:
    return Transaction(
        kind=EntryKind(row.kind),
        postings=tuple(postings),
        occurred_on=dt.date.fromisoformat(row.occurred_on),
        purpose=row.purpose,
        donor=open_donor(row.donor_enc, row.public_donor, cipher),
        reverses=row.reverses,
        id=row.id,
        fund_id=row.fund_id,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        public_donor=row.public_donor,
    )


def reversed_ids(session: Session, fund_id: int) -> dict[int, int]:
    """Original transaction id → the id of the reversal that corrected it."""
    stmt = select(LedgerTransactionRow.reverses, LedgerTransactionRow.id).where(
        LedgerTransactionRow.fund_id == fund_id, LedgerTransactionRow.reverses.is_not(None)
    )
    return {int(original or 0): int(fix) for original, fix in session.execute(stmt)}


def account_balances(session: Session, fund_id: int) -> dict[Account, int]:
    """Each account's balance (sum of its postings), computed by the database."""
    stmt = (
        select(LedgerPostingRow.account, func.sum(LedgerPostingRow.amount))
        .join(LedgerTransactionRow, LedgerTransactionRow.id == LedgerPostingRow.transaction_id)
        .where(LedgerTransactionRow.fund_id == fund_id)
        .group_by(LedgerPostingRow.account)
    )
    balances = {account: 0 for account in Account}
    for account, total in session.execute(stmt):
        balances[Account(account)] = int(total or 0)
    return balances


def totals(session: Session, fund: Fund) -> FundTotals:
    return fund_totals(fund.currency, account_balances(session, fund.id))


# ---- verification ---------------------------------------------------------------


@dataclass(frozen=True)
class LedgerProblem:
    """The first thing wrong with the books: which transaction (or fund) and why."""

    transaction_id: int | None
    fund_id: int
    reason: str

    def __str__(self) -> str:
        where = (
            f"transaction {self.transaction_id} (fund {self.fund_id})"
            if self.transaction_id is not None
            else f"fund {self.fund_id}"
        )
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class LedgerReport:
    funds: int
    transactions: int
    problem: LedgerProblem | None


def verify_ledger(session: Session) -> LedgerReport:
    """Check every transaction and every fund's accounts; the first problem, if any."""
    funds = {row.id: row for row in session.scalars(select(FundRow))}
    rows = list(session.scalars(select(LedgerTransactionRow).order_by(LedgerTransactionRow.id)))
    postings = _raw_postings(session)
    by_id = {row.id: row for row in rows}
    balances: dict[int, dict[Account, int]] = {f: {a: 0 for a in Account} for f in funds}
    for row in rows:
        reason = _transaction_problem(row, postings.get(row.id, []), funds, by_id, postings)
        if reason:
            return LedgerReport(len(funds), len(rows), LedgerProblem(row.id, row.fund_id, reason))
        for posting in postings[row.id]:
            balances[row.fund_id][Account(posting.account)] += posting.amount
    for fund_id, fund_balances in balances.items():
        shown = account_balances(session, fund_id)  # what the public page totals
        reason = reconcile(fund_balances)
        if shown != fund_balances:
            reason = "the account totals do not match the sum of its transactions' postings"
        if reason:
            return LedgerReport(len(funds), len(rows), LedgerProblem(None, fund_id, reason))
    return LedgerReport(len(funds), len(rows), None)


def _raw_postings(session: Session) -> dict[int, list[LedgerPostingRow]]:
    out: dict[int, list[LedgerPostingRow]] = defaultdict(list)
    for row in session.scalars(select(LedgerPostingRow).order_by(LedgerPostingRow.id)):
        out[row.transaction_id].append(row)
    return out


def _transaction_problem(
    row: LedgerTransactionRow,
    postings: list[LedgerPostingRow],
    funds: dict[int, FundRow],
    by_id: dict[int, LedgerTransactionRow],
    all_postings: dict[int, list[LedgerPostingRow]],
) -> str | None:
    fund = funds.get(row.fund_id)
    if fund is None:
        return "it belongs to no fund"
    if any(p.currency != fund.currency for p in postings):
        return f"a posting is not in the fund's currency {fund.currency}"
    if any(p.account not in set(Account) for p in postings):
        return "a posting names an unknown account"
    try:
        Transaction(
            kind=EntryKind(row.kind),
            postings=tuple(Posting(Account(p.account), p.amount, p.currency) for p in postings),
            occurred_on=dt.date.fromisoformat(row.occurred_on),
            reverses=row.reverses,
        )
    except (LedgerError, ValueError) as error:
        return str(error)
    if row.reverses is not None:
        return _reversal_problem(row, postings, by_id, all_postings)
    return None


def _reversal_problem(
    row: LedgerTransactionRow,
    postings: list[LedgerPostingRow],
    by_id: dict[int, LedgerTransactionRow],
    all_postings: dict[int, list[LedgerPostingRow]],
) -> str | None:
    original = by_id.get(row.reverses or 0)
    if original is None or original.id >= row.id or original.fund_id != row.fund_id:
        return f"it reverses transaction {row.reverses}, which is not an earlier entry of its fund"
    undo = sorted((p.account, -p.amount) for p in all_postings.get(original.id, []))
    if sorted((p.account, p.amount) for p in postings) != undo:
        return f"it does not exactly undo transaction {original.id}"
    return None
