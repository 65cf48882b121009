"""Organisations: employers, unions and authorities."""

from __future__ import annotations

from dataclasses import dataclass

from picketline.domain.vocab import OrganisationKind


@dataclass(frozen=True)
class Organisation:
    id: int | None
    name: str
    kind: OrganisationKind
    country: str | None = None
