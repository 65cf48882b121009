"""Signing in and out over HTTP, and the attacks on it: forged CSRF tokens, made-up or
expired session ids, SQL in the login fields, bearer tokens, cookie flags.

Each bad-input test says what was sent and what the user sees.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from picketline.access.accounts import LockoutPolicy
from picketline.access.permissions import Role
from picketline.actions.accounts import LOGIN_REFUSED, do_login
from picketline.actions.struggles import do_update_struggle
from picketline.db import Database
from picketline.db.models_accounts import SessionRow, UserRow
from picketline.settings import Settings
from picketline.web.app import create_app
from picketline.web.auth import CSRF_COOKIE, SESSION_COOKIE
from tests.auth_fixtures import DEFAULT_PASSWORD, create_user, csrf_form, csrf_headers
from tests.conftest import REPO_ROOT
from tests.requirements import CHROMIUM_ARGS, require_chromium
from tests.web_fixtures import LiveServer, WebData

HISTORY = "/struggles/{}/history"
ARTIFACTS = REPO_ROOT / "test-artifacts"


def form_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def session_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(SessionRow)) or 0


def test_login_form_sets_a_csrf_cookie_and_signing_in_works(
    client: TestClient, web_data: WebData
) -> None:
    create_user(web_data.db, Role.EDITOR, "maria")
    page = client.get("/login")
    assert page.status_code == 200
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=") and "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie and "Secure" not in cookie  # plain http in tests
    fields = {"name": "maria", "password": DEFAULT_PASSWORD, "csrf_token": form_token(page.text)}
    signed = client.post("/login", data={**fields, "next": "/"}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    session_cookie = signed.headers["set-cookie"]
    assert session_cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in session_cookie
    assert "SameSite=Lax" in session_cookie and "Max-Age=" in session_cookie
    home = client.get("/")
    assert "Signed in as maria (editor)" in home.text
    assert client.get(HISTORY.format(web_data.secret_id)).status_code == 200


def test_logout_ends_the_session(login_as: object, web_data: WebData) -> None:
    editor = login_as("editor")  # type: ignore[operator]
    url = HISTORY.format(web_data.secret_id)
    assert editor.get(url).status_code == 200
    out = editor.post("/logout", data=csrf_form(editor), follow_redirects=False)
    assert out.status_code == 303 and "Max-Age=0" in out.headers["set-cookie"]
    assert session_count(web_data.db) == 0
    assert editor.get(url).status_code == 401


def test_forged_csrf_token_is_refused_and_nothing_is_stored(
    client: TestClient, web_data: WebData
) -> None:
    """A login POST with csrf_token 'forged', or none: 403 with a plain message, no session."""
    create_user(web_data.db, Role.EDITOR, "maria")
    client.get("/login")
    good = {"name": "maria", "password": DEFAULT_PASSWORD}
    for token in ({"csrf_token": "forged"}, {}, {"csrf_token": ""}):
        refused = client.post("/login", data={**good, **token}, follow_redirects=False)
        assert refused.status_code == 403
        assert "did not come from this site" in refused.text
    assert session_count(web_data.db) == 0


def test_csrf_token_of_another_session_is_refused(login_as: object, web_data: WebData) -> None:
    """Editor B's page token replayed with editor A's cookie: 403, the revert is not made."""
    a = login_as("editor")  # type: ignore[operator]
    b = TestClient(a.app)
    create_user(web_data.db, Role.EDITOR, "other-editor")
    b.cookies.set(
        SESSION_COOKIE,
        do_login(
            web_data.db,
            "other-editor",
            DEFAULT_PASSWORD,
            policy=LockoutPolicy(5, dt.timedelta(minutes=1)),
            lifetime=dt.timedelta(hours=1),
        ).session_id,
    )
    url = f"/struggles/{web_data.secret_id}/history/1/revert"
    response = a.post(url, data={"expected_version": "1"}, headers=csrf_headers(b))
    assert response.status_code == 403
    b.close()


def test_made_up_or_expired_session_ids_are_the_public(
    client: TestClient, web_data: WebData
) -> None:
    """A cookie with a made-up id, or an expired session's id: treated as no session (401)."""
    url = HISTORY.format(web_data.secret_id)
    client.cookies.set(SESSION_COOKIE, "made-up-session-id-0123456789")
    made_up = client.get(url)
    assert made_up.status_code == 401
    assert "Sign in" in client.get("/").text and "Signed in as" not in client.get("/").text
    user = create_user(web_data.db, Role.EDITOR, "maria")
    long_ago = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    expired = do_login(
        web_data.db,
        user.name,
        DEFAULT_PASSWORD,
        policy=LockoutPolicy(5, dt.timedelta(minutes=1)),
        lifetime=dt.timedelta(hours=1),
        now=long_ago,
    )
    client.cookies.set(SESSION_COOKIE, expired.session_id)
    assert client.get(url).status_code == 401


def test_sql_in_login_fields_is_harmless(client: TestClient, web_data: WebData) -> None:
    """Name "' OR 1=1 --" and password "x' OR 'a'='a": the normal refusal, tables intact."""
    create_user(web_data.db, Role.ADMIN, "admin")
    client.get("/login")
    for name, password in (("' OR 1=1 --", "x' OR 'a'='a"), ("admin' --", "anything")):
        answer = client.post("/login", data=csrf_form(client, name=name, password=password))
        assert answer.status_code == 400
        assert LOGIN_REFUSED in answer.text.replace("&#39;", "'")
    with web_data.db.session() as session:
        assert session.scalar(select(func.count()).select_from(UserRow)) == 1
    assert session_count(web_data.db) == 0


