"""``/api/v1/campaigns``: campaigns as JSON (public read, editor write).

Queued email is sent by the server's background jobs (``picketline.web.background``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

from picketline.access.permissions import Actor
from picketline.actions.campaigns import do_create_campaign, do_update_campaign
from picketline.db import Database
from picketline.db.campaigns import (
    campaigns_for_struggle,
    get_campaign,
    list_campaigns,
    support_count,
    today,
)
from picketline.domain.campaign import Campaign, CampaignInput, CampaignText
from picketline.errors import ConflictError, NotFoundError, PicketlineError
from picketline.web.api.schemas import ErrorOut
from picketline.web.auth import check_csrf, require
from picketline.web.deps import DbDep


@contextlib.asynccontextmanager
async def campaigns_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Give templates ``app.state.campaign_links(struggle_id)`` (for ``_campaigns.html``)."""
    if app.state.db is not None:  # for _campaigns.html when a page does not pass `campaigns`
        app.state.campaign_links = functools.partial(campaigns_for_struggle, app.state.db)
    yield


router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"], lifespan=campaigns_lifespan)


class CampaignTextOut(BaseModel):
    language: str = Field(description="BCP 47 language tag, lower case (en, ru, uk, pt-br).")
    title: str
    body: str


class SupportOut(BaseModel):
    total: int = Field(description="Confirmed supporters (double opt-in done).")
    by_country: dict[str, int] = Field(description="ISO 3166-1 code → count; '' when not given.")
    by_language: dict[str, int] = Field(description="Language of the appeal signed → count.")


class CampaignOut(BaseModel):
    """A campaign as the public sees it: no signer's name, email or organisation."""

    id: int
    slug: str
    struggle_id: int
    target: str = Field(description="The employer or authority the appeal addresses.")
    goal: int | None
    starts_on: dt.date
    ends_on: dt.date | None
    open: bool = Field(description="Whether signatures are taken today.")
    version: int
    texts: list[CampaignTextOut]
    supporters: SupportOut


class CampaignList(BaseModel):
    items: list[CampaignOut]


class CampaignIn(BaseModel):
    """A campaign as an editor writes it (all translations at once)."""

    struggle_id: int
    slug: str = Field(max_length=80, examples=["free-the-vorkuta-miners"])
    target: str = Field(max_length=300)
    goal: int | None = None
    starts_on: dt.date
    ends_on: dt.date | None = None
    texts: list[CampaignTextOut] = Field(min_length=1, max_length=50)
    version: int | None = Field(None, description="The version you read (required to update).")

    def to_input(self) -> CampaignInput:
        texts = tuple(CampaignText(t.language, t.title, t.body) for t in self.texts)
        return CampaignInput(
            self.struggle_id,
            self.slug,
            self.target,
            self.goal,
            self.starts_on,
            self.ends_on,
            texts,
        )


def campaign_out(db: Database, campaign: Campaign) -> CampaignOut:
    assert campaign.id is not None
    count = support_count(db, campaign.id)
    return CampaignOut(
        id=campaign.id,
        slug=campaign.slug,
        struggle_id=campaign.struggle_id,
        target=campaign.target,
        goal=campaign.goal,
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
        open=campaign.is_open(today()),
        version=campaign.version,
        texts=[
            CampaignTextOut(language=t.language, title=t.title, body=t.body) for t in campaign.texts
        ],
        supporters=SupportOut(
            total=count.total,
            by_country=dict(count.by_country),
            by_language=dict(count.by_language),
        ),
    )


def _write_error(error: PicketlineError) -> HTTPException:
    status = (
        404
        if isinstance(error, NotFoundError)
        else 409
        if isinstance(error, ConflictError)
        else 400
    )
    return HTTPException(status_code=status, detail=str(error))


@router.get(
    "",
    response_model=CampaignList,
    summary="List campaigns",
    description="Every campaign on a published struggle, newest first, with live counts "
    "of confirmed supporters.",
)
def api_campaigns(db: DbDep) -> CampaignList:
    return CampaignList(items=[campaign_out(db, c) for c in list_campaigns(db)])


@router.get(
    "/{key}",
    response_model=CampaignOut,
    name="api_campaign",
    summary="One campaign",
    description="By id or address name (slug): the appeal in every language and the "
    "confirmed supporters by country and language.",
    responses={404: {"model": ErrorOut, "description": "No public campaign has this id."}},
)
def api_campaign(db: DbDep, key: str) -> CampaignOut:
    campaign = get_campaign(db, key)
    if campaign is None:
        raise HTTPException(status_code=404, detail="campaign not found")
    return campaign_out(db, campaign)


@router.post(
    "",
    response_model=CampaignOut,
    status_code=201,
    summary="Open a campaign (editors)",
    dependencies=[Depends(check_csrf)],
    responses={
        400: {"model": ErrorOut, "description": "Invalid campaign."},
        401: {"model": ErrorOut, "description": "Not signed in."},
        403: {"model": ErrorOut, "description": "Your role may not open campaigns."},
    },
)
def api_create_campaign(
    db: DbDep,
    body: CampaignIn,
    actor: Annotated[Actor, Depends(require("create", "campaign"))],
) -> CampaignOut:
    try:
        campaign_id = do_create_campaign(db, body.to_input(), actor=actor.name)
    except PicketlineError as error:
        raise _write_error(error) from None
    campaign = get_campaign(db, campaign_id, public=False)
    assert campaign is not None
    return campaign_out(db, campaign)


@router.put(
    "/{campaign_id}",
    response_model=CampaignOut,
    summary="Change a campaign (editors)",
    description="Replaces the fields and all translations; send the `version` you read. "
    "409 if someone changed it since.",
    dependencies=[Depends(check_csrf)],
    responses={
        400: {"model": ErrorOut, "description": "Invalid campaign."},
        401: {"model": ErrorOut, "description": "Not signed in."},
        403: {"model": ErrorOut, "description": "Your role may not edit campaigns."},
        404: {"model": ErrorOut, "description": "No campaign has this id."},
        409: {"model": ErrorOut, "description": "Changed by someone else since you read it."},
    },
)
def api_update_campaign(
    db: DbDep,
    campaign_id: int,
    body: CampaignIn,
    actor: Annotated[Actor, Depends(require("edit", "campaign"))],
) -> CampaignOut:
    if body.version is None:
        raise HTTPException(status_code=400, detail="send the version you read")
    try:
        do_update_campaign(
            db, campaign_id, body.to_input(), expected_version=body.version, actor=actor.name
        )
    except PicketlineError as error:
        raise _write_error(error) from None
    campaign = get_campaign(db, campaign_id, public=False)
    assert campaign is not None
    return campaign_out(db, campaign)
