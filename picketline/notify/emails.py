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


def render_email(name: str, context: dict[str, Any]) -> tuple[str, str | None]:
    """(text, html) for template ``name``; html is None when there is no ``name.html``."""
    env = _environment()
    text = env.get_template(f"{name}.txt").render(context)
    html_path = EMAIL_TEMPLATES / f"{name}.html"
    html = env.get_template(f"{name}.html").render(context) if html_path.exists() else None
    return text, html


def absolute_url(settings: Settings, path: str, **query: str) -> str:
    """``base_url`` + ``path`` (+ query), for links that leave the site in an email."""
    url = settings.base_url.rstrip("/") + path
    return f"{url}?{urlencode(query)}" if query else url
