"""Docs that tests enforce: every setting and every CLI command is documented."""

from __future__ import annotations

import re

from picketline.cli import app
from picketline.settings import Settings
from tests.conftest import REPO_ROOT


def test_every_setting_is_in_docs_settings_md() -> None:
    text = (REPO_ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`PICKETLINE_([A-Z_]+)`", text))
    declared = {name.upper() for name in Settings.model_fields}
    assert declared - documented == set(), "settings missing from docs/settings.md"
    assert documented - declared == set(), "docs/settings.md names settings that do not exist"


def test_every_cli_command_is_in_docs_cli_md() -> None:
    text = (REPO_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## `picketline ([a-z-]+)", text, flags=re.MULTILINE))
    commands = {c.name for c in app.registered_commands if c.name}
    commands |= {g.name for g in app.registered_groups if g.name}
    assert commands - documented == set(), "commands missing from docs/cli.md"
    assert documented - commands == set(), "docs/cli.md documents commands that do not exist"


def test_every_cli_command_has_help_with_an_example() -> None:
    for command in app.registered_commands:
        help_text = command.help or (command.callback.__doc__ if command.callback else "") or ""
        if "NOT BUILT YET" in help_text:
            continue
        assert "Example" in help_text or "example" in help_text, f"{command.name}: no example"
