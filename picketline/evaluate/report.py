"""Score tables for the terminal (rich), kept apart from the scoring rules."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from picketline.evaluate.scoring import CorpusScore, FieldCounts, RelevanceCounts


def _pct(value: float) -> str:
    return f"{value:.3f}"


def relevance_table(relevance: RelevanceCounts, documents: int) -> Table:
    table = Table(title=f"Relevance over {documents} documents", title_justify="left")
    for column in ("precision", "recall", "F1", "TP", "FP", "FN", "TN"):
        table.add_column(column, justify="right")
    table.add_row(
        _pct(relevance.precision),
        _pct(relevance.recall),
        _pct(relevance.f1),
        str(relevance.true_positive),
        str(relevance.false_positive),
        str(relevance.false_negative),
        str(relevance.true_negative),
    )
    return table


def fields_table(score: CorpusScore) -> Table:
    table = Table(title="Struggle fields", title_justify="left")
    table.add_column("field")
    for column in ("precision", "recall", "F1", "gold pts", "pred pts", "earned"):
        table.add_column(column, justify="right")
    for name, counts in score.fields.items():
        table.add_row(name, *_field_cells(counts))
    table.add_section()
    table.add_row("[bold]micro[/bold]", *_field_cells(score.micro))
    return table


def _field_cells(counts: FieldCounts) -> list[str]:
    return [
        _pct(counts.precision),
        _pct(counts.recall),
        _pct(counts.f1),
        str(counts.gold_points),
        str(counts.predicted_points),
        f"{counts.earned_recall:.2f}",
    ]


def documents_table(score: CorpusScore) -> Table:
    table = Table(title="Per article", title_justify="left")
    for column in ("article", "gold rel", "pred rel", "pairs", "missed", "spurious", "micro F1"):
        if column == "article":
            table.add_column(column, overflow="fold")
        else:
            table.add_column(column, justify="right")
    for document in score.documents:
        micro = FieldCounts()
        for counts in document.fields.values():
            micro.add(counts)
        table.add_row(
            document.name,
            _yes(document.gold_relevant),
            _yes(document.predicted_relevant),
            str(len(document.pairs)),
            str(len(document.missed)),
            str(len(document.spurious)),
            _pct(micro.f1),
        )
    return table


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def print_field_report(console: Console, score: CorpusScore, *, verbose: bool = False) -> None:
    console.print(relevance_table(score.relevance, len(score.documents)))
    console.print(fields_table(score))
    if verbose:
        console.print(documents_table(score))
    console.print(f"[bold]micro F1 {score.micro.f1:.3f}[/bold]")


def print_relevance_report(
    console: Console,
    relevance: RelevanceCounts,
    documents: int,
    false_positives: Sequence[str],
    false_negatives: Sequence[str],
    *,
    verbose: bool = False,
) -> None:
    console.print(relevance_table(relevance, documents))
    if verbose:
        for label, ids in (
            ("false positives", false_positives),
            ("false negatives", false_negatives),
        ):
            console.print(f"{label} ({len(ids)}): " + (", ".join(ids) if ids else "none"))
    console.print(f"[bold]relevance F1 {relevance.f1:.3f}[/bold]")
