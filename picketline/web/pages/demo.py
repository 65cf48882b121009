"""Does the database hold demo data? Every page shows a banner when it does.

Demo struggles are generated, not real; a journalist must never mistake one
for a fact. The answer is cached for a few seconds per app because every page
asks and it changes only when someone loads or deletes demo data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from picketline.db.struggles import has_demo_struggles
from picketline.web.deps import DbDep

CACHE_SECONDS = 10.0


@dataclass
class DemoCache:
    """The last answer and when it was taken (monotonic seconds)."""

    value: bool = False
    taken: float = float("-inf")


def has_demo(request: Request, db: DbDep) -> bool:
    """The cached answer for this app, refreshed every ``CACHE_SECONDS``."""
    cache: DemoCache = request.app.state.demo_cache
    now = time.monotonic()
    if now - cache.taken > CACHE_SECONDS:
        cache.value, cache.taken = has_demo_struggles(db), now
    return cache.value


DemoFlag = Annotated[bool, Depends(has_demo)]
