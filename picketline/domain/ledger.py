"""The strike-fund ledger as pure values: currencies, money, postings, transactions.

Money is an ``int`` of minor units (cents, kopecks) with an ISO 4217 code; a
``float`` is refused wherever an amount enters, because 0.1 + 0.2 is not 0.3
and a strike fund's books must add up to the last kopeck. Text such as
``"12.50"`` is parsed with ``Decimal`` and must fit the currency's exponent.

Double entry: every transaction has two or more postings whose amounts sum to
zero per currency; a positive amount is a debit, a negative one a credit. Each
fund has four accounts:

- ``pledged``   (asset, debit-normal): donations promised, not yet received
- ``received``  (asset, debit-normal): money in hand
- ``disbursed`` (expense, debit-normal): money paid out to the strikers
- ``donations`` (income, credit-normal): every donation, pledged or received

A correction is never an edit: it is a new transaction reversing the original
(every posting negated) and naming it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache


class LedgerError(ValueError):
    """A ledger rule was broken; the message says which, in words for the user."""


class Account(StrEnum):
    PLEDGED = "pledged"
    RECEIVED = "received"
    DISBURSED = "disbursed"
    DONATIONS = "donations"


class EntryKind(StrEnum):
    """What a transaction records; each kind has one fixed shape of postings."""

    PLEDGE = "pledge"  # a donor promises: pledged +a / donations -a
    PLEDGE_RECEIVED = "pledge_received"  # the promise is paid: received +a / pledged -a
    DONATION = "donation"  # money given outright: received +a / donations -a
    DISBURSEMENT = "disbursement"  # money paid out: disbursed +a / received -a
    REVERSAL = "reversal"  # a correction: the original's postings negated


_SHAPES: dict[EntryKind, tuple[Account, Account]] = {
    EntryKind.PLEDGE: (Account.PLEDGED, Account.DONATIONS),
    EntryKind.PLEDGE_RECEIVED: (Account.RECEIVED, Account.PLEDGED),
    EntryKind.DONATION: (Account.RECEIVED, Account.DONATIONS),
    EntryKind.DISBURSEMENT: (Account.DISBURSED, Account.RECEIVED),
}

DONOR_KINDS = frozenset({EntryKind.PLEDGE, EntryKind.PLEDGE_RECEIVED, EntryKind.DONATION})


# ---- currencies -------------------------------------------------------------------


@lru_cache(maxsize=1)
def currencies_in_use() -> frozenset[str]:
    """ISO 4217 codes that are legal tender somewhere today (CLDR data shipped by babel).

    Withdrawn currencies (DEM), test and placeholder codes (XTS, XXX) and metals
    are not in this set: a strike fund cannot hold them.
    """
    from babel.core import get_global

    codes: set[str] = set()
    for entries in get_global("territory_currencies").values():
        for code, _start, end, tender in entries:
            if end is None and tender:
                codes.add(code)
    return frozenset(codes)


def check_currency(code: object) -> str:
    """The upper-case code if it is a currency in use; LedgerError otherwise."""
    if not isinstance(code, str) or len(code.strip()) != 3:
        raise LedgerError(f"{code!r} is not a currency code (three letters, such as EUR)")
    upper = code.strip().upper()
    if upper not in currencies_in_use():
        raise LedgerError(f"{upper} is not a currency in use (ISO 4217), e.g. EUR, USD, UAH")
    return upper


def currency_exponent(code: str) -> int:
    """How many decimal places the currency's minor unit has (JPY 0, EUR 2, KWD 3)."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(check_currency(code)))


# ---- amounts ----------------------------------------------------------------------


MAX_MINOR = 10**15
"""The largest amount of one posting, in minor units: far above any strike fund, and
far below the 64-bit column, so that sums of many postings cannot overflow either."""


