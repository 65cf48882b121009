"""The contract every extraction stage shares.

A stage is built once from settings (loading its gazetteer, dictionaries or
patterns), then called once per document. It reads the ``ExtractionDoc`` —
the text, its language, publication date and the findings of earlier stages —
and appends findings of its own. The assembly stage turns findings into
FORMAT.md struggles. The stage order is data (see ``pipeline.py``), not code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Protocol

from picketline.domain.dates import PartialDate
from picketline.domain.struggle import StruggleFields


@dataclass(frozen=True)
class Finding:
    """One fact a stage read from the text, with the characters it came from.

    ``field`` is a FORMAT.md field name (``actions``, ``place``, ``start`` ...)
    or an internal one prefixed with ``_`` (``_relevance``, ``_negation``...).
    ``value`` is the field's domain value (an ``Action``, a ``Place``, a
    ``PartialDate``, a ``Participants``...). ``start``/``end`` are character
    offsets into ``ExtractionDoc.text``.
    """

    field: str
    value: Any
    start: int
    end: int
    confidence: float = 0.8
    attrs: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass
class ExtractionDoc:
    """A document travelling through the pipeline."""

    text: str
    language: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    findings: list[Finding] = dataclasses.field(default_factory=list)
    relevant: bool | None = None
    notes: list[str] = dataclasses.field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def of(self, field_name: str) -> list[Finding]:
        """The findings for one field, in text order."""
        return sorted((f for f in self.findings if f.field == field_name), key=lambda f: f.start)


class Stage(Protocol):
    """One step of the pipeline. Build once (``__init__``), call per document."""

    name: str

    def __call__(self, doc: ExtractionDoc) -> None: ...


@dataclass(frozen=True)
class ExtractedStruggle:
    """A struggle as extraction proposes it: fields, confidence, evidence spans."""

    fields: StruggleFields
    confidence: float
    evidence: dict[str, list[tuple[int, int]]]

    def to_format(self) -> dict[str, Any]:
        out = self.fields.to_format()
        out["confidence"] = round(self.confidence, 3)
        out["evidence"] = {k: [list(span) for span in v] for k, v in self.evidence.items() if v}
        return out


@dataclass(frozen=True)
class Extraction:
    """What ``extract()`` returns: the FORMAT.md document object."""

    language: str | None
    published: PartialDate | None
    url: str | None
    relevant: bool
    struggles: list[ExtractedStruggle]
    text_file: str | None = None
    notes: tuple[str, ...] = ()

    def to_format(self) -> dict[str, Any]:
        """The JSON object FORMAT.md defines (``document``, ``relevant``, ``struggles``)."""
        return {
            "document": {
                "text_file": self.text_file,
                "language": self.language,
                "published": self.published.isoformat() if self.published else None,
                "url": self.url,
            },
            "relevant": self.relevant,
            "struggles": [s.to_format() for s in self.struggles],
        }
