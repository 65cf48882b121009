"""Who may do what: one table and one function, ``can(actor, verb, thing)``.

Every route, action and export asks this one function (DESIGN.md principle 2),
so the answer to "may a contributor publish?" lives in exactly one place and a
test can walk the whole matrix of roles, verbs and things.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """The roles, least to most trusted. The public has no account."""

    PUBLIC = "public"
    CONTRIBUTOR = "contributor"
    EDITOR = "editor"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    """Whoever makes a request or runs a command: a user, or the anonymous public.

    ``name`` is what the audit log records as ``who``; ``user_id`` is ``None``
    for the public and for system actors (ingestion, the command line).
    """

    role: Role
    name: str
    user_id: int | None = None

    @classmethod
    def public(cls) -> Actor:
        return cls(Role.PUBLIC, "public")

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        """The command line and background jobs act with admin rights under their name."""
        return cls(Role.ADMIN, name)

    @property
    def is_authenticated(self) -> bool:
        return self.role is not Role.PUBLIC


# thing -> verb -> the least role allowed. A (verb, thing) pair not listed is refused
# to everyone: adding a route means adding its line here, and the matrix test.
PERMISSIONS: dict[str, dict[str, Role]] = {
    "struggle": {
        "read": Role.PUBLIC,  # published ones; candidates are "candidate"
        "edit": Role.EDITOR,
        "publish": Role.EDITOR,
        "reject": Role.EDITOR,
        "merge": Role.EDITOR,
        "split": Role.EDITOR,
        "revert": Role.EDITOR,
        "history": Role.EDITOR,
    },
    "candidate": {
        "read": Role.CONTRIBUTOR,
        "create": Role.CONTRIBUTOR,
        "edit": Role.CONTRIBUTOR,  # drafts; publishing stays with editors
    },
    "submission": {"create": Role.PUBLIC},
    "sensitive": {"read": Role.EDITOR},  # workers', sources', pledgers' names and contacts
    "campaign": {"read": Role.PUBLIC, "create": Role.EDITOR, "edit": Role.EDITOR},
    "pledge": {"create": Role.PUBLIC, "export": Role.EDITOR, "read": Role.EDITOR},
    "ledger": {"read": Role.PUBLIC, "record": Role.EDITOR, "donors": Role.EDITOR},
    "subscription": {"create": Role.PUBLIC, "read": Role.ADMIN},
    "webhook": {"create": Role.EDITOR, "read": Role.EDITOR, "edit": Role.EDITOR},
    "audit": {"read": Role.EDITOR, "verify": Role.ADMIN},
    "user": {"create": Role.ADMIN, "edit": Role.ADMIN, "read": Role.ADMIN},
    "export": {"public": Role.PUBLIC, "all": Role.EDITOR},
}

_RANK = {Role.PUBLIC: 0, Role.CONTRIBUTOR: 1, Role.EDITOR: 2, Role.ADMIN: 3}


def can(actor: Actor, verb: str, thing: str) -> bool:
    """Whether ``actor`` may ``verb`` a ``thing``; unknown pairs are refused."""
    least = PERMISSIONS.get(thing, {}).get(verb)
    return least is not None and _RANK[actor.role] >= _RANK[least]
