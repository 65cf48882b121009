"""The alert emails: the double opt-in confirmation and the digest of struggles.

Texts come from ``web/templates/email/alert_*.txt`` (and an HTML digest,
autoescaped: titles come from scraped articles). Every digest carries its
unsubscribe link in the body and in ``List-Unsubscribe``. Only public facts of
published struggles go into a digest: it is built from list records, which
never carry sensitive data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from picketline.db.filters import StruggleFilter
from picketline.db.struggles import StruggleRecord
from picketline.notify.emails import absolute_url, render_email
from picketline.settings import Settings

CONFIRM_PURPOSE = "alert-confirm"
UNSUBSCRIBE_PURPOSE = "alert-unsubscribe"


@dataclass(frozen=True)
class Email:
    subject: str
    text: str
    html: str | None


@dataclass(frozen=True)
class DigestItem:
    title: str
    where: str
    when: str
    url: str
    is_new: bool


def describe_filter(wanted: StruggleFilter) -> str:
    """The filter in words for an email: ``country UA; action strike; keyword "miners"``."""
    parts = []
    for name in ("country", "region", "sector", "action", "demand", "outcome", "repression"):
        values = [str(v) for v in getattr(wanted, name)]
        if values:
            parts.append(f"{name} {' or '.join(values)}")
    if wanted.q:
        parts.append(f'keyword "{wanted.q}"')
    return "; ".join(parts) or "every struggle"


def confirmation_email(
    settings: Settings, token: str, wanted: StruggleFilter, frequency: str
) -> Email:
    text, html = render_email(
        "alert_confirm",
        {
            "frequency": frequency,
            "wanted": describe_filter(wanted),
            "hours": f"{settings.confirm_token_hours:g}",
            "confirm_url": absolute_url(settings, "/alerts/confirm", token=token),
        },
    )
    return Email("Confirm your Picketline alerts", text, html)


def digest_item(settings: Settings, record: StruggleRecord, is_new: bool) -> DigestItem:
    """One line of a digest from a struggle's public fields (never its sensitive data)."""
    struggle = record.struggle
    fields = struggle.fields
    place = fields.place
    where = ", ".join(p for p in ((place.name, place.country) if place else ()) if p)
    when = fields.start.isoformat() if fields.start else ""
    url = absolute_url(settings, f"/struggles/{struggle.id}")
    return DigestItem(plain_title(record), where, when, url, is_new)


def plain_title(record: StruggleRecord) -> str:
    """The stored title, or one made of the action, workers and place (as the pages do)."""
    struggle = record.struggle
    if struggle.title:
        return struggle.title
    fields = struggle.fields
    what = str(fields.actions[0]).replace("_", " ").capitalize() if fields.actions else "Struggle"
    who = fields.workers or fields.workplace or fields.employer
    where = fields.place.name if fields.place else None
    return what + (f" by {who}" if who else "") + (f" in {where}" if where else "")


def digest_email(
    settings: Settings,
    items: Sequence[DigestItem],
    wanted: StruggleFilter,
    frequency: str,
    unsubscribe_url: str,
) -> Email:
    context = {
        "count": len(items),
        "items": items,
        "wanted": describe_filter(wanted),
        "frequency": frequency,
        "alerts_url": absolute_url(settings, "/alerts"),
        "unsubscribe_url": unsubscribe_url,
    }
    text, html = render_email("alert_digest", context)
    noun = "struggle" if len(items) == 1 else "struggles"
    return Email(f"Picketline: {len(items)} {noun} new or changed", text, html)
