"""The public report form: stored safely, read by extraction, put in the review queue.

Attacks, each with what the sender sees and what must not be stored: script
in every field, a 50 MB upload (declared and undeclared length), a non-image
posing as a JPEG, a photo with GPS EXIF data, a flood of submissions.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, select, text

from picketline.db import Database
from picketline.db.models import SourceRow, StruggleRow
from picketline.db.models_review import SubmissionImageRow, SubmissionRow
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import bearer_headers, create_user, csrf_form, sign_in

REPORT = {
    "what": "Forty cleaners at the Riverside hospital in Leeds stopped work on Friday "
    "because their wages for October have not been paid. The Unison union backs them.",
    "where": "Riverside hospital, Leeds, United Kingdom",
    "when": "7 November 2025",
    "contact": "signal: +44 7700 900123 (Aisha)",
}
GPS_CAMERA = "SecretCam-9000"


@pytest.fixture
def client(db: Database, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, db)) as test_client:
        yield test_client


def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as session:
        return (
            session.scalar(select(func.count()).select_from(SubmissionRow)) or 0,
            session.scalar(select(func.count()).select_from(SourceRow)) or 0,
            session.scalar(select(func.count()).select_from(StruggleRow)) or 0,
        )


def photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = GPS_CAMERA  # Make
    exif[0x8825] = {1: "N", 2: (53.0, 48.0, 0.0), 3: "W", 4: (1.0, 32.0, 0.0)}  # GPS IFD
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 20, 20)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def all_database_text(db: Database) -> str:
    """Every value of every table, as text (to prove what is NOT stored anywhere)."""
    chunks = []
    with db.session() as session:
        for table in db.table_names():
            if table.startswith(("struggle_search_", "alembic")):
                continue
            for row in session.execute(text(f'SELECT * FROM "{table}"')):
                chunks.append(" ".join(str(v) for v in row))
    return "\n".join(chunks)


def test_report_reaches_the_queue_with_encrypted_contact_and_clean_image(
    client: TestClient, db: Database, settings: Settings
) -> None:
    assert client.get("/report").status_code == 200
    files = [("images", ("holiday.jpg", photo_with_gps(), "image/jpeg"))]
    response = client.post(
        "/report", data=csrf_form(client, **REPORT), files=files,
        headers={"User-Agent": "AgentSmith/1.0 (unique)"}, follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303, response.text
    assert client.get(response.headers["location"]).text.count("Thank you") == 1
    submissions, sources, struggles = counts(db)
    assert (submissions, sources) == (1, 1) and struggles >= 1

    stored = all_database_text(db)
    for secret in ("7700 900123", "Aisha", "AgentSmith", "testclient", GPS_CAMERA):
        assert secret not in stored  # the contact only encrypted; no agent, no address
    with db.session() as session:
        image = session.scalars(select(SubmissionImageRow)).one()
        struggle_id = session.scalar(select(SubmissionRow.struggle_id))
    path = settings.data_dir / "uploads" / "reports" / image.file_name
    data = path.read_bytes()
    assert GPS_CAMERA.encode() not in data and not Image.open(io.BytesIO(data)).getexif()

    editor = bearer_headers(db, "editor")
    item = client.get(f"/api/v1/review/{struggle_id}", headers=editor).json()
    assert item["status"] == "candidate" and item["submitted"] is True
    assert item["sources"][0]["reporter_contact"] == REPORT["contact"]  # editors read it
    assert "Riverside hospital" in item["sources"][0]["text"]
    assert REPORT["contact"] not in item["sources"][0]["text"]
    image_url = item["images"][0]["url"]
    assert client.get(image_url).status_code == 401  # the public cannot fetch it
    with TestClient(client.app) as signed:
        sign_in(signed, db, create_user(db, "editor").name)
        fetched = signed.get(image_url)
        assert fetched.status_code == 200 and fetched.headers["content-type"] == "image/jpeg"
        assert fetched.content == data
        assert signed.get("/review/images/..%2f..%2fpicketline.key").status_code == 404
    contributor = bearer_headers(db, "contributor")
    seen = client.get(f"/api/v1/review/{struggle_id}", headers=contributor).json()
    assert seen["sources"][0]["reporter_contact"] is None and seen["images"] == []
    # Nothing of it is public.
    assert client.get(f"/api/v1/struggles/{struggle_id}").status_code == 404


def test_unreadable_report_still_reaches_the_queue(client: TestClient, db: Database) -> None:
    what = "Something is going on at our place and we need someone to call us back soon."
    response = client.post("/report", data=csrf_form(client, what=what), follow_redirects=False)
    assert response.status_code == 303
    editor = bearer_headers(db, "editor")
    queue = client.get("/api/v1/review", headers=editor).json()
    assert queue["total"] == 1 and queue["items"][0]["title"].startswith("Report:")


def test_script_in_every_field_is_stored_as_text_and_rendered_inert(
    client: TestClient, db: Database
) -> None:
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    fields = {k: f"{payload} strike of nurses over unpaid wages {k}" for k in REPORT}
    assert (
        client.post("/report", data=csrf_form(client, **fields), follow_redirects=False).status_code
        == 303
    )
    with db.session() as session:
        struggle_id = session.scalar(select(SubmissionRow.struggle_id))
    editor = TestClient(client.app)
    sign_in(editor, db, create_user(db, "editor").name)
    page = editor.get(f"/review/{struggle_id}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert" in page.text  # shown to the editor as the words it is
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_missing_csrf_token_is_refused_and_nothing_stored(client: TestClient, db: Database) -> None:
    response = client.post("/report", data=REPORT)
    assert response.status_code == 403  # the sender sees "This form has expired..."
    assert counts(db) == (0, 0, 0)


def test_non_image_posing_as_jpeg_is_refused(
    client: TestClient, db: Database, settings: Settings
) -> None:
    fake = b"#!/bin/sh\nrm -rf /\n" * 100
    files = [("images", ("photo.jpg", fake, "image/jpeg"))]
    response = client.post("/report", data=csrf_form(client, **REPORT), files=files)
    assert response.status_code == 400
    assert "not a readable image" in response.text  # what the sender sees
    assert counts(db) == (0, 0, 0)
    assert not any((settings.data_dir / "uploads").rglob("*.*"))


def test_fifty_megabytes_are_refused_with_413_before_storing(
    client: TestClient, db: Database, settings: Settings
) -> None:
    big = b"\xff\xd8" + b"0" * (50 * 1024 * 1024)
    files = [("images", ("huge.jpg", big, "image/jpeg"))]
    response = client.post("/report", data=csrf_form(client, **REPORT), files=files)
    assert response.status_code == 413
    assert "too large" in response.text
    assert counts(db) == (0, 0, 0)


def test_an_undeclared_length_is_cut_off_while_reading(client: TestClient, db: Database) -> None:
    """Chunked, no Content-Length: the counter stops it as soon as it passes the limit."""
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        boundary = (
            b'--xyz\r\nContent-Disposition: form-data; name="images"; filename="a.jpg"\r\n\r\n'
        )
        yield boundary
        for _ in range(50):
            sent += 1024 * 1024
            yield b"0" * (1024 * 1024)

    token = csrf_form(client)["csrf_token"]
    response = client.post(
        "/report", content=body(),
        headers={"Content-Type": "multipart/form-data; boundary=xyz", "X-CSRF-Token": token},
    )  # fmt: skip
    assert response.status_code == 413
    assert counts(db) == (0, 0, 0)


def test_a_flood_gets_429_after_the_limit(
    client: TestClient, db: Database, settings: Settings
) -> None:
    limit = settings.reports_per_client_per_hour
    codes = []
    for n in range(limit + 3):
        fields = {**REPORT, "what": REPORT["what"] + f" Report number {n}."}
        codes.append(
            client.post(
                "/report", data=csrf_form(client, **fields), follow_redirects=False
            ).status_code
        )
    assert codes == [303] * limit + [429] * 3
    assert counts(db)[0] == limit  # the refused ones stored nothing


def test_too_short_report_says_what_to_fix(client: TestClient, db: Database) -> None:
    response = client.post("/report", data=csrf_form(client, what="strike"))
    assert response.status_code == 400
    assert "at least 20 characters" in response.text
    assert counts(db) == (0, 0, 0)
