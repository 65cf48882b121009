"""Shared fixtures. Area-specific fixtures live in their own ``tests/fixtures_*.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The annotated articles (read in place: their texts are not ours to copy)."""
    if not (SHARED_EVAL / "FORMAT.md").exists():
        pytest.fail(f"the evaluation folder {SHARED_EVAL} is missing", pytrace=False)
    return SHARED_EVAL

pytest_plugins = [
    "tests.db_fixtures",
    "tests.web_fixtures",
    "tests.auth_fixtures",
    "tests.smtp_fixtures",
]
