"""Pledges (signatures): what a signer gives, and how it is checked and keyed.

Pure rules, no I/O. Email addresses are checked and normalised with
``email-validator`` (internationalised domains and local parts accepted, the
domain in its Unicode form, lower case); uniqueness uses a keyed hash of the
normalised address, so the database can refuse a second signature without
ever holding the address in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

NAME_MAX = 200
ORGANISATION_MAX = 200
EMAIL_MAX = 320
_EMAIL_HASH_LABEL = b"picketline pledge email v1"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Email:
    """A checked address: ``display`` as the signer wrote it (normalised), ``deliver_to``
    the form the mail server gets (ASCII domain where possible), ``key`` for uniqueness."""

    display: str
    deliver_to: str
    key: str


@dataclass(frozen=True, slots=True)
class PledgeInput:
    """A signature as submitted (before checking)."""

    name: str
    email: str
    country: str | None = None
    organisation: str | None = None
    show_name: bool = False
    language: str = "en"


@dataclass(frozen=True, slots=True)
class CheckedPledge:
    """A signature that passed ``check_pledge``."""

    name: str
    email: Email
    country: str | None
    organisation: str | None
    show_name: bool
    language: str


def check_email(text: str) -> Email:
    """The normalised address, or ``ValueError`` with a message a signer understands."""
    text = text.strip()
    if not text:
        raise ValueError("Please give your email address: we send you a link to confirm.")
    if len(text) > EMAIL_MAX:
        raise ValueError("This email address is too long.")
    try:
        checked = validate_email(text, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as error:
        raise ValueError(f"This email address is not valid: {error}") from None
    local, _, domain = checked.normalized.rpartition("@")
    display = f"{local}@{domain.lower()}"
    deliver = checked.ascii_email or display
    return Email(display, deliver, display.casefold())


def email_hash(email: Email, secret: str) -> str:
    """A keyed hash of the address (HMAC-SHA256 under a key derived from ``secret``)."""
    key = hmac.new(secret.encode("utf-8"), _EMAIL_HASH_LABEL, hashlib.sha256).digest()
    return hmac.new(key, email.key.encode("utf-8"), hashlib.sha256).hexdigest()


def clean_line(text: str | None) -> str:
    """One line of text: Unicode NFC, control and direction characters removed, spaces folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    return " ".join(_CONTROL.sub(" ", text).split())


def check_pledge(data: PledgeInput, known_countries: frozenset[str]) -> CheckedPledge:
    """The cleaned signature, or ``ValueError`` saying what to fix."""
    if len(data.name) > NAME_MAX * 4:  # refuse before doing work on a huge value
        raise ValueError(f"Your name is too long: at most {NAME_MAX} characters, please.")
    name = clean_line(data.name)
    if not name:
        raise ValueError("Please give your name (it is shown only if you tick the box).")
    if len(name) > NAME_MAX:
        raise ValueError(f"Your name is too long: at most {NAME_MAX} characters, please.")
    if len(data.organisation or "") > ORGANISATION_MAX * 4:
        raise ValueError(f"The organisation's name is too long: at most {ORGANISATION_MAX}.")
    organisation = clean_line(data.organisation) or None
    if organisation and len(organisation) > ORGANISATION_MAX:
        raise ValueError(f"The organisation's name is too long: at most {ORGANISATION_MAX}.")
    country = (data.country or "").strip().upper() or None
    if country is not None and country not in known_countries:
        raise ValueError("Please choose your country from the list.")
    language = (data.language or "en").strip().lower()[:16] or "en"
    return CheckedPledge(
        name, check_email(data.email), country, organisation, data.show_name, language
    )
