"""Setting up and looking after a Picketline install: init, demo, backup, restore.

Thin commands over ``picketline.db``, ``picketline.actions`` and
``picketline.demo``; every failure a user can act on is a ``PicketlineError``
(one line, exit 1).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from picketline.errors import ConfigurationError
from picketline.settings import Settings, get_settings

T = TypeVar("T")

INIT_HELP = """Create the data directory, the encryption key file and the database.

Safe to run again: an existing key is never replaced, and an existing database
is only migrated to the newest schema.

Example: picketline init
"""

DEMO_HELP = """Add synthetic demo struggles (titled "[DEMO] ...", marked as demo data).

Example: picketline demo --struggles 400 --if-empty
"""

BACKUP_HELP = """Write a backup of the database to FILE (SQLite: online backup;
PostgreSQL: pg_dump custom format).

Example: picketline backup ~/picketline-2024-05-01.backup
"""

RESTORE_HELP = """Replace the database's contents with the backup in FILE.

Refuses to overwrite a database that holds data unless --force is given, and
refuses a backup encrypted with another key.

Example: picketline restore ~/picketline-2024-05-01.backup --force
"""


def register(app: typer.Typer) -> None:
    """Add init, demo, backup and restore to the app."""
    app.command("init", help=INIT_HELP)(init_command)
    app.command("demo", help=DEMO_HELP)(demo_command)
    app.command("backup", help=BACKUP_HELP)(backup_command)
    app.command("restore", help=RESTORE_HELP)(restore_command)


def init_command() -> None:
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    created_key = _ensure_key(settings)
    from picketline.db import Database

    with Database.open(settings, create=True) as db:
        where = db.url.render_as_string(hide_password=True)
    typer.echo(f"database ready: {where}")
    if created_key:
        typer.echo(f"new encryption key written to {settings.resolved_key_file} (back it up!)")


def _ensure_key(settings: Settings) -> bool:
    """Create the key file if no key is configured, unless the database already needs one."""
    from picketline.access.crypto import create_key_file, load_key
    from picketline.db import Database

    if load_key(settings) is not None:
        return False
    keyless = settings.model_copy(update={"encryption_key": None})
    try:
        Database.open(keyless, create=True).close()
    except ConfigurationError as error:  # the database holds encrypted data: key is lost
        raise ConfigurationError(
            f"{error}; the key file {settings.resolved_key_file} is missing"
        ) from None
    return create_key_file(settings.resolved_key_file)


def demo_command(
    struggles: int = typer.Option(400, "--struggles", "-n", min=0, help="How many to add."),
    if_empty: bool = typer.Option(False, "--if-empty", help="Add nothing if any struggle exists."),
    seed: int = typer.Option(0, "--seed", help="Random seed (the same seed, the same data)."),
) -> None:
    from picketline.actions.struggles import do_create_struggles
    from picketline.db import Database
    from picketline.db.struggles import count_struggles
    from picketline.demo import DEMO_ACTOR, generate_demo

    with Database.open(get_settings()) as db:
        existing = count_struggles(db)
        if if_empty and existing:
            typer.echo(f"the database already has {existing} struggles; no demo data added")
            return
        with _progress(struggles, "adding demo struggles") as advance:
            added = do_create_struggles(
                db, advance(generate_demo(struggles, seed=seed)), actor=DEMO_ACTOR, batch_size=500
            )
    typer.echo(f"added {added} demo struggles")


@contextlib.contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[Iterable[T]], Iterator[T]]]:
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(label, total=total)

        def advance(items: Iterable[T]) -> Iterator[T]:
            for item in items:
                yield item
                progress.advance(task)

        yield advance


def backup_command(
    file: Path = typer.Argument(..., help="The backup file to write (must not exist)."),
) -> None:
    from picketline.db import Database
    from picketline.db.backup import backup

    with Database.open(get_settings()) as db:
        backup(db, file)
    typer.echo(f"backup written to {file}")


def restore_command(
    file: Path = typer.Argument(..., help="The backup file to restore."),
    force: bool = typer.Option(False, "--force", help="Replace a database that holds data."),
) -> None:
    from picketline.db import Database
    from picketline.db.backup import restore

    with Database.open(get_settings(), create=True) as db:
        restore(db, file, force=force)
    typer.echo(f"restored from {file}")
