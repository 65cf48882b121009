"""The ``picketline`` command: thin commands over the same calls the web uses.

Each area registers its commands from its own module; ``main`` turns every
``PicketlineError`` into a one-line message and exit code 1.
"""

from __future__ import annotations

import sys

import typer

from picketline.errors import PicketlineError

app = typer.Typer(
    name="picketline",
    help="Picketline: track workers' struggles and organise solidarity with them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_commands() -> None:
    from picketline.cli import (
        audit_commands,
        export_commands,
        extract_commands,
        funds_commands,
        ingest_commands,
        later_commands,
        mirror_command,
        serve_command,
        setup_commands,
        solidarity_commands,
        user_commands,
    )

    modules = (
        setup_commands,
        serve_command,
        extract_commands,
        ingest_commands,
        export_commands,
        mirror_command,  # static mirror (#6)
        later_commands,
        solidarity_commands,
        funds_commands,
    )
    for module in (*modules, user_commands, audit_commands):  # + accounts, audit (#5)
        module.register(app)


_register_commands()


def main() -> None:
    """Entry point: run the app, showing user errors as one line."""
    try:
        app(standalone_mode=False)
    except PicketlineError as error:
        typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
        sys.exit(1)
    except typer.Abort:
        typer.secho("aborted", err=True)
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as error:  # click usage errors arrive here in non-standalone mode
        if _is_usage_error(error):
            error.show()  # type: ignore[attr-defined]
            sys.exit(getattr(error, "exit_code", 2))
        raise


def _is_usage_error(error: Exception) -> bool:
    """A click usage error, from click itself or from the copy Typer bundles.

    Typer 0.29 ships its own ``typer._click``, whose exceptions are not
    ``click.ClickException``; both must give the one-line usage message.
    """
    import click

    if isinstance(error, click.ClickException):
        return True
    return any(
        cls.__name__ == "ClickException" and cls.__module__.endswith("_click.exceptions")
        for cls in type(error).__mro__
    )
