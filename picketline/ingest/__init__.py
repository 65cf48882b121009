"""Getting documents in: files, HTML, feeds and submissions, decoded to clean text.

``decode`` reads one file's bytes whatever its encoding (UTF-8/16, the old
Cyrillic code pages) and strips HTML, so every later stage sees plain text
with ``\\n`` newlines and meaningful character offsets.
"""

from picketline.ingest.decode import DecodedDocument, decode_bytes, read_document

__all__ = ["DecodedDocument", "decode_bytes", "read_document"]
