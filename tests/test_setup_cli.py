"""The setup commands through the real CLI: success paths, and one-line errors.

Every run goes through ``picketline.cli.main`` (argv, environment, exit code,
stderr), so what is checked is what a user sees. Most runs are in-process
(a fresh interpreter costs seconds); a few run as separate processes to prove
that no traceback escapes a real one.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from picketline.access.crypto import create_key_file, encode_key, generate_key
from picketline.cli import main
from picketline.db import Database
from picketline.settings import get_settings
from tests.db_fixtures import make_settings

ENTRY = "from picketline.cli import main; main()"


Runner = Callable[..., subprocess.CompletedProcess[str]]


def run_process(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PICKETLINE_")}
    clean.update({"PICKETLINE_DATA_DIR": str(data_dir), "PICKETLINE_ENV": "test", **env})
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args],
        capture_output=True,
        text=True,
        env=clean,
        timeout=120,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run ``picketline ARGS`` in this process with a clean PICKETLINE_* environment."""

    def invoke(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        with monkeypatch.context() as patch:
            for name in [k for k in os.environ if k.startswith("PICKETLINE_")]:
                patch.delenv(name)
            for name, value in {
                "PICKETLINE_DATA_DIR": str(data_dir),
                "PICKETLINE_ENV": "test",
                **env,
            }.items():
                patch.setenv(name, value)
            patch.setattr(sys, "argv", ["picketline", *args])
            get_settings.cache_clear()
            capsys.readouterr()
            try:
                main()
                code = 0
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
            finally:
                get_settings.cache_clear()
        out = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out.out, out.err)

    return invoke


def test_init_demo_backup_restore(run: Runner, data_dir: Path, tmp_path: Path) -> None:
    first = run(data_dir, "init")
    assert first.returncode == 0, first.stderr
    key_file = data_dir / "picketline.key"
    key = key_file.read_text()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert run(data_dir, "init").returncode == 0
    assert key_file.read_text() == key  # idempotent: the key is never replaced
    added = run(data_dir, "demo", "--struggles", "25", "--seed", "2")
    assert added.returncode == 0 and "added 25" in added.stdout, added.stderr
    skipped = run(data_dir, "demo", "--struggles", "25", "--if-empty")
    assert skipped.returncode == 0 and "no demo data added" in skipped.stdout
    backup_file = tmp_path / "site.backup"
    assert run(data_dir, "backup", str(backup_file)).returncode == 0
    assert_one_line_error(run(data_dir, "restore", str(backup_file)), "--force")
    restored = run(data_dir, "restore", str(backup_file), "--force")
    assert restored.returncode == 0, restored.stderr


@pytest.mark.parametrize("command", ["init", "demo", "backup", "restore"])
def test_help_has_an_example(run: Runner, data_dir: Path, command: str) -> None:
    result = run(data_dir, command, "--help")
    assert result.returncode == 0 and "Example: picketline " + command in result.stdout


def _initialised(data_dir: Path) -> Path:
    """What ``picketline init`` leaves behind (built directly: preparation, not the test)."""
    settings = make_settings(data_dir, encryption_key=None)
    create_key_file(settings.resolved_key_file)
    Database.open(settings, create=True).close()
    return data_dir / "picketline.sqlite3"


def _corrupt(data_dir: Path) -> dict[str, str]:
    path = _initialised(data_dir)
    for extra in data_dir.glob("picketline.sqlite3-*"):
        extra.unlink()
    path.write_bytes(os.urandom(8192))
    return {}


def _newer_schema(data_dir: Path) -> dict[str, str]:
    with sqlite3.connect(_initialised(data_dir)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    return {}


def _missing_key(data_dir: Path) -> dict[str, str]:
    _initialised(data_dir)
    (data_dir / "picketline.key").unlink()
    return {}


def _wrong_key(data_dir: Path) -> dict[str, str]:
    _initialised(data_dir)
    return {"PICKETLINE_ENCRYPTION_KEY": encode_key(generate_key())}


CASES: dict[str, tuple[Callable[[Path], dict[str, str]], tuple[str, ...]]] = {
    "url typo": (lambda d: {"PICKETLINE_DATABASE_URL": "postgress://x@y/z"}, ("database URL",)),
    "unreachable server": (
        lambda d: {"PICKETLINE_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/none"},
        ("cannot reach",),
    ),
    "not initialised": (lambda d: {}, ("picketline init",)),
    "corrupted file": (_corrupt, ("corrupted",)),
    "newer schema": (_newer_schema, ("newer Picketline",)),
    "missing key": (_missing_key, ("no encryption key",)),
    "wrong key": (_wrong_key, ("wrong encryption key",)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_errors_are_one_line(run: Runner, data_dir: Path, case: str) -> None:
    prepare, words = CASES[case]
    env = prepare(data_dir)
    assert_one_line_error(run(data_dir, "demo", "--struggles", "1", **env), *words)


def test_locked_database_is_one_line(run: Runner, data_dir: Path) -> None:
    holder = sqlite3.connect(_initialised(data_dir), isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO app_meta VALUES ('holder', 'x')")
    try:
        assert_one_line_error(run(data_dir, "demo", "--struggles", "1"), "locked")
    finally:
        holder.close()


def test_init_refuses_to_make_a_new_key_for_encrypted_data(run: Runner, data_dir: Path) -> None:
    _missing_key(data_dir)
    assert_one_line_error(run(data_dir, "init"), "key file")
    assert not (data_dir / "picketline.key").exists()


def test_a_real_process_prints_one_line_and_no_traceback(data_dir: Path) -> None:
    _corrupt(data_dir)
    assert_one_line_error(run_process(data_dir, "demo", "--struggles", "1"), "corrupted")


def test_an_unknown_option_is_a_one_line_usage_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Input: `picketline ledger record 1 donation -5`, where "-5" parses as an option.
    # The user sees click's usage message and exit status 2, never a Python traceback.
    from picketline.cli import main

    monkeypatch.setattr("sys.argv", ["picketline", "ledger", "record", "1", "donation", "-5"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "No such option: -5" in err
    assert "Traceback" not in err
