"""A report sent through the site's public form, as a document like any other.

The form asks what happened, where and when, in the sender's own words; the
three answers become one plain text that extraction reads like an article
("Where: ...", "When: ..." lines help it find the place and date). The
optional contact is kept apart: it never enters the text, so it can never be
extracted, indexed, shown or exported; storage encrypts it as the source's
reporter contact.

Nothing about the sender's connection is part of a report.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from picketline.domain.dates import PartialDate
from picketline.errors import InputError
from picketline.ingest.raw import RawDocument

ORIGIN = "submission"
OUTLET = "Report sent through the site"
LIMITS = {"what": 10_000, "where": 300, "when": 200, "contact": 300}
MIN_WHAT = 20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(value: str | None, limit: int) -> str:
    """User text made storable: NFC, no control characters (PostgreSQL refuses NUL), trimmed."""
    text = unicodedata.normalize("NFC", value or "")
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()[:limit]


@dataclass(frozen=True)
class SubmittedReport:
    """What a person told us through the form, cleaned; ``contact`` is sensitive."""

    what: str
    where: str = ""
    when: str = ""
    contact: str | None = None

    @classmethod
    def from_form(
        cls, what: str | None, where: str | None, when: str | None, contact: str | None
    ) -> SubmittedReport:
        """Clean the form's answers, or raise ``InputError`` saying what to fix."""
        report = cls(
            what=plain(what, LIMITS["what"]),
            where=plain(where, LIMITS["where"]),
            when=plain(when, LIMITS["when"]),
            contact=plain(contact, LIMITS["contact"]) or None,
        )
        if len(report.what) < MIN_WHAT:
            raise InputError(
                f"Please describe what happened in at least {MIN_WHAT} characters."
            )
        return report

    def text(self) -> str:
        """The document extraction reads (the contact is never part of it)."""
        lines = [self.what]
        if self.where:
            lines.append(f"Where: {self.where}")
        if self.when:
            lines.append(f"When: {self.when}")
        return "\n\n".join(lines)

    def document(self, received: dt.datetime) -> RawDocument:
        """The report as a ``RawDocument``, dated the day it was received (not the time)."""
        day = received.astimezone(dt.UTC)
        return RawDocument(
            text=self.text(),
            origin=ORIGIN,
            retrieved=day.replace(hour=0, minute=0, second=0, microsecond=0),
            title=_title(self.what),
            outlet=OUTLET,
            published=PartialDate(day.year, day.month, day.day),
            published_confidence="stated",
        )


def _title(what: str) -> str:
    first = what.split("\n", 1)[0].strip()
    return first if len(first) <= 80 else first[:79].rstrip() + "…"
