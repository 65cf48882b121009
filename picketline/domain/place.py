"""Places: where a struggle happened, resolved against GeoNames where possible."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PlacePrecision(StrEnum):
    """What kind of place a name resolved to; the coarser, the wider the error."""

    SITE = "site"
    TOWN = "town"
    REGION = "region"
    COUNTRY = "country"


@dataclass(frozen=True)
class Place:
    """A named place, with coordinates and a GeoNames id where they are known."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: PlacePrecision | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)

    def to_format(self) -> dict[str, object]:
        """The FORMAT.md ``place`` object (plus ``geonames_id``, ``admin1``, ``precision``)."""
        out: dict[str, object] = {"name": self.name}
        if self.aliases:
            out["aliases"] = list(self.aliases)
        for key in ("country", "admin1", "lat", "lon", "geonames_id"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.precision is not None:
            out["precision"] = self.precision.value
        return out

    @classmethod
    def from_format(cls, data: dict[str, object]) -> Place:
        def opt_float(key: str) -> float | None:
            value = data.get(key)
            return float(value) if isinstance(value, (int, float)) else None

        geonames = data.get("geonames_id")
        precision = data.get("precision")
        aliases = data.get("aliases") or []
        return cls(
            name=str(data["name"]),
            country=str(data["country"]) if data.get("country") else None,
            admin1=str(data["admin1"]) if data.get("admin1") else None,
            lat=opt_float("lat"),
            lon=opt_float("lon"),
            geonames_id=int(geonames) if isinstance(geonames, int) else None,
            precision=PlacePrecision(precision) if isinstance(precision, str) else None,
            aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        )
