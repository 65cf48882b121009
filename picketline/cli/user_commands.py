"""``picketline user``: accounts from the command line (the only way to make the first admin).

Passwords are read from a hidden prompt (asked twice) or, for scripts, from
standard input with ``--password-stdin``; never from an argument, which would
land in the shell history and the process list. Every change is an audited
action under the actor ``cli:<login name>``.
"""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING

import typer

from picketline.errors import InputError

if TYPE_CHECKING:
    from picketline.db import Database

user_app = typer.Typer(
    name="user",
    help="Add users, set passwords and roles, make API tokens, list, unlock and disable "
    "accounts.\n\n"
    "Example: picketline user add maria --role editor",
    no_args_is_help=True,
)

ROLE_HELP = "contributor (submits and edits drafts), editor (reviews and publishes) or admin."


def register(app: typer.Typer) -> None:
    """Add the ``user`` group to the app."""
    app.add_typer(user_app, name="user")


def cli_actor() -> str:
    """Who the audit log names for a command-line change."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def read_password(from_stdin: bool) -> str:
    """A new password from stdin's first line, or a hidden prompt asked twice."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise InputError("no password given")
    return password


def _open() -> Database:
    from picketline.db import Database
    from picketline.settings import get_settings

    return Database.open(get_settings())


@user_app.command("add")
def add_command(
    name: str = typer.Argument(..., help="Sign-in name (letters, digits, '.', '_', '-')."),
    role: str = typer.Option(..., "--role", "-r", help=ROLE_HELP),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
) -> None:
    """Add a user with a role; the password is asked for (or read with --password-stdin).

    Example: picketline user add maria --role editor
    """
    from picketline.actions.accounts import do_add_user

    password = read_password(password_stdin)
    with _open() as db:
        do_add_user(db, name, role, password, actor=cli_actor())
    typer.echo(f"added {name} ({role})")


@user_app.command("passwd")
def passwd_command(
    name: str = typer.Argument(..., help="The user whose password to set."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
) -> None:
    """Set a new password; also lifts a lock-out and signs the user out everywhere.

    Example: picketline user passwd maria
    """
    from picketline.actions.accounts import do_set_password

    password = read_password(password_stdin)
    with _open() as db:
        do_set_password(db, name, password, actor=cli_actor())
    typer.echo(f"password of {name} changed; their sessions were ended")


@user_app.command("list")
def list_command() -> None:
    """List users: name, role, and whether disabled or locked.

    Example: picketline user list
    """
    from picketline.db.accounts import list_users
    from picketline.db.types import utcnow

    with _open() as db:
        users = list_users(db)
    if not users:
        typer.echo("no users yet; add one with: picketline user add NAME --role admin")
        return
    now = utcnow()
    for user in users:
        state = "disabled" if user.disabled else "active"
        if not user.disabled and user.locked_until and user.locked_until > now:
            state = f"locked until {user.locked_until:%Y-%m-%d %H:%M} UTC"
        typer.echo(f"{user.name}\t{user.role.value}\t{state}")


@user_app.command("token")
def token_command(name: str = typer.Argument(..., help="The user the token acts as.")) -> None:
    """Make a new API token for a user and print it once (it is stored only hashed).

    Send it as 'Authorization: Bearer TOKEN' to /api/ routes.

    Example: picketline user token maria
    """
    from picketline.actions.accounts import do_create_token

    with _open() as db:
        token = do_create_token(db, name, actor=cli_actor())
    typer.echo(token)
    typer.echo("Keep this token secret: it is shown only now.", err=True)


@user_app.command("disable")
def disable_command(name: str = typer.Argument(..., help="The user to disable.")) -> None:
    """Disable a user: their sessions and API tokens stop working at once.

    Example: picketline user disable maria
    """
    from picketline.actions.accounts import do_disable_user

    with _open() as db:
        do_disable_user(db, name, actor=cli_actor())
    typer.echo(f"{name} is disabled; their sessions and tokens no longer work")


@user_app.command("role")
def role_command(
    name: str = typer.Argument(..., help="The user whose role to change."),
    role: str = typer.Option(..., "--role", "-r", help=ROLE_HELP),
) -> None:
    """Give a user another role (it applies from their next request).

    Example: picketline user role maria --role admin
    """
    from picketline.actions.accounts import do_set_role

    with _open() as db:
        do_set_role(db, name, role, actor=cli_actor())
    typer.echo(f"{name} is now {role}")


@user_app.command("unlock")
def unlock_command(name: str = typer.Argument(..., help="The locked-out user.")) -> None:
    """Lift a lock-out after too many wrong passwords before it ends by itself.

    Example: picketline user unlock maria
    """
    from picketline.actions.accounts import do_unlock_user

    with _open() as db:
        do_unlock_user(db, name, actor=cli_actor())
    typer.echo(f"{name} may sign in again")
