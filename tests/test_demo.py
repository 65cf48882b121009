"""The demo generator: varied, deterministic, and unmistakably demo data."""

from __future__ import annotations

from picketline.actions.struggles import do_create_struggles
from picketline.db import Database
from picketline.db.struggles import count_struggles, list_struggles
from picketline.demo import DEMO_PREFIX, generate_demo
from picketline.domain.vocab import Sector, StruggleStatus


def test_same_seed_same_data_other_seed_other_data() -> None:
    assert list(generate_demo(30, seed=4)) == list(generate_demo(30, seed=4))
    assert list(generate_demo(30, seed=4)) != list(generate_demo(30, seed=5))


def test_demo_data_is_marked_and_varied() -> None:
    bundles = list(generate_demo(600, seed=0))
    countries = {b.struggle.fields.place.country for b in bundles if b.struggle.fields.place}
    sectors = {b.struggle.fields.sector for b in bundles}
    statuses = [b.struggle.status for b in bundles]
    assert len(countries) >= 15
    assert sectors == set(Sector)
    assert 0.7 < statuses.count(StruggleStatus.PUBLISHED) / len(bundles) < 0.95
    assert StruggleStatus.CANDIDATE in statuses
    assert any(not b.struggle.sensitive.is_empty() for b in bundles)
    for bundle in bundles:
        struggle = bundle.struggle
        assert struggle.is_demo and struggle.title and struggle.title.startswith(DEMO_PREFIX)
        assert 1 <= len(bundle.sources) <= 3
        assert 1 <= len(bundle.events) <= 6
        dates = [e.date.first_day() for e in bundle.events if e.date]
        assert dates == sorted(dates)
        for new in bundle.sources:
            assert new.source.is_demo and new.source.url and ".invalid/" in new.source.url
            assert "synthetic demo text" in new.source.text
            for evidence in new.evidence:
                assert new.source.text[evidence.start : evidence.end] == evidence.quote


def test_demo_data_stores_and_lists(sqlite_db: Database) -> None:
    assert do_create_struggles(sqlite_db, generate_demo(50), actor="system:demo") == 50
    assert count_struggles(sqlite_db) == 50
    page, _ = list_struggles(sqlite_db, limit=5)
    assert all(r.struggle.is_demo and r.sources for r in page)
