"""Measuring extraction against the FORMAT.md gold annotations.

``scoring`` holds the pure rules (pairing, per-field points, P/R/F1);
``fields`` the per-field agreement functions; ``corpus`` reads annotated
folders and JSONL corpora; ``runner`` runs extraction over many documents;
``report`` renders the scores for the terminal.
"""

from picketline.evaluate.scoring import (
    CorpusScore,
    DocumentScore,
    FieldCounts,
    RelevanceCounts,
    score_corpus,
    score_document,
)

__all__ = [
    "CorpusScore",
    "DocumentScore",
    "FieldCounts",
    "RelevanceCounts",
    "score_corpus",
    "score_document",
]
