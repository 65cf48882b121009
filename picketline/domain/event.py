"""Dated entries of a struggle's timeline."""

from __future__ import annotations

from dataclasses import dataclass

from picketline.domain.dates import PartialDate
from picketline.domain.vocab import EventKind


@dataclass(frozen=True)
class Event:
    """Something that happened in a struggle on a (possibly partial) date."""

    id: int | None
    struggle_id: int | None
    kind: EventKind
    date: PartialDate | None
    description: str = ""
    count: int | None = None
    source_id: int | None = None
