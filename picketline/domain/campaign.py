"""Campaigns: an appeal on a struggle, in several languages, to an employer or authority.

Pure values and their rules (no I/O): what a campaign is, which translation a
reader gets, whether signing is open on a given day, and the limits on what
an editor may enter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

TITLE_MAX = 200
BODY_MAX = 20_000
TARGET_MAX = 300
SLUG_MAX = 80
GOAL_MAX = 100_000_000
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")


@dataclass(frozen=True, slots=True)
class CampaignText:
    """One translation of the appeal: its language (a lower-case BCP 47 tag), title and body."""

    language: str
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Campaign:
    """A campaign as stored; ``texts`` holds at least one translation."""

    id: int | None
    struggle_id: int
    slug: str
    target: str
    goal: int | None
    starts_on: dt.date
    ends_on: dt.date | None
    texts: tuple[CampaignText, ...]
    version: int = 1
    created_by: str = ""
    created_at: dt.datetime | None = None

    def is_open(self, today: dt.date) -> bool:
        """Whether signatures are taken on ``today`` (both ends of the period included)."""
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)

    def text_for(self, preferred: Sequence[str]) -> CampaignText:
        """The translation in the first preferred language there is; else English; else any.

        ``pt-br`` also matches a ``pt`` text and the other way round.
        """
        by_language = {t.language: t for t in self.texts}
        for language in preferred:
            language = language.lower()
            if language in by_language:
                return by_language[language]
            base = language.split("-")[0]
            for code, text in by_language.items():
                if code.split("-")[0] == base:
                    return text
        return by_language.get("en") or self.texts[0]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(t.language for t in self.texts)


@dataclass(frozen=True, slots=True)
class CampaignInput:
    """What an editor enters to open or change a campaign (checked by ``check_campaign``)."""

    struggle_id: int
    slug: str
    target: str
    goal: int | None
    starts_on: dt.date
    ends_on: dt.date | None
    texts: tuple[CampaignText, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class SupportCount:
    """Confirmed supporters: in all, by country (ISO code or "") and by appeal language."""

    total: int
    by_country: tuple[tuple[str, int], ...]
    by_language: tuple[tuple[str, int], ...]


def check_campaign(data: CampaignInput) -> CampaignInput:
    """The input with whitespace trimmed, or ``ValueError`` naming what is wrong."""
    texts_in = [data.slug, data.target, *(f"{t.language}{t.title}{t.body}" for t in data.texts)]
    if any("\x00" in text for text in texts_in):
        raise ValueError("the campaign contains a NUL character; remove it")
    slug = data.slug.strip().lower()
    if not SLUG_PATTERN.match(slug) or len(slug) > SLUG_MAX:
        raise ValueError(
            f"the address name must be lower-case letters, digits and single hyphens "
            f"(at most {SLUG_MAX}), like 'free-the-vorkuta-miners'"
        )
    if slug.isdigit():
        raise ValueError("the address name must contain a letter (numbers are campaign ids)")
    target = " ".join(data.target.split())
    if not target or len(target) > TARGET_MAX:
        raise ValueError(f"say whom the campaign addresses (1 to {TARGET_MAX} characters)")
    if data.goal is not None and not 0 < data.goal <= GOAL_MAX:
        raise ValueError(f"the goal must be a number of supporters from 1 to {GOAL_MAX:,}")
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise ValueError("the campaign cannot end before it starts")
    texts = tuple(_check_text(t) for t in data.texts)
    if not texts:
        raise ValueError("a campaign needs its appeal in at least one language")
    languages = [t.language for t in texts]
    if len(set(languages)) != len(languages):
        raise ValueError("each language may have only one translation of the appeal")
    return CampaignInput(
        data.struggle_id, slug, target, data.goal, data.starts_on, data.ends_on, texts
    )


def _check_text(text: CampaignText) -> CampaignText:
    language = text.language.strip().lower().replace("_", "-")
    if not LANGUAGE_PATTERN.match(language):
        raise ValueError(f"{text.language!r} is not a language code (like en, ru, uk, pt-br)")
    title = " ".join(text.title.split())
    body = text.body.strip().replace("\r\n", "\n")
    if not title or len(title) > TITLE_MAX:
        raise ValueError(f"the {language} title must have 1 to {TITLE_MAX} characters")
    if not body or len(body) > BODY_MAX:
        raise ValueError(f"the {language} appeal must have 1 to {BODY_MAX:,} characters")
    return CampaignText(language, title, body)
