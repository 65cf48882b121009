"""Links in emails: forged, reused, expired and wrong-purpose tokens are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from picketline.db import Database
from picketline.notify.tokens import (
    TokenError,
    make_token,
    purge_spent,
    read_token,
    spend_token,
)
from picketline.settings import Settings

HOUR = dt.timedelta(hours=1)
NOW = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)


def test_a_genuine_token_says_purpose_and_subject(settings: Settings) -> None:
    token = make_token(settings, "confirm_pledge", 42, lifetime=HOUR, now=NOW)
    claims = read_token(settings, token, "confirm_pledge", now=NOW)
    assert (claims.purpose, claims.subject) == ("confirm_pledge", "42")
    assert claims.expires_at == NOW + HOUR


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature changed
        lambda t: "eyJwIjoiY29uZmlybV9wbGVkZ2UiLCJzIjoiNDMifQ" + t[t.index(".") :],  # payload
        lambda t: t.split(".")[0],  # no signature
        lambda t: "",
        lambda t: "not a token at all",
        lambda t: t + ".extra",
        lambda t: "ä" * 20 + "." + "ö" * 10,
        lambda t: "x" * 5000,
    ],
)
def test_forged_tokens_are_refused(settings: Settings, tamper: object) -> None:
    token = make_token(settings, "confirm_pledge", 42, lifetime=HOUR, now=NOW)
    forged = tamper(token)  # type: ignore[operator]
    with pytest.raises(TokenError) as caught:
        read_token(settings, forged, "confirm_pledge", now=NOW)
    assert caught.value.reason == "forged"
    assert "not valid" in str(caught.value)


def test_a_token_signed_with_another_secret_is_forged(settings: Settings) -> None:
    other = settings.model_copy(update={"secret_key": "another-secret"})
    token = make_token(other, "confirm_pledge", 1, lifetime=HOUR, now=NOW)
    with pytest.raises(TokenError) as caught:
        read_token(settings, token, "confirm_pledge", now=NOW)
    assert caught.value.reason == "forged"


def test_an_expired_token_is_refused(settings: Settings) -> None:
    token = make_token(settings, "confirm_pledge", 1, lifetime=HOUR, now=NOW)
    read_token(settings, token, "confirm_pledge", now=NOW + HOUR - dt.timedelta(seconds=1))
    with pytest.raises(TokenError) as caught:
        read_token(settings, token, "confirm_pledge", now=NOW + HOUR)
    assert caught.value.reason == "expired"
    assert "expired" in str(caught.value)


def test_a_token_for_another_purpose_is_refused(settings: Settings) -> None:
    token = make_token(settings, "unsubscribe", 1, lifetime=HOUR, now=NOW)
    with pytest.raises(TokenError) as caught:
        read_token(settings, token, "delete_data", now=NOW)
    assert caught.value.reason == "wrong_purpose"


def test_a_token_works_once(db: Database, db_settings: Settings) -> None:
    token = make_token(db_settings, "confirm_pledge", 7, lifetime=HOUR)
    with db.transaction() as session:
        assert spend_token(session, db_settings, token, "confirm_pledge").subject == "7"
    with pytest.raises(TokenError) as caught, db.transaction() as session:
        spend_token(session, db_settings, token, "confirm_pledge")
    assert caught.value.reason == "used"
    assert "already been used" in str(caught.value)
    fresh = make_token(db_settings, "confirm_pledge", 7, lifetime=HOUR)
    with db.transaction() as session:  # another token for the same subject still works
        spend_token(session, db_settings, fresh, "confirm_pledge")


def test_spent_tokens_are_forgotten_only_after_they_expire(
    db: Database, db_settings: Settings
) -> None:
    token = make_token(db_settings, "confirm_pledge", 7, lifetime=HOUR, now=NOW)
    with db.transaction() as session:
        spend_token(session, db_settings, token, "confirm_pledge", now=NOW)
    with db.transaction() as session:
        assert purge_spent(session, now=NOW + dt.timedelta(minutes=30)) == 0
    with pytest.raises(TokenError), db.transaction() as session:
        spend_token(session, db_settings, token, "confirm_pledge", now=NOW)
    with db.transaction() as session:
        assert purge_spent(session, now=NOW + 2 * HOUR) == 1
    with pytest.raises(TokenError) as caught, db.transaction() as session:
        spend_token(session, db_settings, token, "confirm_pledge", now=NOW + 2 * HOUR)
    assert caught.value.reason == "expired"
