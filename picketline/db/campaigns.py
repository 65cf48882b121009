"""Reading campaigns: one by id or address name, lists, and the live supporter counts.

Only campaigns on **published** struggles are public; editors' pages ask with
``public=False``. Counts include confirmed signatures only. Nothing here
returns a signer's personal data except ``public_names``, which returns the
names of those who asked to be shown, and nothing else about them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from picketline.access.crypto import FieldCipher
from picketline.db import Database
from picketline.db.models import StruggleRow
from picketline.db.models_campaigns import CampaignRow, CampaignTextRow, PledgeRow
from picketline.domain.campaign import Campaign, CampaignText, SupportCount
from picketline.domain.vocab import StruggleStatus

NAME_COLUMN = "pledges.name"


@dataclass(frozen=True, slots=True)
class CampaignLink:
    """A campaign as a struggle page lists it: title, where it lives, how many signed."""

    id: int
    slug: str
    title: str
    count: int
    goal: int | None
    path: str  # "/campaigns/<slug>", for callers without a template's path_for


def get_campaign(db: Database, key: str | int, *, public: bool = True) -> Campaign | None:
    """The campaign with this id or address name (None if absent or not public)."""
    with db.session() as session:
        query = select(CampaignRow)
        text = str(key)
        if "\x00" in text:  # PostgreSQL refuses NUL in text; no slug has one
            return None
        if text.isascii() and text.isdigit():
            if len(text) > 9:  # no such id; and PostgreSQL would refuse it as an integer
                return None
            query = query.where(CampaignRow.id == int(text))
        else:
            query = query.where(CampaignRow.slug == text.lower()[:80])
        if public:
            query = _published_only(query)
        row = session.scalar(query)
        return _campaign(session, row) if row is not None else None


def list_campaigns(db: Database, *, public: bool = True) -> list[Campaign]:
    """Every campaign, newest first (public: only those on published struggles)."""
    with db.session() as session:
        query = select(CampaignRow).order_by(CampaignRow.starts_on.desc(), CampaignRow.id.desc())
        if public:
            query = _published_only(query)
        return [_campaign(session, row) for row in session.scalars(query)]


def campaigns_for_struggle(
    db: Database, struggle_id: int, languages: tuple[str, ...] = ("en",)
) -> list[CampaignLink]:
    """The public campaigns on a struggle, each titled in the first of ``languages`` there is."""
    with db.session() as session:
        query = _published_only(
            select(CampaignRow).where(CampaignRow.struggle_id == struggle_id)
        ).order_by(CampaignRow.id)
        campaigns = [_campaign(session, row) for row in session.scalars(query)]
        totals = _totals(session, [c.id for c in campaigns if c.id is not None])
    return [
        CampaignLink(
            c.id or 0,
            c.slug,
            c.text_for(languages).title,
            totals.get(c.id or 0, 0),
            c.goal,
            f"/campaigns/{c.slug}",
        )
        for c in campaigns
    ]


def support_count(db: Database, campaign_id: int) -> SupportCount:
    """Confirmed supporters of one campaign, in all, by country and by language."""
    confirmed = (PledgeRow.campaign_id == campaign_id) & PledgeRow.confirmed_at.is_not(None)
    with db.session() as session:
        by_country = session.execute(
            select(PledgeRow.country, func.count()).where(confirmed).group_by(PledgeRow.country)
        ).all()
        by_language = session.execute(
            select(PledgeRow.language, func.count()).where(confirmed).group_by(PledgeRow.language)
        ).all()
    ordered = sorted(((k or "", int(n)) for k, n in by_country), key=lambda kv: (-kv[1], kv[0]))
    languages = sorted(((str(k), int(n)) for k, n in by_language), key=lambda kv: (-kv[1], kv[0]))
    return SupportCount(sum(n for _, n in ordered), tuple(ordered), tuple(languages))


def public_names(
    db: Database, campaign_id: int, cipher: FieldCipher | None, *, limit: int = 100
) -> list[tuple[str, str | None]]:
    """(name, country) of the latest confirmed signers who chose to be shown by name."""
    if cipher is None:
        return []
    with db.session() as session:
        rows = session.execute(
            select(PledgeRow.name_enc, PledgeRow.country)
            .where(
                PledgeRow.campaign_id == campaign_id,
                PledgeRow.confirmed_at.is_not(None),
                PledgeRow.show_name.is_(True),
            )
            .order_by(PledgeRow.confirmed_at.desc(), PledgeRow.id.desc())
            .limit(limit)
        ).all()
    return [(cipher.decrypt(r.name_enc, column=NAME_COLUMN), r.country) for r in rows]


def _published_only(query: Select[Any]) -> Select[Any]:
    return query.join(StruggleRow, StruggleRow.id == CampaignRow.struggle_id).where(
        StruggleRow.status == StruggleStatus.PUBLISHED.value
    )


def _totals(session: Session, campaign_ids: list[int]) -> dict[int, int]:
    if not campaign_ids:
        return {}
    rows = session.execute(
        select(PledgeRow.campaign_id, func.count())
        .where(PledgeRow.campaign_id.in_(campaign_ids), PledgeRow.confirmed_at.is_not(None))
        .group_by(PledgeRow.campaign_id)
    ).all()
    return {int(k): int(n) for k, n in rows}


def _campaign(session: Session, row: CampaignRow) -> Campaign:
    texts = session.scalars(
        select(CampaignTextRow)
        .where(CampaignTextRow.campaign_id == row.id)
        .order_by(CampaignTextRow.id)
    )
    return Campaign(
        id=row.id,
        struggle_id=row.struggle_id,
        slug=row.slug,
        target=row.target,
        goal=row.goal,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        texts=tuple(CampaignText(t.language, t.title, t.body) for t in texts),
        version=row.version,
        created_by=row.created_by,
        created_at=row.created_at,
    )


def today() -> dt.date:
    """The current UTC date (campaign periods are calendar days in UTC)."""
    return dt.datetime.now(dt.UTC).date()
