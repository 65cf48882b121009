"""Solidarity commands: ``picketline campaign ...`` and ``picketline mail send``.

Thin commands over ``picketline.actions.campaigns``, ``picketline.db.pledges``
and ``picketline.notify.outbox``; they act as the system (admin) actor named
``cli``. The signature list holds personal data: it is written only to a file
the operator names, never to the terminal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from picketline.domain.campaign import CampaignText
from picketline.errors import InputError
from picketline.settings import get_settings

MAIL_HELP = """Email: send what waits in the outbox.

Example: picketline mail send
"""

MAIL_SEND_HELP = """Send every queued email that is due, once, and say what happened.

Messages the mail server does not take now stay queued and are retried later
with exponential backoff (1 minute doubling up to 6 hours); nothing is lost.
Needs PICKETLINE_SMTP_URL. 'picketline serve' does this every
PICKETLINE_MAIL_SEND_INTERVAL_SECONDS by itself; use this from cron when the
server loop is off.

Example:

    PICKETLINE_SMTP_URL='smtp://user:pass@mail.example.org:587?starttls=1' \\
      picketline mail send
"""

mail_app = typer.Typer(help=MAIL_HELP, no_args_is_help=True)


@mail_app.command("send", help=MAIL_SEND_HELP)
def mail_send_command() -> None:
    from picketline.db import Database
    from picketline.notify.outbox import deliver_due
    from picketline.notify.tokens import purge_spent

    settings = get_settings()
    with Database.open(settings) as db:
        report = deliver_due(db, settings)
        with db.transaction() as session:
            purge_spent(session)
    typer.echo(
        f"{report.sent} sent, {report.retried} to retry later, {report.failed} refused for good, "
        f"{report.waiting} waiting"
    )
    for error in report.errors:
        typer.echo(error, err=True)


CAMPAIGN_HELP = """Solidarity campaigns: open one, list them, export a signature list.

Example: picketline campaign list
"""

CREATE_HELP = """Open a campaign on a struggle, with its appeal in one or more languages.

Each --text is LANG=FILE; the file's first line is the title and the rest the
appeal (blank lines separate paragraphs). Signing is open from --start
(default today) to --end (default: no end).

Example:

    picketline campaign create --struggle 12 --slug pay-the-miners \\
      --target "Kapitalna Coal Company" --goal 5000 \\
      --text en=appeal-en.txt --text uk=appeal-uk.txt
"""

LIST_HELP = """List every campaign: id, address name, struggle, open or closed, confirmed
supporters and title.

Example: picketline campaign list
"""

SIGNATURES_HELP = """Write a campaign's confirmed signatures (name, email, organisation,
country, language, when confirmed) as CSV to FILE, to deliver to the target.

The list holds personal data: it is written only to the file you name (mode
0600), never to the terminal. Give the campaign's id or address name.

Example: picketline campaign signatures pay-the-miners --out signatures.csv
"""

campaign_app = typer.Typer(help=CAMPAIGN_HELP, no_args_is_help=True)


@campaign_app.command("create", help=CREATE_HELP)
def campaign_create_command(
    struggle: int = typer.Option(..., "--struggle", help="The struggle's id."),
    slug: str = typer.Option(..., "--slug", help="Address name: /campaigns/SLUG."),
    target: str = typer.Option(..., "--target", help="The employer or authority addressed."),
    text: list[str] = typer.Option(..., "--text", help="LANG=FILE (repeat per language)."),
    goal: int | None = typer.Option(None, "--goal", help="Supporters wanted."),
    start: str | None = typer.Option(None, "--start", help="First day (YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--end", help="Last day (YYYY-MM-DD)."),
) -> None:
    from picketline.actions.campaigns import do_create_campaign
    from picketline.db import Database
    from picketline.domain.campaign import CampaignInput

    data = CampaignInput(
        struggle_id=struggle,
        slug=slug,
        target=target,
        goal=goal,
        starts_on=_day(start, "--start") or dt.datetime.now(dt.UTC).date(),
        ends_on=_day(end, "--end"),
        texts=tuple(_read_text(t) for t in text),
    )
    with Database.open(get_settings()) as db:
        campaign_id = do_create_campaign(db, data, actor="cli")
    typer.echo(f"campaign {campaign_id} opened: /campaigns/{data.slug.strip().lower()}")


@campaign_app.command("list", help=LIST_HELP)
def campaign_list_command() -> None:
    from picketline.db import Database
    from picketline.db.campaigns import list_campaigns, support_count, today

    with Database.open(get_settings()) as db:
        campaigns = list_campaigns(db, public=False)
        if not campaigns:
            typer.echo("no campaigns yet")
        for c in campaigns:
            assert c.id is not None
            state = "open" if c.is_open(today()) else "closed"
            total = support_count(db, c.id).total
            title = c.text_for(("en",)).title
            typer.echo(f"{c.id}\t{c.slug}\tstruggle {c.struggle_id}\t{state}\t{total}\t{title}")


@campaign_app.command("signatures", help=SIGNATURES_HELP)
def campaign_signatures_command(
    campaign: str = typer.Argument(..., help="The campaign's id or address name."),
    out: Path = typer.Option(..., "--out", "-o", help="The CSV file to write."),
) -> None:
    import os

    from picketline.access.permissions import Actor
    from picketline.db import Database
    from picketline.db.campaigns import get_campaign
    from picketline.db.pledges import signature_csv
    from picketline.errors import NotFoundError

    with Database.open(get_settings()) as db:
        found = get_campaign(db, campaign, public=False)
        if found is None or found.id is None:
            raise NotFoundError(f"campaign {campaign} does not exist")
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        lines = 0
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in signature_csv(db, found.id, actor=Actor.system("cli")):
                handle.write(chunk)
                lines += chunk.count("\n")
    typer.echo(f"{max(lines - 1, 0)} signatures written to {out}", err=True)


def _day(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} {text!r} is not a date like 2026-05-01") from None


def _read_text(spec: str) -> CampaignText:
    language, sep, name = spec.partition("=")
    if not sep or not name:
        raise InputError(f"--text {spec!r}: write LANG=FILE, like en=appeal-en.txt")
    path = Path(name)
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    title, _, body = content.strip().partition("\n")
    return CampaignText(language, title, body)


def register(app: typer.Typer) -> None:
    """Add the ``campaign`` and ``mail`` groups to the app."""
    app.add_typer(campaign_app, name="campaign")
    app.add_typer(mail_app, name="mail")
