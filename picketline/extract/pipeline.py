"""The extraction pipeline: a list of stage factories, built once, run per document.

The order is data (``STAGES``): language → relevance (the cheap gate; most
news stops here) → actions → actors → places → dates → counts → sector →
demands → outcome → repression, then assembly into FORMAT.md struggles.
A stage that a document does not need (an irrelevant or unsupported one)
is never run on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import lru_cache

from picketline.domain.dates import PartialDate
from picketline.extract.actions import ActionStage
from picketline.extract.actors import ActorStage
from picketline.extract.assemble import Assembler
from picketline.extract.base import Extraction, ExtractionDoc, Stage
from picketline.extract.counts import CountStage
from picketline.extract.dates import DateStage
from picketline.extract.demands import DemandStage
from picketline.extract.language import LanguageStage
from picketline.extract.outcome import OutcomeStage
from picketline.extract.places import PlaceStage
from picketline.extract.relevance import MAX_CHARS, RelevanceStage
from picketline.extract.repression import RepressionStage
from picketline.extract.sector import SectorStage
from picketline.settings import Settings

log = logging.getLogger(__name__)

StageFactory = Callable[[Settings | None], Stage]

GATE: tuple[StageFactory, ...] = (
    lambda settings: LanguageStage(),
    lambda settings: RelevanceStage(),
)
STAGES: tuple[StageFactory, ...] = (
    lambda settings: ActionStage(),
    lambda settings: ActorStage(),
    PlaceStage.from_settings,
    lambda settings: DateStage(),
    lambda settings: CountStage(),
    lambda settings: SectorStage(),
    lambda settings: DemandStage(),
    lambda settings: OutcomeStage(),
    lambda settings: RepressionStage(),
)


class Extractor:
    """Builds every stage once; ``extract`` runs them on one document."""

    def __init__(
        self,
        settings: Settings | None = None,
        gate: Sequence[StageFactory] = GATE,
        stages: Sequence[StageFactory] = STAGES,
    ) -> None:
        self.settings = settings
        self.gate = [factory(settings) for factory in gate]
        self.stages = [factory(settings) for factory in stages]
        self.assemble = Assembler()

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in (*self.gate, *self.stages)] + ["assemble"]

    def extract(
        self,
        text: str,
        *,
        published: PartialDate | str | None = None,
        url: str | None = None,
        language: str | None = None,
    ) -> Extraction:
        """The FORMAT.md reading of one article (``published`` may be an ISO string)."""
        when = PartialDate.parse(published) if isinstance(published, str) else published
        doc = ExtractionDoc(text=text, language=language, published=when, url=url)
        for stage in self.gate:
            stage(doc)
            if doc.relevant is False:
                return _result(doc, [])
        heavy = ExtractionDoc(
            text[:MAX_CHARS], doc.language, when, url, doc.findings, doc.relevant, doc.notes
        )
        for stage in self.stages:
            _run(stage, heavy)
        return _result(doc, self.assemble(heavy))


def _run(stage: Stage, doc: ExtractionDoc) -> None:
    """Run one enrichment stage; a failing one costs its fields, not the document."""
    try:
        stage(doc)
    except Exception as error:  # any stage bug must not lose the article
        log.exception("extraction stage %s failed", stage.name)
        doc.notes.append(f"stage {stage.name} failed: {type(error).__name__}: {error}")


def _result(doc: ExtractionDoc, struggles: list) -> Extraction:
    relevant = bool(doc.relevant) and bool(struggles)
    return Extraction(
        language=doc.language,
        published=doc.published,
        url=doc.url,
        relevant=relevant,
        struggles=struggles if relevant else [],
        notes=tuple(doc.notes),
    )


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The process-wide extractor behind ``extract()`` (built on first use)."""
    return Extractor()


def extract(
    text: str,
    *,
    published: PartialDate | str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Extraction:
    """Extract the workers' struggles an article reports (see ``Extractor.extract``)."""
    return default_extractor().extract(text, published=published, url=url, language=language)
