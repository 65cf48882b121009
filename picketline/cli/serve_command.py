"""``picketline serve``: the public pages and JSON API over uvicorn.

The database is opened *before* the server starts, so a missing, locked or
newer database is a one-line error and exit 1, not a traceback from inside
uvicorn's startup.
"""

from __future__ import annotations

from pathlib import Path

import typer
from pydantic import ValidationError

from picketline.errors import ConfigurationError
from picketline.settings import Settings, get_settings

SERVE_HELP = """Serve the public pages and the JSON API (/api/v1, /openapi.json, /healthz).

Reads PICKETLINE_* settings; --host and --port override PICKETLINE_HOST and
PICKETLINE_PORT. The database must exist: run 'picketline init' first.
--workers N runs N server processes on the same port (one per core suits a
busy public site; each opens its own connections to the same database).

Example:

    picketline serve --host 0.0.0.0 --port 8080 --workers 2
"""


def load_settings(host: str | None, port: int | None) -> Settings:
    """Settings from the environment with the command-line overrides applied."""
    try:
        settings = get_settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = "_".join(str(part) for part in first["loc"]).upper()
        where = f"PICKETLINE_{name}" if name else "settings"
        raise ConfigurationError(f"bad setting {where}: {first['msg']}") from None
    overrides = {k: v for k, v in (("host", host), ("port", port)) if v is not None}
    return settings.model_copy(update=overrides)


def run_server(settings: Settings, *, reload: bool, workers: int = 1) -> None:
    """Check the database opens, then hand over to uvicorn until interrupted.

    With ``reload`` or several ``workers``, uvicorn imports the app factory in
    each process, which builds its settings from the environment: the host and
    port overrides are uvicorn's own arguments, so they still apply.
    """
    import uvicorn

    from picketline.db import Database
    from picketline.web.app import create_app

    db = Database.open(settings)  # a PicketlineError here becomes one line in main()
    if reload or workers > 1:
        db.close()  # each worker process builds its own app and database from settings
        package = Path(__file__).resolve().parent.parent
        uvicorn.run(
            "picketline.web.app:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            reload=reload,
            reload_dirs=[str(package)] if reload else None,
            workers=None if reload else workers,
        )
        return
    try:
        uvicorn.run(create_app(settings, db), host=settings.host, port=settings.port)
    finally:
        db.close()


def serve(
    host: str | None = typer.Option(
        None, "--host", help="Address to bind (default PICKETLINE_HOST)."
    ),
    port: int | None = typer.Option(
        None, "--port", min=1, max=65535, help="Port to listen on (default PICKETLINE_PORT)."
    ),
    reload: bool = typer.Option(False, "--reload", help="Restart on code changes (development)."),
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Server processes sharing the port (one per core)."
    ),
) -> None:
    run_server(load_settings(host, port), reload=reload, workers=workers)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the app."""
    app.command("serve", help=SERVE_HELP)(serve)
