"""Sector from the words that name the workforce, workplace or employer."""

from __future__ import annotations

from picketline.domain.vocab import Sector
from picketline.extract.base import ExtractionDoc
from picketline.extract.pipeline import Extractor
from picketline.extract.sector import employer_sector


def sectors(text: str, language: str = "en") -> list[Sector]:
    extractor = _extractor()
    doc = ExtractionDoc(text, language=language)
    for stage in (*extractor.gate, *extractor.stages):
        stage(doc)
    best = sorted(doc.of("sector"), key=lambda f: -f.confidence)
    return [f.value for f in best]


_CACHE: dict[str, Extractor] = {}


def _extractor() -> Extractor:
    if "x" not in _CACHE:
        _CACHE["x"] = Extractor()
    return _CACHE["x"]


def test_specific_worker_nouns_decide() -> None:
    assert sectors("Nurses went on strike over staffing. Nurses picketed.")[0] is Sector.Q
    assert (
        sectors("Teachers went on strike over pay. The teachers' union backed them.")[0] is Sector.P
    )
    assert sectors("Шахтеры объявили забастовку. Шахтеры требуют зарплату.", "ru")[0] is Sector.B


def test_workplace_noun_next_to_generic_workers() -> None:
    text = "Workers at the cement plant went on strike. The workers want a raise."
    assert sectors(text)[0] is Sector.C


def test_employer_names_imply_sectors() -> None:
    assert employer_sector("Ridgeway Construction Company") is Sector.F
    assert employer_sector("Eastvale Waste Services") is Sector.E
    assert employer_sector("ДП «Лисичанськвугілля»") is Sector.B
    assert employer_sector("Harbor Bakery") is None
