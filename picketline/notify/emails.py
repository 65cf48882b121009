"""Rendering emails from the templates in ``web/templates/email``.

Plain text (``.txt``, no escaping: it is not markup) and, where there is one,
HTML (``.html``, autoescaped: names and titles come from the public). Links in
emails are absolute, built on ``PICKETLINE_BASE_URL``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2

from picketline.settings import Settings

EMAIL_TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates" / "email"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(EMAIL_TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render_email(
    name: str, context: dict[str, Any], language: str | None = None
) -> tuple[str, str | None]:
    """(text, html) for template ``name``; html is None when there is no ``name.html``.

    With ``language``, ``name.LANG.txt`` (and ``.html``) is used where it exists, so
    a signer who read the appeal in Ukrainian gets the email in Ukrainian.
    """
    env = _environment()
    stem = _localised(name, language)
    text = env.get_template(f"{stem}.txt").render(context)
    html_path = EMAIL_TEMPLATES / f"{stem}.html"
    html = env.get_template(f"{stem}.html").render(context) if html_path.exists() else None
    return text, html


def _localised(name: str, language: str | None) -> str:
    """``name.LANG`` if its text template exists (``pt-br`` falls back to ``pt``); else ``name``."""
    for code in (language, (language or "").split("-")[0]):
        if code and code.isalpha() and (EMAIL_TEMPLATES / f"{name}.{code}.txt").exists():
            return f"{name}.{code}"
    return name


def absolute_url(settings: Settings, path: str, **query: str) -> str:
    """``base_url`` + ``path`` (+ query), for links that leave the site in an email."""
    url = settings.base_url.rstrip("/") + path
    return f"{url}?{urlencode(query)}" if query else url
