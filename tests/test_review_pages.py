"""The review pages with real sign-ins (session cookie + CSRF), on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from picketline.db import Database
from picketline.db.struggles import get_struggle
from picketline.domain.vocab import StruggleStatus
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import client_as, csrf_form
from tests.test_review_api import FIRST_REPORT, ingest

HOSTILE = FIRST_REPORT + '\n<script>window.__pwned=1</script><img src=x onerror="alert(2)">\n'


@pytest.fixture
def app(db: Database, settings: Settings) -> Iterator[FastAPI]:
    with TestClient(create_app(settings, db)) as client:
        assert isinstance(client.app, FastAPI)
        yield client.app


def test_queue_needs_a_sign_in_and_lists_candidates(app: FastAPI, db: Database) -> None:
    (struggle_id,) = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    public = client_as(app, db, "public")
    assert public.get("/review").status_code == 401
    editor = client_as(app, db, "editor")
    page = editor.get("/review")
    assert page.status_code == 200
    assert f'href="/review/{struggle_id}"' in page.text
    assert "Accept selected" in page.text
    contributor = client_as(app, db, "contributor")
    assert "Accept selected" not in contributor.get("/review").text  # contributors cannot decide


def test_item_highlights_evidence_and_escapes_the_article(app: FastAPI, db: Database) -> None:
    (struggle_id,) = ingest(db, HOSTILE, "2025-03-04", "https://news.example.org/hull-x")
    editor = client_as(app, db, "editor")
    page = editor.get(f"/review/{struggle_id}")
    assert page.status_code == 200
    marks = re.findall(r'<mark class="ev" id="(ev-\d+-\w+)"[^>]*>([^<]*)</mark>', page.text)
    by_id = dict(marks)
    source_id = get_struggle(db, struggle_id).sources[0].id  # type: ignore[union-attr]
    assert by_id[f"ev-{source_id}-workplace"] == "Wilmington depot"
    assert f'href="#ev-{source_id}-workplace"' in page.text  # the field links to its evidence
    assert "<script>window.__pwned" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;window.__pwned" in page.text


def test_form_edit_then_stale_form_gets_conflict_and_nothing_is_overwritten(
    app: FastAPI, db: Database
) -> None:
    (struggle_id,) = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    first, second = client_as(app, db, "editor"), client_as(app, db, "admin")
    version = get_struggle(db, struggle_id).struggle.version  # type: ignore[union-attr]
    form = {"version": str(version), "place_name": "Hessle", "place_country": "GB",
            "actions": "strike", "workers": "refuse collectors", "workplace": "Wilmington depot",
            "employer": "Humber Waste Services", "sector": "E", "unions": "GMB",
            "start": "2025-03-03",
            "participants_min": "85", "participants_max": "85", "demands": "unpaid_wages",
            "outcome": "ongoing"}  # fmt: skip
    saved = first.post(
        f"/review/{struggle_id}/edit", data=csrf_form(first, **form), follow_redirects=False
    )
    assert saved.status_code == 303, saved.text
    record = get_struggle(db, struggle_id)
    assert record is not None and record.struggle.fields.place.name == "Hessle"  # type: ignore[union-attr]
    stale = {**form, "workers": "drivers", "place_name": "Hull", "place_country": "US"}
    refused = second.post(f"/review/{struggle_id}/edit", data=csrf_form(second, **stale))
    assert refused.status_code == 409
    assert "Someone else changed this struggle after you opened it" in refused.text
    assert "Hessle" in refused.text and "test-editor" in refused.text
    record = get_struggle(db, struggle_id)
    assert record is not None and record.struggle.fields.workers == "refuse collectors"
    assert record.struggle.fields.place.name == "Hessle"  # type: ignore[union-attr]


def test_accept_reject_and_bulk_by_form(app: FastAPI, db: Database) -> None:
    (one,) = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    editor = client_as(app, db, "editor")
    version = get_struggle(db, one).struggle.version  # type: ignore[union-attr]
    no_reason = editor.post(
        f"/review/{one}/reject", data=csrf_form(editor, version=str(version), reason="")
    )
    assert no_reason.status_code == 400 and "give a reason" in no_reason.text
    forged = editor.post(
        f"/review/{one}/accept", data={"version": str(version), "csrf_token": "forged"}
    )
    assert forged.status_code == 403
    contributor = client_as(app, db, "contributor")
    assert (
        contributor.post(
            f"/review/{one}/accept", data=csrf_form(contributor, version=str(version))
        ).status_code
        == 403
    )
    done = editor.post(
        f"/review/{one}/accept",
        data=csrf_form(editor, version=str(version)),
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert get_struggle(db, one).struggle.status is StruggleStatus.PUBLISHED  # type: ignore[union-attr]
    assert client_as(app, db, "public").get(f"/struggles/{one}").status_code == 200


def test_sql_in_page_filters(app: FastAPI, db: Database) -> None:
    ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    editor = client_as(app, db, "editor")
    page = editor.get(
        "/review", params={"source": "' UNION SELECT sensitive_enc FROM struggles --"}
    )
    assert page.status_code == 200 and "Nothing waits for review" in page.text
    assert editor.get("/review", params={"page": "1 OR 1=1"}).status_code == 400
