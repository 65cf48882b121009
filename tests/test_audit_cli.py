"""``picketline audit verify/show`` and ``picketline user ...`` on a real database.

Tampering is done the way an intruder with database access would: an UPDATE
or DELETE on ``audit_log`` behind the application's back.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from sqlalchemy import delete, select, update

from picketline.actions.struggles import do_create_struggle, do_update_struggle
from picketline.db import Database
from picketline.db.accounts import actor_for_token, get_user
from picketline.db.models import AuditRow
from picketline.settings import Settings
from tests.db_fixtures import full_bundle
from tests.test_ingest_cli import cli_env
from tests.test_setup_cli import Runner, run  # noqa: F401  (run is a fixture)


def picketline(runner: Runner, settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``picketline ARGS`` against the test database (SQLite file or PostgreSQL URL)."""
    env = {k: v for k, v in cli_env(settings).items() if k.startswith("PICKETLINE_")}
    env.pop("PICKETLINE_DATA_DIR", None)
    return runner(settings.data_dir, *args, **env)


def drop_append_only_triggers(db: Database) -> None:
    """What an intruder with the database's owner rights does first (triggers from 0001)."""
    with db.engine.begin() as connection:
        if db.dialect == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
        else:
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")


def changed_struggle(db: Database) -> int:
    struggle_id = do_create_struggle(db, full_bundle("alpha"), actor="system:test")
    do_update_struggle(
        db,
        struggle_id,
        expected_version=1,
        changes={"workers": "miners"},
        actor="ivan",
        reason="shorter",
    )
    return struggle_id


def test_verify_passes_on_an_intact_log(
    run: Runner,  # noqa: F811
    db: Database,
    db_settings: Settings,
) -> None:
    changed_struggle(db)
    result = picketline(run, db_settings, "audit", "verify")
    assert result.returncode == 0, result.stderr
    assert "audit log intact: 2 entries" in result.stdout


def test_verify_names_the_first_tampered_entry(
    run: Runner,  # noqa: F811
    db: Database,
    db_settings: Settings,
) -> None:
    """The triggers dropped, then an UPDATE rewriting who made entry 2: exit 1, named."""
    changed_struggle(db)
    drop_append_only_triggers(db)
    with db.transaction() as session:
        second = session.scalars(select(AuditRow.id).order_by(AuditRow.id)).all()[1]
        session.execute(update(AuditRow).where(AuditRow.id == second).values(actor="mallory"))
    result = picketline(run, db_settings, "audit", "verify")
    assert result.returncode == 1
    assert f"broken at entry {second}" in result.stderr and "mallory" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_verify_notices_a_deleted_entry(
    run: Runner,  # noqa: F811
    db: Database,
    db_settings: Settings,
) -> None:
    """DELETE of the first entry: the next one no longer follows; exit 1."""
    changed_struggle(db)
    drop_append_only_triggers(db)
    with db.transaction() as session:
        first = session.scalars(select(AuditRow.id).order_by(AuditRow.id)).first()
        session.execute(delete(AuditRow).where(AuditRow.id == first))
    result = picketline(run, db_settings, "audit", "verify")
    assert result.returncode == 1 and "broken at entry" in result.stderr


def test_show_prints_the_history(
    run: Runner,  # noqa: F811
    db: Database,
    db_settings: Settings,
) -> None:
    struggle_id = changed_struggle(db)
    text = picketline(run, db_settings, "audit", "show", str(struggle_id))
    assert text.returncode == 0, text.stderr
    assert "struggle.create" in text.stdout and "ivan: struggle.update — shorter" in text.stdout
    assert 'workers: "coal miners" → "miners"' in text.stdout
    lines = picketline(run, db_settings, "audit", "show", str(struggle_id), "--json").stdout
    entries = [json.loads(line) for line in lines.splitlines()]
    assert [e["action"] for e in entries] == ["struggle.create", "struggle.update"]
    missing = picketline(run, db_settings, "audit", "show", "999999")
    assert missing.returncode == 1 and "no entries for struggle 999999" in missing.stderr


def test_user_commands(
    run: Runner,  # noqa: F811
    db: Database,
    db_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def with_stdin(text: str, *args: str) -> subprocess.CompletedProcess[str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))
        return picketline(run, db_settings, *args)

    added = with_stdin(
        "a long enough password\n", "user", "add", "maria", "--role", "editor", "--password-stdin"
    )
    assert added.returncode == 0, added.stderr
    user = get_user(db, "maria")
    assert user is not None and user.role.value == "editor"
    weak = with_stdin("short\n", "user", "add", "olga", "--role", "editor", "--password-stdin")
    assert weak.returncode == 1 and "at least 10 characters" in weak.stderr
    bad_role = with_stdin(
        "a long enough password\n", "user", "add", "olga", "--role", "boss", "--password-stdin"
    )
    assert bad_role.returncode == 1 and "unknown role 'boss'" in bad_role.stderr
    token = picketline(run, db_settings, "user", "token", "maria").stdout.strip()
    assert token.startswith("plt_") and actor_for_token(db, token) is not None
    listed = picketline(run, db_settings, "user", "list").stdout
    assert "maria\teditor\tactive" in listed
    promoted = picketline(run, db_settings, "user", "role", "maria", "--role", "admin")
    assert promoted.returncode == 0 and "maria is now admin" in promoted.stdout
    assert picketline(run, db_settings, "user", "unlock", "maria").returncode == 0
    changed = with_stdin("another long password\n", "user", "passwd", "maria", "--password-stdin")
    assert changed.returncode == 0, changed.stderr
    assert picketline(run, db_settings, "user", "disable", "maria").returncode == 0
    assert actor_for_token(db, token) is None
    assert "maria\tadmin\tdisabled" in picketline(run, db_settings, "user", "list").stdout
    ghost = picketline(run, db_settings, "user", "disable", "ghost")
    assert ghost.returncode == 1 and "no user called 'ghost'" in ghost.stderr
    with db.session() as session:
        actions = session.scalars(select(AuditRow.action).where(AuditRow.entity == "user")).all()
        dump = json.dumps(session.scalars(select(AuditRow.after)).all())
    assert actions == [
        "user.add",
        "user.token",
        "user.role",
        "user.unlock",
        "user.passwd",
        "user.disable",
    ]
    assert "long enough password" not in dump and token not in dump
