"""Reading what ``picketline eval`` and ``picketline extract`` take in.

An annotated folder holds ``NAME.json`` (the FORMAT.md gold object) beside
``NAME.txt``; a JSONL corpus holds one ``{"id", "text", "published"?, "url"?,
"relevant"?}`` object a line. Problems are ``InputError`` lines naming the file
(and line), because a half-read corpus gives misleading scores.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from picketline.domain.dates import PartialDate
from picketline.errors import InputError


@dataclass(frozen=True)
class AnnotatedArticle:
    """One gold annotation and the article file it describes."""

    name: str
    text_path: Path
    gold: dict[str, Any]
    published: PartialDate | None
    url: str | None


@dataclass(frozen=True)
class CorpusLine:
    """One document of a JSONL corpus."""

    id: str
    text: str
    published: PartialDate | None
    url: str | None
    relevant: bool | None


def parse_published(value: Any, where: str) -> PartialDate | None:
    """An ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or a longer timestamp) or None."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return PartialDate.parse(text[:10] if len(text) > 10 and text[10] in "T " else text)
    except ValueError:
        raise InputError(
            f"{where}: published date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None


def load_annotated_dir(folder: Path) -> list[AnnotatedArticle]:
    """Every annotated article in ``folder`` (NAME.json beside its text), sorted by name."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    articles = [_load_annotation(path) for path in sorted(folder.glob("*.json"))]
    if not articles:
        raise InputError(f"{folder}: no annotated articles (NAME.json beside NAME.txt) found")
    return articles


def _load_annotation(path: Path) -> AnnotatedArticle:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a readable JSON annotation ({error})") from None
    if not isinstance(gold, dict) or "relevant" not in gold:
        raise InputError(f"{path}: not a FORMAT.md annotation (no 'relevant')")
    document = gold.get("document") or {}
    text_path = path.with_name(document.get("text_file") or f"{path.stem}.txt")
    if not text_path.is_file():
        raise InputError(f"{path}: its article {text_path.name} is missing")
    return AnnotatedArticle(
        name=path.stem,
        text_path=text_path,
        gold=gold,
        published=parse_published(document.get("published"), str(path)),
        url=document.get("url"),
    )


def read_jsonl(path: Path) -> Iterator[CorpusLine]:
    """The documents of a JSONL corpus, in file order; blank lines are skipped."""
    try:
        handle = path.open(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _corpus_line(line, f"{path}:{number}")
        except UnicodeDecodeError:
            raise InputError(f"{path}: a JSONL corpus must be UTF-8") from None


def _corpus_line(line: str, where: str) -> CorpusLine:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not a JSON object ({error.msg})") from None
    if not isinstance(data, dict) or "text" not in data or "id" not in data:
        raise InputError(f"{where}: each line needs an 'id' and a 'text'")
    if not isinstance(data["text"], str):
        raise InputError(f"{where}: 'text' must be a string")
    relevant = data.get("relevant")
    return CorpusLine(
        id=str(data["id"]),
        text=data["text"],
        published=parse_published(data.get("published"), where),
        url=data.get("url"),
        relevant=bool(relevant) if relevant is not None else None,
    )
