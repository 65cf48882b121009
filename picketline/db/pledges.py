"""Reading signatures with their personal data: for editors only, checked here.

``signatures`` is the one way to read signers' names, emails and
organisations; it asks ``can(actor, "export", "pledge")`` itself, so no page,
command or export can reach the data by forgetting a check.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from picketline.access.permissions import Actor, can
from picketline.db import Database
from picketline.db.models_campaigns import PledgeRow
from picketline.errors import PicketlineError

NAME_COLUMN = "pledges.name"
EMAIL_COLUMN = "pledges.email"
ORGANISATION_COLUMN = "pledges.organisation"
SIGNATURE_FIELDS = ("confirmed_at", "name", "email", "organisation", "country", "language")


class NotAllowedError(PicketlineError):
    """The actor's role may not read this (the web answers 403)."""


@dataclass(frozen=True, slots=True)
class Signature:
    """A confirmed signature with the signer's data, as delivered to the target."""

    confirmed_at: dt.datetime
    name: str
    email: str
    organisation: str | None
    country: str | None
    language: str


def signatures(db: Database, campaign_id: int, *, actor: Actor) -> Iterator[Signature]:
    """Confirmed signatures of a campaign, oldest first; only for actors who may export them."""
    if not can(actor, "export", "pledge"):
        raise NotAllowedError("only editors may read the signature list")
    cipher = db.require_cipher()
    with db.session() as session:
        rows = session.execute(
            select(PledgeRow)
            .where(PledgeRow.campaign_id == campaign_id, PledgeRow.confirmed_at.is_not(None))
            .order_by(PledgeRow.confirmed_at, PledgeRow.id)
            .execution_options(yield_per=500)
        ).scalars()
        for row in rows:
            assert row.confirmed_at is not None
            organisation = (
                cipher.decrypt(row.organisation_enc, column=ORGANISATION_COLUMN)
                if row.organisation_enc
                else None
            )
            yield Signature(
                row.confirmed_at,
                cipher.decrypt(row.name_enc, column=NAME_COLUMN),
                cipher.decrypt(row.email_enc, column=EMAIL_COLUMN),
                organisation,
                row.country,
                row.language,
            )


def signature_csv(db: Database, campaign_id: int, *, actor: Actor) -> Iterator[str]:
    """The signature list as CSV text, a line at a time (for the web download and the CLI).

    Cells that a spreadsheet would run as a formula are defused.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SIGNATURE_FIELDS)
    for s in signatures(db, campaign_id, actor=actor):
        cells = (
            s.confirmed_at.isoformat(timespec="seconds"),
            s.name,
            s.email,
            s.organisation or "",
            s.country or "",
            s.language,
        )
        writer.writerow([defuse_cell(c) for c in cells])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def defuse_cell(value: str) -> str:
    """A cell starting like a formula (=, +, -, @) gets a leading apostrophe (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
