"""Struggle history: the page, revert through the ordinary edit path, conflicts, CSRF,
and the audit chain after every kind of change. SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from picketline.access.permissions import Role
from picketline.actions.accounts import do_add_user
from picketline.actions.audit import read_entries, verify_chain
from picketline.actions.history import do_revert_struggle, struggle_history
from picketline.actions.resolution import do_merge_struggles, do_split_source
from picketline.actions.struggles import do_create_struggle, do_set_status, do_update_struggle
from picketline.db import Database
from picketline.db.models import AuditRow
from picketline.db.struggles import get_struggle
from picketline.domain.vocab import StruggleStatus
from picketline.errors import InputError
from tests.auth_fixtures import csrf_form
from tests.db_fixtures import full_bundle
from tests.web_fixtures import WebData

LoginAs = Callable[[str], TestClient]


def version_of(db: Database, struggle_id: int) -> int:
    record = get_struggle(db, struggle_id)
    assert record is not None
    return record.struggle.version


def workers_of(db: Database, struggle_id: int) -> str | None:
    record = get_struggle(db, struggle_id)
    assert record is not None
    return record.struggle.fields.workers


def edit_workers(db: Database, struggle_id: int, workers: str, actor: str = "ivan") -> None:
    do_update_struggle(
        db,
        struggle_id,
        expected_version=version_of(db, struggle_id),
        changes={"workers": workers},
        actor=actor,
        reason="the article says so",
    )


def revert_url(html: str) -> str:
    """The action of the oldest version's revert form on the history page."""
    actions = re.findall(r'action="(/struggles/\d+/history/\d+/revert)"', html)
    assert actions, "no revert button on the page"
    return actions[-1]


def test_history_page_shows_who_when_why_and_the_diff(login_as: LoginAs, web_data: WebData) -> None:
    struggle_id = web_data.secret_id
    edit_workers(web_data.db, struggle_id, "striking <b>coal</b> miners")
    page = login_as("editor").get(f"/struggles/{struggle_id}/history")
    assert page.status_code == 200
    html = page.text
    assert "Edited" in html and "Created" in html and "ivan" in html
    assert "the article says so" in html
    assert "striking &lt;b&gt;coal&lt;/b&gt; miners" in html  # escaped, never markup
    assert "<b>coal</b>" not in html
    assert html.count("Revert to this version") == 1  # the create; the edit is current
    for secret in ("Zinaida Sekretova-7731", "+7 900 555 0199 SECRET"):
        assert secret not in html


