"""The audit log: who changed what, when, and why. Append-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AuditEntry:
    id: int | None
    at: dt.datetime
    actor: str  # a user name, or "system:ingest", "system:demo", ...
    action: str  # e.g. "struggle.create", "struggle.update", "struggle.merge"
    entity: str  # e.g. "struggle"
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None = None
