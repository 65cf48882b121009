"""Full-text search over struggles and their sources' text: one function, two engines.

SQLite uses the FTS5 table ``struggle_fts`` (external content over
``struggle_search``, kept in sync by triggers); PostgreSQL the generated
``tsvector`` column of ``struggle_search`` with its GIN index. Both index the
same document (``convert.search_document``) and match every word of the query
(case- and, on SQLite, accent-insensitive). Query syntax is never passed
through, so a stray quote or operator cannot cause an error.
"""

from __future__ import annotations

import re

from sqlalchemy import Integer, Select, false, select, text
from sqlalchemy.sql.selectable import TextualSelect

from picketline.db import Database
from picketline.db.models import StruggleRow, StruggleSearchRow
from picketline.domain.vocab import StruggleStatus

_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    """The words of a user's query; everything else is ignored."""
    return _WORD.findall(query)


def _fts5_query(words: list[str]) -> str:
    return " ".join(f'"{w}"' for w in words)


def match_ids(dialect: str, query: str) -> Select[int] | TextualSelect:
    """A subquery of the ids of struggles whose document matches every word."""
    words = query_words(query)
    if not words:
        return select(StruggleRow.id).where(false())
    if dialect == "sqlite":
        fts = text("SELECT rowid FROM struggle_fts WHERE struggle_fts MATCH :fts_q")
        return fts.bindparams(fts_q=_fts5_query(words)).columns(rowid=Integer)
    matches = text("tsv @@ plainto_tsquery('simple', :fts_q)").bindparams(fts_q=" ".join(words))
    return select(StruggleSearchRow.struggle_id).where(matches)


def search_struggles(
    db: Database,
    query: str,
    *,
    status: StruggleStatus | None = StruggleStatus.PUBLISHED,
    limit: int = 50,
) -> list[int]:
    """Ids of struggles matching every word of ``query``, best match first."""
    words = query_words(query)
    if not words:
        return []
    with db.session() as session:
        if db.dialect == "sqlite":
            sql = (
                "SELECT s.id FROM struggle_fts JOIN struggles s ON s.id = struggle_fts.rowid "
                "WHERE struggle_fts MATCH :q {status} "
                "ORDER BY struggle_fts.rank, s.id DESC LIMIT :n"
            )
            params: dict[str, object] = {"q": _fts5_query(words), "n": limit}
        else:
            sql = (
                "SELECT s.id FROM struggle_search x JOIN struggles s ON s.id = x.struggle_id, "
                "plainto_tsquery('simple', :q) q WHERE x.tsv @@ q {status} "
                "ORDER BY ts_rank(x.tsv, q) DESC, s.id DESC LIMIT :n"
            )
            params = {"q": " ".join(words), "n": limit}
        if status is not None:
            params["status"] = status.value
        sql = sql.format(status="AND s.status = :status" if status is not None else "")
        return list(session.scalars(text(sql), params))
