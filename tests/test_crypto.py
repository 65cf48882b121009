"""Sensitive fields are encrypted at rest, and the key is checked before any use."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from picketline.access.crypto import (
    FieldCipher,
    create_key_file,
    encode_key,
    generate_key,
    load_key,
)
from picketline.actions.struggles import do_create_struggle, do_update_struggle
from picketline.db import Database
from picketline.domain.struggle import SensitiveData
from picketline.errors import ConfigurationError, StorageError
from picketline.settings import Settings
from tests.db_fixtures import CONTACT, DETAINED_NAME, NOTE, REPORTER, full_bundle


def test_each_value_gets_its_own_nonce() -> None:
    cipher = FieldCipher(generate_key())
    one = cipher.encrypt("Ivan Ivanov", column="c")
    two = cipher.encrypt("Ivan Ivanov", column="c")
    assert one != two
    assert cipher.decrypt(one, column="c") == cipher.decrypt(two, column="c") == "Ivan Ivanov"


def test_ciphertext_is_bound_to_its_column_and_detects_tampering() -> None:
    cipher = FieldCipher(generate_key())
    token = cipher.encrypt("secret", column="a")
    with pytest.raises(StorageError):
        cipher.decrypt(token, column="b")
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    with pytest.raises(StorageError):
        cipher.decrypt(tampered, column="a")
    with pytest.raises(StorageError):
        FieldCipher(generate_key()).decrypt(token, column="a")


def test_key_file_is_private_and_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "dir" / "picketline.key"
    assert create_key_file(path)
    first = path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not create_key_file(path)
    assert path.read_text() == first
    settings = Settings(data_dir=tmp_path, key_file=path, encryption_key=None)
    assert load_key(settings) is not None


@pytest.mark.parametrize("bad", ["not base64!!", encode_key(b"short")])
def test_malformed_key_is_a_configuration_error(settings: Settings, bad: str) -> None:
    with pytest.raises(ConfigurationError, match="encryption key"):
        load_key(settings.model_copy(update={"encryption_key": bad}))


def test_wrong_key_is_refused_at_open(db_settings: Settings) -> None:
    Database.open(db_settings).close()  # records the key's check value
    other = db_settings.model_copy(update={"encryption_key": encode_key(generate_key())})
    with pytest.raises(ConfigurationError, match="wrong encryption key"):
        Database.open(other)


def test_missing_key_is_refused_when_data_is_encrypted(db_settings: Settings) -> None:
    Database.open(db_settings).close()
    keyless = db_settings.model_copy(update={"encryption_key": None})
    with pytest.raises(ConfigurationError, match="no encryption key"):
        Database.open(keyless)


def test_without_a_key_sensitive_data_is_never_written(sqlite_settings: Settings) -> None:
    keyless = sqlite_settings.model_copy(update={"encryption_key": None})
    with Database.open(keyless) as db:
        with pytest.raises(ConfigurationError, match="no encryption key"):
            do_create_struggle(db, full_bundle(), actor="a")
        with db.session() as session:
            assert session.scalar(text("SELECT count(*) FROM struggles")) == 0


def test_sensitive_values_are_not_in_the_sqlite_file(sqlite_settings: Settings) -> None:
    with Database.open(sqlite_settings) as db:
        struggle_id = do_create_struggle(db, full_bundle(), actor="a")
        do_update_struggle(
            db,
            struggle_id,
            expected_version=1,
            changes={"sensitive": SensitiveData((DETAINED_NAME, "Second Person"), (), NOTE)},
            actor="a",
            reason="another detention",
        )
        with db.session() as session:
            token = session.scalar(text("SELECT sensitive_enc FROM struggles"))
            assert token is not None and token.startswith("v1:")
        raw = b"".join(p.read_bytes() for p in sqlite_settings.data_dir.glob("picketline.sqlite3*"))
        assert b"Vorkuta" in raw  # the public fields are there in plain text...
        for secret in (DETAINED_NAME, CONTACT, NOTE, REPORTER, "Second Person"):
            assert secret.encode() not in raw, secret  # ...the sensitive ones are not
    key = sqlite_settings.encryption_key
    assert key is not None and key.encode() not in raw
