"""Running the Alembic migrations shipped in ``picketline/db/migrations``.

There is no ``alembic.ini``: the configuration is built here and the live
connection is handed to ``migrations/env.py``.
"""

from __future__ import annotations

from enum import Enum

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

SCRIPT_LOCATION = "picketline.db:migrations"


class SchemaState(Enum):
    EMPTY = "empty"  # no Picketline tables yet
    OLDER = "older"  # a revision this code knows, but not the newest
    CURRENT = "current"
    NEWER = "newer"  # a revision this code does not know: a newer Picketline wrote it


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def schema_state(engine: Engine) -> SchemaState:
    """Compare the database's Alembic revision with the ones this code ships."""
    revision = current_revision(engine)
    if revision is None:
        return SchemaState.EMPTY
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        return SchemaState.NEWER
    return SchemaState.CURRENT if revision == script.get_current_head() else SchemaState.OLDER


def upgrade(engine: Engine) -> None:
    """``alembic upgrade head`` on ``engine``, in one transaction."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
