"""Opening and changing campaigns. Each function owns its transaction and audit entry.

Changes use optimistic locking like struggles: the caller says which version
it read and a change made on top of someone else's is refused.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from picketline.actions import audit
from picketline.db import Database
from picketline.db.models import StruggleRow
from picketline.db.models_campaigns import CampaignRow, CampaignTextRow
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.campaign import CampaignInput, check_campaign
from picketline.errors import ConflictError, InputError, NotFoundError


def do_create_campaign(db: Database, data: CampaignInput, *, actor: str) -> int:
    """Open a campaign on a struggle; its id."""
    data = _checked(data)
    try:
        with db.transaction() as session:
            _require_struggle(session, data.struggle_id)
            now = utcnow()
            values = {**_columns(data), "created_by": actor, "created_at": now, "version": 1}
            result = session.execute(
                insert(CampaignRow).values(**values, updated_at=now).returning(CampaignRow.id)
            )
            campaign_id = int(result.scalar_one())
            _write_texts(session, campaign_id, data)
            _audit(session, actor, "campaign.create", campaign_id, None, _snapshot(data, 1))
            return campaign_id
    except IntegrityError:
        raise InputError(f"the address name {data.slug!r} is taken by another campaign") from None


def do_update_campaign(
    db: Database, campaign_id: int, data: CampaignInput, *, expected_version: int, actor: str
) -> int:
    """Replace a campaign's fields and translations; its new version."""
    data = _checked(data)
    try:
        with db.transaction() as session:
            row = session.get(CampaignRow, campaign_id)
            if row is None:
                raise NotFoundError(f"campaign {campaign_id} does not exist")
            if row.version != expected_version:
                raise ConflictError(
                    f"campaign {campaign_id} was changed by someone else (you edited version "
                    f"{expected_version}, it is now at {row.version}); reload and try again"
                )
            _require_struggle(session, data.struggle_id)
            before = _row_snapshot(session, row)
            session.execute(
                update(CampaignRow)
                .where(CampaignRow.id == campaign_id)
                .values(**_columns(data), version=row.version + 1, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            session.execute(
                delete(CampaignTextRow).where(CampaignTextRow.campaign_id == campaign_id)
            )
            _write_texts(session, campaign_id, data)
            after = _snapshot(data, row.version + 1)
            _audit(session, actor, "campaign.update", campaign_id, before, after)
            return row.version + 1
    except IntegrityError:
        raise InputError(f"the address name {data.slug!r} is taken by another campaign") from None


def _checked(data: CampaignInput) -> CampaignInput:
    try:
        return check_campaign(data)
    except ValueError as error:
        raise InputError(str(error)) from None


def _require_struggle(session: Session, struggle_id: int) -> None:
    if session.scalar(select(StruggleRow.id).where(StruggleRow.id == struggle_id)) is None:
        raise NotFoundError(f"struggle {struggle_id} does not exist")


def _columns(data: CampaignInput) -> dict[str, Any]:
    return {
        "struggle_id": data.struggle_id,
        "slug": data.slug,
        "target": data.target,
        "goal": data.goal,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
    }


def _write_texts(session: Session, campaign_id: int, data: CampaignInput) -> None:
    rows = [
        {"campaign_id": campaign_id, "language": t.language, "title": t.title, "body": t.body}
        for t in data.texts
    ]
    session.execute(insert(CampaignTextRow), rows)


def _snapshot(data: CampaignInput, version: int) -> dict[str, Any]:
    fields = dataclasses.asdict(data)
    fields["starts_on"] = data.starts_on.isoformat()
    fields["ends_on"] = data.ends_on.isoformat() if data.ends_on else None
    fields["texts"] = {t.language: t.title for t in data.texts}  # titles; bodies are long
    return {**fields, "version": version}


def _row_snapshot(session: Session, row: CampaignRow) -> dict[str, Any]:
    texts = session.execute(
        select(CampaignTextRow.language, CampaignTextRow.title).where(
            CampaignTextRow.campaign_id == row.id
        )
    ).all()
    return {
        "struggle_id": row.struggle_id,
        "slug": row.slug,
        "target": row.target,
        "goal": row.goal,
        "starts_on": row.starts_on.isoformat(),
        "ends_on": row.ends_on.isoformat() if row.ends_on else None,
        "texts": {language: title for language, title in texts},
        "version": row.version,
    }


def _audit(
    session: Session,
    actor: str,
    action: str,
    campaign_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    entry = AuditEntry(None, utcnow(), actor, action, "campaign", campaign_id, before, after)
    audit.append(session, [entry])