def check_minor(amount: object, *, what: str = "an amount") -> int:
    """An exact integer amount; floats, booleans, text and absurd sizes are refused."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        kind = type(amount).__name__
        raise LedgerError(
            f"{what} must be an integer number of minor units, not a {kind} ({amount!r}); "
            "money is never a float"
        )
    if abs(amount) > MAX_MINOR:
        raise LedgerError(f"{what} is too large (at most {MAX_MINOR} minor units)")
    return amount


def parse_amount(text: object, currency: str) -> int:
    """``"12.50"`` EUR → 1250: exact decimal text to minor units.

    Refuses floats (pass text), more decimals than the currency has, negative,
    zero, non-finite and malformed amounts.
    """
    if isinstance(text, float):
        raise LedgerError(f"the amount {text!r} is a float; give it as text such as '12.50'")
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise LedgerError(f"the amount {text!r} is not a number")
    exponent = currency_exponent(currency)
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise LedgerError(f"the amount {text!r} is not a number (write it like 12.50)") from None
    if not value.is_finite():
        raise LedgerError(f"the amount {text!r} is not a finite number")
    if value <= 0:
        raise LedgerError(f"the amount {text!r} must be more than zero")
    if value.adjusted() + exponent > len(str(MAX_MINOR)):
        raise LedgerError(f"the amount {text[:40]!r} is too large")
    minor = value.scaleb(exponent)
    if minor != minor.to_integral_value():
        raise LedgerError(
            f"the amount {text!r} has more decimals than {currency.upper()} has ({exponent})"
        )
    return check_minor(int(minor), what=f"the amount {text[:40]!r}")


def format_amount(minor: int, currency: str) -> str:
    """1250, EUR → ``12.50``; exact, from integers only."""
    exponent = currency_exponent(currency)
    check_minor(minor)
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 10**exponent)
    grouped = f"{whole:,}".replace(",", "\u202f")
    return f"{sign}{grouped}.{part:0{exponent}d}" if exponent else f"{sign}{grouped}"


# ---- postings and transactions ----------------------------------------------------


@dataclass(frozen=True)
class Posting:
    """One line of a transaction: ``amount`` minor units on ``account`` (debit > 0)."""

    account: Account
    amount: int
    currency: str

    def __post_init__(self) -> None:
        check_minor(self.amount, what=f"the amount on {self.account}")
        if self.amount == 0:
            raise LedgerError(f"a posting of zero on {self.account} records nothing")
        object.__setattr__(self, "account", Account(self.account))
        object.__setattr__(self, "currency", check_currency(self.currency))


@dataclass(frozen=True)
class Fund:
    """A strike fund: for a struggle (or a campaign on one), in one currency."""

    id: int
    name: str
    currency: str
    struggle_id: int | None
    campaign_id: int | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Donor:
    """Who gave: sensitive (stored encrypted), shown publicly only with ``consent``."""

    name: str = ""
    email: str = ""
    consent: bool = False

    def public_name(self) -> str | None:
        """The name the public may see, or None (shown as anonymous)."""
        return (self.name.strip() or None) if self.consent else None


@dataclass(frozen=True)
class Transaction:
    """A balanced set of postings recorded at once; immutable once stored."""

    kind: EntryKind
    postings: tuple[Posting, ...]
    occurred_on: dt.date
    purpose: str = ""
    donor: Donor | None = None
    reverses: int | None = None
    id: int | None = None
    fund_id: int | None = None
    recorded_at: dt.datetime | None = None
    recorded_by: str = ""
    public_donor: str | None = field(default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", EntryKind(self.kind))
        check_balanced(self.postings)
        if (self.kind == EntryKind.REVERSAL) != (self.reverses is not None):
            raise LedgerError("a reversal, and only a reversal, names the entry it corrects")


def check_balanced(postings: Sequence[Posting]) -> None:
    """At least two postings, summing to zero in every currency; LedgerError if not."""
    if len(postings) < 2:
        raise LedgerError("a transaction needs at least two postings (a debit and a credit)")
    for currency, total in sums_by_currency(postings).items():
        if total != 0:
            raise LedgerError(
                f"the postings do not balance: they sum to {total} minor units of {currency}, "
                "not zero"
            )


def sums_by_currency(postings: Iterable[Posting]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for posting in postings:
        totals[posting.currency] += check_minor(posting.amount)
    return dict(totals)


def entry_postings(kind: EntryKind, amount: int, currency: str) -> tuple[Posting, ...]:
    """The two postings of a simple entry of ``kind`` for a positive ``amount``."""
    check_minor(amount)
    if amount <= 0:
        raise LedgerError(f"the amount must be more than zero (got {amount} minor units)")
    if kind not in _SHAPES:
        raise LedgerError(f"{kind} entries are not built from an amount")
    debit, credit = _SHAPES[EntryKind(kind)]
    return (Posting(debit, amount, currency), Posting(credit, -amount, currency))


def reversal_postings(original: Sequence[Posting]) -> tuple[Posting, ...]:
    """The postings that undo ``original`` exactly."""
    return tuple(Posting(p.account, -p.amount, p.currency) for p in original)


# ---- balances ---------------------------------------------------------------------


@dataclass(frozen=True)
class FundTotals:
    """What the transparency page shows, all in minor units of one currency."""

    currency: str
    received: int  # all money that came in (net of corrections)
    disbursed: int  # all money paid out
    balance: int  # money in hand: received - disbursed
    pledged_outstanding: int  # promised, not yet received
    donations: int  # every donation, pledged or received


def account_balances(postings: Iterable[Posting]) -> dict[Account, int]:
    balances = {account: 0 for account in Account}
    for posting in postings:
        balances[posting.account] += posting.amount
    return balances


def fund_totals(currency: str, balances: Mapping[Account, int]) -> FundTotals:
    cash = balances.get(Account.RECEIVED, 0)
    disbursed = balances.get(Account.DISBURSED, 0)
    return FundTotals(
        currency=currency,
        received=cash + disbursed,
        disbursed=disbursed,
        balance=cash,
        pledged_outstanding=balances.get(Account.PLEDGED, 0),
        donations=-balances.get(Account.DONATIONS, 0),
    )


def reconcile(balances: Mapping[Account, int]) -> str | None:
    """Why these account balances cannot be true books, or None when they reconcile.

    The accounts must sum to zero and none may sit on its wrong side: cash
    below zero means more was paid out than came in.
    """
    if sum(balances.values()) != 0:
        return f"the accounts sum to {sum(balances.values())}, not zero"
    for account in (Account.PLEDGED, Account.RECEIVED, Account.DISBURSED):
        if balances.get(account, 0) < 0:
            return f"the {account} account is below zero ({balances[account]})"
    if balances.get(Account.DONATIONS, 0) > 0:
        return f"the donations account is on the debit side ({balances[Account.DONATIONS]})"
    return None