def test_revert_goes_through_the_edit_path_and_is_audited(
    login_as: LoginAs, web_data: WebData
) -> None:
    db, struggle_id = web_data.db, web_data.secret_id
    original = workers_of(db, struggle_id)
    edit_workers(db, struggle_id, "wrongly edited workers")
    editor = login_as("editor")
    page = editor.get(f"/struggles/{struggle_id}/history").text
    version = version_of(db, struggle_id)
    fields = csrf_form(editor, expected_version=str(version), reason="vandalism")
    answer = editor.post(revert_url(page), data=fields, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert workers_of(db, struggle_id) == original
    assert version_of(db, struggle_id) == version + 1
    with db.session() as session:
        last = read_entries(session, "struggle", struggle_id)[-1]
        assert verify_chain(session) is None
    assert last.action == "struggle.update" and last.actor == "test-editor"
    assert last.reason is not None and "revert to version 1" in last.reason
    assert "vandalism" in last.reason
    assert last.before == {"version": version, "workers": "wrongly edited workers"}
    after = editor.get(answer.headers["location"])
    assert f"Reverted: this is now version {version + 1}." in after.text


def test_revert_from_a_stale_page_is_a_conflict(login_as: LoginAs, web_data: WebData) -> None:
    """Editor reads version N, someone saves N+1, the revert says so and changes nothing."""
    db, struggle_id = web_data.db, web_data.secret_id
    edit_workers(db, struggle_id, "first edit")
    editor = login_as("editor")
    page = editor.get(f"/struggles/{struggle_id}/history").text
    seen = version_of(db, struggle_id)
    edit_workers(db, struggle_id, "someone else's edit", actor="olga")
    fields = csrf_form(editor, expected_version=str(seen))
    answer = editor.post(revert_url(page), data=fields)
    assert answer.status_code == 409
    assert "changed by someone else" in answer.text
    assert workers_of(db, struggle_id) == "someone else's edit"


def test_forged_csrf_on_revert_stores_nothing(login_as: LoginAs, web_data: WebData) -> None:
    """A revert POST with csrf_token 'forged': 403, version and audit log untouched."""
    db, struggle_id = web_data.db, web_data.secret_id
    edit_workers(db, struggle_id, "an edit")
    editor = login_as("editor")
    url = revert_url(editor.get(f"/struggles/{struggle_id}/history").text)
    version = version_of(db, struggle_id)
    with db.session() as session:
        entries = len(session.scalars(select(AuditRow.id)).all())
    fields = {"expected_version": str(version), "csrf_token": "forged"}
    assert editor.post(url, data=fields).status_code == 403
    assert version_of(db, struggle_id) == version
    with db.session() as session:
        assert len(session.scalars(select(AuditRow.id)).all()) == entries


@pytest.mark.parametrize("role", [Role.PUBLIC, Role.CONTRIBUTOR])
def test_history_is_for_editors_only(login_as: LoginAs, web_data: WebData, role: Role) -> None:
    answer = login_as(role.value).get(f"/struggles/{web_data.secret_id}/history")
    assert answer.status_code == (401 if role is Role.PUBLIC else 403)
    assert "coal miners" not in answer.text


def test_every_kind_of_change_keeps_the_audit_chain(db: Database) -> None:
    """Create, update, status, merge, split, revert and user changes: the chain verifies."""
    first = do_create_struggle(db, full_bundle("alpha"), actor="system:test")
    second = do_create_struggle(db, full_bundle("beta"), actor="system:test")
    edit_workers(db, first, "underground coal miners")
    do_set_status(
        db,
        first,
        status=StruggleStatus.CANDIDATE,
        expected_version=version_of(db, first),
        actor="ivan",
        reason="needs another look",
    )
    do_merge_struggles(db, first, second, actor="ivan", reason="one strike")
    record = get_struggle(db, first)
    assert record is not None
    assert do_split_source(db, first, record.sources[1].id or 0, actor="ivan", reason="two")
    steps = struggle_history(db, first)
    assert [s.entry.action for s in steps] == [
        "struggle.create",
        "struggle.update",
        "struggle.status",
        "struggle.merge",
        "struggle.split",
    ]
    assert [s.known for s in steps] == [True, True, True, True, False]
    with pytest.raises(InputError, match="were not recorded"):
        do_revert_struggle(
            db, first, steps[-1].entry.id or 0, expected_version=version_of(db, first), actor="x"
        )
    do_revert_struggle(
        db, first, steps[0].entry.id or 0, expected_version=version_of(db, first), actor="ivan"
    )
    assert workers_of(db, first) == "coal miners"
    do_add_user(db, "maria", Role.EDITOR, "a long enough password", actor="cli:root")
    with db.session() as session:
        actions = {row for row in session.scalars(select(AuditRow.action))}
        assert verify_chain(session) is None
    assert {"struggle.create", "struggle.update", "struggle.status", "struggle.merge"} <= actions
    assert {"struggle.split", "user.add"} <= actions


def test_reverting_to_the_current_values_is_refused(db: Database) -> None:
    struggle_id = do_create_struggle(db, full_bundle("alpha"), actor="system:test")
    entry = struggle_history(db, struggle_id)[0].entry
    with pytest.raises(InputError, match="already has the values"):
        do_revert_struggle(db, struggle_id, entry.id or 0, expected_version=1, actor="ivan")
