"""``picketline serve``: help, one-line errors, and a real server process answering."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from picketline.cli import app
from picketline.db import Database
from picketline.errors import StorageError
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.web_fixtures import free_port

CLI = [sys.executable, "-c", "from picketline.cli import main; main()"]


def cli_env(settings: Settings) -> dict[str, str]:
    """The environment that points a child process at the test's data dir and key."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PICKETLINE_")}
    env["PICKETLINE_DATA_DIR"] = str(settings.data_dir)
    env["PICKETLINE_ENCRYPTION_KEY"] = settings.encryption_key or ""
    env["PICKETLINE_ENV"] = "test"
    return env


def test_help_has_options_and_an_example() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for text in ("--host", "--port", "--reload", "Example", "picketline serve --host"):
        assert text in result.output


def test_missing_database_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    settings = Settings.model_validate({"data_dir": tmp_path / "empty", "env": "test"})
    result = subprocess.run(
        [*CLI, "serve", "--port", str(free_port())],
        env=cli_env(settings),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert "picketline init" in lines[0]


def test_bad_port_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_serve_answers_over_http(sqlite_settings: Settings, sqlite_db: Database) -> None:
    sqlite_db.close()  # the server opens its own
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=cli_env(sqlite_settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        health = wait_for(f"http://127.0.0.1:{port}/healthz", server)
        assert health.json() == {"status": "ok"}
        home = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert home.status_code == 200
        assert "No struggles have been published yet." in home.text
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_for(url: str, process: subprocess.Popen[str], seconds: float = 30) -> httpx.Response:
    """Poll ``url`` until it answers; fail with the server's output if it dies first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, err = process.communicate()
            raise AssertionError(f"the server exited early: {err}")
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url} in {seconds} s")


def test_app_opens_and_closes_its_own_database(
    sqlite_settings: Settings, sqlite_db: Database
) -> None:
    sqlite_db.close()
    app = create_app(sqlite_settings)
    with TestClient(app) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        assert isinstance(app.state.db, Database)


def test_app_startup_fails_clearly_without_a_database(tmp_path: Path) -> None:
    settings = Settings.model_validate({"data_dir": tmp_path / "none", "env": "test"})
    with pytest.raises(StorageError, match="picketline init"), TestClient(create_app(settings)):
        pass


def test_serve_with_two_workers_answers_from_two_processes(
    sqlite_settings: Settings, sqlite_db: Database
) -> None:
    # `picketline serve --workers 2`: two uvicorn worker processes share the port; each
    # builds its app from the environment, and both answer from the same database.
    sqlite_db.close()
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=cli_env(sqlite_settings) | {"PICKETLINE_BACKGROUND_JOBS": "false"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/healthz", server).status_code == 200
        answers = [httpx.get(f"http://127.0.0.1:{port}/api/v1/struggles", timeout=10)
                   for _ in range(20)]  # fmt: skip
        assert {a.status_code for a in answers} == {200}
        assert {len(a.json()["items"]) for a in answers} == {0}
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert err.count("Started server process") == 2, err
