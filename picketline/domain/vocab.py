"""The controlled vocabularies of ``shared/eval/FORMAT.md`` as enums.

The string values are the exact codes of the annotation format; every layer
(extraction, storage, API, exports) uses these enums so a typo cannot create a
new code silently.
"""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    """What the workers (or, for ``LOCKOUT``, the employer) did."""

    STRIKE = "strike"
    OCCUPATION = "occupation"
    HUNGER_STRIKE = "hunger_strike"
    DEMONSTRATION = "demonstration"
    PICKET = "picket"
    BLOCKADE = "blockade"
    WORK_TO_RULE = "work_to_rule"
    WALKOUT = "walkout"
    BOYCOTT = "boycott"
    LOCKOUT = "lockout"
    OTHER = "other"


class Demand(StrEnum):
    """What the workers demanded."""

    UNPAID_WAGES = "unpaid_wages"
    PAY = "pay"
    JOBS = "jobs"
    CONDITIONS = "conditions"
    CONTRACT = "contract"
    UNION_RIGHTS = "union_rights"
    BENEFITS = "benefits"
    RELEASE = "release"
    POLITICAL = "political"
    OTHER = "other"


class Outcome(StrEnum):
    """How the struggle stood when the source was written."""

    WON = "won"
    PARTIAL = "partial"
    LOST = "lost"
    ONGOING = "ongoing"
    UNKNOWN = "unknown"


class RepressionType(StrEnum):
    """What authorities or the employer did against the struggle."""

    ARREST = "arrest"
    CHARGES = "charges"
    VIOLENCE = "violence"
    DISMISSAL = "dismissal"
    CENSORSHIP = "censorship"
    BAN = "ban"
    THREAT = "threat"
    TORTURE = "torture"
    NO_PROSECUTION_PLEDGE = "no_prosecution_pledge"
    RELEASE = "release"


class Sector(StrEnum):
    """ISIC Rev.4 sections (the letter codes FORMAT.md uses)."""

    A = "A"  # agriculture, forestry and fishing
    B = "B"  # mining and quarrying
    C = "C"  # manufacturing
    D = "D"  # electricity, gas, steam
    E = "E"  # water supply, sewerage, waste
    F = "F"  # construction
    G = "G"  # wholesale and retail trade
    H = "H"  # transportation and storage
    I = "I"  # noqa: E741  accommodation and food service
    J = "J"  # information and communication
    K = "K"  # financial and insurance
    L = "L"  # real estate
    M = "M"  # professional, scientific and technical
    N = "N"  # administrative and support services
    O = "O"  # noqa: E741  public administration and defence
    P = "P"  # education
    Q = "Q"  # human health and social work
    R = "R"  # arts, entertainment and recreation
    S = "S"  # other service activities
    T = "T"  # households as employers
    U = "U"  # extraterritorial organisations


SECTOR_LABELS: dict[Sector, str] = {
    Sector.A: "Agriculture, forestry and fishing",
    Sector.B: "Mining and quarrying",
    Sector.C: "Manufacturing",
    Sector.D: "Electricity, gas and steam supply",
    Sector.E: "Water supply, sewerage and waste",
    Sector.F: "Construction",
    Sector.G: "Wholesale and retail trade",
    Sector.H: "Transportation and storage",
    Sector.I: "Accommodation and food service",
    Sector.J: "Information and communication",
    Sector.K: "Financial and insurance activities",
    Sector.L: "Real estate activities",
    Sector.M: "Professional, scientific and technical activities",
    Sector.N: "Administrative and support services",
    Sector.O: "Public administration and defence",
    Sector.P: "Education",
    Sector.Q: "Human health and social work",
    Sector.R: "Arts, entertainment and recreation",
    Sector.S: "Other service activities",
    Sector.T: "Households as employers",
    Sector.U: "Extraterritorial organisations",
}


class StruggleStatus(StrEnum):
    """Where a struggle stands in editorial review."""

    CANDIDATE = "candidate"
    PUBLISHED = "published"
    REJECTED = "rejected"
    MERGED = "merged"  # merged into another struggle (see ``merged_into``)


class EventKind(StrEnum):
    """Kinds of dated entries on a struggle's timeline."""

    ACTION_STARTED = "action_started"
    ACTION_ENDED = "action_ended"
    ARREST = "arrest"
    CHARGES = "charges"
    RELEASE = "release"
    VIOLENCE = "violence"
    DISMISSAL = "dismissal"
    CENSORSHIP = "censorship"
    BAN = "ban"
    NEGOTIATION = "negotiation"
    SETTLEMENT = "settlement"
    OUTCOME_CHANGED = "outcome_changed"
    REPORTED = "reported"
    OTHER = "other"


class DatePrecision(StrEnum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class OrganisationKind(StrEnum):
    """Roles an organisation plays in a struggle."""

    EMPLOYER = "employer"
    UNION = "union"
    AUTHORITY = "authority"
