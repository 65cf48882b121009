"""What the machine must provide for some tests, and what happens when it does not.

Outside CI a missing PostgreSQL server or Chromium skips the tests that need
it, with a message saying what is missing. In CI (``CI`` set, as ``.ci/run``
does) a missing one fails the run instead: CI must never skip them silently.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

POSTGRES_HOST = os.environ.get("PICKETLINE_TEST_PG_HOST", "127.0.0.1")
POSTGRES_PORT = int(os.environ.get("PICKETLINE_TEST_PG_PORT", "5432"))
POSTGRES_ADMIN_URL = os.environ.get(
    "PICKETLINE_TEST_PG_URL", f"postgresql+psycopg://postgres@{POSTGRES_HOST}:{POSTGRES_PORT}/postgres"
)
CHROMIUM_PATH = os.environ.get("PICKETLINE_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def missing(what: str) -> None:
    """Skip (locally) or fail (in CI) because ``what`` is absent."""
    message = f"{what} is not available on this machine"
    if in_ci():
        pytest.fail(f"{message}, and CI must not skip these tests", pytrace=False)
    pytest.skip(message)


def postgres_reachable() -> bool:
    try:
        with socket.create_connection((POSTGRES_HOST, POSTGRES_PORT), timeout=1):
            return True
    except OSError:
        return False


def require_postgres() -> str:
    """The admin URL of the test PostgreSQL server, or skip/fail."""
    if not postgres_reachable():
        missing(f"PostgreSQL at {POSTGRES_HOST}:{POSTGRES_PORT}")
    return POSTGRES_ADMIN_URL


def require_chromium() -> str:
    """The path of Debian's Chromium, or skip/fail."""
    if not (Path(CHROMIUM_PATH).exists() or shutil.which(CHROMIUM_PATH)):
        missing(f"Chromium at {CHROMIUM_PATH} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing("the playwright Python package")
    return CHROMIUM_PATH
