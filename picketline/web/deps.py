"""Request dependencies, named once and used by every route.

The database and settings live on ``app.state`` (set by the app's lifespan), so
a route never opens a connection pool of its own and tests can hand in theirs.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from picketline.db import Database
from picketline.settings import Settings


def get_db(request: Request) -> Database:
    """The database the app opened at startup."""
    db: Database = request.app.state.db
    return db


def get_app_settings(request: Request) -> Settings:
    """The settings the app was built with (not the process-wide ones)."""
    settings: Settings = request.app.state.settings
    return settings


DbDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
