"""The strike-fund ledger: balanced, integer-only, append-only, and verifiable.

Storage tests run on SQLite and PostgreSQL (the ``db`` fixture): the triggers
that make the ledger append-only are written per dialect.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy import text

from picketline.actions.ledger import (
    do_create_fund,
    do_record_entry,
    do_record_postings,
    do_reverse_entry,
)
from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.db import ledger as ledger_db
from picketline.domain.ledger import (
    Account,
    Donor,
    EntryKind,
    LedgerError,
    Posting,
    check_currency,
    format_amount,
    parse_amount,
)
from picketline.errors import InputError, NotFoundError
from tests.db_fixtures import full_bundle

DAY = dt.date(2024, 5, 1)
DONOR_NAME = "Olena Donorenko-5521"
DONOR_EMAIL = "olena.donor.5521@example.org"


def _fund(db: Database, currency: str = "EUR") -> int:
    struggle_id = do_create_struggle(db, full_bundle(), actor="test")
    return do_create_fund(
        db, name="Vorkuta strike fund", currency=currency, struggle_id=struggle_id, actor="editor"
    )


def _donate(db: Database, fund_id: int, amount: int, **extra: object) -> int:
    return do_record_entry(
        db,
        fund_id,
        kind=EntryKind.DONATION,
        amount=amount,
        occurred_on=DAY,
        actor="editor",
        **extra,  # type: ignore[arg-type]
    )


def _totals(db: Database, fund_id: int) -> ledger_db.FundTotals:
    with db.session() as session:
        fund = ledger_db.get_fund(session, fund_id)
        assert fund is not None
        return ledger_db.totals(session, fund)


# ---- pure rules -------------------------------------------------------------------


def test_amount_text_becomes_exact_minor_units() -> None:
    assert parse_amount("12.50", "EUR") == 1250
    assert parse_amount("0.10", "EUR") + parse_amount("0.20", "EUR") == 30
    assert parse_amount("1500", "JPY") == 1500  # no minor unit
    assert parse_amount("1.005", "KWD") == 1005  # three decimals
    assert format_amount(123456, "EUR") == "1\u202f234.56"


@pytest.mark.parametrize("bad", ["12.505", "-5", "0", "abc", "NaN", "Infinity", "", "1e30"])
def test_bad_amount_text_is_refused(bad: str) -> None:
    # input: each malformed amount; the user sees a LedgerError naming it
    with pytest.raises(LedgerError):
        parse_amount(bad, "EUR")


def test_float_input_is_refused_everywhere() -> None:
    # input: 12.5 as a Python float; refused with "money is never a float"
    with pytest.raises(LedgerError, match="float"):
        parse_amount(12.5, "EUR")
    with pytest.raises(LedgerError, match="float"):
        Posting(Account.RECEIVED, 12.5, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["XYZ", "DEM", "XXX", "EU", "euro", 978])
def test_currencies_that_do_not_exist_are_refused(code: object) -> None:
    with pytest.raises(LedgerError):
        check_currency(code)


def test_real_currencies_are_accepted() -> None:
    assert [check_currency(c) for c in ("eur", "UAH", "RUB", "JPY")] == ["EUR", "UAH", "RUB", "JPY"]


# ---- actions on storage -----------------------------------------------------------


def test_balanced_entries_give_the_totals(db: Database) -> None:
    fund_id = _fund(db)
    _donate(db, fund_id, 10_000)
    pledge = do_record_entry(
        db, fund_id, kind="pledge", amount=5_000, occurred_on=DAY, actor="editor"
    )
    do_record_entry(db, fund_id, kind="pledge_received", amount=3_000, occurred_on=DAY, actor="e")
    do_record_entry(
        db,
        fund_id,
        kind="disbursement",
        amount=2_500,
        occurred_on=DAY,
        actor="e",
        purpose="Food for the picket line",
    )
    totals = _totals(db, fund_id)
    assert (totals.received, totals.disbursed, totals.balance) == (13_000, 2_500, 10_500)
    assert totals.pledged_outstanding == 2_000 and totals.donations == 15_000
    with db.session() as session:
        entries = ledger_db.fund_transactions(session, fund_id)
        assert all(sum(p.amount for p in t.postings) == 0 for t in entries)
        assert [t.id for t in entries][1] == pledge
        assert ledger_db.verify_ledger(session).problem is None


def test_out_of_balance_entry_is_refused_and_nothing_is_written(db: Database) -> None:
    fund_id = _fund(db)
    postings = [Posting(Account.RECEIVED, 1000, "EUR"), Posting(Account.DONATIONS, -999, "EUR")]
    # input: a debit of 10.00 against a credit of 9.99; the user sees "do not balance"
    with pytest.raises(InputError, match="do not balance"):
        do_record_postings(
            db, fund_id, kind="donation", postings=postings, occurred_on=DAY, actor="e"
        )
    with pytest.raises(InputError, match="at least two postings"):
        do_record_postings(
            db, fund_id, kind="donation", postings=postings[:1], occurred_on=DAY, actor="e"
        )
    with db.session() as session:
        assert ledger_db.fund_transactions(session, fund_id) == []


def test_float_amount_is_refused_by_the_action(db: Database) -> None:
    fund_id = _fund(db)
    with pytest.raises(InputError, match="float"):
        _donate(db, fund_id, 12.5)  # type: ignore[arg-type]


def test_negative_and_zero_amounts_are_refused(db: Database) -> None:
    fund_id = _fund(db)
    for amount in (-500, 0):
        with pytest.raises(InputError, match="more than zero"):
            _donate(db, fund_id, amount)


def test_paying_out_more_than_the_fund_holds_is_refused(db: Database) -> None:
    fund_id = _fund(db)
    _donate(db, fund_id, 1_000)
    # input: a disbursement of 10.01 EUR from a fund holding 10.00; refused, books unchanged
    with pytest.raises(InputError, match="cannot pay out more than it holds"):
        do_record_entry(
            db,
            fund_id,
            kind="disbursement",
            amount=1_001,
            occurred_on=DAY,
            actor="e",
            purpose="rent",
        )
    assert _totals(db, fund_id).balance == 1_000


def test_unknown_currency_fund_and_foreign_posting_are_refused(db: Database) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="test")
    with pytest.raises(InputError, match="XYZ is not a currency"):
        do_create_fund(db, name="f", currency="XYZ", struggle_id=struggle_id, actor="e")
    fund_id = _fund(db)
    usd = [Posting(Account.RECEIVED, 100, "USD"), Posting(Account.DONATIONS, -100, "USD")]
    with pytest.raises(InputError, match="in EUR"):
        do_record_postings(db, fund_id, kind="donation", postings=usd, occurred_on=DAY, actor="e")
    with pytest.raises(NotFoundError):
        _donate(db, 999_999, 100)


def test_disbursement_needs_a_purpose(db: Database) -> None:
    fund_id = _fund(db)
    _donate(db, fund_id, 1_000)
    with pytest.raises(InputError, match="purpose is required"):
        do_record_entry(db, fund_id, kind="disbursement", amount=10, occurred_on=DAY, actor="e")


def test_a_correction_is_a_reversing_entry(db: Database) -> None:
    fund_id = _fund(db)
    wrong = _donate(db, fund_id, 100_000)  # meant 1,000.00, typed 1,000.00 * 100
    fix = do_reverse_entry(db, wrong, reason="typed the amount wrong", actor="editor")
    right = _donate(db, fund_id, 1_000)
    assert _totals(db, fund_id).balance == 1_000
    with db.session() as session:
        entries = {t.id: t for t in ledger_db.fund_transactions(session, fund_id)}
        assert entries[fix].reverses == wrong and entries[fix].kind == EntryKind.REVERSAL
        assert [p.amount for p in entries[fix].postings] == [-100_000, 100_000]
        assert entries[wrong].postings[0].amount == 100_000  # the original is untouched
        assert right in entries and ledger_db.verify_ledger(session).problem is None
    with pytest.raises(InputError, match="already been reversed"):
        do_reverse_entry(db, wrong, reason="again", actor="editor")
    with pytest.raises(InputError, match="itself a correction"):
        do_reverse_entry(db, fix, reason="undo the undo", actor="editor")


@pytest.mark.parametrize("table", ["ledger_transactions", "ledger_postings"])
def test_the_database_refuses_update_and_delete(db: Database, table: str) -> None:
    fund_id = _fund(db)
    _donate(db, fund_id, 1_000)
    for sql in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(sql))
    assert _totals(db, fund_id).balance == 1_000


def test_verify_finds_a_row_inserted_by_raw_sql(db: Database) -> None:
    fund_id = _fund(db)
    _donate(db, fund_id, 1_000)
    with db.engine.begin() as conn:  # bypasses the action: one posting, out of balance
        tampered = conn.execute(
            text(
                "INSERT INTO ledger_transactions (fund_id, kind, occurred_on, purpose, "
                "recorded_at, recorded_by) VALUES (:f, 'donation', '2024-05-02', '', "
                ":at, 'intruder') RETURNING id"
            ),
            {"f": fund_id, "at": dt.datetime(2024, 5, 2)},
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO ledger_postings (transaction_id, account, amount, currency) "
                "VALUES (:t, 'received', 50000, 'EUR'), (:t, 'donations', -40000, 'EUR')"
            ),
            {"t": tampered},
        )
    with db.session() as session:
        report = ledger_db.verify_ledger(session)
    assert report.problem is not None
    assert report.problem.transaction_id == tampered
    assert "do not balance" in report.problem.reason


def test_donor_identity_is_encrypted_and_public_only_with_consent(db: Database) -> None:
    fund_id = _fund(db)
    hidden = _donate(db, fund_id, 500, donor=Donor(DONOR_NAME, DONOR_EMAIL, consent=False))
    shown = _donate(db, fund_id, 700, donor=Donor("Miners of Donbas", "", consent=True))
    with db.engine.connect() as conn:
        raw = " ".join(str(r) for r in conn.execute(text("SELECT * FROM ledger_transactions")))
        audit = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_log")))
    assert DONOR_NAME not in raw and DONOR_EMAIL not in raw
    assert DONOR_NAME not in audit and DONOR_EMAIL not in audit
    with db.session() as session:
        public = {t.id: t for t in ledger_db.fund_transactions(session, fund_id)}
        editor = {t.id: t for t in ledger_db.fund_transactions(session, fund_id, db.cipher)}
    assert public[hidden].public_donor is None and public[hidden].donor is None
    assert public[shown].public_donor == "Miners of Donbas"
    donor = editor[hidden].donor
    assert donor is not None and donor.email == DONOR_EMAIL


def test_bad_donor_email_and_huge_name_are_refused(db: Database) -> None:
    fund_id = _fund(db)
    with pytest.raises(InputError, match="email"):
        _donate(db, fund_id, 5, donor=Donor("A", "not-an-email"))
    with pytest.raises(InputError, match="too long"):
        _donate(db, fund_id, 5, donor=Donor("x" * 10_000, ""))


def test_a_campaign_fund_belongs_to_the_campaign_s_struggle(db: Database) -> None:
    from picketline.actions.campaigns import do_create_campaign
    from picketline.domain.campaign import CampaignInput, CampaignText

    struggle_id = do_create_struggle(db, full_bundle(), actor="test")
    text = CampaignText("en", "Support the miners", "Pay the wages now.")
    campaign_id = do_create_campaign(
        db,
        CampaignInput(struggle_id, "vorkuta-wages", "Vorkutaugol", None, DAY, None, (text,)),
        actor="editor",
    )
    fund_id = do_create_fund(db, name="f", currency="EUR", campaign_id=campaign_id, actor="e")
    with db.session() as session:
        fund = ledger_db.get_fund(session, fund_id)
    assert fund is not None and (fund.campaign_id, fund.struggle_id) == (campaign_id, struggle_id)
    with pytest.raises(NotFoundError, match="campaign 4242"):
        do_create_fund(db, name="f", currency="EUR", campaign_id=4242, actor="e")
    with pytest.raises(InputError, match="is on struggle"):
        do_create_fund(
            db, name="f", currency="EUR", campaign_id=campaign_id, struggle_id=999, actor="e"
        )


def test_concurrent_disbursements_never_overdraw(db: Database) -> None:
    fund_id = _fund(db)
    _donate(db, fund_id, 1_000)

    def pay(_: int) -> bool:
        try:
            do_record_entry(
                db,
                fund_id,
                kind="disbursement",
                amount=300,
                occurred_on=DAY,
                actor="e",
                purpose="strike pay",
            )
            return True
        except InputError:
            return False

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        paid = list(pool.map(pay, range(8)))
    assert paid.count(True) == 3  # 3 x 3.00 fit in 10.00; the 4th would overdraw
    totals = _totals(db, fund_id)
    assert (totals.disbursed, totals.balance) == (900, 100)
    with db.session() as session:
        assert ledger_db.verify_ledger(session).problem is None
