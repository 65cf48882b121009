"""``picketline fund``, ``ledger``, ``alerts`` and ``webhooks``: the solidarity commands.

Thin wrappers over ``picketline.actions.ledger``, ``.alerts`` and ``.webhooks``.
The command line acts with editor rights under the name ``cli:<user>`` (it is
run by whoever administers the server). Amounts are typed as text (``12.50``)
and parsed exactly into the fund's minor units.
"""

from __future__ import annotations

import datetime as dt
import getpass
from typing import TYPE_CHECKING

import typer

from picketline.errors import InputError

if TYPE_CHECKING:
    from picketline.db import Database

fund_app = typer.Typer(
    help="Strike funds. Example: picketline fund create --struggle 12 --currency EUR "
    "--name 'Vorkuta strike fund'",
    no_args_is_help=True,
)
ledger_app = typer.Typer(
    help="The strike-fund ledger. Example: picketline ledger verify", no_args_is_help=True
)
alerts_app = typer.Typer(
    help="Email alert digests. Example: picketline alerts send", no_args_is_help=True
)
webhooks_app = typer.Typer(
    help="Webhooks for organisations. Example: picketline webhooks deliver", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add the ``fund``, ``ledger``, ``alerts`` and ``webhooks`` groups to the app."""
    app.add_typer(fund_app, name="fund")
    app.add_typer(ledger_app, name="ledger")
    app.add_typer(alerts_app, name="alerts")
    app.add_typer(webhooks_app, name="webhooks")


def cli_actor() -> str:
    """Who the audit log names for a command-line write."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def open_db() -> Database:
    from picketline.db import Database
    from picketline.settings import get_settings

    return Database.open(get_settings())


def _date(text: str | None) -> dt.date:
    if not text:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--date {text!r} is not a date (YYYY-MM-DD)") from None


# ---- fund ---------------------------------------------------------------------------


@fund_app.command("create")
def fund_create(
    name: str = typer.Option(..., "--name", help="The fund's public name."),
    currency: str = typer.Option(..., "--currency", help="ISO 4217 code, e.g. EUR, UAH."),
    struggle: int | None = typer.Option(None, "--struggle", help="Id of the struggle."),
    campaign: int | None = typer.Option(None, "--campaign", help="Id of the campaign."),
) -> None:
    """Open a strike fund for a struggle or a campaign and print its id.

    Example: picketline fund create --struggle 12 --currency EUR --name "Vorkuta strike fund"
    """
    from picketline.actions.ledger import do_create_fund

    with open_db() as db:
        fund_id = do_create_fund(
            db,
            name=name,
            currency=currency,
            struggle_id=struggle,
            campaign_id=campaign,
            actor=cli_actor(),
        )
    typer.echo(f"fund {fund_id} created")


@fund_app.command("show")
def fund_show(fund_id: int = typer.Argument(..., help="The fund's id.")) -> None:
    """Print a fund's totals: received, disbursed, balance, pledges outstanding.

    Example: picketline fund show 3
    """
    from picketline.db import ledger as ledger_db
    from picketline.domain.ledger import format_amount
    from picketline.errors import NotFoundError

    with open_db() as db, db.session() as session:
        fund = ledger_db.get_fund(session, fund_id)
        if fund is None:
            raise NotFoundError(f"fund {fund_id} does not exist")
        totals = ledger_db.totals(session, fund)
    typer.echo(f"fund {fund.id}: {fund.name} ({fund.currency})")
    for label, amount in (
        ("received", totals.received),
        ("disbursed", totals.disbursed),
        ("balance", totals.balance),
        ("pledged, not yet received", totals.pledged_outstanding),
    ):
        typer.echo(f"  {label}: {format_amount(amount, fund.currency)} {fund.currency}")


# ---- ledger -------------------------------------------------------------------------


@ledger_app.command("record")
def ledger_record(
    fund_id: int = typer.Argument(..., help="The fund's id."),
    kind: str = typer.Argument(..., help="donation, pledge, pledge_received or disbursement."),
    amount: str = typer.Argument(..., help="Amount as text, e.g. 12.50 (never rounded)."),
    date: str | None = typer.Option(None, "--date", help="YYYY-MM-DD (default today, UTC)."),
    purpose: str = typer.Option("", "--purpose", help="Published; required for disbursements."),
    donor_name: str = typer.Option(
        "", "--donor-name", help="Encrypted; public only with --public."
    ),
    donor_email: str = typer.Option("", "--donor-email", help="Encrypted; never public."),
    public: bool = typer.Option(False, "--public", help="The donor consents to be named."),
) -> None:
    """Record a donation, a pledge, a received pledge or a disbursement.

    Example: picketline ledger record 3 disbursement 250.00 --purpose "Food for the picket"
    """
    from picketline.actions.ledger import do_record_entry
    from picketline.db import ledger as ledger_db
    from picketline.domain.ledger import Donor, LedgerError, parse_amount
    from picketline.errors import NotFoundError

    with open_db() as db:
        with db.session() as session:
            fund = ledger_db.get_fund(session, fund_id)
        if fund is None:
            raise NotFoundError(f"fund {fund_id} does not exist")
        try:
            minor = parse_amount(amount, fund.currency)
        except LedgerError as error:
            raise InputError(str(error)) from None
        donor = Donor(donor_name, donor_email, public) if donor_name or donor_email else None
        entry = do_record_entry(
            db,
            fund_id,
            kind=kind,
            amount=minor,
            occurred_on=_date(date),
            purpose=purpose,
            donor=donor,
            actor=cli_actor(),
        )
    typer.echo(f"entry {entry} recorded")


@ledger_app.command("reverse")
def ledger_reverse(
    entry_id: int = typer.Argument(..., help="The id of the entry to correct."),
    reason: str = typer.Option(..., "--reason", help="Why (published with the correction)."),
) -> None:
    """Correct an entry by recording its exact reverse (entries are never edited).

    Example: picketline ledger reverse 17 --reason "amount typed twice"
    """
    from picketline.actions.ledger import do_reverse_entry

    with open_db() as db:
        entry = do_reverse_entry(db, entry_id, reason=reason, actor=cli_actor())
    typer.echo(f"entry {entry_id} reversed by entry {entry}")


@ledger_app.command("verify")
def ledger_verify() -> None:
    """Check that every transaction balances and every fund's accounts reconcile.

    Exits 1 naming the first bad transaction.

    Example: picketline ledger verify
    """
    from picketline.db.ledger import verify_ledger
    from picketline.errors import PicketlineError

    with open_db() as db, db.session() as session:
        report = verify_ledger(session)
    if report.problem is not None:
        raise PicketlineError(f"the ledger does not verify: {report.problem}")
    typer.echo(
        f"ledger verified: {report.transactions} transactions in {report.funds} funds balance"
    )


# ---- alerts -------------------------------------------------------------------------


@alerts_app.command("send")
def alerts_send() -> None:
    """Queue a digest for every due subscription that new or changed struggles match.

    Subscriptions nothing matched get no email. When PICKETLINE_SMTP_URL is set
    the outbox is then flushed; otherwise the digests wait for 'picketline mail send'.

    Example: picketline alerts send
    """
    from picketline.actions.alerts import do_send_digests
    from picketline.notify.outbox import deliver_due
    from picketline.settings import get_settings

    settings = get_settings()
    with open_db() as db:
        report = do_send_digests(db, settings)
        typer.echo(
            f"{report.checked} subscriptions, {report.due} due, {report.queued} digests queued "
            f"({report.struggles} struggles listed); {report.forgotten} unconfirmed requests "
            "forgotten"
        )
        if settings.smtp_url and report.queued:
            sent = deliver_due(db, settings)
            typer.echo(f"email: {sent.sent} sent, {sent.retried} to retry, {sent.waiting} waiting")


# ---- webhooks -----------------------------------------------------------------------


@webhooks_app.command("add")
def webhooks_add(
    organisation: str = typer.Option(..., "--organisation", help="Who receives it."),
    url: str = typer.Option(..., "--url", help="The receiver's http(s) address."),
    secret: str = typer.Option(
        "", "--secret", help="Shared secret (16+ characters); default: a new random one."
    ),
    country: list[str] = typer.Option([], "--country", help="ISO country code (repeatable)."),
    sector: list[str] = typer.Option([], "--sector", help="ISIC section letter (repeatable)."),
    action: list[str] = typer.Option([], "--action", help="Action code (repeatable)."),
    keyword: str = typer.Option("", "--keyword", help="Full-text search words."),
) -> None:
    """Register an organisation's webhook for published struggles matching a filter.

    Example: picketline webhooks add --organisation "Dockers' union"
    --url https://union.example.org/hook --country UA --sector H
    """
    from picketline.actions.webhooks import do_create_webhook, new_secret
    from picketline.db.filters import parse_filter

    params: dict[str, list[str]] = {"country": [c.upper() for c in country], "sector": sector}
    params |= {"action": action, "q": [keyword] if keyword else []}
    wanted = parse_filter({k: v for k, v in params.items() if v})
    shared = secret or new_secret()
    with open_db() as db:
        webhook_id = do_create_webhook(
            db, organisation=organisation, url=url, secret=shared, wanted=wanted, actor=cli_actor()
        )
    typer.echo(f"webhook {webhook_id} registered")
    if not secret:
        typer.echo(f"secret (give it to the organisation; it is not shown again): {shared}")


@webhooks_app.command("list")
def webhooks_list() -> None:
    """List the webhooks with their state (active, or why they were disabled).

    Example: picketline webhooks list
    """
    from picketline.db.webhooks import list_webhooks

    with open_db() as db, db.session() as session:
        hooks = list_webhooks(session)
    for hook in hooks:
        state = "active" if hook.active else f"DISABLED: {hook.disabled_reason}"
        filters = " ".join(f"{k}={v}" for k, v in hook.wanted.to_params(with_sort=False)) or "all"
        typer.echo(f"{hook.id}\t{hook.organisation}\t{hook.url}\t{filters}\t{state}")
    if not hooks:
        typer.echo("no webhooks registered")


@webhooks_app.command("deliver")
def webhooks_deliver() -> None:
    """Queue new and changed published struggles for each webhook, send what is due.

    Example: picketline webhooks deliver
    """
    from picketline.actions.webhooks import do_deliver_webhooks
    from picketline.settings import get_settings

    with open_db() as db:
        report = do_deliver_webhooks(db, get_settings())
    typer.echo(
        f"{report.queued} queued, {report.delivered} delivered, {report.retried} to retry, "
        f"{report.failed} given up"
    )
    for webhook_id in report.disabled:
        typer.echo(f"webhook {webhook_id} disabled after repeated failures (see webhooks log)")


@webhooks_app.command("log")
def webhooks_log(
    webhook_id: int = typer.Argument(..., help="The webhook's id."),
    limit: int = typer.Option(50, "--limit", help="How many attempts, newest first."),
) -> None:
    """Show a webhook's delivery attempts, newest first, with why each failed.

    Example: picketline webhooks log 1 --limit 20
    """
    from picketline.db.webhooks import delivery_log, get_webhook
    from picketline.errors import NotFoundError

    with open_db() as db, db.session() as session:
        hook = get_webhook(session, webhook_id)
        if hook is None:
            raise NotFoundError(f"webhook {webhook_id} does not exist")
        attempts = delivery_log(session, webhook_id, limit)
    state = "active" if hook.active else f"DISABLED: {hook.disabled_reason}"
    typer.echo(f"webhook {hook.id} ({hook.organisation}, {hook.url}): {state}")
    for a in attempts:
        outcome = f"ok (HTTP {a.status_code})" if a.ok else f"FAILED: {a.error}"
        typer.echo(
            f"{a.at.isoformat(timespec='seconds')}\tdelivery {a.delivery_id}\t{a.event} "
            f"{a.struggle_id}\t{outcome}\t{a.duration_ms} ms"
        )


@webhooks_app.command("enable")
def webhooks_enable(webhook_id: int = typer.Argument(..., help="The webhook's id.")) -> None:
    """Turn a disabled webhook back on; its waiting deliveries are sent on the next run.

    Example: picketline webhooks enable 1
    """
    from picketline.actions.webhooks import do_enable_webhook

    with open_db() as db:
        do_enable_webhook(db, webhook_id, actor=cli_actor())
    typer.echo(f"webhook {webhook_id} enabled")
