"""Errors a user can act on: each carries a one-line message for the CLI and web.

Anything raised as ``PicketlineError`` is shown to the user as its message and a
non-zero exit, never as a traceback.
"""


class PicketlineError(Exception):
    """A clear, one-line, user-facing error."""


class ConfigurationError(PicketlineError):
    """Settings are wrong: a bad database URL, a missing key, an insecure default."""


class StorageError(PicketlineError):
    """The database cannot be used: unreachable, corrupted, locked, too new."""


class ConflictError(PicketlineError):
    """Someone else changed the record since it was read (optimistic locking)."""


class NotFoundError(PicketlineError):
    """The requested record does not exist (or is not visible to the actor)."""


class InputError(PicketlineError):
    """An input file or value cannot be read: binary, truncated, wrong encoding."""
