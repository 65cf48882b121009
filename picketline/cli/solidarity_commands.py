"""Solidarity commands: ``picketline campaign ...`` and ``picketline mail send``.

Thin commands over ``picketline.actions.campaigns``, ``picketline.db.pledges``
and ``picketline.notify.outbox``; they act as the system (admin) actor named
``cli``. The signature list holds personal data: it is written only to a file
the operator names, never to the terminal.
"""

from __future__ import annotations

import typer

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

Example: PICKETLINE_SMTP_URL='smtp://user:pass@mail.example.org:587?starttls=1' picketline mail send
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


def register(app: typer.Typer) -> None:
    """Add the ``mail`` group (and, below, ``campaign``) to the app."""
    app.add_typer(mail_app, name="mail")
