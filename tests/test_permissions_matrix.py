"""The role matrix: every route of the app, asked by every role, answers as ``can()`` says.

The routes are found by walking ``create_app().routes``; each route's required
``(verb, thing)`` pairs are read from its ``require(...)`` dependencies (which
carry them as ``.permission``). For the public, a contributor, an editor and an
admin the test makes a real request (with a valid CSRF token, so only the role
decides) and asserts: 401 for the public and 403 for a signed-in role exactly
when ``can()`` refuses; any other answer otherwise. A route with no ``require``
is public and must never answer 401 or 403. Routes added later are covered
without touching this file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from picketline.access.permissions import PERMISSIONS, Actor, Role, can
from picketline.web.auth import RouteInfo, app_routes
from tests.auth_fixtures import bearer_headers, client_as, csrf_headers
from tests.web_fixtures import WebData

ROLES = (Role.PUBLIC, Role.CONTRIBUTOR, Role.EDITOR, Role.ADMIN)
METHODS_LAST = ("/logout",)  # ends the session: asked after everything else


def api_routes(app: FastAPI) -> list[RouteInfo]:
    return sorted(app_routes(app.routes), key=lambda r: (r.path in METHODS_LAST, r.path))


def fill_path(path: str, struggle_id: int) -> str:
    """Put real-looking values in the path parameters: ids of an existing struggle."""

    def value(match: re.Match[str]) -> str:
        name, _, kind = match.group(1).partition(":")
        if kind == "path":
            return "x"
        return str(struggle_id) if "id" in name or kind == "int" else "1"

    return re.sub(r"\{([^}]+)\}", value, path)


def expected_refusal(role: Role, pairs: set[tuple[str, str]]) -> int | None:
    actor = Actor(role, role.value)
    if all(can(actor, verb, thing) for verb, thing in pairs):
        return None
    return 401 if role is Role.PUBLIC else 403


@pytest.fixture
def clients(web_data: WebData, client: TestClient) -> Iterator[dict[Role, TestClient]]:
    app = client.app
    assert isinstance(app, FastAPI)
    made = {role: client_as(app, web_data.db, role) for role in ROLES}
    for each in made.values():
        each._transport.raise_server_exceptions = False
    yield made
    for each in made.values():
        each.close()


def test_every_route_answers_each_role_as_can_says(
    web_data: WebData, clients: dict[Role, TestClient]
) -> None:
    app = clients[Role.PUBLIC].app
    assert isinstance(app, FastAPI)
    struggle_id = min(web_data.published_ids)
    tokens = {role: bearer_headers(web_data.db, role) for role in ROLES if role is not Role.PUBLIC}
    wrong: list[str] = []
    asked = 0
    for route in api_routes(app):
        pairs = set(route.permissions)
        for pair in pairs:
            assert pair[1] in PERMISSIONS and pair[0] in PERMISSIONS[pair[1]], (
                f"{route.path} requires {pair}, which is not in PERMISSIONS"
            )
        url = fill_path(route.path, struggle_id)
        for method in sorted(route.methods - {"HEAD"}):
            for role in ROLES:
                client = clients[role]
                headers = csrf_headers(client)
                answers = [client.request(method, url, headers=headers, follow_redirects=False)]
                if url.startswith("/api/") and role is not Role.PUBLIC:
                    bare = TestClient(app, raise_server_exceptions=False)
                    answers.append(bare.request(method, url, headers=tokens[role]))
                for response in answers:
                    asked += 1
                    want = expected_refusal(role, pairs)
                    got = response.status_code
                    refused = got in (401, 403)
                    if want is None and refused:
                        wrong.append(f"{method} {url} as {role}: {got}, but can() allows it")
                    elif want is not None and got != want:
                        wrong.append(f"{method} {url} as {role}: {got}, expected {want}")
                    elif got >= 500:
                        wrong.append(f"{method} {url} as {role}: server error {got}")
    assert asked > 60, "the walk found too few routes"
    assert wrong == [], "\n".join(wrong)


def test_require_marks_its_pair_and_unknown_pairs_are_refused() -> None:
    from picketline.web.auth import require

    dependency = require("history", "struggle")
    assert dependency.permission == ("history", "struggle")  # type: ignore[attr-defined]
    for role in ROLES:
        assert not can(Actor(role, "x"), "nonsense", "struggle")
    assert can(Actor(Role.EDITOR, "e"), "history", "struggle")
    assert not can(Actor(Role.CONTRIBUTOR, "c"), "history", "struggle")
    assert not can(Actor.public(), "read", "candidate")


def test_the_protected_routes_are_really_protected(client: TestClient) -> None:
    """The walk above is not vacuous: the history routes are among the guarded ones."""
    app = client.app
    assert isinstance(app, FastAPI)
    guarded = {r.path: set(r.permissions) for r in api_routes(app)}
    assert guarded["/struggles/{struggle_id}/history"] == {("history", "struggle")}
    assert guarded["/api/v1/review/struggles/{struggle_id}/history"] == {("history", "struggle")}
    assert guarded["/struggles/{struggle_id}/history/{entry_id}/revert"] == {("revert", "struggle")}


def test_every_state_changing_route_checks_csrf(client: TestClient) -> None:
    """A POST, PUT, PATCH or DELETE route without ``check_csrf`` could be ridden by a
    forged page (session cookies are sent on every path, the API's included)."""
    app = client.app
    assert isinstance(app, FastAPI)
    unguarded = [
        f"{sorted(r.methods)} {r.path}"
        for r in api_routes(app)
        if r.methods & {"POST", "PUT", "PATCH", "DELETE"} and not r.checks_csrf
    ]
    assert unguarded == []
