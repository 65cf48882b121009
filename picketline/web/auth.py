"""Who is asking: the request's actor, and the dependencies that guard routes.

CONTRACT (issue #5 fills in the bodies; other areas use only these names):

- ``current_actor(request) -> Actor``: the signed-in user from the session
  cookie, or from ``Authorization: Bearer <token>`` on ``/api/``; else the public.
- ``require(verb, thing)``: a route dependency returning the Actor, answering
  401 to the public and 403 to a signed-in user whom ``can()`` refuses.
- ``csrf_token(request) -> str`` for forms (templates: ``{{ csrf_input() }}``),
  and ``check_csrf`` a dependency for every state-changing form POST.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from picketline.access.permissions import Actor, can


async def current_actor(request: Request) -> Actor:
    """The actor making this request (placeholder: always the public, until #5 lands)."""
    return Actor.public()


def require(verb: str, thing: str) -> Callable[..., Awaitable[Actor]]:
    """A dependency that lets through only actors allowed to ``verb`` a ``thing``."""

    async def dependency(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
        if can(actor, verb, thing):
            return actor
        if not actor.is_authenticated:
            raise HTTPException(status_code=401, detail="Sign in to do this.")
        raise HTTPException(status_code=403, detail=f"Your role may not {verb} a {thing}.")

    return dependency


def csrf_token(request: Request) -> str:
    """The form token bound to this visitor's session (placeholder until #5 lands)."""
    return ""


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing form post whose token is missing or forged (placeholder)."""


ActorDep = Annotated[Actor, Depends(current_actor)]
