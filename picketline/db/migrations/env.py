"""Alembic environment: always run programmatically with a live connection.

``Database.upgrade`` passes its connection in ``config.attributes``; there is no
``alembic.ini`` and no URL here, so migrations cannot reach another database.
"""

from __future__ import annotations

from alembic import context

from picketline.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through picketline.db.Database.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
