"""Extraction: a news article in, FORMAT.md struggles with evidence out.

``extract(text, published=..., url=..., language=...)`` is the library call
behind ``picketline extract`` and ``picketline eval``. It never touches the
database.
"""

from picketline.extract.pipeline import Extractor, extract

__all__ = ["Extractor", "extract"]
