"""A struggle: one workforce, one dispute (FORMAT.md), and its review state.

``StruggleFields`` is exactly the FORMAT.md struggle; extraction produces it,
the scorer compares it, storage keeps it. ``Struggle`` adds identity, review
status, optimistic-locking version and the sensitive, person-level data that
only privileged roles may read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any

from picketline.domain.dates import PartialDate
from picketline.domain.place import Place
from picketline.domain.vocab import Action, Demand, Outcome, RepressionType, Sector, StruggleStatus


@dataclass(frozen=True)
class Participants:
    """A head count as the source gives it: ``more than 100`` is ``min=100``."""

    min: int | None = None
    max: int | None = None

    def __post_init__(self) -> None:
        if self.min is None and self.max is None:
            raise ValueError("a head count needs min or max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"head count min {self.min} is above max {self.max}")

    def to_format(self) -> dict[str, int]:
        return {k: v for k, v in (("min", self.min), ("max", self.max)) if v is not None}


@dataclass(frozen=True)
class Repression:
    """One kind of repression, with a count where the source gives one."""

    type: RepressionType
    count: int | None = None

    def to_format(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type.value}
        if self.count is not None:
            out["count"] = self.count
        return out


@dataclass(frozen=True)
class StruggleFields:
    """The FORMAT.md struggle. Every field but ``actions`` is optional."""

    actions: tuple[Action, ...]
    workers: str | None = None
    sector: Sector | None = None
    workplace: str | None = None
    employer: str | None = None
    unions: tuple[str, ...] = ()
    place: Place | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    participants: Participants | None = None
    demands: tuple[Demand, ...] = ()
    outcome: Outcome | None = None
    repression: tuple[Repression, ...] = ()
    background: bool = False

    def to_format(self) -> dict[str, Any]:
        """The FORMAT.md JSON object, leaving out every field that is not stated."""
        out: dict[str, Any] = {"actions": [a.value for a in self.actions]}
        for name in ("workers", "workplace", "employer"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.sector:
            out["sector"] = self.sector.value
        if self.unions:
            out["unions"] = list(self.unions)
        if self.place:
            out["place"] = self.place.to_format()
        if self.start:
            out["start"] = self.start.isoformat()
        if self.end:
            out["end"] = self.end.isoformat()
        if self.participants:
            out["participants"] = self.participants.to_format()
        if self.demands:
            out["demands"] = [d.value for d in self.demands]
        if self.outcome:
            out["outcome"] = self.outcome.value
        if self.repression:
            out["repression"] = [r.to_format() for r in self.repression]
        if self.background:
            out["background"] = True
        return out

    @classmethod
    def from_format(cls, data: dict[str, Any]) -> StruggleFields:
        """Read a FORMAT.md struggle; raises ValueError on unknown codes."""
        participants = data.get("participants")
        return cls(
            actions=tuple(Action(a) for a in data.get("actions", [])),
            workers=data.get("workers"),
            sector=Sector(data["sector"]) if data.get("sector") else None,
            workplace=data.get("workplace"),
            employer=data.get("employer"),
            unions=tuple(data.get("unions", [])),
            place=Place.from_format(data["place"]) if data.get("place") else None,
            start=PartialDate.parse(data["start"]) if data.get("start") else None,
            end=PartialDate.parse(data["end"]) if data.get("end") else None,
            participants=Participants(**participants) if participants else None,
            demands=tuple(Demand(d) for d in data.get("demands", [])),
            outcome=Outcome(data["outcome"]) if data.get("outcome") else None,
            repression=tuple(
                Repression(RepressionType(r["type"]), r.get("count"))
                for r in data.get("repression", [])
            ),
            background=bool(data.get("background", False)),
        )


@dataclass(frozen=True)
class SensitiveData:
    """Person-level data that can endanger people.

    Encrypted at rest, readable only by roles that need it, and absent from
    every public schema. Kept apart from ``StruggleFields`` so that a public
    view built from the fields cannot reach it by accident.
    """

    detained_people: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    notes: str | None = None

    def is_empty(self) -> bool:
        return not (self.detained_people or self.contacts or self.notes)


@dataclass(frozen=True)
class Struggle:
    """A struggle in the record: its fields plus identity and review state."""

    id: int | None
    fields: StruggleFields
    status: StruggleStatus = StruggleStatus.CANDIDATE
    version: int = 1
    title: str | None = None
    summary: str | None = None
    confidence: float | None = None
    merged_into: int | None = None
    is_demo: bool = False
    sensitive: SensitiveData = field(default_factory=SensitiveData)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    def with_fields(self, **changes: Any) -> Struggle:
        """A copy with some FORMAT fields changed (the version is storage's job)."""
        return replace(self, fields=replace(self.fields, **changes))


FORMAT_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(StruggleFields))
