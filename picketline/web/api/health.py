"""``/healthz``: is the service able to answer from its database?

Load balancers and uptime monitors call it; it runs one trivial query so that
a lost database connection shows as 503 rather than as errors on real pages.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from picketline.web.api.schemas import HealthOut
from picketline.web.deps import DbDep

router = APIRouter(tags=["health"])
log = logging.getLogger(__name__)


def database_answers(db: DbDep) -> bool:
    """True when a ``SELECT 1`` round trip to the database succeeds."""
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        log.warning("health check: database unavailable: %s", error)
        return False
    return True


@router.get(
    "/healthz",
    response_model=HealthOut,
    summary="Health check",
    description="200 with status `ok` when the database answers, else 503.",
    responses={503: {"model": HealthOut, "description": "The database does not answer."}},
)
def healthz(db: DbDep) -> HealthOut | JSONResponse:
    if database_answers(db):
        return HealthOut(status="ok")
    return JSONResponse(status_code=503, content={"status": "unavailable"})
