"""Benchmark: near-duplicate index build and query time as the corpus grows.

    .venv/bin/python bench/bench_resolve.py [--sizes 10000,30000,100000] [--seed 1]

The corpus is synthetic and made here: distinct stories (words drawn from a
Zipf-like vocabulary, so common words repeat as in real text), light edits of
earlier stories (some words changed, a sentence dropped, a headline added) and
excerpts of 20-50 % of earlier stories. Each size reports the CPU time to
add every document and to query every document against the full index (CPU,
not wall time, because the machine is shared),
the size of the pickled index, the peak memory of the process (which
also holds the generated corpus), and the recall of the planted duplicates and
the share of distinct stories wrongly flagged, so that speed is not bought
with accuracy. Times per document that stay flat as the size grows show the
linear growth.
"""

from __future__ import annotations

import argparse
import pickle
import resource
import time
from dataclasses import dataclass

import numpy as np

from picketline.resolve.dedup import DocumentIndex

VOCABULARY = 30_000
SYLLABLES = ["ka", "po", "ri", "ste", "lo", "mun", "da", "vi", "ser", "to", "an", "bel", "ku", "ne"]


@dataclass(frozen=True)
class Doc:
    id: int
    text: str
    parent: int | None  # the story this one copies or excerpts


def vocabulary(rng: np.random.Generator) -> list[str]:
    words: set[str] = set()
    while len(words) < VOCABULARY:
        parts = rng.choice(SYLLABLES, size=int(rng.integers(1, 5)))
        words.add("".join(parts))
    return sorted(words)


class Corpus:
    """Stories, light edits and excerpts, in a stable order for one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.words = np.array(vocabulary(self.rng))
        ranks = np.arange(1, VOCABULARY + 1)
        self.p = (1.0 / ranks**1.1) / (1.0 / ranks**1.1).sum()
        self.stories: list[int] = []

    def story(self) -> str:
        size = int(self.rng.integers(150, 450))
        chosen = self.words[self.rng.choice(VOCABULARY, size=size, p=self.p)]
        sentences = [" ".join(chosen[i : i + 15]) for i in range(0, size, 15)]
        return ". ".join(sentences) + "."

    def edit(self, text: str) -> str:
        words = text.split()
        for i in self.rng.choice(len(words), size=max(1, len(words) // 25), replace=False):
            words[i] = str(self.rng.choice(self.words))
        sentences = " ".join(words).split(". ")
        sentences.pop(int(self.rng.integers(len(sentences))))
        return "BREAKING " + ". ".join(sentences)

    def excerpt(self, text: str) -> str:
        words = text.split()
        size = int(len(words) * self.rng.uniform(0.2, 0.5))
        start = int(self.rng.integers(0, len(words) - size))
        return " ".join(words[start : start + size])

    def documents(self, n: int) -> list[Doc]:
        docs: list[Doc] = []
        for number in range(n):
            kind = self.rng.random() if self.stories else 0.0
            if kind < 0.6:
                self.stories.append(number)
                docs.append(Doc(number, self.story(), None))
                continue
            parent = self.stories[int(self.rng.integers(len(self.stories)))]
            change = self.edit if kind < 0.8 else self.excerpt
            docs.append(Doc(number, change(docs[parent].text), parent))
        return docs


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: int, seed: int) -> dict[str, float]:
    docs = Corpus(seed).documents(size)
    index = DocumentIndex()
    started = time.process_time()
    for doc in docs:
        index.add(doc.id, doc.text)
    built = time.process_time() - started
    started = time.process_time()
    found = {doc.id: {d.doc_id for d in index.near_duplicates(doc.text)} - {doc.id} for doc in docs}
    queried = time.process_time() - started
    planted = [d for d in docs if d.parent is not None]
    recall = sum(d.parent in found[d.id] for d in planted) / max(1, len(planted))
    relatives = {d.parent for d in planted} | {d.id for d in planted}
    loners = [d for d in docs if d.id not in relatives]
    false_flags = sum(bool(found[d.id]) for d in loners) / max(1, len(loners))
    index_mb = len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20
    return {"build_s": built, "query_s": queried, "recall": recall, "false": false_flags,
            "index_mb": index_mb}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"{'docs':>8} {'build s':>8} {'query s':>8} {'µs/doc':>8} {'index MB':>8} "
          f"{'peak MB':>8} {'recall':>7} {'false+':>7}")  # fmt: skip
    for size in (int(s) for s in args.sizes.split(",")):
        r = run(size, args.seed)
        per_doc = (r["build_s"] + r["query_s"]) / size * 1e6
        print(
            f"{size:>8} {r['build_s']:>8.1f} {r['query_s']:>8.1f} {per_doc:>8.0f} "
            f"{r['index_mb']:>8.0f} {peak_mb():>8.0f} {r['recall']:>7.3f} {r['false']:>7.4f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
