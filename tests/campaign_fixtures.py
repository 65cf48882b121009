"""Helpers for campaign and pledge tests: a published struggle with a campaign on it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from picketline.actions.bundles import NewSource, NewStruggle
from picketline.actions.campaigns import do_create_campaign
from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.domain.campaign import CampaignInput, CampaignText
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.source import Source
from picketline.domain.struggle import Struggle, StruggleFields
from picketline.domain.vocab import Action, EventKind, Sector, StruggleStatus

EN = CampaignText(
    "en",
    "Pay the Kapitalna miners now",
    "The miners of Kapitalna have not been paid for three months.\n\nWe call on the company "
    "to pay every hryvnia it owes.",
)
RU = CampaignText("ru", "Выплатите зарплату шахтёрам", "Шахтёрам не платят три месяца.")


def make_struggle(db: Database, status: StruggleStatus = StruggleStatus.PUBLISHED) -> int:
    """A struggle with one source and a dated event (for the campaign page's timeline)."""
    source = Source.from_text(
        f"Miners of the Kapitalna mine stopped work ({status.value}).",
        url="https://news.example.org/kapitalna",
        outlet="Example News",
        title="Kapitalna miners strike",
        language="en",
        published=PartialDate(2026, 3, 3),
    )
    event = Event(None, None, EventKind.OTHER, PartialDate(2026, 3, 4), "Miners went underground.")
    struggle = Struggle(
        id=None,
        fields=StruggleFields(
            actions=(Action.STRIKE,), workers="coal miners", sector=Sector.B, workplace="Kapitalna"
        ),
        status=status,
        title=f"Kapitalna miners strike ({status.value})",
    )
    bundle = NewStruggle(struggle, sources=(NewSource(source, events=(event,)),))
    return do_create_struggle(db, bundle, actor="system:test")


def campaign_input(
    struggle_id: int,
    slug: str = "pay-the-miners",
    *,
    texts: tuple[CampaignText, ...] = (EN, RU),
    goal: int | None = 100,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> CampaignInput:
    start = starts_on or dt.date.today() - dt.timedelta(days=1)
    return CampaignInput(struggle_id, slug, "Kapitalna Coal Company", goal, start, ends_on, texts)


def open_campaign(db: Database, slug: str = "pay-the-miners", **kwargs: object) -> int:
    """A published struggle with an open campaign on it; the campaign's id."""
    struggle_id = make_struggle(db)
    data = campaign_input(struggle_id, slug, **kwargs)  # type: ignore[arg-type]
    return do_create_campaign(db, data, actor="test-editor")


def token_from(link: str) -> str:
    """The ``token`` query value of a link from an email."""
    found = re.search(r"[?&]token=([^&\s]+)", link)
    assert found, f"no token in {link}"
    from urllib.parse import unquote

    return unquote(found.group(1))


sqlite_only = pytest.mark.parametrize("db_settings", ["sqlite"], indirect=True)
"""For tests whose answer does not depend on the database engine (input checks, pages):
run them on SQLite only, and keep PostgreSQL for what it can change (uniqueness,
concurrency, counts, tokens, the outbox)."""
