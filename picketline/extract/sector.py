"""Sector: the ISIC section of the workforce, from the words that name it.

Evidence comes in order of strength: a specific worker noun ("nurses" → Q),
a named workplace ("шахта «Заречная»" → B), a workplace noun next to the
workers ("workers at the plant" → C), then the employer's name ("...
Construction Company" → F). Each becomes a ``sector`` finding whose
confidence says which kind it was; assembly takes the strongest per struggle.
"""

from __future__ import annotations

import re

from picketline.domain.vocab import Sector
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.actors import EMPLOYER_SECTOR_WORDS, WORKPLACE_NOUNS
from picketline.extract.patterns import doc_sentences

WORKER_CONFIDENCE = 0.9
WORKPLACE_CONFIDENCE = 0.8
EMPLOYER_CONFIDENCE = 0.7
CONTEXT_CONFIDENCE = 0.6

_EMPLOYER_WORDS = [
    (re.compile(rf"\b(?:{p})\b", re.IGNORECASE), s) for p, s in EMPLOYER_SECTOR_WORDS
]


def employer_sector(name: str) -> Sector | None:
    """The sector a company name implies ("Allerdale Waste Services" → E), if any."""
    return next((sector for regex, sector in _EMPLOYER_WORDS if regex.search(name)), None)


class SectorStage:
    """Turns actor findings (and workplace nouns near workers) into ``sector`` findings."""

    name = "sector"

    def __init__(self) -> None:
        self.nouns = {
            lang: [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), s) for p, s in entries if s]
            for lang, entries in WORKPLACE_NOUNS.items()
        }

    def __call__(self, doc: ExtractionDoc) -> None:
        for finding in doc.of("workers"):
            if finding.attrs.get("sector"):
                self._add(doc, finding, finding.attrs["sector"], WORKER_CONFIDENCE)
        for finding in doc.of("workplace"):
            if finding.attrs.get("sector"):
                self._add(doc, finding, finding.attrs["sector"], WORKPLACE_CONFIDENCE)
        for finding in doc.of("employer"):
            sector = employer_sector(str(finding.value))
            if sector:
                self._add(doc, finding, sector, EMPLOYER_CONFIDENCE)
        self._context(doc)

    def _context(self, doc: ExtractionDoc) -> None:
        """Workplace nouns in sentences that name workers ("miners blocked the mine's train")."""
        with_workers = {f.attrs.get("sentence") for f in doc.of("workers")}
        for sentence in doc_sentences(doc):
            if sentence.index not in with_workers:
                continue
            for regex, sector in self.nouns.get(doc.language or "en", []):
                match = regex.search(sentence.text)
                if match:
                    start = sentence.start + match.start()
                    doc.add(
                        Finding(
                            "sector",
                            sector,
                            start,
                            sentence.start + match.end(),
                            CONTEXT_CONFIDENCE,
                            {"sentence": sentence.index},
                        )
                    )

    @staticmethod
    def _add(doc: ExtractionDoc, source: Finding, sector: Sector, confidence: float) -> None:
        doc.add(
            Finding(
                "sector",
                sector,
                source.start,
                source.end,
                confidence,
                {"sentence": source.attrs.get("sentence"), "from": source.field},
            )
        )
