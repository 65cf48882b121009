"""The review API (``/api/v1/review``) with bearer tokens, on SQLite and PostgreSQL.

Also the heart of point 3: an editor's correction is an editor claim, and a
later report of the same strike merged in by ingestion does not undo it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from picketline.actions.ingest import OutcomeKind, do_ingest_document
from picketline.db import Database
from picketline.db.models_review import EditorClaimRow, RejectionRow
from picketline.db.struggles import get_struggle
from picketline.domain.vocab import StruggleStatus
from picketline.extract.pipeline import default_extractor
from picketline.ingest.raw import RawDocument
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import bearer_headers

# Written for these tests (an invented dispute), not taken from any corpus.
FIRST_REPORT = (
    "Hull bin workers strike over unpaid overtime\n"
    "\n"
    "Refuse collectors at the Wilmington depot in Hull walked out on Monday, 3 March "
    "2025, over months of unpaid overtime. About 85 workers employed by Humber Waste "
    "Services joined the strike, organised by the GMB union.\n"
    "\n"
    '"We have not been paid for the extra shifts since Christmas," said a driver on '
    "the picket line outside the depot gates. The company said it was reviewing the "
    "claims.\n"
)
LATER_REPORT = (
    "Hull refuse strike enters second week\n"
    "\n"
    "The strike by refuse collectors at the Wilmington depot in Hull continued on "
    "Tuesday, 11 March 2025. Around 90 workers of Humber Waste Services are still "
    "out, the GMB union said, demanding the unpaid overtime owed to them since "
    "December.\n"
)

OTHER_REPORT = (
    "Care workers occupy council offices in Grimsby\n"
    "\n"
    "Thirty home care workers occupied the lobby of the council offices in Grimsby on"
    " Wednesday, 5 March 2025, demanding pay for travel time between visits. The sit-"
    "in was called by the Unison branch after talks with Lincs Care Partnership broke"
    " down.\n"
)


def ingest(db: Database, text: str, published: str, url: str) -> tuple[int, ...]:
    from picketline.domain.dates import PartialDate

    raw = RawDocument(
        text=text, origin=url, retrieved=dt.datetime(2025, 3, 12, tzinfo=dt.UTC), url=url,
        outlet="Humber Labour News", published=PartialDate.parse(published),
    )  # fmt: skip
    outcome = do_ingest_document(db, default_extractor(), raw)
    assert outcome.kind is OutcomeKind.NEW, outcome.reason
    return outcome.struggle_ids


Tokens = Callable[[str], dict[str, str]]


@pytest.fixture
def app_client(db: Database, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, db)) as client:
        yield client


@pytest.fixture
def tokens(db: Database) -> Callable[[str], dict[str, str]]:
    made: dict[str, dict[str, str]] = {}

    def get(role: str) -> dict[str, str]:
        if role not in made:
            made[role] = bearer_headers(db, role)
        return made[role]

    return get


def test_queue_item_evidence_and_accept(
    db: Database, app_client: TestClient, tokens: Tokens
) -> None:
    (struggle_id,) = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    editor = tokens("editor")
    page = app_client.get("/api/v1/review", headers=editor).json()
    assert [i["id"] for i in page["items"]] == [struggle_id]
    item = app_client.get(f"/api/v1/review/{struggle_id}", headers=editor).json()
    assert item["status"] == "candidate" and item["fields"]["workplace"] == "Wilmington depot"
    text = item["sources"][0]["text"]
    quotes = {e["field"]: text[e["start"] : e["end"]] for e in item["evidence"]}
    assert quotes["workplace"] == "Wilmington depot"
    assert item["sensitive"] == {"detained_people": [], "contacts": [], "notes": None}

    # Contributors read the queue but may not publish; the public may not even read it.
    assert app_client.get("/api/v1/review").status_code == 401
    body = {"version": item["version"]}
    contributor = tokens("contributor")
    refused = app_client.post(
        f"/api/v1/review/{struggle_id}/accept", json=body, headers=contributor
    )
    assert refused.status_code == 403
    assert (
        app_client.get(f"/api/v1/review/{struggle_id}", headers=contributor).json()["sensitive"]
        is None
    )

    accepted = app_client.post(f"/api/v1/review/{struggle_id}/accept", json=body, headers=editor)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "published"
    assert app_client.get(f"/api/v1/struggles/{struggle_id}").status_code == 200


def test_stale_version_is_refused_with_what_changed(
    db: Database, app_client: TestClient, tokens: Tokens
) -> None:
    (struggle_id,) = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    editor = tokens("editor")
    version = app_client.get(f"/api/v1/review/{struggle_id}", headers=editor).json()["version"]
    first = {"version": version, "changes": {"workers": "bin lorry crews"}, "reason": "source"}
    assert (
        app_client.patch(f"/api/v1/review/{struggle_id}", json=first, headers=editor).status_code
        == 200
    )
    second = {"version": version, "changes": {"workers": "drivers"}}
    stale = app_client.patch(f"/api/v1/review/{struggle_id}", json=second, headers=tokens("admin"))
    assert stale.status_code == 409
    body = stale.json()
    assert body["changed"]["workers"] == {"then": "refuse collectors", "now": "bin lorry crews"}
    assert body["by"] == ["test-editor"] and body["current_version"] == version + 1
    record = get_struggle(db, struggle_id)
    assert record is not None and record.struggle.fields.workers == "bin lorry crews"


def test_reject_keeps_reason_and_contributor_edits_drafts_only(
    db: Database, app_client: TestClient, tokens: Tokens
) -> None:
    (struggle_id,) = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    contributor = tokens("contributor")
    version = app_client.get(f"/api/v1/review/{struggle_id}", headers=contributor).json()["version"]
    edit = {"version": version, "changes": {"employer": "Humber Waste Services Ltd"}}
    edited = app_client.patch(f"/api/v1/review/{struggle_id}", json=edit, headers=contributor)
    assert edited.status_code == 200 and edited.json()["edited_fields"] == ["employer"]
    empty = {"version": version + 1, "reason": "   "}
    # An empty reason is refused by the model (422) before anything is written.
    assert (
        app_client.post(
            f"/api/v1/review/{struggle_id}/reject",
            json={"version": version + 1, "reason": ""},
            headers=tokens("editor"),
        ).status_code
        == 422
    )
    blank = app_client.post(
        f"/api/v1/review/{struggle_id}/reject", json=empty, headers=tokens("editor")
    )
    assert blank.status_code == 400
    body = {"version": version + 1, "reason": "Not a labour dispute: a test article"}
    rejected = app_client.post(
        f"/api/v1/review/{struggle_id}/reject", json=body, headers=tokens("editor")
    )
    assert (
        rejected.status_code == 200 and rejected.json()["rejections"][0]["reason"] == body["reason"]
    )
    with db.session() as session:
        assert session.scalars(select(RejectionRow.reason)).all() == [body["reason"]]
    # A rejected struggle is no draft: a contributor may no longer edit it.
    again = {"version": version + 2, "changes": {"employer": "x"}}
    assert (
        app_client.patch(
            f"/api/v1/review/{struggle_id}", json=again, headers=contributor
        ).status_code
        == 403
    )


def test_editor_correction_survives_a_later_report_merged_in(
    db: Database, app_client: TestClient, tokens: Tokens
) -> None:
    (struggle_id,) = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    editor = tokens("editor")
    item = app_client.get(f"/api/v1/review/{struggle_id}", headers=editor).json()
    assert item["fields"]["place"]["name"] != "Hessle"  # the article says Hull
    changes = {
        "place": {"name": "Hessle", "country": "GB"},
        "workers": "refuse collectors and drivers",
        "participants": {"min": 85, "max": 85},
    }
    body = {
        "version": item["version"],
        "changes": changes,
        "reason": "the depot is in Hessle, outside Hull",
    }
    saved = app_client.patch(f"/api/v1/review/{struggle_id}", json=body, headers=editor)
    assert saved.status_code == 200, saved.text
    assert saved.json()["fields"]["place"]["geonames_id"] == 2647034  # looked up in the gazetteer

    merged_into = ingest(db, LATER_REPORT, "2025-03-11", "https://news.example.org/hull-2")
    assert merged_into == (struggle_id,)  # the later report merged into the corrected struggle
    after = app_client.get(f"/api/v1/review/{struggle_id}", headers=editor).json()
    assert len(after["sources"]) == 2
    assert after["fields"]["workers"] == "refuse collectors and drivers"
    assert after["fields"]["participants"] == {"min": 85, "max": 85}  # not the later report's 90
    assert after["fields"]["place"]["name"] == "Hessle"  # though both reports say Hull
    with db.session() as session:
        fields = set(
            session.scalars(
                select(EditorClaimRow.field).where(EditorClaimRow.struggle_id == struggle_id)
            )
        )
    assert fields == {"place", "workers", "participants"}


def test_merge_search_merge_split_and_bulk(
    db: Database, app_client: TestClient, tokens: Tokens
) -> None:
    first = ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")[0]
    editor = tokens("editor")
    other = ingest(db, OTHER_REPORT, "2025-03-05", "https://news.example.org/grimsby")[0]
    matches = app_client.get(
        f"/api/v1/review/{other}/matches", params={"q": "Wilmington"}, headers=editor
    )
    assert matches.status_code == 200 and first in [m["id"] for m in matches.json()]
    scores = [m["score"] for m in matches.json()]
    assert scores == sorted(scores, reverse=True)

    merged = app_client.post(f"/api/v1/review/{other}/merge", json={"into": first}, headers=editor)
    assert merged.status_code == 200 and merged.json()["id"] == first
    sources = merged.json()["sources"]
    assert len(sources) == 2
    split = app_client.post(
        f"/api/v1/review/{first}/split", json={"source_id": sources[1]["id"]}, headers=editor
    )
    assert split.status_code == 200 and len(split.json()["sources"]) == 1
    assert get_struggle(db, other).struggle.status is StruggleStatus.CANDIDATE  # type: ignore[union-attr]

    versions = {
        i["id"]: i["version"]
        for i in app_client.get("/api/v1/review", headers=editor).json()["items"]
    }
    items = [{"id": i, "version": v} for i, v in versions.items()]
    items[0]["version"] += 5  # one stale: reported, the other still decided
    result = app_client.post(
        "/api/v1/review/bulk", json={"decision": "accept", "items": items}, headers=editor
    )
    assert result.status_code == 200
    oks = sorted(r["ok"] for r in result.json()["results"])
    assert oks == [False, True]
    refused = app_client.post(
        "/api/v1/review/bulk",
        json={"decision": "accept", "items": items},
        headers=tokens("contributor"),
    )
    assert refused.status_code == 403


def test_sql_in_filters_is_only_text(db: Database, app_client: TestClient, tokens: Tokens) -> None:
    ingest(db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1")
    editor = tokens("editor")
    for params in (
        {"source": "x' OR '1'='1"},
        {"source": "%"},
        {"country": "U' --"},
        {"language": "en'; DROP TABLE struggles; --"},
    ):
        response = app_client.get("/api/v1/review", params=params, headers=editor)
        assert response.status_code == 200, params
        assert response.json()["total"] == 0, params  # the injection matched nothing
    assert (
        app_client.get("/api/v1/review", params={"source": "labour news"}, headers=editor).json()[
            "total"
        ]
        == 1
    )
    with db.session() as session:  # and the table is still there
        assert get_struggle(db, 1) is not None or session is not None