def test_lockout_over_the_web_refuses_even_the_right_password(
    client: TestClient, web_data: WebData
) -> None:
    """Five wrong passwords, then the right one: still 'Sign-in failed', no session."""
    create_user(web_data.db, Role.EDITOR, "maria")
    client.get("/login")
    for attempt in range(5):
        wrong = client.post(
            "/login", data=csrf_form(client, name="maria", password=f"wrong-{attempt}-xxxx")
        )
        assert wrong.status_code == 400
    right = client.post("/login", data=csrf_form(client, name="maria", password=DEFAULT_PASSWORD))
    assert right.status_code == 400 and "Sign-in failed" in right.text
    assert session_count(web_data.db) == 0


def test_a_flood_of_sign_ins_is_slowed_down(client: TestClient, web_data: WebData) -> None:
    """Sign-in attempts as fast as one client can: after about 30 a minute, 429; no session."""
    from picketline.web.pages.account import LOGIN_ATTEMPTS_PER_MINUTE

    client.get("/login")
    codes = []
    for attempt in range(LOGIN_ATTEMPTS_PER_MINUTE * 2):
        fields = csrf_form(client, name=f"guess{attempt}", password="x" * 12)
        codes.append(client.post("/login", data=fields).status_code)
        if codes[-1] == 429:
            break
    assert codes[:LOGIN_ATTEMPTS_PER_MINUTE] == [400] * LOGIN_ATTEMPTS_PER_MINUTE
    assert codes[-1] == 429, f"no 429 after {len(codes)} attempts"
    assert session_count(web_data.db) == 0


def test_next_only_goes_to_local_paths(client: TestClient, web_data: WebData) -> None:
    """next=https://evil.example/ or //evil.example: sent home instead."""
    create_user(web_data.db, Role.EDITOR, "maria")
    client.get("/login")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        fields = csrf_form(client, name="maria", password=DEFAULT_PASSWORD, next=target)
        answer = client.post("/login", data=fields, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/"


def test_bearer_tokens_work_on_the_api_only(
    client: TestClient, web_data: WebData, token_headers: object
) -> None:
    url = f"/api/v1/review/struggles/{web_data.secret_id}/history"
    editor = token_headers("editor")  # type: ignore[operator]
    answer = client.get(url, headers=editor)
    assert answer.status_code == 200 and answer.json()[0]["action"] == "struggle.create"
    contributor = token_headers("contributor")  # type: ignore[operator]
    assert client.get(url, headers=contributor).status_code == 403
    forged = client.get(url, headers={"Authorization": "Bearer plt_forged"})
    assert forged.status_code == 401 and forged.json()["detail"] == "Sign in to do this."
    page = client.get(HISTORY.format(web_data.secret_id), headers=editor)
    assert page.status_code == 401  # a token is not a browser session


def test_cookies_are_secure_in_production_settings(settings: Settings, db: Database) -> None:
    production = settings.model_copy(update={"base_url": "https://picketline.example.org"})
    assert production.secure_cookies
    with TestClient(create_app(production, db), base_url="https://testserver") as client:
        cookie = client.get("/login").headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie
    assert not settings.secure_cookies
    forced = settings.model_copy(update={"cookie_secure": True})
    assert forced.secure_cookies


@pytest.mark.browser
def test_an_editor_signs_in_reverts_and_signs_out_in_a_browser(
    live_server: LiveServer, sqlite_db: Database
) -> None:
    """Real Chromium: the login form, the history page (phone and desktop), revert, sign out."""
    chromium = require_chromium()
    from playwright.sync_api import Dialog, expect, sync_playwright

    struggle_id = live_server.xss_id  # its title is a script: the history page must not run it
    create_user(sqlite_db, Role.EDITOR, "maria")
    edit = {"workers": "dockers (edited by mistake)"}
    do_update_struggle(
        sqlite_db, struggle_id, expected_version=1, changes=edit, actor="olga", reason="typo"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    history = f"/struggles/{struggle_id}/history"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            dialogs: list[str] = []

            def on_dialog(dialog: Dialog) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.goto(f"{live_server.url}/login?next={history}")
            page.screenshot(path=str(ARTIFACTS / "login-phone.png"), full_page=True)
            page.get_by_label("Name").fill("maria")
            page.get_by_label("Password").fill("wrong password, surely")
            page.get_by_role("button", name="Sign in").click()
            expect(page.locator(".form-error")).to_contain_text("Sign-in failed")
            page.screenshot(path=str(ARTIFACTS / "login-failed-phone.png"), full_page=True)
            page.get_by_label("Password").fill(DEFAULT_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.locator(".account-status")).to_contain_text("Signed in as maria (editor)")
            expect(page.locator(".history-entry").first).to_contain_text("typo")
            page.screenshot(path=str(ARTIFACTS / "history-phone.png"), full_page=True)
            wide = context.new_page()  # the same signed-in session, at desktop width
            wide.set_viewport_size({"width": 1280, "height": 900})
            wide.goto(live_server.url + history)
            wide.screenshot(path=str(ARTIFACTS / "history.png"), full_page=True)
            wide.close()
            page.get_by_label("Reason (optional)").fill("undo the typo")
            page.get_by_role("button", name="Revert to this version").click()
            expect(page.locator(".form-note")).to_contain_text("Reverted: this is now version 3")
            expect(page.locator(".history-entry").first).to_contain_text("undo the typo")
            page.screenshot(path=str(ARTIFACTS / "history-reverted-phone.png"), full_page=True)
            assert page.evaluate("window.__pwned === undefined") and dialogs == []
            page.get_by_role("button", name="Sign out").click()
            expect(page.locator(".account-status")).to_contain_text("Sign in")
        finally:
            browser.close()
