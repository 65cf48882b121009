# ruff: noqa: F811  (the ``run`` fixture is imported, then taken as a parameter)
"""``picketline fund`` and ``picketline ledger``: create, record, reverse, verify."""

from __future__ import annotations

import datetime as dt
import subprocess

from sqlalchemy import text

from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.settings import Settings
from tests.db_fixtures import full_bundle
from tests.test_ingest_cli import cli_env
from tests.test_setup_cli import Runner, assert_one_line_error, run  # noqa: F401


def cli(run: Runner, settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = cli_env(settings)
    extra = {
        k: v
        for k, v in env.items()
        if k in ("PICKETLINE_ENCRYPTION_KEY", "PICKETLINE_DATABASE_URL")
    }
    return run(settings.data_dir, *args, **extra)


def test_fund_record_reverse_and_verify(run: Runner, db: Database, db_settings: Settings) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="test")
    made = cli(
        run,
        db_settings,
        "fund",
        "create",
        "--struggle",
        str(struggle_id),
        "--currency",
        "uah",
        "--name",
        "Kryvbas miners",
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "fund 1 created"
    given = cli(
        run,
        db_settings,
        "ledger",
        "record",
        "1",
        "donation",
        "1 500.25",
        "--donor-name",
        "Hidden Person",
        "--date",
        "2024-05-01",
    )
    assert given.returncode == 0, given.stderr
    paid = cli(
        run, db_settings, "ledger", "record", "1", "disbursement", "500", "--purpose", "Food"
    )
    assert paid.returncode == 0, paid.stderr
    wrong = cli(run, db_settings, "ledger", "record", "1", "donation", "99")
    entry = wrong.stdout.split()[1]
    fixed = cli(run, db_settings, "ledger", "reverse", entry, "--reason", "entered twice")
    assert fixed.returncode == 0 and f"entry {entry} reversed" in fixed.stdout
    shown = cli(run, db_settings, "fund", "show", "1")
    assert "received: 1\u202f500.25 UAH" in shown.stdout
    assert "balance: 1\u202f000.25 UAH" in shown.stdout
    verified = cli(run, db_settings, "ledger", "verify")
    assert verified.returncode == 0, verified.stderr
    assert "4 transactions in 1 funds balance" in verified.stdout


def test_bad_input_is_one_line(run: Runner, db: Database, db_settings: Settings) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="test")
    # input: a currency that does not exist; the user sees it named, exit 1
    assert_one_line_error(
        cli(
            run,
            db_settings,
            "fund",
            "create",
            "--struggle",
            str(struggle_id),
            "--currency",
            "XYZ",
            "--name",
            "f",
        ),
        "XYZ",
    )
    cli(
        run,
        db_settings,
        "fund",
        "create",
        "--struggle",
        str(struggle_id),
        "--currency",
        "EUR",
        "--name",
        "f",
    )
    # input: a negative amount, too many decimals, an unknown kind
    assert_one_line_error(
        cli(run, db_settings, "ledger", "record", "1", "donation", "--", "-5"), "more than zero"
    )
    assert_one_line_error(
        cli(run, db_settings, "ledger", "record", "1", "donation", "1.234"), "decimals"
    )
    assert_one_line_error(
        cli(run, db_settings, "ledger", "record", "1", "gift", "5"), "unknown kind"
    )
    assert_one_line_error(
        cli(run, db_settings, "ledger", "record", "1", "disbursement", "5", "--purpose", "x"),
        "holds",
    )


def test_verify_exits_1_naming_the_tampered_transaction(
    run: Runner,
    db: Database,
    db_settings: Settings,
) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="test")
    cli(
        run,
        db_settings,
        "fund",
        "create",
        "--struggle",
        str(struggle_id),
        "--currency",
        "EUR",
        "--name",
        "f",
    )
    cli(run, db_settings, "ledger", "record", "1", "donation", "10")
    with db.engine.begin() as conn:  # raw SQL past the action: a disbursement with no credit
        conn.execute(
            text(
                "INSERT INTO ledger_transactions (id, fund_id, kind, occurred_on, purpose, "
                "recorded_at, recorded_by) "
                "VALUES (77, 1, 'disbursement', '2024-01-01', 'x', :at, 'intruder')"
            ),
            {"at": dt.datetime(2024, 1, 1)},
        )
        conn.execute(
            text(
                "INSERT INTO ledger_postings (transaction_id, account, amount, currency) VALUES "
                "(77, 'disbursed', 500, 'EUR'), (77, 'received', -400, 'EUR')"
            )
        )
    assert_one_line_error(
        cli(run, db_settings, "ledger", "verify"), "transaction 77", "do not balance"
    )
