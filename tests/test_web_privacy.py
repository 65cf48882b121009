"""No sensitive value ever leaves through the public web, on any page or API response.

The seed stores known sensitive values (detained people, contacts, notes, a
reporter's contact) on a published struggle. Every page and API response a
visitor can reach is fetched and searched for them.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from picketline.db.struggles import get_struggle
from tests.test_web_api import walk
from tests.test_web_pages import walk_home
from tests.web_fixtures import SECRETS, WebData

# Distinctive parts too, in case a value is reformatted (escaped, split) on the way out.
FRAGMENTS = ("Zinaida", "Sekretova-7731", "555 0199", "safehouse-4412", "8812@")


def every_public_response(client: TestClient, web_data: WebData) -> Iterator[tuple[str, str]]:
    """(url, body) of every public page and API response over the whole record."""
    for html in walk_home(client):
        yield "/", html
    for item in walk(client, 200):
        yield "/api/v1/struggles item", repr(item)
    for struggle_id in sorted(web_data.published_ids | web_data.hidden_ids):
        for url in (f"/struggles/{struggle_id}", f"/api/v1/struggles/{struggle_id}"):
            yield url, client.get(url).text
    for word in ("Abashevskaya", "Sekretova", "safehouse", "reporter"):
        yield f"?q={word}", client.get("/", params={"q": word}).text
        yield f"api ?q={word}", client.get("/api/v1/struggles", params={"q": word}).text
    for url in ("/healthz", "/openapi.json", "/no/such/page"):
        yield url, client.get(url).text


def test_the_secrets_really_are_stored(web_data: WebData) -> None:
    """Guards the test below: it proves nothing if the seed lost its secrets."""
    record = get_struggle(web_data.db, web_data.secret_id, include_sensitive=True)
    assert record is not None
    assert SECRETS[0] in record.struggle.sensitive.detained_people
    assert record.struggle.sensitive.notes == SECRETS[2]
    assert record.sources[0].reporter_contact == SECRETS[3]


def stored_sensitive_values(web_data: WebData) -> set[str]:
    """Every sensitive value in the database, demo data's included (read with the key)."""
    values: set[str] = set()
    for struggle_id in web_data.published_ids | web_data.hidden_ids:
        record = get_struggle(web_data.db, struggle_id, include_sensitive=True)
        assert record is not None
        sensitive = record.struggle.sensitive
        values |= {*sensitive.detained_people, *sensitive.contacts, sensitive.notes or ""}
        values |= {s.reporter_contact or "" for s in record.sources}
    return {v for v in values if len(v) >= 6}


def test_no_sensitive_value_in_any_response(client: TestClient, web_data: WebData) -> None:
    secrets = {*SECRETS, *FRAGMENTS, *stored_sensitive_values(web_data)}
    assert len(secrets) > len(SECRETS) + len(FRAGMENTS), "the demo data should carry some too"
    checked = 0
    for url, body in every_public_response(client, web_data):
        for secret in secrets:
            assert secret not in body, f"{secret!r} leaked in {url}"
        checked += 1
    assert checked > len(web_data.published_ids)
