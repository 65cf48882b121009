"""Placeholder: filled in by its owner. Registers no commands yet."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
