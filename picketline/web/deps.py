"""Request dependencies, named once and used by every route.

The database lives on ``app.state`` (set by the app's lifespan), so
a route never opens a connection pool of its own and tests can hand in theirs.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from picketline.db import Database


async def get_db(request: Request) -> Database:
    """The database the app opened at startup.

    ``async`` only because it does no I/O: FastAPI runs a plain ``def``
    dependency in the thread pool, a hop this lookup does not need.
    """
    db: Database = request.app.state.db
    return db


DbDep = Annotated[Database, Depends(get_db)]
