"""Commands whose feature belongs to a later issue.

Each exists so that ``picketline --help`` shows the whole planned surface, and
each says plainly that it is not built yet and exits non-zero: none pretends.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from picketline.errors import PicketlineError

NOT_BUILT: dict[str, str] = {}
"""Command name → what it will do and in which issue (none left at the moment)."""


def _not_built(name: str, what: str) -> Callable[..., None]:
    def command(args: list[str] = typer.Argument(None, help="Ignored.")) -> None:
        raise PicketlineError(f"'picketline {name}' is not built yet: {what}.")

    command.__doc__ = f"NOT BUILT YET: {what}."
    return command


def register(app: typer.Typer) -> None:
    for name, what in NOT_BUILT.items():
        app.command(name, help=f"NOT BUILT YET: {what}.")(_not_built(name, what))
